"""After loading the five samples, SPARQL through `referatgraf query` answers the basics."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.graph.votes_document import VOTE_EXAMPLES, write_store

from .conftest import referatgraf

PREFIXES = """PREFIX rg: <https://w3id.org/referatgraf/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def rows(store: Path, query: str) -> list[dict[str, str]]:
    ran = referatgraf("query", "--store", store, "--format", "csv", PREFIXES + query)
    assert ran.code == 0, ran.err
    return list(csv.DictReader(io.StringIO(ran.out)))


def test_meetings_per_municipality_by_kommunekode(samples_store: Path) -> None:
    found = rows(
        samples_store,
        """SELECT ?kode (COUNT(?m) AS ?n) WHERE {
             ?m a rg:Meeting ; rg:municipality/rg:kommunekode ?kode } GROUP BY ?kode""",
    )
    assert {r["kode"]: int(r["n"]) for r in found} == {"350": 2, "661": 1, "665": 1, "760": 1}


def test_items_and_decisions_of_a_meeting(samples_store: Path) -> None:
    found = rows(
        samples_store,
        """SELECT ?nr ?title ?decision WHERE {
             ?m rg:date "2020-01-08"^^xsd:date ; rg:agendaItem ?i .
             ?i rg:number ?nr ; rg:title ?title .
             OPTIONAL { ?i rg:decision/rg:text ?decision } } ORDER BY ?nr""",
    )
    assert [int(r["nr"]) for r in found] == list(range(1, 12))
    assert found[0]["title"] == "Godkendelse af dagsorden"
    assert found[0]["decision"].startswith("Godkendt")
    assert found[9]["title"] == "Status for tværgående indsatser. Kernevelfærd"


def test_who_was_absent(samples_store: Path) -> None:
    found = rows(
        samples_store,
        """SELECT ?date ?who WHERE { ?m rg:date ?date ; rg:absentee/rdfs:label ?who }""",
    )
    assert {(r["date"], r["who"]) for r in found} == {("2020-01-08", "Steen Hansen")}


def test_one_person_across_two_meetings_of_a_municipality(samples_store: Path) -> None:
    found = rows(
        samples_store,
        """SELECT ?p (COUNT(DISTINCT ?m) AS ?n) WHERE {
             ?m rg:attendee ?p . ?p rdfs:label "Ole Blickfeldt"@da } GROUP BY ?p""",
    )
    assert [int(r["n"]) for r in found] == [2]


def test_query_from_a_file_in_json(samples_store: Path, tmp_path: Path) -> None:
    rq = tmp_path / "ask.rq"
    rq.write_text(PREFIXES + "ASK { ?m a rg:Meeting }", encoding="utf-8")
    ran = referatgraf("query", "--store", samples_store, "--format", "json", f"@{rq}")
    assert json.loads(ran.out) == {"head": {}, "boolean": True}


def test_construct_as_ntriples(samples_store: Path) -> None:
    ran = referatgraf(
        "query", "--store", samples_store, "--format", "nt",
        PREFIXES + 'CONSTRUCT { ?m rg:date ?d } WHERE { ?m rg:date ?d }',
    )  # fmt: skip
    assert ran.code == 0
    assert len(ran.out.strip().splitlines()) == 5


def test_wrong_format_for_the_query_form_is_a_usage_error(samples_store: Path) -> None:
    ran = referatgraf("query", "--store", samples_store, "--format", "ttl", "SELECT * {}")
    assert ran.code == 2
    assert "use csv, tsv, json or xml" in ran.err


def test_malformed_query_names_the_problem(samples_store: Path) -> None:
    ran = referatgraf("query", "--store", samples_store, "SELEKT nothing")
    assert ran.code == 2
    assert "not valid SPARQL" in ran.err


def test_validate_reports_no_violation(samples_store: Path) -> None:
    ran = referatgraf("validate", "--store", samples_store)
    assert ran.code == 0, ran.out
    assert "Conforms: True" in ran.out


def test_stats_counts(samples_store: Path) -> None:
    ran = referatgraf("stats", "--store", samples_store)
    lines = dict(line.rsplit(maxsplit=1) for line in ran.out.splitlines())
    assert lines["møder"] == "5"
    assert lines["dagsordenspunkter"] == "46"
    assert lines["kommuner med møder"] == "4"
    assert lines["første møde"] == "2019-10-23"
    assert lines["seneste møde"] == "2022-08-18"


def test_every_gallery_example_runs_from_the_cli(samples_store: Path, tmp_path: Path) -> None:
    """On the samples; the examples that need votes, which the samples do not record, on two
    meetings that do (tests/graph/votes_document.py)."""
    listed = referatgraf("query", "--list-examples")
    names = [line.split()[0] for line in listed.out.splitlines()]
    assert len(names) >= 6
    assert set(VOTE_EXAMPLES) <= set(names)
    write_store(tmp_path / "votes")
    for name in names:
        store = tmp_path / "votes" if name in VOTE_EXAMPLES else samples_store
        ran = referatgraf("query", "--store", store, "--example", name)
        assert ran.code == 0, (name, ran.err)
        assert len(ran.out.strip().splitlines()) >= 2, name  # a header and at least one row


def test_an_unknown_example_lists_the_known_ones(samples_store: Path) -> None:
    ran = referatgraf("query", "--store", samples_store, "--example", "nope")
    assert ran.code == 2
    assert "the examples are: " in ran.err
