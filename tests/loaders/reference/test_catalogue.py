"""The reference data files load, keep their rules, and say what the issue asks of them."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest
import yaml

from loaders.mentions import find_mentions
from loaders.reference import reference_data
from loaders.reference.catalogue import municipal_organisations
from loaders.reference.checks import problems
from loaders.reference.forms import fold

ELI = "https://www.retsinformation.dk/eli/lta/"


def test_files_load_without_problems() -> None:
    data = reference_data()
    assert data.laws
    assert data.programmes
    assert data.organisations
    assert data.kle
    assert (
        problems(
            list(data.laws.values()),
            list(data.programmes.values()),
            list(data.organisations.values()),
            list(data.kle.values()),
        )
        == []
    )


@pytest.mark.parametrize("name", ["laws.yaml", "programmes.yaml", "organisations.yaml", "kle.yaml"])
def test_every_entry_says_where_its_facts_come_from(name: str) -> None:
    raw = yaml.safe_load((resources.files("loaders.reference") / name).read_text(encoding="utf-8"))
    (entries,) = raw.values()
    assert entries
    assert all(str(entry.get("source") or "").strip() for entry in entries)


@pytest.mark.parametrize(
    ("key", "number", "enacted", "eli"),
    [
        ("lab-2019", 548, dt.date(2019, 5, 7), f"{ELI}2019/548"),
        ("lab-2003", 419, dt.date(2003, 6, 10), f"{ELI}2003/419"),
        (
            "lov-om-organisering-af-beskaeftigelsesindsatsen",
            1482,
            dt.date(2014, 12, 23),
            f"{ELI}2014/1482",
        ),
        ("serviceloven", 573, dt.date(2005, 6, 24), f"{ELI}2005/573"),
        ("lov-om-den-sociale-investeringsfond", 1462, dt.date(2018, 12, 11), f"{ELI}2018/1462"),
    ],
)
def test_confirmed_enactments(key: str, number: int, enacted: dt.date, eli: str) -> None:
    law = reference_data().laws[key]
    assert (law.number, law.enacted, law.eli) == (number, enacted, eli)


def test_enactment_is_printed_as_retsinformation_prints_it() -> None:
    assert reference_data().laws["lab-2019"].enactment == "LOV nr 548 af 07/05/2019"
    assert reference_data().laws["aktivloven"].enactment is None  # not confirmed: left out


def test_the_two_employment_acts_share_a_work_and_follow_each_other() -> None:
    laws = reference_data().laws
    old, new = laws["lab-2003"], laws["lab-2019"]
    assert old.work == new.work
    assert old.title == new.title == "Lov om en aktiv beskæftigelsesindsats"
    assert old.in_force_to == dt.date(2019, 12, 31)
    assert new.in_force_from == dt.date(2020, 1, 1)
    assert old.in_force_on(dt.date(2019, 10, 23))
    assert not new.in_force_on(dt.date(2019, 10, 23))
    assert new.in_force_on(dt.date(2020, 1, 8))
    assert not old.in_force_on(dt.date(2020, 1, 8))


@pytest.mark.parametrize(
    "key",
    [
        "lab-2019",
        "lab-2003",
        "lov-om-organisering-af-beskaeftigelsesindsatsen",
        "serviceloven",
        "aktivloven",
        "sygedagpengeloven",
        "integrationsloven",
        "lov-om-den-sociale-investeringsfond",
        "retssikkerhedsloven",
        "kommunestyrelsesloven",
    ],
)
def test_the_laws_the_issue_asks_for_are_listed(key: str) -> None:
    assert key in reference_data().laws


@pytest.mark.parametrize(
    "key",
    [
        "planloven",
        "byggeloven",
        "miljoebeskyttelsesloven",
        "naturbeskyttelsesloven",
        "vandforsyningsloven",
        "miljoevurderingsloven",
        "husdyrbrugloven",
        "vejloven",
        "privatvejsloven",
        "folkeskoleloven",
        "dagtilbudsloven",
        "barnets-lov",
        "sundhedsloven",
        "kommunal-og-regionalvalgloven",
        "forvaltningsloven",
        "offentlighedsloven",
        "databeskyttelsesloven",
        "almenboligloven",
        "lov-om-kommunal-ejendomsskat",
        "pensionsloven",
        "fgu-loven",
        "udligningsloven",
    ],
)
def test_the_acts_committees_of_every_field_cite_are_listed(key: str) -> None:
    law = reference_data().laws[key]
    assert law.title
    assert law.source.startswith("retsinformation.dk, lovens titel")


def test_only_the_enactments_a_source_confirms_are_given() -> None:
    laws = reference_data().laws.values()
    dated = {law.key for law in laws if law.number or law.enacted or law.eli}
    assert dated == {
        "lab-2019",
        "lab-2003",
        "lov-om-organisering-af-beskaeftigelsesindsatsen",
        "serviceloven",
        "lov-om-den-sociale-investeringsfond",
    }
    assert {law.key for law in laws if law.in_force_from or law.in_force_to} == {
        "lab-2019",
        "lab-2003",
    }


def test_the_sources_shown_on_law_pages_are_danish() -> None:
    laws = reference_data().laws
    assert laws["lab-2019"].source == (
        "retsinformation.dk, LOV nr 548 af 07/05/2019, i kraft fra 1. januar 2020; afløste loven "
        "af samme titel fra 2003"
    )
    assert laws["lab-2003"].source == (
        "retsinformation.dk, LOV nr 419 af 10/06/2003; ophævet, da LOV nr 548 af 07/05/2019 "
        "trådte i kraft 1. januar 2020 (i kraft til og med 31. december 2019)"
    )
    assert reference_data().organisations["kommune-665"].source == (
        "Danmarks Statistik, klassifikationen KOMMUNER (de 98 kommuner)"
    )


@pytest.mark.parametrize(
    ("written", "key", "provisions"),
    [
        ("planlovens § 19", "planloven", ("§ 19",)),
        ("§ 19 i planloven", "planloven", ("§ 19",)),
        ("plan-loven", "planloven", ()),
        ("lov om planlægning", "planloven", ()),
        ("byggelovens § 12", "byggeloven", ("§ 12",)),
        ("naturbeskyttelseslovens § 3", "naturbeskyttelsesloven", ("§ 3",)),
        ("husdyrbrugsloven", "husdyrbrugloven", ()),
        ("vejlovens § 70", "vejloven", ("§ 70",)),
        ("folkeskolelovens § 26", "folkeskoleloven", ("§ 26",)),
        ("dagtilbudslovens § 4", "dagtilbudsloven", ("§ 4",)),
        ("Barnets lov § 32", "barnets-lov", ("§ 32",)),
        ("SEL § 85", "serviceloven", ("§ 85",)),
        ("Sundhedslovens § 119", "sundhedsloven", ("§ 119",)),
        ("kommunal- og regionalvalgloven", "kommunal-og-regionalvalgloven", ()),
        ("kommunalvalgloven", "kommunal-og-regionalvalgloven", ()),
        ("kommunestyrelseslovens § 17, stk. 4", "kommunestyrelsesloven", ("§ 17, stk. 4",)),
        ("lov om kommunernes styrelse", "kommunestyrelsesloven", ()),
        ("forvaltningslovens § 19", "forvaltningsloven", ("§ 19",)),
        ("lov om almene boliger", "almenboligloven", ()),
        ("lov om kommunal ejendomsskat", "lov-om-kommunal-ejendomsskat", ()),
    ],
)
def test_citations_in_running_text_resolve_to_the_act(
    written: str, key: str, provisions: tuple[str, ...]
) -> None:
    text = f"Sagen behandles efter {written} i øvrigt."
    found = find_mentions(text, on=dt.date(2023, 1, 1))
    assert [(m.entity_key, m.anchor_text, m.provisions) for m in found] == [
        (key, written, provisions)
    ]


@pytest.mark.parametrize(
    ("alias", "key"),
    [
        ("LAB-loven", "lab-2019"),
        ("beskæftigelsesloven", "lab-2019"),
        ("lov om aktiv beskæftigelse", "lab-2019"),
        ("serviceloven", "serviceloven"),
        ("lov om social service", "serviceloven"),
        ("retssikkerhedsloven", "retssikkerhedsloven"),
    ],
)
def test_law_aliases_people_write(alias: str, key: str) -> None:
    assert fold(alias) in {fold(a.text) for a in reference_data().laws[key].aliases}


def test_programmes_and_organisations_of_the_issue() -> None:
    data = reference_data()
    for key in (
        "projekt-plus",
        "flere-skal-med",
        "a-kasseforsoeget",
        "klar-til-start",
        "job-bro",
        "klapjob",
    ):
        assert key in data.programmes
    for key in ("kl", "star", "vive", "ankestyrelsen", "beskaeftigelsesministeriet"):
        assert key in data.organisations
    assert data.organisations["star"].part_of == "beskaeftigelsesministeriet"


def test_municipalities_and_jobcentres_come_from_the_list_of_98() -> None:
    derived = municipal_organisations()
    assert len(derived) == 2 * 98
    assert sum(o.kind == "municipality" for o in derived) == 98
    lemvig = reference_data().organisations["kommune-665"]
    assert (lemvig.name, lemvig.kommunekode) == ("Lemvig Kommune", "665")
    assert reference_data().organisations["jobcenter-350"].name == "Jobcenter Lejre"


def test_kle_concepts_link_to_broader_ones() -> None:
    data = reference_data()
    assert data.kle["15"].title == "Arbejdsmarked og beskæftigelsesindsats"
    assert data.kle["00"].title == "Kommunens styrelse"
    chain = data.kle_chain("15.20.00")
    assert [c.notation for c in chain] == ["15.20.00", "15.20", "15"]
    assert [c.level for c in chain] == ["emne", "gruppe", "hovedgruppe"]
    assert chain[0].url == "http://www.kle-online.dk/emneplan/15/#_15.20.00"


@pytest.mark.parametrize(
    "code",
    [
        "00.15.00",
        "00.30.00",
        "15.20.00",
        "15.00.00",
        "00.15.10",
        "85.02.02",
        "15.00.15",
        "00.00.00",
        "15.00.10",
        "00.22.04",
        "00.16.00",
    ],
)
def test_every_kle_code_of_the_samples_is_listed(code: str) -> None:
    assert code in reference_data().kle


def test_an_unlisted_kle_code_still_has_notation_and_broader_links() -> None:
    concept = reference_data().kle_concept("27.12.04")
    assert (concept.notation, concept.title, concept.broader) == ("27.12.04", None, "27.12")
