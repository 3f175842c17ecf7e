"""The names of acts as minutes print them, each with the one name it normalises to.

Two rules find names:

- ``law-compound``: a compound ending in *-lov*, *-loven*, *-lovens* ("planloven",
  "Folkeskolelovens", "dagtilbuds-loven", "SU-loven", "en ny planlov"). Ordinary words that
  end so without naming an act are no names: *orlov* and its compounds ("barselsorloven"),
  laws of nature and sayings ("tyngdeloven", "Janteloven"), and words for some act or other
  ("særloven", "ændringsloven", "sektorlovene"); plurals ("skattelovene") name no one act, and
  a capitalised word ending in plain *-lov* mid-sentence is a surname ("Sokolov").
- ``lov-om``, ``bekendtgoerelse-om``, ``cirkulaere-om``: a title, "lov om X", "loven om X",
  "bekendtgørelse om X", "cirkulære om X", up to eleven words and a sentence's end or a word
  that ends a title ("som", "der", a verb).

The normalised name joins the spellings of one act: lower case, without hyphens, genitive or
indefinite form ("Planlovens", "plan-loven", "planlov" -> "planloven"); a title without its
article and "m.v." ("Loven om en aktiv beskæftigelsesindsats m.v." -> "lov om aktiv
beskæftigelsesindsats", the printed case of the title kept for the label).

>>> text = "Jf. planlovens § 19, Lov om social service og barselsorloven."
>>> for n in act_names(text):
...     print(n.rule, "|", text[n.begin:n.end], "|", n.name)
law-compound | planlovens | planloven
lov-om | Lov om social service | lov om social service
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.mentions.boundaries import is_start
from loaders.reference.forms import slugify

# A pattern that starts with a literal is searched for many times faster than one that starts
# with a character class or (?i:...): lower case, and capitals only where the text has them.
_LOV_END = re.compile(r"lov(?P<ending>ens|en|n|s)?(?![\wæøåÆØÅ-])")
_LOV_END_CAPITALS = re.compile(r"LOV(?P<ending>ENS|EN|N|S)?(?![\wæøåÆØÅ-])")
_TYPO_END = re.compile(r"l(?:oen|ven|voen|ovne)s?(?![\wæøåÆØÅ-])")
_STEM = re.compile(r"[\wæøåÆØÅ-]+$")
_PREVIOUS_WORD = re.compile(r"(?<![\wæøåÆØÅ-])(?P<word>[\wæøåÆØÅ]{4,})[ \t]+$")
_MAX_STEM = 40
_MIN_STEM = 3
_MAX_ACRONYM = 6
# Stems whose compound with -lov is no act (orlov and its compounds are handled apart).
_NOT_ACTS = frozenset(
    {
        "natur",
        "tyngde",
        "jante",
        "sektor",
        "sær",
        "ramme",
        "ændrings",
        "hoved",
        "moder",
        "special",
        "til",
        "ud",
        "for",
        "ind",
        "mod",
        "over",
        "under",
        "ny",
        "den",
        "gældende",
        "lov",
        "tillægs",
        "følge",
        "bemyndigelses",
        "overgangs",
        "model",
    }
)
# Acts whose stem ends like the compounds of orlov ("revisorloven" is an act, "orloven" leave).
_OR_ACTS = frozenset({"revisor"})

# Another act after "og" ends a title too: "lov om social service og sundhedsloven".
_NEXT_ACT = r"og[ \t]+(?:[\wæøå-]*lov(?:en|ens)?|lov|loven|bekendtgørelse|cirkulære)\b"
# Words that end a title: relatives, auxiliaries and the verbs a sentence about an act goes on
# with ("bekendtgørelse om socialtilsyn fastsætter kravene").
_VERBS = (
    r"gælder|giver|fastsætter|regulerer|indeholder|beskriver|angiver|træder|trådte|finder|"
    r"sætter|stiller|kræver|betyder|medfører|omfatter|bestemmer|foreskriver|pålægger|hjemler|"
    r"bliver|vil|ændres|ændrede|vedtages|vedtog"
)
_STOP = (
    r"(?:som|der|hvor|hvilket|blev|er|var|skal|har|kan|vil|og[ \t]+har|samt|jf|"
    rf"{_VERBS}|{_NEXT_ACT})"
)
# A word of a title may end in a hyphen: "kommunernes budget- og regnskabsvæsen".
_TITLE_WORD = rf"(?!{_STOP}\b)[\wæøåÆØÅ](?:[\wæøåÆØÅ./-]*[\wæøåÆØÅ-])?"
_TITLE = rf"(?P<title>(?:{_TITLE_WORD}[ \t]+){{0,10}}?{_TITLE_WORD})"
_TITLED = re.compile(
    r"(?<![\wæøåÆØÅ-])(?P<kind>[Ll]ov(?:en)?|LOV|[Bb]ekendtgørelse(?:n)?|[Cc]irkulære(?:t)?)"
    rf"[ \t]+om[ \t]+{_TITLE}"
    r"(?=[ \t]*[,.;:()§\n'’\"”]|[ \t]+(?:af[ \t]+\d|som|der|hvor|er|skal|blev|samt|jf\.?)\b"
    rf"|[ \t]+(?:{_VERBS})\b"
    rf"|[ \t]+{_NEXT_ACT}"
    r"|[ \t]+(?:lov|LBK|BEK|bekendtgørelse)[ \t]+nr|$)"
)
_OM = re.compile(r"om[ \t]")
_KIND_WORDS = frozenset(
    {"lov", "Lov", "LOV", "loven", "Loven", "bekendtgørelse", "Bekendtgørelse"}
    | {"bekendtgørelsen", "Bekendtgørelsen", "cirkulære", "Cirkulære", "cirkulæret", "Cirkulæret"}
)
_KIND_ENDINGS = frozenset(word[-3:] for word in _KIND_WORDS)
_LONGEST_KIND = 20
# First words of a "lov om ..." that describes what a law is about, not its title.
_NOT_TITLE_START = frozenset(
    {"at", "hvordan", "hvorvidt", "hvad", "hvem", "hvilke", "hvis", "om", "for", "når", "og"}
    | {"eller", "dette", "disse", "det", "der", "den", "de", "blandt", "bl"}
)
_KIND_OF = {"lov": "lov", "bek": "bekendtgørelse", "cir": "cirkulære"}
_RULE_OF = {"lov": "lov-om", "bekendtgørelse": "bekendtgoerelse-om", "cirkulære": "cirkulaere-om"}
_ARTICLES = ("en ", "et ", "den ", "det ")
_REST_TO_MV = re.compile(r"(?P<rest>,[ \t]+(?:[\wæøåÆØÅ-]+[ \t]+){0,3}?m\.v)\.")
_ABBREVIATION_END = re.compile(r"(?:^|[ \t])(?:m\.v|m\.m|mv|m\.fl)$", re.IGNORECASE)
_TRAILING = re.compile(r"(?:[ \t]+(?:m\.v\.?|mv\.?|m\.m\.?))+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ActName:
    """A name of an act found at ``begin..end``: the rule that found it, its normalised
    ``name`` (the label of a candidate act) and ``key`` (the name as a slug, matched against
    the reference data's names normalised alike)."""

    begin: int
    end: int
    rule: str
    name: str
    match_key: str  # lower case, as compared with the reference data

    @property
    def key(self) -> str:
        """The candidate act's key: the slug of its normalised name."""
        return slugify(self.match_key)


def compound_key(stem: str) -> str:
    """The normalised name of the compound act name with stem ``stem`` (hyphens dropped).

    >>> compound_key("Dagtilbuds-"), compound_key("SU-")
    ('dagtilbudsloven', 'suloven')
    """
    return stem.lower().replace("-", "") + "loven"


def title_key(kind: str, title: str) -> tuple[str, str]:
    """The label and the matching key of a title citation: ``("lov om X", "lov om x")``,
    without the article and a closing "m.v.".

    >>> title_key("Loven", "en aktiv Beskæftigelsesindsats m.v.")
    ('lov om aktiv Beskæftigelsesindsats', 'lov om aktiv beskæftigelsesindsats')
    """
    words = " ".join(title.replace("\u2010", "-").replace("\u2011", "-").split())
    words = _TRAILING.sub("", words)
    for article in _ARTICLES:
        if words.lower().startswith(article) and len(words) > len(article):
            words = words[len(article) :]
            break
    label = f"{_KIND_OF[kind[:3].lower()]} om {words}"
    return label, label.lower()


def _is_act_stem(stem: str, ending: str) -> bool:
    """Whether a compound with this stem and ending names an act."""
    acronym = stem.endswith("-") and stem[:-1].isupper() and len(stem) - 1 <= _MAX_ACRONYM
    bare = stem.strip("-")
    if not bare or not bare.replace("-", "").isalpha():
        return False
    if not acronym and len(bare) < _MIN_STEM:
        return False
    lowered = bare.lower().replace("-", "")
    if lowered in _NOT_ACTS or (lowered.endswith("or") and lowered not in _OR_ACTS):
        return False
    indefinite = ending.lower() in ("", "s")
    # "en ny planlov" names an act; "Sokolov" mid-sentence is a surname.
    return not (indefinite and bare[0].isupper() and not acronym and not bare.isupper())


def _lov_ends(text: str) -> list[re.Match[str]]:
    found = list(_LOV_END.finditer(text))
    if "LOV" in text:
        found += _LOV_END_CAPITALS.finditer(text)
    return found


def _compounds(text: str) -> list[ActName]:
    found: list[ActName] = []
    for match in _lov_ends(text):
        at = match.start()
        stem_match = _STEM.search(text, max(0, at - _MAX_STEM), at)
        ending = match["ending"] or ""
        if stem_match is None:
            continue
        begin = stem_match.start()
        stem = stem_match.group()
        while stem.startswith("-"):
            stem, begin = stem[1:], begin + 1
        if not stem or not is_start(text, begin) or not _is_act_stem(stem, ending):
            continue
        # The anchor keeps a genitive ("planlovens"); "lovn" is "loven" misspelt.
        name = compound_key(stem)
        found.append(ActName(begin, match.end(), "law-compound", name, name))
    return found


def misspelt_endings(text: str) -> list[tuple[int, int, str]]:
    """Compounds whose "-loven" is misspelt ("serviceloen", "planlven"): the span and the name
    as it was meant, for the caller to accept only where it is a known act's name (a word
    ending so is rarely an act's name, and often none: "kloen")."""
    found: list[tuple[int, int, str]] = []
    for match in _TYPO_END.finditer(text):
        stem_match = _STEM.search(text, max(0, match.start() - _MAX_STEM), match.start())
        if stem_match is None or not is_start(text, stem_match.start()):
            continue
        stem = stem_match.group().lstrip("-")
        if len(stem.strip("-")) < _MIN_STEM or not stem.replace("-", "").isalpha():
            continue
        found.append(
            (match.end() - len(match.group()) - len(stem), match.end(), compound_key(stem))
        )
    return found


def spaced_compounds(text: str) -> list[tuple[int, int, str]]:
    """Compounds written apart ("service loven", "Plan lovens"): the span and the joined
    name, for the caller to accept only where it is a known act's name (never a candidate:
    "efter loven" is no "efterloven")."""
    found: list[tuple[int, int, str]] = []
    for match in _lov_ends(text):
        ending = (match["ending"] or "").lower()
        if ending not in ("en", "ens", "n") or not is_start(text, match.start()):
            continue
        before = _PREVIOUS_WORD.search(text, max(0, match.start() - _MAX_STEM), match.start())
        if before is None:
            continue
        found.append((before.start(), match.end(), compound_key(before["word"])))
    return found


def _title_matches(text: str) -> list[re.Match[str]]:
    """The title pattern tried only where " om " follows a kind of act ("lov", "Bekendtgørelsen"):
    "om" is a literal the search finds fast, and the word before it is looked up in a set."""
    found: list[re.Match[str]] = []
    end = 0
    for om in _OM.finditer(text):
        at = om.start()
        if at < end or at == 0 or text[at - 1] != " ":
            continue
        if text[at - 4 : at - 1] not in _KIND_ENDINGS:
            continue
        start = at - 1
        while start > max(end, at - _LONGEST_KIND) and text[start - 1].isalpha():
            start -= 1
        if text[start : at - 1] not in _KIND_WORDS or not is_start(text, start):
            continue
        match = _TITLED.match(text, start)
        if match is not None:
            found.append(match)
            end = match.end()
    return found


def _titles(text: str) -> list[ActName]:
    if " om " not in text:
        return []
    found: list[ActName] = []
    for match in _title_matches(text):
        first = match["title"].split(maxsplit=1)[0].lower().rstrip(".")
        if first in _NOT_TITLE_START:
            continue
        kind = match["kind"]
        title, end = match["title"], match.end("title")
        # A title goes on after a comma to its closing "m.v.": "bekendtgørelse om kommunernes
        # budget- og regnskabsvæsen, revision m.v.".
        more = _REST_TO_MV.match(text, end)
        if more is not None:
            title, end = title + more["rest"], more.end("rest")
        name, key = title_key(kind, title)
        rule = _RULE_OF[name.split(" ", 1)[0]]
        if _ABBREVIATION_END.search(title) and text.startswith(".", end):
            end += 1  # the full stop of "m.v." is the abbreviation's
        found.append(ActName(match.start(), end, rule, name, key))
    return found


def title_prefixes(text: str, name: ActName) -> list[tuple[int, str]]:
    """The ends of the title's first words, longest first, with their matching keys: where a
    known title is followed by more words ("lov om social service og ...")."""
    title_start = text.index(" om ", name.begin) + len(" om ")
    ends = [m.start() for m in re.finditer(r"[ \t]+", text[title_start : name.end])]
    kind = text[name.begin : name.begin + 3]
    found: list[tuple[int, str]] = []
    for cut in reversed(ends):
        end = title_start + cut
        found.append((end, title_key(kind, text[title_start:end])[1]))
    return found


def act_names(text: str) -> list[ActName]:
    """Every act name in ``text`` by both rules, in text order."""
    found = _compounds(text) if "lov" in text or "LOV" in text or "Lov" in text else []
    found += _titles(text)
    found.sort(key=lambda n: (n.begin, -n.end))
    return found
