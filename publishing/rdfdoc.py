"""Small RDF documents (the catalog, the VoID description) as Turtle and JSON-LD that come out
byte-identical for the same triples: the triples are sorted before they are written."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, parse, serialize

from publishing.jsonld import JsonLdSink
from publishing.namespaces import turtle_prefix_lines
from publishing.passes import triple_lines

Object = NamedNode | BlankNode | Literal


class Statements:
    """Triples gathered with a little less ceremony than pyoxigraph's constructors."""

    def __init__(self) -> None:
        self.triples: set[Triple] = set()

    def add(self, subject: str, predicate: str, obj: Object | str) -> None:
        """``obj`` as a ``str`` is an IRI; literals are given as pyoxigraph terms."""
        node = NamedNode(obj) if isinstance(obj, str) else obj
        self.triples.add(Triple(NamedNode(subject), NamedNode(predicate), node))

    def text(self, subject: str, predicate: str, value: str, lang: str | None = None) -> None:
        self.add(subject, predicate, Literal(value, language=lang))

    def typed(self, subject: str, predicate: str, value: str, datatype: str) -> None:
        self.add(subject, predicate, Literal(value, datatype=NamedNode(datatype)))


def sorted_ntriples(triples: Iterable[Triple]) -> bytes:
    lines = sorted(str(t).encode() + b" .\n" for t in triples)
    return b"".join(lines)


def turtle(triples: Iterable[Triple], prefixes: Mapping[str, str]) -> bytes:
    """Turtle with the prefixes in the order given (pyoxigraph's own order of them is its
    business, so its prefix lines are replaced)."""
    ordered = sorted(triples, key=str)
    body = serialize(ordered, format=RdfFormat.TURTLE, prefixes=dict(prefixes)) or b""
    lines = [line for line in body.splitlines(keepends=True) if not line.startswith(b"@prefix")]
    return turtle_prefix_lines(prefixes) + b"\n" + b"".join(lines)


def jsonld(triples: Iterable[Triple], prefixes: Mapping[str, str]) -> bytes:
    output = io.BytesIO()
    sink = JsonLdSink(output, prefixes)
    sink.begin(None)
    sink.lines(triple_lines(sorted_ntriples(triples)))
    sink.end()
    sink.close()
    return output.getvalue()


def convert_turtle(data: bytes, name: str, prefixes: Mapping[str, str]) -> bytes:
    """A small Turtle document in another format: ``ttl``, ``jsonld`` (compacted with
    ``prefixes``), ``nt``, ``nq`` (the same: a graph is N-Quads of the default graph) or
    ``rdfxml``; sorted, so the same input gives the same bytes."""
    if name == "ttl":
        return data
    triples = [q.triple for q in parse(data, format=RdfFormat.TURTLE)]
    if name == "jsonld":
        return jsonld(triples, prefixes)
    formats = {"nt": RdfFormat.N_TRIPLES, "nq": RdfFormat.N_TRIPLES, "rdfxml": RdfFormat.RDF_XML}
    ordered = sorted(triples, key=str)
    return serialize(ordered, format=formats[name], prefixes=dict(prefixes)) or b""
