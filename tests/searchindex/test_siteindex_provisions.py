"""The sections of a law cited, from the side index (searchindex/provision_rows.py): over the
samples and over two small minutes of a technical and a school committee
(``tests/web/data/lawb_*.txt``), whose citations are read from their text:

- Køge, Teknik- og Miljøudvalget, 12 September 2023: punkt 1 cites planlovens § 19, § 20 i
  planloven and § 19 i planloven; punkt 2 planlovens § 35, stk. 1;
- Aalborg, By- og Landskabsudvalget, 5 October 2023: punkt 1 cites § 19 i planloven; punkt 2
  folkeskolelovens § 26.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from searchindex import SiteIndex
from searchindex.provision_rows import provision_order, split_provisions
from tests.conftest import ROOT, referatgraf
from tests.graph.postgres_server import INDEX_BACKENDS, open_index

BASE = "https://w3id.org/referatgraf/"
DATA = ROOT / "tests" / "web" / "data"
KOEGE = BASE + "kommune/koege/udvalg/teknik-og-miljoeudvalget/moede/2023-09-12/punkt/"
AALBORG = BASE + "kommune/aalborg/udvalg/by-og-landskabsudvalget/moede/2023-10-05/punkt/"
HOLSTEBRO = BASE + "kommune/holstebro/udvalg/arbejdsmarkedsudvalget/moede/2019-10-23/punkt/2"


@pytest.fixture(scope="module")
def fields_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("lawb-index") / "store"
    ran = referatgraf("load", "--store", store, DATA / "lawb_koege.txt", DATA / "lawb_aalborg.txt")
    assert ran.code == 0, ran.out + ran.err
    return store


@pytest.fixture(scope="module", params=INDEX_BACKENDS)
def fields(request: pytest.FixtureRequest, fields_store: Path) -> Iterator[SiteIndex]:
    opened = open_index(request, fields_store)
    yield opened
    opened.close()


@pytest.fixture(scope="module", params=INDEX_BACKENDS)
def samples(request: pytest.FixtureRequest, samples_store: Path) -> Iterator[SiteIndex]:
    opened = open_index(request, samples_store)
    yield opened
    opened.close()


def test_planloven_sections_most_cited_first(fields: SiteIndex) -> None:
    found = fields.cited_provisions(BASE + "lov/planloven")
    assert [(c.provision, c.mentions, c.item_count, len(c.items)) for c in found] == [
        ("§ 19", 3, 2, 2),
        ("§ 20", 1, 1, 1),
        ("§ 35", 1, 1, 1),
    ]
    newest, older = found[0].items
    assert (newest.item, newest.date, newest.municipality_label, newest.committee_label) == (
        AALBORG + "1",
        "2023-10-05",
        "Aalborg Kommune",
        "By- og Landskabsudvalget",
    )
    assert (newest.number, newest.title) == (1, "Dispensation fra lokalplan 4-2-104")
    assert (older.item, older.date, older.cited) == (KOEGE + "1", "2023-09-12", ("§ 19",))
    assert [(i.item, i.cited) for i in found[2].items] == [(KOEGE + "2", ("§ 35, stk. 1",))]


def test_a_limit_keeps_the_newest_items_and_the_counts(fields: SiteIndex) -> None:
    found = fields.cited_provisions(BASE + "lov/planloven", limit=1)
    assert [(c.provision, c.item_count, [i.item for i in c.items]) for c in found] == [
        ("§ 19", 2, [AALBORG + "1"]),
        ("§ 20", 1, [KOEGE + "1"]),
        ("§ 35", 1, [KOEGE + "2"]),
    ]


def test_a_law_cited_without_provisions_has_none(fields: SiteIndex) -> None:
    assert fields.cited_provisions(BASE + "lov/privatvejsloven") == []
    assert fields.cited_provisions(BASE + "lov/ingen-saadan-lov") == []
    school = fields.cited_provisions(BASE + "lov/folkeskoleloven")
    assert [(c.provision, [i.item for i in c.items]) for c in school] == [("§ 26", [AALBORG + "2"])]


def test_the_samples_sections(samples: SiteIndex) -> None:
    service = samples.cited_provisions(BASE + "lov/serviceloven")
    assert [(c.provision, c.mentions, [i.item for i in c.items]) for c in service] == [
        ("§ 103", 1, [HOLSTEBRO]),
        ("§ 104", 1, [HOLSTEBRO]),
    ]
    assert [c.provision for c in samples.cited_provisions(BASE + "lov/lab-2019")] == ["§ 91"]


_PROVISION = st.builds(
    lambda n, letter, stk: f"§ {n}{letter}{stk}",
    st.integers(1, 999),
    st.sampled_from(["", " a", " b"]),
    st.sampled_from(["", ", stk. 2", ", stk. 3, nr. 4", ", stk. 1, 2. pkt."]),
)


@given(st.lists(_PROVISION, min_size=1, max_size=6))
def test_joined_provisions_split_back(provisions: list[str]) -> None:
    assert split_provisions(", ".join(provisions)) == provisions


@given(st.integers(1, 998), st.integers(1, 998))
def test_sections_sort_by_number_not_as_text(a: int, b: int) -> None:
    ordered = sorted([f"§ {a}", f"§ {b}"], key=provision_order)
    assert [int(p[2:]) for p in ordered] == sorted([a, b])
