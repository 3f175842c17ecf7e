"""``/soeg`` narrowed, sorted, paged, spelt and exported, over the five samples through the real
server (``tests/web/conftest.py``). The expected values are read from the samples: "KLAPjob" is
named in item 2 of Lejre's meeting of 4 May 2022 (decision: godkendt) and in item 4 of Lemvig's
of 8 June 2022 (taget til efterretning); "borger" is in 25 items: 9 of 8 January 2020, 5 of
18 August 2022, 5 of 8 June 2022, 4 of 23 October 2019 and 2 of 4 May 2022."""

from __future__ import annotations

import csv
import io
import json
import re
from xml.etree import ElementTree

import httpx
import pytest

from tests.web.conftest import Server
from tests.web.test_browse import main_text

BASE = "https://w3id.org/referatgraf/"
LEJRE_2 = (
    "/kommune/lejre/udvalg/udvalget-for-job-arbejdsmarked-og-integration/moede/2022-05-04/punkt/2"
)
LEMVIG_4 = "/kommune/lemvig/udvalg/arbejdsmarkeds-og-integrationsudvalget/moede/2022-06-08/punkt/4"
ATOM = "{http://www.w3.org/2005/Atom}"


def get(server: Server, **params: str) -> httpx.Response:
    response = httpx.get(server.url + "/soeg", params=params, timeout=30)
    assert response.status_code == 200, response.text
    return response


def hits(html: str) -> list[str]:
    return re.findall(r'<li><a href="(/kommune/[^"#]+/punkt/\d+)">', html)


def entity_hits(html: str) -> list[str]:
    section = html.split('class="entity-hits"', 1)
    if len(section) == 1:
        return []
    return re.findall(r'<li><a href="([^"]+)">', section[1].split("</ul>", 1)[0])


@pytest.mark.parametrize(
    ("params", "items"),
    [
        ({}, [LEJRE_2, LEMVIG_4]),
        ({"kommune": "lemvig"}, [LEMVIG_4]),
        ({"kommune": "lejre"}, [LEJRE_2]),
        ({"kommune": "holstebro"}, []),
        ({"udvalg": "lejre/udvalget-for-job-arbejdsmarked-og-integration"}, [LEJRE_2]),
        ({"udvalg": "lemvig/arbejdsmarkeds-og-integrationsudvalget"}, [LEMVIG_4]),
        ({"fra": "2022-06-01"}, [LEMVIG_4]),
        ({"til": "2022-05-31"}, [LEJRE_2]),
        ({"fra": "2022-05-04", "til": "2022-05-04"}, [LEJRE_2]),  # both days included
        ({"fra": "2022-06-09"}, []),
        ({"udfald": "godkendt"}, [LEJRE_2]),
        ({"udfald": "taget-til-efterretning"}, [LEMVIG_4]),
        ({"udfald": "droeftet"}, []),
        ({"type": "punkter"}, [LEJRE_2, LEMVIG_4]),
        ({"type": "programmer"}, []),
        ({"sortering": "dato"}, [LEMVIG_4, LEJRE_2]),
    ],
)
def test_each_filter_narrows_the_items(
    server: Server, params: dict[str, str], items: list[str]
) -> None:
    html = get(server, q="KLAPjob", **params).text
    assert sorted(hits(html)) == sorted(items)
    if params.get("sortering") == "dato":
        assert hits(html) == items  # newest meeting first


@pytest.mark.parametrize(
    ("params", "entities"),
    [
        ({}, ["/program/klapjob"]),
        ({"kommune": "lemvig"}, ["/program/klapjob"]),  # mentioned there
        ({"kommune": "holstebro"}, []),  # never mentioned there
        ({"udfald": "godkendt"}, ["/program/klapjob"]),
        ({"fra": "2023-01-01"}, []),
        ({"type": "programmer"}, ["/program/klapjob"]),
        ({"type": "love"}, []),
        ({"type": "punkter"}, []),
    ],
)
def test_the_names_found_are_narrowed_too(
    server: Server, params: dict[str, str], entities: list[str]
) -> None:
    assert entity_hits(get(server, q="KLAPjob", **params).text) == entities


def test_the_kind_of_name_lists_names_only_and_counts_them(server: Server) -> None:
    html = get(server, q="lejre", type="kommuner").text
    text = main_text(html)
    assert entity_hits(html) == ["/kommune/lejre"]
    assert "1 navn passer på søgningen." in text
    assert "Dagsordenspunkter" not in text
    assert hits(html) == []


def test_nothing_found_with_a_filter_says_so(server: Server) -> None:
    text = main_text(get(server, q="KLAPjob", kommune="holstebro").text)
    assert "Ingen resultater for KLAPjob med den valgte afgrænsning." in text


def test_the_form_shows_the_filters_chosen_and_the_values_to_choose_from(server: Server) -> None:
    html = get(server, q="KLAPjob", kommune="lejre", udfald="godkendt", sortering="dato").text
    assert '<option value="lejre" selected>Lejre Kommune</option>' in html
    assert '<option value="lemvig">Lemvig Kommune</option>' in html
    assert '<option value="godkendt" selected>godkendt</option>' in html
    assert '<option value="dato" selected>Nyeste møde først</option>' in html
    # the committees offered are the chosen municipality's: Lejre's two with meetings
    committees = re.findall(r'<option value="([a-z0-9-]+/[a-z0-9-]+)"', html)
    assert committees == [
        "lejre/udvalget-for-job-og-arbejdsmarked",
        "lejre/udvalget-for-job-arbejdsmarked-og-integration",
    ]
    outcomes = re.findall(r'<select id="soeg-udfald".*?</select>', html, re.DOTALL)[0]
    assert re.findall(r">([^<]+)</option>", outcomes) == [
        "Alle udfald", "drøftet", "godkendt", "indstillet til andet udvalg", "ingen beslutning",
        "taget til efterretning", "tiltrådt",
    ]  # fmt: skip


def test_an_unknown_value_is_left_out_and_named(server: Server) -> None:
    html = get(server, q="KLAPjob", fra="2022-13-01", kommune="Lemvig Kommune").text
    assert "Ukendt værdi for kommune, fra dato; der er søgt uden." in main_text(html)
    assert sorted(hits(html)) == [LEJRE_2, LEMVIG_4]


def test_newest_first_orders_every_page_by_meeting_date(server: Server) -> None:
    first = get(server, q="borger", sortering="dato").text
    assert "Side 1 af 2 (punkt 1–20 af 25)" in main_text(first)
    assert '<a rel="next" href="/soeg?q=borger&amp;sortering=dato&amp;side=2">' in first
    second = get(server, q="borger", sortering="dato", side="2").text
    assert "Side 2 af 2 (punkt 21–25 af 25)" in main_text(second)
    assert '<a rel="prev" href="/soeg?q=borger&amp;sortering=dato">' in second
    dates = [m[:10] for m in re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)">', first + second)]
    # one date per meeting group: 5 of 18 Aug 2022, 5 of 8 Jun, 2 of 4 May (page 1 ends in
    # 8 Jan 2020, which goes on on page 2), then 23 Oct 2019
    assert dates == [
        "2022-08-18", "2022-06-08", "2022-05-04", "2020-01-08", "2020-01-08", "2019-10-23",
    ]  # fmt: skip
    everything = hits(first) + hits(second)
    assert len(everything) == len(set(everything)) == 25


def test_paging_keeps_the_filters(server: Server) -> None:
    html = get(server, q="borger", type="punkter", fra="2019-01-01").text
    assert "Side 1 af 2 (punkt 1–20 af 25)" in main_text(html)
    assert (
        '<a rel="next" href="/soeg?q=borger&amp;fra=2019-01-01&amp;type=punkter&amp;side=2">'
        in html
    )


@pytest.mark.parametrize(
    ("params", "text", "href"),
    [
        ({"q": "klapjbo"}, "klapjob", "/soeg?q=klapjob"),
        ({"q": "KLAPjbo", "kommune": "lemvig"}, "klapjob", "/soeg?q=klapjob&amp;kommune=lemvig"),
        ({"q": "ældreomrdet"}, "ældreområdet", "/soeg?q=%C3%A6ldreomr%C3%A5det"),
        ({"q": "aeldreomrdet"}, "ældreområdet", "/soeg?q=%C3%A6ldreomr%C3%A5det"),
        ({"q": "fleksjbo ledighd"}, "fleksjob ledighed", "/soeg?q=fleksjob+ledighed"),
    ],
)
def test_a_misspelling_gets_a_suggestion_from_the_index(
    server: Server, params: dict[str, str], text: str, href: str
) -> None:
    html = get(server, **params).text
    assert f'Mente du <a href="{href}"><q>{text}</q></a>?' in html
    suggested = httpx.get(server.url + href.replace("&amp;", "&"), timeout=30).text
    assert hits(suggested)  # the suggestion finds something


def test_no_suggestion_when_no_word_is_near(server: Server) -> None:
    html = get(server, q="xqzzyv").text
    assert "Ingen resultater for" in main_text(html)
    assert "Mente du" not in html


def test_the_results_are_linked_as_csv_json_and_atom(server: Server) -> None:
    html = get(server, q="KLAPjob", kommune="lemvig").text
    assert (
        '<a href="/soeg?q=KLAPjob&amp;kommune=lemvig&amp;format=csv" type="text/csv" download>'
        "CSV</a>" in html
    )
    assert '<a href="/soeg?q=KLAPjob&amp;kommune=lemvig&amp;format=json"' in html
    assert '<a href="/soeg?q=KLAPjob&amp;kommune=lemvig&amp;format=atom"' in html


def expected_rows(server: Server) -> list[dict[str, str]]:
    return [
        {
            "type": "program", "titel": "KLAPjob", "dato": "", "kommune": "", "udvalg": "",
            "moede": "", "udfald": "", "omtaler": "2", "uddrag": "",
            "adresse": server.url + "/program/klapjob", "iri": BASE + "program/klapjob",
        },
        {
            "type": "dagsordenspunkt",
            "titel": "Punkt 4: De beskæftigelsespolitiske mål for 2023",
            "dato": "2022-06-08",
            "kommune": "Lemvig Kommune",
            "udvalg": "Arbejdsmarkeds- og Integrationsudvalget",
            "moede": "Arbejdsmarkeds- og Integrationsudvalget, møde 8. juni 2022",
            "udfald": "taget til efterretning",
            "omtaler": "",
            "uddrag": "… at få flere personer med handicap i beskæftigelse. Jobcentret samarbejder"
            " med KLAPjob om at etablere skånejobs til mennesker med udviklingshæmning og andre"
            " kognitive handicap, så de får mulighed for at have et aktivt arbejdsliv. Samtidig …",
            "adresse": server.url + LEMVIG_4,
            "iri": BASE + LEMVIG_4[1:],
        },
    ]  # fmt: skip


def test_csv_holds_every_result(server: Server) -> None:
    response = get(server, q="KLAPjob", kommune="lemvig", format="csv")
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="soegning.csv"'
    assert response.text.startswith(
        "type,titel,dato,kommune,udvalg,moede,udfald,omtaler,uddrag,adresse,iri\r\n"
    )
    assert list(csv.DictReader(io.StringIO(response.text))) == expected_rows(server)


def test_json_holds_the_same_rows(server: Server) -> None:
    response = get(server, q="KLAPjob", kommune="lemvig", format="json")
    assert response.headers["content-type"] == "application/json"
    body = json.loads(response.text)
    assert body["soegning"] == {"q": "KLAPjob", "kommune": "lemvig", "format": "json"}
    assert body["adresse"] == server.url + "/soeg?q=KLAPjob&kommune=lemvig"
    assert (body["antal"], body["afkortet"]) == (2, False)
    rows = [{k: str(v) for k, v in row.items()} for row in body["resultater"]]
    assert rows == expected_rows(server)


def test_json_of_every_page_at_once(server: Server) -> None:
    body = json.loads(get(server, q="borger", sortering="dato", format="json", side="2").text)
    dates = [row["dato"] for row in body["resultater"]]
    assert body["antal"] == len(dates) == 25
    assert dates == sorted(dates, reverse=True)
    assert [dates.count(d) for d in dict.fromkeys(dates)] == [5, 5, 2, 9, 4]


def test_atom_feed_of_the_newest_items(server: Server) -> None:
    response = get(server, q="KLAPjob", format="atom")
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    feed = ElementTree.fromstring(response.content)
    assert feed.findtext(f"{ATOM}title") == "Søgning i referatgraf: KLAPjob"
    assert feed.findtext(f"{ATOM}updated") == "2022-06-08T00:00:00Z"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}id") for e in entries] == [BASE + LEMVIG_4[1:], BASE + LEJRE_2[1:]]
    links = [e.find(f"{ATOM}link").get("href") for e in entries]  # type: ignore[union-attr]
    assert links == [server.url + LEMVIG_4, server.url + LEJRE_2]
    assert [e.findtext(f"{ATOM}updated") for e in entries] == [
        "2022-06-08T00:00:00Z", "2022-05-04T00:00:00Z",
    ]  # fmt: skip
    assert entries[1].findtext(f"{ATOM}title") == (
        "Punkt 2: Orientering maj 2022 · Udvalget for Job, Arbejdsmarked og Integration,"
        " møde 4. maj 2022"
    )
    assert entries[0].findtext(f"{ATOM}summary").endswith(" Udfald: taget til efterretning.")  # type: ignore[union-attr]


def test_each_item_found_shows_its_outcome(server: Server) -> None:
    html = get(server, q="KLAPjob").text
    assert (
        '<span class="outcome">· Udfald: <a href="/def/outcome/godkendt">godkendt</a></span>'
        in html
    )
    assert '<a href="/def/outcome/taget-til-efterretning">taget til efterretning</a>' in html
