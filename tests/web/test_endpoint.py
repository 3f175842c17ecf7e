"""The endpoint's small decisions, without a server (the whole is in test_endpoint_e2e.py)."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest

from sparql.limits import Limits
from sparql.service_description import Description
from sparql.store_state import State
from sparql.worker_pool import WorkerPool
from web.endpoint import (
    EXPOSE,
    TEXT,
    VARY,
    EndpointState,
    HtmlPage,
    Message,
    Receive,
    Scope,
    Send,
    SparqlEndpoint,
    _endpoint_url,
    _validators,
    _wants_html,
)
from web.openapi import sparql_paths


@pytest.mark.parametrize(
    ("accept", "html"),
    [
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", True),
        ("text/turtle, text/html;q=0.5", False),
        ("*/*", False),
        (None, False),
        ("text/html;q=0", False),
        ("application/ld+json;q=0.9, text/html", True),
    ],
)
def test_who_gets_the_html_page(accept: str | None, html: bool) -> None:
    assert _wants_html(accept) is html


def test_validators_are_weak_and_name_the_representation() -> None:
    modified = dt.datetime(2020, 3, 1, 10, 0, 5, tzinfo=dt.UTC)
    headers = dict(_validators(State("abc", modified), "json-gz"))
    assert headers[b"etag"] == b'W/"abc-json-gz"'
    assert headers[b"last-modified"] == b"Sun, 01 Mar 2020 10:00:05 GMT"


def test_the_endpoint_address_comes_from_the_host_header() -> None:
    scope = {"scheme": "https", "path": "/sparql", "root_path": ""}
    url = _endpoint_url(scope, {b"host": b"example.org"})
    assert url == "https://example.org/sparql"


def test_openapi_lists_every_status_a_client_may_see() -> None:
    responses = sparql_paths()["/sparql"]["get"]["responses"]
    assert {"200", "400", "403", "406", "413", "414", "415", "422", "503"} <= set(responses)


# The endpoint as a plain ASGI handler, over a pool that is never started: every answer below
# is given before a query would reach a worker.


def _endpoint(*, page: HtmlPage | None = None, max_request_bytes: int = 1 << 20) -> SparqlEndpoint:
    limits = Limits(workers=1, max_request_bytes=max_request_bytes).resolved()
    pool = WorkerPool(Path("never-opened"), limits)
    return SparqlEndpoint(EndpointState(pool, Description(limits, sandboxed=True), page))


def _call(
    endpoint: SparqlEndpoint,
    method: str,
    query_string: bytes = b"",
    headers: list[tuple[bytes, bytes]] | None = None,
    body: bytes = b"",
) -> list[Message]:
    sent: list[Message] = []
    scope = {
        "type": "http", "method": method, "scheme": "http", "path": "/sparql", "root_path": "",
        "query_string": query_string, "headers": [(b"host", b"example.org"), *(headers or [])],
    }  # fmt: skip

    async def receive() -> Message:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(endpoint(scope, receive, send))
    return sent


def _text(status: int, message: bytes) -> list[Message]:
    body = message + b"\n"
    headers = [(b"content-length", str(len(body)).encode()), (b"content-type", TEXT)]
    return [
        {"type": "http.response.start", "status": status, "headers": headers},
        {"type": "http.response.body", "body": body},
    ]


def test_a_preflight_is_answered_with_what_the_endpoint_allows() -> None:
    asked = [(b"origin", b"https://example.net"), (b"access-control-request-headers", b"X-A")]
    sent = _call(_endpoint(), "OPTIONS", headers=asked)
    assert sent == [
        {
            "type": "http.response.start",
            "status": 204,
            "headers": [
                (b"content-length", b"0"),
                (b"allow", b"GET, HEAD, POST, OPTIONS"),
                (b"access-control-allow-origin", b"*"),
                (b"access-control-allow-methods", b"GET, HEAD, POST, OPTIONS"),
                (b"access-control-allow-headers", b"X-A"),
                (b"access-control-max-age", b"86400"),
                (b"access-control-allow-origin", b"*"),
                EXPOSE,
            ],
        },
        {"type": "http.response.body", "body": b""},
    ]


def test_errors_before_any_query_runs() -> None:
    endpoint = _endpoint(max_request_bytes=64)
    put = _text(405, b"PUT is not a SPARQL query method; use GET or POST")
    put[0]["headers"].append((b"allow", b"GET, HEAD, POST, OPTIONS"))
    assert _call(endpoint, "PUT") == put
    assert _call(endpoint, "GET", b"query=+") == _text(
        400, b"the query is empty; send a SPARQL query in the query parameter"
    )
    assert _call(endpoint, "GET", b"query=" + b"x" * 64) == _text(
        414, b"the URL is longer than 64 bytes; send the query with POST"
    )
    assert _call(endpoint, "POST", body=b"x" * 65) == _text(
        413, b"the request body is larger than 64 bytes, this endpoint's limit "
        b"(--max-request-bytes)"
    )  # fmt: skip
    form = [(b"content-type", b"application/x-www-form-urlencoded")]
    assert _call(endpoint, "POST", headers=form) == _text(
        400, b"the form has no query parameter; send query=..."
    )


def test_the_service_description_and_its_304() -> None:
    endpoint = _endpoint()
    turtle = [(b"accept", b"text/turtle")]
    etag = (b"etag", b'W/"-sd-p-ttl"')
    body = endpoint.state.service_description("http://example.org/sparql", "ttl")
    assert _call(endpoint, "GET", headers=turtle) == [
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [
                (b"content-length", str(len(body)).encode()),
                (b"content-type", b"text/turtle; charset=utf-8"),
                (b"vary", b"Accept"),
                (b"cache-control", b"no-cache"),
                etag,
            ],
        },
        {"type": "http.response.body", "body": body},
    ]
    assert _call(endpoint, "GET", headers=[*turtle, (b"if-none-match", etag[1])]) == [
        {
            "type": "http.response.start",
            "status": 304,
            "headers": [(b"content-length", b"0"), VARY, etag],
        },
        {"type": "http.response.body", "body": b""},
    ]


def test_the_query_page_answers_a_browser_itself() -> None:
    shown: list[bytes] = []

    async def page(scope: Scope, receive: Receive, send: Send) -> None:
        shown.append(scope["query_string"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"<!doctype html>"})

    browser = [(b"accept", b"text/html")]
    endpoint = _endpoint(page=page)
    for query_string in (b"", b"query=ASK+%7B%7D"):
        assert _call(endpoint, "GET", query_string, browser) == [
            {"type": "http.response.start", "status": 200, "headers": []},
            {"type": "http.response.body", "body": b"<!doctype html>"},
        ]
    assert shown == [b"", b"query=ASK+%7B%7D"]
