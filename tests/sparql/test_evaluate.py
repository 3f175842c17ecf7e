from __future__ import annotations

import csv
import gzip
import io
import json
import xml.etree.ElementTree as ET

import pytest

from graph.store import MinutesStore
from sparql.evaluate import Job, evaluate
from tests.sparql.conftest import ITEM
from tests.sparql.rdf import parse_rdf

SELECT_ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"


def run(store: MinutesStore, query: str, form: str | None, **options: object) -> tuple:  # type: ignore[type-arg]
    return evaluate(store, Job(query, form, **options))  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["json", "xml", "csv", "tsv"])
def test_select_in_every_result_format(minutes_store: MinutesStore, name: str) -> None:
    outcome, body = run(minutes_store, SELECT_ALL, "SELECT", results_format=name)
    assert outcome.status == 200
    assert not outcome.truncated
    text = body.decode()
    if name == "json":
        assert len(json.loads(text)["results"]["bindings"]) == 36
    elif name == "xml":
        ns = "{http://www.w3.org/2005/sparql-results#}"
        assert len(ET.fromstring(text).findall(f"{ns}results/{ns}result")) == 36
    else:
        rows = list(csv.reader(io.StringIO(text), delimiter="," if name == "csv" else "\t"))
        assert len(rows) == 37


@pytest.mark.parametrize("name", ["json", "xml", "csv", "tsv"])
@pytest.mark.parametrize("limit", [1, 5, 35])
def test_a_long_result_is_cut_at_max_rows(
    minutes_store: MinutesStore, name: str, limit: int
) -> None:
    outcome, body = run(minutes_store, SELECT_ALL, "SELECT", results_format=name, max_rows=limit)
    assert outcome.truncated
    text = body.decode()
    if name == "json":
        bindings = json.loads(text)["results"]["bindings"]
        assert len(bindings) == limit
        # the rows kept are the first rows, whole, with newlines and quotes intact
        assert bindings == json.loads(_first_json(minutes_store, limit))
    elif name == "xml":
        ns = "{http://www.w3.org/2005/sparql-results#}"
        assert len(ET.fromstring(text).findall(f"{ns}results/{ns}result")) == limit
    else:
        rows = list(csv.reader(io.StringIO(text), delimiter="," if name == "csv" else "\t"))
        assert len(rows) == limit + 1


def _first_json(store: MinutesStore, limit: int) -> str:
    query = SELECT_ALL + f" LIMIT {limit}"
    _, body = run(store, query, "SELECT", results_format="json")
    return json.dumps(json.loads(body)["results"]["bindings"])


def test_exactly_max_rows_is_not_cut(minutes_store: MinutesStore) -> None:
    outcome, _ = run(minutes_store, SELECT_ALL, "SELECT", results_format="tsv", max_rows=36)
    assert not outcome.truncated


@pytest.mark.parametrize("name", ["json", "xml", "csv", "tsv"])
def test_ask(minutes_store: MinutesStore, name: str) -> None:
    outcome, body = run(minutes_store, "ASK { ?s ?p ?o }", "ASK", results_format=name)
    assert outcome.status == 200
    assert b"true" in body


@pytest.mark.parametrize(
    ("name", "rdflib_format"),
    [("ttl", "turtle"), ("nt", "nt"), ("nq", "nquads"), ("jsonld", "json-ld"), ("rdfxml", "xml")],
)
@pytest.mark.parametrize("form", ["CONSTRUCT", "DESCRIBE"])
def test_graphs_in_every_format(
    minutes_store: MinutesStore, name: str, rdflib_format: str, form: str
) -> None:
    query = "CONSTRUCT WHERE { ?s ?p ?o }" if form == "CONSTRUCT" else f"DESCRIBE <{ITEM}>"
    outcome, body = run(minutes_store, query, form, graph_format=name)
    assert outcome.status == 200
    assert len(parse_rdf(body, rdflib_format)) > 5


def test_construct_is_cut_too(minutes_store: MinutesStore) -> None:
    outcome, body = run(
        minutes_store, "CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT", graph_format="nt", max_rows=4
    )
    assert outcome.truncated
    assert body.count(b"\n") == 4


def test_gzip_when_asked_and_worth_it(minutes_store: MinutesStore) -> None:
    outcome, body = run(minutes_store, SELECT_ALL, "SELECT", gzip=True)
    assert outcome.gzipped
    assert json.loads(gzip.decompress(body))
    small, body = run(minutes_store, "ASK {}", "ASK", gzip=True)
    assert not small.gzipped
    assert body == b'{"head":{},"boolean":true}'


@pytest.mark.parametrize(
    ("query", "form", "words"),
    [
        ("SELECT * WHERE { ?s ?p }", "SELECT", "not valid SPARQL"),
        ("DESCRIBE ex:a", "DESCRIBE", "not declared"),
        ("SELECT * WHERE { BIND(<http://x/> AS ?u) SERVICE ?v {} }", "SELECT", "evaluated"),
    ],
)
def test_errors_are_4xx_with_a_message(
    minutes_store: MinutesStore, query: str, form: str, words: str
) -> None:
    outcome, body = run(minutes_store, query, form)
    assert outcome.status == 400
    assert words in outcome.message
    assert body == b""


def test_a_bad_graph_iri_is_400(minutes_store: MinutesStore) -> None:
    outcome, _ = run(minutes_store, "ASK {}", "ASK", default_graphs=("not an iri",))
    assert outcome.status == 400
    assert "default-graph-uri" in outcome.message


def test_a_form_without_a_format_is_406(minutes_store: MinutesStore) -> None:
    outcome, _ = run(minutes_store, "ASK {}", None, results_format=None)
    assert outcome.status == 406
