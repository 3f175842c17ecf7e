"""What every page reads: the store (opened read-only, once), the side index of counts,
timelines and text search (``searchindex``; :meth:`Site.reopen_index` switches to a new
file, :mod:`web.index_refresh` builds one when the server starts over a stale one), and where
the dataset's IRIs live.

The dataset's IRIs live under ``base`` (``https://w3id.org/referatgraf/`` by default); the
server answers for each at its own path, whatever origin it runs at: ``/kommune/lejre`` is the
page of ``<base>kommune/lejre``.

>>> from pathlib import Path
>>> site = Site("https://w3id.org/referatgraf/", Path("data/store"), Path("data/index.sqlite"))
>>> site.iri_for_path("/kommune/lejre")
'https://w3id.org/referatgraf/kommune/lejre'
>>> site.path_for_iri("https://w3id.org/referatgraf/kommune/lejre")
'/kommune/lejre'
>>> site.path_for_iri("https://w3id.org/referatgraf/def#Meeting")
'/def#Meeting'
>>> site.path_for_iri("http://schema.org/Event") is None
True
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from graph.index_location import IndexLocation, IndexUrl
from graph.location import StoreLocation
from graph.store import MinutesStore
from searchindex import SiteIndex, SiteIndexError


@dataclass
class Site:
    base: str
    store_path: StoreLocation
    index_path: IndexLocation
    """The side index: a SQLite file or a PostgreSQL URL (``referatgraf serve`` chooses: the
    one given, else a file beside the store)."""
    _store: MinutesStore | None = None
    _index: SiteIndex | None = None
    generation: int = 0
    """How many times :meth:`reopen_index` switched files (page workers follow it)."""
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def store(self) -> MinutesStore:
        """The store, opened read-only on first use."""
        with self._lock:
            if self._store is None:
                self._store = MinutesStore.open_read_only(self.store_path)
            return self._store

    def index(self) -> SiteIndex | None:
        """The side index, or ``None`` when it has not been built or is of an older schema
        (pages then say how to build it: ``referatgraf index``)."""
        with self._lock:
            where = self.index_path
            if self._index is None and (isinstance(where, IndexUrl) or where.exists()):
                try:
                    self._index = SiteIndex.open(where)
                except SiteIndexError:
                    return None
            return self._index

    def reopen_index(self) -> SiteIndex | None:
        """Switch to the index file now at ``index_path`` (after a build renamed a new one
        over it). Requests that hold the old index finish with it (a connection already open
        reads the file it opened); its connections close when the last reference goes."""
        with self._lock:
            self._index = None
            self.generation += 1
        return self.index()

    def iri_for_path(self, path: str) -> str:
        """The dataset IRI that ``path`` (as the server received it) stands for."""
        return self.base + path.lstrip("/")

    def path_for_iri(self, iri: str) -> str | None:
        """The local path of a dataset IRI (a link on this server), ``None`` for others."""
        if not iri.startswith(self.base):
            return None
        return "/" + iri[len(self.base) :]
