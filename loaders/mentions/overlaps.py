"""Where found spans overlap, the longest wins; on a tie, the more certain kind of finding.

>>> spans = [(0, 10, 1), (5, 8, 2), (9, 12, 3), (12, 14, 4)]
>>> [s[2] for s in longest_first(spans, lambda s: (s[0], s[1]), lambda s: 0)]
[1, 4]
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def longest_first(
    found: Iterable[T],
    span: Callable[[T], tuple[int, int]],
    rank: Callable[[T], float],
    taken: Iterable[tuple[int, int]] = (),
) -> list[T]:
    """The findings that survive, in text order: each in turn, longest first (then highest
    ``rank``, then leftmost), is kept if it shares no character with one kept before it or
    with a span in ``taken``."""
    kept: list[T] = []
    # Disjoint occupied spans, sorted: a new span is free if it ends before the next one
    # begins and begins after the previous one ends. The spans in ``taken`` may overlap each
    # other; merging them keeps the list disjoint.
    starts: list[int] = []
    ends: list[int] = []
    for begin, end in sorted(taken):
        if starts and begin < ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(begin)
            ends.append(end)
    # Each finding's span and rank computed once; its position breaks ties as a stable sort
    # would, and keeps the findings themselves from being compared.
    keyed: list[tuple[int, float, int, int, int, T]] = []
    for position, finding in enumerate(found):
        begin, end = span(finding)
        keyed.append((begin - end, -rank(finding), begin, position, end, finding))
    keyed.sort()
    for _, _, begin, _, end, finding in keyed:
        at = bisect.bisect_right(starts, begin)
        if (
            end <= begin
            or (at > 0 and ends[at - 1] > begin)
            or (at < len(starts) and starts[at] < end)
        ):
            continue
        kept.append(finding)
        starts.insert(at, begin)
        ends.insert(at, end)
    kept.sort(key=span)
    return kept
