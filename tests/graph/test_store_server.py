"""graph/backends/store_server.py: what the two store servers share, without a server."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, QuerySolutions, QueryTriples

from graph.backends import QueryOptions, StoreError
from graph.backends.oxigraph_server import OxigraphServer
from graph.backends.virtuoso import VirtuosoServer

A, B = NamedNode("http://example.org/a"), NamedNode("http://example.org/b")


def test_oxigraph_asks_for_the_union_and_virtuoso_does_not() -> None:
    oxigraph = OxigraphServer("http://127.0.0.1:1", "127.0.0.1", 1)
    virtuoso = VirtuosoServer("virtuoso+http://127.0.0.1:1", "127.0.0.1", 1, None)
    options = QueryOptions(substitutions={"x": Literal("1")}, base_iri="http://example.org/")
    text, params = oxigraph._request("SELECT ?x WHERE { }", options)
    assert text == 'BASE <http://example.org/>\nSELECT ?x WHERE {\nVALUES ?x { "1" } }'
    assert params == {"union-default-graph": ""}
    assert virtuoso._request("ASK {}", options)[1] == {}
    named = QueryOptions(default_graphs=[A], named_graphs=[A, B])
    expected = {"default-graph-uri": [A.value], "named-graph-uri": [A.value, B.value]}
    assert oxigraph._request("ASK {}", named) == ("ASK {}", expected)
    assert virtuoso._request("ASK {}", named) == ("ASK {}", expected)


def test_answers_are_parsed_and_broken_ones_refused() -> None:
    server = OxigraphServer("http://127.0.0.1:1", "127.0.0.1", 1)
    json = b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "uri", "value": "http://example.org/a"}}]}}'
    rows = server._answer("application/sparql-results+json", json)
    assert isinstance(rows, QuerySolutions)
    assert [row["x"] for row in rows] == [A]
    graph = server._answer("application/n-triples", f"{A} {A} {B} .\n".encode())
    assert isinstance(graph, QueryTriples)
    assert [(t.subject, t.object) for t in graph] == [(A, B)]
    with pytest.raises(StoreError, match="sent a broken answer"):
        server._answer("application/sparql-results+json", json[:40])


def test_failures_name_the_store_and_the_server() -> None:
    server = VirtuosoServer("virtuoso+http://127.0.0.1:1", "127.0.0.1", 1, None)
    server._check(204, b"", "refused to write g", (200, 201, 204))
    with pytest.raises(
        StoreError, match=r"at virtuoso\+http://127.0.0.1:1 refused an update: HTTP 500: no\. way"
    ):
        server._check(500, b"no.\n  way", "refused an update")
    with pytest.raises(
        StoreError, match=r"back up the Virtuoso server at .* \(backup_online, or a"
    ):
        server.backup(Path("/tmp/x"))
    oxigraph = OxigraphServer("http://127.0.0.1:1", "127.0.0.1", 1)
    with pytest.raises(
        StoreError, match=r"back up the Oxigraph server at .* \(oxigraph backup / dump\)"
    ):
        oxigraph.backup(Path("/tmp/x"))
    assert str(oxigraph._timed_out()) == (
        "the store at http://127.0.0.1:1 stopped the query at its time limit"
    )
