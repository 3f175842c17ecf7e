"""What pages derive from the side index and keep: an entity's timeline, its counts per
municipality and year, the home page's top lists. The side index changes only when minutes are
loaded, and then its token changes, so a value computed for one token is right for every
request until the next load; the token is part of the key, and an old token's values age out.

Bounded: the least recently used go first. The values are shared between requests, so a page
must not change them (they are built once, read by the templates).

>>> cache = PerIndex[int](2)
>>> cache.get(("t1", "a"), lambda: 1), cache.get(("t1", "a"), lambda: 99)
(1, 1)
>>> cache.get(("t2", "a"), lambda: 2), cache.get(("t2", "b"), lambda: 3), len(cache)
(2, 3, 2)
>>> cache.get(("t1", "a"), lambda: 4)  # gone: the least recently used
4
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class PerIndex(Generic[T]):
    """A bounded LRU of values computed from the side index, keyed by (index token, ...)."""

    def __init__(self, size: int) -> None:
        self._size = max(size, 1)
        self._values: OrderedDict[tuple[Hashable, ...], T] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._values)

    def get(self, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
        """The value of ``key``; ``compute()`` it when it is not kept (outside the lock: two
        requests may both compute it the first time, and both get a right answer)."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = compute()
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self._size:
                self._values.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
