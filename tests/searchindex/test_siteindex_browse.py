"""The side index's browsing questions, narrowed search and spelling suggestions, over the index
``referatgraf load`` built beside the five samples (see tests/conftest.py). The samples: five
meetings (Ringkøbing-Skjern 18 Aug 2022 with 10 items, Lemvig 8 Jun 2022 with 10, Lejre 4 May
2022 with 8 and 8 Jan 2020 with 11, Holstebro 23 Oct 2019 with 7); "KLAPjob" in Lejre's item 2
(godkendt) and Lemvig's item 4 (taget til efterretning)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from searchindex import SiteIndex
from searchindex.search import SearchFilters
from searchindex.spelling import distance, nearest
from tests.graph.postgres_server import INDEX_BACKENDS, open_index

BASE = "https://w3id.org/referatgraf/"
LEJRE = BASE + "kommune/lejre"
LEMVIG = BASE + "kommune/lemvig"
LEJRE_2022 = LEJRE + "/udvalg/udvalget-for-job-arbejdsmarked-og-integration/moede/2022-05-04"
LEJRE_2020 = LEJRE + "/udvalg/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08"
LEMVIG_2022 = LEMVIG + "/udvalg/arbejdsmarkeds-og-integrationsudvalget/moede/2022-06-08"
RS_2022 = BASE + "kommune/ringkoebing-skjern/udvalg/beskaeftigelsesudvalget/moede/2022-08-18"
HOLSTEBRO_2019 = BASE + "kommune/holstebro/udvalg/arbejdsmarkedsudvalget/moede/2019-10-23"
OUTCOME = BASE + "def/outcome/"


@pytest.fixture(scope="module", params=INDEX_BACKENDS)
def index(request: pytest.FixtureRequest, samples_store: Path) -> Iterator[SiteIndex]:
    opened = open_index(request, samples_store)
    yield opened
    opened.close()


def items(index: SiteIndex, q: str, **filters: str) -> list[str]:
    found = index.search(q, limit=100, filters=SearchFilters(**filters))
    return [i.iri for m in found.meetings for i in m.items]


def test_the_meetings_newest_first(index: SiteIndex) -> None:
    rows, total = index.meeting_list()
    assert total == 5
    assert [(r.iri, r.items) for r in rows] == [
        (RS_2022, 10), (LEMVIG_2022, 10), (LEJRE_2022, 8), (LEJRE_2020, 11), (HOLSTEBRO_2019, 7),
    ]  # fmt: skip
    assert rows[2].committee_label == "Udvalget for Job, Arbejdsmarked og Integration"
    assert rows[2].municipality_label == "Lejre Kommune"


@pytest.mark.parametrize(
    ("municipality", "committee", "year", "expected"),
    [
        (LEJRE, None, None, [LEJRE_2022, LEJRE_2020]),
        (None, None, 2022, [RS_2022, LEMVIG_2022, LEJRE_2022]),
        (LEJRE, None, 2020, [LEJRE_2020]),
        (None, LEJRE + "/udvalg/udvalget-for-job-og-arbejdsmarked", None, [LEJRE_2020]),
        (LEMVIG, None, 2020, []),
    ],
)
def test_the_meetings_narrowed(
    index: SiteIndex,
    municipality: str | None,
    committee: str | None,
    year: int | None,
    expected: list[str],
) -> None:
    rows, total = index.meeting_list(municipality, committee, year)
    assert [r.iri for r in rows] == expected
    assert total == len(expected)


def test_the_meetings_paged(index: SiteIndex) -> None:
    pages = [index.meeting_list(offset=n, limit=2) for n in (0, 2, 4)]
    assert [len(rows) for rows, _ in pages] == [2, 2, 1]
    assert {total for _, total in pages} == {5}
    assert [r.iri for rows, _ in pages for r in rows] == [r.iri for r in index.meeting_list()[0]]


def test_what_the_meetings_can_be_narrowed_to(index: SiteIndex) -> None:
    facets = index.meeting_facets(LEJRE)
    assert [(f.label, f.count) for f in facets["municipalities"]] == [
        ("Holstebro Kommune", 1), ("Lejre Kommune", 2), ("Lemvig Kommune", 1),
        ("Ringkøbing-Skjern Kommune", 1),
    ]  # fmt: skip
    assert [f.label for f in facets["committees"]] == [
        "Udvalget for Job og Arbejdsmarked (Lejre Kommune)",
        "Udvalget for Job, Arbejdsmarked og Integration (Lejre Kommune)",
    ]
    assert [(f.value, f.count) for f in facets["years"]] == [("2022", 1), ("2020", 1)]
    assert [(f.value, f.count) for f in index.meeting_facets()["years"]] == [
        ("2022", 3), ("2020", 1), ("2019", 1),
    ]  # fmt: skip


def test_the_outcomes_with_their_items(index: SiteIndex) -> None:
    # 17 decisions are taken til efterretning, in 16 items: Lejre's item 10 of 8 Jan 2020 has
    # its own decision and the one of Udvalget for Børn og Ungdom of 7 Jan, both so
    assert [(f.label, f.count) for f in index.outcome_facets()] == [
        ("drøftet", 5), ("godkendt", 9), ("indstillet til andet udvalg", 1),
        ("ingen beslutning", 2), ("taget til efterretning", 16), ("tiltrådt", 5),
    ]  # fmt: skip


def test_the_committee_register(index: SiteIndex) -> None:
    rows = index.committee_register()
    assert [(r.municipality_label, r.label, r.meetings, r.latest) for r in rows] == [
        ("Holstebro Kommune", "Arbejdsmarkedsudvalget", 1, "2019-10-23"),
        ("Lejre Kommune", "Udvalget for Børn og Ungdom", 0, None),
        ("Lejre Kommune", "Udvalget for Erhverv, Klima og Lokal udvikling", 0, None),
        ("Lejre Kommune", "Udvalget for Job og Arbejdsmarked", 1, "2020-01-08"),
        ("Lejre Kommune", "Udvalget for Job, Arbejdsmarked og Integration", 1, "2022-05-04"),
        ("Lemvig Kommune", "Arbejdsmarkeds- og Integrationsudvalget", 1, "2022-06-08"),
        ("Ringkøbing-Skjern Kommune", "Beskæftigelsesudvalget", 1, "2022-08-18"),
    ]


def test_meetings_per_municipality(index: SiteIndex) -> None:
    assert index.meetings_per_municipality() == {
        LEJRE: 2, LEMVIG: 1, BASE + "kommune/holstebro": 1,
        BASE + "kommune/ringkoebing-skjern": 1,
    }  # fmt: skip


def test_most_mentioned_in_a_municipality(index: SiteIndex) -> None:
    top = index.most_mentioned_in(LEJRE, ("Law", "Programme"), limit=3)
    assert [(e.label, e.kind, e.mentions) for e in top] == [
        ("Din indgang", "Programme", 4),
        ("Lov om en aktiv beskæftigelsesindsats", "Law", 4),
        ("Fælles om familierne", "Programme", 3),
    ]


def test_the_outcomes_of_items(index: SiteIndex) -> None:
    found = index.outcomes_of_items(
        [LEJRE_2022 + "/punkt/2", LEMVIG_2022 + "/punkt/4", HOLSTEBRO_2019 + "/punkt/1"]
    )
    assert found == {
        LEJRE_2022 + "/punkt/2": [(OUTCOME + "godkendt", "godkendt")],
        LEMVIG_2022 + "/punkt/4": [(OUTCOME + "taget-til-efterretning", "taget til efterretning")],
    }  # Holstebro's item 1 has a decision without a recognised outcome


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, [LEJRE_2022 + "/punkt/2", LEMVIG_2022 + "/punkt/4"]),
        ({"municipality": LEMVIG}, [LEMVIG_2022 + "/punkt/4"]),
        ({"committee": LEJRE + "/udvalg/udvalget-for-job-arbejdsmarked-og-integration"},
         [LEJRE_2022 + "/punkt/2"]),
        ({"date_from": "2022-05-05"}, [LEMVIG_2022 + "/punkt/4"]),
        ({"date_to": "2022-05-04"}, [LEJRE_2022 + "/punkt/2"]),
        ({"outcome": OUTCOME + "godkendt"}, [LEJRE_2022 + "/punkt/2"]),
        ({"kind": "Programme"}, []),
        ({"order": "dato"}, [LEMVIG_2022 + "/punkt/4", LEJRE_2022 + "/punkt/2"]),
    ],
)  # fmt: skip
def test_search_narrowed(index: SiteIndex, filters: dict[str, str], expected: list[str]) -> None:
    found = items(index, "KLAPjob", **filters)
    if filters.get("order") == "dato":
        assert found == expected
    else:
        assert sorted(found) == sorted(expected)


def test_search_newest_first_over_every_page(index: SiteIndex) -> None:
    dated = SearchFilters(order="dato")
    pages = [index.search("borger", offset=n, limit=7, filters=dated) for n in range(0, 25, 7)]
    dates = [m.date for page in pages for m in page.meetings for _ in m.items]
    assert len(dates) == 25
    assert dates == sorted(dates, reverse=True)


def test_search_for_names_of_one_kind_pages_them(index: SiteIndex) -> None:
    found = index.search("lejre", filters=SearchFilters(kind="Municipality"))
    assert [(e.label, e.mentions) for e in found.entities] == [("Lejre Kommune", 41)]
    assert (found.entity_total, found.total, found.meetings) == (1, 0, [])


@pytest.mark.parametrize(
    ("typed", "suggested"),
    [
        ("klapjbo", "klapjob"),
        ("lkapjob", "klapjob"),  # the first two letters swapped
        ("ældreomrdet", "aeldreomraadet"),
        ("aeldreomrdet", "aeldreomraadet"),
        ("bekæftigelse", "beskaeftigelse"),
        ("KLAPjob fleksjbo", "klapjob fleksjob"),  # a known word stays
        ("KLAPjob", None),  # every word known
        ("klap", None),  # the start of a known word
        ("xqzzyv", None),  # nothing near
    ],
)
def test_spelling_suggestions_from_the_index(
    index: SiteIndex, typed: str, suggested: str | None
) -> None:
    assert index.suggest(typed) == suggested


@settings(max_examples=200, deadline=None)
@given(one=st.text("abcdeæø", max_size=8), other=st.text("abcdeæø", max_size=8))
def test_distance_is_symmetric_and_bounded(one: str, other: str) -> None:
    found = distance(one, other, limit=2)
    assert found == distance(other, one, limit=2)
    assert 0 <= found <= 3
    assert (found == 0) == (one == other)
    if one != other and sorted(one) == sorted(other) and len(one) == 2:
        assert found == 1  # two letters swapped are one edit


@settings(max_examples=200, deadline=None)
@given(word=st.text("abcdefghijklmnop", min_size=5, max_size=12), at=st.integers(0, 11))
def test_a_letter_left_out_is_found_again(word: str, at: int) -> None:
    at %= len(word)
    slipped = word[:at] + word[at + 1 :]
    assert nearest(slipped, [(word, 1), ("zzzzzzzzzzzzzzzz", 9)]) == word


@settings(max_examples=200, deadline=None)
@given(query=st.text(max_size=40))
def test_any_text_gets_a_suggestion_or_none_without_raising(index: SiteIndex, query: str) -> None:
    suggestion = index.suggest(query)
    assert suggestion is None or suggestion.strip()
