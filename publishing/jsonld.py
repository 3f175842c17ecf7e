"""JSON-LD written as it streams: one node object per subject, graph by graph.

The document is ``{"@context": {...}, "@graph": [...]}``: the default graph's nodes at the
top, each named graph as ``{"@id": <graph>, "@graph": [<nodes>]}``, so the named graphs are
kept as in the N-Quads dump. Vocabulary terms are compacted by the context's prefixes
(``rg:date``), ``rdf:type`` becomes ``@type``, and every literal keeps its lexical form
(``{"@value": "3", "@type": "xsd:integer"}``), so the file converts back to exactly the
same quads. A quoted N-Triples literal, as Oxigraph writes it, is already a valid JSON string
(it escapes ``"``, ``\\``, line breaks and control characters the way JSON does), so values
are copied, not decoded and encoded again.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Protocol

from graph.terms import RDF_TYPE_NT
from publishing.namespaces import DATA_PREFIXES, Compactor

_TYPE = RDF_TYPE_NT.encode()
FLUSH = 1 << 20  # bytes gathered before a write


class BinaryOutput(Protocol):
    def write(self, data: bytes) -> int: ...


class JsonLdSink:
    """A :class:`~publishing.passes.GraphSink` writing one JSON-LD document."""

    def __init__(self, output: BinaryOutput, prefixes: Mapping[str, str] = DATA_PREFIXES) -> None:
        self.output = output
        self._compact = Compactor(prefixes, turtle=False)
        context = json.dumps(dict(prefixes), ensure_ascii=False, separators=(",", ":"))
        self._parts: list[bytes] = [b'{"@context":' + context.encode() + b',\n"@graph":[']
        self._size = 0
        self._items = 0  # entries of the top-level @graph written so far
        self._nodes = 0  # nodes of the current named graph written so far
        self._named = False
        self._subject: bytes | None = None
        self._types: list[bytes] = []
        self._properties: list[tuple[bytes, list[bytes]]] = []

    # -- GraphSink -----------------------------------------------------------------------

    def begin(self, graph: bytes | None) -> None:
        self._named = graph is not None
        self._nodes = 0
        if graph is not None:
            self._emit(b"\n" if self._items == 0 else b",\n")
            self._emit(b'{"@id":"' + _id(graph) + b'","@graph":[')
            self._items += 1

    def lines(self, batch: list[bytes]) -> None:
        for line in batch:
            subject, predicate, obj = line.split(b" ", 2)
            if subject != self._subject:
                self._node_done()
                self._subject = subject
            if predicate == _TYPE and obj[:1] == b"<":
                self._types.append(b'"' + self._compact(obj) + b'"')
                continue
            if self._properties and self._properties[-1][0] == predicate:
                self._properties[-1][1].append(self._value(obj))
            else:
                self._properties.append((predicate, [self._value(obj)]))

    def end(self) -> None:
        self._node_done()
        if self._named:
            self._emit(b"\n]}")

    def close(self) -> None:
        self._emit(b"\n]}\n")
        self._flush()

    # -- writing -------------------------------------------------------------------------

    def _node_done(self) -> None:
        if self._subject is None:
            return
        parts = [b'{"@id":"', _id(self._subject), b'"']
        if self._types:
            parts += [b',"@type":[', b",".join(self._types), b"]"]
        for predicate, values in self._properties:
            parts += [b',"', self._compact(predicate), b'":[', b",".join(values), b"]"]
        parts.append(b"}")
        if self._named:
            self._emit(b"\n" if self._nodes == 0 else b",\n")
            self._nodes += 1
        else:
            self._emit(b"\n" if self._items == 0 else b",\n")
            self._items += 1
        self._emit(b"".join(parts))
        self._subject = None
        self._types = []
        self._properties = []

    def _value(self, obj: bytes) -> bytes:
        """The JSON-LD value object of an N-Triples object term."""
        if obj[:1] == b"<":
            return b'{"@id":"' + obj[1:-1] + b'"}'
        if obj[:2] == b"_:":
            return b'{"@id":"' + obj + b'"}'
        end = obj.rfind(b'"')  # the closing quote: a language tag or datatype holds none
        lexical, rest = obj[: end + 1], obj[end + 1 :]
        if not rest:
            return b'{"@value":' + lexical + b"}"
        if rest[:1] == b"@":
            return b'{"@value":' + lexical + b',"@language":"' + rest[1:] + b'"}'
        return b'{"@value":' + lexical + b',"@type":"' + self._compact(rest[2:]) + b'"}'

    def _emit(self, data: bytes) -> None:
        self._parts.append(data)
        self._size += len(data)
        if self._size >= FLUSH:
            self._flush()

    def _flush(self) -> None:
        self.output.write(b"".join(self._parts))
        self._parts = []
        self._size = 0


def _id(term: bytes) -> bytes:
    """``@id`` of an IRI (``<iri>``) or blank node (``_:b``) term."""
    return term[1:-1] if term[:1] == b"<" else term
