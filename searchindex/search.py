"""Full-text search over the side index: entities by name first, then agenda items by title and
text, grouped by meeting, each with a snippet of the passage that matched, and the outcomes of
its decisions.

The query is folded and cut into words (see :func:`searchindex.folding.fts_query`), so no
input is ever FTS5 syntax and none can raise. Snippets are lists of ``(text, is_match)``
segments, never HTML: the templates escape them.

:class:`SearchFilters` narrow the hits: items to a municipality, a committee, a range of meeting
dates, an outcome of their decisions; entities to those mentioned in such items, and to a kind.
Items are sorted best first or newest meeting first (``order="dato"``).

Items are ranked by BM25 while there are at most :data:`RANKED_UP_TO` of them; ranking costs
a look at every hit, so a word found in more items than that lists them in index order (the
order they were loaded in) instead, and the count stays exact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from searchindex.dialect import Connection
from searchindex.folding import match_pattern, query_words
from searchindex.fulltext import TextMatch, text_match
from searchindex.records import EntityHit, ItemHit, MeetingHits, SearchResult

SNIPPET_CHARS = 240
ENTITY_HITS = 10
RANKED_UP_TO = 2000
ITEM_KIND = "AgendaItem"
_SPACE = re.compile(r"\s+")
_ITEMS = (
    "SELECT r.iri, r.number, r.title, t.body, m.iri, m.label, m.date, mu.label, mu.iri,"
    " co.iri, co.label, r.id"
    " FROM ({hits} ORDER BY {order} LIMIT ? OFFSET ?) f"
    " JOIN resources r ON r.id = f.rowid JOIN item_texts t ON t.id = r.id"
    " JOIN resources m ON m.id = r.meeting"
    " LEFT JOIN resources mu ON mu.id = r.municipality"
    " LEFT JOIN resources co ON co.id = r.committee"
    " ORDER BY {outer}"
)
_ORDERS = {
    # (inner order, outer order): the page's rows, then the rows of the page in that order
    "rank": ("{rank}, f.rowid", "f.o, f.rowid"),
    "rowid": ("f.rowid", "f.rowid"),
    "dato": ("r.date IS NULL, r.date DESC, r.meeting, r.id", "f.o IS NULL, f.o DESC, m.id, r.id"),
}


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """What narrows a search; every field given must hold (IRIs of the dataset; dates ISO).

    ``kind``: ``"AgendaItem"`` for items only, an entity kind (``"Law"``, ``"Programme"``,
    ...) for entities of it only, ``None`` for both. ``order``: ``"relevans"`` (best first)
    or ``"dato"`` (newest meeting first).
    """

    municipality: str | None = None
    committee: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    outcome: str | None = None
    kind: str | None = None
    order: str = "relevans"

    def narrows_items(self) -> bool:
        return any((self.municipality, self.committee, self.date_from, self.date_to, self.outcome))


NO_FILTERS = SearchFilters()


def _item_conditions(filters: SearchFilters, alias: str) -> tuple[str, list[Any]]:
    """SQL conditions on the item rows ``alias`` (resources) for ``filters``, and their values."""
    where: list[str] = []
    values: list[Any] = []
    if filters.municipality:
        where.append(f"{alias}.municipality = (SELECT id FROM resources WHERE iri = ?)")  # noqa: S608
        values.append(filters.municipality)
    if filters.committee:
        where.append(f"{alias}.committee = (SELECT id FROM resources WHERE iri = ?)")  # noqa: S608
        values.append(filters.committee)
    if filters.date_from:
        where.append(f"{alias}.date >= ?")
        values.append(filters.date_from)
    if filters.date_to:
        where.append(f"{alias}.date <= ?")
        values.append(filters.date_to)
    if filters.outcome:
        where.append(
            f"{alias}.id IN (SELECT item FROM concept_rows WHERE decision IS NOT NULL"  # noqa: S608
            " AND concept = (SELECT id FROM resources WHERE iri = ?))"
        )
        values.append(filters.outcome)
    return "".join(f" AND {w}" for w in where), values


def search(
    connection: Connection,
    query: str,
    offset: int = 0,
    limit: int = 20,
    filters: SearchFilters = NO_FILTERS,
) -> SearchResult:
    """Entities whose names match (most mentioned first), and the items that match, best
    first (or newest first), grouped by meeting in the order of their first item. With
    ``filters.kind`` an entity kind, the entities are paged (``offset``, ``limit``) and no
    items are listed."""
    match = text_match(connection, query)
    pattern = match_pattern(query_words(query))
    if match is None or pattern is None:
        return SearchResult(query, [], [], 0)
    entity_kind = filters.kind if filters.kind not in (None, ITEM_KIND) else None
    if entity_kind is not None:
        entities, entity_total = _entities(connection, match, filters, offset, limit)
        return SearchResult(query, entities, [], 0, entity_total)
    entities, entity_total = [], 0
    if filters.kind is None:
        entities, entity_total = _entities(connection, match, filters, 0, ENTITY_HITS)
    meetings, total = _items(connection, match, pattern, filters, offset=offset, limit=limit)
    return SearchResult(query, entities, meetings, total, entity_total)


def _entities(
    connection: Connection,
    match: TextMatch,
    filters: SearchFilters,
    offset: int,
    limit: int,
) -> tuple[list[EntityHit], int]:
    """One page of the entities whose names match, and how many match in all."""
    where, values = "", []
    if filters.kind:
        where += " AND r.kind = ?"
        values.append(filters.kind)
    else:
        where += " AND r.kind != 'Resource'"
    if filters.narrows_items():
        narrowing, more = _item_conditions(filters, "i")
        where += (
            " AND EXISTS (SELECT 1 FROM mentions x JOIN resources i ON i.id = x.item"  # noqa: S608
            f" WHERE x.entity = r.id{narrowing})"
        )
        values += more
    joins = " JOIN resources r ON r.id = f.rowid LEFT JOIN entity_totals t ON t.entity = r.id"
    rows = connection.execute(
        "SELECT r.iri, r.label, r.kind, COALESCE(t.mentions, 0) AS n"  # noqa: S608 - no values
        f" FROM {match.source('entity_fts', joins)}{where}"
        f" ORDER BY r.candidate, n DESC, {match.rank}, r.id LIMIT ? OFFSET ?",
        (*match.values, *values, max(0, limit), max(0, offset)),
    ).fetchall()
    total = connection.execute(
        f"SELECT COUNT(*) FROM {match.source('entity_fts', joins)}{where}",  # noqa: S608
        (*match.values, *values),
    ).fetchone()[0]
    return [EntityHit(*row) for row in rows], int(total)


def _items(
    connection: Connection,
    match: TextMatch,
    pattern: re.Pattern[str],
    filters: SearchFilters,
    *,
    offset: int,
    limit: int,
) -> tuple[list[MeetingHits], int]:
    narrowing, values = _item_conditions(filters, "r")
    # the items' rows only when a filter or the order needs them: counting 70,000 hits of a
    # common word costs a third more with them
    joined = " JOIN resources r ON r.id = f.rowid" if narrowing or filters.order == "dato" else ""
    source = f" FROM {match.source('item_fts', joined)}{narrowing}"
    total = connection.execute("SELECT COUNT(*)" + source, (*match.values, *values)).fetchone()[0]
    if filters.order == "dato":
        kind, key = "dato", "r.date"
    else:
        kind = "rank" if total <= RANKED_UP_TO else "rowid"
        key = match.rank if kind == "rank" else "f.rowid"
    order, outer = _ORDERS[kind]
    order = order.format(rank=match.rank)
    selected = f"SELECT f.rowid AS rowid, {key} AS o" + source
    sql = _ITEMS.format(hits=selected, order=order, outer=outer)
    parameters = (*match.values, *values, max(0, limit), max(0, offset))
    rows = connection.execute(sql, parameters).fetchall()
    outcomes = item_outcomes(connection, [row[-1] for row in rows])
    meetings: dict[str, MeetingHits] = {}
    for (iri, number, title, body, meeting, label, date, mun_label, mun, com, com_label,
         rowid) in rows:  # fmt: skip
        group = meetings.get(meeting)
        if group is None:
            group = meetings[meeting] = MeetingHits(
                meeting, label, date, mun_label or "", [], mun, com, com_label
            )
        text = title if title and pattern.search(title) else body or title or ""
        hit = ItemHit(iri, number, title or "", snippet(text, pattern), outcomes.get(rowid, []))
        group.items.append(hit)
    return list(meetings.values()), int(total)


def item_outcomes(connection: Connection, ids: Sequence[int]) -> dict[int, list[tuple[str, str]]]:
    """The outcomes of the decisions of the items with these row ids: (IRI, Danish label) each,
    once, in the order of their decisions."""
    if not ids:
        return {}
    marks = ", ".join("?" for _ in ids)
    found: dict[int, list[tuple[str, str]]] = {}
    for item, iri, label in connection.execute(
        "SELECT c.item, o.iri, o.label FROM concept_rows c JOIN resources o ON o.id = c.concept"  # noqa: S608
        f" WHERE c.decision IS NOT NULL AND c.item IN ({marks}) ORDER BY c.item, c.id",
        list(ids),
    ):
        pairs = found.setdefault(int(item), [])
        if (iri, label) not in pairs:
            pairs.append((str(iri), str(label)))
    return found


def snippet(
    text: str, pattern: re.Pattern[str], size: int = SNIPPET_CHARS
) -> list[tuple[str, bool]]:
    """The passage of ``text`` around the first match of ``pattern``, as segments with the
    matches marked; whitespace runs become single spaces.

    >>> from searchindex.folding import match_pattern
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
