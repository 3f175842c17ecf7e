"""A batch of documents split by graph, for the store servers: each document's own graph
(written whole, at once) apart from the shared graphs it adds to (merged first, so that a
document never shows before its entities)."""

from __future__ import annotations

from collections import defaultdict

from pyoxigraph import NamedNode, RdfFormat, Triple, parse

from graph.backends import DocumentWrite, StoreError


def split_by_graph(
    documents: list[DocumentWrite],
) -> tuple[dict[str, list[Triple]], dict[str, list[Triple]]]:
    """The triples of each document's own graph (commit record included), and of each shared
    graph the documents add to, both keyed by graph IRI."""
    own: dict[str, list[Triple]] = {d.graph: [] for d in documents}
    shared: defaultdict[str, list[Triple]] = defaultdict(list)
    for doc in documents:
        for quad in parse(doc.nquads + doc.commit, format=RdfFormat.N_QUADS):
            name = quad.graph_name
            if not isinstance(name, NamedNode):
                raise StoreError(f"{doc.graph}: a quad outside a named graph")
            triple = Triple(quad.subject, quad.predicate, quad.object)
            (own[name.value] if name.value in own else shared[name.value]).append(triple)
    return own, dict(shared)


__all__ = ["split_by_graph"]
