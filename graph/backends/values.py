"""Values bound into a query's text, for a store server (pyoxigraph's ``substitutions=`` does
not cross HTTP): a ``VALUES`` line at the top of the query's WHERE clause, as the pages do.

Terms are written in their N-Triples form, which is also SPARQL: an IRI cannot hold ``>`` or a
space, and a literal is escaped, so a value never becomes query text. Where ``WHERE`` is is
found with comments, strings, IRIs and names skipped.

>>> from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, QuerySolutions
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
from collections.abc import Iterator, Mapping

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, QuerySolutions

from graph.backends import QuadPattern, QueryResult, StoreError

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


def pattern_bindings(pattern: QuadPattern) -> dict[str, NamedNode | Literal]:
    """The terms of a quad pattern to bind as ``?s ?p ?o ?g`` (``None`` and the default graph
    bind nothing); a blank node of the store cannot be named in SPARQL: :class:`StoreError`.

    >>> pattern_bindings(QuadPattern(None, NamedNode("http://p"), Literal("x"), DefaultGraph()))
    {'p': <NamedNode value=http://p>, 'o': <Literal value=x datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>}
    """
    bindings: dict[str, NamedNode | Literal] = {}
    p = pattern
    for name, term in (("s", p.subject), ("p", p.predicate), ("o", p.object), ("g", p.graph)):
        if term is None or isinstance(term, DefaultGraph):
            continue
        if isinstance(term, BlankNode):
            raise StoreError(f"a store server cannot look up the blank node {term} (?{name})")
        bindings[name] = term
    return bindings


def solution_quads(found: QueryResult) -> Iterator[Quad]:
    """The rows of ``SELECT ?s ?p ?o ?g`` as quads (no ``?g``: the default graph)."""
    assert isinstance(found, QuerySolutions)
    default = DefaultGraph()
    for row in found:
        s, p, o, g = row["s"], row["p"], row["o"], row["g"]
        yield Quad(s, p, o, default if g is None else g)


__all__ = ["bound_query", "pattern_bindings", "query_form", "solution_quads", "where_brace"]
