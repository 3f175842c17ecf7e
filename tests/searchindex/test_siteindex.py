"""The side index over the five sample minutes: what the pages read, checked against the
samples (and against the store itself for the mentions' contexts)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import Literal, NamedNode, QuerySolutions

from graph.store import MinutesStore
from graph.terms import RG, term
from searchindex import SiteIndex, store_token
from searchindex import answers as queries
from searchindex.answers import groups_timeline
from tests.graph.postgres_server import INDEX_BACKENDS, open_index

BASE = "https://w3id.org/referatgraf/"
KLAPJOB = BASE + "program/klapjob"
LAB_2019 = BASE + "lov/lab-2019"
LEJRE_MEETING = (
    BASE + "kommune/lejre/udvalg/udvalget-for-job-arbejdsmarked-og-integration/moede/2022-05-04"
)
LEMVIG_MEETING = (
    BASE + "kommune/lemvig/udvalg/arbejdsmarkeds-og-integrationsudvalget/moede/2022-06-08"
)


@pytest.fixture(scope="module", params=INDEX_BACKENDS)
def index(request: pytest.FixtureRequest, samples_store: Path) -> Iterator[SiteIndex]:
    """The index that ``referatgraf load`` built beside the sample store, or the same built
    in PostgreSQL."""
    opened = open_index(request, samples_store)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def store(samples_store: Path) -> MinutesStore:
    return MinutesStore.open_read_only(samples_store)


def test_the_index_is_current_with_the_store_it_was_built_from(
    index: SiteIndex, store: MinutesStore
) -> None:
    assert index.token() == store_token(store)
    assert index.is_current(store)


def test_summary_counts_the_samples(index: SiteIndex) -> None:
    summary = index.summary()
    # 318: the attendance notes under 004's decisions ("Afbud: Steen Hansen (O)", "Ole
    # Blickfeldt (O) deltog ikke ...") are absences, not decision text, so not 12 person mentions
    assert (summary.meetings, summary.items, summary.mentions) == (5, 46, 318)
    assert (summary.municipalities, summary.committees) == (4, 5)
    assert (summary.first_date, summary.last_date) == ("2019-10-23", "2022-08-18")
    assert summary.meetings_per_year == [(2019, 1), (2020, 1), (2022, 3)]
    assert summary.kinds["Municipality"] == 98
    assert summary.kinds["Person"] == 25
    assert summary.last_load is not None


def test_latest_meetings_come_newest_first_with_labels(index: SiteIndex) -> None:
    latest = index.latest_meetings(limit=2)
    assert [(m.date, m.municipality_label) for m in latest] == [
        ("2022-08-18", "Ringkøbing-Skjern Kommune"),
        ("2022-06-08", "Lemvig Kommune"),
    ]
    assert latest[1].iri == LEMVIG_MEETING
    assert latest[1].committee_label == "Arbejdsmarkeds- og Integrationsudvalget"


def test_klapjob_is_mentioned_in_lemvig_and_lejre_at_the_exact_items(index: SiteIndex) -> None:
    rows = index.mentions(KLAPJOB)
    assert [(r.municipality_label, r.date, r.item, r.item_number, r.item_title) for r in rows] == [
        ("Lejre Kommune", "2022-05-04", LEJRE_MEETING + "/punkt/2", 2, "Orientering maj 2022"),
        (
            "Lemvig Kommune",
            "2022-06-08",
            LEMVIG_MEETING + "/punkt/4",
            4,
            "De beskæftigelsespolitiske mål for 2023",
        ),
    ]
    assert all(r.anchor == r.anchor_text == "KLAPjob" for r in rows)
    assert rows[1].context_before.endswith("Jobcentret samarbejder med ")
    assert rows[1].context_after.startswith(" om at etablere skånejobs")
    totals = index.entity_totals(KLAPJOB)
    assert totals is not None
    assert (totals.label, totals.kind, totals.mentions, totals.items, totals.municipalities) == (
        "KLAPjob", "Programme", 2, 2, 2,
    )  # fmt: skip
    assert [
        r.municipality_label for r in index.mentions(KLAPJOB, municipality=BASE + "kommune/lemvig")
    ] == ["Lemvig Kommune"]
    assert [r.item for r in index.mentions(KLAPJOB, offset=1, limit=5)] == [rows[1].item]


def test_the_2019_act_is_mentioned_in_several_municipalities(index: SiteIndex) -> None:
    totals = index.entity_totals(LAB_2019)
    assert totals is not None
    assert (totals.mentions, totals.items, totals.municipalities) == (10, 8, 3)
    groups = index.mention_groups(LAB_2019)
    assert len({g.municipality for g in groups}) == 3
    assert sum(g.count for g in groups) == 10
    assert index.provisions(LAB_2019) == [("§ 91", 1)]
    cited = [r for r in index.mentions(LAB_2019, limit=100) if r.provision]
    assert [r.provision for r in cited] == ["§ 91"]


@pytest.mark.parametrize("offset", [0, 1, 4, 9, 10, 11])
def test_a_page_far_into_the_mentions_is_the_page_the_walk_gives(
    index: SiteIndex, offset: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages from the kept ids (far into a long list) are the pages ``OFFSET`` walks to: the
    same 10 mentions of the 2019 act in the same order, and nothing past the end."""
    walked = [r.mention for r in index.mentions(LAB_2019, offset=offset, limit=3)]
    monkeypatch.setattr(queries, "FAR", 0)
    kept = [r.mention for r in index.mentions(LAB_2019, offset=offset, limit=3)]
    assert kept == walked
    assert len(kept) == max(0, min(3, 10 - offset))
    assert [r.mention for r in index.mentions(LAB_2019, limit=100)] == [
        r.mention for r in index.mentions(LAB_2019, offset=0, limit=100)
    ]


def test_an_entity_timeline_is_the_timeline_of_its_groups(index: SiteIndex) -> None:
    assert groups_timeline(index.mention_groups(LAB_2019)) == index.timeline(LAB_2019)
    assert groups_timeline([]).years == []


def test_timelines_cover_every_year_and_add_up(index: SiteIndex) -> None:
    timeline = index.timeline(LAB_2019)
    assert timeline.years == list(range(timeline.years[0], timeline.years[-1] + 1))
    assert sum(sum(row.counts) for row in timeline.rows) == 10
    assert all(len(row.counts) == len(timeline.years) for row in timeline.rows)
    assert [row.label for row in index.timeline(KLAPJOB).rows] == [
        "Lejre Kommune",
        "Lemvig Kommune",
    ]
    top = index.top_timeline(3)
    entities = index.top_entities(limit=3)
    assert [row.iri for row in top.rows] == [e.iri for e in entities]
    assert [sum(row.counts) for row in top.rows] == [e.mentions for e in entities]


def test_top_entities_are_the_most_mentioned(index: SiteIndex) -> None:
    top = index.top_entities(limit=5)
    assert [e.mentions for e in top] == sorted((e.mentions for e in top), reverse=True)
    assert {e.kind for e in top} <= {"Law", "Programme", "Organisation"}
    laws = index.top_entities(kinds=("Law",), limit=1)
    assert [(e.iri, e.mentions) for e in laws] == [(LAB_2019, 10)]


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_each_context_holds_its_anchor_where_the_offsets_say(
    index: SiteIndex, store: MinutesStore
) -> None:
    checked = 0
    for entity in index.top_entities(
        kinds=("Law", "Programme", "Organisation", "Person"), limit=50
    ):
        for row in index.mentions(entity.iri, limit=500):
            texts = list(store.quads_matching(NamedNode(row.text_node), term(RG.text), None))
            assert len(texts) == 1
            text = texts[0].object.value
            assert text[row.begin : row.end] == row.anchor_text == row.anchor
            assert _squeezed(text[: row.begin]).endswith(row.context_before)
            assert _squeezed(text[row.end :]).startswith(row.context_after)
            anchors = store.quads_matching(NamedNode(row.mention), term(RG.anchorText), None)
            assert [q.object for q in anchors] == [Literal(row.anchor)]
            checked += 1
    assert checked >= 100


def test_search_finds_the_klapjob_entity_first_and_both_items(index: SiteIndex) -> None:
    found = index.search("KLAPjob")
    assert found.entities[0].iri == KLAPJOB
    assert found.entities[0].mentions == 2
    assert found.total == 2
    assert {m.meeting for m in found.meetings} == {LEJRE_MEETING, LEMVIG_MEETING}
    for meeting in found.meetings:
        (item,) = meeting.items
        assert ("KLAPjob", True) in item.snippet
        assert all(isinstance(text, str) and "<" not in text for text, _ in item.snippet)


@pytest.mark.parametrize(
    ("typed", "spelt"),
    [("ældre", "aeldre"), ("søger", "soeger"), ("på", "PAA"), ("BØRN", "boern")],
)
def test_danish_letters_and_their_spellings_find_each_other(
    index: SiteIndex, typed: str, spelt: str
) -> None:
    one, other = index.search(typed), index.search(spelt)
    assert one.total > 0
    assert one.total == other.total
    assert [m.meeting for m in one.meetings] == [m.meeting for m in other.meetings]


@pytest.mark.parametrize("query", ["Damgård", "damgaard", "DAMGAARD", "jens erik damg"])
def test_entity_names_are_found_in_any_spelling(index: SiteIndex, query: str) -> None:
    found = index.search(query)
    assert [(e.label, e.kind) for e in found.entities] == [("Jens Erik Damgaard", "Person")]


def test_search_pages_through_the_hits(index: SiteIndex) -> None:
    everything = index.search("borger", limit=100)
    items = [i.iri for m in everything.meetings for i in m.items]
    assert len(items) == everything.total > 10
    paged: list[str] = []
    for offset in range(0, everything.total, 5):
        page = index.search("borger", offset=offset, limit=5)
        assert page.total == everything.total
        paged += [i.iri for m in page.meetings for i in m.items]
    assert sorted(paged) == sorted(items)  # every hit once, on one page


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "AND",
        "OR NOT",
        "NEAR(a b)",
        "*",
        "-",
        "a:b",
        '"unterminated',
        "(",
        "^x",
        "",
        " ",
        "\x00",
    ],
)
def test_search_syntax_in_the_query_is_just_words(index: SiteIndex, query: str) -> None:
    result = index.search(query)
    assert result.total >= 0


@settings(max_examples=200, deadline=None)
@given(query=st.text())
def test_any_text_searches_without_raising(index: SiteIndex, query: str) -> None:
    result = index.search(query, limit=3)
    assert result.total >= 0


def test_resources_have_danish_labels_and_their_places(index: SiteIndex) -> None:
    person = index.resource(BASE + "kommune/lejre/person/bjoern-lykke-soerensen")
    assert person is not None
    assert (person.kind, person.label, person.municipality_label) == (
        "Person", "Bjørn Lykke Sørensen", "Lejre Kommune",
    )  # fmt: skip
    item = index.resource(LEMVIG_MEETING + "/punkt/4")
    assert item is not None
    assert (item.kind, item.number, item.meeting, item.date) == (
        "AgendaItem", 4, LEMVIG_MEETING, "2022-06-08",
    )  # fmt: skip
    assert item.municipality_label == "Lemvig Kommune"
    assert index.resource(LEMVIG_MEETING + "/punkt/4/omtale/1") is None  # mentions have no page


def test_a_to_z_in_danish_order(index: SiteIndex) -> None:
    letters = dict(index.letters("Municipality"))
    assert sum(letters.values()) == 98
    assert list(letters)[-2:] == ["Æ", "Å"]
    assert [r.label for r in index.az("Municipality", "Æ")] == ["Ærø Kommune"]
    assert [r.label for r in index.az("Municipality", "å")] == [
        "Aabenraa Kommune", "Aalborg Kommune", "Aarhus Kommune",
    ]  # fmt: skip
    everything = index.az("Municipality", limit=200)
    assert everything[-4].label == "Ærø Kommune"
    assert [r.label for r in everything[:2]] == ["Albertslund Kommune", "Allerød Kommune"]
    assert index.az("Municipality", offset=97) == everything[97:]


def test_coverage_lists_every_loaded_meeting(index: SiteIndex) -> None:
    rows = index.coverage()
    assert sum(len(r.meetings) for r in rows) == 5
    lejre = [r for r in rows if r.municipality_label == "Lejre Kommune"]
    assert [(r.committee_label, [d for _, d in r.meetings]) for r in lejre] == [
        ("Udvalget for Job og Arbejdsmarked", ["2020-01-08"]),
        ("Udvalget for Job, Arbejdsmarked og Integration", ["2022-05-04"]),
    ]
    assert index.load_failures() == []


def test_pages_lists_every_page_for_the_sitemap(index: SiteIndex) -> None:
    pages = dict(index.pages())
    assert pages[LEMVIG_MEETING] is not None
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", pages[LEMVIG_MEETING] or "")
    assert pages[KLAPJOB] == pages[LEMVIG_MEETING]  # mentioned in minutes of that load
    assert pages[BASE + "kommune/aeroe"] is None
    summary = index.summary()
    assert len(pages) == sum(summary.kinds.values())


def test_threads_read_at_once(index: SiteIndex) -> None:
    def work(n: int) -> tuple[int, int]:
        return len(index.mentions(LAB_2019)), index.search("borger").total + n % 1

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(64)))
    assert set(results) == {results[0]}


OUTCOME = "https://w3id.org/referatgraf/def/outcome/"
HOLSTEBRO_2019 = BASE + "kommune/holstebro/udvalg/arbejdsmarkedsudvalget/moede/2019-10-23"


def test_the_kle_subject_lists_its_three_holstebro_items(index: SiteIndex) -> None:
    rows = index.concept_items(BASE + "kle/15.00.15")
    assert [r.item for r in rows] == [f"{HOLSTEBRO_2019}/punkt/{n}" for n in (1, 2, 3)]
    assert [r.item_title for r in rows][1] == "Målretning af beskæftigelsestilbud"
    assert {(r.date, r.municipality_label, r.committee_label, r.decision) for r in rows} == {
        ("2019-10-23", "Holstebro Kommune", "Arbejdsmarkedsudvalget", None)
    }
    totals = index.concept_totals(BASE + "kle/15.00.15")
    assert (totals.rows, totals.items, totals.municipalities) == (3, 3, 1)
    assert (totals.first_date, totals.last_date) == ("2019-10-23", "2019-10-23")


def test_the_outcomes_count_their_decisions(index: SiteIndex) -> None:
    expected = {"godkendt": (9, 9, 4), "taget-til-efterretning": (17, 16, 4), "droeftet": (5, 5, 3)}
    for name, counts in expected.items():
        totals = index.concept_totals(OUTCOME + name)
        assert (totals.rows, totals.items, totals.municipalities) == counts, name
    afvist = index.concept_totals(OUTCOME + "afvist")
    assert (afvist.rows, afvist.first_date) == (0, None)
    assert index.concept_items(OUTCOME + "afvist") == []
    first, *rest = index.concept_items(OUTCOME + "godkendt", limit=4)
    assert first.decision == f"{first.item}/beslutning"
    assert (first.date, first.municipality_label, first.item_number) == (
        "2022-08-18", "Ringkøbing-Skjern Kommune", 1,
    )  # fmt: skip
    assert first.decision_text == "Dagsordenen blev godkendt."
    pages = [index.concept_items(OUTCOME + "godkendt", offset=o, limit=4) for o in (0, 4, 8)]
    assert [len(p) for p in pages] == [4, 4, 1]
    dates = [r.date or "" for p in pages for r in p]
    assert dates == sorted(dates, reverse=True)
    assert pages[0][1:] == rest


def test_every_concept_list_is_what_the_store_says(index: SiteIndex, store: MinutesStore) -> None:
    """Each KLE subject's items (``rg:kle``) and each outcome's decisions, as SPARQL finds
    them, are the index's rows, and the totals count them."""
    query = """PREFIX rg: <https://w3id.org/referatgraf/def#>
    SELECT ?concept ?item ?decision WHERE {
      { ?item rg:kle ?concept ; rg:meeting ?m }
      UNION
      { ?decision rg:outcome ?concept . ?item rg:decision|rg:otherDecision ?decision }
    }"""
    expected: dict[str, set[tuple[str, str | None]]] = {}
    result = store.query(query)
    assert isinstance(result, QuerySolutions)
    for row in result:
        decision = row["decision"]
        expected.setdefault(row["concept"].value, set()).add(
            (row["item"].value, decision.value if decision is not None else None)
        )
    assert len(expected) == 11 + 6  # KLE subjects with items, outcomes with decisions
    for concept, rows in expected.items():
        found = index.concept_items(concept, limit=1000)
        assert {(r.item, r.decision) for r in found} == rows, concept
        totals = index.concept_totals(concept)
        assert totals.rows == len(rows)
        assert totals.items == len({item for item, _ in rows})
