"""web/resources.py over real HTTP: every IRI of the five samples dereferences at its own path
on the server (which runs at 127.0.0.1, not at the dataset's base), in five formats, by
``Accept``, suffix or ``?format=``, with the headers of negotiation at the IRI itself."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
import rdflib
from pyoxigraph import QuerySolutions
from rdflib import RDFS, Graph, URIRef

from graph.store import MinutesStore
from graph.uris import DEFAULT_BASE
from tests.sparql.rdf import parse_rdf
from tests.web.conftest import Server
from web.rdf_views import subject_triples

LEJRE = DEFAULT_BASE + "kommune/lejre"
ONTOLOGY = DEFAULT_BASE + "def"
EVERY_CLASS = """
SELECT ?class (MIN(STR(?s)) AS ?example) WHERE { ?s a ?class FILTER isIRI(?s) }
GROUP BY ?class ORDER BY ?class
"""
RDF_FORMATS = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
}


@pytest.fixture(scope="module")
def store(samples_store: Path) -> MinutesStore:
    return MinutesStore.open_read_only(samples_store)


@pytest.fixture(scope="module")
def examples(store: MinutesStore) -> dict[str, str]:
    """One resource of every class in the store: class IRI -> resource IRI."""
    solutions = store.query(EVERY_CLASS)
    assert isinstance(solutions, QuerySolutions)
    return {row["class"].value: row["example"].value for row in solutions}


def local(server: Server, iri: str) -> str:
    """The URL of a dataset IRI on the test server (a hash IRI's document is the part before
    the ``#``)."""
    return server.url + "/" + iri.removeprefix(DEFAULT_BASE).split("#", 1)[0]


def vary(response: httpx.Response) -> set[str]:
    """The header names of ``Vary`` (gzip adds ``Accept-Encoding`` to large responses)."""
    return {n.strip() for v in response.headers.get_list("vary") for n in v.split(",")}


def own_triples(store: MinutesStore, iri: str) -> Graph:
    data = "".join(f"{t} .\n" for t in subject_triples(store, iri))
    return Graph().parse(data=data, format="nt")


def test_the_samples_have_30_classes(examples: dict[str, str]) -> None:
    # 30: rg:FileRead, what a load run read from a file; 32: rg:Party (the national parties of
    # the reference data) and rg:Attendance (the samples' attendance notes)
    assert len(examples) == 32
    assert examples["https://w3id.org/referatgraf/def#Municipality"] == (
        DEFAULT_BASE + "kommune/aabenraa"
    )


@pytest.mark.parametrize("media_type", ["text/turtle", "application/ld+json"])
def test_every_class_has_a_resource_whose_rdf_holds_exactly_its_triples(
    server: Server, store: MinutesStore, examples: dict[str, str], media_type: str
) -> None:
    checked = 0
    for class_iri, iri in examples.items():
        response = httpx.get(local(server, iri), headers={"Accept": media_type}, timeout=30)
        assert response.status_code == 200, (class_iri, iri)
        assert response.headers["content-type"].split(";")[0] == media_type
        served = parse_rdf(response.content, RDF_FORMATS[media_type])
        expected = own_triples(store, iri)
        assert len(expected) > 0, iri
        subject = URIRef(iri)
        assert set(served.triples((subject, None, None))) == set(expected), iri
        if "#" not in iri and iri != ONTOLOGY:  # the rest are the labels of what it links to
            for s, p, _ in served:
                assert s == subject or (p == RDFS.label and (subject, None, s) in served), s
        checked += 1
    assert checked == 32


@pytest.mark.parametrize(("media_type", "rdflib_format"), sorted(RDF_FORMATS.items()))
def test_each_format_parses_with_the_labels_of_linked_resources(
    server: Server, media_type: str, rdflib_format: str
) -> None:
    response = httpx.get(server.url + "/kommune/lejre", headers={"Accept": media_type})
    graph = parse_rdf(response.content, rdflib_format)
    lejre = URIRef(LEJRE)
    municipality = URIRef("https://w3id.org/referatgraf/def#Municipality")
    # type, label, kommunekode; its 4 committees and 2 meetings with type, label and link to
    # it; the three classes' Danish and English labels
    assert len(graph) == 3 + 6 * 3 + 3 * 2
    linked = set(graph.subjects(URIRef("https://w3id.org/referatgraf/def#municipality"), lejre))
    assert len(linked) == 6
    assert {str(s).split("/")[-2] for s in linked} == {"udvalg", "moede"}
    assert graph.value(lejre, RDFS.label) == rdflib.Literal("Lejre Kommune", lang="da")
    assert {str(o) for o in graph.objects(municipality, RDFS.label)} == {"kommune", "municipality"}


def test_negotiation_at_the_iri_itself(server: Server) -> None:
    response = httpx.get(server.url + "/kommune/lejre", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert "Accept" in vary(response)
    assert response.headers["content-location"] == "/kommune/lejre.ttl"
    assert response.headers["cache-control"] == "no-cache"
    links = ",".join(response.headers.get_list("link"))
    for suffix, media_type in [
        (".html", "text/html"),
        (".ttl", "text/turtle"),
        (".jsonld", "application/ld+json"),
        (".nt", "application/n-triples"),
        (".rdf", "application/rdf+xml"),
    ]:
        assert f'</kommune/lejre{suffix}>; rel="alternate"; type="{media_type}"' in links


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"),
        ("*/*", "text/html"),
        ("application/ld+json;q=0.9, text/turtle;q=0.8", "application/ld+json"),
        ("text/html;q=0.5, application/n-triples", "application/n-triples"),
        ("application/rdf+xml", "application/rdf+xml"),
        ("application/json", "application/ld+json"),
        ("text/*", "text/html"),
        ("text/*;q=0.5, text/turtle", "text/turtle"),
    ],
)
def test_accept_chooses_by_q_values(server: Server, accept: str, media_type: str) -> None:
    response = httpx.get(server.url + "/kommune/lejre", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type


@pytest.mark.parametrize(
    ("path", "media_type"),
    [
        ("/kommune/lejre.ttl", "text/turtle"),
        ("/kommune/lejre.jsonld", "application/ld+json"),
        ("/kommune/lejre.nt", "application/n-triples"),
        ("/kommune/lejre.rdf", "application/rdf+xml"),
        ("/kommune/lejre.html", "text/html"),
        ("/kommune/lejre?format=ttl", "text/turtle"),
        ("/kommune/lejre?format=jsonld", "application/ld+json"),
        ("/kommune/lejre?format=nt", "application/n-triples"),
        ("/kommune/lejre?format=rdf", "application/rdf+xml"),
        ("/kommune/lejre?format=html", "text/html"),
        ("/kle/00.22.04.ttl", "text/turtle"),  # a dot in the IRI itself
    ],
)
def test_suffix_and_parameter_choose_whatever_accept_says(
    server: Server, path: str, media_type: str
) -> None:
    response = httpx.get(server.url + path, headers={"Accept": "image/png"})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert "Accept" not in vary(response)  # the URL alone decides


def test_a_format_nobody_offers_is_refused_in_danish(server: Server) -> None:
    refused = httpx.get(server.url + "/kommune/lejre", headers={"Accept": "image/png"})
    assert refused.status_code == 406
    assert refused.text.startswith("Ingen af ressourcens formater passer til Accept: image/png")
    for media_type in ("text/html", "text/turtle", "application/ld+json", "application/rdf+xml"):
        assert media_type in refused.text
    unknown = httpx.get(server.url + "/kommune/lejre?format=docx")
    assert unknown.status_code == 400
    assert unknown.text.startswith("Ukendt format=docx")


def test_an_unknown_iri_is_404_with_a_danish_page_for_browsers(server: Server) -> None:
    page = httpx.get(server.url + "/kommune/atlantis", headers={"Accept": "text/html"})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "<h1>Siden findes ikke</h1>" in page.text
    assert "https://w3id.org/referatgraf/kommune/atlantis" in page.text
    plain = httpx.get(server.url + "/kommune/atlantis", headers={"Accept": "text/turtle"})
    assert plain.status_code == 404
    assert plain.text == "Grafen kender ikke https://w3id.org/referatgraf/kommune/atlantis."
    assert httpx.get(server.url + "/kommune/atlantis.ttl").status_code == 404


def test_etag_and_304(server: Server) -> None:
    url = server.url + "/kommune/lejre"
    turtle = httpx.get(url, headers={"Accept": "text/turtle"})
    html = httpx.get(url, headers={"Accept": "text/html"})
    assert turtle.headers["etag"] != html.headers["etag"]
    again = httpx.get(
        url, headers={"Accept": "text/turtle", "If-None-Match": turtle.headers["etag"]}
    )
    assert again.status_code == 304
    assert again.content == b""
    other = httpx.get(url, headers={"Accept": "text/html", "If-None-Match": turtle.headers["etag"]})
    assert other.status_code == 200
    second_page = httpx.get(url + "?side=2", headers={"Accept": "text/html"})
    assert second_page.headers["etag"] != html.headers["etag"]
    assert second_page.headers["content-location"] == "/kommune/lejre.html?side=2"


def test_head_answers_like_get_without_a_body(server: Server) -> None:
    head = httpx.head(server.url + "/kommune/lejre.ttl")
    assert head.status_code == 200
    assert head.headers["content-type"] == "text/turtle; charset=utf-8"
    assert head.content == b""


def test_the_ontology_is_served_at_def_with_every_hash_term(server: Server) -> None:
    response = httpx.get(server.url + "/def", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.content, format="turtle")
    terms = {s for s in graph.subjects() if str(s).startswith(ONTOLOGY + "#")}
    # 116 since dateSource, committeeSource, dateKnown, FileRead, fileRead, readSummary,
    # readWarning and sourceUrl; 144 with the votes, parties and attendance notes (18), the
    # PDF pages and metadata (7) and the law citations (3)
    assert len(terms) == 144
    meeting = URIRef(ONTOLOGY + "#Meeting")
    assert graph.value(meeting, RDFS.label, any=True) is not None
    page = httpx.get(server.url + "/def", headers={"Accept": "text/html"})
    assert '<dt id="Meeting">' in page.text


def test_named_graphs_are_resources(server: Server) -> None:
    reference = httpx.get(server.url + "/graf/reference", headers={"Accept": "text/turtle"})
    assert reference.status_code == 200
    graph = Graph().parse(data=reference.content, format="turtle")
    sd_graph = URIRef("http://www.w3.org/ns/sparql-service-description#Graph")
    assert set(graph) == {(URIRef(DEFAULT_BASE + "graf/reference"), rdflib.RDF.type, sd_graph)}
    source = "/kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08/kilde"
    document = httpx.get(server.url + source + ".jsonld")
    assert document.status_code == 200
    assert any(node["@id"].endswith("/kilde") for node in json.loads(document.text)["@graph"])


@pytest.mark.parametrize(
    ("path", "owner"),
    [
        ("/healthz", "application/json"),
        ("/sparql/examples", "application/json"),
        ("/static/site.css", "text/css"),
        ("/feeds/", "text/html"),
        ("/dumps/", "text/html"),
    ],
)
def test_the_catch_all_comes_last(server: Server, path: str, owner: str) -> None:
    response = httpx.get(server.url + path, headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(owner)
    assert "content-location" not in response.headers


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [v for k, v in attrs if k == "href" and v and tag == "a"]


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/sparql",
        "/dumps/",
        "/feeds/",
        "/kommune/lejre",
        "/graf/reference",
        "/kle/00.22.04",
        "/kommune/atlantis",
    ],
)
def test_every_html_page_links_the_published_data(server: Server, path: str) -> None:
    page = httpx.get(server.url + path, headers={"Accept": "text/html"})
    assert page.headers["content-type"].startswith("text/html")
    links = Links()
    links.feed(page.text)
    assert {"/dumps/", "/catalog", "/.well-known/void", "/feeds/"} <= set(links.hrefs), path


def test_proposed_entities_have_danish_addresses_and_the_old_ones_redirect(
    server: Server, store: MinutesStore
) -> None:
    rows = store.query(
        "SELECT DISTINCT ?e WHERE { ?m <https://w3id.org/referatgraf/def#mentionOf> ?e"
        f' FILTER(STRSTARTS(STR(?e), "{DEFAULT_BASE}kandidat/")) }}'
    )
    assert isinstance(rows, QuerySolutions)
    folders = {row["e"].value[len(DEFAULT_BASE) :].split("/")[1] for row in rows}
    assert "program" in folders
    assert not folders & {"law", "programme"}
    old = httpx.get(server.url + "/kandidat/programme/KIT-projektet?side=1", timeout=30)
    assert old.status_code == 301
    assert old.headers["location"] == "/kandidat/program/KIT-projektet?side=1"
    moved = httpx.get(server.url + "/kandidat/program/KIT-projektet", timeout=30)
    assert moved.status_code == 200
    assert httpx.get(server.url + "/kandidat/law/x.ttl", timeout=30).headers["location"] == (
        "/kandidat/lov/x.ttl"
    )
