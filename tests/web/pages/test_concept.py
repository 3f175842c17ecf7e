"""The concept pages (web/pages/concept.py) over the five samples: KLE subjects with their
broader and narrower subjects and the items filed under them, decision outcomes with their
decisions, both paged by LIMIT/OFFSET."""

from __future__ import annotations

from pathlib import Path

import pytest

from web.pages import concept
from web.site_readers import Site

from .conftest import BASE, render, visible_text

HOLSTEBRO = "/kommune/holstebro/udvalg/arbejdsmarkedsudvalget/moede/2019-10-23/punkt/"
GODKENDT = "https://w3id.org/referatgraf/def/outcome/godkendt"


def test_kle_subject_lists_its_items_and_its_broader_subjects(site: Site) -> None:
    page = concept.concept_page(site, BASE + "kle/15.00.15", 1)
    assert page is not None
    data = page.data
    assert (data["kind"], data["notation"], data["level"]) == ("kle", "15.00.15", "emne")
    assert [b["label"] for b in data["broader"]] == [
        "15 Arbejdsmarked og beskæftigelsesindsats",
        "KLE 15.00",
    ]
    assert [b["href"] for b in data["broader"]] == ["/kle/15", "/kle/15.00"]
    assert data["kle_online"] == "http://www.kle-online.dk/emneplan/15/#_15.00.15"
    assert [r["item"]["href"] for r in data["rows"]] == [HOLSTEBRO + n for n in ("1", "2", "3")]
    assert [r["item"]["label"] for r in data["rows"]][
        1
    ] == "Punkt 2: Målretning af beskæftigelsestilbud"
    assert {
        (r["date"], r["committee"]["label"], r["municipality"]["label"]) for r in data["rows"]
    } == {("23. oktober 2019", "Arbejdsmarkedsudvalget", "Holstebro Kommune")}
    assert (data["previous"], data["next"]) == (None, None)
    assert page.jsonld["@type"] == "DefinedTerm"
    assert page.jsonld["termCode"] == "15.00.15"
    assert page.jsonld["inDefinedTermSet"]["@id"] == BASE + "kle"
    assert f"VALUES ?concept {{ <{BASE}kle/15.00.15> }}" in page.queries[0]
    assert page.queries[0].rstrip().endswith("LIMIT 50 OFFSET 0")
    text = visible_text(render(page, BASE + "kle/15.00.15"))
    assert "KLE-emne · emne" in text
    assert "Punkt 1: Tema. Særlig jobformidlingsindsats for udsatte borgere" in text


def test_main_group_lists_its_narrower_subjects(site: Site) -> None:
    page = concept.concept_page(site, BASE + "kle/15", 1)
    assert page is not None
    data = page.data
    assert data["level"] == "hovedgruppe"
    assert data["broader"] == []
    assert [n["href"] for n in data["narrower"]] == ["/kle/15.00", "/kle/15.20"]
    assert data["rows"] == []
    text = visible_text(render(page, BASE + "kle/15"))
    assert "Ingen dagsordenspunkter er journaliseret direkte under dette emne." in text


def test_outcome_lists_its_decisions_paged(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(concept, "PER_PAGE", 4)
    pages = [concept.concept_page(site, GODKENDT, n) for n in (1, 2, 3)]
    assert all(p is not None for p in pages)
    first, second, third = (p.data for p in pages if p is not None)
    assert first["kind"] == "outcome"
    assert first["label"] == "godkendt"
    assert first["definition"] == "Udvalget godkendte indstillingen eller sagen."
    assert len(first["others"]) == 10  # the scheme's eleven outcomes but this one
    assert [len(d["rows"]) for d in (first, second, third)] == [4, 4, 1]
    assert [(d["previous"], d["next"]) for d in (first, second, third)] == [
        (None, "?side=2"),
        ("?side=1", "?side=3"),
        ("?side=2", None),
    ]
    dates = [r["date_iso"] for d in (first, second, third) for r in d["rows"]]
    assert dates == sorted(dates, reverse=True)
    assert all(r["decision"] for d in (first, second, third) for r in d["rows"])
    page = pages[0]
    assert page is not None
    assert page.title == "Udfald: godkendt"
    assert page.jsonld["@type"] == "DefinedTerm"
    assert page.jsonld["description"] == "Udvalget godkendte indstillingen eller sagen."
    html = render(page, GODKENDT)
    assert '<a rel="next" href="?side=2">Næste →</a>' in html


def test_every_outcome_counts_the_decisions_the_graph_has(site: Site) -> None:
    expected = {"godkendt": 9, "taget-til-efterretning": 17, "droeftet": 5, "afvist": 0}
    for name, count in expected.items():
        page = concept.concept_page(site, f"https://w3id.org/referatgraf/def/outcome/{name}", 1)
        assert page is not None
        assert len(page.data["rows"]) == count, name


def test_concepts_of_other_schemes_are_left_to_the_generic_page(site: Site) -> None:
    assert (
        concept.concept_page(site, "https://w3id.org/referatgraf/def/meeting-kind/referat", 1)
        is None
    )
    assert concept.concept_page(site, BASE + "program/klapjob", 1) is None


OUTCOME = "https://w3id.org/referatgraf/def/outcome/"
CONCEPTS = [
    *(OUTCOME + name for name in ("godkendt", "taget-til-efterretning", "droeftet", "afvist")),
    *(BASE + "kle/" + code for code in ("15.00.15", "15.00.00", "15.20.00", "15")),
]


def test_the_totals_count_the_whole_list(site: Site) -> None:
    expected = {
        OUTCOME + "godkendt": (9, 9, 4, "9 beslutninger i 9 dagsordenspunkter fra 4 kommuner."),
        OUTCOME + "taget-til-efterretning": (
            17, 16, 4, "17 beslutninger i 16 dagsordenspunkter fra 4 kommuner.",
        ),
        OUTCOME + "afvist": (0, 0, 0, "0 beslutninger."),
        BASE + "kle/15.00.15": (3, 3, 1, "3 dagsordenspunkter fra 1 kommune."),
        BASE + "kle/15.00.00": (9, 9, 3, "9 dagsordenspunkter fra 3 kommuner."),
    }  # fmt: skip
    for iri, (rows, items, places, text) in expected.items():
        page = concept.concept_page(site, iri, 1)
        assert page is not None
        totals = page.data["totals"]
        assert (totals["rows"], totals["items"], totals["municipalities"]) == (rows, items, places)
        assert totals["text"] == text
        assert page.data["paging"]["total"] == rows
    page = concept.concept_page(site, OUTCOME + "taget-til-efterretning", 1)
    assert page is not None
    assert "17 beslutninger i 16 dagsordenspunkter fra 4 kommuner." in visible_text(
        render(page, OUTCOME + "taget-til-efterretning")
    )
    assert page.queries[1].startswith("# Hvor mange beslutninger")  # the totals' SPARQL


def test_the_lists_come_from_the_side_index_not_the_store(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the list must come from the side index")

    monkeypatch.setattr(concept, "run", refuse)
    page = concept.concept_page(site, GODKENDT, 1)
    assert page is not None
    assert len(page.data["rows"]) == 9
    first = page.data["rows"][0]
    assert first["date_iso"] == "2022-08-18"
    assert first["municipality"]["label"] == "Ringkøbing-Skjern Kommune"
    assert first["decision"] == "Dagsordenen blev godkendt."


def test_without_an_index_the_pages_run_their_sparql_and_show_the_same(
    site: Site, samples_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bare = Site(base=BASE, store_path=samples_store, index_path=tmp_path / "intet.sqlite")
    assert bare.index() is None
    monkeypatch.setattr(concept, "PER_PAGE", 4)
    for iri in CONCEPTS:
        for number in (1, 2, 3, 5):
            indexed, alone = (
                concept.concept_page(site, iri, number),
                concept.concept_page(bare, iri, number),
            )
            assert indexed is not None
            assert alone is not None
            assert alone.data == indexed.data, (iri, number)
            assert alone.queries[:2] == indexed.queries[:2]
