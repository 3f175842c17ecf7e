"""The committee page over the five samples: municipality, meetings newest first, members."""

from __future__ import annotations

import json

from web.pages import PER_PAGE
from web.pages.committee import committee_page
from web.site_readers import Site

from .conftest import BASE, render, visible_text

JOB = BASE + "kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked"
BOERN = BASE + "kommune/lejre/udvalg/udvalget-for-boern-og-ungdom"


def test_municipality_meetings_and_members(site: Site) -> None:
    page = committee_page(site, JOB, 1)
    assert page is not None
    assert page.title == "Udvalget for Job og Arbejdsmarked"
    data = page.data
    assert data["municipality"]["href"] == "/kommune/lejre"
    assert data["kommunekode"] == "350"
    assert [(m["date"], m["agenda_size"], m["kind"]) for m in data["meetings"]] == [
        ("8. januar 2020", 11, "referat")
    ]
    assert data["meetings"][0]["meeting"]["href"].endswith("/moede/2020-01-08")
    assert data["pages"] == {"page": 1, "pages": 1, "total": 1, "first": 1, "last": 1}
    members = [(m["person"]["label"], m["party"], m["role"]) for m in data["members"]]
    assert members == [
        ("Ole Blickfeldt", "O", "næstformand"),
        ("Steen Hansen", "O", "medlem"),
        ("Henrik Nielsen", None, "sekretær"),
        ("Christian Plank", "F", "formand"),
        ("Martin Stokholm", "A", "medlem"),
        ("Bjørn Lykke Sørensen", "C", "medlem"),
    ]
    assert data["members"][0]["first_seen"] == "8. januar 2020"
    text = visible_text(render(page, JOB))
    assert (
        "Christian Plank F (SF – Socialistisk Folkeparti) formand 8. januar 2020 8. januar 2020"
        in text
    )


def test_a_page_past_the_last_is_empty_but_says_where_to_go(site: Site) -> None:
    page = committee_page(site, JOB, 2)
    assert page is not None
    assert page.data["meetings"] == []
    assert page.data["pages"]["total"] == 1
    assert "Til første side" in visible_text(render(page, JOB))
    assert PER_PAGE == 50


def test_a_committee_named_only_in_treatments_has_no_meetings(site: Site) -> None:
    page = committee_page(site, BOERN, 1)
    assert page is not None
    assert page.title == "Udvalget for Børn og Ungdom"
    assert page.data["meetings"] == []
    assert page.data["members"] == []
    assert "Ingen møder indlæst endnu." in visible_text(render(page, BOERN))


def test_json_ld_is_a_government_organization(site: Site) -> None:
    page = committee_page(site, JOB, 1)
    assert page is not None
    found = json.loads(json.dumps(page.jsonld))
    assert found["@type"] == "GovernmentOrganization"
    assert found["@id"] == JOB
    assert found["parentOrganization"]["@id"] == BASE + "kommune/lejre"
    roles = {m["member"]["name"]: m.get("roleName") for m in found["member"]}
    assert roles["Christian Plank"] == "formand"
    assert len(found["event"]) == 1


def test_not_a_committee_gives_none(site: Site) -> None:
    assert committee_page(site, BASE + "kommune/lejre", 1) is None
