"""Timelines from the side index's counts: mentions per year, one row per municipality or
entity, over every year from the first to the last (none skipped)."""

from __future__ import annotations

from collections.abc import Sequence

from searchindex.records import GroupRow, Timeline, TimelineRow


def groups_timeline(groups: Sequence[GroupRow]) -> Timeline:
    """The timeline of :meth:`SiteIndex.mention_groups` (for a caller that has them already):
    one row per municipality with mentions in a dated meeting, in their order (year 0, the
    meetings without a date, has no place on it).

    >>> t = groups_timeline([GroupRow("k/a", "A", 2022, 2), GroupRow("k/a", "A", 2020, 1),
    ...                      GroupRow("k/a", "A", 0, 4), GroupRow("k/b", "B", 0, 1)])
    >>> t.years, [(r.label, r.counts) for r in t.rows]
    ([2020, 2021, 2022], [('A', [1, 0, 2])])
    """
    counts: dict[tuple[str, str], dict[int, int]] = {}
    for group in groups:
        if group.year:
            key = (group.municipality, group.municipality_label)
            counts.setdefault(key, {})[group.year] = group.count
    return timeline([(iri, label, years) for (iri, label), years in counts.items()])


def timeline(rows: list[tuple[str, str, dict[int, int]]]) -> Timeline:
    """A timeline over every year from the first to the last that any row has."""
    years_seen = [year for _, _, counts in rows for year in counts]
    if not years_seen:
        return Timeline([], [TimelineRow(iri, label, []) for iri, label, _ in rows])
    years = list(range(min(years_seen), max(years_seen) + 1))
    return Timeline(
        years,
        [TimelineRow(iri, label, [counts.get(y, 0) for y in years]) for iri, label, counts in rows],
    )
