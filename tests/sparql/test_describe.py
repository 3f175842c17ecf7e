from __future__ import annotations

import pytest
from pyoxigraph import BlankNode, NamedNode

from graph.store import MinutesStore
from sparql.describe import (
    Dataset,
    DescribeError,
    describe,
    describe_clause,
    described_resources,
)
from tests.sparql.conftest import ITEM, MEETING

LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


def test_clause_with_base_prefixes_and_from() -> None:
    clause = describe_clause(
        "BASE <http://x.org/a/> PREFIX p: <b/> DESCRIBE p:c <d> \\n FROM <g> FROM NAMED <n>"
    )
    assert clause.constants == ("http://x.org/a/b/c", "http://x.org/a/d")
    assert clause.from_graphs == ()  # the stray text ends the clause before FROM


def test_clause_from_graphs_and_star() -> None:
    clause = describe_clause("DESCRIBE * FROM <http://g/> WHERE { ?s ?p ?o }")
    assert clause.star
    assert clause.from_graphs == ("http://g/",)
    assert clause.has_pattern


def test_undeclared_prefix_is_an_error() -> None:
    with pytest.raises(DescribeError, match="not declared"):
        describe_clause("DESCRIBE ex:a")


def test_item_description_has_every_graph_labels_and_incoming(
    minutes_store: MinutesStore,
) -> None:
    triples, truncated = describe(minutes_store, [NamedNode(ITEM)], Dataset(), 1000)
    assert not truncated
    subjects = {t.subject for t in triples}
    predicates = {t.predicate.value for t in triples}
    assert NamedNode(ITEM) in subjects
    # the meeting's label (what the item links to) and the meeting's link to it (incoming)
    assert any(t.subject == NamedNode(MEETING) and t.predicate.value == LABEL for t in triples)
    assert any(t.object == NamedNode(ITEM) for t in triples)
    assert "https://w3id.org/referatgraf/def#decision" in predicates


def test_blank_nodes_are_followed_one_level(minutes_store: MinutesStore) -> None:
    decision = NamedNode(ITEM + "/beslutning")
    triples, _ = describe(minutes_store, [decision], Dataset(), 1000)
    assert any(isinstance(t.subject, BlankNode) for t in triples)


def test_the_cap_cuts_and_says_so(minutes_store: MinutesStore) -> None:
    triples, truncated = describe(minutes_store, [NamedNode(MEETING)], Dataset(), 3)
    assert truncated
    assert len(triples) == 3


def test_variables_are_bound_by_the_pattern(minutes_store: MinutesStore) -> None:
    query = (
        "PREFIX rg: <https://w3id.org/referatgraf/def#> "
        "DESCRIBE ?item WHERE { ?item rg:meeting ?m } ORDER BY ?item"
    )
    resources = described_resources(
        minutes_store, query, describe_clause(query), Dataset(), limit=10
    )
    assert NamedNode(ITEM) in resources
    assert len(resources) == 3


def test_a_dataset_narrows_the_description(minutes_store: MinutesStore) -> None:
    only_entities = Dataset([NamedNode("https://w3id.org/referatgraf/graf/entiteter")], [])
    triples, _ = describe(minutes_store, [NamedNode(MEETING)], only_entities, 100)
    assert triples == []
