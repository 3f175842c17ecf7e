"""The item, meeting, committee, municipality and person pages through the app's own route
(``web.resources``): a browser's request gets the page, with its JSON-LD and its SPARQL."""

from __future__ import annotations

import asyncio
import json
import re

import httpx
import pytest
from fastapi import FastAPI

from sparql.query_worker import store_state
from sparql.store_state import CurrentState
from web import resources
from web.site_readers import Site

from .conftest import visible_text

HTML = {"Accept": "text/html"}
ITEM = "/kommune/lemvig/udvalg/arbejdsmarkeds-og-integrationsudvalget/moede/2022-06-08/punkt/4"
MEETING = "/kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08"
COMMITTEE = "/kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked"
BJOERN = "/kommune/lejre/person/bjoern-lykke-soerensen"


class Client:
    """Requests to the app in-process, over httpx (as ``tests/web/test_publish.py`` does)."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    def get(self, path: str, headers: dict[str, str]) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                return await client.get(path, headers=headers)

        return asyncio.run(send())


@pytest.fixture(scope="module")
def client(site: Site) -> Client:
    app = FastAPI()
    resources.install(app, site, CurrentState(lambda: store_state(site.store()), ttl=None))
    return Client(app)


def json_ld(html: str) -> dict[str, object]:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert found is not None
    parsed: dict[str, object] = json.loads(found.group(1))
    return parsed


@pytest.mark.parametrize(
    ("path", "kind", "heading"),
    [
        (ITEM, "CreativeWork", "De beskæftigelsespolitiske mål for 2023"),
        (MEETING, "Event", "Udvalget for Job & Arbejdsmarked, møde 8. januar 2020"),
        (COMMITTEE, "GovernmentOrganization", "Udvalget for Job og Arbejdsmarked"),
        ("/kommune/fanoe", ["GovernmentOrganization", "AdministrativeArea"], "Fanø Kommune"),
        (BJOERN, "Person", "Bjørn Lykke Sørensen"),
    ],
)
def test_each_page_answers_with_its_json_ld_and_queries(
    client: Client, site: Site, path: str, kind: object, heading: str
) -> None:
    response = client.get(path, headers=HTML)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    found = json_ld(html)
    assert found["@id"] == site.iri_for_path(path)
    assert found["@type"] == kind
    assert f"<h1>{heading.replace('&', '&amp;')}</h1>" in html or heading in visible_text(html)
    assert 'href="/sparql?query=' in html  # each query opens in the query page


def test_the_item_page_marks_klapjob(client: Client) -> None:
    html = client.get(ITEM, headers=HTML).text
    assert (
        '<mark id="omtale-13"><a href="/program/klapjob" title="KLAPjob">KLAPjob</a></mark>' in html
    )
    assert client.get("/program/klapjob", headers=HTML).status_code == 200


def test_the_person_page_links_both_lejre_meetings(client: Client) -> None:
    html = client.get(BJOERN, headers=HTML).text
    assert f'href="{MEETING}"' in html
    assert (
        'href="/kommune/lejre/udvalg/udvalget-for-job-arbejdsmarked-og-integration/moede/2022-05-04"'
        in html
    )


def test_every_link_of_the_pages_answers(client: Client) -> None:
    """Every local link of these pages (one level deep) leads to a page, no 404 or 5xx."""
    seen: set[str] = set()
    for path in (ITEM, MEETING, COMMITTEE, "/kommune/lejre", BJOERN):
        html = client.get(path, headers=HTML).text
        for href in re.findall(r'href="(/[^"#?]*)"', html):
            if (
                href in seen
                or href.startswith(
                    (
                        "/static/",
                        "/sparql",
                        "/soeg",
                        "/register",
                        "/moeder",
                        "/udvalg",
                        "/daekning",
                        "/dumps",
                        "/catalog",
                        "/.well-known",
                        "/feeds",
                    )
                )
                or href == "/"
            ):
                continue
            seen.add(href)
            status = client.get(href, headers=HTML).status_code
            assert status == 200, f"{href} from {path}: {status}"
    assert len(seen) > 50


def test_the_committee_pages_by_side(client: Client) -> None:
    first = visible_text(client.get(COMMITTEE, headers=HTML).text)
    assert "8. januar 2020" in first
    past = visible_text(client.get(COMMITTEE + "?side=2", headers=HTML).text)
    assert "Til første side" in past
