"""All access to the store goes through here, whatever engine holds it (``graph.backends``):
the embedded Oxigraph store in a folder, or a store server at a URL (``graph.location``).

Write path: each document's commit record (its ``rg:sha256``) becomes visible last, or together
with the document (a store server writes a document's graph in one atomic request). A document
whose commit record is missing was cut off mid-write; :meth:`MinutesStore.open` removes such
partial graphs before anyone reads them, so the store holds whole documents only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, parse

from graph.backends import (
    DocumentWrite,
    QuadPattern,
    QueryOptions,
    QueryResult,
    StoreBackend,
    StoreError,
    StoreTimeoutError,
)
from graph.backends.embedded import EmbeddedStore
from graph.location import StoreLocation, StoreUrl
from graph.terms import RDF_TYPE, RG, term
from graph.uris import SOURCE_GRAPH_SUFFIX, Minter


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """One document, mapped and serialised, ready to be written (picklable, so workers can
    prepare documents in parallel)."""

    graph: str
    meeting: str
    sha256: str
    nquads: bytes  # the document's graph and its shared entity triples
    commit: bytes  # the commit record, written last


def _server(url: StoreUrl, *, writing: bool, query_timeout: float | None = None) -> StoreBackend:
    if url.scheme == "virtuoso+http":
        from graph.backends.virtuoso import VirtuosoServer  # noqa: PLC0415

        timeout_ms = None if query_timeout is None else max(1, round(query_timeout * 1000))
        return VirtuosoServer.open(
            str(url), url.host, url.port, writing=writing, timeout_ms=timeout_ms
        )
    from graph.backends.oxigraph_server import OxigraphServer  # noqa: PLC0415

    return OxigraphServer.open(str(url), url.host, url.port)


class MinutesStore:
    """The store of referatgraf, on one of the engines of :mod:`graph.backends`."""

    def __init__(self, backend: StoreBackend | Store, path: Path | None = None) -> None:
        """``backend``: an engine, or a pyoxigraph store to use as the embedded one."""
        self._store = EmbeddedStore(backend, path) if isinstance(backend, Store) else backend
        self.path = path
        """The store's folder (``None`` in memory or on a store server)."""

    @property
    def location(self) -> str:
        """Where the store is, as a person would name it (a folder or a URL)."""
        return self._store.location

    @classmethod
    def open(cls, location: StoreLocation | None) -> tuple[MinutesStore, list[str]]:
        """Open (or create) the store at ``location`` (in memory for ``None``) and remove
        partial documents; returns the store and the graphs removed."""
        if isinstance(location, StoreUrl):
            opened = cls(_server(location, writing=True))
        else:
            opened = cls(EmbeddedStore.open(location), location)
        return opened, opened._remove_partial_documents()

    @classmethod
    def open_read_only(
        cls, location: StoreLocation, *, query_timeout: float | None = None
    ) -> MinutesStore:
        """Open the store to read; ``query_timeout`` (seconds) is sent with each query to a
        store that takes one (Virtuoso's ``timeout``; an Oxigraph server has its own
        ``--timeout-s``), so that the store itself stops a query the endpoint gives up on."""
        if isinstance(location, StoreUrl):
            return cls(_server(location, writing=False, query_timeout=query_timeout))
        return cls(EmbeddedStore.open_read_only(location), location)

    # -- reading -------------------------------------------------------------------------

    def documents(self) -> dict[str, str]:
        """Every whole document: its graph IRI -> sha256 of its source file."""
        sha = term(RG.sha256)
        return {
            q.subject.value: q.object.value
            for q in self._store.quads_for_pattern(QuadPattern(predicate=sha))
            if isinstance(q.subject, NamedNode)
            and isinstance(q.object, Literal)
            and q.graph_name == q.subject
        }

    def query(
        self,
        sparql: str,
        *,
        substitutions: Mapping[str, NamedNode | Literal] | None = None,
        union: bool = True,
        default_graphs: list[NamedNode] | None = None,
        named_graphs: list[NamedNode] | None = None,
        base_iri: str | None = None,
    ) -> QueryResult:
        """Evaluate a SPARQL query; by default the default graph is the union of all graphs.
        Relative IRIs in the query resolve against ``base_iri`` (an error without one)."""
        options = QueryOptions(substitutions, union, default_graphs, named_graphs, base_iri)
        return self._store.query(sparql, options)

    def quads(self, graph: NamedNode | None = None) -> Iterator[Quad]:
        return iter(self._store.quads_for_pattern(QuadPattern(graph=graph)))

    def quads_matching(
        self,
        subject: NamedNode | BlankNode | None,
        predicate: NamedNode | None,
        object_: NamedNode | BlankNode | Literal | None,
        graph: NamedNode | None = None,
    ) -> Iterator[Quad]:
        """The quads that match a pattern (``None`` matches anything), from every graph unless
        ``graph`` is given: a direct index lookup, without a query."""
        return iter(self._store.quads_for_pattern(QuadPattern(subject, predicate, object_, graph)))

    def named_graphs(self) -> list[str]:
        return [g.value for g in self._store.named_graphs() if isinstance(g, NamedNode)]

    def __len__(self) -> int:
        return self._store.count()

    # -- dumping (publishing) ---------------------------------------------------------

    def graph_names(self) -> list[NamedNode | BlankNode]:
        """Every named graph, blank-node graphs too (:meth:`named_graphs` keeps IRIs only)."""
        return self._store.named_graphs()

    def has_default_graph_triples(self) -> bool:
        found = self._store.quads_for_pattern(QuadPattern(graph=DefaultGraph()))
        return next(iter(found), None) is not None

    def dump_graph(self, output: Any, graph: NamedNode | BlankNode | None) -> None:
        """Write one graph (``None``: the default graph) as N-Triples to the binary writer
        ``output``, streamed, in the store's index order."""
        source = DefaultGraph() if graph is None else graph
        self._store.dump(output, RdfFormat.N_TRIPLES, source)

    def dump_dataset(self, output: Any) -> None:
        """Write every quad as N-Quads to ``output``, streamed, in the store's index order
        (Oxigraph's own dump: the benchmark's reference)."""
        self._store.dump(output, RdfFormat.N_QUADS, None)

    # -- writing -------------------------------------------------------------------------

    def write_documents(self, documents: Iterable[PreparedDocument]) -> None:
        """Write a batch of documents, replacing earlier versions of the same graphs."""
        batch = list(documents)
        if not batch:
            return
        existing = set(self.documents())
        writes = [DocumentWrite(d.graph, d.nquads, d.commit) for d in batch]
        self._store.write_documents(writes, existing)

    def replace_graph(self, graph: str, quads: Iterable[Quad]) -> None:
        """Replace one small graph (reference data, a load run) in a single transaction."""
        node = NamedNode(graph)
        self._store.replace_graph(
            node, [Quad(q.subject, q.predicate, q.object, node) for q in quads]
        )

    def replace_graph_data(self, graph: str, data: str, *, turtle: bool = False) -> None:
        """Replace one small graph with N-Triples (or Turtle) text, unless it holds exactly
        that already (so an unchanged reference graph does not change the store's state)."""
        node = NamedNode(graph)
        fmt = RdfFormat.TURTLE if turtle else RdfFormat.N_TRIPLES
        skolem: dict[BlankNode, NamedNode] = {}

        def fixed(term: Any) -> Any:
            """Blank nodes (the ontology's OWL lists) get IRIs numbered in document order, so
            the same text gives the same quads on every load and the graph stays unchanged."""
            if isinstance(term, BlankNode):
                return skolem.setdefault(term, NamedNode(Minter.skolem(graph, len(skolem))))
            return term

        new = {
            Quad(fixed(t.subject), t.predicate, fixed(t.object), node)
            for t in parse(data, format=fmt)
        }
        if set(self._store.quads_for_pattern(QuadPattern(graph=node))) == new:
            return
        self._store.replace_graph(node, new)

    def remove_document(self, graph: str) -> None:
        self._store.remove_graph(NamedNode(graph))

    def flush(self) -> None:
        self._store.flush()

    def optimize(self) -> None:
        self._store.optimize()

    def backup(self, target: Path) -> None:
        self._store.backup(target)

    def close(self) -> None:
        """Let go of the connections to a store server (nothing for a folder)."""
        self._store.close()

    def __enter__(self) -> MinutesStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- recovery ------------------------------------------------------------------------

    def _remove_partial_documents(self) -> list[str]:
        """Remove every source graph that lacks its commit record (a write cut off midway)."""
        whole = self.documents()
        partial = [
            g for g in self.named_graphs() if g.endswith(SOURCE_GRAPH_SUFFIX) and g not in whole
        ]
        for graph in partial:
            self._store.remove_graph(NamedNode(graph))
        return partial

    def count_instances(self, class_iri: str) -> int:
        instances = QuadPattern(predicate=RDF_TYPE, object=NamedNode(class_iri))
        return sum(1 for _ in self._store.quads_for_pattern(instances))


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


__all__ = [
    "DefaultGraph",
    "MinutesStore",
    "PreparedDocument",
    "StoreError",
    "StoreTimeoutError",
    "now_utc",
]
