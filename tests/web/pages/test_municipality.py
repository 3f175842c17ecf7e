"""The municipality page over the five samples: kommunekode, committees, latest meetings,
persons, counts; every one of the 98 municipalities has one, with or without meetings."""

from __future__ import annotations

import json

import pytest

from graph.uris import Minter
from loaders.municipalities import all_municipalities
from web.pages.municipality import municipality_page
from web.site_readers import Site

from .conftest import BASE, render, visible_text

LEJRE = BASE + "kommune/lejre"


def test_lejre(site: Site) -> None:
    page = municipality_page(site, LEJRE, 1)
    assert page is not None
    assert page.title == "Lejre Kommune"
    data = page.data
    assert data["kommunekode"] == "350"
    assert data["counts"] == {"meetings": 2, "committees": 4, "persons": 12}
    assert [(m["meeting"]["label"], m["committee"]["label"]) for m in data["meetings"]] == [
        ("4. maj 2022", "Udvalget for Job, Arbejdsmarked og Integration"),
        ("8. januar 2020", "Udvalget for Job og Arbejdsmarked"),
    ]
    committees = [(c["committee"]["label"], c["meetings"], c["latest"]) for c in data["committees"]]
    assert committees == [
        ("Udvalget for Børn og Ungdom", 0, None),
        ("Udvalget for Erhverv, Klima og Lokal udvikling", 0, None),
        ("Udvalget for Job og Arbejdsmarked", 1, "8. januar 2020"),
        ("Udvalget for Job, Arbejdsmarked og Integration", 1, "4. maj 2022"),
    ]
    persons = [p["person"]["label"] for p in data["persons"]]
    assert len(persons) == 12
    assert persons[0] == "Bjørn Lykke Sørensen"
    assert "Steen Hansen" in persons
    text = visible_text(render(page, LEJRE))
    assert "Kommunekode 350" in text
    assert "Udvalget for Job og Arbejdsmarked – 1 møde, senest 8. januar 2020" in text


def test_a_municipality_without_meetings(site: Site) -> None:
    iri = BASE + "kommune/fanoe"
    page = municipality_page(site, iri, 1)
    assert page is not None
    assert page.title == "Fanø Kommune"
    assert page.data["kommunekode"] == "563"
    assert page.data["counts"] == {"meetings": 0, "committees": 0, "persons": 0}
    assert "Ingen møder indlæst endnu." in visible_text(render(page, iri))


@pytest.mark.parametrize("municipality", all_municipalities(), ids=lambda m: m.kode)
def test_every_municipality_has_a_page(site: Site, municipality: object) -> None:
    iri = Minter(BASE).municipality(municipality.name)  # type: ignore[attr-defined]
    page = municipality_page(site, iri, 1)
    assert page is not None
    assert page.title == f"{municipality.name} Kommune"  # type: ignore[attr-defined]
    assert page.data["kommunekode"] == municipality.kode  # type: ignore[attr-defined]
    assert render(page, iri)


def test_json_ld_is_an_authority_and_an_area(site: Site) -> None:
    page = municipality_page(site, LEJRE, 1)
    assert page is not None
    found = json.loads(json.dumps(page.jsonld))
    assert found["@type"] == ["GovernmentOrganization", "AdministrativeArea"]
    assert found["@id"] == LEJRE
    assert found["identifier"]["value"] == "350"
    assert len(found["subOrganization"]) == 4


def test_not_a_municipality_gives_none(site: Site) -> None:
    assert municipality_page(site, LEJRE + "/person/steen-hansen", 1) is None
