"""Which queries are lookups (answered in the server process, with no time limit and no
sandbox), and how they are answered. A lookup must be bounded by its text: a property test
checks every query the classifier accepts against rdflib's own algebra of it."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st
from pyoxigraph import Store
from rdflib.paths import Path as PropertyPath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue

from graph.store import MinutesStore
from sparql.evaluate import Job, evaluate
from sparql.guard import RefusedError, inspect
from sparql.lookups import Lookups, lookup_kind
from sparql.query_worker import store_state

EX = "PREFIX ex: <http://example.org/>\n"


@pytest.mark.parametrize(
    ("query", "kind"),
    [
        ("SELECT ?s ?p WHERE { ?s ?p <http://example.org/a> } LIMIT 100", "select"),
        ("select * { ?s ?p ?o . } limit 10", "select"),
        (EX + "SELECT ?o WHERE { ex:a ex:b ?o } OFFSET 20 LIMIT 10", "select"),
        (EX + "SELECT ?s WHERE { ?s a ex:Meeting } LIMIT 10 OFFSET 5", "select"),
        ("SELECT ?s { ?s ?p 'KLAPjob' } LIMIT 5  # a comment", "select"),
        ('SELECT ?s { ?s ?p """two\nlines""" } LIMIT 5', "select"),
        ("BASE <http://example.org/> SELECT ?p { <a> ?p ?o } LIMIT 1", "select"),
        ("SELECT ?s WHERE { ?s ?p ?o } LIMIT 10000", "select"),
        ("ASK { ?s a <http://example.org/C> }", "ask"),
        ("ASK WHERE { ?s ?p ?o . }", "ask"),
    ],
)
def test_lookups_are_recognised(query: str, kind: str) -> None:
    assert lookup_kind(query, 10_000) == kind


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?s WHERE { ?s ?p ?o }",  # no LIMIT: as many rows as the store has
        "SELECT ?s WHERE { ?s ?p ?o } LIMIT 10001",  # past the row cap
        "SELECT ?s WHERE { ?s ?p ?o } LIMIT 10 OFFSET 9995",
        "SELECT ?s WHERE { ?s ?p ?o } LIMIT 10 LIMIT 10",
        "SELECT DISTINCT ?p WHERE { ?s ?p ?o } LIMIT 10",  # may read every quad for 10 rows
        "SELECT REDUCED ?p WHERE { ?s ?p ?o } LIMIT 10",
        "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 10",
        "SELECT ?s WHERE { ?s ?p ?o } GROUP BY ?s LIMIT 10",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } LIMIT 1",
        "SELECT ?s WHERE { ?s ?p ?o FILTER(?o = 1) } LIMIT 10",
        "SELECT ?s WHERE { ?s ?p ?o . ?o ?q ?r } LIMIT 10",
        "SELECT ?s WHERE { ?s ?p ?o ; ?q ?r } LIMIT 10",
        "SELECT ?s WHERE { ?s ?p ?o , ?r } LIMIT 10",
        "SELECT ?s WHERE { ?s <http://example.org/p>* ?o } LIMIT 10",
        "SELECT ?s WHERE { ?s ^<http://example.org/p> ?o } LIMIT 10",
        "SELECT ?s WHERE { ?s <http://example.org/p>/<http://example.org/q> ?o } LIMIT 10",
        "SELECT ?s WHERE { ?s <http://example.org/p>|<http://example.org/q> ?o } LIMIT 10",
        "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 10",
        "SELECT ?s WHERE { { ?s ?p ?o } } LIMIT 10",
        "SELECT ?s WHERE { OPTIONAL { ?s ?p ?o } } LIMIT 10",
        "SELECT ?s WHERE { ?s ?p ?o } VALUES ?s { <http://example.org/a> } LIMIT 10",
        "SELECT ?s FROM <http://example.org/g> WHERE { ?s ?p ?o } LIMIT 10",
        "SELECT ?s WHERE { ?s ?p 'x'@da } LIMIT 10",
        "SELECT ?s WHERE { ?s ?p 'x'^^<http://www.w3.org/2001/XMLSchema#string> } LIMIT 10",
        "SELECT ?s WHERE { ?s ?p 42 } LIMIT 10",
        "SELECT ?s WHERE { ?s ?p [ ?q ?r ] } LIMIT 10",
        "SELECT ?s WHERE { ?s ?p ( 1 2 ) } LIMIT 10",
        "SELECT ?s WHERE { << ?s ?p ?o >> ?q ?r } LIMIT 10",
        "SELECT ?s WHERE { ?s ?p ?o } LIMIT ?n",
        "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1 0",
        "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1234567890",
        "SELECT * WHERE { ?s ?p ?o }",
        "SELECT WHERE { ?s ?p ?o } LIMIT 1",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 10",
        "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 10",
        "ASK { ?s ?p ?o FILTER(REGEX(STR(?o), '(a*)*b')) }",
        "ASK { ?s ?p ?o . ?o ?q ?r }",
        "DESCRIBE <http://example.org/a>",  # as many triples as link to it: a worker's job
        "DESCRIBE ?x WHERE { ?x ?p ?o }",
        "DESCRIBE *",
        "DESCRIBE <http://example.org/a> FROM <http://example.org/g>",
        "DESCRIBE <http://example.org/a> WHERE {}",
        "PREFIX ex <http://example.org/> DESCRIBE ex:a",
        "PREFIX ex:a <http://example.org/> DESCRIBE ex:a",
        "",
        "LIMIT 10",
    ],
)
def test_everything_else_is_not_a_lookup(query: str) -> None:
    assert lookup_kind(query, 10_000) is None


def test_the_row_cap_bounds_a_lookup() -> None:
    query = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 100"
    assert lookup_kind(query, 100) == "select"
    assert lookup_kind(query, 99) is None
    assert lookup_kind("ASK { ?s ?p ?o }", 0) is None  # 0: no lookups at all


def test_the_guard_still_refuses_first() -> None:
    with pytest.raises(RefusedError):
        lookup_kind("SELECT ?s WHERE { SERVICE <http://x/> { ?s ?p ?o } } LIMIT 1", 10_000)


# Fragments that make lookups and near-lookups: every grammar element the classifier tells
# apart, and some it must never let through (paths, filters, graphs, nesting, SERVICE-free
# sub-queries, comments and strings holding braces).
_GOOD_TERMS = ["?s", "?p", "?o", "<http://example.org/a>", "ex:b", "a", "'x'", '"}"', "$v"]
_TERMS = st.sampled_from(
    [*_GOOD_TERMS, *_GOOD_TERMS, "'x'@da", "1", "[]", "_:b", "<http://example.org/p>*", "^ex:p",
     "ex:p/ex:q", "(1)", "ex:a.b", '"""x"""']
)  # fmt: skip
_GLUE = st.sampled_from(
    ["", " ", ".", " . ", ";", ",", "{", "}", " FILTER(?o) ", " OPTIONAL ", " GRAPH ?g ",
     " UNION ", "#}\n", " BIND(1 AS ?x) ", " VALUES ?s {ex:a} ", " MINUS "]
)  # fmt: skip
_HEADS = st.sampled_from(
    [EX + "SELECT ?s ?p ", EX + "SELECT * ", EX + "SELECT DISTINCT ?s ", EX + "ASK ",
     EX + "DESCRIBE ", EX + "SELECT (COUNT(*) AS ?n) ", "SELECT ?s ", EX + "CONSTRUCT "]
)  # fmt: skip
_TAILS = st.sampled_from(
    ["", "", "", " LIMIT 10", " LIMIT 10 OFFSET 5", " OFFSET 5 LIMIT 10", " LIMIT 7",
     " limit 9999", " LIMIT 5000 OFFSET 5000", " ORDER BY ?s LIMIT 10", " GROUP BY ?s LIMIT 3",
     " LIMIT 20000", " LIMIT 10 # done"]
)  # fmt: skip


@st.composite
def near_lookups(draw: st.DrawFn) -> str:
    """A pattern of three terms (or, after DESCRIBE, a list of terms), each drawn from good and
    bad ones, with up to three pieces of glue put anywhere."""
    head = draw(_HEADS)
    terms = [draw(_TERMS) for _ in range(3)]
    if "DESCRIBE" in head and draw(st.booleans()):
        parts = [f" {term} " for term in terms[: draw(st.integers(1, 3))]]
    else:
        end = draw(st.sampled_from(["", " .", " ;", " ,"]))
        parts = [draw(st.sampled_from(["", "WHERE "])), "{ ", *(f"{t} " for t in terms), end, " }"]
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2, 3]))):
        parts.insert(draw(st.integers(0, len(parts))), draw(_GLUE))
    return head + "".join(parts) + draw(_TAILS)


def _kind(query: str) -> str | None:
    try:
        return lookup_kind(query, 10_000)
    except RefusedError:
        return None


@pytest.mark.parametrize("kind", ["select", "ask"])
def test_the_strategy_makes_lookups_of_every_kind(kind: str) -> None:
    found = find(near_lookups(), lambda q: _kind(q) == kind, settings=settings(max_examples=5000))
    assert lookup_kind(found, 10_000) == kind


def _algebra_nodes(node: Any, found: list[CompValue]) -> list[CompValue]:
    if isinstance(node, CompValue):
        found.append(node)
        for value in node.values():
            _algebra_nodes(value, found)
    elif isinstance(node, list | tuple):
        for value in node:
            _algebra_nodes(value, found)
    return found


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(near_lookups())
def test_every_lookup_is_one_pattern_with_a_bounded_slice(query: str) -> None:
    kind = _kind(query)
    if kind is None:
        return
    # What rdflib makes of the same text: one triple pattern, no path, no filter, no join,
    # no graph, no ordering or grouping, and a slice within the cap (or nothing at all).
    try:
        algebra = prepareQuery(query).algebra
    except Exception:
        # not SPARQL (an undeclared prefix, a term out of place): Oxigraph refuses it too,
        # before reading anything
        with pytest.raises(SyntaxError):
            Store().query(query)
        return
    nodes = _algebra_nodes(algebra, [])
    names = {node.name for node in nodes}
    assert names <= {"SelectQuery", "AskQuery", "Slice", "Project", "BGP"}, (query, names)
    patterns = [node for node in nodes if node.name == "BGP"]
    assert len(patterns) == 1, query
    assert len(patterns[0].triples) == 1, query
    assert not isinstance(patterns[0].triples[0][1], PropertyPath), query
    if kind == "select":
        (slice_,) = [node for node in nodes if node.name == "Slice"]
        assert slice_.length is not None, query
        assert slice_.start + slice_.length <= 10_000, query


@pytest.fixture
def sample_store(samples_store: Path) -> MinutesStore:
    return MinutesStore.open_read_only(samples_store)


def _started(store: MinutesStore, token: str | None, max_rows: int = 1000) -> Lookups:
    lookups = Lookups(lambda: store, max_rows)
    asyncio.run(lookups.start(token))
    return lookups


def test_a_lookup_is_answered_as_a_worker_would(sample_store: MinutesStore) -> None:
    lookups = _started(sample_store, store_state(sample_store).token)
    assert lookups.ready
    assert lookups.state == store_state(sample_store)
    for job in (
        Job("SELECT ?s ?p WHERE { ?s ?p ?o } LIMIT 7", "SELECT", results_format="csv"),
        Job("ASK { ?s a <https://w3id.org/referatgraf/def#Meeting> }", "ASK", gzip=True),
    ):
        assert lookups.answer(job, inspect(job.query)) == evaluate(sample_store, job)
    assert lookups.answered == 2


def test_other_queries_are_left_to_the_workers(sample_store: MinutesStore) -> None:
    lookups = _started(sample_store, store_state(sample_store).token, max_rows=10)
    for query in (
        "SELECT DISTINCT ?p WHERE { ?s ?p ?o } LIMIT 7",
        "SELECT ?s WHERE { ?s ?p ?o } LIMIT 11",  # over this server's lookup rows
    ):
        assert lookups.answer(Job(query, "SELECT"), inspect(query)) is None
    query = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 10"
    assert lookups.answer(Job(query, "SELECT", max_rows=9), inspect(query)) is None  # row cap
    assert lookups.answered == 0


def test_lookups_over_another_state_of_the_store_stay_off(sample_store: MinutesStore) -> None:
    lookups = _started(sample_store, "another-token")
    assert not lookups.ready
    query = "ASK { ?s ?p ?o }"
    assert lookups.answer(Job(query, "ASK"), inspect(query)) is None
    assert not _started(sample_store, store_state(sample_store).token, max_rows=0).ready
