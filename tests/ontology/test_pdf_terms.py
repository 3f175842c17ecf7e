"""The terms of a PDF source: the pages an item or section came from (rg:firstPdfPage,
rg:lastPdfPage) and the PDF file's own metadata on its source document (rg:pdfPageCount,
rg:pdfTitle, rg:pdfProducer, rg:pdfCreator, rg:pdfCreated). The shapes accept a small graph
that uses them and reject a page range that runs backwards, a page 0 and a second title."""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import OWL, RDF, RDFS, SH, XSD, Graph, Namespace

from ontology import ONTOLOGY_PATH, SHAPES_PATH
from ontology.namespace import RG as RG_TERMS

RG = Namespace("https://w3id.org/referatgraf/def#")
PAGE_TERMS = ("firstPdfPage", "lastPdfPage")
FILE_TERMS = {
    "pdfPageCount": XSD.integer,
    "pdfTitle": XSD.string,
    "pdfProducer": XSD.string,
    "pdfCreator": XSD.string,
    "pdfCreated": XSD.dateTime,
}
GRAPH = """
@prefix rg: <https://w3id.org/referatgraf/def#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/> .

ex:doc a rg:SourceDocument ;
    rdfs:label "Kildefil referat.pdf"@da ;
    rg:fileName "referat.pdf" ;
    rg:sha256 "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" ;
    rg:byteSize 81828 ;
    rg:mediaType "application/pdf" ;
    rg:encoding "utf-8" ;
    rg:pdfPageCount 28 ;
    rg:pdfTitle "Referat - Byrådet - 24. juni 2025" ;
    rg:pdfProducer "FirstAgenda Publication 4.2" ;
    rg:pdfCreator "FirstAgenda" ;
    rg:pdfCreated "2025-06-26T09:14:05+02:00"^^xsd:dateTime .

ex:item a rg:AgendaItem ;
    rdfs:label "3. Budgetopfølgning"@da ;
    rg:meeting ex:m ;
    rg:firstPdfPage 5 ;
    rg:lastPdfPage 6 .

ex:section a rg:Section ;
    rdfs:label "Sagsfremstilling, punkt 3"@da ;
    rg:sectionLabel "sagsfremstilling" ;
    rg:text "..." ;
    rg:firstPdfPage 5 ;
    rg:lastPdfPage 5 .
"""
BREAKAGES = {
    "backwards": ("ex:item", "rg:lastPdfPage", "6", "4", RG.firstPdfPage),
    "page zero": ("ex:section", "rg:firstPdfPage", "5", "0", RG.firstPdfPage),
    "no pages": ("ex:doc", "rg:pdfPageCount", "28", "0", RG.pdfPageCount),
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


def _results(data: Graph, shapes: Graph) -> list[tuple[object, object]]:
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes)
    assert isinstance(results, Graph)
    if conforms:
        return []
    return [
        (results.value(r, SH.focusNode), results.value(r, SH.resultPath))
        for r in results.subjects(RDF.type, SH.ValidationResult)
    ]


def _focus(results: list[tuple[object, object]], node: str) -> list[object]:
    return [path for focus, path in results if str(focus) == f"https://example.org/{node}"]


def test_terms_declared_with_ranges(ontology: Graph) -> None:
    for name in PAGE_TERMS:
        assert (RG[name], RDF.type, OWL.DatatypeProperty) in ontology
        assert (RG[name], RDF.type, OWL.FunctionalProperty) in ontology
        assert ontology.value(RG[name], RDFS.range) == XSD.integer
    for name, range_ in FILE_TERMS.items():
        assert (RG[name], RDF.type, OWL.DatatypeProperty) in ontology
        assert ontology.value(RG[name], RDFS.domain) == RG.SourceDocument
        assert ontology.value(RG[name], RDFS.range) == range_
    assert RG_TERMS.firstPdfPage == str(RG.firstPdfPage)
    assert RG_TERMS.pdfCreated == str(RG.pdfCreated)


def test_pdf_graph_conforms_on_the_pdf_terms(shapes: Graph) -> None:
    """No result on any PDF term (the graph is partial: the meeting ex:m is not in it)."""
    results = _results(Graph().parse(data=GRAPH, format="turtle"), shapes)
    pdf_terms = {RG[name] for name in (*PAGE_TERMS, *FILE_TERMS)}
    assert [r for r in results if r[1] in pdf_terms] == []


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_broken_pdf_terms_do_not_conform(shapes: Graph, name: str) -> None:
    subject, predicate, old, new, path = BREAKAGES[name]
    text = GRAPH.replace(f"{predicate} {old} ", f"{predicate} {new} ")
    assert text != GRAPH
    results = _results(Graph().parse(data=text, format="turtle"), shapes)
    assert path in _focus(results, subject.removeprefix("ex:"))


def test_a_second_pdf_title_does_not_conform(shapes: Graph) -> None:
    text = GRAPH.replace(
        'rg:pdfCreator "FirstAgenda" ;', 'rg:pdfCreator "FirstAgenda" ; rg:pdfTitle "To" ;'
    )
    results = _results(Graph().parse(data=text, format="turtle"), shapes)
    assert RG.pdfTitle in _focus(results, "doc")
