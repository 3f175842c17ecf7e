"""Items printed without a number among numbered ones: ``Meddelelser`` between items 2 and 3,
with a case number of its own, or where the run of section labels starts again after a
numbered item's decision. The blocks and titles are found as for minutes that number no items
(:mod:`loaders.rules.unnumbered`).
"""

from __future__ import annotations

import bisect
import itertools

from loaders.rules.parse_state import HeadingCandidate, ParseState
from loaders.rules.unnumbered import (
    LABEL_RANK,
    case_blocks,
    heading_at,
    label_sequence,
    title_before,
)


def among_numbered(state: ParseState, numbered: list[HeadingCandidate]) -> list[HeadingCandidate]:
    """Items printed without a number among numbered ones (``Meddelelser`` between items 2 and
    3): a block of case numbers with a title before it, standing after the numbered item's
    decision and its text, with no other line of a heading's form between, and followed by a
    section of its own before the next heading.
    Only such blocks count: a title-like line before a second ``Beslutning`` is as often the
    first body's short decision (``Anbefales``) as a new item."""
    heads = sorted(h.line for h in numbered)
    decisions = sorted(i for i, found in state.labels.items() if found[0].key == "beslutning")
    labelled = sorted(state.labels)
    candidates = sorted(state.candidates)
    found: list[HeadingCandidate] = []
    for block in case_blocks(state):
        position = bisect.bisect_right(heads, block.first) - 1
        if position < 0 or block.inner >= 0:
            continue
        head = heads[position]
        end = heads[position + 1] if position + 1 < len(heads) else len(state.lines)
        decided = _last_before(decisions, block.first)
        if decided is None or decided <= head:
            continue  # the numbered item's own case numbers, before its decision
        passed = _last_before(candidates, block.first)
        if passed is not None and passed > head:
            continue  # a numbered heading the chain passed over may open this block's item
        text = state.next_content(decided, block.first)
        title = title_before(state, block.first, decided + 1)
        if text is None or title < 0 or title <= text:
            continue  # no decision text before the title line: the line is the decision
        after = bisect.bisect_right(labelled, block.last)
        if after == len(labelled) or labelled[after] >= end:
            continue  # no section of its own before the next heading
        found.append(heading_at(state, title, title, -1, form=block.kind, closed=block.closed))
    return found + _restarts_among(state, heads, candidates, decisions)


# Labels that open an item's run; after a decision they start the next item's.
_OPENERS = frozenset(key for key, rank in LABEL_RANK.items() if rank <= LABEL_RANK["baggrund"])


def _restarts_among(
    state: ParseState, heads: list[int], candidates: list[int], decisions: list[int]
) -> list[HeadingCandidate]:
    """Items without a number where the run of labels starts again after a numbered item's
    decision (``Beslutning``, its text, a title, ``Sagsfremstilling`` ... ``Beslutning``), with
    no case number: the title stands between the decision's text and the opening label, and
    the new item has a decision of its own before the next heading. A second decision of the
    same item follows its label with no opening label before it."""
    found: list[HeadingCandidate] = []
    sequence = label_sequence(state)
    for (decided, before), (start, key) in itertools.pairwise(sequence):
        position = bisect.bisect_right(heads, decided) - 1
        if before != "beslutning" or key not in _OPENERS or position < 0:
            continue
        end = heads[position + 1] if position + 1 < len(heads) else len(state.lines)
        passed = _last_before(candidates, start)
        if start >= end or (passed is not None and passed > heads[position]):
            continue
        text = state.next_content(decided, start)
        title = title_before(state, start, decided + 1)
        if text is None or title < 0 or title <= text:
            continue
        own = bisect.bisect_right(decisions, start)
        if own < len(decisions) and decisions[own] < end:
            found.append(heading_at(state, title, title, -1, form="label-run", closed=False))
    return found


def _last_before(lines: list[int], line: int) -> int | None:
    """The last of the sorted ``lines`` before ``line``, if any."""
    at = bisect.bisect_left(lines, line)
    return lines[at - 1] if at else None
