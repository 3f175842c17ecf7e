"""Tests for loaders.municipalities: the reference table and finding names in text."""

from __future__ import annotations

import csv
import doctest
import unicodedata
from pathlib import Path

import pytest

import loaders.municipalities
from loaders.municipalities import (
    Municipality,
    all_municipalities,
    by_code,
    by_name,
    find_in_text,
)

CSV_PATH = Path(loaders.municipalities.__file__).parent / "data" / "kommuner.csv"
REGIONS = {
    "Region Hovedstaden": 29,
    "Region Sjælland": 17,
    "Region Syddanmark": 22,
    "Region Midtjylland": 19,
    "Region Nordjylland": 11,
}


def test_csv_has_header_and_98_rows() -> None:
    with CSV_PATH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["kommunekode", "navn", "region"]
    assert len(rows) == 99
    assert all(len(row) == 3 for row in rows)


def test_98_municipalities_with_unique_codes_and_names() -> None:
    municipalities = all_municipalities()
    assert len(municipalities) == 98
    assert len({m.kode for m in municipalities}) == 98
    assert len({m.name.casefold() for m in municipalities}) == 98
    assert all(len(m.kode) == 3 and m.kode.isdigit() for m in municipalities)
    assert all(unicodedata.is_normalized("NFC", m.name) for m in municipalities)
    assert all("kommune" not in m.name.casefold() for m in municipalities)


def test_regions_have_their_official_counts() -> None:
    counts: dict[str, int] = {}
    for m in all_municipalities():
        counts[m.region] = counts.get(m.region, 0) + 1
    assert counts == REGIONS


def test_all_municipalities_is_cached() -> None:
    assert all_municipalities() is all_municipalities()


@pytest.mark.parametrize(
    ("kode", "name", "region"),
    [
        ("101", "København", "Region Hovedstaden"),
        ("147", "Frederiksberg", "Region Hovedstaden"),
        ("169", "Høje-Taastrup", "Region Hovedstaden"),
        ("185", "Tårnby", "Region Hovedstaden"),
        ("350", "Lejre", "Region Sjælland"),
        ("400", "Bornholm", "Region Hovedstaden"),
        ("480", "Nordfyns", "Region Syddanmark"),
        ("492", "Ærø", "Region Syddanmark"),
        ("661", "Holstebro", "Region Midtjylland"),
        ("665", "Lemvig", "Region Midtjylland"),
        ("751", "Aarhus", "Region Midtjylland"),
        ("760", "Ringkøbing-Skjern", "Region Midtjylland"),
        ("851", "Aalborg", "Region Nordjylland"),
        ("860", "Hjørring", "Region Nordjylland"),
    ],
)
def test_known_codes(kode: str, name: str, region: str) -> None:
    assert by_code(kode) == Municipality(kode, name, region)
    assert by_name(name) == Municipality(kode, name, region)


def test_christiansoe_is_not_a_municipality() -> None:
    assert by_code("411") is None
    assert by_name("Christiansø") is None


@pytest.mark.parametrize(
    "name",
    [
        "Lemvig",
        "Lemvig Kommune",
        "lemvig kommune",
        "LEMVIG",
        "  Lemvig   Kommune ",
        "Lemvig kommunes",
    ],
)
def test_by_name_accepts_common_forms(name: str) -> None:
    found = by_name(name)
    assert found is not None
    assert found.kode == "665"


def test_by_name_normalises_to_nfc() -> None:
    found = by_name(unicodedata.normalize("NFD", "Tårnby Kommune"))
    assert found is not None
    assert found.kode == "185"


def test_by_name_accepts_genitive_and_its_absence() -> None:
    assert by_name("Københavns Kommune") == by_code("101")
    assert by_name("Vesthimmerland") == by_code("820")
    assert by_name("Nordfyns Kommune") == by_code("480")


def test_by_name_accepts_spaces_for_hyphens_and_former_names() -> None:
    assert by_name("Høje Taastrup Kommune") == by_code("169")
    assert by_name("ringkøbing skjern") == by_code("760")
    assert by_name("Århus Kommune") == by_code("751")
    assert by_name("Brønderslev-Dronninglund") == by_code("810")


def test_find_in_text_knows_former_names() -> None:
    text = "Århus Kommunes forvaltning"
    [(municipality, begin, end)] = find_in_text(text)
    assert municipality.name == "Aarhus"
    assert text[begin:end] == "Århus Kommunes"


def test_by_name_unknown() -> None:
    assert by_name("Skjern") is None
    assert by_name("") is None


def test_by_code_accepts_ints_and_padding() -> None:
    assert by_code(665) == by_code("665") == by_code("0665")
    assert by_code("abc") is None
    assert by_code(999) is None


def test_find_in_text_offsets() -> None:
    text = (
        "Ringkøbing-Skjern Kommune samarbejder med Lemvig Kommunes jobcenter, "
        "Holstebro kommune og Københavns Kommune, men ikke med Skjern."
    )
    found = find_in_text(text)
    assert [(m.kode, text[b:e]) for m, b, e in found] == [
        ("760", "Ringkøbing-Skjern Kommune"),
        ("665", "Lemvig Kommunes"),
        ("661", "Holstebro kommune"),
        ("101", "Københavns Kommune"),
    ]
    assert [(b, e) for _, b, e in found] == [(0, 25), (42, 57), (69, 86), (90, 108)]


def test_find_in_text_needs_the_word_kommune() -> None:
    assert find_in_text("Lemvig og Holstebro holder møde i Lemvig Kommunekontor.") == []


def test_find_in_text_respects_word_boundaries() -> None:
    assert find_in_text("Nord-Lemvig Kommune og Storlejre Kommune") == []


def test_find_in_text_in_nfd_text() -> None:
    text = unicodedata.normalize("NFD", "Borgere i Tårnby Kommune.")
    [(municipality, begin, end)] = find_in_text(text)
    assert municipality.kode == "185"
    assert text[begin:end] == unicodedata.normalize("NFD", "Tårnby Kommune")


def test_doctests() -> None:
    result = doctest.testmod(loaders.municipalities)
    assert result.attempted > 0
    assert result.failed == 0
