"""Tests for loaders.municipalities: the reference table and finding names in text."""

from __future__ import annotations

import csv
import doctest
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import loaders.municipalities
from loaders.municipal_addresses import by_domain, find_domains, find_postal_addresses, postal_towns
from loaders.municipalities import (
    Municipality,
    all_municipalities,
    by_code,
    by_name,
    find_councils,
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


POSTNUMRE_PATH = CSV_PATH.parent / "postnumre.csv"
DOMAINS_PATH = CSV_PATH.parent / "kommunedomaener.csv"


def test_postnumre_csv_has_its_header_and_four_digit_numbers() -> None:
    with POSTNUMRE_PATH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["postnummer", "by", "kommunekoder"]
    assert len(rows) == 1158
    assert all(len(r[0]) == 4 and r[0].isdigit() for r in rows[1:])
    assert len({r[0] for r in rows[1:]}) == 1157
    assert all(unicodedata.is_normalized("NFC", r[1]) and r[1] == r[1].strip() for r in rows[1:])


def test_every_postal_number_lies_in_known_municipalities() -> None:
    towns = postal_towns()
    assert len(towns) == 1157
    assert all(t.municipalities for t in towns.values())
    # Every municipality has at least one postal number (Læsø's is 9940 Læsø).
    assert {m.kode for t in towns.values() for m in t.municipalities} == {
        m.kode for m in all_municipalities()
    }


@pytest.mark.parametrize(
    ("number", "town", "kode"),
    [
        ("1550", "København V", "101"),
        ("2000", "Frederiksberg", "147"),
        ("4330", "Hvalsø", "350"),
        ("4600", "Køge", "259"),
        ("5000", "Odense C", "461"),
        ("6900", "Skjern", "760"),
        ("7400", "Herning", "657"),
        ("8000", "Aarhus C", "751"),
        ("9940", "Læsø", "825"),
    ],
)
def test_known_postal_numbers(number: str, town: str, kode: str) -> None:
    postal = postal_towns()[number]
    assert (postal.town, [m.kode for m in postal.municipalities]) == (town, [kode])


def test_no_place_rows_are_left_out() -> None:
    assert "0960" not in postal_towns()  # "Udland"
    assert "0917" not in postal_towns()  # the parcel centre, its name cut short


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Torvet 1, 4600 Køge", [("4600 Køge", ["Køge"])]),
        ("Flakhaven 2, 5000 Odense C.", [("5000 Odense C", ["Odense"])]),
        ("Flakhaven 2, 5000 Odense", [("5000 Odense", ["Odense"])]),
        ("DK-8000 Aarhus C", [("8000 Aarhus C", ["Aarhus"])]),
        ("2630 TAASTRUP", [("2630 TAASTRUP", ["Høje-Taastrup"])]),
        ("0800 Høje-Taastrup", [("0800 Høje-Taastrup", ["Høje-Taastrup"])]),
        ("7400\u00a0HERNING", [("7400\u00a0HERNING", ["Herning"])]),
        ("4600 Køgevej 3", []),  # a street, not the town
        ("i 2020 Byrådet", []),  # a year
        ("4600 kr.", []),
        ("tlf. 56 67 4600 Køge", []),  # inside a phone number
        ("sag 17.4600 Køge", []),
        ("9999 Køge", []),  # no such number
        ("4000 Køge", []),  # the number is Roskilde's
    ],
)
def test_find_postal_addresses(text: str, found: list[tuple[str, list[str]]]) -> None:
    assert [(text[b:e], [m.name for m in ms]) for ms, b, e in find_postal_addresses(text)] == found


@given(st.sampled_from(sorted(postal_towns())), st.sampled_from(["", "Torvet 1, ", "DK-"]))
def test_every_postal_number_is_found_before_its_town(number: str, before: str) -> None:
    postal = postal_towns()[number]
    text = f"{before}{number} {postal.town}, tlf. 12345678"
    [(pointed, begin, end)] = find_postal_addresses(text)
    assert (pointed, text[begin:end]) == (postal.municipalities, f"{number} {postal.town}")
    assert find_postal_addresses(f"1{number} {postal.town}") == []  # five digits


@given(st.text(alphabet="0123456789 Køge,.-DKabc\n", max_size=60))
def test_a_postal_address_is_always_a_number_and_its_town(text: str) -> None:
    for pointed, begin, end in find_postal_addresses(text):
        number, town = text[begin : begin + 4], text[begin + 5 : end]
        assert postal_towns()[number].municipalities == pointed
        assert town.casefold().replace("-", " ") in postal_towns()[number].town.casefold()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Aarhus Byråd", [("Aarhus Byråd", "Aarhus")]),
        ("Aarhus Byråds møde", [("Aarhus Byråds", "Aarhus")]),
        ("Byrådet i Køge Kommune", [("Byrådet i Køge", "Køge")]),
        ("Københavns Borgerrepræsentation", [("Københavns Borgerrepræsentation", "København")]),
        ("Borgerrepræsentationen", [("Borgerrepræsentationen", "København")]),
        ("Lejre Kommunalbestyrelse", [("Lejre Kommunalbestyrelse", "Lejre")]),
        (
            "Kommunalbestyrelsen i Ringkøbing-Skjern",
            [("Kommunalbestyrelsen i Ringkøbing-Skjern", "Ringkøbing-Skjern")],
        ),
        ("RINGKØBING-SKJERN BYRÅD", [("RINGKØBING-SKJERN BYRÅD", "Ringkøbing-Skjern")]),
        ("Byrådet", []),
        ("Byrådet i sin helhed", []),
        ("Kommunalbestyrelsen i 2022", []),
        ("Skjern Byråd", []),  # a town, not a municipality
        ("Aarhus Byrådssekretariat", []),
    ],
)
def test_find_councils(text: str, found: list[tuple[str, str]]) -> None:
    assert [(text[b:e], m.name) for m, b, e in find_councils(text)] == found


@pytest.mark.parametrize(
    ("host", "name"),
    [
        ("www.kolding.dk", "Kolding"),
        ("koege.dk", "Køge"),
        ("koge.dk", "Køge"),
        ("køge.dk", "Køge"),
        ("www.kk.dk", "København"),
        ("rksk.dk", "Ringkøbing-Skjern"),
        ("ringkobing-skjern.dk", "Ringkøbing-Skjern"),
        ("www.ltk.dk", "Lyngby-Taarbæk"),
        ("www.htk.dk", "Høje-Taastrup"),
        ("brk.dk", "Bornholm"),
        ("fmk.dk", "Faaborg-Midtfyn"),
        ("ikast-brande.dk", "Ikast-Brande"),
        ("www.aeroekommune.dk", "Ærø"),
        ("fanoe.dk", "Fanø"),
        ("sonderborgkommune.dk", "Sønderborg"),
        ("www.vesthimmerland.dk", "Vesthimmerlands"),
        ("nordfynskommune.dk", "Nordfyns"),
        ("www.frederiksberg.dk", "Frederiksberg"),
        ("taarnby.dk", "Tårnby"),
        ("halsnaes.dk", "Halsnæs"),
        ("www.aarhus.dk.", "Aarhus"),
    ],
)
def test_by_domain(host: str, name: str) -> None:
    found = by_domain(host)
    assert found is not None
    assert found.name == name


@pytest.mark.parametrize(
    "host",
    [
        "www.kl.dk",
        "borger.dk",
        "www.retsinformation.dk",
        "star.dk",
        "skjern.dk",
        "kolding.se",
        "koldingbib.dk",
        "vive.dk",
    ],
)
def test_other_bodies_domains_are_none(host: str) -> None:
    assert by_domain(host) is None


def test_find_domains_in_text() -> None:
    text = (
        "Læs mere på https://www.aarhus.dk/demokrati eller skriv til byraad@aarhus.dk; "
        "se også www.kl.dk og WWW.KOLDING.DK."
    )
    assert [(text[b:e], m.name) for m, b, e in find_domains(text)] == [
        ("www.aarhus.dk", "Aarhus"),
        ("byraad@aarhus.dk", "Aarhus"),
        ("WWW.KOLDING.DK", "Kolding"),
    ]


def test_domain_csv_has_its_header_and_known_codes() -> None:
    with DOMAINS_PATH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["domaene", "kommunekode", "kilde"]
    assert all(r[0].endswith(".dk") and by_code(r[1]) is not None and r[2] for r in rows[1:])
    assert [r[0] for r in rows[1:]] == ["kk.dk", "htk.dk", "ltk.dk", "brk.dk", "fmk.dk", "rksk.dk"]


def test_find_in_text_knows_bornholms_regionskommune() -> None:
    text = "Bornholms Regionskommune, Ullasvej 23"
    [(municipality, begin, end)] = find_in_text(text)
    assert (municipality.name, text[begin:end]) == ("Bornholm", "Bornholms Regionskommune")


@given(
    st.lists(
        st.sampled_from(
            [
                "Aarhus",
                "Byråd",
                "Byrådet",
                " i ",
                "KØGE",
                "www.",
                "koege",
                ".dk",
                "@",
                "x",
                " ",
                "\n",
                "Borgerrepræsentation",
                "en",
                "-",
                "kk",
                "İ",
            ]
        ),
        max_size=20,
    ).map("".join)
)
def test_councils_and_domains_are_found_where_their_words_are(text: str) -> None:
    for municipality, begin, end in find_councils(text):
        found = text[begin:end].lower()
        assert any(word in found for word in ("byråd", "borgerrepræsentation"))
        assert municipality in all_municipalities()
    for municipality, begin, end in find_domains(text):
        assert text[begin:end].lower().endswith(".dk")
        assert by_domain(text[begin:end].rsplit("@", 1)[-1]) == municipality
