"""Items printed without a number.

Many systems print no item numbers at all. An item then starts at a block of case-number and
access lines (``Sagsnr.: 22-016257``, ``Sagsid.: EMN-2025-009242``, ``Åben``, ``Lukket``), or
where the same run of section labels starts again (``Sagsfremstilling ... Indstilling ...
Beslutning``, then ``Sagsfremstilling`` again). The title may stand before the block, after it,
between its lines, be printed twice (it is read once), or be missing (then it is ``""``).
Which side the titles stand on is decided once for the whole text, by what most blocks show.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from loaders.model import Meeting
from loaders.rules import casenumbers, header, titles
from loaders.rules.parse_state import HeadingCandidate, ParseState

# Lines of the case's metadata that stand among its case numbers; never titles.
_META = re.compile(
    r"(?:Sagsbehandler|Sagsbeh\.|Sagsansvarlig|Ansvarlig(?: leder)?|Forvaltning|Afdeling"
    r"|Område|Kategori|Emne|KLE|Sagstype|Dokumenttype|Status|Beslutningsniveau|Behandling)"
    r"\s*:.*",
    re.IGNORECASE,
)
# Where a label usually stands in an item, so that a run of labels can be told from its
# wrap-around (``Beslutning`` then ``Sagsfremstilling`` is where one item ends and the next
# begins). Labels whose place varies (``bilag``) have no rank.
LABEL_RANK = {
    "resume": 0,
    "sagsfremstilling": 1,
    "baggrund": 2,
    "sagens forløb": 2,
    "lovgrundlag": 3,
    "vurdering": 3,
    "høring": 3,
    "økonomi": 4,
    "vision": 4,
    "effektvurdering": 4,
    "handicappolitik": 4,
    "kommunikation": 4,
    "tidsplan": 4,
    "kompetence": 5,
    "indstilling": 6,
    "beslutning": 7,
}
_MIN_ITEMS = 2


@dataclass(slots=True)
class _Block:
    """Case-number and access lines standing together: where one item starts."""

    first: int
    last: int
    inner: int = -1  # a title printed between the block's lines
    closed: bool = False
    kind: str = "case-number"


def _is_anchor(plain: str) -> str | None:
    if titles.is_access_line(plain):
        return "access-line"
    if casenumbers.is_case_line(plain):
        return "case-number"
    return None


def case_blocks(state: ParseState) -> list[_Block]:
    """The blocks of case-number and access lines, in one pass; a title line may stand
    between two of their lines."""
    blocks: list[_Block] = []
    current: _Block | None = None
    pending = -1  # a text line after the open block's last anchor
    in_toc = state.toc_lines
    for index, plain in enumerate(state.plain):
        if not plain or state.noise[index] or index in in_toc:
            continue
        kind = _is_anchor(plain) if index not in state.labels else None
        if kind is not None:
            if current is not None:
                if pending >= 0 and current.inner < 0:
                    current.inner = pending
                current.last = index
            else:
                current = _Block(index, index, kind=kind)
                blocks.append(current)
            current.closed = current.closed or titles.is_closed_access(plain)
            pending = -1
        elif current is not None and _META.fullmatch(plain):
            continue
        elif current is not None and pending < 0 and index not in state.labels:
            pending = index
        else:
            current, pending = None, -1
    return blocks


def title_before(state: ParseState, index: int, floor: int) -> int:
    before = state.previous_content(index, floor)
    if before is None or before in state.toc_lines:
        return -1
    if titles.can_be_title(state, before, strict=True) or _with_access(state, before):
        return before
    return -1


def _with_access(state: ParseState, index: int) -> bool:
    """``Køb af ejendom (Lukket punkt)``: a title with its access in parentheses. The strict
    test refuses a line ending in ``)`` (a name with its party, ``Lotte Greve (V)``); an
    access in the parentheses says the line is a title."""
    plain = state.plain[index]
    rest, bracket, access = plain.removesuffix(")").rpartition("(")
    return (
        plain.endswith(")")
        and bool(bracket)
        and titles.is_access_line(access.strip())
        and bool(rest.strip())
        and rest.strip()[-1] not in ".!?;)"
        and titles.can_be_title(state, index)
    )


def _title_after(state: ParseState, index: int) -> int:
    after = state.next_content(index)
    if after is None or not titles.can_be_title(state, after):
        return -1
    plain = state.plain[after]
    following = state.next_content(after)
    ends_heading = following is None or titles.is_structural(state, following)
    return after if ends_heading or plain[-1] not in ".!?" else -1


def heading_at(
    state: ParseState, start: int, title_line: int, body: int, *, form: str, closed: bool
) -> HeadingCandidate:
    split: tuple[str, str | None, bool] = ("", None, False)
    last = start
    if title_line >= 0:
        printed, last = titles.wrapped_title(state, title_line, state.plain[title_line])
        split = titles.split_title(printed)
    return HeadingCandidate.titled(
        start, None, split, form, closed=closed, last=max(last, start), body=body
    )


def _block_items(state: ParseState, blocks: list[_Block]) -> list[HeadingCandidate]:
    floor = 0
    sides = []
    for block in blocks:
        before = title_before(state, block.first, floor)
        after = _title_after(state, block.last) if block.inner < 0 else -1
        sides.append((before, after))
        floor = block.last + 1
    after_first = sum(a >= 0 for _, a in sides) >= sum(b >= 0 for b, _ in sides)
    found: list[HeadingCandidate] = []
    for block, (before, after) in zip(blocks, sides, strict=True):
        title = block.inner if block.inner >= 0 else (after if after_first else before)
        repeated = 0 <= before != title and _key(state, before) == _key(state, title)
        if title >= 0 and (title == before or repeated):
            start, body = before, -1  # the title opens the item; the block is its body
        else:
            start, body = block.first, block.first
        found.append(heading_at(state, start, title, body, form=block.kind, closed=block.closed))
    return found


def _key(state: ParseState, index: int) -> str:
    return " ".join(state.plain[index].lower().split()) if index >= 0 else ""


def label_sequence(state: ParseState) -> list[tuple[int, str]]:
    """``(line, key)`` of each line's first label in document order; sub-headings left out."""
    return [
        (index, labels[0].key)
        for index, labels in sorted(state.labels.items())
        if not labels[0].weak and index not in state.toc_lines and not state.noise[index]
    ]


def _run_opener(sequence: list[tuple[int, str]]) -> str | None:
    """The label that most plainly opens the run: the one after which the labels go forward
    in their usual order (``Sagsfremstilling``, not the ``Beslutning`` that ends the run)."""
    counts: dict[str, int] = {}
    for _, key in sequence:
        counts[key] = counts.get(key, 0) + 1
    best: tuple[int, int, str] | None = None
    for key, count in counts.items():
        if count < _MIN_ITEMS:
            continue
        score = 0
        previous: str | None = None
        for _, label in sequence:
            if (
                label != key
                and previous is not None
                and previous in LABEL_RANK
                and label in LABEL_RANK
            ):
                score += 1 if LABEL_RANK[previous] < LABEL_RANK[label] else -1
            previous = label
        if best is None or (score, count) > best[:2]:
            best = (score, count, key)
    return best[2] if best is not None else None


def _run_starts(state: ParseState) -> list[int]:
    """The lines where the run of labels starts again: each line with the label that opens
    the run, the first label of all, and a label that goes back in the usual order (an item
    with only a ``Beslutning`` after one with the whole run)."""
    sequence = label_sequence(state)
    opener = _run_opener(sequence)
    if opener is None:
        return []
    starts: list[int] = []
    previous: str | None = None
    for index, key in sequence:
        back = (
            previous in LABEL_RANK
            and key in LABEL_RANK
            and LABEL_RANK[key] < LABEL_RANK[previous or ""]
        )
        # The opener again right after itself (two decisions of one item) needs a title.
        again = key == opener and (key != previous or title_before(state, index, 0) >= 0)
        if not starts or back or again:
            starts.append(index)
        previous = key
    return starts


def _block_run_starts(state: ParseState, blocks: list[_Block]) -> list[int]:
    """With blocks of case numbers: the lines with the label that most often comes first after
    a block, and the first label before the first block (an item without a case number)."""
    sequence = label_sequence(state)
    firsts: dict[str, int] = {}
    position = 0
    for block in blocks:
        while position < len(sequence) and sequence[position][0] <= block.last:
            position += 1
        if position < len(sequence):
            key = sequence[position][1]
            firsts[key] = firsts.get(key, 0) + 1
    if not firsts:
        return []
    opener = max(firsts, key=lambda key: firsts[key])
    starts = [index for index, key in sequence if key == opener]
    head = [index for index, _ in sequence[:1] if index < blocks[0].first]
    return head + [index for index in starts if index not in head]


def _label_items(state: ParseState, blocks: list[_Block]) -> list[HeadingCandidate]:
    """Items at the restarts of the label run that no block of case numbers opened already."""
    starts = _block_run_starts(state, blocks) if blocks else _run_starts(state)
    if len(starts) < (1 if blocks else _MIN_ITEMS):
        return []
    block_lines = sorted(b.first for b in blocks)
    found: list[HeadingCandidate] = []
    previous = -1
    cursor = 0
    for start in starts:
        while cursor < len(block_lines) and block_lines[cursor] < start:
            cursor += 1
        opened = cursor > 0 and block_lines[cursor - 1] > previous
        if not opened:
            title = title_before(state, start, previous + 1)
            line = title if title >= 0 else start
            body = -1 if title >= 0 else start
            found.append(heading_at(state, line, title, body, form="label-run", closed=False))
        previous = start
    return found


def find_items(state: ParseState, *, label_runs: bool = True) -> list[HeadingCandidate]:
    """The items of minutes that number none, in document order (empty if fewer than two);
    ``label_runs=False`` reads only blocks of case-number and access lines."""
    blocks = case_blocks(state)
    found = _block_items(state, blocks) if len(blocks) >= _MIN_ITEMS else []
    if len(blocks) < _MIN_ITEMS:
        blocks = []
    if label_runs:
        found.extend(_label_items(state, blocks))
    if len(found) < _MIN_ITEMS:
        return []
    found.sort(key=lambda heading: heading.line)
    return found


def single_item(state: ParseState) -> list[HeadingCandidate]:
    """The one item of minutes that print a single item without a number (an extra meeting, a
    page per item): one block of case-number and access lines, and evidence that it opens an
    item, since a case number also stands in letters and notices: no section label before it,
    a section of its own right after it (after its title, if printed there); or, with no case
    number at all, a title right before sections that run to a decision. Either way a meeting
    header (a committee and a date) before it."""
    blocks = case_blocks(state)
    labelled = [i for i in sorted(state.labels) if i not in state.toc_lines and not state.noise[i]]
    if not blocks:
        heading = _titled_run(state, labelled)
        if heading is None:
            return []
    elif len(blocks) == 1:
        block = blocks[0]
        if not labelled or labelled[0] < block.first:
            return []  # text with sections before the block: the block stands inside an item
        heading = _block_items(state, blocks)[0]
        following = state.next_content(max(block.last, heading.last_line))
        if following is None or following not in state.labels:
            return []
    else:
        return []
    scratch = dataclasses.replace(state, meeting=Meeting(), notes=[], headings=[heading])
    header.read_header(scratch)
    if scratch.meeting.committee is None or scratch.meeting.date is None:
        return []
    return [heading]


def _titled_run(state: ParseState, labelled: list[int]) -> HeadingCandidate | None:
    """The heading of a single item printed with no number and no case number: a title right
    before the first section label, where the labels run on to a decision (``Beslutning``)."""
    if not labelled or not any(state.labels[i][0].key == "beslutning" for i in labelled):
        return None
    title = state.previous_content(labelled[0])
    if (
        title is None
        or title in state.toc_lines
        or not titles.can_be_title(state, title, strict=True)
    ):
        return None
    return heading_at(state, title, title, -1, form="unnumbered-title", closed=False)


def layout_names(headings: list[HeadingCandidate]) -> list[str]:
    """The layout names of unnumbered items, one per way they were found."""
    return [f"unnumbered-{form}" for form in dict.fromkeys(h.form for h in headings)]
