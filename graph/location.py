"""Where the store is: a folder (the embedded Oxigraph store) or the URL of a store server.

``--store`` and ``$REFERATGRAF_STORE`` take either; :func:`store_location` tells them apart.
A URL keeps its exact text (a :class:`pathlib.Path` would fold ``//`` into ``/``).

>>> store_location("data/store")
PosixPath('data/store')
>>> store_location("http://127.0.0.1:7878/")
StoreUrl('http://127.0.0.1:7878')
>>> store_location("http://127.0.0.1:7878").host, store_location("http://127.0.0.1:7878").port
('127.0.0.1', 7878)
>>> store_location("virtuoso+http://localhost")
StoreUrl('virtuoso+http://localhost:8890')
>>> store_location("ftp://example.org/")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ValueError: not a store this version can use: 'ftp://example.org/' (a folder, http://HOST:PORT ...)
>>> index_path_for(StoreUrl("http://127.0.0.1:7878"))
PosixPath('data/127.0.0.1-7878.index.sqlite')
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

# a scheme followed by "://": whatever else it is, it is no folder name
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
SCHEMES = ("http", "virtuoso+http")  # an Oxigraph server; OpenLink Virtuoso 7
DEFAULT_PORTS = {"http": 80, "virtuoso+http": 8890}


class StoreUrl(str):
    """The URL of a store server, ``http://HOST:PORT`` (Oxigraph) or ``virtuoso+http://HOST:PORT``
    (no path, no query, no credentials)."""

    __slots__ = ()

    def __new__(cls, text: str) -> StoreUrl:
        parts = urlsplit(text.strip())
        if parts.scheme not in SCHEMES or not parts.hostname:
            raise ValueError(
                f"not a store this version can use: {text!r} "
                "(a folder, http://HOST:PORT for an Oxigraph server, or virtuoso+http://HOST:PORT "
                "for Virtuoso)"
            )
        if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
            raise ValueError(f"a store URL is SCHEME://HOST:PORT, without a path: {text!r}")
        port = parts.port or DEFAULT_PORTS[parts.scheme]
        host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
        return super().__new__(cls, f"{parts.scheme}://{host}:{port}")

    @property
    def scheme(self) -> str:
        return urlsplit(self).scheme

    @property
    def host(self) -> str:
        return urlsplit(self).hostname or ""

    @property
    def port(self) -> int:
        return urlsplit(self).port or DEFAULT_PORTS[self.scheme]

    def __repr__(self) -> str:
        return f"StoreUrl({str(self)!r})"


StoreLocation = Path | StoreUrl


def store_location(value: str | Path) -> StoreLocation:
    """A folder, or a store URL when ``value`` has a scheme (``ValueError`` for an unknown one)."""
    if isinstance(value, StoreUrl | Path):
        return value
    return StoreUrl(value) if _URL.match(value) else Path(value)


def index_path_for(location: StoreLocation) -> Path:
    """The pages' side index when it is a SQLite file (``--index`` says otherwise): beside a
    store folder; for a store server, in ``./data`` under the server's host and port (each
    machine keeps its own; web servers on several machines share one in PostgreSQL)."""
    if isinstance(location, StoreUrl):
        return Path("data") / f"{location.host}-{location.port}.index.sqlite"
    return location.with_name(location.name + ".index.sqlite")


__all__ = ["StoreLocation", "StoreUrl", "index_path_for", "store_location"]
