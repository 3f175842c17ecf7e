"""Where the pages' side index is: a SQLite file (the default, beside the store:
:func:`graph.location.index_path_for`) or a PostgreSQL database, named by a libpq URL
(``--index`` and ``$REFERATGRAF_INDEX``). A URL keeps its exact text; what is shown of it
(messages, logs) hides the password.

>>> index_location("postgresql://referatgraf:hemmelig@db.example:5433/referatgraf")
IndexUrl('postgresql://referatgraf:***@db.example:5433/referatgraf')
>>> index_location("postgres://db.example/referatgraf?sslmode=require").shown
'postgres://db.example/referatgraf?sslmode=require'
>>> index_location("data/store.index.sqlite")
PosixPath('data/store.index.sqlite')
>>> index_location("mysql://x/y")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ValueError: not a side index this version can use: 'mysql://x/y' (a SQLite file, or ...)
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")  # a scheme: no file name
INDEX_SCHEMES = ("postgresql", "postgres")  # libpq's two spellings


class IndexUrl(str):
    """The URL of a PostgreSQL database that holds the side index, in libpq's form
    (``postgresql://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=...``), kept as written; its
    ``repr`` and :attr:`shown` hide the password."""

    __slots__ = ()

    def __new__(cls, text: str) -> IndexUrl:
        parts = urlsplit(text.strip())
        if parts.scheme not in INDEX_SCHEMES:
            raise ValueError(
                f"not a side index this version can use: {text!r} "
                "(a SQLite file, or postgresql://USER@HOST:PORT/DATABASE)"
            )
        return super().__new__(cls, text.strip())

    @property
    def shown(self) -> str:
        """The URL with its password (if any) as ``***``: for logs and messages."""
        parts = urlsplit(self)
        if parts.password is None:
            return str(self)
        user = parts.username or ""
        host = parts.netloc.rsplit("@", 1)[-1]
        return parts._replace(netloc=f"{user}:***@{host}").geturl()

    def __repr__(self) -> str:
        return f"IndexUrl({self.shown!r})"


IndexLocation = Path | IndexUrl


def index_location(value: str | Path) -> IndexLocation:
    """A SQLite file, or a PostgreSQL URL when ``value`` has a scheme (``ValueError`` for an
    unknown one)."""
    if isinstance(value, IndexUrl | Path):
        return value
    return IndexUrl(value) if _URL.match(value) else Path(value)


__all__ = ["INDEX_SCHEMES", "IndexLocation", "IndexUrl", "index_location"]
