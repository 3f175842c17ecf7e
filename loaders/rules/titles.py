"""Item titles around a heading: a title printed on the line after a bare number, a title
wrapped onto a second line, and the lines that can never be a title (labels, case numbers,
access lines, dates, attendance lines).

A title is only ever text printed where a title stands; when there is none the item's title is
``""``, never a made-up one.
"""

from __future__ import annotations

import re

from loaders import dates
from loaders.outcomes import classify_decision
from loaders.rules import casenumbers, people
from loaders.rules.parse_state import ParseState

# Lines that say whether an item is open to the public; they start an unnumbered item.
ACCESS_LINES = frozenset(
    {
        "åben",
        "åbent",
        "åben sag",
        "åbent punkt",
        "åben punkt",
        "lukket",
        "lukket sag",
        "lukket punkt",
    }
)
# A heading line that ends in one of these words goes on on the next line.
_OPEN_ENDINGS = frozenset(
    {
        "og",
        "eller",
        "samt",
        "for",
        "af",
        "i",
        "til",
        "om",
        "med",
        "på",
        "ved",
        "fra",
        "vedr.",
        "vedrørende",
        "mellem",
        "under",
        "efter",
        "over",
        "mod",
        "hos",
        "den",
        "det",
        "de",
        "en",
        "et",
        "at",
        "af/til",
    }
)
_OPEN_MARKS = (",", "-", "–", "&", "/", "+")
# "JA - Godkendelse af dagsorden": a committee code before the title.
_PREFIX = re.compile(r"(?P<prefix>[A-ZÆØÅ]{2,5})\s+[-–]\s*(?P<rest>.*)")
# "Lukket: Budgetkatalog", "Lukket punkt - ...", "Lukket:" (title withheld).
_CLOSED = re.compile(r"Lukket(?:\s+(?:punkt|sag))?\s*(?:[:\-–]\s*|$)(?P<rest>.*)", re.IGNORECASE)
# The access in parentheses after the title: "Salg af areal (Lukket)", "Budget (Åbent punkt)".
_ACCESS_AFTER = re.compile(
    r"(?P<rest>.*?)\s*\((?P<access>lukket|åben|åbent)(?:\s+(?:punkt|sag))?\)", re.IGNORECASE
)
# The access in parentheses before the title: "(Å) Budget", "(L) Salg af areal", "(Lukket) ...".
_ACCESS_BEFORE = re.compile(
    r"\((?P<access>å|l|åben|åbent|lukket)(?:\s+(?:punkt|sag))?\)\s*(?P<rest>.*)", re.IGNORECASE
)
# The case number in parentheses after the title: "Udmøntning af midler (2020-0123456)", or
# after its label: "Godkendelse af dagsorden - Sagsnr.: 20/1234", "..., sagsnr. 20/1234".
_CASE_AFTER = re.compile(r"(?P<rest>.*?\S)\s*\((?P<case>[^()\s]{5,40})\)")
_LABELLED_CASE_AFTER = re.compile(
    r"(?P<rest>.*?[^\s,\-–])[\s,\-–]+(?:Sagsnr|Sags\s?nr|Sag\s?nr|Sagsnummer|Sags-?id|J\.?\s?nr"
    r"|Journalnr|Dok\.?\s?nr)\.?\s*:?\s*(?P<case>[^\s,]{4,40})",
    re.IGNORECASE,
)
# The access printed after the title: "Budget - Åben", "Budget [Lukket]", "Budget Åben sag".
_ACCESS_TAIL = re.compile(
    r"(?P<rest>.*?\S)(?:\s+[-–]\s+(?P<a1>Åben|Åbent|Lukket)(?:\s+(?:punkt|sag))?"
    r"|\s*\[(?P<a2>Åben|Åbent|Lukket)(?:\s+(?:punkt|sag))?\]"
    r"|\s+(?P<a3>Åben|Åbent|Lukket)\s+(?:punkt|sag))"
)
_LONGEST_TITLE = 250
_LONGEST_PART = 160  # a wrapped part longer than this is a paragraph, not a title line
_MAX_WRAPPED = 2  # lines a title may wrap onto
# "Mødested: Rådhuset", "Dato: 12.03.2020": header fields, never titles.
_HEADER_FIELD = re.compile(
    r"(?:Møde(?:dato|sted|tidspunkt|start|slut)?|Dato|Sted|Tid|Tidspunkt|Start|Slut|Afholdt"
    r"|Deltagere|Medlemmer|Referent|Sekretær|Udvalg)\b\s*:",
    re.IGNORECASE,
)


def split_title(title: str) -> tuple[str, str | None, bool]:
    """``(title, prefix, closed)`` from a printed title.

    >>> split_title("JA - Godkendelse af dagsorden")
    ('Godkendelse af dagsorden', 'JA', False)
    >>> split_title("Lukket: Budgetkatalog 2023-2026")
    ('Budgetkatalog 2023-2026', None, True)
    >>> split_title("Lukket:")
    ('', None, True)
    >>> split_title("Projekt PLUS - Slutevaluering")
    ('Projekt PLUS - Slutevaluering', None, False)
    >>> split_title("Salg af areal (Lukket)"), split_title("Budget 2024 (Åbent punkt)")
    (('Salg af areal', None, True), ('Budget 2024', None, False))
    >>> split_title("Salg af areal - Lukket"), split_title("Budget [Åben]")
    (('Salg af areal', None, True), ('Budget', None, False))
    >>> split_title("Godkendelse af dagsorden - Sagsnr.: 20/1234")
    ('Godkendelse af dagsorden', None, False)
    >>> split_title("(L) Salg af areal"), split_title("(Å) Budget 2024")
    (('Salg af areal', None, True), ('Budget 2024', None, False))
    >>> split_title("Udmøntning af midler (2020-0123456)")[0], split_title("Budget (2024-2027)")[0]
    ('Udmøntning af midler', 'Budget (2024-2027)')
    """
    prefix: str | None = None
    closed = False
    title = without_case_number(title)
    before = _ACCESS_BEFORE.fullmatch(title) if title.startswith("(") else None
    if before:
        title, closed = before["rest"], before["access"][0] in "Ll"
    tail = _ACCESS_TAIL.fullmatch(title) if ("Å" in title or "Lukket" in title) else None
    if tail:
        access = tail["a1"] or tail["a2"] or tail["a3"]
        title, closed = tail["rest"], closed or access[0] == "L"
    after = _ACCESS_AFTER.fullmatch(title)
    if after:
        title, closed = after["rest"], after["access"][0] in "Ll"
    for _ in range(2):  # "JA - Lukket: ..." and "Lukket: JA - ..." alike
        match = _CLOSED.fullmatch(title)
        if match:
            closed, title = True, match["rest"].strip()
            continue
        match = _PREFIX.fullmatch(title) if prefix is None else None
        if match:
            prefix, title = match["prefix"], match["rest"].strip()
    return title, prefix, closed


def access_before(title: str) -> str | None:
    """The title after an access printed in parentheses before it (``(Å) Budget`` ->
    ``Budget``), or None if there is none."""
    before = _ACCESS_BEFORE.fullmatch(title) if title.startswith("(") else None
    return before["rest"] if before else None


def case_number_after(title: str) -> str | None:
    """The case number printed at the end of ``title``, in parentheses or after its label, if
    any; a span of years (``(2024-2027)``) is none."""
    found = _case_after(title)
    return found[1] if found else None


def _case_after(title: str) -> tuple[str, str] | None:
    """``(title before it, case number)`` for a case number printed at the end of ``title``."""
    match = _CASE_AFTER.fullmatch(title) if title.endswith(")") else None
    low = title.lower()
    if match is None and ("nr" in low or "id" in low):
        match = _LABELLED_CASE_AFTER.fullmatch(title)
    if match is None or casenumbers.parse_case_number(match["case"]) is None:
        return None
    if casenumbers.is_year_span(match["case"]):
        return None
    return match["rest"], match["case"]


def without_case_number(title: str) -> str:
    """``title`` without the case number printed at its end."""
    found = _case_after(title)
    return found[0] if found else title


def is_sentence(text: str) -> bool:
    """``text`` ends as a sentence ends: ``!``, ``?``, or a full stop after a word that is no
    abbreviation (``m.v.``, ``adm.``, ``nr.``) and no number. Item headings rarely end so;
    list entries and paragraphs do.

    >>> is_sentence("Alle ledige skal tilbydes samtale."), is_sentence("Sagen følges op.")
    (True, True)
    >>> is_sentence("Orientering fra formanden"), is_sentence("Budget, drift m.v.")
    (False, False)
    >>> is_sentence("Orientering fra adm."), is_sentence("Lokalplan nr. 12.")
    (False, False)
    """
    if not text or text[-1] not in ".!?":
        return False
    if text[-1] != ".":
        return True
    word = text[:-1].rsplit(" ", 1)[-1]
    return word.isalpha() and word.lower() not in ABBREVIATIONS


# Words that end in a full stop inside a sentence (the stop left out).
ABBREVIATIONS = frozenset(
    (
        *("adm", "ang", "bl", "ca", "dvs", "ekskl", "el", "etc", "evt", "fx", "iht", "inkl"),
        *("jf", "jvf", "kl", "kr", "mht", "mia", "mio", "mv", "nr", "osv", "pga", "pkt", "st"),
        *("stk", "tlf", "vedr"),
    )
)


# Labels before an item's access, as a meeting system's case data prints it ("Adgang: Åben",
# "Åben/lukket: Lukket"); other labels ("Status: Lukket", a case closed) say something else.
_ACCESS_LABELS = frozenset({"adgang", "åben/lukket", "åben / lukket", "offentlighed"})
_LONGEST_LABEL = 15


def _access_value(plain: str) -> str | None:
    """The access a line states, lower case, or None: the line alone, or after an access label
    (:data:`_ACCESS_LABELS`); a two-word access (``Åben sag``, ``Lukket punkt``) after any short
    label, which it leaves no doubt about."""
    if not plain:
        return None
    if plain[0] in "ÅåLlAa" and plain.rstrip(":.").lower() in ACCESS_LINES:
        return plain.rstrip(":.").lower()
    label, colon, value = plain.partition(":")
    if not colon or len(label) > _LONGEST_LABEL:
        return None
    value = value.strip().rstrip(".").lower()
    if value not in ACCESS_LINES:
        return None
    return value if " " in value or label.strip().lower() in _ACCESS_LABELS else None


def is_access_line(plain: str) -> bool:
    """``Åben``, ``Åbent punkt``, ``Lukket sag``: an item's access, on a line of its own or
    after a label (``Adgang: Åben sag``).

    >>> is_access_line("Åbent punkt"), is_access_line("Lukket:"), is_access_line("Lukket møde")
    (True, True, False)
    >>> is_access_line("Adgang: Lukket"), is_access_line("Sagstype: Åben sag")
    (True, True)
    >>> is_access_line("Status: Lukket"), is_access_line("Beslutning: Lukket punkt på næste møde")
    (False, False)
    """
    return _access_value(plain) is not None


def is_closed_access(plain: str) -> bool:
    value = _access_value(plain)
    return value is not None and value.startswith("l")


def is_structural(state: ParseState, index: int) -> bool:
    """A line with a role of its own: a label, a case number, an access line, an attendance
    line, a heading form, or a line that is only a date."""
    plain = state.plain[index]
    return (
        index in state.labels
        or index in state.candidates
        or casenumbers.is_case_number_line(plain)
        or is_access_line(plain)
        or people.is_attendance_line(plain)
        or _is_date_line(plain)
    )


def _is_date_line(plain: str) -> bool:
    # Only short lines that start with a digit or a weekday can be a date alone.
    if len(plain) > 40 or not (plain[0].isdigit() or plain[:3].lower() in _WEEKDAY_STARTS):
        return False
    found = dates.find_dates(plain)
    return bool(found)


_WEEKDAY_STARTS = frozenset(day[:3] for day in dates.WEEKDAYS) | {"den"}


def can_be_title(state: ParseState, index: int, *, strict: bool = False) -> bool:
    """A line that may be an item's title: short, starting with a capital, a digit or a
    quote, and without a role of its own. ``strict`` (a line *before* an item, where the last
    line of the previous item's text also stands) also refuses sentences: a final period,
    a decision (``Godkendt``) or a header field."""
    plain = state.plain[index]
    start = (access_before(plain) or plain)[:1]  # "(Å) Budget" starts at "Budget"
    if (
        not plain
        or state.noise[index]
        or len(plain) > _LONGEST_TITLE
        or not (start.isupper() or start.isdigit() or start in "\"'«“")
        or is_structural(state, index)
    ):
        return False
    if not strict:
        return True
    return (
        plain[-1] not in ".!?;)"  # nor "Lotte Greve (V)", a name under "Afbud:"
        and _HEADER_FIELD.match(plain) is None
        and classify_decision(plain) is None
        and plain.count(" ") < _LONGEST_PART // 6
    )


def _is_open(title: str) -> bool:
    """A title that stops mid-phrase: the next line goes on with it."""
    if not title:
        return False
    if title.endswith(_OPEN_MARKS):
        return True
    last = title.rsplit(" ", 1)[-1].lower()
    return last in _OPEN_ENDINGS


def wrapped_title(state: ParseState, index: int, title: str) -> tuple[str, int]:
    """``title`` (printed on line ``index``) joined with the lines it wraps onto, and the index
    of its last line. The next line continues the title if it starts in lower case or the title
    stops mid-phrase (``og``, ``,``, ``-``, ``for`` ...), and it is neither a label, a case
    number, an access line, a date nor a heading. Parts are joined by one space, as printed
    (``Arbejdsmarkeds-`` / ``og Integrationsudvalget`` keeps its hyphen)."""
    last = index
    for _ in range(_MAX_WRAPPED):
        following = state.next_content(last)
        if following is None:
            break
        plain = state.plain[following]
        lower = plain[0].islower()
        open_end = _is_open(title)
        adjacent = following == last + 1
        # Across a blank line only a title that plainly goes on.
        if not (lower or open_end) or (not adjacent and not (lower and open_end)):
            break
        if len(plain) > _LONGEST_PART or is_structural(state, following):
            break
        if plain[-1] in ".!?" and not open_end:
            break  # a sentence after the heading, not the rest of its title
        printed = state.lines[following].text.strip()
        if printed[0] in "*_`" and printed[-1] != printed[0]:
            break  # a stray mark (``*a``), no emphasis around the rest of the title
        title = f"{title} {plain}" if title else plain
        last = following
    return title, last


def title_below(state: ParseState, index: int) -> tuple[str, int] | None:
    """The title printed below a heading line that has none (``Punkt 3``, ``3.``), past any
    case-number and access lines: the line and its wrapped parts, with the index of its last
    line; None when the next text is not a title (a label: no title printed)."""
    following = state.next_content(index)
    steps = 0
    while following is not None and steps < _MAX_META_LINES:
        plain = state.plain[following]
        if not (casenumbers.is_case_line(plain) or is_access_line(plain)):
            break
        following = state.next_content(following)
        steps += 1
    if following is None or not can_be_title(state, following):
        return None
    plain = state.plain[following]
    if plain[-1] in ".!?" and plain.count(" ") > _SENTENCE_WORDS:
        return None  # a paragraph of text
    return wrapped_title(state, following, plain)


_MAX_META_LINES = 4
_SENTENCE_WORDS = 8
