"""Every page of a store holding minutes that name no committee and no date, with an item
printed without a number or a title: loaded with the real command line beside a sample of
the same municipality (Lejre 2020), served by the real server, and crawled one link deep from
the pages that show it. The SPARQL these pages show gives the rows they show."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pyoxigraph import NamedNode, QuerySolutions

from graph.location import index_path_for
from tests.conftest import SAMPLES, referatgraf
from tests.web.conftest import Server, start_server
from tests.web.crawler import ACCEPT_HTML, Crawler
from tests.web.test_browse import json_ld, links, main_text
from web.browse_data import browse_query
from web.pages import concept
from web.pages.item_facts import item_row
from web.pages.page_sparql import bound_text, page_query, run
from web.site_readers import Site

BASE = "https://w3id.org/referatgraf/"
MINUTES = (
    "Lejre Kommune\n"
    "\n"
    "Sagsnr.: 22-016257\n"
    "Åben\n"
    "Sagsfremstilling\n"
    "KLAPjob er et program for ledige.\n"
    "Beslutning\n"
    "Godkendt.\n"
    "Steen Hansen (O) deltog ikke i behandlingen af punktet.\n"
    "\n"
    "Sagsnr.: 22-016300\n"
    "Åben\n"
    "Budget 2023\n"
    "Beslutning\n"
    "Godkendt med bemærkninger.\n"
)
# no committee: the meeting hangs on its municipality, named by the file's sha256
MEETING = "/kommune/lejre/moede/uden-udvalg-" + hashlib.sha256(MINUTES.encode()).hexdigest()[:12]
UNTITLED = MEETING + "/punkt/uden-nummer-1"  # no number, no title: named by its position
BUDGET = MEETING + "/punkt/uden-nummer-2"
LEJRE_2020 = "/kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08"
GODKENDT = "/def/outcome/godkendt"
# what no page may say of such minutes
NEVER = ("None", "Punkt 0", "punkt 0", "Punkt None", "ukendt")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("uden-hoved")
    bare = folder / "uden-hoved.txt"
    bare.write_text(MINUTES, encoding="utf-8")
    store = folder / "store"
    ran = referatgraf("load", "--store", store, SAMPLES[4], bare)
    assert ran.code == 0, ran.out + ran.err
    assert "2 items, 2 decisions, 3 sections" in ran.out
    return store


@pytest.fixture(scope="module")
def served(store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The server as published: with the store's dumps, which every page's footer links."""
    dumps = tmp_path_factory.mktemp("uden-hoved-dumps") / "dumps"
    ran = referatgraf("dump", "--store", store, "--out", dumps)
    assert ran.code == 0, ran.out + ran.err
    log = tmp_path_factory.mktemp("uden-hoved-server") / "server.log"
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("REFERATGRAF_DUMPS", str(dumps))
        yield from start_server(store, log, "--workers=2")


@pytest.fixture(scope="module")
def site(store: Path) -> Site:
    return Site(base=BASE, store_path=store, index_path=index_path_for(store))


def page(server: Server, path: str) -> httpx.Response:
    response = httpx.get(server.url + path, headers={"Accept": ACCEPT_HTML}, timeout=30)
    assert response.status_code == 200, (path, response.status_code)
    return response


def said(html: str) -> str:
    """The page's main text, with what no page may say of these minutes ruled out."""
    text = main_text(html.split('<section class="data-links"', 1)[0])
    for wrong in NEVER:
        assert wrong not in text, (wrong, text)
    return text


def test_the_meeting_page_says_what_the_minutes_do_not_name(served: Server) -> None:
    html = page(served, MEETING).text
    assert "<h1>Lejre Kommune, møde uden dato</h1>" in html
    text = said(html)
    assert "Dato ikke angivet i referatet" in text
    assert "Udvalg ikke angivet i referatet" in text
    assert "Kommune Lejre Kommune" in text
    agenda = text.split("Dagsorden Nr. Punkt Adgang Udfald Beslutning ", 1)[1]
    assert agenda.split(" Deltagere", 1)[0] == (
        "– Punkt uden nummer Åbent godkendt Godkendt."
        " – Budget 2023 Åbent godkendt Godkendt med bemærkninger."
    )  # each item's outcome and the start of its decision
    assert links(html).index(UNTITLED) < links(html).index(BUDGET)
    found = json_ld(html)
    assert found["name"] == "Lejre Kommune, møde uden dato"
    assert "organizer" not in found
    assert "startDate" not in found
    assert found["subjectOf"] == [
        {"@type": "CreativeWork", "@id": BASE + UNTITLED[1:], "name": "Punkt uden nummer"},
        {"@type": "CreativeWork", "@id": BASE + BUDGET[1:], "name": "Budget 2023"},
    ]


@pytest.mark.parametrize(
    ("path", "heading", "decision"),
    [
        (UNTITLED, "Punkt uden nummer", "Godkendt."),
        (BUDGET, "Budget 2023", "Godkendt med bemærkninger."),
    ],
)
def test_each_item_page_shows_its_decision(
    served: Server, path: str, heading: str, decision: str
) -> None:
    html = page(served, path).text
    assert f"<title>{heading} · referatgraf</title>" in html
    assert re.search(rf"<h1>\s*{heading}\s*</h1>", html), html
    text = said(html)
    assert f"Dagsordenspunkt uden nummer · Åbent punkt {heading} Møde Lejre Kommune, møde" in text
    assert "Udvalg ikke angivet i referatet" in text
    # the decision first: its words and outcome at the top, its section not again below
    assert f"Beslutning Udfald: godkendt {decision} Afsnittet «Beslutning» · linje" in text
    assert text.count(decision) == 1  # not again among the sections
    assert MEETING in links(html)
    found = json_ld(html)
    assert found["name"] == heading
    assert "position" not in found
    assert "datePublished" not in found
    assert found["isPartOf"] == {
        "@type": "Event", "@id": BASE + MEETING[1:], "name": "Lejre Kommune, møde uden dato"
    }  # fmt: skip


def test_the_untitled_item_marks_its_mention_of_klapjob(served: Server) -> None:
    html = page(served, UNTITLED).text
    assert "Sagsfremstilling KLAPjob er et program for ledige." in said(html)
    marked = re.search(r'<mark id="(omtale-\d+)"><a href="/program/klapjob"[^>]*>KLAPjob</a>', html)
    assert marked is not None
    assert "headline" not in json_ld(html)
    assert json_ld(page(served, BUDGET).text)["headline"] == "Budget 2023"


def test_an_absence_from_the_untitled_item_names_it(served: Server) -> None:
    meeting = said(page(served, MEETING).text)
    assert "Enkelte punkter Steen Hansen (deltog ikke): punkt uden nummer" in meeting
    html = page(served, "/kommune/lejre/person/steen-hansen").text
    text = said(html)
    # the last absence listed, before the attendance per year
    assert (
        "møde uden dato : fraværende under Punkt uden nummer (deltog ikke) Fremmøde pr. år" in text
    )
    assert UNTITLED in links(html)


def test_the_municipality_page_lists_the_meeting(served: Server) -> None:
    html = page(served, "/kommune/lejre").text
    text = said(html)
    assert "Møder indlæst 2" in text
    assert "8. januar 2020 Udvalget for Job og Arbejdsmarked referat uden dato – –" in text
    assert MEETING in links(html)


def test_search_finds_the_items(served: Server) -> None:
    html = page(served, "/soeg?q=klapjob").text
    text = said(html)
    assert "1 dagsordenspunkt passer på søgningen" in text
    assert (
        "Lejre Kommune, møde uden dato · Lejre Kommune Punkt uden nummer · Udfald: godkendt"
        " KLAPjob er et program for ledige. Godkendt." in text
    )
    assert UNTITLED in links(html)
    budget = page(served, "/soeg?q=budget").text
    assert "Lejre Kommune, møde uden dato · Lejre Kommune Budget 2023" in said(budget)
    assert BUDGET in links(budget)
    items = json_ld(budget)["mainEntity"]
    assert isinstance(items, dict)
    assert {
        "@type": "ListItem",
        "position": 1,
        "url": BASE + BUDGET[1:],
        "name": "Budget 2023",
    } in (items["itemListElement"])


def test_the_programme_page_lists_the_mention(served: Server) -> None:
    html = page(served, "/program/klapjob").text
    text = said(html)
    assert "1 omtale i 1 dagsordenspunkt fra 1 kommune." in text
    mentions = text.split("Omtalerne i sammenhæng ", 1)[1]
    assert mentions.startswith(
        "Lejre Kommune 1 omtale Uden dato 1 omtale KLAPjob er et program for ledige."
        " Punkt uden nummer · Udfald: godkendt Atom-feed"
    )
    assert any(href.startswith(UNTITLED + "#omtale-") for href in links(html))


def test_the_feeds_name_the_item_and_the_meeting(served: Server) -> None:
    mentions = httpx.get(served.url + "/feeds/program/klapjob.atom", timeout=30)
    assert mentions.status_code == 200
    assert "<title>Lejre Kommune: Punkt uden nummer</title>" in mentions.text
    assert "<summary>Lejre Kommune: KLAPjob er et program for ledige.</summary>" in mentions.text
    meetings = httpx.get(served.url + "/feeds/kommune/lejre.atom", timeout=30)
    assert meetings.status_code == 200
    entry = meetings.text.split("<title>Lejre Kommune, møde uden dato</title>", 1)[1]
    summary = entry.split("<summary>", 1)[1].split("</summary>", 1)[0]
    assert summary == "Dagsorden: punkt uden nummer; Budget 2023"


def test_the_outcome_page_lists_both_decisions_in_agenda_order(served: Server) -> None:
    html = page(served, GODKENDT).text
    text = said(html)
    assert "3 beslutninger i 3 dagsordenspunkter fra 1 kommune." in text
    assert text.endswith(
        "Punkt uden nummer Lejre Kommune Godkendt. Budget 2023 Lejre Kommune"
        " Godkendt med bemærkninger."
    )


def test_coverage_lists_the_meeting_without_committee(served: Server) -> None:
    html = page(served, "/daekning").text
    text = main_text(html)
    assert "2 møder fra 1 kommune og 1 udvalg." in text
    assert (
        "Lejre Kommune (2 møder) Møder uden udvalg i referatet: 1 møde uden dato"
        " Udvalget for Job og Arbejdsmarked : 1 møde 8. januar 2020" in text
    )
    assert MEETING in links(html)


def test_the_home_page_counts_the_meeting_and_lists_only_dated_ones(served: Server) -> None:
    html = page(served, "/").text
    text = main_text(html)
    assert "Kommuner med møder 1 Udvalg med møder 1 Møder 2 Dagsordenspunkter 13" in text
    assert MEETING not in links(html)
    assert LEJRE_2020 in links(html)


def test_every_link_from_these_pages_answers(served: Server) -> None:
    """One link deep from each page that shows the minutes: every internal link, each GET
    form as a person submits it, answers 200 (after its redirects), and HTML pages say
    nothing of a number or committee they do not have."""
    crawler = Crawler(served)
    starts = (
        MEETING, UNTITLED, BUDGET, "/kommune/lejre", "/soeg?q=klapjob", "/soeg?q=budget",
        "/program/klapjob", GODKENDT, "/daekning",
    )  # fmt: skip
    try:
        targets: dict[str, str] = {}
        for start in starts:
            seen, parser = crawler.fetch(start)
            assert seen.status == 200, start
            assert parser is not None
            base = served.url + (seen.redirects[-1] if seen.redirects else start)
            for href in parser.links:
                target = crawler.internal(base, href)
                if target is not None:
                    targets.setdefault(target, start)
        broken = []
        for target, start in sorted(targets.items()):
            seen, _ = crawler.fetch(target)
            if seen.status != 200:
                broken.append(f"{target} (linked from {start}): {seen.status}")
    finally:
        crawler.client.close()
    assert not broken, "\n".join(broken)
    assert len(targets) > 40  # the pages, their items and entities, the RDF, the footer


# -- the SPARQL the pages show gives what they show -------------------------------------------


def _rows(site: Site, query: str) -> list[dict[str, str]]:
    found = site.store().query(query)
    assert isinstance(found, QuerySolutions)
    names = [v.value for v in found.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in found]


@pytest.mark.parametrize("path", [UNTITLED, BUDGET])
def test_the_item_query_finds_the_items_without_number(site: Site, path: str) -> None:
    iri = BASE + path[1:]
    row = item_row(site.store(), iri)
    assert row is not None
    assert row["number"] is None
    assert row["committee"] is None
    assert row == run(site.store(), "item_main", {"item": NamedNode(iri)}).rows[0]


def test_the_mentions_query_finds_the_mention(site: Site) -> None:
    shown = bound_text(
        page_query("entity_mentions"), {"entity": NamedNode(BASE + "program/klapjob")}
    )
    rows = _rows(site, shown)
    assert [(r["kommune"], r["punkt"], r.get("nr"), r.get("udvalg")) for r in rows] == [
        ("Lejre Kommune", BASE + UNTITLED[1:], None, None)
    ]


def test_the_coverage_query_finds_the_meeting(site: Site) -> None:
    rows = _rows(site, browse_query("coverage_meetings"))
    assert [(r["kommune"], r.get("udvalg"), r["moede"]) for r in rows] == [
        ("Lejre Kommune", None, BASE + MEETING[1:]),
        ("Lejre Kommune", "Udvalget for Job og Arbejdsmarked", BASE + LEJRE_2020[1:]),
    ]


def test_the_outcome_page_without_an_index_shows_the_same(site: Site, tmp_path: Path) -> None:
    bare = Site(base=BASE, store_path=site.store_path, index_path=tmp_path / "intet.sqlite")
    assert bare.index() is None
    iri = BASE + GODKENDT[1:]
    indexed, alone = concept.concept_page(site, iri, 1), concept.concept_page(bare, iri, 1)
    assert indexed is not None
    assert alone is not None
    assert alone.data == indexed.data
    last = indexed.data["rows"][-2:]
    assert [(r["item"]["label"], r["committee"], r["date"]) for r in last] == [
        ("Punkt uden nummer", None, None),
        ("Budget 2023", None, None),
    ]
    assert json.dumps(indexed.data, default=str).count("Punkt 0") == 0
