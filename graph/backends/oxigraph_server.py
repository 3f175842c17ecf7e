"""An Oxigraph server (``oxigraph serve``) as the store, over HTTP: SPARQL at ``/query``, the
Graph Store Protocol at ``/store``.

Reads are SPARQL queries whose answers are parsed with pyoxigraph's own parsers, so callers get
the same :class:`~pyoxigraph.QuerySolutions` as from the embedded store (a graph answer goes
through a small in-memory store to become :class:`~pyoxigraph.QueryTriples`). A server started
with ``--timeout-s`` stops a long query and ends its answer, sent as HTTP 200, with a notice
instead of the rest: such an answer raises :class:`~graph.backends.StoreTimeoutError`, never
passes as complete.

Writes keep the embedded store's promise that readers see whole documents only. Documents new
to the store go, with what they add to shared graphs (the entities), as N-Quads in one
``POST /store`` per run of whole documents (at most ``REQUEST_BYTES``), which the server applies
in one transaction: the server's own bulk path. A document that replaces an earlier version is
one ``PUT /store?graph=IRI`` of its graph, its commit record included, which the server applies
atomically; what it adds to shared graphs is merged first, with one ``POST`` per shared graph
and batch, so the document never shows before its entities.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    NamedNode,
    Quad,
    QuerySolutions,
    RdfFormat,
    Triple,
    serialize,
)

from graph.backends import (
    DocumentWrite,
    GraphName,
    QuadPattern,
    QueryOptions,
    QueryResult,
    StoreError,
)
from graph.backends.document_split import split_by_graph
from graph.backends.http import READ_CHUNK, HttpStore, form_body, short_message
from graph.backends.store_server import FORM, N_TRIPLES, RESULTS_JSON, WRITTEN, StoreServer
from graph.backends.values import pattern_bindings, solution_quads

CANCELLED = b"The SPARQL operation has been cancelled"
N_QUADS = "application/n-quads"
MEDIA_TYPES = {
    RdfFormat.N_TRIPLES: N_TRIPLES,
    RdfFormat.N_QUADS: N_QUADS,
    RdfFormat.TURTLE: "text/turtle",
}
REQUEST_BYTES = 32 << 20  # new documents sent in one transaction, at most this much N-Quads


class OxigraphServer(StoreServer):
    name = "Oxigraph server"
    backup_tools = "oxigraph backup / dump"
    union_parameter = True

    def __init__(self, url: str, host: str, port: int, timeout: float | None = None) -> None:
        super().__init__(url, HttpStore(url, host, port, timeout))

    @classmethod
    def open(cls, url: str, host: str, port: int) -> OxigraphServer:
        """Connect, and check that an Oxigraph server answers there."""
        server = cls(url, host, port)
        try:
            server._expect("/query", b"boolean")
        except BaseException:
            server.close()
            raise
        return server

    # -- reading -------------------------------------------------------------------------

    def query(self, sparql: str, options: QueryOptions) -> QueryResult:
        text, params = self._request(sparql, options)
        accept = f"{RESULTS_JSON}, {N_TRIPLES};q=0.9"
        status, media, data = self.http.fetch(
            "POST",
            "/query",
            params,
            body=form_body({"query": text}),
            headers={**FORM, "Accept": accept},
        )
        if status == 400:
            raise SyntaxError(short_message(data))
        self._check(status, data, "failed")
        if data.rstrip().endswith(CANCELLED):
            raise self._timed_out()
        return self._answer(media, data)

    def quads_for_pattern(self, pattern: QuadPattern) -> Iterator[Quad]:
        if isinstance(pattern.graph, DefaultGraph):
            where = "?s ?p ?o"
        elif pattern.graph is None:
            where = "{ ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } }"
        else:
            where = "GRAPH ?g { ?s ?p ?o }"
        bindings = pattern_bindings(pattern)
        found = self.query(
            f"SELECT ?s ?p ?o ?g WHERE {{ {where} }}", QueryOptions(bindings, union=False)
        )
        yield from solution_quads(found)

    def named_graphs(self) -> list[NamedNode | BlankNode]:
        found = self.query("SELECT ?g WHERE { GRAPH ?g {} }", QueryOptions(union=False))
        assert isinstance(found, QuerySolutions)
        return [g for row in found if isinstance(g := row["g"], NamedNode | BlankNode)]

    def count(self) -> int:
        found = self.query(
            "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }",
            QueryOptions(union=False),
        )
        assert isinstance(found, QuerySolutions)
        row = next(iter(found))
        return int(row["n"].value) if row["n"] is not None else 0

    def dump(self, output: Any, format_: RdfFormat, graph: GraphName | None) -> None:
        params: dict[str, str | list[str]] = {}
        if isinstance(graph, DefaultGraph):
            params["default"] = ""
        elif isinstance(graph, NamedNode):
            params["graph"] = graph.value
        elif graph is not None:
            raise StoreError(f"a store server cannot dump the blank-node graph {graph}")
        media = MEDIA_TYPES.get(format_)
        if media is None:
            raise StoreError(f"cannot dump {format_} from a store server")
        with self.http.request("GET", "/store", params, headers={"Accept": media}) as response:
            if response.status != 200:
                raise StoreError(f"the store at {self.location} cannot dump: {response.status}")
            while chunk := response.read(READ_CHUNK):
                output.write(chunk)

    # -- writing -------------------------------------------------------------------------

    def write_documents(self, documents: list[DocumentWrite], existing: set[str]) -> None:
        fresh = [d for d in documents if d.graph not in existing]
        for batch in _bounded(fresh):  # new documents: whole, with their entities, at once
            self._post_dataset(b"".join(d.nquads + d.commit for d in batch))
        replaced = [d for d in documents if d.graph in existing]
        if not replaced:
            return
        own, shared = split_by_graph(replaced)
        for graph, ntriples in shared.items():  # entities first: a document never shows without
            self._send("POST", graph, ntriples)
        for graph, ntriples in own.items():  # each document at once, replacing an earlier one
            self._send("PUT", graph, ntriples)

    def replace_graph(self, graph: NamedNode, quads: Iterable[Quad]) -> None:
        triples = [Triple(q.subject, q.predicate, q.object) for q in quads]
        self._send("PUT", graph.value, serialize(triples, format=RdfFormat.N_TRIPLES) or b"")

    def remove_graph(self, graph: NamedNode) -> None:
        status, _, _ = self.http.fetch("DELETE", "/store", {"graph": graph.value})
        if status not in (200, 204, 404):
            raise StoreError(f"the store at {self.location} cannot remove {graph.value}: {status}")

    def _post_dataset(self, nquads: bytes) -> None:
        """Add N-Quads in one request, which the server applies in one transaction (a body
        that fails midway adds nothing)."""
        status, _, data = self.http.fetch(
            "POST", "/store", {}, body=nquads, headers={"Content-Type": N_QUADS}
        )
        self._check(status, data, "refused to add documents", WRITTEN)

    def _send(self, method: str, graph: str, body: bytes) -> None:
        status, _, data = self.http.fetch(
            method, "/store", {"graph": graph}, body=body, headers={"Content-Type": N_TRIPLES}
        )
        self._check(status, data, f"refused to write {graph}", WRITTEN)


def _bounded(documents: list[DocumentWrite]) -> Iterator[list[DocumentWrite]]:
    """Whole documents in runs of at most ``REQUEST_BYTES`` of N-Quads (one document more
    when it alone is larger), so that no request holds a whole large batch in memory twice."""
    run: list[DocumentWrite] = []
    size = 0
    for doc in documents:
        length = len(doc.nquads) + len(doc.commit)
        if run and size + length > REQUEST_BYTES:
            yield run
            run, size = [], 0
        run.append(doc)
        size += length
    if run:
        yield run


__all__ = ["CANCELLED", "OxigraphServer"]
