"""Bringing an open side index in step with the store, whatever engine holds it: the shared
resources, the documents that changed (read again) and those gone, the load runs, the totals,
and the state the index was built from. :mod:`searchindex.build` (SQLite) and
:mod:`searchindex.pg_build` (PostgreSQL) open, commit and replace; this fills.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from graph.index_location import IndexLocation
from graph.store import MinutesStore
from searchindex.dialect import Connection
from searchindex.documents import read_document
from searchindex.schema import SCHEMA_VERSION
from searchindex.store_scan import read_load_runs, read_shared
from searchindex.summary import compute_summary, summary_json
from searchindex.write import IndexWriter

COMMIT_EVERY = 200  # documents per transaction while building


@dataclass(frozen=True, slots=True)
class BuildReport:
    path: IndexLocation
    token: str
    full: bool  # built from nothing (else: updated from the index there was)
    added: int  # documents (re)indexed
    removed: int  # documents whose rows were dropped (replaced or gone)
    documents: int  # documents in the index now
    mentions: int
    seconds: float


def fill(
    connection: Connection,
    store: MinutesStore,
    *,
    documents: dict[str, str],
    token: str,
    aggregates: Sequence[str],
    commit: Callable[[], None],
) -> tuple[list[str], list[str]]:
    """Bring the index open on ``connection`` (its tables there, maybe empty) in step with
    ``store``: the documents (re)read and those dropped. ``commit`` is called every
    :data:`COMMIT_EVERY` documents."""
    indexed = dict(connection.execute("SELECT graph, sha256 FROM documents").fetchall())
    stale = [g for g, sha in indexed.items() if documents.get(g) != sha]
    fresh = sorted(g for g, sha in documents.items() if indexed.get(g) != sha)
    writer = IndexWriter(connection)
    writer.write_shared(read_shared(store))
    for graph in stale:
        writer.remove_document(graph)
    for count, graph in enumerate(fresh, start=1):
        writer.add_document(read_document(store, graph, documents[graph]))
        if count % COMMIT_EVERY == 0:
            commit()
    writer.drop_unseen_shared()
    writer.write_load_runs(read_load_runs(store))
    for statement in aggregates:
        connection.execute(statement)
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    connection.executemany(
        "INSERT INTO meta (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [
            ("token", token),
            ("built", now),
            ("build", uuid.uuid4().hex),  # what the pages' kept mention ids are kept under
            ("schema_version", SCHEMA_VERSION),
            ("summary", summary_json(compute_summary(connection))),
        ],
    )
    return fresh, stale


__all__ = ["COMMIT_EVERY", "BuildReport", "fill"]
