"""Which municipality the minutes are from, and the evidence that says so.

Given by the caller (``--municipality``), it wins over everything. Otherwise the first of these
that has evidence decides:

1. **stated**: a ``Kommune:`` field, or ``<Name> Kommune`` in the header or a page footer (a town
   hall such as ``Lemvig Rådhus`` is not enough); the most named if several.
2. **council name** in the frame of the minutes: ``Aarhus Byråd``, ``Byrådet i Køge``,
   ``Københavns Borgerrepræsentation`` (``Byrådet`` alone names no municipality).
3. **postal address or domain** in the frame: the town of a postal address (``4600 Køge``,
   from ``loaders/data/postnumre.csv``), a web or e-mail address under a municipality's domain
   (``www.kolding.dk``, ``sbo@vejen.dk``; ``kl.dk``, ``borger.dk`` and other bodies' are none).
4. **the text**: every ``<Name> Kommune``, council name, postal address and domain anywhere in
   the text, each counted once.
5. **the web page** around the minutes, where the text has no evidence at all: the site's
   footer and header, the page title, its ``og:site_name``, ``author`` and ``publisher``, and
   the domain of its address (:mod:`loaders.page_evidence`; none of it is in the text). Each
   part of the page counts once for each municipality it names.

The *frame* is the header (before the first item, without the table of contents), page
footers and running headers, and decision headings (``Beslutning i Aarhus Byråd den ...``):
where minutes name their own council and address, while item texts also name others.

Tiers 2 to 4 are *inferred*, with a note naming the evidence used, e.g. "municipality inferred
from the postal address '4600 Køge' (line 3)". Within a tier, a municipality wins only with at
least twice the support of any other; otherwise the evidence conflicts, and the text is refused
with the conflicting evidence named, never guessed. A postal number that lies in several
municipalities supports only those that other evidence of its tier already supports. When the
whole text clearly points elsewhere than the frame's council name, postal address or domain,
a note says so; so it does when the text names its municipality and the web page clearly
another (a joint body's minutes on a neighbour's site): the text wins, the note says
"municipality doubtful".
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from loaders import municipal_addresses, municipalities
from loaders.model import Span
from loaders.municipalities import Municipality
from loaders.page_evidence import PagePart
from loaders.rules.parse_state import ParseState

Finder = Callable[[str], list[tuple[tuple[Municipality, ...], int, int]]]


def _one(find: Callable[[str], list[tuple[Municipality, int, int]]]) -> Finder:
    return lambda text: [((m,), b, e) for m, b, e in find(text)]


# The kinds of evidence besides "<Name> Kommune": (kind, how a note names it, finder).
EVIDENCE_RULES: tuple[tuple[str, str, Finder], ...] = (
    ("council", "the council name", _one(municipalities.find_councils)),
    ("postal", "the postal address", municipal_addresses.find_postal_addresses),
    ("domain", "the web address", _one(municipal_addresses.find_domains)),
)
_DESCRIPTIONS = {kind: words for kind, words, _ in EVIDENCE_RULES}
# Which kinds each inferring tier weighs, and whether only the frame counts.
TIERS: tuple[tuple[frozenset[str], bool], ...] = (
    (frozenset({"council"}), True),
    (frozenset({"postal", "domain"}), True),
    (frozenset({"mention", "council", "postal", "domain"}), False),
)
_LISTED = 3  # pieces of evidence a note names before "and N more"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One piece of evidence: its kind, the words as printed, where, and the municipalities it
    points to (several for a postal number that several municipalities share)."""

    kind: str  # "mention", "council", "postal", "domain"
    printed: str
    line: int  # index into state.lines; -1 on the web page, outside the text
    span: Span | None  # None on the web page
    municipalities: tuple[str, ...]
    page: PagePart | None = None  # where on the web page, for evidence outside the text

    def describe(self, line_number: int) -> str:
        """``the postal address '4600 Køge' (line 3)``."""
        if self.kind == "mention":
            return f"'{self.printed}' (line {line_number})"
        words = _DESCRIPTIONS[self.kind]
        if self.kind == "domain" and "@" in self.printed:
            words = "the e-mail address"
        return f"{words} '{self.printed}' (line {line_number})"


def _mentions(state: ParseState, indices: range | list[int]) -> list[tuple[str, Span]]:
    """Every ``<Name> Kommune`` on the given lines, with its span.

    The pattern has all 98 names in it, so it only looks at a short window before each
    ``ommune``, widened to the start of a word.
    """
    found: list[tuple[str, Span]] = []
    lines = state.lines
    for index in indices:
        text = lines[index].text
        at = text.find("ommune")
        seen = -1
        while at >= 0:
            start = max(text.rfind(" ", 0, max(at - _WINDOW, 0)) + 1, 0)
            for municipality, begin, end in municipalities.find_in_text(text[start : at + 8]):
                if start + begin > seen:
                    seen = start + begin
                    found.append((municipality.name, lines[index].span(start + begin, start + end)))
            at = text.find("ommune", at + 6)
    return found


_WINDOW = 40  # longer than "Ringkøbing-Skjern " and every other name


def _set(state: ParseState, name: str, source: str, span: Span | None) -> None:
    meeting = state.meeting
    meeting.municipality, meeting.municipality_source = name, source
    if span is not None:
        meeting.spans["municipality"] = span


def _stated(state: ParseState) -> tuple[str, Span] | None:
    """The municipality the header or a page footer names, the most named if several."""
    stated = _mentions(state, _header(state) + _footers(state))
    if not stated:
        return None
    name = Counter(name for name, _ in stated).most_common(1)[0][0]
    return name, next(span for n, span in stated if n == name)


def _header(state: ParseState) -> list[int]:
    return [i for i in range(state.header_end) if i not in state.toc_lines and state.plain[i]]


def _footers(state: ParseState) -> list[int]:
    return [i for i, noisy in enumerate(state.noise) if noisy and i >= state.header_end]


def _frame(state: ParseState) -> set[int]:
    """Header, page furniture and decision headings: where minutes name their own council."""
    headings = [i for i, found in state.labels.items() if any(lb.committee for lb in found)]
    return {*_header(state), *(i for i, noisy in enumerate(state.noise) if noisy), *headings}


def gather(state: ParseState) -> list[Evidence]:
    """Every piece of evidence in the text, in text order."""
    lines, text = state.lines, state.text
    starts = [line.begin for line in lines]
    found = [
        Evidence("mention", text[s.begin : s.end], s.first_line - lines[0].number, s, (name,))
        for name, s in _mentions(state, range(len(lines)))
    ]
    for kind, _, find in EVIDENCE_RULES:
        for pointed, begin, end in find(text):
            first = bisect.bisect_right(starts, begin) - 1
            last = bisect.bisect_right(starts, end - 1) - 1
            span = Span(lines[first].number, lines[last].number, begin, end)
            names = tuple(dict.fromkeys(m.name for m in pointed))
            found.append(Evidence(kind, " ".join(text[begin:end].split()), first, span, names))
    found.sort(key=_position)
    return found


def _position(piece: Evidence) -> int:
    return piece.span.begin if piece.span is not None else -1


# How a note names each part of the web page.
_PAGE_PARTS: dict[PagePart, str] = {
    "header": "the web page's header",
    "footer": "the web page's footer",
    "title": "the page title",
    "site name": "the page's site name",
    "author": "the page's author",
    "publisher": "the page's publisher",
    "address": "the page's address",
}


def gather_page(state: ParseState) -> list[Evidence]:
    """The evidence of what the web page says about itself, in page order: for each part of the
    page (footer, title, address, ...) the first piece naming each municipality. Only domains
    count in the page's address."""
    found: list[Evidence] = []
    seen: set[tuple[PagePart, tuple[str, ...]]] = set()
    for line in state.page_evidence:
        text = line.text
        pieces: list[tuple[str, tuple[Municipality, ...], int, int]] = []
        if line.part != "address":
            pieces += [("mention", (m,), b, e) for m, b, e in municipalities.find_in_text(text)]
        for kind, _, find in EVIDENCE_RULES:
            if line.part != "address" or kind == "domain":
                pieces += [(kind, pointed, b, e) for pointed, b, e in find(text)]
        for kind, pointed, begin, end in sorted(pieces, key=lambda piece: piece[2]):
            names = tuple(dict.fromkeys(m.name for m in pointed))
            if (line.part, names) not in seen:
                seen.add((line.part, names))
                printed = " ".join(text[begin:end].split())
                found.append(Evidence(kind, printed, -1, None, names, line.part))
    return found


def support(pieces: Iterable[Evidence]) -> dict[str, list[Evidence]]:
    """The evidence for each municipality, the best supported first (the earliest on a tie).
    A piece pointing to several municipalities supports only those that a piece pointing to
    one of them alone supports too.
    """
    pieces = list(pieces)
    alone = {e.municipalities[0] for e in pieces if len(e.municipalities) == 1}
    backing: dict[str, list[Evidence]] = {}
    for piece in pieces:
        for name in piece.municipalities:
            if len(piece.municipalities) == 1 or name in alone:
                backing.setdefault(name, []).append(piece)
    ranked = sorted(backing.items(), key=lambda kv: (-len(kv[1]), _position(kv[1][0])))
    return dict(ranked)


def describe(state: ParseState, pieces: list[Evidence]) -> str:
    """The evidence in words: mentions counted, the rest listed with their lines.

    Mentions alone read as before: ``2 mentions of 'Holstebro Kommune'``.
    """
    if pieces and pieces[0].page is not None:
        return _describe_page(pieces)
    mentions = [e for e in pieces if e.kind == "mention"]
    others = [e for e in pieces if e.kind != "mention"]
    parts: list[str] = []
    if mentions:
        name = mentions[0].municipalities[0]
        plural = "mention" if len(mentions) == 1 else "mentions"
        parts.append(f"{len(mentions)} {plural} of '{name} Kommune'")
    parts += [e.describe(state.lines[e.line].number) for e in others[:_LISTED]]
    if len(others) > _LISTED:
        parts.append(f"{len(others) - _LISTED} more")
    return _joined(parts)


def _joined(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _describe_page(pieces: list[Evidence]) -> str:
    """``the web page's footer: 'Køge Kommune', '4600 Køge' and the page's address
    www.koege.dk``: the pieces grouped by the part of the page they stand in."""
    groups: dict[PagePart, list[str]] = {}
    for piece in pieces[:_LISTED]:
        groups.setdefault(piece.page or "footer", []).append(piece.printed)
    parts = [
        f"{_PAGE_PARTS[part]} {', '.join(printed)}"
        if part == "address"
        else f"{_PAGE_PARTS[part]}: " + ", ".join(f"'{p}'" for p in printed)
        for part, printed in groups.items()
    ]
    if len(pieces) > _LISTED:
        parts.append(f"{len(pieces) - _LISTED} more")
    return _joined(parts)


def _decide(
    state: ParseState, backing: dict[str, list[Evidence]]
) -> tuple[str, list[Evidence]] | None:
    """The winner of one tier, or None; a conflict is left in ``state.problem``."""
    if not backing:
        return None
    ranked = list(backing.items())
    if len(ranked) > 1 and len(ranked[0][1]) < 2 * len(ranked[1][1]):
        (first, a), (second, b) = ranked[0], ranked[1]
        state.problem = (
            f"municipality unclear: the evidence conflicts, {first} ({describe(state, a)}) "
            f"against {second} ({describe(state, b)}); give it with --municipality"
        )
        return None
    return ranked[0]


def _doubt(state: ParseState, name: str, everything: list[Evidence]) -> None:
    """Note when the whole text clearly points elsewhere than a higher tier decided."""
    ranked = support(everything)
    other = next(iter(ranked), name)
    own = len(ranked.get(name, []))
    if other != name and len(ranked[other]) >= 2 * max(own, 1):
        state.notes.append(
            f"municipality doubtful: {name} was read, but the text points to {other} "
            f"({describe(state, ranked[other])})"
        )


def find_municipality(state: ParseState) -> bool:
    """Core rule: set ``municipality`` and ``municipality_source``."""
    if state.given_municipality is not None:
        given = municipalities.by_name(state.given_municipality)
        if given is None:
            state.problem = (
                f"unknown municipality '{state.given_municipality}': "
                "give one of the 98 names, with or without 'Kommune'"
            )
            return False
        _set(state, given.name, "given", None)
        return True
    if _from_text(state):
        _page_doubt(state)
        return True
    if state.problem is not None or not state.page_evidence:
        return False
    return _from_page(state)


def _from_text(state: ParseState) -> bool:
    """Tiers 1 to 4: what the text says."""
    if state.meeting.municipality_source == "stated":
        return True  # a "Kommune:" line in the header said so
    stated = _stated(state)
    if stated is not None:
        _set(state, stated[0], "stated", stated[1])
        return True
    return _infer(state, gather(state))


def _from_page(state: ParseState) -> bool:
    """The lowest tier: what the web page says about itself, when the text says nothing."""
    decided = _decide(state, support(gather_page(state)))
    if decided is None:
        return False
    name, used = decided
    _set(state, name, "inferred", None)
    state.notes.append(f"municipality inferred from {describe(state, used)}")
    return True


def _page_doubt(state: ParseState) -> None:
    """Note when the web page clearly names another municipality than the text did."""
    name = state.meeting.municipality
    if not state.page_evidence or name is None:
        return
    ranked = list(support(gather_page(state)).items())
    if not ranked or ranked[0][0] == name:
        return
    other, pieces = ranked[0]
    if len(ranked) == 1 or len(pieces) >= 2 * len(ranked[1][1]):
        state.notes.append(
            f"municipality doubtful: {name} was read from the text, but the web page points to "
            f"{other} ({describe(state, pieces)})"
        )


def _infer(state: ParseState, everything: list[Evidence]) -> bool:
    """The first tier whose evidence decides; False when none does or the evidence conflicts."""
    frame = _frame(state)
    for kinds, frame_only in TIERS:
        pieces = [e for e in everything if e.kind in kinds and (not frame_only or e.line in frame)]
        decided = _decide(state, support(pieces))
        if decided is None:
            if state.problem is not None:
                return False
            continue
        name, used = decided
        _set(state, name, "inferred", used[0].span)
        state.notes.append(f"municipality inferred from {describe(state, used)}")
        if frame_only:
            _doubt(state, name, everything)
        return True
    return False
