"""Reading the side index: what the pages ask, answered from SQLite or PostgreSQL in
milliseconds.

The index is opened read-only; each thread gets its own connection (SQLite reads in parallel,
and releases the GIL while it does), so the web app may call it from a thread pool. A SQLite
file is never changed once written (an update writes a new file and renames it over the old
one, whose readers go on reading it), so connections open it as immutable: no locks taken. In
PostgreSQL an update is one transaction, which readers see whole once it commits
(:mod:`searchindex.pg_build`); a connection lost (the server restarted) is opened again.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from graph.index_location import IndexLocation, IndexUrl
from graph.store import MinutesStore
from searchindex.browse_rows import BrowseQueries
from searchindex.concepts import concept_rows, concept_totals
from searchindex.connections import INDEX_ERRORS, ReadConnections
from searchindex.dialect import Connection
from searchindex.mention_order import FAR, MentionOrder
from searchindex.provision_rows import ProvisionQueries
from searchindex.records import (
    ConceptRow,
    ConceptTotals,
    CoverageRow,
    EntityCount,
    FailureRow,
    GroupRow,
    ItemMention,
    MeetingRow,
    MentionRow,
    Resource,
    SearchResult,
    Summary,
    Timeline,
)
from searchindex.schema import SCHEMA_VERSION
from searchindex.search import NO_FILTERS, SearchFilters, search
from searchindex.spelling import suggest
from searchindex.store_scan import store_token
from searchindex.summary import summary_from_json
from searchindex.timelines import groups_timeline, timeline
from searchindex.write import absolute

ENTITY_KINDS = ("Law", "Programme", "Organisation")
_RESOURCE = (
    "SELECT r.iri, r.kind, r.label, r.sort_key, r.letter, COALESCE(t.mentions, 0), r.candidate,"
    " r.date, mu.iri, mu.label, co.iri, co.label, me.iri, r.number, r.title, r.party"
    " FROM resources r LEFT JOIN entity_totals t ON t.entity = r.id"
    " LEFT JOIN resources mu ON mu.id = r.municipality"
    " LEFT JOIN resources co ON co.id = r.committee"
    " LEFT JOIN resources me ON me.id = r.meeting"
)
_MENTION = (
    "SELECT m.mention, e.iri, i.iri, i.number, i.title, me.iri, m.date, mu.iri, mu.label,"
    " co.iri, co.label, m.before, m.anchor_text, m.after, m.provision, m.text_node,"
    " m.begin_index, m.end_index FROM {} m"
    " JOIN resources e ON e.id = m.entity JOIN resources i ON i.id = m.item"
    " JOIN resources me ON me.id = m.meeting JOIN resources mu ON mu.id = m.municipality"
    " LEFT JOIN resources co ON co.id = m.committee"
)


class SiteIndexError(Exception):
    """The file (or database) is no side index of this version, or cannot be reached; rebuild
    it (``referatgraf index``) or start the database."""


class SiteIndex(BrowseQueries, ProvisionQueries):
    """The side index of a store, read-only."""

    def __init__(self, path: IndexLocation) -> None:
        self.path = path
        self._connections = ReadConnections(path)
        self._order = MentionOrder()

    @classmethod
    def open(cls, path: IndexLocation) -> SiteIndex:
        """Open the index at ``path`` (a file, or a PostgreSQL URL); raises
        :class:`SiteIndexError` if it is none (of this schema version)."""
        index = cls(path)
        shown = path.shown if isinstance(path, IndexUrl) else path
        try:
            version = index._one("SELECT value FROM meta WHERE key = 'schema_version'")
        except INDEX_ERRORS as error:
            index.close()
            raise SiteIndexError(f"{shown} is no side index: {error}") from error
        if version != SCHEMA_VERSION:
            index.close()
            raise SiteIndexError(f"{shown} is a side index of another version; rebuild it")
        return index

    def _connection(self) -> Connection:
        return self._connections.get()

    def _rows(self, sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
        return self._connection().execute(sql, parameters).fetchall()

    def _one(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        row = self._connection().execute(sql, parameters).fetchone()
        return None if row is None else row[0]

    def close(self) -> None:
        self._connections.close()

    # -- state ---------------------------------------------------------------------------

    def token(self) -> str:
        """The token of the store state the index was built from."""
        return str(self._one("SELECT value FROM meta WHERE key = 'token'") or "")

    def built(self) -> str:
        """When the index was built (ISO date-time, UTC)."""
        return str(self._one("SELECT value FROM meta WHERE key = 'built'") or "")

    def is_current(self, store: MinutesStore) -> bool:
        """Whether the index was built from the store as it is now."""
        return self.token() == store_token(store)

    # -- the home page -------------------------------------------------------------------

    def summary(self) -> Summary:
        """What is in the graph: resources per kind, meetings per year, dates covered."""
        return summary_from_json(str(self._one("SELECT value FROM meta WHERE key = 'summary'")))

    def latest_meetings(self, limit: int = 10) -> list[MeetingRow]:
        rows = self._rows(
            "SELECT r.iri, r.label, r.date, co.iri, co.label, mu.iri, mu.label"
            " FROM resources r LEFT JOIN resources co ON co.id = r.committee"
            " JOIN resources mu ON mu.id = r.municipality"
            " WHERE r.kind = 'Meeting' AND r.date IS NOT NULL ORDER BY r.date DESC, r.id DESC"
            " LIMIT ?",
            (limit,),
        )
        return [
            MeetingRow(iri, label, date, com, com_label, mun, mun_label)
            for iri, label, date, com, com_label, mun, mun_label in rows
        ]

    def top_entities(
        self, kinds: Sequence[str] = ENTITY_KINDS, limit: int = 10
    ) -> list[EntityCount]:
        """The most mentioned entities of ``kinds`` (candidates left out)."""
        marks = ", ".join("?" for _ in kinds)
        rows = self._rows(
            "SELECT r.iri, r.label, r.kind, t.mentions, t.items, t.municipalities"  # noqa: S608
            " FROM entity_totals t JOIN resources r ON r.id = t.entity"
            f" WHERE r.kind IN ({marks}) AND r.candidate = 0"
            " ORDER BY t.mentions DESC, r.sort_key LIMIT ?",
            (*kinds, limit),
        )
        return [EntityCount(*row) for row in rows]

    def top_timeline(self, limit: int = 5, kinds: Sequence[str] = ENTITY_KINDS) -> Timeline:
        """Mentions per year of the most mentioned entities (one row each)."""
        top = self.top_entities(kinds, limit)
        if not top:
            return timeline([])
        counts: dict[str, dict[int, int]] = {e.iri: {} for e in top}
        for entity, year, count in self._rows(
            "SELECT r.iri, y.year, SUM(y.count) FROM entity_years y"  # noqa: S608 - placeholders
            " JOIN resources r ON r.id = y.entity"
            f" WHERE r.iri IN ({', '.join('?' for _ in top)}) AND y.year != 0"
            " GROUP BY r.iri, y.year",
            [e.iri for e in top],
        ):
            counts[entity][year] = count
        return timeline([(e.iri, e.label, counts[e.iri]) for e in top])

    # -- resources -----------------------------------------------------------------------

    def resource(self, iri: str) -> Resource | None:
        rows = self._rows(_RESOURCE + " WHERE r.iri = ?", (iri,))
        return _resource(rows[0]) if rows else None

    def letters(self, kind: str) -> list[tuple[str, int]]:
        """The A-Z letters that ``kind`` has resources under, with how many each."""
        rows = self._rows(
            "SELECT letter, count FROM letters WHERE kind = ?",
            (kind,),
        )
        order = "ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ#"
        return sorted(((str(a), int(b)) for a, b in rows), key=lambda r: order.find(r[0]))

    def az(
        self, kind: str, letter: str | None = None, offset: int = 0, limit: int = 200
    ) -> list[Resource]:
        """Resources of ``kind`` in Danish alphabetical order (under ``letter`` if given);
        candidates left out."""
        where = " WHERE r.kind = ? AND r.candidate = 0"
        parameters: list[Any] = [kind]
        if letter is not None:
            where += " AND r.letter = ?"
            parameters.append(letter.upper())
        rows = self._rows(
            _RESOURCE + where + " ORDER BY r.sort_key, r.iri LIMIT ? OFFSET ?",
            (*parameters, max(0, limit), max(0, offset)),
        )
        return [_resource(row) for row in rows]

    def pages(self) -> Iterator[tuple[str, str | None]]:
        """Every resource with a page, with the date it last changed (for sitemap.xml)."""
        cursor = self._connection().execute(
            "SELECT r.iri, COALESCE(r.lastmod, t.lastmod) FROM resources r"
            " LEFT JOIN entity_totals t ON t.entity = r.id WHERE r.kind != 'Resource'"
            " ORDER BY r.id"
        )
        for iri, lastmod in cursor:
            yield str(iri), lastmod

    # -- mentions ------------------------------------------------------------------------

    def entity_totals(self, iri: str) -> EntityCount | None:
        rows = self._rows(
            "SELECT r.iri, r.label, r.kind, t.mentions, t.items, t.municipalities"
            " FROM entity_totals t JOIN resources r ON r.id = t.entity"
            " WHERE t.entity = (SELECT id FROM resources WHERE iri = ?)",
            (iri,),
        )
        return EntityCount(*rows[0]) if rows else None

    def mentions(
        self, entity_iri: str, offset: int = 0, limit: int = 50, municipality: str | None = None
    ) -> list[MentionRow]:
        """The mentions of an entity by municipality (by label), newest meeting first, then
        by item number and place in the text."""
        # a walk along an index, (entity, place, date DESC, ...) or (entity, municipality,
        # date DESC, ...): a page costs the same whatever the number of mentions before it
        where = "entity = (SELECT id FROM resources WHERE iri = ?)"
        order = "place, date DESC, number, item, id"
        parameters: list[Any] = [entity_iri]
        if municipality is not None:
            where += " AND municipality = (SELECT id FROM resources WHERE iri = ?)"
            order = "date DESC, number, item, id"
            parameters.append(municipality)
        if municipality is None and offset >= FAR:
            # far into a long list: the page's ids, from the entity's ids kept in list order
            build = str(self._one("SELECT value FROM meta WHERE key = 'build'") or "")
            ids = self._order.page(self._connection(), entity_iri, offset, limit, build)
            if not ids:
                return []
            marks = ", ".join("?" for _ in ids)
            page = f"(SELECT * FROM mentions WHERE id IN ({marks}))"  # noqa: S608 - placeholders
            parameters = ids
        else:
            page = f"(SELECT * FROM mentions WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?)"  # noqa: S608
            parameters += [max(0, limit), max(0, offset)]
        rows = self._rows(
            _MENTION.format(page) + " ORDER BY m.place, m.date DESC, m.number, m.item, m.id",
            parameters,
        )
        return [_mention(row) for row in rows]

    def item_mentions(self, item_iri: str) -> list[ItemMention]:
        """The mentions in an agenda item's texts, by text node and place in it."""
        rows = self._rows(
            "SELECT m.mention, m.text_node, m.begin_index, m.end_index, e.iri, e.label"
            " FROM mentions m JOIN resources e ON e.id = m.entity"
            " WHERE m.doc = (SELECT doc FROM resources WHERE iri = ?)"
            " AND m.item = (SELECT id FROM resources WHERE iri = ?)",
            (item_iri, item_iri),
        )
        found = [
            ItemMention(absolute(m, item_iri), absolute(n, item_iri), b, e, entity, label)
            for m, n, b, e, entity, label in rows
        ]
        return sorted(found, key=lambda m: (m.node, m.begin))

    def document_sha256(self, graph: str) -> str | None:
        """The sha256 of the source file the index read the document ``graph`` from."""
        value = self._one("SELECT sha256 FROM documents WHERE graph = ?", (graph,))
        return None if value is None else str(value)

    def mention_groups(self, entity_iri: str) -> list[GroupRow]:
        """Mentions of an entity per municipality and year (0: meetings without a date)."""
        rows = self._rows(
            "SELECT mu.iri, mu.label, y.year, y.count FROM entity_years y"
            " JOIN resources mu ON mu.id = y.municipality"
            " WHERE y.entity = (SELECT id FROM resources WHERE iri = ?)"
            " ORDER BY mu.sort_key, y.year DESC",
            (entity_iri,),
        )
        return [GroupRow(*row) for row in rows]

    def timeline(self, entity_iri: str) -> Timeline:
        """Mentions of an entity per year, one row per municipality (by label)."""
        return groups_timeline(self.mention_groups(entity_iri))

    def provisions(self, law_iri: str) -> list[tuple[str, int]]:
        """The provisions of a law cited ("§ 91"), most cited first."""
        rows = self._rows(
            "SELECT provision, count FROM provision_counts"
            " WHERE entity = (SELECT id FROM resources WHERE iri = ?)"
            " ORDER BY count DESC, provision",
            (law_iri,),
        )
        return [(str(p), int(n)) for p, n in rows]

    # -- concepts ------------------------------------------------------------------------

    def concept_items(self, concept: str, offset: int = 0, limit: int = 50) -> list[ConceptRow]:
        """The agenda items filed under a KLE subject, or the decisions with an outcome,
        newest meeting first (:mod:`searchindex.concepts`)."""
        return concept_rows(self._connection(), concept, offset, limit)

    def concept_totals(self, concept: str) -> ConceptTotals:
        """How many items (or decisions) a concept's list has, from how many municipalities."""
        return concept_totals(self._connection(), concept)

    # -- search and coverage -------------------------------------------------------------

    def search(
        self, q: str, offset: int = 0, limit: int = 20, filters: SearchFilters = NO_FILTERS
    ) -> SearchResult:
        return search(self._connection(), q, offset, limit, filters)

    def suggest(self, q: str) -> str | None:
        """A spelling of ``q`` from the index's own words, for a search that found nothing."""
        return suggest(self._connection(), q)

    def coverage(self) -> list[CoverageRow]:
        """Per municipality and committee (by label), the meetings loaded, by date."""
        rows = self._rows(
            "SELECT mu.iri, mu.label, co.iri, co.label, r.iri, r.date"
            " FROM resources r JOIN resources mu ON mu.id = r.municipality"
            " LEFT JOIN resources co ON co.id = r.committee WHERE r.kind = 'Meeting'"
            " ORDER BY mu.sort_key, co.sort_key, co.iri, r.date IS NULL, r.date, r.iri"
        )
        found: dict[tuple[str, str], CoverageRow] = {}
        for mun, mun_label, com, com_label, meeting, date in rows:
            row = found.get((mun, com))
            if row is None:
                row = found[(mun, com)] = CoverageRow(mun, mun_label, com, com_label, [])
            row.meetings.append((meeting, date))
        return list(found.values())

    def load_failures(self, runs: int = 5) -> list[FailureRow]:
        """The files that failed (or were replaced by another file of the same meeting) in the
        latest ``runs`` load runs, newest run first."""
        rows = self._rows(
            "SELECT l.iri, l.label, l.started, f.file_name, f.reason FROM"
            " (SELECT * FROM load_runs ORDER BY started DESC LIMIT ?) l"
            " JOIN failures f ON f.run = l.iri ORDER BY l.started DESC, f.position",
            (runs,),
        )
        return [FailureRow(*row) for row in rows]

    def read_warnings(self, runs: int = 5) -> list[FailureRow]:
        """The files loaded with a warning (no date, no committee, items without a number or
        title) in the latest ``runs`` load runs, newest run first; the warning in Danish."""
        rows = self._rows(
            "SELECT l.iri, l.label, l.started, w.file_name, w.warning FROM"
            " (SELECT * FROM load_runs ORDER BY started DESC LIMIT ?) l"
            " JOIN read_warnings w ON w.run = l.iri ORDER BY l.started DESC, w.position",
            (runs,),
        )
        return [FailureRow(*row) for row in rows]


def _resource(row: Sequence[Any]) -> Resource:
    (iri, kind, label, key, letter, mentions, candidate, date, mun, mun_label, com, com_label,
     meeting, number, title, party) = row  # fmt: skip
    return Resource(
        iri, kind, label, key, letter, int(mentions), bool(candidate), date, mun, mun_label,
        com, com_label, meeting, number, title, party,
    )  # fmt: skip


def _mention(row: Sequence[Any]) -> MentionRow:
    (mention, entity, item, number, title, meeting, date, mun, mun_label, com, com_label,
     before, anchor_text, after, provision, node, begin, end) = row  # fmt: skip
    return MentionRow(
        absolute(mention, item), entity, item, number, title or "", meeting, date, mun,
        mun_label, com, com_label, anchor_text, before, anchor_text, after, provision,
        absolute(node, item), begin, end,
    )  # fmt: skip
