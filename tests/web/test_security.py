"""web/security.py: the headers of every response, and minutes full of markup rendered inert.

``data/hostile_minutes.txt`` is minutes in the layout of ``tests/fixtures/layouts`` whose
titles and texts carry ``<script>``, ``<img onerror>``, ``"><svg onload>``, a ``javascript:``
link and an ``<iframe>``, written as character entities: the loader strips tags but decodes
entities, so some of it reaches the graph as text (the test checks that it does)."""

from __future__ import annotations

import asyncio
import json
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from pyoxigraph import Literal, NamedNode, QuerySolutions
from starlette.requests import Request

from graph.location import index_path_for
from graph.uris import DEFAULT_BASE
from sparql.query_worker import store_state
from sparql.store_state import CurrentState
from tests.conftest import referatgraf
from tests.sparql.rdf import parse_rdf
from tests.web.conftest import Server
from web import resources
from web.pages.generic import generic_page
from web.query_page import CONTENT_SECURITY_POLICY as QUERY_PAGE_POLICY
from web.render import render_page
from web.security import CONTENT_SECURITY_POLICY, SecurityHeaders
from web.site_readers import Site

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile_minutes.txt"
MARKUP = """
SELECT DISTINCT ?s WHERE {
  ?s ?p ?text FILTER(isLiteral(?text) && CONTAINS(STR(?text), "alert("))
  FILTER(?p != <https://w3id.org/referatgraf/def#normalisedText>)
} ORDER BY ?s
"""


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("hostile") / "store"
    ran = referatgraf("load", "--store", store, HOSTILE)
    assert ran.code == 0, ran.out + ran.err
    return store


@pytest.fixture(scope="module")
def site(hostile_store: Path) -> Site:
    return Site(
        base=DEFAULT_BASE, store_path=hostile_store, index_path=index_path_for(hostile_store)
    )


@pytest.fixture(scope="module")
def marked(site: Site) -> list[str]:
    """The resources with a text that still holds markup after loading."""
    solutions = site.store().query(MARKUP)
    assert isinstance(solutions, QuerySolutions)
    return [row["s"].value for row in solutions]


def app_over(site: Site) -> FastAPI:
    app = FastAPI()
    resources.install(app, site, CurrentState(lambda: store_state(site.store()), ttl=None))
    app.add_middleware(SecurityHeaders)
    return app


def get(app: FastAPI, path: str, accept: str = "text/html") -> httpx.Response:
    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get(path, headers={"Accept": accept})

    return asyncio.run(send())


class Inert(HTMLParser):
    """Collects what a browser would run: scripts, event handlers, javascript: URLs, frames."""

    def __init__(self) -> None:
        super().__init__()
        self.active: list[str] = []
        self.text: list[str] = []
        self.json_blocks: list[str] = []
        self._json = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self._json = tag == "script" and found.get("type") == "application/ld+json"
        if tag == "script" and not self._json:
            self.active.append(f"<script> {found}")
        if tag in {"iframe", "svg", "img", "object", "embed", "base"}:
            self.active.append(f"<{tag}> {found}")
        for name, value in attrs:
            if name.startswith("on"):
                self.active.append(f"{name}= on <{tag}>")
            if name in {"href", "src", "action"} and (value or "").lower().startswith(
                "javascript:"
            ):
                self.active.append(f"{name}={value} on <{tag}>")

    def handle_endtag(self, tag: str) -> None:
        self._json = False

    def handle_data(self, data: str) -> None:
        (self.json_blocks if self._json else self.text).append(data)


def assert_inert(html: str) -> Inert:
    page = Inert()
    page.feed(html)
    page.close()
    assert page.active == []
    for block in page.json_blocks:
        assert "<" not in block
        json.loads(block)
    return page


def test_the_loader_lets_some_markup_through_as_text(site: Site, marked: list[str]) -> None:
    texts = {
        q.object.value
        for iri in marked
        for q in site.store().quads_matching(NamedNode(iri), None, None)
        if isinstance(q.object, Literal)
    }
    joined = "\n".join(texts)
    assert "<script>alert(4)</script>" in joined
    assert '<a href="javascript:alert(5)">' in joined
    assert len(marked) >= 3


def test_the_generic_page_shows_markup_as_text(site: Site, marked: list[str]) -> None:
    request = Request({"type": "http", "method": "GET", "path": "/", "headers": [],
                       "query_string": b""})  # fmt: skip
    shown = 0
    for iri in marked:
        response = render_page(request, generic_page(site, iri, 1), iri=iri)
        body = bytes(response.body).decode()
        page = assert_inert(body)
        if "<script>alert(4)</script>" in " ".join(page.text):
            assert "&lt;script&gt;alert(4)&lt;/script&gt;" in body
            shown += 1
    assert shown >= 1


def test_every_page_of_a_resource_with_markup_is_inert(site: Site, marked: list[str]) -> None:
    app = app_over(site)
    for iri in marked:
        response = get(app, "/" + iri.removeprefix(DEFAULT_BASE))
        assert response.status_code == 200, iri
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert_inert(response.text)


def test_the_turtle_keeps_the_text_as_data(site: Site, marked: list[str]) -> None:
    app = app_over(site)
    for iri in marked:
        response = get(app, "/" + iri.removeprefix(DEFAULT_BASE) + ".ttl")
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["content-type"] == "text/turtle; charset=utf-8"
        assert "content-security-policy" not in response.headers
        graph = parse_rdf(response.content, "turtle")
        assert any("alert(" in str(o) for o in graph.objects())


@pytest.mark.parametrize("path", ["/kommune/lejre", "/def", "/kommune/atlantis", "/dumps/", "/"])
def test_html_pages_get_the_strict_policy(server: Server, path: str) -> None:
    response = httpx.get(server.url + path, headers={"Accept": "text/html"})
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert response.headers["x-frame-options"] == "DENY"


def test_the_query_page_keeps_its_own_policy(server: Server) -> None:
    response = httpx.get(server.url + "/sparql", headers={"Accept": "text/html"})
    assert response.headers["content-security-policy"] == QUERY_PAGE_POLICY


def test_the_policy_allows_no_script_and_nothing_from_elsewhere() -> None:
    directives = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert directives == {
        "default-src": "'none'",
        "style-src": "'self'",
        "img-src": "'self' data:",
        "form-action": "'self'",
        "base-uri": "'none'",
        "frame-ancestors": "'none'",
    }


def test_other_responses_get_nosniff_and_a_referrer_policy(server: Server) -> None:
    response = httpx.get(server.url + "/kommune/lejre.jsonld")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "content-security-policy" not in response.headers
