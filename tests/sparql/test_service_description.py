from __future__ import annotations

import pytest
import rdflib
from rdflib.namespace import RDF

from sparql.limits import Limits
from sparql.service_description import Description, render
from tests.sparql.rdf import parse_rdf

SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
RGS = rdflib.Namespace("https://w3id.org/referatgraf/service#")
ENDPOINT = rdflib.URIRef("http://127.0.0.1:8000/sparql")
FIGURES = {
    "triples": 36,
    "graphs": 5,
    "classes": [
        ("https://w3id.org/referatgraf/def#Meeting", 2, "https://w3id.org/referatgraf/m/1")
    ],
}


@pytest.mark.parametrize(
    ("name", "rdflib_format"),
    [("ttl", "turtle"), ("nt", "nt"), ("nq", "nquads"), ("jsonld", "json-ld"), ("rdfxml", "xml")],
)
def test_description_in_every_format(name: str, rdflib_format: str) -> None:
    description = Description(Limits().resolved(), sandboxed=True, figures=FIGURES)
    graph = parse_rdf(render(str(ENDPOINT), description, name), rdflib_format)
    assert (ENDPOINT, RDF.type, SD.Service) in graph
    assert (ENDPOINT, SD.endpoint, ENDPOINT) in graph
    assert (ENDPOINT, SD.supportedLanguage, SD.SPARQL11Query) in graph
    assert len(list(graph.objects(ENDPOINT, SD.resultFormat))) == 9
    assert graph.value(ENDPOINT, RGS.queryTimeout).toPython() == 30
    assert graph.value(ENDPOINT, RGS.maxResultRows).toPython() == 10_000
    assert graph.value(ENDPOINT, RGS.networkSandbox).toPython() is True
    dataset = graph.value(ENDPOINT, SD.defaultDataset)
    default = graph.value(dataset, SD.defaultGraph)
    assert graph.value(default, VOID.triples).toPython() == 36
    partition = graph.value(default, VOID.classPartition)
    assert graph.value(partition, VOID.entities).toPython() == 2
    assert (
        default,
        VOID.exampleResource,
        rdflib.URIRef("https://w3id.org/referatgraf/m/1"),
    ) in graph


def test_before_the_figures_are_counted_it_says_so() -> None:
    body = render(str(ENDPOINT), Description(Limits().resolved(), sandboxed=False), "ttl")
    assert b"being counted" in body
    assert b"void:triples" not in body
