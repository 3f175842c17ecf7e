"""Values bound into a query's text, for a store server (pyoxigraph's ``substitutions=`` does
not cross HTTP): a ``VALUES`` line at the top of the query's WHERE clause, as the pages do.

Terms are written in their N-Triples form, which is also SPARQL: an IRI cannot hold ``>`` or a
space, and a literal is escaped, so a value never becomes query text. Where ``WHERE`` is is
found with comments, strings, IRIs and names skipped.

>>> from pyoxigraph import Literal, NamedNode
>>> print(bound_query("SELECT ?x WHERE { ?x <p> 'where {' } # WHERE {", {"x": NamedNode("http://a")}))
SELECT ?x WHERE {
VALUES ?x { <http://a> } ?x <p> 'where {' } # WHERE {
>>> print(bound_query("CONSTRUCT { ?s <p> ?o } WHERE { ?s <q> ?o }", {"o": Literal("1")}))
CONSTRUCT { ?s <p> ?o } WHERE {
VALUES ?o { "1" } ?s <q> ?o }
>>> print(bound_query("ASK { ?s ex:where ?o }", {"s": NamedNode("http://b")}))
ASK {
VALUES ?s { <http://b> } ?s ex:where ?o }
>>> print(bound_query("SELECT * { { SELECT ?s WHERE { ?s ?p ?o } } }", {"s": NamedNode("http://c")}))
SELECT * {
VALUES ?s { <http://c> } { SELECT ?s WHERE { ?s ?p ?o } } }
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from pyoxigraph import Literal, NamedNode

_TOKEN = re.compile(
    r"""\#[^\n]*
    | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\" | '''(?:[^'\\]|\\.|'(?!''))*'''
    | "(?:[^"\\\n]|\\.)*" | '(?:[^'\\\n]|\\.)*'
    | <[^<>"{}|^`\\\x00-\x20]*>
    | [?$]?[A-Za-z0-9_][\w.-]*(?::[\w.-]*)? | :[\w.-]*
    | [{}]""",
    re.VERBOSE | re.DOTALL,
)


def where_brace(query: str) -> int | None:
    """The offset just after the ``{`` that opens the query's WHERE clause (the first ``{``
    of a query without the keyword), ``None`` when there is none."""
    depth, keyword = 0, ""
    for found in _TOKEN.finditer(query):
        token = found.group()
        if token == "{":  # noqa: S105
            if depth == 0 and keyword != "construct":  # not a CONSTRUCT's template
                return found.end()
            depth += 1
        elif token == "}":  # noqa: S105
            depth -= 1
            keyword = ""
        elif depth == 0 and token.lower() in ("where", "construct"):
            keyword = token.lower()
    return None


def bound_query(query: str, bindings: Mapping[str, NamedNode | Literal]) -> str:
    if not bindings:
        return query
    at = where_brace(query)
    if at is None:
        raise ValueError("cannot bind values in a query without a WHERE clause")
    values = " ".join(f"VALUES ?{name} {{ {term} }}" for name, term in bindings.items())
    return f"{query[:at]}\n{values}{query[at:]}"


_FORMS = ("select", "construct", "describe", "ask")


def query_form(query: str) -> str:
    """The query's form, ``select``, ``construct``, ``describe`` or ``ask`` (its first such
    keyword outside comments, strings and IRIs); ``select`` when none is found.

    >>> query_form("PREFIX ask: <http://a/> CONSTRUCT WHERE { ?s ask:p 'select' }")
    'construct'
    >>> query_form("BASE <http://describe/> ASK { }")
    'ask'
    """
    for found in _TOKEN.finditer(query):
        if (token := found.group().lower()) in _FORMS:
            return token
    return "select"


__all__ = ["bound_query", "query_form", "where_brace"]
