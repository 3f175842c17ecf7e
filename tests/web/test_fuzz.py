"""Nothing a client sends makes the endpoint answer 5xx: hypothesis builds requests from
SPARQL fragments, hostile text and random bytes, and sends them to the real server."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.web.conftest import Server

pytestmark = pytest.mark.slow

FRAGMENTS = [
    "SELECT", "ASK", "CONSTRUCT", "DESCRIBE", "WHERE", "{", "}", "?s", "?p", "?o", "*", ".",
    "<http://x/>", "<", ">", "rg:", "PREFIX rg: <https://w3id.org/referatgraf/def#>", "a",
    "rg:Meeting", "FILTER(", ")", "'", '"', '"""', "#", "\n", "\\", "SERVICE", "INSERT", "LIMIT",
    "1", "OPTIONAL", "UNION", "GRAPH", "BIND(", "AS", "COUNT(", "GROUP BY", "ORDER BY", "VALUES",
    "FROM", "NAMED", "BASE", "\x00", "æøå", "\ud7ff", "%", "&", "=", "+", "$x", "_:b",
]  # fmt: skip
queries = st.lists(st.sampled_from(FRAGMENTS), max_size=25).map(" ".join) | st.text(max_size=200)
graph_uris = st.lists(st.sampled_from(["http://g/", "", "not an iri", "urn:x", "<x>"]), max_size=2)
content_types = st.sampled_from(
    [
        None,
        "application/sparql-query",
        "application/x-www-form-urlencoded",
        "application/sparql-query; charset=latin-1",
        "text/plain",
        "multipart/form-data",
        "application/sparql-update",
        ";;;",
    ]
)
accepts = st.sampled_from(
    [None, "*/*", "text/html", "image/png", "text/csv;q=0", "application/ld+json", ",,;q=x", "*/"]
)
formats = st.lists(
    st.sampled_from(["json", "xml", "ttl", "csv", "yaml", "", "text/turtle"]), max_size=2
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    method=st.sampled_from(["GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"]),
    query=queries,
    defaults=graph_uris,
    named=graph_uris,
    format_values=formats,
    content_type=content_types,
    accept=accepts,
    raw_body=st.one_of(st.none(), st.binary(max_size=300)),
    in_body=st.booleans(),
)
def test_no_request_gets_a_5xx(
    *,
    server: Server,
    method: str,
    query: str,
    defaults: list[str],
    named: list[str],
    format_values: list[str],
    content_type: str | None,
    accept: str | None,
    raw_body: bytes | None,
    in_body: bool,
) -> None:
    params: list[tuple[str, str]] = [("default-graph-uri", g) for g in defaults]
    params += [("named-graph-uri", g) for g in named] + [("format", f) for f in format_values]
    headers = {}
    if content_type:
        headers["Content-Type"] = content_type
    if accept:
        headers["Accept"] = accept
    body = raw_body
    if body is None and method == "POST":
        body = query.encode("utf-8", "surrogatepass") if in_body else None
    if not in_body or method != "POST":
        params.append(("query", query))
    answer = httpx.request(
        method, server.sparql, params=params, content=body, headers=headers, timeout=30
    )
    assert answer.status_code < 500, (answer.status_code, answer.text)
