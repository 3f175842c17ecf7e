"""Full-text search over the side index: entities by name first, then agenda items by title and
text, grouped by meeting, each with a snippet of the passage that matched.

The query is folded and cut into words (see :func:`graph.siteindex.folding.fts_query`), so no
input is ever FTS5 syntax and none can raise. Snippets are lists of ``(text, is_match)``
segments, never HTML: the templates escape them.

Items are ranked by BM25 while there are at most :data:`RANKED_UP_TO` of them; ranking costs
a look at every hit, so a word found in more items than that lists them in index order (the
order they were loaded in) instead, and the count stays exact.
"""

from __future__ import annotations

import re
import sqlite3

from graph.siteindex.folding import fts_query, match_pattern, query_words
from graph.siteindex.rows import EntityHit, ItemHit, MeetingHits, SearchResult

SNIPPET_CHARS = 240
ENTITY_HITS = 10
RANKED_UP_TO = 2000
_SPACE = re.compile(r"\s+")
_ITEMS = (
    "SELECT r.iri, r.number, r.title, t.body, m.iri, m.label, m.date, mu.label"
    " FROM (SELECT rowid, {order} AS o FROM item_fts WHERE item_fts MATCH ?"
    "       ORDER BY o, rowid LIMIT ? OFFSET ?) f"
    " JOIN resources r ON r.id = f.rowid JOIN item_texts t ON t.id = r.id"
    " JOIN resources m ON m.id = r.meeting"
    " LEFT JOIN resources mu ON mu.id = r.municipality"
    " ORDER BY f.o, f.rowid"
)


def search(
    connection: sqlite3.Connection, query: str, offset: int = 0, limit: int = 20
) -> SearchResult:
    """Entities whose names match (most mentioned first), and the items that match, best
    first, grouped by meeting in the order of their best item."""
    match = fts_query(query)
    pattern = match_pattern(query_words(query))
    if match is None or pattern is None:
        return SearchResult(query, [], [], 0)
    entities = [
        EntityHit(iri, label, kind, mentions)
        for iri, label, kind, mentions in connection.execute(
            "SELECT r.iri, r.label, r.kind, COALESCE(t.mentions, 0) AS n"
            " FROM entity_fts f JOIN resources r ON r.id = f.rowid"
            " LEFT JOIN entity_totals t ON t.entity = r.id"
            " WHERE entity_fts MATCH ? ORDER BY r.candidate, n DESC, f.rank LIMIT ?",
            (match, ENTITY_HITS),
        )
    ]
    total = connection.execute(
        "SELECT COUNT(*) FROM item_fts WHERE item_fts MATCH ?", (match,)
    ).fetchone()[0]
    order = "rank" if total <= RANKED_UP_TO else "rowid"
    rows = connection.execute(
        _ITEMS.format(order=order), (match, max(0, limit), max(0, offset))
    ).fetchall()
    meetings: dict[str, MeetingHits] = {}
    for iri, number, title, body, meeting, label, date, municipality in rows:
        group = meetings.setdefault(meeting, MeetingHits(meeting, label, date, municipality or ""))
        text = title if title and pattern.search(title) else body or title or ""
        group.items.append(ItemHit(iri, number, title or "", snippet(text, pattern)))
    return SearchResult(query, entities, list(meetings.values()), total)


def snippet(
    text: str, pattern: re.Pattern[str], size: int = SNIPPET_CHARS
) -> list[tuple[str, bool]]:
    """The passage of ``text`` around the first match of ``pattern``, as segments with the
    matches marked; whitespace runs become single spaces.

    >>> from graph.siteindex.folding import match_pattern
    >>> snippet("Status på ældreområdet og job.", match_pattern(["aeldre"]))
    [('Status på ', False), ('ældreområdet', True), (' og job.', False)]
    >>> snippet("Intet her", match_pattern(["klapjob"]))
    [('Intet her', False)]
    """
    first = pattern.search(text)
    start = 0
    if first is not None and first.start() > size // 3:
        space = text.find(" ", first.start() - size // 3, first.start())
        start = space + 1 if space >= 0 else first.start()
    stop = min(len(text), start + size)
    if stop < len(text):
        space = text.rfind(" ", start, stop)
        stop = space if space > start else stop
    if first is not None and first.end() > stop:
        stop = first.end()
    segments: list[tuple[str, bool]] = [("… ", False)] if start > 0 else []
    position = start
    for found in pattern.finditer(text, start, stop):
        if found.start() > position:
            segments.append((text[position : found.start()], False))
        segments.append((found.group(), True))
        position = found.end()
    if position < stop:
        segments.append((text[position:stop], False))
    if stop < len(text):
        segments.append((" …", False))
    merged: list[tuple[str, bool]] = []
    for part, match in segments:
        squeezed = _SPACE.sub(" ", part)
        if merged and not match and not merged[-1][1]:
            merged[-1] = (merged[-1][0] + squeezed, False)
        else:
            merged.append((squeezed, match))
    return merged
