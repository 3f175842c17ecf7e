"""Every query a page shows while it answers from a fast reader (``web/shown_queries.py``) gives
the reader's answer, for every resource of the samples it is about: the five samples, loaded
with a file that fails so that the coverage page has a failure to show."""

from __future__ import annotations

import re
from importlib import resources

import pytest
from pyoxigraph import NamedNode, QuerySolutions
from starlette.requests import Request

from graph.location import index_path_for
from graph.uris import Minter
from ontology.namespace import NS
from sparql.limits import Limits
from tests.conftest import ROOT, SAMPLES, referatgraf
from web.browse_data import REGISTER_KINDS
from web.home import StoreFigures, home_page
from web.pages import Page
from web.pages.concept import concept_page
from web.pages.item import item_page
from web.pages.page_sparql import bound_text, python_value
from web.pages.person import person_page
from web.render import render_page
from web.shown_queries import OFFERED, SHOWN_QUERIES, Compared, ShownQuery, is_equivalent
from web.site_readers import Site

BASE = "https://w3id.org/referatgraf/"
PREFIXES = (
    "PREFIX rg: <https://w3id.org/referatgraf/def#>\n"
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
)
EXAMPLES = {
    "item": "SELECT ?s WHERE { ?s a rg:AgendaItem }",
    "entity": "SELECT DISTINCT ?s WHERE { ?m rg:mentionOf ?s }",
    "law": "SELECT DISTINCT ?s WHERE { ?m rg:mentionOf ?s . ?s a rg:Law }",
    "kle": "SELECT ?s ?kle WHERE { ?s skos:inScheme ?kle }",
    "outcome": "SELECT ?s WHERE { ?s skos:inScheme rg:outcomes }",
    # what only the generic page shows: load runs, source documents, decisions
    "resource": "SELECT ?s WHERE { VALUES ?k { rg:LoadRun rg:SourceDocument rg:Decision }"
    " ?s a ?k }",
}
"""The resources of the samples that each kind of page is about, as SPARQL."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The five samples and a file that is no minutes (the load run records it as failed)."""
    folder = tmp_path_factory.mktemp("shown")
    broken = folder / "ikke-et-referat.txt"
    broken.write_bytes(b"\x00\x01\x02")
    ran = referatgraf("load", "--store", folder / "store", *SAMPLES, broken)
    assert ran.code == 1, ran.out + ran.err  # one file failed, the five loaded
    return Site(base=BASE, store_path=folder / "store", index_path=index_path_for(folder / "store"))


def _examples(site: Site, entry: ShownQuery) -> list[str | None]:
    if entry.about is None:
        return [None]
    if entry.about == "class":
        return [NS + kind.kind for kind in REGISTER_KINDS.values()]
    query = EXAMPLES[entry.about]
    kle = {"kle": NamedNode(Minter(BASE).kle_scheme())} if "?kle" in query else None
    found = site.store().query(PREFIXES + query, substitutions=kle)
    assert isinstance(found, QuerySolutions)
    iris = sorted(row["s"].value for row in found if isinstance(row["s"], NamedNode))
    assert iris, entry.about
    return list(iris)


def _query_rows(site: Site, entry: ShownQuery, iri: str | None) -> Compared:
    text = bound_text(entry.query(), entry.bindings(site, iri))
    result = site.store().query(text)
    assert isinstance(result, QuerySolutions), entry.name
    names = [variable.value for variable in result.variables]
    rows = [dict(zip(names, map(python_value, solution), strict=True)) for solution in result]
    return entry.rows(rows)


def _as_compared(rows: Compared, entry: ShownQuery) -> Compared:
    return rows if entry.ordered else sorted(rows, key=repr)


@pytest.mark.parametrize("entry", SHOWN_QUERIES, ids=lambda entry: entry.name)
def test_the_shown_query_gives_what_its_fast_reader_gives(site: Site, entry: ShownQuery) -> None:
    compared = 0
    for iri in _examples(site, entry):
        shown = _as_compared(_query_rows(site, entry, iri), entry)
        fast = _as_compared(entry.reader(site, iri), entry)
        assert shown == fast, (entry.name, iri)
        compared += len(shown)
    assert compared > 0, f"{entry.name}: no rows on the samples, nothing was compared"


def _rq_names(package: str, folder: str) -> set[str]:
    found = resources.files(package).joinpath(folder).iterdir()
    return {f.name.removesuffix(".rq") for f in found if f.name.endswith(".rq")}


def _run_by_pages() -> set[str]:
    """The queries a module of ``web/`` runs itself (``run(store, "name", ...)``, or
    ``opened.run("name", ...)`` and ``<variable>_main`` in a page under
    ``@opening("Class", "variable")``): what such a page shows is what it ran."""
    call = re.compile(r"\brun\(\s*(?:[^,()]+(?:\([^()]*\))?,\s*)?\"(\w+)\"")
    opening = re.compile(r"@opening\(\"\w+\", \"(\w+)\"\)")
    texts = [module.read_text(encoding="utf-8") for module in (ROOT / "web").rglob("*.py")]
    return {name for text in texts for name in call.findall(text)} | {
        f"{variable}_main" for text in texts for variable in opening.findall(text)
    }


def test_every_query_a_page_shows_is_run_by_it_or_checked_here() -> None:
    shown = _rq_names("web.pages", "page_queries") | _rq_names("web", "browse_queries")
    registered = {entry.name for entry in SHOWN_QUERIES}
    ran = _run_by_pages()
    assert registered <= shown  # every entry names a query file
    assert shown - registered - ran == set(OFFERED)
    assert {"committee_main", "item_votes", "person_votes", "ontology_terms"} <= ran


def test_the_registry_names_each_query_once_with_a_page() -> None:
    names = [entry.name for entry in SHOWN_QUERIES]
    assert len(names) == len(set(names))
    assert all(entry.page for entry in SHOWN_QUERIES)
    assert len(names) == 23


LEMVIG_ITEM = BASE + (
    "kommune/lemvig/udvalg/arbejdsmarkeds-og-integrationsudvalget/moede/2022-06-08/punkt/4"
)


def _html(page: Page, iri: str | None) -> str:
    scope = {"type": "http", "method": "GET", "path": "/", "headers": [], "query_string": b""}
    response = render_page(Request(scope), page, iri=iri)
    return bytes(response.body).decode("utf-8")


def _labels(html: str) -> list[str]:
    return re.findall(r"<summary>([^<]+)</summary>", html)


def test_a_query_answered_by_a_fast_reader_is_shown_as_equivalent_sparql(site: Site) -> None:
    page = item_page(site, LEMVIG_ITEM, 1)
    assert page is not None
    # the item, its sections, parts, mentions and labels are read by lookups and from the
    # side index; the vote table's query is the one the page runs (when there are votes)
    assert [is_equivalent(q) for q in page.queries] == [True] * 5 + [False]
    assert _labels(_html(page, LEMVIG_ITEM)) == [
        *(f"Tilsvarende SPARQL {n}" for n in range(1, 6)),
        "SPARQL-forespørgsel 6",
    ]
    assert "forespørgslen giver de samme rækker" in _html(page, LEMVIG_ITEM)
    home = home_page(site, StoreFigures(None, Limits().resolved()), "http://test/")
    assert _labels(_html(home, None)) == [f"Tilsvarende SPARQL {n}" for n in (1, 2, 3)]
    kle = concept_page(site, BASE + "kle/15.20.00", 2)  # a later page of its list: paged
    assert kle is not None
    assert all(is_equivalent(q) for q in kle.queries)


def test_a_query_the_page_runs_itself_is_shown_as_a_sparql_query(site: Site) -> None:
    found = site.store().query(PREFIXES + "SELECT ?s WHERE { ?s a rg:Person } LIMIT 1")
    assert isinstance(found, QuerySolutions)
    person = next(iter(found))["s"].value
    page = person_page(site, person, 1)
    assert page is not None
    assert page.queries
    assert not any(is_equivalent(q) for q in page.queries)
    html = _html(page, person)
    assert _labels(html) == [f"SPARQL-forespørgsel {n}" for n in range(1, len(page.queries) + 1)]
    assert "Tilsvarende SPARQL" not in html
