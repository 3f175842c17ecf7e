"""The embedded Oxigraph store: pyoxigraph's :class:`~pyoxigraph.Store` in a folder.

Documents are written in batches with Oxigraph's bulk loader (fast, not transactional), then
the batch's commit records in one small transaction: a document whose commit record is missing
was cut off mid-write, and :class:`graph.store.MinutesStore` removes it on the next open.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pyoxigraph import BlankNode, DefaultGraph, NamedNode, Quad, RdfFormat, Store, Variable

from graph.backends import (
    DocumentWrite,
    GraphName,
    QuadPattern,
    QueryOptions,
    QueryResult,
    StoreError,
)


class EmbeddedStore:
    def __init__(self, store: Store, path: Path | None) -> None:
        self.store = store
        self.path = path
        self.location = "(in memory)" if path is None else str(path)

    @classmethod
    def open(cls, path: Path | None) -> EmbeddedStore:
        """Open (or create) the store at ``path`` (in memory for ``None``)."""
        try:
            if path is None:
                return cls(Store(), None)
            path.mkdir(parents=True, exist_ok=True)
            return cls(Store(str(path)), path)
        except OSError as error:
            raise StoreError(f"cannot open the store at {path}: {error}") from error

    @classmethod
    def open_read_only(cls, path: Path) -> EmbeddedStore:
        if not (path / "CURRENT").exists():
            raise StoreError(f"no store at {path}; load minutes first (referatgraf load)")
        try:
            return cls(Store.read_only(str(path)), path)
        except OSError as error:
            raise StoreError(f"cannot open the store at {path}: {error}") from error

    def query(self, sparql: str, options: QueryOptions) -> QueryResult:
        kwargs: dict[str, Any] = {}
        if options.base_iri is not None:
            kwargs["base_iri"] = options.base_iri
        if options.default_graphs is not None:
            kwargs["default_graph"] = options.default_graphs
        else:
            kwargs["use_default_graph_as_union"] = options.union
        if options.named_graphs is not None:
            kwargs["named_graphs"] = options.named_graphs
        if options.substitutions:
            kwargs["substitutions"] = {Variable(k): v for k, v in options.substitutions.items()}
        result: QueryResult = self.store.query(sparql, **kwargs)
        return result

    def quads_for_pattern(self, pattern: QuadPattern) -> Iterator[Quad]:
        p = pattern
        return iter(self.store.quads_for_pattern(p.subject, p.predicate, p.object, p.graph))

    def named_graphs(self) -> list[NamedNode | BlankNode]:
        return [g for g in self.store.named_graphs() if isinstance(g, NamedNode | BlankNode)]

    def count(self) -> int:
        return len(self.store)

    def dump(self, output: Any, format_: RdfFormat, graph: GraphName | None) -> None:
        if graph is None:
            self.store.dump(output, format_)
        else:
            self.store.dump(output, format_, from_graph=graph)

    def write_documents(self, documents: list[DocumentWrite], existing: set[str]) -> None:
        for doc in documents:
            if doc.graph in existing:
                self.store.remove_graph(NamedNode(doc.graph))
        self.store.bulk_load(input=b"".join(d.nquads for d in documents), format=RdfFormat.N_QUADS)
        self.store.load(input=b"".join(d.commit for d in documents), format=RdfFormat.N_QUADS)

    def replace_graph(self, graph: NamedNode, quads: Iterable[Quad]) -> None:
        if self.store.contains_named_graph(graph):
            self.store.remove_graph(graph)
        self.store.extend(quads)

    def remove_graph(self, graph: NamedNode) -> None:
        self.store.remove_graph(graph)

    def flush(self) -> None:
        self.store.flush()

    def optimize(self) -> None:
        self.store.optimize()

    def backup(self, target: Path) -> None:
        self.store.backup(str(target))

    def close(self) -> None:
        """Nothing to do: pyoxigraph closes the folder when the store is collected."""


__all__ = ["DefaultGraph", "EmbeddedStore"]
