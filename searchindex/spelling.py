"""Spelling suggestions for a search that found nothing, from the index's own words.

The words are the full-text index's vocabulary (the item texts and the entity names; the
``words`` table, recomputed from FTS5's ``fts5vocab`` at each update of the index), folded as
the index folds them (æ -> ae, ø -> oe, å -> aa), so "aeldre" and "ældre" are one word here.
Words with digits are not in it, and a query word with digits is left as it is.

A query word the vocabulary has (as a word or the start of one) stays; any other becomes the
nearest word by edit distance (a letter left out, added, changed, or two swapped), at most one
edit for words of up to four letters and two for longer ones; among equally near words the one
found in more texts wins. Only words that begin with the query word's first letter (or its
second, or have its first letter second) are weighed, read by index: a slip seldom hits the
first letter, and a large vocabulary costs no more than a small one.

>>> distance("klapjbo", "klapjob"), distance("ledighd", "ledighed"), distance("abc", "xyz", 2)
(1, 1, 3)
>>> nearest("klapjb", [("klapjob", 2), ("klapper", 9)])
'klapjob'
>>> nearest("xq", [("klapjob", 2)]) is None
True
"""

from __future__ import annotations

from collections.abc import Iterable

from searchindex.dialect import Connection
from searchindex.folding import PREFIX_FROM, query_words

SHORT_WORD = 4  # letters up to which a word may be one edit away, not two


def distance(one: str, other: str, limit: int = 2) -> int:
    """The optimal string alignment distance of ``one`` and ``other`` (an adjacent swap counts
    as one edit), or ``limit + 1`` as soon as it is sure to be more than ``limit``."""
    if abs(len(one) - len(other)) > limit:
        return limit + 1
    before: list[int] | None = None
    previous = list(range(len(other) + 1))
    for i, a in enumerate(one, start=1):
        current = [i] + [0] * len(other)
        for j, b in enumerate(other, start=1):
            cost = 0 if a == b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and a == other[j - 2] and one[i - 2] == b:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)


def nearest(word: str, vocabulary: Iterable[tuple[str, int]]) -> str | None:
    """The word of ``vocabulary`` ((word, texts it is in) pairs) nearest to ``word``, if any is
    near enough."""
    limit = 1 if len(word) <= SHORT_WORD else 2
    best: tuple[int, int, str] | None = None
    for candidate, texts in vocabulary:
        if candidate == word or not candidate.isalpha():
            continue
        found = distance(word, candidate, limit)
        if found <= limit and (best is None or (found, -texts, candidate) < best):
            best = (found, -texts, candidate)
    return None if best is None else best[2]


def _vocabulary(connection: Connection, word: str) -> list[tuple[str, int]]:
    """The index's words of about ``word``'s length with its first letter, or its first two
    swapped, or its first left out; with the number of texts each is in."""
    low, high = len(word) - 2, len(word) + 2
    rows = connection.execute(
        "SELECT word, texts FROM words WHERE first IN (?, ?) AND length BETWEEN ? AND ?"
        " UNION SELECT word, texts FROM words WHERE second = ? AND length BETWEEN ? AND ?",
        (word[:1], word[1:2], low, high, word[:1], low, high),
    )
    return [(str(found), int(texts)) for found, texts in rows]


def _known(connection: Connection, word: str) -> bool:
    """Whether the index has ``word``, or (from :data:`PREFIX_FROM` letters) a word it starts."""
    if len(word) >= PREFIX_FROM:
        sql = "SELECT 1 FROM words WHERE word >= ? AND word < ? LIMIT 1"
        found = connection.execute(sql, (word, word + "\U0010ffff")).fetchone()
    else:
        found = connection.execute("SELECT 1 FROM words WHERE word = ?", (word,)).fetchone()
    return found is not None or any(c.isdigit() for c in word)


def suggest(connection: Connection, query: str) -> str | None:
    """The query with each word the index does not know replaced by its nearest word (folded),
    or ``None`` when every word is known or one has no near word."""
    words = query_words(query)
    changed = False
    suggested: list[str] = []
    for word in words:
        if _known(connection, word):
            suggested.append(word)
            continue
        replacement = nearest(word, _vocabulary(connection, word))
        if replacement is None:
            return None
        suggested.append(replacement)
        changed = True
    return " ".join(suggested) if changed else None
