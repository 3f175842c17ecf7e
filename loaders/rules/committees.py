"""Committee names: what a committee, council or board is called, with the words around it gone.

Minutes name the body that met in many ways: ``Økonomiudvalget``, ``Udvalget for Job &
Arbejdsmarked``, councils (``Byrådet``, ``Aarhus Byråd``, ``Kommunalbestyrelsen``,
``Borgerrepræsentationen``, ``Regionsrådet``), råd and boards that are not udvalg
(``Integrationsrådet``, ``Lokale Beskæftigelsesråd``, ``Handicaprådet``), with an electoral
period (``Kommunalbestyrelsen 2022-2025``, ``Udvalget for X (2018-2021)``: the same body), in
the genitive before ``møde`` (``Integrationsudvalgets møde``), and after the words of a title
(``Referat af møde i X``, ``Dagsorden til X``, ``Referat - X``, ``Beslutningsprotokol for X``).

A name is taken only when it has the shape of one: it ends in the word for a body (``udvalg``,
``råd``, ``bestyrelse``, ``kommission``, ``repræsentantskab``, ``Borgerrepræsentationen``) with
nothing before it but a municipality (``Aarhus Byråd``), a few adjectives (``Det Lokale``), or
the parts of an enumeration (``Social-, Sundheds- og Ældreudvalget``); or it is
``Udvalget/Rådet/Bestyrelsen for ...`` without the words of a sentence. Anything else (``Orientering
fra Ældrerådet``, ``Nyt Ældreråd``) is an item title or a sentence: a wrong committee is worse
than none.
"""

from __future__ import annotations

import re

from loaders import municipalities

# What a body's name ends in (lower case), its genitive adding an "s".
BODY_ENDINGS = (
    "udvalg",
    "udvalget",
    "råd",
    "rådet",
    "bestyrelse",
    "bestyrelsen",
    "kommission",
    "kommissionen",
    "repræsentantskab",
    "repræsentantskabet",
    "borgerrepræsentationen",
    "magistrat",  # Aarhus and Odense: the magistrate recommends to the council
    "magistraten",
)
# "Udvalget for ...", "Det Rådgivende Udvalg for ...": the name goes on after "for".
_FOR_NAME = re.compile(
    r"(?:(?:Det|Den|Det\s+\w+)\s+)?(?:Udvalget|Udvalg|Rådet|Råd|Bestyrelsen|Bestyrelse|"
    r"Kommissionen)\s+(?:for|vedr\.?|vedrørende)\s+(?P<rest>.+)",
    re.IGNORECASE,
)
# Small words that join the parts of a name (``Børne- og Ungeudvalget``); any other word in
# lower case before the body's word makes the text a sentence or a title (``Orientering fra
# Ældrerådet``, ``Valg til Handicaprådet``).
_JOINERS = frozenset({"og", "&", "-", "–", "samt"})
# Words of a sentence, never of a name: "Udvalget for Job har besluttet at ...".
_SENTENCE_WORDS = frozenset(
    {
        "har",
        "er",
        "var",
        "blev",
        "bliver",
        "skal",
        "skulle",
        "vil",
        "ville",
        "kan",
        "kunne",
        "at",
        "som",
        "der",
        "om",
        "den",
        "det",
        "de",
        "sig",
        "ikke",
        "godkendte",
        "godkender",
        "besluttede",
        "beslutter",
        "tiltrådte",
        "tiltræder",
        "anbefaler",
        "indstiller",
    }
)
_TITLE_WORDS = re.compile(
    r"(?:(?:referat|dagsorden|beslutningsprotokol|beslutningsreferat|mødereferat|protokol|"
    r"tillægsdagsorden)(?![\wæøå])[\s:.,–-]*(?:(?:af|fra|for|til|over)\s+)?)?"
    r"(?:(?:(?:det|den)\s+)?"
    r"(?:(?:ordinære|ekstraordinære|ordinært|ekstraordinært|konstituerende|fælles)\s+)?"
    r"møde(?:t)?\s+(?:i|for)\s+)?",
    re.IGNORECASE,
)
# The same after the name: "Økonomiudvalget - referat", "Børne- og Ungeudvalget, ordinært
# møde", "Økonomiudvalget (ekstraordinært møde)".
_TITLE_AFTER = re.compile(
    r"(?:\s*[,:–-]\s*|\s+\()(?:referat|dagsorden|beslutningsprotokol|beslutningsreferat|"
    r"(?:(?:ordinært|ekstraordinært|konstituerende)\s+)?møde)\)?$",
    re.IGNORECASE,
)
# Capitalised words that may stand before a body's word ("Det Lokale Beskæftigelsesråd",
# "Fælles Ældreråd"); other than these only a municipality ("Aarhus Byråd") or the parts of an
# enumeration ("Kultur og Fritidsudvalget", "Plan, Miljø og Klimaudvalget").
_BEFORE_BODY = frozenset(
    {
        "det",
        "den",
        "lokale",
        "lokalt",
        "centrale",
        "fælles",
        "grønt",
        "grønne",
        "regionale",
        "rådgivende",
        "tværgående",
        "særlige",
        "midlertidige",
        "stående",
    }
)
# An electoral period after the name: 2022-2025, - 2022-2025, (2018-2021), 2018 - 2021, 2022-25.
_ELECTORAL_PERIOD = re.compile(
    r"[\s,]*(?:[-–][\s]*)?\(?\s*(?:valgperiode\s+)?(?:19|20)\d\d\s*[-–/]\s*(?:(?:19|20)?\d\d)\s*\)?$",
    re.IGNORECASE,
)
# "Integrationsudvalgets møde", "Byrådets ordinære møde": the genitive and the word "møde";
# "Økonomiudvalgets beslutning": the genitive and the word "beslutning".
_MEETING_OF = re.compile(
    r"(?P<who>.+?)(?:'s|s)\s+(?:(?:ordinære|ekstraordinære|konstituerende)\s+)?møde$",
    re.IGNORECASE,
)
_DECISION_OF = re.compile(r"(?P<who>.+?)(?:'s|s)\s+beslutning$", re.IGNORECASE)
_LONGEST_NAME = 14  # words; longer is a sentence
_NOT_IN_A_NAME = re.compile(r"[.:;!?\"“”()\d]|\s-\s|\s–\s")
# "Social- og Sundhedsudvalget (SSU)": the committee's abbreviation after its name.
_ABBREVIATION = re.compile(r"\s*\([A-ZÆØÅ][A-ZÆØÅ&/-]{1,7}\)$")


def strip_electoral_period(name: str) -> str:
    """The name without the electoral period printed after it.

    >>> strip_electoral_period("Kommunalbestyrelsen 2022-2025")
    'Kommunalbestyrelsen'
    >>> strip_electoral_period("Udvalget for Børn og Unge (2018-2021)")
    'Udvalget for Børn og Unge'
    >>> strip_electoral_period("Udvalget for Job - 2022-2025")
    'Udvalget for Job'
    """
    return _ELECTORAL_PERIOD.sub("", name).strip(" ,-–")


def _ends_in_body(word: str) -> bool:
    return word.lower().endswith(BODY_ENDINGS)


def _before_body(before: list[str], body: str) -> bool:
    """Whether the words ``before`` a body's word belong to its name (see the docstring)."""
    if before and municipalities.by_name(" ".join(before)) is not None:
        return True  # "Aarhus Byråd", "Ringkøbing-Skjern Byråd"
    for position, word in enumerate(before):
        following = before[position + 1] if position + 1 < len(before) else body
        if not (
            word.lower() in _JOINERS
            or word.lower() in _BEFORE_BODY
            or (word[0].isalpha() and word.endswith(("-", "-,", ",")))
            or (word[0].isupper() and following.lower() in _JOINERS)
        ):
            return False
    return True


def _shaped(name: str) -> bool:
    """Whether ``name`` has the shape of a body's name (see the module's docstring)."""
    words = name.split()
    if not words or len(words) > _LONGEST_NAME or not name[0].isupper():
        return False
    if _NOT_IN_A_NAME.search(name):
        return False
    match = _FOR_NAME.fullmatch(name)
    if match is not None:
        rest = match["rest"].strip(" ,&-–")
        return bool(rest) and not any(w.lower() in _SENTENCE_WORDS for w in rest.split())
    return _ends_in_body(words[-1]) and _before_body(words[:-1], words[-1])


def genitive_body(text: str, *, decision: bool = False) -> str | None:
    """The body whose meeting (or with ``decision``, whose decision) ``text`` names:
    ``Integrationsudvalgets møde`` -> ``Integrationsudvalget``; None when it is not a body's
    name in the genitive.

    >>> genitive_body("Integrationsudvalgets møde"), genitive_body("Aarhus Byråds møde")
    ('Integrationsudvalget', 'Aarhus Byråd')
    >>> genitive_body("Økonomiudvalgets beslutning", decision=True)
    'Økonomiudvalget'
    >>> genitive_body("Borgernes møde") is None
    True
    """
    match = (_DECISION_OF if decision else _MEETING_OF).fullmatch(text.strip())
    if match is None:
        return None
    who = match["who"].strip()
    if not who or not _ends_in_body(who.split()[-1]):
        return None  # "Udvalget for Teknik og Miljøs møde": the genitive is not the body's word
    return who if _shaped(who) else None


def committee_name(text: str) -> str | None:
    """The committee ``text`` names, without title words, electoral period or genitive; None
    when ``text`` is not a committee's name (a sentence, a person, a place, an item title).

    >>> committee_name("Referat af møde i Økonomiudvalget")
    'Økonomiudvalget'
    >>> committee_name("Dagsorden til Kommunalbestyrelsen 2022-2025")
    'Kommunalbestyrelsen'
    >>> committee_name("Lokale Beskæftigelsesråd"), committee_name("Aarhus Byråd")
    ('Lokale Beskæftigelsesråd', 'Aarhus Byråd')
    >>> committee_name("Orientering fra Ældrerådet") is None, committee_name("Rådhuset") is None
    (True, True)
    >>> committee_name("Social- og Sundhedsudvalget (SSU)")
    'Social- og Sundhedsudvalget'
    >>> committee_name("Økonomiudvalget - referat"), committee_name("Byrådet, ordinært møde")
    ('Økonomiudvalget', 'Byrådet')
    >>> committee_name("Økonomiudvalgsmøde"), committee_name("Byrådsmøde")
    ('Økonomiudvalget', 'Byrådet')
    """
    name = " ".join(text.split()).strip(" ,:-–")
    name = _TITLE_WORDS.sub("", name, count=1).strip(" ,:-–")
    name = _TITLE_AFTER.sub("", name)
    # The abbreviation before or after the electoral period.
    name = _ABBREVIATION.sub("", strip_electoral_period(_ABBREVIATION.sub("", name)))
    if not name:
        return None
    if name.lower().endswith("møde"):
        return genitive_body(name) or compound_body(name)
    return name if _shaped(name) else None


# "Byrådsmøde", "Kommunalbestyrelsesmøde", "Økonomiudvalgsmøde": the body and "møde" in one
# word; the body's word and its definite ending.
_COMPOUND = re.compile(
    r"(?:(?:ordinært|ekstraordinært|konstituerende)\s+)?"
    r"(?P<stem>[\wæøå-]*?(?P<word>udvalg|råd|kommunalbestyrelse|borgerrepræsentation))s?møde",
    re.IGNORECASE,
)
_DEFINITE = {
    "udvalg": "et",
    "råd": "et",
    "kommunalbestyrelse": "n",
    "borgerrepræsentation": "en",
}


def compound_body(text: str) -> str | None:
    """The body a compound of its name and "møde" names, in its definite form:
    ``Byrådsmøde`` -> ``Byrådet``; None for any other text.

    >>> compound_body("Byrådsmøde"), compound_body("Kommunalbestyrelsesmøde")
    ('Byrådet', 'Kommunalbestyrelsen')
    >>> compound_body("Ekstraordinært byrådsmøde")
    'Byrådet'
    >>> compound_body("Rådsmøde"), compound_body("Dialogmøde")
    (None, None)
    """
    match = _COMPOUND.fullmatch(text.strip())
    if match is None or not match["stem"][:1].isalpha():
        return None
    if match["stem"].lower() in ("udvalg", "råd"):
        return None  # "Udvalgsmøde", "Rådsmøde": no body in particular
    stem = match["stem"]
    return stem[0].upper() + stem[1:] + _DEFINITE[match["word"].lower()]


_COUNCIL = re.compile(r"(?:.+\s)?(?P<word>byråd|kommunalbestyrelse|borgerrepræsentation)(?:et|en)?")


def committee_key(name: str) -> str:
    """One key for the printings of one committee's name (case, ``&`` or ``og``, electoral
    period, white space); a municipality has one council, however it is printed.

    >>> committee_key("Udvalget for Job & Arbejdsmarked (2018-2021)")
    'udvalget for job og arbejdsmarked'
    >>> committee_key("Aarhus Byråd") == committee_key("Byrådet")
    True
    """
    key = " ".join(strip_electoral_period(name).lower().replace("&", "og").split())
    council = _COUNCIL.fullmatch(key)
    return council["word"] if council else key
