"""web/publish_routes.py over HTTP: /dumps/ with ranges and validators, /catalog and
/.well-known/void
by content negotiation, /feeds/, and the Link header on every response."""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path
from typing import Any

import feedparser
import httpx
import pytest
from fastapi import FastAPI
from pyoxigraph import RdfFormat, parse

from graph.ingest import LoadOptions, load_files
from graph.store import MinutesStore
from graph.uris import Minter
from publishing.dump import dump
from publishing.publication import PublishSettings
from web.publish_routes import LINK_HEADER, install

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "referatgraf" / "samples").glob("*.txt"))
BASE = "https://w3id.org/referatgraf/"
SETTINGS = PublishSettings("https://data.example.dk/", "Testudgiver", "data@example.dk")


@dataclass(frozen=True)
class Installation:
    store: Path
    base: str
    dumps: Path


class Client:
    """Requests to an ASGI app in-process, over httpx."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                return await client.request(method, path, **kwargs)

        return asyncio.run(send())

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)


@pytest.fixture(scope="module")
def minutes() -> MinutesStore:
    store, _ = MinutesStore.open(None)
    load_files(store, SAMPLES, LoadOptions(Minter(BASE), workers=1))
    return store


@pytest.fixture(scope="module")
def folder(minutes: MinutesStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dumps")
    dump(minutes, out, base=BASE, settings=SETTINGS)
    return out


def app_over(folder: Path, minutes: MinutesStore) -> Client:
    app = FastAPI()
    install(app, Installation(Path("unused"), BASE, folder), publish=SETTINGS, store=minutes)
    return Client(app)


@pytest.fixture(scope="module")
def client(folder: Path, minutes: MinutesStore) -> Client:
    return app_over(folder, minutes)


def test_a_dump_file_is_sent_whole_as_gzip_with_validators(client: Client, folder: Path) -> None:
    response = client.get("/dumps/referatgraf.nq.gz")
    data = (folder / "referatgraf.nq.gz").read_bytes()
    assert response.status_code == 200
    assert response.content == data
    assert response.headers["content-type"] == "application/gzip"
    assert "content-encoding" not in response.headers
    assert response.headers["etag"] == f'"{hashlib.sha256(data).hexdigest()}"'
    assert response.headers["accept-ranges"] == "bytes"
    assert response.headers["last-modified"]


def test_a_range_gives_206_and_exactly_those_bytes(client: Client, folder: Path) -> None:
    data = (folder / "referatgraf.nq.gz").read_bytes()
    response = client.get("/dumps/referatgraf.nq.gz", headers={"Range": "bytes=100-199"})
    assert response.status_code == 206
    assert response.content == data[100:200]
    assert response.headers["content-range"] == f"bytes 100-199/{len(data)}"
    tail = client.get("/dumps/referatgraf.nq.gz", headers={"Range": "bytes=-10"})
    assert tail.status_code == 206
    assert tail.content == data[-10:]


def test_a_range_past_the_end_gives_416(client: Client, folder: Path) -> None:
    size = (folder / "referatgraf.nq.gz").stat().st_size
    response = client.get("/dumps/referatgraf.nq.gz", headers={"Range": f"bytes={size}-"})
    assert response.status_code == 416
    assert response.headers["content-range"] == f"bytes */{size}"


def test_validators_give_304(client: Client) -> None:
    first = client.get("/dumps/kommuner/lejre.nq.gz")
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert (
        client.get("/dumps/kommuner/lejre.nq.gz", headers={"If-None-Match": etag}).status_code
        == 304
    )
    later = {"If-Modified-Since": modified}
    assert client.get("/dumps/kommuner/lejre.nq.gz", headers=later).status_code == 304
    old = {"If-Modified-Since": formatdate(0, usegmt=True)}
    assert client.get("/dumps/kommuner/lejre.nq.gz", headers=old).status_code == 200
    other = {"If-None-Match": '"something-else"'}
    assert client.get("/dumps/kommuner/lejre.nq.gz", headers=other).status_code == 200


def test_head_answers_without_a_body(client: Client, folder: Path) -> None:
    response = client.request("HEAD", "/dumps/catalog.ttl")
    assert response.status_code == 200
    assert response.content == b""
    assert response.headers["content-length"] == str((folder / "catalog.ttl").stat().st_size)
    assert response.headers["content-type"] == "text/turtle; charset=utf-8"


@pytest.mark.parametrize(
    "path",
    ["/dumps/../x", "/dumps/%2E%2E/%2E%2E/etc/passwd", "/dumps/.staging/x", "/dumps/nope.nq.gz"],
)
def test_nothing_outside_the_dump_is_served(client: Client, path: str) -> None:
    assert client.get(path).status_code == 404


def test_the_listing_is_html_for_browsers_and_json_for_programs(client: Client) -> None:
    page = client.get("/dumps/", headers={"Accept": "text/html"})
    assert page.headers["content-type"].startswith("text/html")
    assert 'href="/dumps/referatgraf.nq.gz"' in page.text
    assert 'href="/catalog"' in page.text
    listing = client.get("/dumps/", headers={"Accept": "application/json"}).json()
    names = {f["name"]: f for f in listing["files"]}
    assert names["referatgraf.ttl.gz"]["mediaType"] == "application/gzip"
    assert "kommuner/lejre.nq.gz" in names


@pytest.mark.parametrize(
    ("accept", "query", "media_type", "rdf_format"),
    [
        (None, "", "text/turtle", RdfFormat.TURTLE),
        ("application/ld+json", "", "application/ld+json", RdfFormat.JSON_LD),
        ("application/rdf+xml", "", "application/rdf+xml", RdfFormat.RDF_XML),
        (None, "?format=nt", "application/n-triples", RdfFormat.N_TRIPLES),
        ("text/plain,*/*;q=0.8", "", "text/turtle", RdfFormat.TURTLE),
    ],
)
def test_the_catalog_is_negotiated(
    client: Client, accept: str | None, query: str, media_type: str, rdf_format: RdfFormat
) -> None:
    headers = {"Accept": accept} if accept else {}
    response = client.get("/catalog" + query, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert response.headers["vary"] == "Accept"
    turtle = client.get("/catalog").content
    expected = {q.triple for q in parse(turtle, format=RdfFormat.TURTLE)}
    assert {q.triple for q in parse(response.content, format=rdf_format)} == expected
    again = client.get(
        "/catalog" + query, headers={**headers, "If-None-Match": response.headers["etag"]}
    )
    assert again.status_code == 304


def test_a_format_nobody_offers_is_refused(client: Client) -> None:
    assert client.get("/catalog", headers={"Accept": "image/png"}).status_code == 406
    assert client.get("/catalog?format=docx").status_code == 400


def test_void_is_served_from_the_dump(client: Client, folder: Path) -> None:
    response = client.get("/.well-known/void")
    assert response.status_code == 200
    assert response.content == (folder / "void.ttl").read_bytes()
    assert b"void:sparqlEndpoint" in response.content


def test_without_a_dump_the_listing_says_how_to_make_one(
    tmp_path: Path, minutes: MinutesStore
) -> None:
    # the catalog and VoID answer all the same (tests/web/test_described.py)
    listing = app_over(tmp_path, minutes).get("/dumps/").text
    assert "Ingen dump endnu" in listing
    assert "referatgraf dump" in listing


def test_feeds_are_atom_with_validators(client: Client) -> None:
    response = client.get("/feeds/program/klapjob.atom")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    assert feedparser.parse(response.content).bozo == 0
    again = client.get(
        "/feeds/program/klapjob.atom", headers={"If-None-Match": response.headers["etag"]}
    )
    assert again.status_code == 304
    assert client.get("/feeds/program/findes-ikke.atom").status_code == 404
    assert client.get("/feeds/program/klapjob").status_code == 404


def test_the_feed_index_lists_municipality_feeds(client: Client) -> None:
    page = client.get("/feeds/")
    assert 'href="/feeds/kommune/lejre.atom"' in page.text
    listed = client.get("/feeds/?format=json").json()
    assert {
        "iri": BASE + "kommune/lejre",
        "label": "Lejre Kommune",
        "feed": "/feeds/kommune/lejre.atom",
    } in listed


@pytest.mark.parametrize("path", ["/dumps/", "/catalog", "/feeds/kommune/lejre.atom", "/missing"])
def test_every_response_links_the_catalog_and_the_dumps(client: Client, path: str) -> None:
    assert client.get(path).headers["link"] == LINK_HEADER


def test_feeds_without_a_store_say_so(tmp_path: Path) -> None:
    app = FastAPI()
    install(app, Installation(tmp_path / "no-store", BASE, tmp_path), publish=SETTINGS)
    response = Client(app).get("/feeds/kommune/lejre.atom")
    assert response.status_code == 503
    assert "referatgraf load" in response.text
