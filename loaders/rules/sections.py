"""Section labels (Resumé, Sagsfremstilling, Beslutning, ...) and the sections they open.

A label is a short line of its own (``Sagsfremstilling``), sometimes with a colon and the text
after it (``Beslutning: Godkendt.``), sometimes glued to the next label by a web export
(``BilagBeslutning``), sometimes naming the deciding body (``Beslutning Udvalget for Job &
Arbejdsmarked den 08-01-2020``) or the one who recommends (``Direktøren for ... indstiller,``).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from loaders.model import Section, Span
from loaders.rules import people
from loaders.rules.parse_state import Label, ParseState, locate

_PACKAGE = "loaders"


@dataclass(frozen=True, slots=True)
class HeadingRow:
    """One row of ``loaders/data/section_labels.csv``: a heading as printed (lower case), the
    canonical key of the section it opens (``""`` for an end of sections), and its kind."""

    heading: str
    key: str
    kind: str  # "label", "weak" or "end"


def _read_rows() -> tuple[HeadingRow, ...]:
    text = (resources.files(_PACKAGE) / "data" / "section_labels.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return tuple(
        HeadingRow(row["heading"].strip().lower(), row["key"].strip(), row["kind"].strip())
        for row in csv.DictReader(lines)
    )


_ROWS = _read_rows()
# The canonical keys of FORMAT.md and the headings printed for them (lower case), from the data.
SECTION_LABELS: dict[str, tuple[str, ...]] = {}
for _row in _ROWS:
    if _row.kind != "end":
        SECTION_LABELS[_row.key] = (*SECTION_LABELS.get(_row.key, ()), _row.heading)
# Headings that are just as often a sub-heading inside a section: directly under another label
# (with no text between) they are read as that section's first line.
WEAK_HEADINGS = frozenset(row.heading for row in _ROWS if row.kind == "weak")
# Lines that end the sections of an item and open none: signature blocks.
SECTION_ENDS = frozenset(row.heading for row in _ROWS if row.kind == "end")

_BY_HEADING: dict[str, str] = {row.heading: row.key for row in _ROWS if row.kind != "end"}
_ONE_WORD = {h: k for h, k in _BY_HEADING.items() if " " not in h and "/" not in h}
_MAX_LABEL = 140  # longer lines are text, not labels (but for an inline label's paragraph)
_INLINE_HEAD = 62  # an inline label's heading and colon end within this many characters

# "Lovgrundlag og juridisk vurdering", "Økonomi og finansiering", "Vision, politikker og ...".
_FAMILY = re.compile(
    r"(?P<head>lovgrundlag|økonomi|økonomiske|handicappolitisk\w*|vision|sammenhæng til vision)"
    r"(?:\s*(?:,|og|&)\s*[\wæøåé/]+(?:\s+[\wæøåé/]+){0,3})?",
    re.IGNORECASE,
)
_FAMILY_STARTS = frozenset({"lov", "øko", "han", "vis", "sam"})
_FAMILY_KEYS = {"lovgrundlag": "lovgrundlag", "økonomi": "økonomi", "økonomiske": "økonomi"}
# Someone recommending, as in "Direktøren for Social/Sundhed og Arbejdsmarked indstiller,".
_RECOMMENDS = re.compile(r"[A-ZÆØÅ][^.;]{2,120}?\sindstiller\s*[,:]?")
# "Beslutning Udvalget for Job & Arbejdsmarked den 08-01-2020", "Beslutning i Byrådet",
# "Beslutning truffet af Byrådet den 3. maj 2022", "Beslutning fra Økonomiudvalget, 12. januar
# 2021", "Beslutning - Økonomiudvalget 12-01-2021", "Beslutning (Økonomiudvalget 12-01-2021)".
_DECISION = re.compile(
    r"Beslutning(?:\s+(?:truffet\s+)?(?:i|fra|af))?(?:\s+|\s*[-–(]\s*)(?P<who>[A-ZÆØÅ][^:()]*?)?"
    r"(?:\s*,?\s*(?:(?:den|d\.)\s+)?"
    r"(?P<date>\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{1,2}\.?\s+[a-zæøå]+\s+\d{4}))?\)?"
)
_BODY = re.compile(
    r"(?:udvalg(?:et)?|byrådet|byråd|kommunalbestyrelsen|bestyrelsen|rådet|"
    r"borgerrepræsentationen|direktionen|magistraten)\b",
    re.IGNORECASE,
)
_DATE = r"(?:\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{1,2}\.?\s+[a-zæøå]+\s+\d{4})"
# "Økonomiudvalgets beslutning den 3. maj 2022", "Byrådets beslutning": a body in the genitive.
# The genitive on the body's word ("Økonomiudvalgets"), or on the last word of a name that
# starts with it ("Udvalget for Job & Arbejdsmarkeds").
_GENITIVE_DECISION = re.compile(
    r"(?P<who>[A-ZÆØÅ][\w&/ -]{0,80}?(?:ets|ens)|Udvalget\s+for\s+[\w&/ ,-]{2,80}?\ws)"
    r"\s+(?P<what>beslutning|afgørelse|indstilling|anbefaling)"
    r"(?:\s+(?:den|d\.)\s+(?P<date>" + _DATE + r"))?",
    re.IGNORECASE,
)
_GENITIVE_BODY = re.compile(
    r"udvalg|byråd|bestyrelse|rådet|borgerrepræsentation|direktion|magistrat", re.IGNORECASE
)
# Genitives that name no particular body: "Udvalgets beslutning" is this meeting's committee's.
_UNNAMED_BODIES = frozenset({"udvalgets", "rådets", "bestyrelsens", "mødets"})
# "Indstilling fra Økonomiudvalget den 3. maj 2022", "Indstilling fra direktionen".
_RECOMMENDATION_FROM = re.compile(
    r"Indstilling(?:er)?\s+fra\s+(?P<who>[^.:;]{2,100}?)(?:\s+(?:den|d\.)\s+" + _DATE + r")?",
    re.IGNORECASE,
)
# "Relation til Planstrategi 2023", "Relation til andre udvalg".
_RELATION = re.compile(r"Relation(?:er)?\s+til\s+[\wæøåé/,& -]{2,80}", re.IGNORECASE)
_RELATION_VISION = re.compile(r"vision|politik|strategi", re.IGNORECASE)
# "Mødet hævet kl. 18.30", "Mødet sluttede kl. 17:45": the end of the meeting's record.
_MEETING_CLOSED = re.compile(
    r"Mødet\s+(?:blev\s+)?(?:hævet|hæves|slut|sluttede|sluttet|afsluttet|afsluttedes)\b.*",
    re.IGNORECASE,
)
_GLUED_PART = re.compile(r"[A-ZÆØÅ][a-zæøåé]+")
# "Beslutning: Godkendt." - a label and its text on one line.
_INLINE = re.compile(r"(?P<head>[^:]{3,60}):\s+(?P<rest>\S.*)")


@dataclass(frozen=True, slots=True)
class LabelMatch:
    """What a label rule recognised on a line, before it is placed in the text."""

    key: str
    heading: str
    rest: str = ""
    committee: str | None = None
    date_text: str | None = None


LabelRule = Callable[[str], tuple[LabelMatch, ...] | None]


def _key_of(plain: str) -> str:
    return plain.rstrip(":").rstrip().lower()


def exact_label(plain: str) -> tuple[LabelMatch, ...] | None:
    """A heading from the table, alone on its line (a trailing colon allowed)."""
    key = _BY_HEADING.get(_key_of(plain))
    return (LabelMatch(key, plain.rstrip(":").rstrip()),) if key else None


def decision_label(plain: str) -> tuple[LabelMatch, ...] | None:
    """``Beslutning <body> den <date>``: a decision naming who decided and when."""
    if not plain.startswith("Beslutning ") or plain.endswith("."):
        return None
    match = _DECISION.fullmatch(plain.rstrip(":"))
    if match is None:
        return None
    who, date_text = match["who"], match["date"]
    if who is not None and not _BODY.search(who):
        return None  # "Beslutning ikke frigivet" is a sentence, not a label
    if who is None and date_text is None:
        return None
    return (LabelMatch("beslutning", plain.rstrip(":"), committee=who, date_text=date_text),)


def family_label(plain: str) -> tuple[LabelMatch, ...] | None:
    """A heading that starts like a table heading and goes on a few words: ``Lovgrundlag og
    juridisk vurdering``, ``Økonomi og finansiering``, ``Vision, politikker og strategier``."""
    if plain[:3].lower() not in _FAMILY_STARTS or plain.endswith((".", "?", "!")):
        return None
    match = _FAMILY.fullmatch(plain.rstrip(":"))
    if match is None:
        return None
    head = match["head"].lower()
    key = _FAMILY_KEYS.get(head)
    if key is None:
        key = "handicappolitik" if head.startswith("handicap") else "vision"
    return (LabelMatch(key, plain.rstrip(":")),)


def recommends_label(plain: str) -> tuple[LabelMatch, ...] | None:
    """``<Someone> indstiller,`` on a line of its own opens the indstilling."""
    if "indstiller" not in plain or _RECOMMENDS.fullmatch(plain) is None:
        return None
    return (LabelMatch("indstilling", plain),)


_GENITIVE_WORDS = ("eslutning", "fgørelse", "ndstilling", "nbefaling")


def genitive_decision_label(plain: str) -> tuple[LabelMatch, ...] | None:
    """``<Body>s beslutning [den <date>]``: the decision of a body named in the genitive
    (``Økonomiudvalgets beslutning den 3. maj 2022`` is the Økonomiudvalget's; ``afgørelse``
    likewise); ``<Body>s indstilling`` (or ``anbefaling``) opens the indstilling."""
    if plain.endswith(".") or not any(w in plain for w in _GENITIVE_WORDS):
        return None
    match = _GENITIVE_DECISION.fullmatch(plain.rstrip(":").rstrip())
    if match is None or not _GENITIVE_BODY.search(match["who"]):
        return None
    heading = plain.rstrip(":").rstrip()
    if match["what"].lower() in ("indstilling", "anbefaling"):
        return (LabelMatch("indstilling", heading),)  # "Økonomiudvalgets indstilling"
    who = match["who"]
    committee = None if who.lower() in _UNNAMED_BODIES else who[:-1]
    return (LabelMatch("beslutning", heading, committee=committee, date_text=match["date"]),)


def recommendation_from_label(plain: str) -> tuple[LabelMatch, ...] | None:
    """``Indstilling fra <someone> [den <date>]`` opens the indstilling."""
    if not plain[:10].lower().startswith("indstillin") or plain.endswith("."):
        return None
    if _RECOMMENDATION_FROM.fullmatch(plain.rstrip(":").rstrip()) is None:
        return None
    return (LabelMatch("indstilling", plain.rstrip(":").rstrip()),)


def relation_label(plain: str) -> tuple[LabelMatch, ...] | None:
    """``Relation til <something>``: to the council's vision and policies (key ``vision``), or
    to anything else (key ``relation til``)."""
    if not plain[:8].lower().startswith("relation") or plain.endswith((".", "?", "!")):
        return None
    heading = plain.rstrip(":").rstrip()
    if _RELATION.fullmatch(heading) is None:
        return None
    key = "vision" if _RELATION_VISION.search(heading) else "relation til"
    return (LabelMatch(key, heading),)


def is_section_end(plain: str) -> bool:
    """A line that ends the item's sections and opens none: a signature block
    (``Underskrifter``) or the close of the meeting (``Mødet hævet kl. 18.30``).

    >>> is_section_end("Underskriftsside"), is_section_end("Mødet hævet kl. 18.30")
    (True, True)
    >>> is_section_end("Mødet blev holdt på rådhuset.")
    False
    """
    if not plain or plain[0] not in "UuMm":
        return False
    return _key_of(plain) in SECTION_ENDS or _MEETING_CLOSED.fullmatch(plain) is not None


def glued_labels(plain: str) -> tuple[LabelMatch, ...] | None:
    """Labels run together by a web export: ``BilagBeslutning`` is Bilag then Beslutning."""
    if " " in plain or len(plain) < 8:
        return None
    parts = _GLUED_PART.findall(plain)
    if len(parts) < 2 or "".join(parts) != plain:
        return None
    keys = [_ONE_WORD.get(part.lower()) for part in parts]
    if any(key is None for key in keys):
        return None
    return tuple(LabelMatch(key, part) for key, part in zip(keys, parts, strict=True) if key)


def inline_label(plain: str) -> tuple[LabelMatch, ...] | None:
    """``Beslutning: Godkendt.``: a table heading, a colon, and the section's first text."""
    match = _INLINE.fullmatch(plain) if ":" in plain else None
    if match is None:
        return None
    key = _BY_HEADING.get(match["head"].strip().lower())
    if key is None:
        return None
    return (LabelMatch(key, match["head"].strip(), rest=match["rest"]),)


# The order is the order of preference: the first rule that recognises a line wins.
LABEL_RULES: tuple[tuple[str, LabelRule], ...] = (
    ("labels-on-own-line", exact_label),
    ("named-decisions", decision_label),
    ("labels-on-own-line", family_label),
    ("indstiller-lines", recommends_label),
    ("named-decisions", genitive_decision_label),
    ("labels-on-own-line", recommendation_from_label),
    ("labels-on-own-line", relation_label),
    ("glued-labels", glued_labels),
    ("inline-labels", inline_label),
)


def match_label(plain: str) -> tuple[str, tuple[LabelMatch, ...]] | None:
    """The first label rule that recognises ``plain``: its name and what it found."""
    if not plain or not plain[0].isupper():
        return None
    if len(plain) > _MAX_LABEL:
        # A long line is text, unless a heading and a colon start it: "Sagsfremstilling: ..."
        # with the whole paragraph on the heading's line, as pages converted from HTML print it.
        found = inline_label(plain) if ":" in plain[:_INLINE_HEAD] else None
        return ("inline-labels", found) if found else None
    for name, rule in LABEL_RULES:
        found = rule(plain)
        if found:
            return name, found
    return None


def mark_labels(state: ParseState) -> bool:
    """Core rule: find the labels on every line (one pass); remember which label rules fired."""
    fired: set[str] = set()
    for index, plain in enumerate(state.plain):
        if not plain or not plain[0].isupper():
            continue
        if len(plain) > _MAX_LABEL and ":" not in plain[:_INLINE_HEAD]:
            continue  # most lines are paragraphs: no need to ask every rule
        found = match_label(plain)
        if found is None:
            continue
        name, matches = found
        fired.add(name)
        raw = state.lines[index].text
        labels = []
        for match in matches:
            start = raw.find(match.heading)
            # A heading not found as printed (white space collapsed): the whole line.
            start, stop = (start, start + len(match.heading)) if start >= 0 else (0, len(raw))
            labels.append(
                Label(
                    key=match.key,
                    heading=match.heading,
                    line=index,
                    start=start,
                    stop=stop,
                    rest=match.rest,
                    committee=match.committee,
                    date_text=match.date_text,
                    weak=_key_of(match.heading) in WEAK_HEADINGS,
                )
            )
        state.labels[index] = tuple(labels)
    state.layout.extend(name for name, _ in LABEL_RULES if name in fired)
    return bool(fired)


# Sections in which a sentence about attendance ("X deltog ikke i behandlingen af punktet.") is
# an attendance note, never the section's text; in the other sections such a sentence is prose.
NOTE_SECTIONS = frozenset({"beslutning"})


@dataclass(frozen=True, slots=True)
class SectionToken:
    """A section of an item: its label and the lines of its text (``first..last`` inclusive,
    ``None`` when the section is empty); ``skipped`` are lines in between that are not its text
    (attendance notes)."""

    label: Label
    lines: tuple[int, int] | None
    skipped: frozenset[int] = frozenset()

    def last_line(self) -> int:
        return self.lines[1] if self.lines else self.label.line


def _kept(raw: str, cut: bool) -> tuple[list[str], int]:
    """The parts of ``raw`` that are text (attendance notes cut out when ``cut``), and the
    offset in ``raw`` where the last part ends."""
    notes = people.attendance_notes(raw) if cut and raw.strip() else []
    if not notes:
        return [raw], len(raw)
    parts: list[str] = []
    end, position = 0, 0
    for note in [*notes, None]:
        stop = note.start if note else len(raw)
        part = raw[position:stop].strip()
        if part:
            parts.append(part)
            end = raw.index(part, position) + len(part)
        position = note.end if note else stop
    return parts, end


def build_section(state: ParseState, token: SectionToken) -> Section:
    """The model section for a token: exact text of its lines, label line excluded, attendance
    notes left out (whole lines, and in a decision the sentences that are notes)."""
    label = token.label
    cut = label.key in NOTE_SECTIONS
    line = state.lines[label.line]
    pieces: list[str] = []
    last_line, end = label.line, line.begin + label.stop
    if label.rest:
        parts, stop = _kept(label.rest, cut)
        if parts:
            pieces.append("\n".join(parts))
            found = locate(line.text, parts[-1])
            end = line.begin + found[1] if found and stop < len(label.rest) else line.end
    if token.lines:
        first, last = token.lines
        for index in range(first, last + 1):
            if state.noise[index] or index in token.skipped:
                continue
            parts, stop = _kept(state.line_text(index), cut and bool(state.plain[index]))
            pieces.extend(parts)
            if parts and state.plain[index]:
                last_line, end = index, state.lines[index].begin + stop
    # The span starts at the heading itself: glued labels share a line.
    span = state.span(label.line, last_line)
    return Section(
        label=label.key,
        heading=label.heading,
        text="\n".join(pieces),
        span=Span(span.first_line, span.last_line, line.begin + label.start, end),
    )
