"""The endpoint's small decisions, without a server (the whole is in test_endpoint_e2e.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from sparql.state import State
from web.endpoint import _endpoint_url, _validators, _wants_html
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
