"""The lists to browse by: ``/moeder``, ``/udvalg``, a municipality's page, the register of
municipalities and a municipality's RDF, over the five samples through the real server. The
samples are five meetings: Ringkøbing-Skjern 18 August 2022 (10 items), Lemvig 8 June 2022
(10), Lejre 4 May 2022 (8) and 8 January 2020 (11), Holstebro 23 October 2019 (7); Lejre has
four committees in the graph, two of them with a meeting."""

from __future__ import annotations

import csv
import io
import re

import httpx
import pytest
from pyoxigraph import NamedNode, RdfFormat, parse

from tests.web.conftest import Server
from tests.web.test_browse import main_text

BASE = "https://w3id.org/referatgraf/"
RG = BASE + "def#"
RS = "/kommune/ringkoebing-skjern/udvalg/beskaeftigelsesudvalget/moede/2022-08-18"
LEMVIG = "/kommune/lemvig/udvalg/arbejdsmarkeds-og-integrationsudvalget/moede/2022-06-08"
LEJRE_2022 = "/kommune/lejre/udvalg/udvalget-for-job-arbejdsmarked-og-integration/moede/2022-05-04"
LEJRE_2020 = "/kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08"
HOLSTEBRO = "/kommune/holstebro/udvalg/arbejdsmarkedsudvalget/moede/2019-10-23"


def get(server: Server, path: str, **params: str) -> httpx.Response:
    response = httpx.get(server.url + path, params=params or None, timeout=30)
    assert response.status_code == 200, response.text
    return response


def meeting_rows(html: str) -> list[tuple[str, str]]:
    """(meeting page, number of items) of each row of the list."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(
        r'<td><a href="([^"]+)">[^<]*</a>.*?</td>\s*<td>.*?</td>\s*<td>(\d+)</td>', body, re.DOTALL
    )


@pytest.mark.parametrize(
    ("params", "rows", "text"),
    [
        (
            {},
            [(RS, "10"), (LEMVIG, "10"), (LEJRE_2022, "8"), (LEJRE_2020, "11"), (HOLSTEBRO, "7")],
            "5 møder, nyeste først.",
        ),
        ({"kommune": "lejre"}, [(LEJRE_2022, "8"), (LEJRE_2020, "11")], "2 møder, nyeste først."),
        (
            {"aar": "2022"},
            [(RS, "10"), (LEMVIG, "10"), (LEJRE_2022, "8")],
            "3 møder, nyeste først.",
        ),
        ({"kommune": "lejre", "aar": "2020"}, [(LEJRE_2020, "11")], "1 møde, nyeste først."),
        (
            {"udvalg": "lejre/udvalget-for-job-arbejdsmarked-og-integration"},
            [(LEJRE_2022, "8")],
            "1 møde, nyeste først.",
        ),
        ({"kommune": "odense"}, [], "0 møder, nyeste først."),
    ],
)
def test_the_meetings_newest_first_narrowed(
    server: Server, params: dict[str, str], rows: list[tuple[str, str]], text: str
) -> None:
    html = get(server, "/moeder", **params).text
    assert main_text(html).split(text)[0]  # the form comes first
    assert text in main_text(html)
    assert (meeting_rows(html) if rows else []) == rows


def test_the_meeting_list_offers_what_narrows_it_with_counts(server: Server) -> None:
    html = get(server, "/moeder", kommune="lejre").text
    assert '<option value="lejre" selected>Lejre Kommune (2)</option>' in html
    assert '<option value="holstebro">Holstebro Kommune (1)</option>' in html
    assert re.findall(r'<option value="(\d{4})"[^>]*>([^<]+)</option>', html) == [
        ("2022", "2022 (1)"), ("2020", "2020 (1)"),
    ]  # fmt: skip
    committees = re.findall(r'<option value="(lejre/[a-z-]+)">([^<]+)</option>', html)
    assert committees == [
        ("lejre/udvalget-for-job-og-arbejdsmarked",
         "Udvalget for Job og Arbejdsmarked (Lejre Kommune) (1)"),
        ("lejre/udvalget-for-job-arbejdsmarked-og-integration",
         "Udvalget for Job, Arbejdsmarked og Integration (Lejre Kommune) (1)"),
    ]  # fmt: skip
    assert '<a href="/soeg?kommune=lejre">Søg i disse møder</a>' in html


def test_an_unknown_year_is_named_and_left_out(server: Server) -> None:
    html = get(server, "/moeder", aar="to tusind").text
    assert "Ukendt værdi for aar; listen viser alle." in main_text(html)
    assert "5 møder, nyeste først." in main_text(html)


def test_the_register_of_committees(server: Server) -> None:
    html = get(server, "/udvalg").text
    text = main_text(html)
    assert "Udvalg 7 udvalg i 4 kommuner. Alle kommunens udvalg" in text
    groups = re.findall(r'<h2 id="kommune-\d+"><a href="([^"]+)">([^<]+)</a></h2>', html)
    assert groups == [
        ("/kommune/holstebro", "Holstebro Kommune"),
        ("/kommune/lejre", "Lejre Kommune"),
        ("/kommune/lemvig", "Lemvig Kommune"),
        ("/kommune/ringkoebing-skjern", "Ringkøbing-Skjern Kommune"),
    ]
    assert (
        "Lejre Kommune Udvalget for Børn og Ungdom – ingen møder indlæst"
        " Udvalget for Erhverv, Klima og Lokal udvikling – ingen møder indlæst"
        " Udvalget for Job og Arbejdsmarked – 1 møde, senest 8. januar 2020"
        " Udvalget for Job, Arbejdsmarked og Integration – 1 møde, senest 4. maj 2022"
    ) in text
    assert '<a href="/moeder?udvalg=lejre%2Fudvalget-for-job-og-arbejdsmarked">1 møde</a>' in html


def test_every_page_links_the_lists(server: Server) -> None:
    html = get(server, "/").text
    nav = html.split('<nav class="main-nav"', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/moeder">Møder</a>' in nav
    assert '<a href="/udvalg">Udvalg</a>' in nav


def test_a_municipality_page_names_its_most_mentioned_laws_and_programmes(
    server: Server,
) -> None:
    html = get(server, "/kommune/lejre").text
    section = html.split('id="mest-omtalt"', 1)[1].split("</section>", 1)[0]
    top = re.findall(
        r'<li><a href="([^"]+)">([^<]+)</a> <span class="details">\(([^)]+)\)', section
    )
    assert top[:3] == [
        ("/program/din-indgang", "Din indgang", "program, 4 omtaler"),
        ("/lov/lab-2019", "Lov om en aktiv beskæftigelsesindsats", "lov, 4 omtaler"),
        ("/program/faelles-om-familierne", "Fælles om familierne", "program, 3 omtaler"),
    ]
    assert len(top) == 9
    assert '<a href="/moeder?kommune=lejre">Kommunens møder efter udvalg og år</a>' in html
    assert '<a href="/feeds/kommune/lejre.atom" type="application/atom+xml">' in html
    feed = get(server, "/feeds/kommune/lejre.atom")
    assert feed.headers["content-type"].startswith("application/atom+xml")


def test_a_municipality_without_minutes_has_no_feed_link(server: Server) -> None:
    html = get(server, "/kommune/odense").text
    assert ".atom" not in html
    assert "Mest omtalte" not in html
    assert "Ingen møder indlæst endnu." in main_text(html)


def test_the_register_marks_the_municipalities_with_minutes(server: Server) -> None:
    html = get(server, "/register/kommuner", bogstav="L").text
    assert "Referater er indlæst fra 4 kommuner; de er fremhævet." in main_text(html)
    marked = re.findall(r'<li class="har-data"><strong><a href="([^"]+)">', html)
    assert marked == ["/kommune/lejre", "/kommune/lemvig"]
    assert (
        '<a href="/kommune/lejre">Lejre Kommune</a></strong> <span class="details">(2 møder)'
        in html
    )
    assert (
        '<a href="/kommune/lolland">Lolland Kommune</a> <span class="details">'
        "(ingen referater indlæst)" in html
    )


def test_a_municipality_rdf_links_its_committees_and_meetings(server: Server) -> None:
    response = httpx.get(
        server.url + "/kommune/lejre", headers={"Accept": "text/turtle"}, timeout=30
    )
    assert response.status_code == 200
    triples = list(parse(response.content, format=RdfFormat.TURTLE))
    lejre = NamedNode(BASE + "kommune/lejre")
    parts = {
        t.subject for t in triples if t.predicate.value == RG + "municipality" and t.object == lejre
    }
    types = {t.subject: t.object.value for t in triples if t.predicate.value.endswith("#type")}
    committees = sorted(p.value for p in parts if types.get(p) == RG + "Committee")
    meetings = sorted(p.value for p in parts if types.get(p) == RG + "Meeting")
    assert committees == [
        BASE + "kommune/lejre/udvalg/udvalget-for-boern-og-ungdom",
        BASE + "kommune/lejre/udvalg/udvalget-for-erhverv-klima-og-lokal-udvikling",
        BASE + "kommune/lejre/udvalg/udvalget-for-job-arbejdsmarked-og-integration",
        BASE + "kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked",
    ]
    assert meetings == [BASE + LEJRE_2022[1:], BASE + LEJRE_2020[1:]]  # sorted as text
    labels = {
        t.subject.value: t.object.value for t in triples if t.predicate.value.endswith("#label")
    }
    assert labels[BASE + LEJRE_2022[1:]] == (
        "Udvalget for Job, Arbejdsmarked og Integration, møde 4. maj 2022"
    )


def test_a_committee_page_links_its_meetings_and_feed(server: Server) -> None:
    path = "/kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked"
    html = get(server, path).text
    assert (
        '<a href="/moeder?udvalg=lejre%2Fudvalget-for-job-og-arbejdsmarked">'
        "Udvalgets møder efter år</a>" in html
    )
    assert f'<a href="/feeds{path}.atom" type="application/atom+xml">' in html
    assert (
        get(server, f"/feeds{path}.atom").headers["content-type"].startswith("application/atom+xml")
    )
    without = get(server, "/kommune/lejre/udvalg/udvalget-for-boern-og-ungdom").text
    assert "/moeder?" not in without
    assert ".atom" not in without


def test_the_meeting_list_as_csv_and_json(server: Server) -> None:
    html = get(server, "/moeder", kommune="lejre").text
    assert '<a href="/moeder?kommune=lejre&amp;format=csv" type="text/csv" download>' in html
    response = get(server, "/moeder", kommune="lejre", format="csv")
    assert response.headers["content-disposition"] == 'attachment; filename="moeder.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert [(r["dato"], r["udvalg"], r["punkter"], r["adresse"]) for r in rows] == [
        ("2022-05-04", "Udvalget for Job, Arbejdsmarked og Integration", "8",
         server.url + LEJRE_2022),
        ("2020-01-08", "Udvalget for Job og Arbejdsmarked", "11", server.url + LEJRE_2020),
    ]  # fmt: skip
    body = get(server, "/moeder", aar="2022", format="json").json()
    assert body["antal"] == 3
    assert body["adresse"] == server.url + "/moeder?aar=2022"
    assert [m["iri"] for m in body["moeder"]] == [BASE + p[1:] for p in (RS, LEMVIG, LEJRE_2022)]
    assert (
        body["moeder"][1]["moede"] == "Arbejdsmarkeds- og Integrationsudvalget, møde 8. juni 2022"
    )
