"""Tests for web/query_page.py without a browser: the page as HTML (it must work without
JavaScript), its Content-Security-Policy, and the gallery as JSON.

The app here mounts only the query page, the way the /sparql endpoint's handler uses it; the
whole app with a browser is tests/web/test_query_page_browser.py.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.requests import Request
from starlette.responses import Response

from graph.uris import DEFAULT_BASE
from ontology.namespace import RG
from sparql.gallery import examples
from web.query_page import (
    COLUMN_RESIZER_STYLE_HASH,
    CONTENT_SECURITY_POLICY,
    PREFIXES,
    STATIC_DIR,
    SYNTAX_TOOLTIP_STYLE_HASH,
    render_query_page,
    router,
)

YASGUI_JS = STATIC_DIR / "yasgui" / "yasgui.min.js"
ONTOLOGY_PREFIXES = {
    "rg",
    "rdf",
    "rdfs",
    "xsd",
    "skos",
    "prov",
    "schema",
    "org",
    "foaf",
    "eli",
    "dcterms",
}


class Page(HTMLParser):
    """What a page refers to and runs: resource URLs, scripts, the config block, links."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.resources: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self.links: list[str] = []
        self.textarea = ""
        self.config_text = ""
        self._in: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            self.scripts.append(a)
            self._in = "config" if a.get("id") == "query-config" else None
        if tag in {"script", "img", "iframe"} and a.get("src"):
            self.resources.append(str(a["src"]))
        if tag == "link" and a.get("href"):
            self.resources.append(str(a["href"]))
        if tag == "a" and a.get("href"):
            self.links.append(str(a["href"]))
        if tag == "textarea":
            self._in = "textarea"

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "textarea"}:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "textarea":
            self.textarea += data
        elif self._in == "config":
            self.config_text += data


class AppClient:
    """Requests to an ASGI app in-process (Starlette's own test client wants another httpx)."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        async def request() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                return await client.get(path, **kwargs)

        return asyncio.run(request())


@pytest.fixture(scope="module")
def client() -> AppClient:
    app = FastAPI()
    app.include_router(router)

    @app.get("/sparql")
    def sparql(request: Request) -> Response:
        return render_query_page(request, base=DEFAULT_BASE)

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return AppClient(app)


@pytest.fixture(scope="module")
def page(client: AppClient) -> Page:
    response = client.get("/sparql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    return Page(response.text)


def test_page_is_danish_html_under_a_strict_policy(client: AppClient) -> None:
    response = client.get("/sparql")
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert '<html lang="da">' in response.text
    assert "SPARQL-forespørgsler" in response.text
    policy = dict(d.split(" ", 1) for d in CONTENT_SECURITY_POLICY.split("; "))
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == "'self'"
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert "unsafe-eval" not in CONTENT_SECURITY_POLICY


def test_page_loads_nothing_from_another_site(page: Page) -> None:
    assert page.resources
    for url in page.resources:
        parts = urlsplit(url)
        assert not parts.netloc, url
        assert parts.scheme in {"", "data"}, url


def test_page_has_no_inline_script(page: Page) -> None:
    for script in page.scripts:
        assert script.get("src") or script.get("type") == "application/json", script


def test_page_lists_every_example_with_a_link_that_works_without_javascript(
    client: AppClient,
) -> None:
    response = client.get("/sparql")
    for e in examples():
        assert e.title in response.text
        assert e.description in response.text
        assert f'href="?example={e.name}#editor"' in response.text
        assert f"referatgraf query --example {e.name}" in response.text


def test_the_form_starts_with_the_ontology_prefixes(page: Page) -> None:
    declared = set(re.findall(r"^PREFIX (\w+):", page.textarea, flags=re.MULTILINE))
    assert declared == ONTOLOGY_PREFIXES == set(PREFIXES)
    assert "SELECT" in page.textarea


def test_an_example_opens_in_the_form(client: AppClient) -> None:
    response = client.get("/sparql", params={"example": "flest-moeder"})
    assert response.status_code == 200
    chosen = Page(response.text)
    assert chosen.textarea == next(e.text for e in examples() if e.name == "flest-moeder")
    assert "<title>Hvem deltog i flest møder" in response.text


def test_an_unknown_example_is_a_404_that_still_shows_the_page(client: AppClient) -> None:
    response = client.get("/sparql", params={"example": "findes-ikke"})
    assert response.status_code == 404
    assert "Der er intet eksempel, der hedder" in response.text
    assert "Eksempler" in response.text


def test_the_config_block_completes_from_the_ontology_only(page: Page) -> None:
    config = json.loads(page.config_text)
    assert config["endpoint"] == "/sparql"
    assert config["prefixes"] == PREFIXES
    assert RG.Meeting in config["classes"]
    assert RG.attendee in config["properties"]
    assert RG.kommunekode in config["properties"]
    assert not set(config["classes"]) & set(config["properties"])
    assert RG.outcomes not in config["properties"]  # a concept scheme, not a property


def test_examples_as_json(client: AppClient) -> None:
    response = client.get("/sparql/examples")
    assert response.status_code == 200
    listed = response.json()
    assert [e["name"] for e in listed] == [e.name for e in examples()]
    first = listed[0]
    assert set(first) == {"name", "title", "title_en", "description", "query"}
    assert first["query"] == examples()[0].text


def test_static_files_are_served(client: AppClient) -> None:
    for path in ("/static/query.js", "/static/query.css"):
        assert client.get(path).status_code == 200


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_the_style_hashes_match_the_built_yasgui() -> None:
    """The policy allows two inline styles of YASGUI by hash; an upgrade that changes them must
    change the hashes too (the browser test would then see a violation)."""
    assert YASGUI_JS.exists(), "YASGUI is not built: run make install"
    bundle = YASGUI_JS.read_text(encoding="utf-8")
    resizer = re.findall(r"createStyle\(a,`([^`]*)`\)", bundle)
    assert resizer, "the column resizer's stylesheet is no longer in the bundle"
    assert {_sha256(css) for css in resizer} == {COLUMN_RESIZER_STYLE_HASH}
    assert "<strong style='text-decoration:underline'>" in bundle
    assert _sha256("text-decoration:underline") == SYNTAX_TOOLTIP_STYLE_HASH
