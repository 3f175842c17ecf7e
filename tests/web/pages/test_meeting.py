"""The meeting page over the five samples: date, time, place, kind, committee, agenda with
outcomes, attendance and absence, source document."""

from __future__ import annotations

import json

from web.pages import Page
from web.pages.meeting import meeting_page
from web.site_readers import Site

from .conftest import BASE, render, visible_text

LEJRE_2020 = BASE + "kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08"
LEMVIG = BASE + "kommune/lemvig/udvalg/arbejdsmarkeds-og-integrationsudvalget/moede/2022-06-08"


def page_of(site: Site, iri: str) -> Page:
    page = meeting_page(site, iri, 1)
    assert page is not None
    return page


def test_when_where_and_who_holds_it(site: Site) -> None:
    page = page_of(site, LEJRE_2020)
    assert page.title == "Udvalget for Job & Arbejdsmarked, møde 8. januar 2020"
    data = page.data
    assert (data["date"], data["start"], data["end"]) == ("8. januar 2020", "16.30", "18.30")
    assert data["place"] == "Mødelokale 1, Lejrevej 15, 4320, Allerslev"
    assert data["kind"] == "Referat"
    assert data["committee"]["href"] == "/kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked"
    assert data["committee"]["label"] == "Udvalget for Job og Arbejdsmarked"
    assert data["municipality"]["label"] == "Lejre Kommune"


def test_the_agenda_in_order_with_outcomes(site: Site) -> None:
    agenda = page_of(site, LEJRE_2020).data["agenda"]
    assert [row["number"] for row in agenda] == list(range(1, 12))
    assert agenda[0]["title"] == "Godkendelse af dagsorden"
    assert agenda[0]["item"]["href"].endswith("/moede/2020-01-08/punkt/1")
    outcomes = [row["outcome"]["label"] if row["outcome"] else None for row in agenda]
    assert outcomes == [
        "godkendt",
        "taget til efterretning",
        "drøftet",
        "tiltrådt",
        "tiltrådt",
        "tiltrådt",
        "tiltrådt",
        "drøftet",
        "tiltrådt",
        "taget til efterretning",
        "ingen beslutning",
    ]
    assert not any(row["closed"] for row in agenda)
    lemvig = page_of(site, LEMVIG).data["agenda"]
    assert len(lemvig) == 10
    assert [row["number"] for row in lemvig if row["closed"]] == [2, 3]


def test_attendance_and_absence(site: Site) -> None:
    data = page_of(site, LEJRE_2020).data
    participants = [
        (p["person"]["label"], p["party"], p["role"], p["present"], p["absent"])
        for p in data["participants"]
    ]
    assert participants == [
        ("Ole Blickfeldt", "O", "næstformand", True, False),
        ("Steen Hansen", "O", "medlem", False, True),
        ("Henrik Nielsen", None, "sekretær", True, False),
        ("Christian Plank", "F", "formand", True, False),
        ("Martin Stokholm", "A", "medlem", True, False),
        ("Bjørn Lykke Sørensen", "C", "medlem", True, False),
    ]
    assert [(a["person"]["label"], a["reason"]) for a in data["absences"]] == [
        ("Steen Hansen", "fraværende")
    ]
    per_item = {a["person"]["label"]: a for a in data["item_absences"]}
    assert per_item["Ole Blickfeldt"]["reason"] == "deltog ikke"
    assert [i["label"] for i in per_item["Ole Blickfeldt"]["agenda_items"]] == ["punkt 1"]
    assert len(per_item["Steen Hansen"]["agenda_items"]) == 11
    text = visible_text(render(page_of(site, LEJRE_2020), LEJRE_2020))
    assert "Steen Hansen (O): fraværende" in text
    assert "Steen Hansen O medlem Fraværende" in text


def test_the_source_document(site: Site) -> None:
    source = page_of(site, LEJRE_2020).data["source"]
    assert source["file_name"] == "004_78f46f7a40cfaabc.txt"
    assert source["document"]["href"] == LEJRE_2020.removeprefix(BASE[:-1]) + "/kilde"
    assert source["media_type"] == "text/markdown"
    assert source["byte_size"] == 33875
    assert source["municipality_inferred"] is False
    assert page_of(site, LEMVIG).data["source"]["municipality_inferred"] is True


def test_json_ld_is_an_event(site: Site) -> None:
    found = json.loads(json.dumps(page_of(site, LEJRE_2020).jsonld))
    assert found["@type"] == "Event"
    assert found["@id"] == LEJRE_2020
    assert found["startDate"] == "2020-01-08T16:30:00"
    assert found["endDate"] == "2020-01-08T18:30:00"
    assert found["location"] == {
        "@type": "Place",
        "name": "Mødelokale 1, Lejrevej 15, 4320, Allerslev",
    }
    assert (
        found["organizer"]["@id"] == BASE + "kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked"
    )
    assert len(found["attendee"]) == 5
    assert len(found["subjectOf"]) == 11


def test_not_a_meeting_gives_none(site: Site) -> None:
    assert meeting_page(site, LEJRE_2020 + "/punkt/1", 1) is None
    assert meeting_page(site, BASE + "kommune/lejre/udvalg/x/moede/2020-01-09", 1) is None
