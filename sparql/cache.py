"""Answers kept in the server process, so that a query asked again is not evaluated again.

The same query over the same state of the store has the same answer: an answer is kept under its
job (query text, dataset, format, compression, row cap, base IRI) and the token of the store's
current state (``store_state.py``: read once over a store folder, again every second or so over a
store server, so a load elsewhere gives new keys and the old answers age out). Queries that call
RAND, NOW, UUID, STRUUID or BNODE are never kept, and neither are errors. The cache holds at
most ``max_bytes`` of answer bodies and forgets the least recently used first.

>>> cache = ResultCache(max_bytes=40)
>>> cache.put(("a",), "answer", b"0123456789")
>>> cache.get(("a",))
('answer', b'0123456789')
>>> for key in "bcd":
...     cache.put((key,), "other", b"0123456789")
>>> cache.put(("e",), "other", b"0123456789")  # over 40 bytes: "a", used longest ago, goes
>>> cache.get(("a",)) is None, len(cache), cache.size
(True, 4, 40)
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any


class ResultCache:
    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self._entries: OrderedDict[Hashable, tuple[Any, bytes]] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Hashable) -> tuple[Any, bytes] | None:
        entry = self._entries.get(key)
        if entry is None:
            self.misses += 1
            return None
        self._entries.move_to_end(key)
        self.hits += 1
        return entry

    def put(self, key: Hashable, meta: Any, body: bytes) -> None:
        if len(body) > self.max_bytes // 4:  # one answer never takes most of the cache
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self.size -= len(old[1])
        self._entries[key] = (meta, body)
        self.size += len(body)
        while self.size > self.max_bytes and self._entries:
            _, (_, dropped) = self._entries.popitem(last=False)
            self.size -= len(dropped)
