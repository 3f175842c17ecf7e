"""What a query is, and whether the endpoint may run it, found before any evaluation.

- ``SERVICE`` (federated query) is refused wherever it stands in the code, even glued to other
  tokens (Oxigraph reads ``1SERVICE <x> {}`` as a SERVICE call), but not inside comments,
  strings, IRIs, variable names or local names: ``?service``, ``ex:service`` and ``"SERVICE"``
  pass. A prefix named like it (``service:x``) is refused too; the message says so.
- SPARQL Update keywords are refused with a message that names them (Oxigraph's query parser
  would refuse them anyway, with a less helpful message).
- The query form (SELECT, ASK, CONSTRUCT, DESCRIBE) is found so that content negotiation can
  answer 406 before evaluating.

>>> inspect("SELECT ?service WHERE { ?s ex:service 'SERVICE' } # SERVICE").form
'SELECT'
>>> inspect("ASK { 1SERVICE <http://example.org/> {} }")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
sparql.guard.RefusedError: federated queries (SERVICE) are not allowed: ... column 8)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sparql.lexer import HIDDEN, Token, tokens
from sparql.refusals import RequestError
from sparql.short_cache import cached_up_to

FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
NONDETERMINISTIC = frozenset({"RAND", "NOW", "UUID", "STRUUID", "BNODE"})
_SERVICE = re.compile("service", re.IGNORECASE)


class RefusedError(RequestError):
    """The query may not run here; ``status`` is the HTTP status to answer with."""


@dataclass(frozen=True, slots=True)
class QueryShape:
    form: str | None  # None when no form keyword was found (the parser will say why)
    tokens: tuple[Token, ...]
    deterministic: bool = True  # False when it calls RAND, NOW, UUID, STRUUID or BNODE


@cached_up_to(4096, maxsize=512)  # characters: longer queries are scanned each time, not kept
def inspect(query: str) -> QueryShape:
    """The shape of ``query``, or :class:`RefusedError` if it must not run."""
    scanned = tuple(tokens(query))
    code: list[str] = []
    offsets: list[int] = []  # the query position of each code character
    form: str | None = None
    deterministic = True
    for token in scanned:
        if token.kind in HIDDEN:
            continue
        text = f"{token.prefix}:" if token.kind == "pname" else token.text
        code.append(text)
        offsets.extend(range(token.start, token.start + len(text)))
        if token.kind != "word":
            continue
        word = token.text.upper()
        if form is None and word in FORMS:
            form = word
        if word in NONDETERMINISTIC:
            deterministic = False
        if word in UPDATE_KEYWORDS:
            raise RefusedError(
                f"SPARQL Update is not accepted: this endpoint is read-only "
                f"({word} at {_where(query, token.start)})",
                403,
            )
    found = _SERVICE.search("".join(code))
    if found is not None:
        position = offsets[found.start()]
        hint = "; rename the prefix" if _in_prefix(scanned, position) else ""
        raise RefusedError(
            "federated queries (SERVICE) are not allowed: this endpoint never contacts other "
            f"servers (SERVICE at {_where(query, position)}){hint}",
            403,
        )
    return QueryShape(form, scanned, deterministic)


def _in_prefix(scanned: tuple[Token, ...], position: int) -> bool:
    return any(t.kind == "pname" and t.start <= position < t.end for t in scanned)


def _where(query: str, position: int) -> str:
    line = query.count("\n", 0, position) + 1
    column = position - (query.rfind("\n", 0, position) + 1) + 1
    return f"line {line}, column {column}"
