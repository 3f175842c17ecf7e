"""Writing rows into the side index: one document's rows at a time, the shared resources in
place, and the load runs. Orchestrated by :mod:`searchindex.build`."""

from __future__ import annotations

from collections.abc import Iterable

from searchindex.dialect import Connection
from searchindex.folding import (
    initial,
    person_initial,
    person_sort_key,
    sort_key,
)
from searchindex.fulltext import TextWriter
from searchindex.store_scan import DocumentRecord, LoadRunRecord, SharedResource

_UPSERT = (
    "INSERT INTO resources (iri, kind, label, sort_key, letter, candidate, date, municipality,"
    " committee, meeting, number, title, party, lastmod, doc, generation)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (iri) DO UPDATE SET kind = excluded.kind, label = excluded.label,"
    " sort_key = excluded.sort_key, letter = excluded.letter, candidate = excluded.candidate,"
    " date = excluded.date, municipality = excluded.municipality,"
    " committee = excluded.committee, meeting = excluded.meeting, number = excluded.number,"
    " title = excluded.title, party = excluded.party, lastmod = excluded.lastmod,"
    " doc = excluded.doc, generation = excluded.generation"
    " RETURNING id"
)


def relative(iri: str, base: str) -> str:
    """``iri`` relative to ``base`` when it extends it (kept whole otherwise: it has a colon).

    >>> relative("http://x/punkt/2/omtale/4", "http://x/punkt/2"), relative("http://y/", "http://x")
    ('/omtale/4', 'http://y/')
    """
    rest = iri[len(base) :] if iri.startswith(base) else iri
    return rest if ":" not in rest else iri


def absolute(stored: str, base: str) -> str:
    """The inverse of :func:`relative`.

    >>> absolute("/omtale/4", "http://x/punkt/2"), absolute("http://y/", "http://x")
    ('http://x/punkt/2/omtale/4', 'http://y/')
    """
    return stored if ":" in stored else base + stored


class IndexWriter:
    """Writes into an open index; ``generation`` marks the shared rows seen in this update."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.text = TextWriter(connection)
        row = connection.execute("SELECT MAX(generation) FROM resources").fetchone()
        self.generation = (row[0] or 0) + 1
        self._ids: dict[str, int] = {}

    def _resource(self, iri: str, kind: str, label: str, *rest: object) -> int:
        if kind == "Person":  # filed by surname
            key, letter = person_sort_key(label), person_initial(label)
        else:
            key, letter = sort_key(label), initial(label)
        cursor = self.connection.execute(_UPSERT, (iri, kind, label, key, letter, *rest))
        rowid = int(cursor.fetchone()[0])
        cursor.close()
        return rowid

    def resource_id(self, iri: str) -> int:
        """The id of a shared resource (a stub row if the store does not describe it)."""
        found = self._ids.get(iri)
        if found is None:
            row = self.connection.execute(
                "SELECT id FROM resources WHERE iri = ?", (iri,)
            ).fetchone()
            if row is None:
                tail = iri.rstrip("/").rsplit("/", 1)[-1]
                nothing = (0, None, None, None, None, None, None, None, None, None, self.generation)
                found = self._resource(iri, "Resource", tail, *nothing)
            else:
                found = int(row[0])
            self._ids[iri] = found
        return found

    # -- documents -----------------------------------------------------------------------

    def remove_document(self, graph: str) -> None:
        row = self.connection.execute("SELECT id FROM documents WHERE graph = ?", (graph,))
        found = row.fetchone()
        if found is None:
            return
        doc = found[0]
        items = self.connection.execute(
            "SELECT r.id, r.title, t.body FROM resources r JOIN item_texts t ON t.id = r.id"
            " WHERE r.doc = ?",
            (doc,),
        ).fetchall()
        self.text.remove_items(items)
        self.connection.executemany("DELETE FROM item_texts WHERE id = ?", [(i[0],) for i in items])
        for table in ("resources", "mentions", "provisions", "concept_rows"):
            self.connection.execute(f"DELETE FROM {table} WHERE doc = ?", (doc,))  # noqa: S608
        self.connection.execute("DELETE FROM documents WHERE id = ?", (doc,))

    def add_document(self, record: DocumentRecord) -> None:
        cursor = self.connection.execute(
            "INSERT INTO documents (graph, sha256, loaded) VALUES (?, ?, ?) RETURNING id",
            (record.graph, record.sha256, record.loaded),
        )
        doc = int(cursor.fetchone()[0])
        cursor.close()
        meeting_iri, municipality_iri, committee_iri = (
            record.meeting, record.municipality, record.committee,
        )  # fmt: skip
        if meeting_iri is None or municipality_iri is None:
            return  # minutes the graph could not place: nothing to list
        municipality = self.resource_id(municipality_iri)
        # minutes that name no committee hang on their municipality alone
        committee = self.resource_id(committee_iri) if committee_iri is not None else None
        where = (record.date, municipality, committee)
        meeting = self._resource(
            meeting_iri, "Meeting", record.meeting_label, 0, *where,
            None, None, None, None, record.loaded, doc, 0,
        )  # fmt: skip
        items: dict[str, int] = {}
        for item in record.items:
            rowid = items[item.iri] = self._resource(
                item.iri, "AgendaItem", item.label, 0, *where,
                meeting, item.number, item.title, None, record.loaded, doc, 0,
            )  # fmt: skip
            self.connection.execute(
                "INSERT INTO item_texts (id, body) VALUES (?, ?)", (rowid, item.body)
            )
            self.text.add_item(rowid, item.title, item.body)
        year = int(record.date[:4]) if record.date and record.date[:4].isdigit() else None
        numbers = {item.iri: item.number for item in record.items}
        place = self.connection.execute(
            "SELECT sort_key FROM resources WHERE id = ?", (municipality,)
        ).fetchone()[0]
        rows = []
        provisions = []
        for m in record.mentions:
            item_id = items.get(m.item)
            if item_id is None:
                continue
            entity = self.resource_id(m.entity)
            rows.append(
                (entity, item_id, meeting, municipality, committee, record.date, year, place,
                 numbers[m.item], relative(m.iri, m.item), relative(m.text_node, m.item),
                 m.before, m.anchor_text, m.after, ", ".join(m.provisions) or None, m.begin,
                 m.end, doc)
            )  # fmt: skip
            provisions += [(entity, p, doc) for p in m.provisions]
        self.connection.executemany(
            "INSERT INTO mentions (entity, item, meeting, municipality, committee, date, year,"
            " place, number, mention, text_node, before, anchor_text, after, provision,"
            " begin_index, end_index, doc)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        self.connection.executemany(
            "INSERT INTO provisions (entity, provision, doc) VALUES (?, ?, ?)", provisions
        )
        self.connection.executemany(
            "INSERT INTO concept_rows (concept, item, decision, text, meeting, municipality,"
            " committee, date, place, number, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (self.resource_id(c.concept), items[c.item],
                 relative(c.decision, c.item) if c.decision else None, c.text, meeting,
                 municipality, committee, record.date, place, numbers[c.item], doc)
                for c in record.concepts
                if c.item in items
            ],
        )  # fmt: skip

    # -- shared resources and load runs --------------------------------------------------

    def write_shared(self, shared: Iterable[SharedResource]) -> None:
        """The shared resources, updated in place (their ids stay), and the names index;
        rows no longer in the store go, unless a mention still points at them."""
        self.connection.execute("DELETE FROM names")
        self.text.clear_names()
        for found in shared:
            municipality = self.resource_id(found.municipality) if found.municipality else None
            rowid = self._resource(
                found.iri, found.kind, found.label, int(found.candidate), None, municipality,
                None, None, None, None, found.party, None, None, self.generation,
            )  # fmt: skip
            self._ids[found.iri] = rowid
            names = [found.label, *found.names]
            self.connection.executemany(
                "INSERT INTO names (resource, name) VALUES (?, ?)", [(rowid, n) for n in names]
            )
            self.text.add_names(rowid, names)

    def drop_unseen_shared(self) -> None:
        """Shared rows this update did not see, and that nothing points at any more."""
        self.connection.execute(
            "DELETE FROM resources WHERE doc IS NULL AND generation != ?"
            " AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity = resources.id)"
            " AND NOT EXISTS (SELECT 1 FROM concept_rows c WHERE c.concept = resources.id)"
            " AND NOT EXISTS (SELECT 1 FROM resources r WHERE r.municipality = resources.id"
            "                 OR r.committee = resources.id)",
            (self.generation,),
        )

    def write_load_runs(self, runs: Iterable[LoadRunRecord]) -> None:
        self.connection.execute("DELETE FROM load_runs")
        self.connection.execute("DELETE FROM failures")
        self.connection.execute("DELETE FROM read_warnings")
        for run in runs:
            self.connection.execute(
                "INSERT INTO load_runs (iri, label, started) VALUES (?, ?, ?)",
                (run.iri, run.label, run.started),
            )
            self.connection.executemany(
                "INSERT INTO failures (run, position, file_name, reason) VALUES (?, ?, ?, ?)",
                [(run.iri, i, name, reason) for i, (name, reason) in enumerate(run.failures)],
            )
            self.connection.executemany(
                "INSERT INTO read_warnings (run, position, file_name, warning) VALUES (?, ?, ?, ?)",
                [(run.iri, i, name, text) for i, (name, text) in enumerate(run.warnings)],
            )
