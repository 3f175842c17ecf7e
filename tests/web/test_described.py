"""web/described.py over HTTP: /catalog and /.well-known/void before and after a dump, for
programs and for people, their self-links and the feeds' links on the server that answers."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from fastapi import FastAPI
from pyoxigraph import NamedNode, RdfFormat, parse

from graph.store import MinutesStore
from publishing.dump import dump
from publishing.publication import PublishSettings
from tests.web.test_publish import BASE, Client, Installation, app_over, folder, minutes
from web.publish_routes import install

__all__ = ["folder", "minutes"]  # the fixtures of test_publish.py, used here too

DCAT = "http://www.w3.org/ns/dcat#"
VOID = "http://rdfs.org/ns/void#"
TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
TURTLE = {"Accept": "text/turtle"}
BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def local_app(folder: Path, minutes: MinutesStore) -> Client:
    """Installed as ``referatgraf serve`` is without ``$REFERATGRAF_PUBLIC_URL``."""
    app = FastAPI()
    install(
        app, Installation(Path("unused"), BASE, folder), publish=PublishSettings(),
        store=minutes,
    )  # fmt: skip
    return Client(app)


def iris(body: bytes) -> set[str]:
    found = set()
    for quad in parse(body, format=RdfFormat.TURTLE):
        for term in (quad.subject, quad.predicate, quad.object):
            if isinstance(term, NamedNode):
                found.add(term.value)
    return found


@pytest.fixture(scope="module")
def local_dump(minutes: MinutesStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dump written without a public URL: it names http://127.0.0.1:8000/."""
    out = tmp_path_factory.mktemp("local-dump")
    dump(minutes, out, base=BASE, settings=PublishSettings())
    return out


def test_before_a_dump_the_catalog_offers_the_endpoint(
    tmp_path: Path, minutes: MinutesStore
) -> None:
    response = local_app(tmp_path, minutes).get("/catalog", headers=TURTLE)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    graph = list(parse(response.content, format=RdfFormat.TURTLE))
    catalogs = [
        q.subject for q in graph if q.predicate == TYPE and q.object.value == DCAT + "Catalog"
    ]
    assert catalogs == [NamedNode("http://test/catalog")]
    access = {q.object.value for q in graph if q.predicate.value == DCAT + "accessURL"}
    assert access == {"http://test/sparql"}
    assert not [q for q in graph if q.predicate.value == DCAT + "downloadURL"]
    # nothing counted that only a dump counts
    assert not [q for q in graph if "tripler" in str(q.object)]


def test_before_a_dump_void_names_the_endpoint_and_no_figures(
    tmp_path: Path, minutes: MinutesStore
) -> None:
    response = local_app(tmp_path, minutes).get("/.well-known/void", headers=TURTLE)
    assert response.status_code == 200
    predicates = {q.predicate.value for q in parse(response.content, format=RdfFormat.TURTLE)}
    assert VOID + "sparqlEndpoint" in predicates
    assert VOID + "triples" not in predicates
    assert VOID + "dataDump" not in predicates
    assert "http://test/sparql" in iris(response.content)


@pytest.mark.parametrize("path", ["/catalog", "/.well-known/void"])
def test_before_a_dump_browsers_get_a_danish_page(
    tmp_path: Path, minutes: MinutesStore, path: str
) -> None:
    response = local_app(tmp_path, minutes).get(path, headers=BROWSER)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert '<html lang="da">' in response.text
    assert "Der er ikke lavet en datadump endnu" in response.text
    assert 'href="/sparql"' in response.text


def test_self_links_name_the_origin_asked_while_no_public_url_is_set(
    local_dump: Path, minutes: MinutesStore
) -> None:
    client = local_app(local_dump, minutes)
    for path in ("/catalog", "/.well-known/void"):
        found = iris(client.get(path, headers=TURTLE).content)
        assert not {i for i in found if i.startswith("http://127.0.0.1:8000/")}, path
        assert "http://test/sparql" in found, path
    catalog = iris(client.get("/catalog", headers=TURTLE).content)
    assert "http://test/dumps/referatgraf.nq.gz" in catalog
    # the IRIs of the data stay what they are
    assert BASE + "kommune/lejre" in catalog
    jsonld = client.get("/catalog", headers={"Accept": "application/ld+json"})
    assert "http://test/dumps/referatgraf.nq.gz" in jsonld.text
    assert "127.0.0.1:8000" not in jsonld.text


def test_a_public_url_is_kept(folder: Path, minutes: MinutesStore) -> None:
    found = iris(app_over(folder, minutes).get("/catalog", headers=TURTLE).content)
    assert "https://data.example.dk/dumps/referatgraf.nq.gz" in found
    assert not {i for i in found if i.startswith("http://test/")}


def test_void_for_people_links_this_server(local_dump: Path, minutes: MinutesStore) -> None:
    page = local_app(local_dump, minutes).get("/.well-known/void", headers=BROWSER)
    assert page.status_code == 200
    assert "<h1>VoID-beskrivelse</h1>" in page.text
    assert "<dt>Tripler</dt>" in page.text
    assert '<a href="/def#Meeting"><code>rg:Meeting</code></a>' in page.text
    assert '<a href="/dumps/referatgraf.nq.gz">' in page.text
    assert '<a href="/sparql">' in page.text
    assert "Der er ikke lavet en datadump endnu" not in page.text


def test_an_unknown_format_is_refused_in_danish(folder: Path, minutes: MinutesStore) -> None:
    response = app_over(folder, minutes).get("/.well-known/void", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "det bedte format findes ikke" in response.text


def test_feeds_link_the_pages_on_this_server(local_dump: Path, minutes: MinutesStore) -> None:
    feed = feedparser.parse(local_app(local_dump, minutes).get("/feeds/kommune/lejre.atom").content)
    assert feed.bozo == 0
    assert feed.feed.link == "http://test/kommune/lejre"
    assert {link["href"] for link in feed.feed.links if link["rel"] == "self"} == {
        "http://test/feeds/kommune/lejre.atom"
    }
    assert feed.entries
    for entry in feed.entries:
        assert entry.link.startswith("http://test/kommune/lejre/udvalg/"), entry.link
        assert entry.id.startswith(BASE + "kommune/lejre/udvalg/"), entry.id
    published = feedparser.parse(
        app_over(local_dump, minutes).get("/feeds/program/klapjob.atom").content
    )
    assert published.entries
    assert all(e.link.startswith("https://data.example.dk/kommune/") for e in published.entries)


def test_missing_feeds_and_files_are_404_in_danish(folder: Path, minutes: MinutesStore) -> None:
    client = app_over(folder, minutes)
    page = client.get("/feeds/program/findes-ikke.atom", headers=BROWSER)
    assert page.status_code == 404
    assert '<html lang="da">' in page.text
    assert (
        "<h1>Grafen kender ikke https://w3id.org/referatgraf/program/findes-ikke</h1>" in page.text
    )
    assert client.get("/feeds/program/klapjob").text == "Et feeds adresse ender på .atom."
    missing = client.get("/dumps/findes-ikke.nq.gz")
    assert (missing.status_code, missing.text) == (404, "Filen findes ikke i datadumpet.")
