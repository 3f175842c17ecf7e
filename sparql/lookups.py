"""Lookups: queries whose work the text itself bounds, answered in the server process.

Most queries run in a worker process that can be killed at the time limit and has no network
(``worker_pool.py``). The trip there and back costs a request two process wake-ups, about 0.7 ms
of CPU on this kind of machine: as much as a lookup itself. A query whose text can only be one
of these is a *lookup*:

- ``SELECT`` of variables (or ``*``) over a single triple pattern, with ``LIMIT n`` and at most
  ``OFFSET m``, ``n + m`` no more than ``lookup_rows`` (and the row cap);
- ``ASK`` of a single triple pattern.

Only a prologue (``BASE``, ``PREFIX``) may come first; each of the three terms of the pattern is
a variable, an IRI, a prefixed name, a plain string (object), or ``a`` (predicate). Anything
else, a property path, a ``FILTER``, a second pattern, a ``GRAPH``, ``DISTINCT``, ``ORDER BY``,
a number or a string with a language tag, is not a lookup and goes to a worker. The grammar is
this module's, not a parser's: it reads the lexer's tokens (``lexer.py``) and accepts only the
shapes above, token for token, so it errs towards "not a lookup" (a property test checks every
accepted text against rdflib's algebra of it).

Oxigraph reads a single pattern by one index scan, row by row, and stops at the limit: a lookup
is at most ``n + m`` index steps, a few milliseconds, so no time limit is needed; nothing in
such a text can name another server, so no sandbox is needed either (``SERVICE`` is refused
before this anyway, ``guard.py``). The answer comes from the same function a worker runs
(:func:`sparql.evaluate.evaluate`) over the same state of the store, so it is byte for byte what
a worker would give. It is evaluated in the event loop itself: threads were measured and cost
more (each lookup then waits for Python's lock several times; 720 requests/s against 627
inline in one process, and twice the CPU a request); the server scales across cores with
processes instead (``serve --processes``).

>>> lookup_kind("SELECT ?s ?p WHERE { ?s ?p <http://ex.org/a> } LIMIT 100", 1000)
'select'
>>> lookup_kind("ASK { ?s a <http://ex.org/C> }", 1000)
'ask'
>>> lookup_kind("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 10", 1000) is None
True
>>> lookup_kind("SELECT ?s WHERE { ?s <http://ex.org/p>* ?o } LIMIT 10", 1000) is None
True
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence

from graph.store import MinutesStore
from sparql.evaluate import Job, Outcome, evaluate
from sparql.guard import QueryShape, inspect
from sparql.lexer import Token
from sparql.query_worker import store_state
from sparql.store_state import State

log = logging.getLogger("referatgraf.lookups")
_SUBJECT = frozenset({"var", "iri", "pname"})
_OBJECT = frozenset({"var", "iri", "pname", "string"})
_PLAIN_STRING = ('"', "'")


def lookup_kind(query: str | QueryShape, max_rows: int) -> str | None:
    """``"select"`` or ``"ask"`` when ``query`` is a lookup of at most ``max_rows`` rows."""
    shape = inspect(query) if isinstance(query, str) else query
    code = [t for t in shape.tokens if t.kind not in {"ws", "comment"}]
    at = _after_prologue(code)
    if max_rows <= 0 or at is None or at >= len(code) or code[at].kind != "word":
        return None
    form = code[at].text.upper()
    rest = code[at + 1 :]
    if form == "ASK":
        return "ask" if _pattern(rest) == len(rest) else None
    return _select(rest, max_rows) if form == "SELECT" else None


def _select(rest: Sequence[Token], max_rows: int) -> str | None:
    """``"select"`` when what follows SELECT is a projection, one pattern and a LIMIT."""
    projected = 0
    if rest and rest[0].kind == "punct" and rest[0].text == "*":
        projected = 1
    else:
        while projected < len(rest) and rest[projected].kind == "var":
            projected += 1
    if projected == 0:
        return None
    end = _pattern(rest[projected:])
    if end is None:
        return None
    rows = _limit_and_offset(rest[projected + end :])
    return "select" if rows is not None and rows <= max_rows else None


def _after_prologue(code: Sequence[Token]) -> int | None:
    """Where the query form starts, after ``BASE <iri>`` and ``PREFIX p: <iri>`` declarations."""
    at = 0
    while at < len(code) and code[at].kind == "word":
        word = code[at].text.upper()
        if word == "BASE" and at + 1 < len(code) and code[at + 1].kind == "iri":
            at += 2
        elif word == "PREFIX" and at + 2 < len(code):
            name, iri = code[at + 1], code[at + 2]
            if name.kind != "pname" or name.local or iri.kind != "iri":
                return None
            at += 3
        else:
            return at
    return at


def _pattern(code: Sequence[Token]) -> int | None:
    """The length of ``[WHERE] { s p o [.] }`` at the start of ``code``, or ``None``."""
    at = 1 if code and code[0].kind == "word" and code[0].text.upper() == "WHERE" else 0
    if len(code) < at + 5 or not _punct(code[at], "{"):
        return None
    subject, predicate, object_ = code[at + 1 : at + 4]
    if subject.kind not in _SUBJECT or object_.kind not in _OBJECT:
        return None
    if object_.kind == "string" and not object_.text.startswith(_PLAIN_STRING):
        return None
    if not (predicate.kind in _SUBJECT or (predicate.kind == "word" and predicate.text == "a")):
        return None
    at += 4
    if at < len(code) and _punct(code[at], "."):
        at += 1
    if at >= len(code) or not _punct(code[at], "}"):
        return None
    return at + 1


def _limit_and_offset(code: Sequence[Token]) -> int | None:
    """``LIMIT n [OFFSET m]`` or ``OFFSET m LIMIT n``, all of ``code``: ``n + m``; else ``None``."""
    values: dict[str, int] = {}
    at = 0
    while at < len(code):
        if code[at].kind != "word":
            return None
        keyword = code[at].text.upper()
        if keyword not in {"LIMIT", "OFFSET"} or keyword in values:
            return None
        number, at = _integer(code, at + 1)
        if number is None:
            return None
        values[keyword] = number
    if "LIMIT" not in values:
        return None
    return values["LIMIT"] + values.get("OFFSET", 0)


def _integer(code: Sequence[Token], at: int) -> tuple[int | None, int]:
    """The digits from ``at`` (the lexer gives each digit as a token of its own) run together."""
    digits: list[str] = []
    while at < len(code) and code[at].kind == "other" and code[at].text in "0123456789":
        if digits and code[at].start != code[at - 1].end:
            break
        digits.append(code[at].text)
        at += 1
    if not digits or len(digits) > 9:
        return None, at
    return int("".join(digits)), at


def _punct(token: Token, text: str) -> bool:
    return token.kind == "punct" and token.text == text


class Lookups:
    """Lookups answered over the store the server process has open.

    ``open_store`` is called once, in a thread, by :meth:`start`; lookups are answered only
    when the store it opened is in the state the workers read (``expected_token``), so an
    answer and its ``ETag`` never depend on which of the two evaluated it.
    """

    def __init__(self, open_store: Callable[[], MinutesStore], max_rows: int) -> None:
        self.open_store = open_store
        self.max_rows = max_rows
        self.state = State()
        self.answered = 0
        self._store: MinutesStore | None = None

    @property
    def ready(self) -> bool:
        return self._store is not None

    async def start(self, expected_token: str | None) -> None:
        """Open the store and read its state; lookups stay with the workers when it is another
        state (or cannot be opened here)."""
        if self.max_rows <= 0:
            return
        loop = asyncio.get_running_loop()
        try:
            store = await loop.run_in_executor(None, self.open_store)
            state = await loop.run_in_executor(None, store_state, store)
        except Exception as error:  # the workers answer every query without this
            log.warning("lookups stay with the workers: the store did not open here (%s)", error)
            return
        if state.token != expected_token:
            log.warning("lookups stay with the workers: the store changed since they opened it")
            return
        self.state = state
        self._store = store

    def answer(self, job: Job, shape: QueryShape) -> tuple[Outcome, bytes] | None:
        """The answer to ``job`` when it is a lookup (and the store is open here), else None."""
        store = self._store
        if store is None or lookup_kind(shape, min(self.max_rows, job.max_rows)) is None:
            return None
        self.answered += 1
        return evaluate(store, job)
