"""The text search of the side index in each engine: writing an item's or a resource's words,
and the ``FROM ... WHERE`` of a search with its rank.

**SQLite** (FTS5, ``unicode61 remove_diacritics 2``): the texts with Danish letters spelt out
(:func:`~searchindex.folding.fold_for_index`); a query word matches a word it begins (from
three letters on) or equals; ranked by BM25.

**PostgreSQL**: both sides are folded in full (:func:`~searchindex.folding.fold`) and cut
into the words FTS5 would cut (letters and digits). ``words`` holds each word as written and,
from the ``danish`` configuration, its stem; a query word matches a word it begins or equals
(the ``simple`` configuration: as written) *or* a word with the same stem (``danish``), so
"ældre" finds "aeldreomraadet" as on SQLite, and "borgerne" finds "borgere" as well. Stop
words ("og", "på") have no stem but are found as written. Ranked by ``ts_rank``.

>>> postgres_words("Ældreområdet på Ærø; KLAPjob-forløb_2")
['aeldreomraadet', 'paa', 'aeroe', 'klapjob', 'forloeb', '2']
>>> tsquery, values = postgres_query(["aeldre", "og"])
>>> tsquery  # doctest: +ELLIPSIS
"(to_tsquery('simple', ?) || to_tsquery('danish', ?)) && (to_tsquery('simple', ?) || ..."
>>> values, postgres_query(["a_b"])[1]
(["'aeldre':*", "'aeldre'", "'og'", "'og'"], ["'a'", "'a'", "'b'", "'b'"])
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import psycopg

from searchindex.dialect import Connection, PgConnection, is_postgres
from searchindex.folding import PREFIX_FROM, fold, fold_for_index, fts_query, query_words

_WORD = re.compile(r"[^\W_]+")
_VECTORS = (
    " (rowid, words, plain) VALUES (?, array_to_tsvector(?::text[]) || to_tsvector('danish', ?),"
    " array_to_tsvector(?::text[]))"
)


def postgres_words(text: str) -> list[str]:
    """The folded words of ``text``, as FTS5's tokenizer cuts them (letters and digits)."""
    return _WORD.findall(fold(text))


def postgres_query(words: Sequence[str]) -> tuple[str, list[str]]:
    """A tsquery expression (with ``?`` for its values) that all of ``words`` must match."""
    parts: list[str] = []
    values: list[str] = []
    for word in words:
        for piece in _WORD.findall(word):
            written = f"'{piece}':*" if len(piece) >= PREFIX_FROM else f"'{piece}'"
            parts.append("(to_tsquery('simple', ?) || to_tsquery('danish', ?))")
            values += [written, f"'{piece}'"]
    return " && ".join(parts), values


MAX_LEXEME_BYTES = 2046  # PostgreSQL's limit; to_tsvector skips a longer word, we do too


LARGE_TEXT = 200_000
"""Characters of words from which a text's vectors may pass PostgreSQL's limit of 1 MB per
tsvector (some 50,000 different words): such a text is written in a savepoint, and cut to its
first half until it fits (its first words are then what finds it)."""


def _vectors(words: list[str]) -> tuple[str, list[str]]:
    """The words for ``to_tsvector`` and, once each, as lexemes."""
    plain = sorted({w for w in words if len(w.encode()) <= MAX_LEXEME_BYTES})
    return " ".join(words), plain


class TextWriter:
    """Writes the text index of one connection (either engine)."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.postgres = is_postgres(connection)

    def _add_vectors(self, table: str, rowid: int, words: list[str]) -> None:
        insert = f"INSERT INTO {table}{_VECTORS}"
        joined, plain = _vectors(words)
        if len(joined) < LARGE_TEXT or not isinstance(self.connection, PgConnection):
            self.connection.execute(insert, (rowid, plain, joined, plain))
            return
        while True:
            try:
                with self.connection.raw.transaction():  # a savepoint: a refusal undoes only it
                    self.connection.execute(insert, (rowid, plain, joined, plain))
                return
            except psycopg.errors.ProgramLimitExceeded:
                words = words[: len(words) // 2]
                joined, plain = _vectors(words)

    def add_item(self, rowid: int, title: str, body: str) -> None:
        if self.postgres:
            self._add_vectors("item_fts", rowid, postgres_words(title + "\n" + body))
        else:
            self.connection.execute(
                "INSERT INTO item_fts (rowid, title, body) VALUES (?, ?, ?)",
                (rowid, fold_for_index(title), fold_for_index(body)),
            )

    def remove_items(self, items: Sequence[tuple[int, str | None, str]]) -> None:
        """The rows of these (id, title, body) items; FTS5 needs the texts it indexed."""
        if self.postgres:
            self.connection.executemany(
                "DELETE FROM item_fts WHERE rowid = ?", [(i,) for i, _, _ in items]
            )
            return
        self.connection.executemany(
            "INSERT INTO item_fts (item_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
            [(i, fold_for_index(title or ""), fold_for_index(body)) for i, title, body in items],
        )

    def clear_names(self) -> None:
        if self.postgres:
            self.connection.execute("DELETE FROM entity_fts")
        else:
            self.connection.execute("INSERT INTO entity_fts (entity_fts) VALUES ('delete-all')")

    def add_names(self, rowid: int, names: Sequence[str]) -> None:
        text = "\n".join(names)
        if self.postgres:
            self._add_vectors("entity_fts", rowid, postgres_words(text))
        else:
            self.connection.execute(
                "INSERT INTO entity_fts (rowid, names) VALUES (?, ?)",
                (rowid, fold_for_index(text)),
            )


@dataclass(frozen=True, slots=True)
class TextMatch:
    """What a search adds to its SQL: ``source(table, joins)`` is ``FROM``'s text up to the
    match condition (the table as ``f``, its ``f.rowid`` the resource's id), ``rank`` sorts
    best first, and ``values`` go first among the statement's values."""

    postgres: bool
    tsquery: str
    values: tuple[Any, ...]

    def source(self, table: str, joins: str = "") -> str:
        if self.postgres:
            tsquery = f"CROSS JOIN ({self.tsquery}) AS q (query)"
            return f"{table} f {tsquery}{joins} WHERE f.words @@ q.query"
        return f"{table} f{joins} WHERE {table} MATCH ?"

    @property
    def rank(self) -> str:
        return "-ts_rank(f.words, q.query)" if self.postgres else "f.rank"


def text_match(connection: Connection, query: str) -> TextMatch | None:
    """The match of ``query`` on this connection's engine; ``None`` when it has no words."""
    if is_postgres(connection):
        tsquery, values = postgres_query(query_words(query))
        return TextMatch(True, "SELECT " + tsquery, tuple(values)) if values else None
    match = fts_query(query)
    return None if match is None else TextMatch(False, "", (match,))
