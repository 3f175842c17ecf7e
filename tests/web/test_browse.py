"""Search, the A-Å registers, the coverage page, sitemap.xml and robots.txt over the five
samples, through the real server (``tests/web/conftest.py``); and the pages of a store with a
failed load and of one without an index, in-process."""

from __future__ import annotations

import asyncio
import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

import httpx
import pytest
from fastapi import FastAPI

from graph.location import index_path_for
from tests.conftest import SAMPLES, referatgraf
from tests.web.conftest import Server
from web import browse
from web.site_readers import Site
from web.sitemap import BROWSING_PATHS, chunk, chunk_count

BASE = "https://w3id.org/referatgraf/"
HTML = {"Accept": "text/html"}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MEETINGS = [
    "/kommune/holstebro/udvalg/arbejdsmarkedsudvalget/moede/2019-10-23",
    "/kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08",
    "/kommune/lejre/udvalg/udvalget-for-job-arbejdsmarked-og-integration/moede/2022-05-04",
    "/kommune/lemvig/udvalg/arbejdsmarkeds-og-integrationsudvalget/moede/2022-06-08",
    "/kommune/ringkoebing-skjern/udvalg/beskaeftigelsesudvalget/moede/2022-08-18",
]


def get(server: Server, path: str, **params: str) -> httpx.Response:
    return httpx.get(server.url + path, params=params or None, headers=HTML, timeout=30)


def main_text(html: str) -> str:
    body = html.split("<main", 1)[-1].split("</main>", 1)[0]
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())
    return re.sub(r" ([.,)])", r"\1", text)


def json_ld(html: str) -> dict[str, object]:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert found is not None
    parsed: dict[str, object] = json.loads(found.group(1))
    return parsed


class Links(HTMLParser):
    def __init__(self, within: str = "main") -> None:
        super().__init__()
        self.within, self.depth, self.hrefs = within, 0, []  # type: ignore[var-annotated]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == self.within:
            self.depth += 1
        if tag == "a" and self.depth:
            self.hrefs += [v for k, v in attrs if k == "href" and v]

    def handle_endtag(self, tag: str) -> None:
        if tag == self.within:
            self.depth -= 1


def links(html: str) -> list[str]:
    parser = Links()
    parser.feed(html)
    return list(parser.hrefs)


# -- search ---------------------------------------------------------------------------------


def test_searching_klapjob_leads_to_the_klapjob_page_first(server: Server) -> None:
    page = get(server, "/soeg", q="KLAPjob")
    assert page.status_code == 200
    entities = page.text.split('class="entity-hits"', 1)[1].split("</ul>", 1)[0]
    assert re.findall(r'href="([^"]+)"', entities)[0] == "/program/klapjob"
    assert "KLAPjob (Program, 2 omtaler)" in main_text(entities)
    assert get(server, "/program/klapjob").status_code == 200


def test_the_contracts_search_path_answers_the_same_search(server: Server) -> None:
    danish, contract = get(server, "/soeg", q="KLAPjob"), get(server, "/search", q="KLAPjob")
    assert contract.status_code == 200
    assert main_text(contract.text) == main_text(danish.text)
    assert "/program/klapjob" in contract.text


def test_search_groups_the_items_by_meeting_with_the_passage_marked(server: Server) -> None:
    page = get(server, "/soeg", q="KLAPjob").text
    text = main_text(page)
    assert "2 dagsordenspunkter passer på søgningen" in text
    groups = re.findall(r'<section class="meeting-hits".*?</section>', page, re.DOTALL)
    assert len(groups) == 2
    lejre, lemvig = groups
    assert f'href="{MEETINGS[2]}"' in lejre
    assert 'href="/kommune/lejre"' in lejre
    assert "4. maj 2022" in lejre
    assert f'href="{MEETINGS[2]}/punkt/2"' in lejre
    assert 'href="/kommune/lemvig/udvalg/arbejdsmarkeds-og-integrationsudvalget"' in lemvig
    assert f'href="{MEETINGS[3]}/punkt/4"' in lemvig
    assert lejre.count("<mark>KLAPjob</mark>") == 1
    assert lemvig.count("<mark>KLAPjob</mark>") == 1
    found = json_ld(page)
    assert found["@type"] == "SearchResultsPage"
    listed = found["mainEntity"]["itemListElement"]  # type: ignore[index]
    assert listed[0]["url"] == BASE + "program/klapjob"


@pytest.mark.parametrize("q", ["aeldre", "AELDRE", "ældre", "Ældre"])
def test_search_folds_danish_letters(server: Server, q: str) -> None:
    page = get(server, "/soeg", q=q).text
    assert "2 dagsordenspunkter passer på søgningen" in main_text(page)
    assert "<mark>Ældre</mark>" in page
    assert "<mark>Ældreområdet</mark>" in page


def test_search_pages_through_many_results(server: Server) -> None:
    first = get(server, "/soeg", q="og").text
    total = int(re.search(r"(\d+) dagsordenspunkter passer", main_text(first)).group(1))  # type: ignore[union-attr]
    assert total > 20
    assert 'rel="next" href="/soeg?q=og&amp;side=2"' in first
    second = get(server, "/soeg", q="og", side="2").text
    assert f"Side 2 af {-(-total // 20)}" in main_text(second)
    assert 'rel="prev" href="/soeg?q=og"' in second
    beyond = get(server, "/soeg", q="og", side="999")
    assert beyond.status_code == 200
    assert "Ingen dagsordenspunkter på denne side" in main_text(beyond.text)


def test_an_empty_query_shows_the_form_alone(server: Server) -> None:
    page = get(server, "/soeg", q="")
    assert page.status_code == 200
    text = main_text(page.text)
    assert 'id="soeg-q"' in page.text
    assert "Ingen resultater" not in text
    assert "Dagsordenspunkter" not in text
    assert get(server, "/soeg").status_code == 200


def test_a_query_that_matches_nothing_says_so(server: Server) -> None:
    page = get(server, "/soeg", q="zyxwvutsrq")
    assert page.status_code == 200
    assert "Ingen resultater for zyxwvutsrq." in main_text(page.text)
    assert "<q>zyxwvutsrq</q>" in page.text


HOSTILE = [
    '"',
    "'",
    '"KLAP',
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "KLAPjob OR NEAR(a b) AND -x ^y *",
    "col:value {a b} (c) + - :",
    "\\ \\\\ %00 %",
    "æøå" * 50,
    "x" * 10_000,
    " ".join(["ord"] * 40),
]


@pytest.mark.parametrize("q", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_get_a_normal_inert_page(server: Server, q: str) -> None:
    page = httpx.get(server.url + "/soeg", params={"q": q, "side": "x"}, headers=HTML, timeout=30)
    assert page.status_code == 200
    html = page.text
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts == ['<script type="application/ld+json">']
    head, _, rest = html.partition('<script type="application/ld+json">')
    data, _, tail = rest.partition("</script>")
    assert "<" not in data  # JSON-LD: markup written as \u003c
    assert "<img" not in head + tail
    assert "<script>" not in head + tail
    assert "default-src 'none'" in page.headers["content-security-policy"]


def test_a_long_query_is_cut_and_the_page_says_so(server: Server) -> None:
    text = main_text(get(server, "/soeg", q="x" * 10_000).text)
    assert "Søgningen var længere end 200 tegn; der er søgt på de første 200." in text
    words = main_text(get(server, "/soeg", q=" ".join(["ord"] * 40)).text)
    assert "Søgningen havde mere end 12 ord; der er søgt på de første 12." in words


# -- registers ------------------------------------------------------------------------------


def test_the_register_overview_lists_the_five_registers(server: Server) -> None:
    page = get(server, "/register/")
    assert page.status_code == 200
    text = main_text(page.text)
    for heading in (
        "Love (85 love)",  # every act of the reference data, cited or not
        "Programmer (22 programmer)",
        "Organisationer (157 organisationer)",
        "Personer (25 personer)",
        "Kommuner (98 kommuner)",
    ):
        assert heading in text, heading
    assert json_ld(page.text)["@type"] == "CollectionPage"
    redirect = httpx.get(server.url + "/register")
    assert (redirect.status_code, redirect.headers["location"]) == (308, "/register/")


def test_the_letters_run_in_danish_order_with_their_counts(server: Server) -> None:
    page = get(server, "/register/kommuner").text
    nav = page.split('<nav class="letters"', 1)[1].split("</nav>", 1)[0]
    letters = re.findall(r"<li>(?:<a [^>]*>|<span [^>]*>|<strong [^>]*>)(.)", nav)
    assert letters == list("ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ")
    assert 'href="/register/kommuner?bogstav=%C3%85" title="3 kommuner"' in nav
    assert '<span class="empty" title="ingen">Ø</span>' in nav
    assert "98 kommuner." in main_text(page)


def test_a_letter_lists_its_names_and_aa_is_filed_under_aa(server: Server) -> None:
    page = get(server, "/register/kommuner", bogstav="Å").text
    entries = page.split('class="register-entries"', 1)[1].split("</ul>", 1)[0]
    assert re.findall(r'href="([^"]+)"', entries) == [
        "/kommune/aabenraa",
        "/kommune/aalborg",
        "/kommune/aarhus",
    ]
    assert '<strong aria-current="page">Å</strong>' in page
    lower = get(server, "/register/kommuner", bogstav="å").text
    assert 'href="/kommune/aarhus"' in lower


def test_each_register_lists_its_names(server: Server) -> None:
    laws = get(server, "/register/love").text
    assert laws.count('href="/lov/') == 85
    assert "Lov om en aktiv beskæftigelsesindsats (10 omtaler)" in main_text(laws)
    persons = get(server, "/register/personer", bogstav="S").text  # filed by surname
    assert 'href="/kommune/lejre/person/bjoern-lykke-soerensen"' in persons
    assert 'href="/kommune/lejre/person/bjoern-lykke-soerensen"' not in (
        get(server, "/register/personer", bogstav="B").text
    )
    programmes = get(server, "/register/programmer", bogstav="K").text
    assert 'href="/program/klapjob"' in programmes
    organisations = get(server, "/register/organisationer", bogstav="J").text
    assert "100 organisationer under J" in main_text(organisations)
    assert 'rel="next" href="/register/organisationer?bogstav=J&amp;side=2"' not in organisations


def test_persons_are_filed_and_sorted_by_surname(server: Server) -> None:
    page = get(server, "/register/personer", bogstav="S").text
    entries = page.split('class="register-entries"', 1)[1].split("</ul>", 1)[0]
    names = [
        re.sub(r"<[^>]+>|\s*\(.*", "", n).strip()
        for n in re.findall(r"<li>(.*?)</li>", entries, re.S)
    ]
    # filed by first name they would stand under L, M and B
    assert names == ["Lone Stengaard", "Martin Stokholm", "Bjørn Lykke Sørensen"]


def test_unknown_letters_and_registers(server: Server) -> None:
    odd = get(server, "/register/love", bogstav="<b>xy")
    assert odd.status_code == 200
    assert "Registret har intet bogstav" in main_text(odd.text)
    assert "<b>xy" not in odd.text
    empty = get(server, "/register/love", bogstav="Q")
    assert "Ingen love her." in main_text(empty.text)
    assert get(server, "/register/udvalgene").status_code == 404


# -- coverage -------------------------------------------------------------------------------


def test_coverage_lists_the_five_meetings_by_municipality_and_committee(server: Server) -> None:
    page = get(server, "/daekning")
    assert page.status_code == 200
    text = main_text(page.text)
    assert "5 møder fra 4 kommuner og 5 udvalg." in text
    section = page.text.split('id="moeder-titel"', 1)[1].split('id="fejl-titel"', 1)[0]
    meetings = [h for h in links(page.text) if "/moede/" in h]
    assert meetings == MEETINGS
    assert "Lejre Kommune (2 møder)" in main_text(section)
    for day in ("23. oktober 2019", "8. januar 2020", "4. maj 2022", "8. juni 2022"):
        assert day in text
    assert "Ingen: de seneste 5 indlæsninger læste alle deres filer." in text
    assert json_ld(page.text)["@type"] == "CollectionPage"


# -- sitemap and robots ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def sitemap_urls(server: Server) -> list[str]:
    answer = httpx.get(server.url + "/sitemap.xml")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/xml")
    root = ElementTree.fromstring(answer.content)
    assert root.tag == SITEMAP + "urlset"
    for url in root:
        assert url.tag == SITEMAP + "url"
        assert next(child.tag for child in url) == SITEMAP + "loc"
        modified = url.find(SITEMAP + "lastmod")
        assert modified is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", modified.text or "")
    return [loc.text or "" for loc in root.iter(SITEMAP + "loc")]


def test_the_sitemap_lists_every_page_on_this_origin(
    sitemap_urls: list[str], server: Server
) -> None:
    assert len(sitemap_urls) == len(set(sitemap_urls))
    assert all(url.startswith(server.url + "/") for url in sitemap_urls)
    paths = {urlsplit(url).path for url in sitemap_urls}
    assert set(BROWSING_PATHS) <= paths
    assert {"/program/klapjob", "/lov/lab-2019", "/kommune/lejre", *MEETINGS} <= paths
    assert f"{MEETINGS[3]}/punkt/4" in paths
    assert not any("#" in url for url in sitemap_urls)


def test_every_url_in_the_sitemap_answers_200(sitemap_urls: list[str]) -> None:
    failed = []
    with httpx.Client(headers=HTML, timeout=30) as client:
        for url in sitemap_urls:
            status = client.get(url).status_code
            if status != 200:
                failed.append((url, status))
    assert failed == []


def test_robots_txt_points_at_the_sitemap(server: Server) -> None:
    robots = httpx.get(server.url + "/robots.txt")
    assert robots.status_code == 200
    assert f"Sitemap: {server.url}/sitemap.xml" in robots.text.splitlines()
    assert "Disallow: /sparql" in robots.text.splitlines()


def test_the_sitemap_is_cut_into_chunks(samples_store: Path) -> None:
    site = Site(base=BASE, store_path=samples_store, index_path=index_path_for(samples_store))
    everything = chunk(site, "http://h", 1, per_chunk=100_000)
    count = chunk_count(site, 100)
    assert count == -(-len(everything) // 100) >= 2
    pieces = [chunk(site, "http://h", n, per_chunk=100) for n in range(1, count + 1)]
    assert [url for piece in pieces for url in piece] == everything
    assert all(len(piece) <= 100 for piece in pieces)


# -- validators -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    ["/soeg?q=KLAPjob", "/register/", "/register/love?bogstav=L", "/daekning", "/sitemap.xml"],
)
def test_pages_answer_304_to_their_etag(server: Server, path: str) -> None:
    first = httpx.get(server.url + path, headers=HTML)
    etag = first.headers["etag"]
    again = httpx.get(server.url + path, headers={**HTML, "If-None-Match": etag})
    assert again.status_code == 304
    other = httpx.get(server.url + path + ("&" if "?" in path else "?") + "side=2", headers=HTML)
    assert other.headers["etag"] != etag


# -- "Se forespørgslen" ---------------------------------------------------------------------


def test_a_browser_following_a_query_link_gets_the_query_page(server: Server) -> None:
    page = get(server, "/daekning").text
    hrefs = [h for h in links(page) if h.startswith("/sparql?query=")]
    hrefs += re.findall(r'href="(/sparql\?query=[^"]+)"', page)
    assert hrefs
    opened = httpx.get(server.url + unescape(hrefs[0]), headers={"Accept": "text/html"})
    assert opened.status_code == 200
    assert opened.headers["content-type"].startswith("text/html")
    textarea = opened.text.split('<textarea id="query"', 1)[1].split("</textarea>", 1)[0]
    assert "?moede a rg:Meeting" in unescape(textarea)
    assert "&lt;https://w3id.org/referatgraf/def#&gt;" in textarea  # escaped, not markup


def test_a_sparql_client_still_gets_results(server: Server) -> None:
    query = "SELECT (COUNT(?m) AS ?n) WHERE { ?m a <https://w3id.org/referatgraf/def#Meeting> }"
    answer = httpx.get(
        server.sparql,
        params={"query": query},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert answer.status_code == 200
    assert answer.json()["results"]["bindings"][0]["n"]["value"] == "5"
    browser = httpx.get(server.sparql, params={"query": query, "format": "json"}, headers=HTML)
    assert browser.headers["content-type"].startswith("application/sparql-results+json")
    hostile = "SELECT * WHERE { ?s ?p '</textarea><script>alert(1)</script>' }"
    page = httpx.get(server.sparql, params={"query": hostile}, headers=HTML)
    assert "<script>alert(1)" not in page.text
    assert "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


# -- in-process: a failed load, and no index ------------------------------------------------


def request(site: Site, path: str) -> httpx.Response:
    app = FastAPI()
    app.state.site = site
    app.include_router(browse.router)

    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get(path)

    return asyncio.run(send())


def test_coverage_shows_the_files_that_failed(tmp_path: Path) -> None:
    broken = tmp_path / "ikke-et-referat.txt"
    broken.write_bytes(b"\x00\x01\x02 <script>alert(1)</script>")
    store = tmp_path / "store"
    ran = referatgraf("load", "--store", store, SAMPLES[0], broken)
    assert ran.code == 1, ran.out + ran.err
    page = request(Site(base=BASE, store_path=store, index_path=index_path_for(store)), "/daekning")
    assert page.status_code == 200
    failures = page.text.split('id="fejl-titel"', 1)[1]
    assert "<code>ikke-et-referat.txt</code>" in failures
    assert "<script>alert" not in page.text
    assert "1 møde fra 1 kommune og 1 udvalg." in main_text(page.text)


def test_coverage_shows_the_files_loaded_with_warnings(tmp_path: Path) -> None:
    bare = tmp_path / "uden-hoved.txt"
    bare.write_text(
        "Lejre Kommune\n\nPunkt 1: Godkendelse af dagsorden\nBeslutning\nGodkendt.\n",
        encoding="utf-8",
    )
    store = tmp_path / "store"
    ran = referatgraf("load", "--store", store, SAMPLES[4], bare)
    assert ran.code == 0, ran.out + ran.err
    page = request(Site(base=BASE, store_path=store, index_path=index_path_for(store)), "/daekning")
    assert page.status_code == 200
    meetings = main_text(page.text.split('id="moeder-titel"', 1)[1].split('id="fejl-titel"')[0])
    assert "Møder uden udvalg i referatet: 1 møde" in meetings
    assert "uden dato" in meetings
    warnings = page.text.split('id="advarsler-titel"', 1)[1]
    rows = re.findall(r"<tr><td><code>([^<]+)</code></td><td>([^<]+)</td></tr>", warnings)
    assert rows == [
        ("uden-hoved.txt", "ingen mødedato fundet: mødet er indlæst uden dato"),
        ("uden-hoved.txt", "intet udvalg fundet: mødet hører kun til sin kommune"),
    ]
    assert "Advarsel</th>" in warnings


def test_without_an_index_every_page_still_answers(samples_store: Path, tmp_path: Path) -> None:
    site = Site(base=BASE, store_path=samples_store, index_path=tmp_path / "none.sqlite")
    for path in ("/soeg?q=KLAPjob", "/register/", "/register/love", "/daekning"):
        page = request(site, path)
        assert page.status_code == 200, path
        assert "referatgraf index" in page.text, path
    sitemap = ElementTree.fromstring(request(site, "/sitemap.xml").content)
    assert len(list(sitemap)) == len(BROWSING_PATHS)
