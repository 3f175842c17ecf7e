"""The person page over the five samples: municipality, party, committees and roles, meetings
attended and missed (with the items), items that mention the person."""

from __future__ import annotations

import json

from web.pages.person import person_page
from web.site_readers import Site

from .conftest import BASE, render, visible_text

BJOERN = BASE + "kommune/lejre/person/bjoern-lykke-soerensen"
STEEN = BASE + "kommune/lejre/person/steen-hansen"


def test_bjoern_lykke_soerensen_attended_both_lejre_meetings(site: Site) -> None:
    page = person_page(site, BJOERN, 1)
    assert page is not None
    assert page.title == "Bjørn Lykke Sørensen"
    data = page.data
    assert data["party"] == "C"
    assert data["municipality"]["href"] == "/kommune/lejre"
    attended = [
        (m["meeting"]["href"], m["committee"]["label"], m["role"]) for m in data["attended"]
    ]
    assert attended == [
        (
            "/kommune/lejre/udvalg/udvalget-for-job-arbejdsmarked-og-integration/moede/2022-05-04",
            "Udvalget for Job, Arbejdsmarked og Integration",
            None,
        ),
        (
            "/kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08",
            "Udvalget for Job og Arbejdsmarked",
            "medlem",
        ),
    ]
    assert data["pages"]["total"] == 2
    assert [(m["committee"]["label"], m["role"]) for m in data["memberships"]] == [
        ("Udvalget for Job, Arbejdsmarked og Integration", None),
        ("Udvalget for Job og Arbejdsmarked", "medlem"),
    ]
    assert data["missed"] == []
    html = render(page, BJOERN)
    for meeting, _, _ in attended:
        assert f'href="{meeting}"' in html
    assert "4. maj 2022" in visible_text(html)
    assert "8. januar 2020" in visible_text(html)


def test_steen_hansen_was_absent_on_8_january_2020(site: Site) -> None:
    page = person_page(site, STEEN, 1)
    assert page is not None
    data = page.data
    assert data["attended"] == []
    assert len(data["missed"]) == 1
    missed = data["missed"][0]
    assert missed["meeting"]["label"] == "8. januar 2020"
    assert missed["meeting"]["href"].endswith("/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08")
    assert missed["date_iso"] == "2020-01-08"
    assert (missed["whole"], missed["reason"]) == (True, "fraværende")
    assert len(missed["missed_items"]) == 11
    assert missed["missed_items"][0]["item"]["label"] == "Punkt 1: Godkendelse af dagsorden"
    assert missed["missed_items"][0]["reason"] == "afbud"
    assert [(m["committee"]["label"], m["role"]) for m in data["memberships"]] == [
        ("Udvalget for Job og Arbejdsmarked", "medlem")
    ]
    # His "Afbud" notes are absences now, not decision text: no item mentions him
    assert data["mentioned_in"] == []
    text = visible_text(render(page, STEEN))
    assert "8. januar 2020 , Udvalget for Job og Arbejdsmarked : fraværende fra hele mødet" in text


def test_json_ld_is_a_person_with_roles(site: Site) -> None:
    page = person_page(site, STEEN, 1)
    assert page is not None
    found = json.loads(json.dumps(page.jsonld))
    assert found["@type"] == "Person"
    assert found["@id"] == STEEN
    assert found["name"] == "Steen Hansen"
    assert found["memberOf"][0]["roleName"] == "medlem"
    assert found["memberOf"][0]["startDate"] == "2020-01-08"
    assert {"@type": "PoliticalParty", "name": "O"} in found["memberOf"]


def test_not_a_person_gives_none(site: Site) -> None:
    assert person_page(site, BASE + "kommune/lejre", 1) is None


def test_a_party_the_minutes_do_not_print_is_left_out(site: Site) -> None:
    # "Henrik Nielsen (Sekretær)": the committee's secretary, printed without a party
    secretary = BASE + "kommune/lejre/person/henrik-nielsen"
    page = person_page(site, secretary, 1)
    assert page is not None
    text = visible_text(render(page, secretary))
    assert "Parti" not in text
    assert "Møder deltaget i 1" in text
    member = BASE + "kommune/lejre/person/martin-stokholm"
    shown = person_page(site, member, 1)
    assert shown is not None
    assert "Parti A (Socialdemokratiet)" in visible_text(render(shown, member))
