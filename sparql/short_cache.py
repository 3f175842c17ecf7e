"""A cache for what clients send again and again (a page's query, the URL that carries it),
kept to short inputs: a longer one is read anew each time, so that a few long queries cannot
fill the cache's memory.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

Text = TypeVar("Text", str, bytes)
Read = TypeVar("Read")


def cached_up_to(
    length: int, *, maxsize: int
) -> Callable[[Callable[[Text], Read]], Callable[[Text], Read]]:
    """Keep the last ``maxsize`` answers of the function for inputs of at most ``length``
    characters (or bytes).

    >>> calls = []
    >>> @cached_up_to(3, maxsize=8)
    ... def upper(text: str) -> str:
    ...     calls.append(text)
    ...     return text.upper()
    >>> [upper(t) for t in ("ab", "ab", "abcd", "abcd")], calls
    (['AB', 'AB', 'ABCD', 'ABCD'], ['ab', 'abcd', 'abcd'])
    """

    def decorate(read: Callable[[Text], Read]) -> Callable[[Text], Read]:
        cached = lru_cache(maxsize=maxsize)(read)

        @wraps(read)
        def short_cached(value: Text) -> Read:
            return cached(value) if len(value) <= length else read(value)

        return short_cached

    return decorate


__all__ = ["cached_up_to"]
