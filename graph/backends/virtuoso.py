"""OpenLink Virtuoso 7 as the store (``--store virtuoso+http://HOST:PORT``): SPARQL at
``/sparql`` (reads) and ``/sparql-auth`` (updates, Digest login), the Graph Store Protocol at
``/sparql-graph-crud-auth``.

Virtuoso's quirks, each handled here (see ``docs/deployment.md`` for the server's settings):

- a query is sent as a form POST: a POST of ``application/sparql-query`` hangs the server;
- its default graph is the union of every graph, its own system graphs too; the store's own
  reads (graphs, counts, quads, dumps) leave those out, and the staging graph with them, by
  name. (Virtuoso's ``define input:default-graph-exclude`` would hide them from every query,
  but with it, or with any default graph named, 7.2.5 answers ``ASK`` and ``COUNT`` over
  ``GRAPH <iri>`` wrongly: true and 1 where nothing matches.) A query sent to the endpoint
  sees the system graphs in its default graph, as on any Virtuoso;
- an answer stopped at the time limit is an HTTP 200 like a whole one, marked only by the header
  ``X-SQL-State: S1TAT``: it raises :class:`~graph.backends.StoreTimeoutError`;
- its JSON results write blank nodes as ``nodeID://b1``, booleans as ``1``/``0`` and an ASK
  answer as a one-column SELECT (``__ASK_RETVAL``): these are put right before parsing;
- Graph Store writes are not atomic (the old graph is cleared first) and a large one can
  deadlock: a document is written in bounded chunks into a staging graph that no reader sees,
  then made visible whole by one SPARQL ``MOVE``; a load cut off midway leaves at most a
  staging graph, which the store's reads never show and which is cleared when the store is
  next opened for writing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from typing import Any

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    NamedNode,
    Quad,
    QuerySolutions,
    RdfFormat,
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
from graph.backends.digest import Digest
from graph.backends.document_split import split_by_graph
from graph.backends.http import HttpStore, form_body, short_message
from graph.backends.store_server import FORM, N_TRIPLES, RESULTS_JSON, WRITTEN, StoreServer
from graph.backends.values import pattern_bindings, query_form, solution_quads
from graph.uris import STAGING_GRAPH
from ontology.vocabularies import XSD

USER_ENV = "REFERATGRAF_STORE_USER"
PASSWORD_ENV = "REFERATGRAF_STORE_PASSWORD"  # noqa: S105  (the name of a variable)
TIMED_OUT = "S1TAT"
# Virtuoso's own graphs in a new database (its RDF views, LDP and the service description);
# any other graph under these prefixes, found when the store is opened, is left out too
SYSTEM_GRAPHS = (
    "http://www.openlinksw.com/schemas/virtrdf#",
    "http://www.w3.org/ns/ldp#",
    "http://localuriqaserver/sparql",
)
SYSTEM_PREFIXES = (
    "http://www.openlinksw.com/",
    "http://localuriqaserver/",
    "http://localhost:8890/",
)
CHUNK_TRIPLES = 20_000  # one Graph Store write: ~3 MB of N-Triples, far below what deadlocks
_BNODE = re.compile(rb'("type": "bnode", "value": ")nodeID://')
_BOOLEAN = re.compile(
    rb'("datatype": "' + re.escape(XSD.boolean.encode()) + rb'", "value": ")([01])"'
)
_ASK = b'"vars": ["__ASK_RETVAL"]'


def store_login() -> Digest | None:
    """The login for writes: ``$REFERATGRAF_STORE_USER`` and ``$REFERATGRAF_STORE_PASSWORD``."""
    user, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
    return Digest(user, password) if user and password is not None else None


class VirtuosoServer(StoreServer):
    name = "Virtuoso server"
    backup_tools = "backup_online, or a checkpoint and a copy of its database"

    def __init__(
        self, url: str, host: str, port: int, login: Digest | None, timeout_ms: int | None = None
    ) -> None:
        super().__init__(url, HttpStore(url, host, port))
        self.login = login
        self.timeout_ms = timeout_ms
        """Virtuoso's ``timeout`` for each query, in milliseconds (``None``: the server's own)."""
        self.hidden = [*SYSTEM_GRAPHS, STAGING_GRAPH]
        self._staging_empty = False  # known empty once cleared, and after each MOVE

    @classmethod
    def open(
        cls, url: str, host: str, port: int, *, writing: bool, timeout_ms: int | None = None
    ) -> VirtuosoServer:
        """Connect, check that Virtuoso answers there, and find its system graphs; to write,
        also log in and clear a staging graph that a cut-off load left behind."""
        server = cls(url, host, port, store_login(), timeout_ms)
        try:
            server._expect("/sparql", b"__ASK_RETVAL")
            found = server._select_graphs(
                f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {server._shown()} }}"
            )
            server.hidden += [
                g for g in found if g.startswith(SYSTEM_PREFIXES) and g not in server.hidden
            ]
            if writing:
                server._login()  # a load without a login stops before it reads a file
                server.update(f"DROP SILENT GRAPH <{STAGING_GRAPH}>")
                server._staging_empty = True
        except BaseException:
            server.close()  # no connection left open behind an error
            raise
        return server

    # -- reading -------------------------------------------------------------------------

    def query(self, sparql: str, options: QueryOptions) -> QueryResult:
        return self._read(*self._request(sparql, options))

    def _shown(self) -> str:
        """A filter on ``?g`` that leaves out Virtuoso's system graphs and the staging graph."""
        return f"FILTER(?g NOT IN ({', '.join(f'<{g}>' for g in self.hidden)}))"

    def _read(self, text: str, params: dict[str, str | list[str]]) -> QueryResult:
        fields = {"query": text}
        if self.timeout_ms is not None:
            fields["timeout"] = str(self.timeout_ms)
        # Virtuoso takes the first type it knows of the Accept header, whatever its q
        graph = query_form(text) in ("construct", "describe")
        headers = {**FORM, "Accept": N_TRIPLES if graph else RESULTS_JSON}
        with self.http.request(
            "POST", "/sparql", params, body=form_body(fields), headers=headers
        ) as response:
            data = response.read()
            status, media = response.status, response.getheader("Content-Type") or ""
            state = response.getheader("X-SQL-State") or ""
        if state == TIMED_OUT or (status != 200 and b"S1TAT" in data[:2000]):
            raise self._timed_out()
        if status == 400 or (status != 200 and b"SPARQL compiler" in data[:2000]):
            raise SyntaxError(short_message(data))
        self._check(status, data, "failed")
        return self._answer(media, data, _standard_json)

    def _select_graphs(self, text: str) -> list[str]:
        found = self._read(text, {})
        assert isinstance(found, QuerySolutions)
        return [g.value for row in found if isinstance(g := row["g"], NamedNode)]

    def quads_for_pattern(self, pattern: QuadPattern) -> Iterator[Quad]:
        if isinstance(pattern.graph, DefaultGraph):  # every triple of Virtuoso is in a named graph
            return
        bindings = pattern_bindings(pattern)
        found = self.query(
            f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._shown()} }}",
            QueryOptions(bindings, union=False),
        )
        yield from solution_quads(found)

    def named_graphs(self) -> list[NamedNode | BlankNode]:
        graphs = self._select_graphs(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._shown()} }}"
        )
        return [NamedNode(g) for g in graphs]

    def count(self) -> int:
        found = self.query(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {self._shown()} }}",
            QueryOptions(union=False),
        )
        assert isinstance(found, QuerySolutions)
        row = next(iter(found), None)
        return int(row["n"].value) if row is not None and row["n"] is not None else 0

    def dump(self, output: Any, format_: RdfFormat, graph: GraphName | None) -> None:
        if isinstance(graph, DefaultGraph):
            return  # no triple is outside a named graph
        if isinstance(graph, BlankNode):
            raise StoreError(f"a store server cannot dump the blank-node graph {graph}")
        if format_ not in (RdfFormat.N_TRIPLES, RdfFormat.N_QUADS):
            raise StoreError(f"cannot dump {format_} from a store server")
        graphs = [graph] if graph is not None else self.named_graphs()
        for name in graphs:
            triples = self.query(
                "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
                QueryOptions(substitutions={"g": name}, union=False),  # type: ignore[dict-item]
            )
            quads = [Quad(t.subject, t.predicate, t.object, name) for t in triples]  # type: ignore[union-attr]
            if format_ == RdfFormat.N_QUADS:
                output.write(serialize(quads, format=RdfFormat.N_QUADS) or b"")
            else:
                output.write(
                    serialize([q.triple for q in quads], format=RdfFormat.N_TRIPLES) or b""
                )

    # -- writing -------------------------------------------------------------------------

    def write_documents(self, documents: list[DocumentWrite], existing: set[str]) -> None:
        own, shared = split_by_graph(documents)
        for graph, ntriples in shared.items():  # entities first: a document never shows without
            self._post(graph, ntriples)
        for graph, ntriples in own.items():  # each document whole, replacing an earlier one
            self._stage_and_move(graph, ntriples)

    def replace_graph(self, graph: NamedNode, quads: Iterable[Quad]) -> None:
        triples = [q.triple for q in quads]
        self._stage_and_move(graph.value, serialize(triples, format=RdfFormat.N_TRIPLES) or b"")

    def remove_graph(self, graph: NamedNode) -> None:
        self.update(f"DROP SILENT GRAPH <{graph.value}>")

    def _stage_and_move(self, graph: str, ntriples: bytes) -> None:
        if not self._staging_empty:  # a write that failed midway left part of a document
            self.update(f"DROP SILENT GRAPH <{STAGING_GRAPH}>")
        self._staging_empty = False
        self._post(STAGING_GRAPH, ntriples)
        if ntriples:
            self.update(f"MOVE SILENT <{STAGING_GRAPH}> TO <{graph}>")
        else:
            self.update(f"DROP SILENT GRAPH <{graph}>")
        self._staging_empty = True  # MOVE empties the staging graph

    def _post(self, graph: str, ntriples: bytes) -> None:
        """Add N-Triples (one triple a line) to ``graph``, in bounded Graph Store writes."""
        for body in _chunks(ntriples, CHUNK_TRIPLES):
            status, _, data = self.http.fetch(
                "POST",
                "/sparql-graph-crud-auth",
                {"graph-uri": graph},
                body=body,
                headers={"Content-Type": N_TRIPLES},
                auth=self._login(),
            )
            self._check(status, data, f"refused to write {graph}", WRITTEN)

    def update(self, text: str) -> None:
        """Run a SPARQL update (a form POST to ``/sparql-auth``)."""
        status, _, data = self.http.fetch(
            "POST",
            "/sparql-auth",
            body=form_body({"query": text}),
            headers=FORM,
            auth=self._login(),
        )
        self._check(status, data, "refused an update")

    def _login(self) -> Digest:
        if self.login is None:
            raise StoreError(
                f"writing to the Virtuoso server at {self.location} needs a login: set "
                f"${USER_ENV} and ${PASSWORD_ENV}"
            )
        return self.login


def _chunks(ntriples: bytes, lines: int) -> Iterator[bytes]:
    """N-Triples text in runs of at most ``lines`` lines.

    >>> list(_chunks(b"a .\\nb .\\nc .\\n", 2))
    [b'a .\\nb .\\n', b'c .\\n']
    """
    if ntriples.count(b"\n") <= lines:
        if ntriples:
            yield ntriples
        return
    all_lines = ntriples.splitlines(keepends=True)
    for start in range(0, len(all_lines), lines):
        yield b"".join(all_lines[start : start + lines])


def _standard_json(data: bytes) -> bytes:
    """Virtuoso's JSON results as the standard has them: blank nodes without ``nodeID://``,
    booleans as ``true``/``false``, an ASK answer as a boolean."""
    if _ASK in data[:200]:
        answer = b'"value": "1"' in data
        return b'{"head": {}, "boolean": %s}' % (b"true" if answer else b"false")
    data = _BNODE.sub(rb"\1", data)
    return _BOOLEAN.sub(
        lambda m: m.group(1) + (b'true"' if m.group(2) == b"1" else b'false"'), data
    )


__all__ = ["PASSWORD_ENV", "USER_ENV", "VirtuosoServer", "store_login"]
