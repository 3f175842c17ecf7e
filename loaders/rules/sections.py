"""Section labels (Resumé, Sagsfremstilling, Beslutning, ...) and the sections they open.

A label is a short line of its own (``Sagsfremstilling``), sometimes with a colon and the text
after it (``Beslutning: Godkendt.``), sometimes glued to the next label by a web export
(``BilagBeslutning``), sometimes naming the deciding body (``Beslutning Udvalget for Job &
Arbejdsmarked den 08-01-2020``) or the one who recommends (``Direktøren for ... indstiller,``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from loaders.model import Section, Span
from loaders.rules.state import Label, ParseState

# The canonical keys of FORMAT.md and the headings printed for them (lower case).
SECTION_LABELS: dict[str, tuple[str, ...]] = {
    "resume": ("resume", "resumé", "kort resume", "sammenfatning"),
    "sagsfremstilling": ("sagsfremstilling", "sagsbeskrivelse", "beskrivelse af sagen"),
    "indstilling": (
        "indstilling",
        "indstillinger",
        "forslag til beslutning",
        "administrationens indstilling",
        "forvaltningens indstilling",
        "direktionens indstilling",
    ),
    "beslutning": ("beslutning", "beslutninger", "udvalgets beslutning"),
    "lovgrundlag": ("lovgrundlag", "retsgrundlag", "lovgrundlag og tidligere beslutninger"),
    "økonomi": ("økonomi", "økonomiske konsekvenser", "økonomi og finansiering"),
    "vision": (
        "vision og politikker",
        "sammenhæng til vision/politikker",
        "vision, politikker og strategier",
        "politikker og strategier",
    ),
    "effektvurdering": ("effektvurdering",),
    "vurdering": ("administrationens vurdering", "forvaltningens vurdering", "vurdering"),
    "handicappolitik": ("handicappolitik", "handicappolitiske konsekvenser"),
    "bilag": ("bilag", "bilagsliste"),
    "sagens forløb": ("sagens forløb", "tidligere behandling"),
    "kompetence": ("sagen afgøres endelig af", "beslutningskompetence", "kompetence"),
    "høring": ("høring", "høringssvar"),
    "kommunikation": ("kommunikation",),
    "tidsplan": ("tidsplan",),
    "baggrund": ("baggrund",),
    # Not in FORMAT.md's table; a common label (statements of councils and boards) whose key is
    # the heading itself, as FORMAT.md prescribes for such labels.
    "udtalelser": ("udtalelser",),
}
# Keys whose headings are just as often a sub-heading inside a section: directly under another
# label (with no text between) they are read as that section's first line.
WEAK_KEYS = frozenset({"baggrund", "vurdering", "tidsplan", "kommunikation", "høring"})

_BY_HEADING: dict[str, str] = {
    heading: key for key, headings in SECTION_LABELS.items() for heading in headings
}
_ONE_WORD = {h: k for h, k in _BY_HEADING.items() if " " not in h and "/" not in h}
_MAX_LABEL = 140  # longer lines are text, not labels

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
# "Beslutning Udvalget for Job & Arbejdsmarked den 08-01-2020", "Beslutning i Byrådet".
_DECISION = re.compile(
    r"Beslutning(?:\s+(?:i|fra))?\s+(?P<who>[A-ZÆØÅ][^:]*?)?"
    r"(?:\s*(?:den|d\.)\s+(?P<date>\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{1,2}\.?\s+[a-zæøå]+\s+\d{4}))?"
)
_BODY = re.compile(
    r"(?:udvalg(?:et)?|byrådet|byråd|kommunalbestyrelsen|bestyrelsen|rådet|"
    r"borgerrepræsentationen|direktionen)\b",
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
    ("glued-labels", glued_labels),
    ("inline-labels", inline_label),
)


def match_label(plain: str) -> tuple[str, tuple[LabelMatch, ...]] | None:
    """The first label rule that recognises ``plain``: its name and what it found."""
    if not plain or len(plain) > _MAX_LABEL or not plain[0].isupper():
        return None
    for name, rule in LABEL_RULES:
        found = rule(plain)
        if found:
            return name, found
    return None


def mark_labels(state: ParseState) -> bool:
    """Core rule: find the labels on every line (one pass); remember which label rules fired."""
    fired: set[str] = set()
    for index, plain in enumerate(state.plain):
        if not plain or len(plain) > _MAX_LABEL or not plain[0].isupper():
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
                    weak=match.key in WEAK_KEYS,
                )
            )
        state.labels[index] = tuple(labels)
    state.layout.extend(name for name, _ in LABEL_RULES if name in fired)
    return bool(fired)


@dataclass(frozen=True, slots=True)
class SectionToken:
    """A section of an item: its label and the lines of its text (``first..last`` inclusive,
    ``None`` when the section is empty)."""

    label: Label
    lines: tuple[int, int] | None

    def last_line(self) -> int:
        return self.lines[1] if self.lines else self.label.line


def build_section(state: ParseState, token: SectionToken) -> Section:
    """The model section for a token: exact text of its lines, label line excluded."""
    label = token.label
    text = state.text_of(*token.lines) if token.lines else ""
    if label.rest:
        text = f"{label.rest}\n{text}" if text else label.rest
    # The span starts at the heading itself: glued labels share a line.
    line = state.lines[label.line]
    span = state.span(label.line, token.last_line())
    end = span.end if token.lines or label.rest else line.begin + label.stop
    return Section(
        label=label.key,
        heading=label.heading,
        text=text,
        span=Span(span.first_line, span.last_line, line.begin + label.start, end),
    )


# A heading not in the table: one to four words of letters, capitalised, no final punctuation.
_LEARNABLE = re.compile(r"[A-ZÆØÅ][a-zæøåé-]+(?: [a-zæøåé-]+){0,3}")
_MIN_LEARNED_ITEMS = 2


def learn_labels(state: ParseState) -> bool:
    """Core rule: a short line that stands between text and text in several items, the same
    each time (``Udtalelser``), works as a section label of this layout even if the table does
    not know it; its key is its heading in lower case."""
    heading_lines = {h.line for h in state.headings}
    if len(heading_lines) < _MIN_LEARNED_ITEMS:
        return False
    items_seen: dict[str, set[int]] = {}
    where: dict[str, list[int]] = {}
    item = -1
    start = min(heading_lines)
    for index in range(start, len(state.lines)):
        if index in heading_lines:
            item += 1
            continue
        plain = state.plain[index]
        if not plain or state.noise[index] or index in state.labels:
            continue
        if not _LEARNABLE.fullmatch(plain) or plain.lower() in _IGNORED_WORDS:
            continue
        before, after = state.previous_content(index), state.next_content(index)
        if before is None or after is None:
            continue
        if {before, after} & heading_lines or before in state.labels or after in state.labels:
            continue
        items_seen.setdefault(plain, set()).add(item)
        where.setdefault(plain, []).append(index)
    learned = False
    for plain, seen in items_seen.items():
        if len(seen) < max(_MIN_LEARNED_ITEMS, len(heading_lines) // 4):
            continue
        learned = True
        for index in where[plain]:
            raw = state.lines[index].text
            start_at = max(raw.find(plain), 0)
            state.labels[index] = (
                Label(
                    key=plain.lower(),
                    heading=plain,
                    line=index,
                    start=start_at,
                    stop=start_at + len(plain),
                    weak=True,
                ),
            )
    if learned:
        state.layout.append("learned-labels")
    return learned


# Words that stand alone between paragraphs without heading anything.
_IGNORED_WORDS = frozenset({"ingen", "godkendt", "intet", "ja", "nej", "bilag", "afbud"})
