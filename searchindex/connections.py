"""The read-only connections of a :class:`~searchindex.SiteIndex`, one per thread: to a
SQLite file (opened immutable: a file is never changed once written) or to PostgreSQL (each
statement on its own, seeing every update committed before it; a connection lost, the server
restarted, is opened again on the next call)."""

from __future__ import annotations

import sqlite3
import threading

import psycopg

from graph.index_location import IndexLocation, IndexUrl
from searchindex.dialect import Connection, PgConnection, connect_postgres

INDEX_ERRORS = (sqlite3.DatabaseError, psycopg.Error)
"""What reading an index may raise: a file that is no index, a database that went away."""


class ReadConnections:
    """A connection per thread to the index at ``location``, all closed by :meth:`close`."""

    def __init__(self, location: IndexLocation) -> None:
        self.location = location
        self._uri = (
            ""
            if isinstance(location, IndexUrl)
            else f"{location.resolve().as_uri()}?mode=ro&immutable=1"
        )
        self._local = threading.local()
        self._opened: list[sqlite3.Connection | PgConnection] = []
        self._lock = threading.Lock()

    def get(self) -> Connection:
        """This thread's connection."""
        connection: sqlite3.Connection | PgConnection | None = getattr(
            self._local, "connection", None
        )
        if isinstance(connection, PgConnection) and connection.broken:
            connection = None  # the server went away: a new connection, once it is back
        if connection is None:
            if isinstance(self.location, IndexUrl):
                connection = connect_postgres(self.location, autocommit=True)
            else:
                connection = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
            with self._lock:
                self._opened.append(connection)
            self._local.connection = connection
        return connection

    def close(self) -> None:
        with self._lock:
            for connection in self._opened:
                connection.close()
            self._opened.clear()
        self._local = threading.local()

    def __del__(self) -> None:
        # an index let go (a server switched to a rebuilt one) closes its connections with it
        self.close()
