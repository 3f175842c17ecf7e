"""DESCRIBE as this endpoint answers it: what a resource says and what is said about it.

Oxigraph's own DESCRIBE reads the default graph only and gives no incoming links. Here each
described resource gets its triples from every graph, the labels of what it links to, one level
of blank nodes, the triples that link to it and their subjects' labels. A protocol dataset
(``default-graph-uri``) or the query's ``FROM`` narrows that down.

Which resources are described is read from the query text: IRIs and prefixed names are
resolved from its prologue; variables are bound by running the query as
``SELECT DISTINCT`` with the same pattern.

>>> clause = describe_clause("PREFIX ex: <http://ex.org/> DESCRIBE ex:a <b> ?x WHERE { ?x ?p ?o }")
>>> clause.constants, clause.variables, clause.has_pattern
(('http://ex.org/a', 'b'), ('x',), True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from urllib.parse import urljoin

from pyoxigraph import (
    BlankNode,
    NamedNode,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    Triple,
)

from graph.store import MinutesStore
from ontology.vocabularies import RDFS
from sparql.lexer import Token, tokens

_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_LOCAL_ESCAPE = re.compile(r"\\(.)")
LABEL = NamedNode(RDFS.label)


class DescribeError(Exception):
    """The DESCRIBE clause names something that cannot be described; a 400."""


@dataclass(frozen=True, slots=True)
class DescribeClause:
    constants: tuple[str, ...]  # resolved IRIs named in the clause
    variables: tuple[str, ...]  # variable names, without ? or $
    star: bool  # DESCRIBE *
    from_graphs: tuple[str, ...]  # the query's FROM graphs
    has_pattern: bool  # a WHERE clause follows
    span: tuple[int, int]  # where "DESCRIBE ..." stands in the text


def describe_clause(query: str) -> DescribeClause:
    code = [t for t in tokens(query) if t.kind not in {"ws", "comment"}]
    prefixes: dict[str, str] = {}
    base = ""
    index = 0
    while index < len(code) and code[index].text.upper() != "DESCRIBE":
        word = code[index].text.upper()
        if word == "BASE" and index + 1 < len(code):
            base = urljoin(base, _iri_text(code[index + 1]))
            index += 2
        elif word == "PREFIX" and index + 2 < len(code):
            prefixes[code[index + 1].prefix or ""] = urljoin(base, _iri_text(code[index + 2]))
            index += 3
        else:
            index += 1
    if index == len(code):
        raise DescribeError("no DESCRIBE clause found")
    start = code[index].start
    end = code[index].end
    constants: list[str] = []
    variables: list[str] = []
    star = False
    index += 1
    while index < len(code) and code[index].kind in {"var", "iri", "pname"} | (
        {"punct"} if code[index].text == "*" else set()
    ):
        token = code[index]
        if token.kind == "var":
            variables.append(token.text[1:])
        elif token.text == "*":
            star = True
        else:
            constants.append(_resolve(token, prefixes, base))
        end = token.end
        index += 1
    from_graphs: list[str] = []
    while index + 1 < len(code) and code[index].text.upper() == "FROM":
        if code[index + 1].text.upper() == "NAMED":
            index += 3
            continue
        from_graphs.append(_resolve(code[index + 1], prefixes, base))
        index += 2
    return DescribeClause(
        tuple(constants),
        tuple(variables),
        star,
        tuple(from_graphs),
        index < len(code),
        (start, end),
    )


@dataclass(frozen=True, slots=True)
class Dataset:
    """The graphs a query reads; ``None`` for the union of all graphs."""

    default_graphs: list[NamedNode] | None = None
    named_graphs: list[NamedNode] | None = None
    base_iri: str | None = None

    def run(
        self, store: MinutesStore, sparql: str, resource: NamedNode | None = None
    ) -> QuerySolutions | QueryTriples | QueryBoolean:
        return store.query(
            sparql,
            substitutions={"resource": resource} if resource is not None else None,
            default_graphs=self.default_graphs,
            named_graphs=self.named_graphs,
            base_iri=self.base_iri,
        )


def described_resources(
    store: MinutesStore, query: str, clause: DescribeClause, dataset: Dataset, limit: int
) -> list[NamedNode]:
    """The IRIs to describe, at most ``limit`` of them, in the order they were found."""
    found: dict[str, None] = dict.fromkeys(clause.constants)
    if (clause.variables or clause.star) and clause.has_pattern:
        projection = "*" if clause.star else " ".join(f"?{v}" for v in clause.variables)
        start, end = clause.span
        select = f"{query[:start]}SELECT DISTINCT {projection}{query[end:]}"
        solutions = dataset.run(store, select)
        assert isinstance(solutions, QuerySolutions)
        for solution in solutions:
            for value in solution:
                if isinstance(value, NamedNode):
                    found.setdefault(value.value)
            if len(found) >= limit:
                break
    try:
        return [NamedNode(iri) for iri in islice(found, limit)]
    except ValueError as error:
        raise DescribeError(f"cannot describe {error}") from None


# One query per resource: its own triples with the labels of their objects, then (UNION keeps
# this order) what links to it with the labels of those. The resource is bound with VALUES:
# pyoxigraph joins a ``substitutions=`` binding last, so ``?o rdfs:label ?label`` would first
# read every label in the store.
DESCRIBE_ONE = """SELECT ?p ?o ?label ?s ?q ?slabel WHERE {{
  VALUES ?resource {{ {resource} }}
  {{ ?resource ?p ?o
     OPTIONAL {{ FILTER(isIRI(?o)) ?o <{label}> ?label }} }}
  UNION
  {{ ?s ?q ?resource OPTIONAL {{ ?s <{label}> ?slabel }} }}
}}"""


def describe(
    store: MinutesStore, resources: list[NamedNode], dataset: Dataset, limit: int
) -> tuple[list[Triple], bool]:
    """The triples that describe ``resources``, at most ``limit``; true when cut there.

    In this order: the resource's own triples, the labels of what it links to, one level of
    blank nodes, then what links to it and the labels of those.
    """
    graphs = None if dataset.default_graphs is None else set(dataset.default_graphs)
    triples: dict[Triple, None] = {}
    for resource in resources:
        own: list[Triple] = []
        labels: list[Triple] = []
        incoming: list[Triple] = []
        source_labels: list[Triple] = []
        solutions = dataset.run(store, DESCRIBE_ONE.format(resource=resource, label=RDFS.label))
        assert isinstance(solutions, QuerySolutions)
        for p, o, label, subject, q, source_label in solutions:
            if p is not None:
                own.append(Triple(resource, p, o))
                if label is not None:
                    labels.append(Triple(o, LABEL, label))
            else:
                incoming.append(Triple(subject, q, resource))
                if source_label is not None:
                    source_labels.append(Triple(subject, LABEL, source_label))
            if len(own) + len(incoming) > limit:
                break
        closure = [
            quad.triple
            for blank in dict.fromkeys(t.object for t in own if isinstance(t.object, BlankNode))
            for quad in store.quads_matching(blank, None, None)
            if graphs is None or quad.graph_name in graphs
        ]
        for triple in (*own, *labels, *closure, *incoming, *source_labels):
            triples.setdefault(triple)
            if len(triples) > limit:
                return list(islice(triples, limit)), True
    return list(triples), False


def _iri_text(token: Token) -> str:
    if token.kind != "iri":
        return ""
    return _UCHAR.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), token.text[1:-1])


def _resolve(token: Token, prefixes: dict[str, str], base: str) -> str:
    if token.kind == "iri":
        return urljoin(base, _iri_text(token)) if base else _iri_text(token)
    if token.kind == "pname":
        prefix = token.prefix or ""
        if prefix not in prefixes:
            raise DescribeError(f"the prefix {prefix}: is not declared")
        return prefixes[prefix] + _LOCAL_ESCAPE.sub(r"\1", token.local or "")
    raise DescribeError(f"cannot describe {token.text}")
