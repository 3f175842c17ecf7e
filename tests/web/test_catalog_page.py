"""web/catalog_page.py: ``/catalog`` for a browser, a Danish page of the datasets and the
files to download, read from the catalog of a dump of the five samples."""

from __future__ import annotations

import asyncio
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from graph.ingest import LoadOptions, load_files
from graph.store import MinutesStore
from graph.uris import DEFAULT_BASE, Minter
from publishing.dump import dump
from publishing.publication import PublishSettings
from web.publish_routes import install

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "referatgraf" / "samples").glob("*.txt"))
SETTINGS = PublishSettings("https://data.example.dk/", "Testudgiver", "data@example.dk")
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


class Installation:
    store = Path("unused")
    base = DEFAULT_BASE

    def __init__(self, dumps: Path) -> None:
        self.dumps = dumps


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    minutes, _ = MinutesStore.open(None)
    load_files(minutes, SAMPLES, LoadOptions(Minter(DEFAULT_BASE), workers=1))
    folder = tmp_path_factory.mktemp("dumps")
    dump(minutes, folder, base=DEFAULT_BASE, settings=SETTINGS)
    app = FastAPI()
    install(app, Installation(folder), publish=SETTINGS, store=minutes)
    return app


def get(app: FastAPI, path: str, accept: str) -> httpx.Response:
    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get(path, headers={"Accept": accept})

    return asyncio.run(send())


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.headings: list[str] = []
        self._tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._tag = tag
        self.hrefs += [str(v) for k, v in attrs if tag == "a" and k == "href"]

    def handle_data(self, data: str) -> None:
        if self._tag in {"h1", "h2"} and data.strip():
            self.headings.append(data.strip())
        self._tag = ""


def test_a_browser_gets_the_catalog_as_a_danish_page(app: FastAPI) -> None:
    response = get(app, "/catalog", BROWSER)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["vary"] == "Accept"
    page = Page()
    page.feed(response.text)
    assert page.headings[0] == "DCAT-katalog"
    assert page.headings[1] == "referatgraf: danske kommunale udvalgsreferater"
    assert sorted(page.headings[2:]) == [
        "referatgraf-ontologien og dens SHACL-former",
        "referatgraf: Holstebro Kommune",
        "referatgraf: Lejre Kommune",
        "referatgraf: Lemvig Kommune",
        "referatgraf: Ringkøbing-Skjern Kommune",
    ]
    assert "/dumps/referatgraf.nq.gz" in page.hrefs  # this server's copy, not the public URL
    assert "/dumps/kommuner/lejre.nq.gz" in page.hrefs
    assert "bytes" in response.text
    assert "application/n-quads" in response.text
    for link in ("/dumps/", "/catalog", "/.well-known/void", "/feeds/"):
        assert link in page.hrefs


def test_programs_still_get_turtle(app: FastAPI) -> None:
    for accept in ("*/*", "text/turtle", "text/plain,*/*;q=0.8"):
        response = get(app, "/catalog", accept)
        assert response.headers["content-type"].startswith("text/turtle")
    assert get(app, "/catalog?format=html", "*/*").headers["content-type"].startswith("text/html")
