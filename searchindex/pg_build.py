"""Building the side index in PostgreSQL, and keeping it in step, for any number of web servers
that share it (``--index postgresql://...``).

Every build is one transaction, so readers see the index before it or after it, never half of
one, and a build killed midway leaves nothing behind (PostgreSQL rolls it back). An update
rewrites, in the schema :data:`~searchindex.dialect.SCHEMA`, only the documents whose
``rg:sha256`` changed, as in SQLite. A full build (none there, another schema version, or
``index --full``) fills a schema of its own, then drops the old one and renames the new one in
its place, in the same transaction: readers go on reading the old index meanwhile. Two builds
(two ``load`` or ``serve`` processes) take turns: each holds a lock of the database's
(``pg_advisory_xact_lock``) until it commits.
"""

from __future__ import annotations

import time
from typing import Any

from graph.index_location import IndexUrl
from graph.store import MinutesStore
from searchindex.dialect import BUILD_SCHEMA, SCHEMA, PgConnection, connect_postgres
from searchindex.pg_schema import create_postgres, postgres_aggregates
from searchindex.schema import SCHEMA_VERSION
from searchindex.store_scan import store_token
from searchindex.update import BuildReport, fill

BUILD_LOCK = 0x5EF1DE  # the advisory lock builds take turns on ("referat side index")


def build_postgres_index(
    store: MinutesStore, url: IndexUrl, *, incremental: bool = True
) -> BuildReport:
    """Write the side index of ``store`` into the database at ``url`` (see the module)."""
    started = time.perf_counter()
    token = store_token(store)
    documents = store.documents()
    connection = connect_postgres(url, autocommit=False, schema=SCHEMA)
    try:
        connection.execute("SELECT pg_advisory_xact_lock(?)", (BUILD_LOCK,))
        full = not (incremental and _usable(connection))
        if full:
            connection.execute(f"DROP SCHEMA IF EXISTS {BUILD_SCHEMA} CASCADE")
            connection.execute(f"CREATE SCHEMA {BUILD_SCHEMA}")
            connection.execute(f"SET LOCAL search_path TO {BUILD_SCHEMA}")
            create_postgres(connection)
        fresh, stale = fill(
            connection, store, documents=documents, token=token,
            aggregates=postgres_aggregates(), commit=lambda: None,
        )  # fmt: skip
        mentions = connection.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]
        if full:
            connection.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
            connection.execute(f"ALTER SCHEMA {BUILD_SCHEMA} RENAME TO {SCHEMA}")
        connection.raw.commit()
    except BaseException:
        connection.raw.rollback()
        raise
    finally:
        connection.close()
    return BuildReport(
        url, token, full, len(fresh), len(stale), len(documents), int(mentions),
        time.perf_counter() - started,
    )  # fmt: skip


def _usable(connection: PgConnection) -> bool:
    """Whether the database holds an index of this schema version, to update in place."""
    exists = connection.execute(
        "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = 'meta'",
        (SCHEMA,),
    ).fetchone()
    if exists is None:
        return False
    row: Any = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return row is not None and row[0] == SCHEMA_VERSION


__all__ = ["BUILD_LOCK", "build_postgres_index"]
