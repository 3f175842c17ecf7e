"""The guard refuses SERVICE and updates in code, never in text; a differential test checks it
against Oxigraph itself: any query that makes pyoxigraph open a connection must be refused."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, Quad, QueryBoolean, Store

from sparql.guard import RefusedError, inspect


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?service WHERE { ?service ?p ?o }",
        "PREFIX ex: <http://example.org/> SELECT * WHERE { ?s ex:service ?o }",
        'SELECT * WHERE { ?s ?p "SERVICE <http://evil/> {}" }',
        "SELECT * WHERE { ?s ?p '''\nSERVICE\n''' }",
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://evil/> {}",
        "SELECT * WHERE { <http://service.example/SERVICE> ?p ?o }",
        "SELECT * WHERE { ?s ?p ?o FILTER(CONTAINS(?o, 'insert into')) }",
        "SELECT ?address ?download WHERE { ?address ?p ?download }",
    ],
)
def test_text_that_only_looks_dangerous_passes(query: str) -> None:
    assert inspect(query).form == "SELECT"


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }",
        "select * where { service silent <http://x/> { ?s ?p ?o } }",
        "SELECT * WHERE { ?a ?b 1SERVICE <http://x/> { } }",
        "SELECT * WHERE { ?a ?b trueSERVICE <http://x/> { } }",
        "SELECT * WHERE { ?a ?b ?c .SERVICE<http://x/>{} }",
        "PREFIX ex: <http://e/> SELECT * WHERE { ?a ?b ex:a\\# . SERVICE <http://x/> {} }",
        "SELECT * WHERE { ?a ?b <http://c/>SERVICE <http://x/> {} }",
        "PREFIX : <http://x/> SELECT * WHERE { SERVICE:x{} }",
        "SELECT * WHERE { BIND(<http://x/> AS ?u) SERVICE ?u { } }",
    ],
)
def test_service_in_code_is_refused(query: str) -> None:
    with pytest.raises(RefusedError) as refused:
        inspect(query)
    assert refused.value.status == 403
    assert "SERVICE" in refused.value.message


@pytest.mark.parametrize(
    "query",
    [
        "INSERT DATA { <http://a> <http://b> <http://c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://x/>",
        "CLEAR ALL",
        "DROP GRAPH <http://g/>",
        "PREFIX ex: <http://e/> WITH <http://g/> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_updates_are_refused_with_their_keyword(query: str) -> None:
    with pytest.raises(RefusedError, match="read-only"):
        inspect(query)


@pytest.mark.parametrize(
    ("query", "form"),
    [
        ("PREFIX a: <http://x/> ASK { ?s ?p ?o }", "ASK"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("BASE <http://x/> DESCRIBE <a>", "DESCRIBE"),
        ("# SELECT\nask {}", "ASK"),
        ("nonsense", None),
    ],
)
def test_the_query_form_is_found(query: str, form: str | None) -> None:
    assert inspect(query).form == form


hidden = st.sampled_from(
    [
        '"{}"',
        "'{}'",
        '"""{}"""',
        "<http://e/{}>",
        "?{}",
        "ex:{}",
        "# {}\n",
    ]
)


@settings(deadline=None)
@given(hidden, st.sampled_from(["SERVICE", "service", "Service", "INSERT", "load"]))
def test_keywords_hidden_in_text_never_trip(wrapper: str, keyword: str) -> None:
    query = "PREFIX ex: <http://e/> SELECT * WHERE { ?s ?p ?o } " + wrapper.format(keyword)
    assert inspect(query).form == "SELECT"


# -- differential: pyoxigraph against a listening socket ----------------------------------


@pytest.fixture(scope="module")
def listener() -> Iterator[tuple[str, list[int]]]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    seen: list[int] = []

    def accept() -> None:
        while True:
            try:
                connection, _ = server.accept()
            except OSError:
                return
            seen.append(1)
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/", seen
    server.close()


@pytest.fixture(scope="module")
def data_store() -> Store:
    """Data that the patterns before a SERVICE call match, so that the call is made."""
    store = Store()
    a, b = NamedNode("http://a/"), NamedNode("http://b/")
    xsd = "http://www.w3.org/2001/XMLSchema#"
    for value in (
        Literal("1", datatype=NamedNode(xsd + "integer")),
        Literal("true", datatype=NamedNode(xsd + "boolean")),
        NamedNode("http://e/a"),
        NamedNode("http://e/a#"),
        Literal("x"),
    ):
        store.add(Quad(a, b, value))
    return store


BEFORE = [
    "",
    "?a ?b 1",
    "?a ?b true",
    "?a ?b ex:a",
    "?a ?b ex:a\\#",
    "?a ?b ?c .",
    "?a ?b ?c",
    "?a ?b <http://e/a>",
    "?a ?b 'x'",
    '?a ?b "x"',
    "{}",
    "VALUES ?v {1}",
    "# note\n",
    "FILTER(1<2)",
]
SEPARATORS = ["", " ", "\n", "\t", ".", "#\n", " . "]
SPELLINGS = ["SERVICE", "service", "SeRvIcE", "SERVICE SILENT"]
TARGETS = ["<{url}>", "?u", ":x"]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    before=st.sampled_from(BEFORE),
    gap=st.sampled_from(SEPARATORS),
    spelling=st.sampled_from(SPELLINGS),
    gap2=st.sampled_from(SEPARATORS),
    target=st.sampled_from(TARGETS),
)
def test_whatever_makes_oxigraph_connect_is_refused(
    *,
    listener: tuple[str, list[int]],
    data_store: Store,
    before: str,
    gap: str,
    spelling: str,
    gap2: str,
    target: str,
) -> None:
    url, seen = listener
    prologue = f"PREFIX ex: <http://e/> PREFIX : <{url}> SELECT * WHERE {{ BIND(<{url}> AS ?u) "
    query = prologue + before + gap + spelling + gap2 + target.format(url=url) + "{ } }"
    count = len(seen)
    try:
        result = data_store.query(query)
        if not isinstance(result, QueryBoolean):
            list(result)  # type: ignore[call-overload]
    except (SyntaxError, OSError, RuntimeError, ValueError):
        pass
    connected = _wait_for_connection(seen, count)
    if connected:
        with pytest.raises(RefusedError):
            inspect(query)


def _wait_for_connection(seen: list[int], count: int) -> bool:
    for _ in range(8):
        if len(seen) > count:
            return True
        threading.Event().wait(0.005)
    return len(seen) > count
