"""The home page over the five samples, through the real server (``tests/web/conftest.py``):
what the graph holds, from the side index that ``referatgraf load`` built, and the page
without an index."""

from __future__ import annotations

import json
import re
import time
from html import unescape
from pathlib import Path

import httpx
import pytest
from pyoxigraph import QuerySolutions

from graph.store import MinutesStore
from sparql.limits import Limits
from tests.web.conftest import Server
from web.browse_data import browse_query
from web.home import StoreFigures, home_page
from web.render import TEMPLATES
from web.site_readers import Site

BASE = "https://w3id.org/referatgraf/"


def text_of(html: str) -> str:
    body = html.split("<main", 1)[-1]
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())
    return re.sub(r" ([.,])", r"\1", text)


@pytest.fixture(scope="module")
def home(server: Server) -> httpx.Response:
    """The page once the server has counted the store's figures (in the background, after it
    starts: till then the page says so, and its ETag says it too)."""
    deadline = time.monotonic() + 60
    while True:
        answer = httpx.get(server.url + "/", headers={"Accept": "text/html"}, timeout=30)
        assert answer.status_code == 200, answer.text
        if "Tallene tælles op" not in answer.text or time.monotonic() > deadline:
            return answer
        time.sleep(0.2)


def test_the_home_page_counts_what_the_graph_holds(home: httpx.Response) -> None:
    text = text_of(home.text)
    for label, count in [
        ("Kommuner med møder", 4),
        ("Udvalg med møder", 5),
        ("Møder", 5),
        ("Dagsordenspunkter", 46),
        ("Personer", 25),
        ("Love", 85),  # every act of the reference data, cited or not
        ("Programmer", 22),
        ("Omtaler af love, programmer og organisationer", 318),
    ]:
        assert f"{label} {count} " in text, label
    assert "Møder fra 23. oktober 2019 til 18. august 2022." in text
    assert "Møder pr. år: 2019: 1 · 2020: 1 · 2022: 3." in text


def test_the_store_figures_and_limits_are_still_there(home: httpx.Response) -> None:
    text = text_of(home.text)
    assert re.search(r"tripler \d{1,3}(\.\d{3})+ navngivne grafer \d+", text)
    assert "et svar har højst 2.000 rækker" in text  # the server's --max-rows
    assert 'href="/sparql"' in home.text


def test_the_latest_meetings_are_listed_newest_first(home: httpx.Response) -> None:
    section = home.text.split('class="latest-meetings"', 1)[1].split("</ul>", 1)[0]
    meetings = re.findall(r'href="(/kommune/[^"]+/moede/[^"]+)"', section)
    assert [m.rsplit("/", 1)[-1] for m in meetings] == [
        "2022-08-18",
        "2022-06-08",
        "2022-05-04",
        "2020-01-08",
        "2019-10-23",
    ]
    assert "Udvalget for Job &amp; Arbejdsmarked, møde 8. januar 2020" in section


def test_the_most_mentioned_laws_and_programmes_link_their_pages(home: httpx.Response) -> None:
    text = text_of(home.text)
    assert "Lov om en aktiv beskæftigelsesindsats – 10 omtaler i 3 kommuner" in text
    assert "Klar til start – 11 omtaler i 1 kommune" in text
    assert "Flere skal med – 5 omtaler i 3 kommuner" in text
    assert 'href="/lov/lab-2019"' in home.text
    assert 'href="/program/klar-til-start"' in home.text


def test_the_timeline_of_the_top_entities_is_an_svg_with_its_table(home: httpx.Response) -> None:
    svg = re.search(r"<svg .*?</svg>", home.text, re.DOTALL)
    assert svg is not None
    assert 'role="img"' in svg.group()
    assert "<title" in svg.group()
    assert "de mest omtalte love og programmer pr. år" in svg.group()
    assert "kommune" not in svg.group().split("<desc", 1)[1].split("</desc>", 1)[0]
    table = home.text.split('class="timeline-data"', 1)[1].split("</table>", 1)[0]
    assert '<th scope="col">2020</th>' in table
    assert "Lov om en aktiv beskæftigelsesindsats" in table


def test_the_home_page_links_every_way_in(home: httpx.Response) -> None:
    for href in ("/register/", "/daekning", "/sparql", "/dumps/", "/register/love"):
        assert f'href="{href}"' in home.text, href
    assert 'action="/soeg"' in home.text


def test_the_home_page_is_a_website_with_a_search_action(
    home: httpx.Response, server: Server
) -> None:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', home.text)
    assert found is not None
    website = json.loads(found.group(1))
    assert website["@type"] == "WebSite"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == server.url + "/soeg?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"


def test_the_home_page_answers_304_to_its_etag(home: httpx.Response, server: Server) -> None:
    etag = home.headers["etag"]
    again = httpx.get(server.url + "/", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.headers["etag"] == etag


def test_the_home_queries_give_the_numbers_of_the_page(samples_store: Path) -> None:
    store = MinutesStore.open_read_only(samples_store)
    figures = store.query(browse_query("home_figures"))
    assert isinstance(figures, QuerySolutions)
    row = next(iter(figures))
    assert [row[n].value for n in ("moeder", "punkter", "kommuner", "udvalg_")] == [
        "5", "46", "4", "5"
    ]  # fmt: skip
    assert (row["foerste"].value, row["sidste"].value) == ("2019-10-23", "2022-08-18")
    top = store.query(browse_query("home_top_entities"))
    assert isinstance(top, QuerySolutions)
    counts = {r["entitet"].value: int(r["omtaler"].value) for r in top}
    assert counts[BASE + "lov/lab-2019"] == 10
    assert counts[BASE + "program/klar-til-start"] == 11


def test_without_an_index_the_page_says_how_to_build_it(
    samples_store: Path, tmp_path: Path
) -> None:
    site = Site(base=BASE, store_path=samples_store, index_path=tmp_path / "missing.sqlite")
    page = home_page(site, StoreFigures(None, Limits().resolved()), "http://test/")
    html = TEMPLATES.env.get_template(page.template).render(
        title=page.title, data=page.data, queries=[], rdf_links=[], iri=None
    )
    text = text_of(html)
    assert "Sideindekset er ikke klar endnu" in text
    assert "referatgraf index" in text
    assert "Tallene tælles op" in text
    assert 'href="/sparql"' in html
    assert "Seneste møder" not in text
