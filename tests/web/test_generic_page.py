"""web/pages/generic.py: the page of any resource by its links, over the five samples; and the
page shell it is rendered in (web/render.py, web/templates/base.html)."""

from __future__ import annotations

import asyncio
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from fastapi import FastAPI

from graph.location import index_path_for
from graph.uris import DEFAULT_BASE
from sparql.query_worker import store_state
from sparql.store_state import CurrentState
from web import resources
from web.pages import PER_PAGE
from web.pages.generic import generic_page
from web.site_readers import Site

LEJRE = DEFAULT_BASE + "kommune/lejre"
ABSENCE = (
    DEFAULT_BASE + "kommune/lemvig/udvalg/arbejdsmarkeds-og-integrationsudvalget/moede/"
    "2022-06-08/punkt/8/fravaer/jens-loenberg-pedersen"
)


@pytest.fixture(scope="module")
def site(samples_store: Path) -> Site:
    return Site(
        base=DEFAULT_BASE, store_path=samples_store, index_path=index_path_for(samples_store)
    )


def get(site: Site, path: str, accept: str = "text/html") -> httpx.Response:
    app = FastAPI()
    resources.install(app, site, CurrentState(lambda: store_state(site.store()), ttl=None))

    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get(path, headers={"Accept": accept})

    return asyncio.run(send())


def test_outgoing_links_have_danish_property_names_and_local_paths(site: Site) -> None:
    page = generic_page(site, ABSENCE, 1)
    assert page.title == "Jens Lønberg Pedersen: deltog ikke"
    assert page.template == "pages/generic.html"
    assert [t["text"] for t in page.data["types"]] == ["fravær"]
    rows = {r["property"]["text"]: r["value"] for r in page.data["outgoing"]}
    assert len(rows) == page.data["outgoing_total"] == 7
    assert rows["person"]["href"] == "/kommune/lemvig/person/jens-loenberg-pedersen"
    assert rows["person"]["text"] == "Jens Lønberg Pedersen"
    assert rows["fraværsårsag"] == {
        "text": "deltog ikke", "href": None, "iri": None, "note": "", "long": False
    }  # fmt: skip
    assert rows["første linje"]["text"] == "387"
    assert rows["første linje"]["note"] == "heltal"
    incoming = page.data["incoming"]
    assert page.data["incoming_total"] == 1
    assert incoming[0]["subject"]["text"].startswith("Punkt 8: ")
    assert incoming[0]["property"]["text"] == "fravær"


def test_incoming_links_are_paginated(site: Site) -> None:
    first = generic_page(site, LEJRE, 1)
    assert first.data["incoming_total"] == 69
    assert len(first.data["incoming"]) == PER_PAGE
    assert first.data["pagination"] == {
        "page": 1, "pages": 2, "total": 69, "first": 1, "last": 50
    }  # fmt: skip
    assert first.data["pages"] == {"previous": None, "next": "/kommune/lejre?side=2"}
    second = generic_page(site, LEJRE, 2)
    assert len(second.data["incoming"]) == 19
    assert second.data["pages"] == {"previous": "/kommune/lejre", "next": None}
    subjects = [r["subject"]["iri"] for r in first.data["incoming"] + second.data["incoming"]]
    assert len(subjects) == 69


def test_dates_are_danish(site: Site) -> None:
    meeting = (
        DEFAULT_BASE + "kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08"
    )
    rows = {
        r["property"]["text"]: r["value"] for r in generic_page(site, meeting, 1).data["outgoing"]
    }
    assert rows["dato"]["text"] == "8. januar 2020"


def test_the_queries_open_in_the_query_page_with_the_iri_bound(site: Site) -> None:
    page = generic_page(site, LEJRE, 1)
    assert len(page.queries) == 2
    assert f"VALUES ?ressource {{ <{LEJRE}> }}" in page.queries[0]
    html = get(site, "/kommune/lejre?format=html&side=1").text
    hrefs = [h for h in Anchors.of(html).hrefs if h.startswith("/sparql?query=")]
    assert len(hrefs) >= 1
    opened = parse_qs(urlsplit(hrefs[0]).query)["query"][0]
    assert f"<{LEJRE}>" in opened


def test_the_ontology_page_has_an_anchor_for_every_term(site: Site) -> None:
    page = generic_page(site, DEFAULT_BASE + "def", 1)
    assert len(page.data["terms"]) == 144  # 116 and votes, parties, attendance, PDF, citations
    meeting = next(t for t in page.data["terms"] if t["id"] == "Meeting")
    assert meeting["label"] == "møde"
    assert meeting["is_class"]
    assert len(page.queries) == 3


def test_a_text_in_danish_hides_the_same_text_in_english(site: Site) -> None:
    rows = generic_page(site, DEFAULT_BASE + "def", 1).data["outgoing"]
    described = [r["value"] for r in rows if r["property"]["iri"].endswith("/description")]
    assert [v["note"] for v in described] == ["da"]


def test_the_layout_rules_of_a_source_document_are_code(site: Site) -> None:
    source = (
        DEFAULT_BASE
        + "kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08/kilde"
    )
    rows = generic_page(site, source, 1).data["outgoing"]
    layout = [r["value"] for r in rows if r["property"]["iri"] == DEFAULT_BASE + "def#layout"]
    assert len(layout) == 1
    assert layout[0]["code"] is True
    assert layout[0]["text"].startswith("number-dot+")


def test_a_named_graph_gets_a_query_of_its_triples(site: Site) -> None:
    page = generic_page(site, DEFAULT_BASE + "graf/reference", 1)
    assert page.data["graph"] is True
    assert page.data["outgoing_total"] == 0
    assert f"VALUES ?graf {{ <{DEFAULT_BASE}graf/reference> }}" in page.queries[2]


class Anchors(HTMLParser):
    """What the checks of a page need: tags, attributes, text, and the ld+json blocks."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    @classmethod
    def of(cls, html: str) -> Anchors:
        parser = cls()
        parser.feed(html)
        parser.close()
        return parser

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if tag == "a" and dict(attrs).get("href"):
            self.hrefs.append(str(dict(attrs)["href"]))

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)

    def count(self, tag: str) -> int:
        return sum(1 for t, _ in self.tags if t == tag)


@pytest.mark.parametrize(
    "path",
    ["/kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08/kilde",
     "/graf/reference", "/def", "/kle/00.22.04", "/kommune/atlantis"],
)  # fmt: skip
def test_pages_are_accessible_html(site: Site, path: str) -> None:
    response = get(site, path)
    page = Anchors.of(response.text)
    assert response.text.startswith("<!doctype html>")
    assert ("html", {"lang": "da"}) in page.tags
    assert page.count("h1") == 1
    for landmark in ("header", "main", "footer", "nav"):
        assert page.count(landmark) >= 1, landmark
    labelled = {a.get("for") for t, a in page.tags if t == "label"}
    inputs = [a for t, a in page.tags if t in {"input", "select", "textarea"}]
    assert inputs
    assert all(a.get("id") in labelled for a in inputs)
    assert ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}) in (
        page.tags
    )
    assert not [t for t, a in page.tags if t == "script" and a.get("type") != "application/ld+json"]


def test_the_shell_links_the_rdf_and_embeds_json_ld(site: Site) -> None:
    response = get(
        site, "/kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08/kilde"
    )
    page = Anchors.of(response.text)
    alternates = {
        a["type"]: a["href"] for t, a in page.tags if t == "link" and a.get("rel") == "alternate"
    }
    kilde = "/kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08/kilde"
    assert alternates == {
        "text/turtle": kilde + ".ttl",
        "application/ld+json": kilde + ".jsonld",
        "application/n-triples": kilde + ".nt",
        "application/rdf+xml": kilde + ".rdf",
    }
    shown = " ".join(page.text)
    for name in ("Turtle", "JSON-LD", "N-Triples", "RDF/XML"):
        assert f"Hent som {name}" in shown
    assert "Se forespørgslen" in shown
    (block,) = page.scripts
    embedded: dict[str, Any] = json.loads(block)
    assert embedded["@id"] == DEFAULT_BASE + kilde.lstrip("/")
    assert embedded["name"] == "Kildefil 004_78f46f7a40cfaabc.txt"
