"""The engines a :class:`graph.store.MinutesStore` can run on, behind one small interface.

- :class:`graph.backends.embedded.EmbeddedStore`: pyoxigraph's store in a folder (the default);
- :class:`graph.backends.oxigraph_server.OxigraphServer`: an ``oxigraph serve`` over HTTP.

A backend reads with SPARQL and quad patterns, dumps graphs, and writes whole documents; what
a document is, and how a cut-off write is recognised, stays in :mod:`graph.store`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
)

QueryResult = QuerySolutions | QueryTriples | QueryBoolean
GraphName = NamedNode | BlankNode | DefaultGraph


class StoreError(Exception):
    """The store cannot be opened, read or written; the message says what to do."""


class StoreTimeoutError(StoreError):
    """The store stopped a query at its own time limit: the answer it sent is incomplete."""


@dataclass(frozen=True, slots=True)
class QueryOptions:
    """How a query reads the dataset: by default the default graph is the union of all."""

    substitutions: Mapping[str, NamedNode | Literal] | None = None
    union: bool = True
    default_graphs: list[NamedNode] | None = None
    named_graphs: list[NamedNode] | None = None
    base_iri: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentWrite:
    """One document to write: its graph IRI and its N-Quads (its own graph, the shared
    graphs it adds to, and its commit record, which must become visible last or at once)."""

    graph: str
    nquads: bytes
    commit: bytes


@dataclass(frozen=True, slots=True)
class QuadPattern:
    """The quads to find: ``None`` matches any term, and a ``graph`` of ``None`` any graph,
    the default graph included."""

    subject: NamedNode | BlankNode | None = None
    predicate: NamedNode | None = None
    object: NamedNode | BlankNode | Literal | None = None
    graph: GraphName | None = None


class StoreBackend(Protocol):
    """What :class:`graph.store.MinutesStore` needs of an engine."""

    location: str

    def query(self, sparql: str, options: QueryOptions) -> QueryResult: ...

    def quads_for_pattern(self, pattern: QuadPattern) -> Iterator[Quad]: ...

    def named_graphs(self) -> list[NamedNode | BlankNode]: ...

    def count(self) -> int: ...

    def dump(self, output: Any, format_: RdfFormat, graph: GraphName | None) -> None:
        """Write ``graph`` (``None``: every quad, as N-Quads) to the binary writer ``output``."""

    def write_documents(self, documents: list[DocumentWrite], existing: set[str]) -> None:
        """Write documents, replacing the graphs in ``existing`` (earlier versions)."""

    def replace_graph(self, graph: NamedNode, quads: Iterable[Quad]) -> None:
        """Replace one graph's content with ``quads`` (whose graph is ``graph``) at once."""

    def remove_graph(self, graph: NamedNode) -> None: ...

    def flush(self) -> None: ...

    def optimize(self) -> None: ...

    def backup(self, target: Path) -> None: ...

    def close(self) -> None:
        """Let go of what the backend holds open (a server's connections)."""


__all__ = [
    "DocumentWrite",
    "GraphName",
    "QuadPattern",
    "QueryOptions",
    "QueryResult",
    "StoreBackend",
    "StoreError",
    "StoreTimeoutError",
]
