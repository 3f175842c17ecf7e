"""One connection to the side index, SQLite or PostgreSQL, for the same query modules.

The queries are written once, in the SQL that SQLite and PostgreSQL share; a
:class:`PgConnection` turns SQLite's ways into PostgreSQL's as they pass (cached per text):

- ``?`` placeholders become ``%s`` (and a literal ``%`` is doubled);
- every sort key of an ``ORDER BY`` says where NULL goes as SQLite puts it: first going up,
  last going down (PostgreSQL does the opposite unless told), so that meetings without a date,
  items without a number and minutes without a committee list where they do on SQLite.

>>> to_postgres("SELECT a FROM t WHERE b = ? ORDER BY date DESC, number LIMIT ?")
'SELECT a FROM t WHERE b = %s ORDER BY date DESC NULLS LAST, number NULLS FIRST LIMIT %s'
>>> to_postgres("SELECT * FROM (SELECT i FROM r ORDER BY f(x), i) p ORDER BY y")
'SELECT * FROM (SELECT i FROM r ORDER BY f(x) NULLS FIRST, i NULLS FIRST) p ORDER BY y NULLS FIRST'
>>> to_postgres("SELECT 'a%' ORDER BY y IS NULL, y NULLS LAST")
"SELECT 'a%%' ORDER BY y IS NULL NULLS FIRST, y NULLS LAST"

The text search differs too much to translate: :mod:`searchindex.fulltext` has each
engine's SQL, chosen by :func:`is_postgres`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import psycopg

SCHEMA = "siteindex"
"""The PostgreSQL schema the index lives in (a full build fills :data:`BUILD_SCHEMA`, then
renames it to this in the same transaction)."""
BUILD_SCHEMA = "siteindex_build"


class Cursor(Protocol):
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...
    def __iter__(self) -> Iterator[Any]: ...
    def close(self) -> None: ...


class Connection(Protocol):
    """What the query modules use of a connection: :class:`sqlite3.Connection` has it, and so
    has :class:`PgConnection`."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Cursor: ...
    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor: ...


class PgConnection:
    """A psycopg connection that takes the index's SQLite-style SQL (:func:`to_postgres`)."""

    def __init__(self, connection: psycopg.Connection[Any]) -> None:
        self.raw = connection

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Cursor:
        return self.raw.execute(to_postgres(sql), parameters or None)

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor:
        cursor = self.raw.cursor()
        cursor.executemany(to_postgres(sql), parameters)
        return cursor

    def close(self) -> None:
        self.raw.close()

    @property
    def broken(self) -> bool:
        return bool(self.raw.closed or self.raw.broken)


def is_postgres(connection: object) -> bool:
    return isinstance(connection, PgConnection)


CONNECT_SECONDS = 10
"""How long a connection may take to open unless the URL (or ``$PGCONNECT_TIMEOUT``) says:
libpq waits as long as the system does (minutes) for a host that does not answer."""


def connect_postgres(url: str, *, autocommit: bool, schema: str = SCHEMA) -> PgConnection:
    """A connection to the database at ``url`` that finds the index's tables in ``schema``."""
    import psycopg  # noqa: PLC0415 - only an index in PostgreSQL needs it
    from psycopg.conninfo import conninfo_to_dict, make_conninfo  # noqa: PLC0415

    given = "connect_timeout" in conninfo_to_dict(url) or "PGCONNECT_TIMEOUT" in os.environ
    conninfo = url if given else make_conninfo(url, connect_timeout=CONNECT_SECONDS)
    connection = psycopg.connect(conninfo, autocommit=autocommit)
    connection.execute(f"SET search_path TO {schema}")  # a name of ours, never the user's
    if not autocommit:
        connection.commit()
    return PgConnection(connection)


_ORDER_BY = re.compile(r"\bORDER BY\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s(?:LIMIT|OFFSET|UNION)\b", re.IGNORECASE)


@lru_cache(maxsize=512)
def to_postgres(sql: str) -> str:
    """``sql`` as PostgreSQL takes it, with SQLite's answers (see the module's docstring)."""
    sql = sql.replace("%", "%%")
    out: list[str] = []
    position = 0
    for found in _ORDER_BY.finditer(sql):
        if found.start() < position:
            continue
        out.append(sql[position : found.end()])
        position = found.end()
        end = _clause_end(sql, position)
        out.append(nulls_as_sqlite(sql[position:end]))
        position = end
    out.append(sql[position:])
    return "".join(out).replace("?", "%s")


def _clause_end(sql: str, start: int) -> int:
    """Where the sort keys from ``start`` end: a ``)`` that closes their subquery, ``LIMIT``,
    ``OFFSET``, ``UNION``, or the end."""
    depth = 0
    i = start
    while i < len(sql):
        char = sql[i]
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return i
            depth -= 1
        elif char == "'":
            i = sql.index("'", i + 1)
        elif depth == 0 and _CLAUSE_END.match(sql, i):
            return i
        i += 1
    return i


def nulls_as_sqlite(keys: str) -> str:
    """Sort keys (``a, b DESC``) with NULL placed as SQLite places it.

    >>> nulls_as_sqlite(" entity, date DESC, f(a, b) ")
    ' entity NULLS FIRST, date DESC NULLS LAST, f(a, b) NULLS FIRST '
    """
    parts: list[str] = []
    depth, start = 0, 0
    for i, char in enumerate(keys):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(keys[start:i])
            start = i
    parts.append(keys[start:])
    placed = []
    for part in parts:
        key = part.rstrip()
        if "NULLS" not in key.upper():
            key += " NULLS LAST" if key.upper().endswith(" DESC") else " NULLS FIRST"
        placed.append(key + part[len(part.rstrip()) :])
    return "".join(placed)
