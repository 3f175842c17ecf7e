"""Building the side index from the store, and keeping it in step.

The index is always written to a temporary file beside its place, synced, and renamed over the
old one, so a reader sees the old index or the new one, never half of one. An update starts
from a copy of the current index and rewrites only the documents whose ``rg:sha256`` changed
(and the few shared resources); a build without an index (or of another schema) starts empty.
An index in PostgreSQL is built the same way, in one transaction (:mod:`searchindex.pg_build`).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

from graph.index_location import IndexLocation, IndexUrl
from graph.location import index_path_for
from graph.store import MinutesStore
from searchindex.schema import AGGREGATES, SCHEMA_VERSION, create
from searchindex.store_scan import store_token
from searchindex.update import BuildReport, fill


def default_index_path(store_path: Path) -> Path:
    """Where the side index of a store lives: beside it (the web app looks there).

    >>> default_index_path(Path("data/store"))
    PosixPath('data/store.index.sqlite')
    """
    return index_path_for(store_path)


def build_index(
    store: MinutesStore, path: IndexLocation, *, incremental: bool = True
) -> BuildReport:
    """Write the side index of ``store`` to ``path`` (atomically); with ``incremental``, from a
    copy of the index already there, re-reading only the documents that changed. ``path`` may
    be a PostgreSQL URL (:func:`searchindex.pg_build.build_postgres_index`)."""
    if isinstance(path, IndexUrl):
        from searchindex.pg_build import build_postgres_index  # noqa: PLC0415 - psycopg

        return build_postgres_index(store, path, incremental=incremental)
    started = time.perf_counter()
    token = store_token(store)
    documents = store.documents()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    _remove_leftovers(path)
    full = not (incremental and _usable(path))
    if not full:
        shutil.copyfile(path, temporary)
    connection = sqlite3.connect(temporary, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = OFF")  # the rename is the transaction
        connection.execute("PRAGMA synchronous = OFF")  # synced once, before the rename
        if full:
            create(connection)

        def commit() -> None:
            connection.execute("COMMIT")
            connection.execute("BEGIN")

        connection.execute("BEGIN")
        fresh, stale = fill(
            connection,
            store,
            documents=documents,
            token=token,
            aggregates=AGGREGATES,
            commit=commit,
        )
        connection.execute("COMMIT")
        mentions = connection.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]
        if full:
            connection.execute("PRAGMA optimize")
            connection.execute("INSERT INTO item_fts (item_fts) VALUES ('optimize')")
    finally:
        connection.close()
    _replace(temporary, path)
    return BuildReport(
        path, token, full, len(fresh), len(stale), len(documents), mentions,
        time.perf_counter() - started,
    )  # fmt: skip


def _usable(path: Path) -> bool:
    """Whether ``path`` holds an index of this schema, to update rather than rebuild."""
    if not path.is_file():
        return False
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = connection.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'"
            ).fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False
    return row is not None and row[0] == SCHEMA_VERSION


def _remove_leftovers(path: Path) -> None:
    """Temporary files of builds that were killed midway (their process is gone)."""
    for leftover in path.parent.glob(f"{path.name}.tmp-*"):
        pid = leftover.name.rsplit("-", 1)[-1]
        if pid.isdigit() and (int(pid) == os.getpid() or not _alive(int(pid))):
            leftover.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _replace(temporary: Path, path: Path) -> None:
    with temporary.open("rb") as handle:
        os.fsync(handle.fileno())
    temporary.replace(path)
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


__all__ = ["BuildReport", "build_index", "default_index_path"]
