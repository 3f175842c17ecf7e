"""Pages far into a long list of mentions, in the time of the first page.

A page of an entity's mentions is a walk along the index ``mentions_entity``; ``OFFSET`` walks
past every mention before the page, so the last page of a law with 67,000 mentions cost 12 ms
where the first cost 1. For a page that far in, the ids of the entity's mentions in list order
are read once (one walk along the index, which holds them: no table rows are read) and kept,
and a page is then the rows of its 50 ids. They are kept per build of the index (``meta``'s
``build``, new at every build and update): a SQLite file never changes once written, and an
index in PostgreSQL, which an update changes in place, gets a new build with it.

Bounded by the number of ids kept (8 bytes each); the least recently used entity goes first.

>>> import sqlite3
>>> db = sqlite3.connect(":memory:")
>>> _ = db.execute("CREATE TABLE resources (id INTEGER PRIMARY KEY, iri TEXT UNIQUE)")
>>> _ = db.execute("CREATE TABLE mentions (id INTEGER PRIMARY KEY, entity INT, place TEXT,"
...                " date TEXT, number INT, item INT)")
>>> _ = db.execute("INSERT INTO resources VALUES (1, 'e')")
>>> _ = db.executemany("INSERT INTO mentions VALUES (?, 1, ?, '2020-01-01', 1, 1)",
...                    [(i, "b" if i % 2 else "a") for i in range(1, 7)])
>>> order = MentionOrder(max_ids=100)
>>> order.page(db, "e", 1, 2), order.page(db, "e", 4, 5), order.page(db, "x", 0, 5)
([4, 6], [3, 5], [])
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict

from searchindex.dialect import Connection

FAR: int = 1_000
"""From this offset on a page reads the kept ids; before it, walking is as cheap."""

MAX_IDS: int = 4_000_000
"""Ids kept over all entities (32 MB at most)."""

_IDS = (
    "SELECT id FROM mentions WHERE entity = (SELECT id FROM resources WHERE iri = ?)"
    " ORDER BY place, date DESC, number, item, id"
)


class MentionOrder:
    """The ids of entities' mentions in list order (municipality, newest meeting first, item
    number, item, id), read once per entity, least recently used dropped first."""

    def __init__(self, max_ids: int = MAX_IDS) -> None:
        self.max_ids = max_ids
        self._ids: OrderedDict[str, array[int]] = OrderedDict()
        self._kept = 0
        self._lock = threading.Lock()

    def page(
        self, connection: Connection, entity_iri: str, offset: int, limit: int, build: str = ""
    ) -> list[int]:
        """The ids of the mentions ``offset`` to ``offset + limit`` of ``entity_iri``. ``build``
        names the build of the index read (an index in PostgreSQL changes in place): ids kept
        from another build are not used."""
        key = f"{build} {entity_iri}"
        with self._lock:
            ids = self._ids.get(key)
            if ids is not None:
                self._ids.move_to_end(key)
        if ids is None:
            ids = array("q", (row[0] for row in connection.execute(_IDS, (entity_iri,))))
            self._keep(key, ids)
        return ids[max(offset, 0) : max(offset, 0) + max(limit, 0)].tolist()

    def _keep(self, key: str, ids: array[int]) -> None:
        if len(ids) > self.max_ids:
            return
        with self._lock:
            if key in self._ids:
                return
            self._ids[key] = ids
            self._kept += len(ids)
            while self._kept > self.max_ids:
                _, dropped = self._ids.popitem(last=False)
                self._kept -= len(dropped)
