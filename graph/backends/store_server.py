"""What the two store servers (:mod:`graph.backends.oxigraph_server`,
:mod:`graph.backends.virtuoso`) share: the handshake that finds the server, the SPARQL
protocol's dataset parameters, how an answer is checked and parsed, and the calls a server
answers by doing nothing (it writes and optimises on its own) or by refusing (a backup).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from pyoxigraph import (
    Quad,
    QueryResultsFormat,
    RdfFormat,
    Store,
    Triple,
    parse,
    parse_query_results,
)

from graph.backends import QueryOptions, QueryResult, StoreError, StoreTimeoutError
from graph.backends.http import HttpStore, short_message
from graph.backends.values import bound_query

RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
WRITTEN = (200, 201, 204)  # what a Graph Store write answers when it took the data


class StoreServer:
    """The part of a store server's backend that does not depend on the server's make."""

    name = "store server"
    """The server as a message names it (``Oxigraph server``)."""
    backup_tools = ""
    """How to back the server up, named when :meth:`backup` refuses."""
    union_parameter = False
    """The server takes Oxigraph's ``union-default-graph`` (a union default graph on request)."""

    def __init__(self, url: str, http: HttpStore) -> None:
        self.location = url
        self.http = http

    def _expect(self, path: str, marker: bytes) -> None:
        """Ask ``ASK {}`` at ``path``; an answer without ``marker`` is no server of this make."""
        status, _, body = self.http.fetch(
            "GET", path, {"query": "ASK {}"}, headers={"Accept": RESULTS_JSON}
        )
        if status != 200 or marker not in body:
            raise StoreError(f"no {self.name} at {self.location} (it answered HTTP {status})")

    def _request(
        self, sparql: str, options: QueryOptions
    ) -> tuple[str, dict[str, str | list[str]]]:
        """The query's text (values bound, the base IRI declared) and its dataset parameters."""
        text = bound_query(sparql, options.substitutions or {})
        if options.base_iri is not None:
            text = f"BASE <{options.base_iri}>\n{text}"
        params: dict[str, str | list[str]] = {}
        if options.default_graphs is not None:
            params["default-graph-uri"] = [g.value for g in options.default_graphs]
        elif self.union_parameter and options.union:
            params["union-default-graph"] = ""
        if options.named_graphs is not None:
            params["named-graph-uri"] = [g.value for g in options.named_graphs]
        return text, params

    def _check(self, status: int, data: bytes, failed: str, ok: Iterable[int] = (200,)) -> None:
        """A :class:`StoreError` unless ``status`` is one of ``ok``: the store ``failed``
        (``refused to write IRI``), with the start of its answer."""
        if status not in ok:
            raise StoreError(
                f"the store at {self.location} {failed}: HTTP {status}: {short_message(data)}"
            )

    def _timed_out(self) -> StoreTimeoutError:
        return StoreTimeoutError(
            f"the store at {self.location} stopped the query at its time limit"
        )

    def _answer(
        self, media: str, data: bytes, standard: Callable[[bytes], bytes] | None = None
    ) -> QueryResult:
        """A whole answer parsed: N-Triples as a graph answer, else JSON results (first put
        right by ``standard``); a cut-off or garbled answer is never passed on."""
        try:
            if media.startswith(N_TRIPLES):
                return as_query_triples(parse(data, format=RdfFormat.N_TRIPLES))
            json = data if standard is None else standard(data)
            return parse_query_results(json, format=QueryResultsFormat.JSON)
        except SyntaxError as error:
            raise StoreError(
                f"the store at {self.location} sent a broken answer: {error}"
            ) from None

    def flush(self) -> None:
        """Nothing to do: the server has written each request when it answers."""

    def optimize(self) -> None:
        """Nothing to do: the server manages its own storage."""

    def close(self) -> None:
        self.http.close()

    def backup(self, target: Path) -> None:
        raise StoreError(
            f"back up the {self.name} at {self.location} with its own tools "
            f"({self.backup_tools}), not into {target}"
        )


def as_query_triples(triples: Iterable[Triple]) -> QueryResult:
    """Triples as pyoxigraph's own graph answer, through a throwaway in-memory store."""
    scratch = Store()
    scratch.extend(Quad(t.subject, t.predicate, t.object) for t in triples)
    return scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")


__all__ = [
    "FORM",
    "N_TRIPLES",
    "RESULTS_JSON",
    "WRITTEN",
    "StoreServer",
    "as_query_triples",
]
