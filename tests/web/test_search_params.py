"""What ``/soeg`` and ``/moeder`` read from their URLs (web/search_params.py,
web/browse_pages.py): every value checked, anything else left out and named, never an error;
and the links they make read back as the same search."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from searchindex.search import SearchFilters
from web.browse_pages import MeetingParams
from web.search_params import SearchParams

BASE = "https://w3id.org/referatgraf/"
NAMES = ("q", "kommune", "udvalg", "fra", "til", "udfald", "type", "sortering", "side", "format")


def test_values_become_the_dataset_iris() -> None:
    params = SearchParams.read(
        {
            "q": " KLAPjob ",
            "kommune": "lejre",
            "udvalg": "lejre/udvalget-for-job-og-arbejdsmarked",
            "fra": "2020-01-01",
            "til": "2022-12-31",
            "udfald": "godkendt",
            "type": "punkter",
            "sortering": "dato",
            "side": "3",
        }
    )
    assert params.ignored == []
    assert params.filters(BASE) == SearchFilters(
        municipality=BASE + "kommune/lejre",
        committee=BASE + "kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked",
        date_from="2020-01-01",
        date_to="2022-12-31",
        outcome=BASE + "def/outcome/godkendt",
        kind="AgendaItem",
        order="dato",
    )
    assert params.page == 3
    assert params.href() == (
        "/soeg?q=KLAPjob&kommune=lejre&udvalg=lejre%2Fudvalget-for-job-og-arbejdsmarked"
        "&fra=2020-01-01&til=2022-12-31&udfald=godkendt&type=punkter&sortering=dato"
    )


def test_places_are_under_the_base_and_outcomes_in_the_ontology() -> None:
    """A dataset loaded under another base keeps the ontology's outcome concepts
    (graph/item_quads.py writes them in ``def/outcome/`` of w3id.org, whatever the base)."""
    base = "https://data.example.org/"
    params = SearchParams.read(
        {"q": "x", "kommune": "lejre", "udvalg": "lejre/uu", "udfald": "afslag"}
    )
    filters = params.filters(base)
    assert filters.municipality == base + "kommune/lejre"
    assert filters.committee == base + "kommune/lejre/udvalg/uu"
    assert filters.outcome == "https://w3id.org/referatgraf/def/outcome/afslag"
    assert MeetingParams.read({"kommune": "lejre", "udvalg": "lejre/uu"}).iris(base) == (
        base + "kommune/lejre",
        base + "kommune/lejre/udvalg/uu",
    )


def test_values_that_name_nothing_are_left_out_and_named() -> None:
    params = SearchParams.read(
        {
            "q": "x",
            "kommune": "../../etc",
            "udvalg": "lejre",
            "fra": "8. januar 2020",
            "til": "2020-02-30",
            "udfald": "GODKENDT!",
            "type": "ting",
            "sortering": "alfabetisk",
            "format": "xml",
            "side": "-4",
        }
    )
    assert params.ignored == [
        "kommune", "udvalg", "fra", "til", "udfald", "type", "sortering", "format",
    ]  # fmt: skip
    assert params.filters(BASE) == SearchFilters()
    assert (params.page, params.format) == (1, None)


def test_a_long_query_is_cut() -> None:
    params = SearchParams.read({"q": "ord " * 100})
    assert (len(params.q), params.cut) == (200, True)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(NAMES), st.text(max_size=30)))
def test_any_values_read_without_raising_and_link_back_to_themselves(
    values: dict[str, str],
) -> None:
    params = SearchParams.read(values)
    params.filters(BASE)
    link = params.href(side=params.page)
    again = SearchParams.read(dict(parse_qsl(urlsplit(link).query)))
    assert again.values() == params.values()
    assert again.ignored == []


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(("kommune", "udvalg", "aar", "side")), st.text(max_size=20)))
def test_any_meeting_list_values_read_without_raising(values: dict[str, str]) -> None:
    params = MeetingParams.read(values)
    municipality, committee = params.iris(BASE)
    assert municipality is None or municipality.startswith(BASE + "kommune/")
    assert committee is None or "/udvalg/" in committee
    again = MeetingParams.read(dict(parse_qsl(urlsplit(params.href(side=params.page)).query)))
    assert (again.municipality, again.committee, again.year, again.page) == (
        params.municipality, params.committee, params.year, params.page,
    )  # fmt: skip
