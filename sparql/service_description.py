"""The W3C SPARQL 1.1 Service Description of the endpoint, with VoID figures and its limits.

The limits are stated with terms of this project's service vocabulary
(:data:`graph.uris.SERVICE_NS`, prefix ``rgs:``), described in the same document and in the
README: ``rgs:queryTimeout``, ``rgs:workers``, ``rgs:maxConcurrentQueries``,
``rgs:maxResultRows``, ``rgs:maxRequestBytes``, ``rgs:resultCacheBytes``, ``rgs:lookupRows``,
and ``rgs:networkSandbox`` (true when the query workers run without network access).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Triple, serialize

from graph.uris import SERVICE_NS, service_term
from ontology.vocabularies import (
    ENTAILMENT,
    FORMATS,
    FORMATS_NS,
    RDF,
    RDFS,
    RDFS_NS,
    SD,
    SD_NS,
    VOID,
    VOID_NS,
    XSD,
)
from sparql.evaluate import RDF_FORMATS
from sparql.limits import LIMIT_TERMS, Limits

RESULT_FORMAT_IRIS = (
    FORMATS.SPARQL_Results_JSON,
    FORMATS.SPARQL_Results_XML,
    FORMATS.SPARQL_Results_CSV,
    FORMATS.SPARQL_Results_TSV,
    FORMATS.Turtle,
    FORMATS.N_Triples,
    FORMATS.N_Quads,
    FORMATS.JSON_LD,
    FORMATS.RDF_XML,
)
PREFIXES = {
    "sd": SD_NS,
    "void": VOID_NS,
    "formats": FORMATS_NS,
    "rgs": SERVICE_NS,
    "rdfs": RDFS_NS,
}


@dataclass(frozen=True)
class Description:
    """What the service description says, apart from the endpoint's own address."""

    limits: Limits
    sandboxed: bool
    figures: dict[str, Any] | None = None  # from worker.store_figures, once computed
    notes: list[str] = field(default_factory=list)


def _n(iri: str) -> NamedNode:
    return NamedNode(iri)


def _integer(value: int) -> Literal:
    return Literal(str(value), datatype=_n(XSD.integer))


def triples(endpoint: str, description: Description) -> Iterator[Triple]:
    service = _n(endpoint)
    a = _n(RDF.type)
    yield Triple(service, a, _n(SD.Service))
    yield Triple(service, _n(SD.endpoint), service)
    yield Triple(service, _n(SD.supportedLanguage), _n(SD.SPARQL11Query))
    yield Triple(service, _n(SD.feature), _n(SD.UnionDefaultGraph))
    yield Triple(service, _n(SD.defaultEntailmentRegime), _n(ENTAILMENT.Simple))
    for iri in RESULT_FORMAT_IRIS:
        yield Triple(service, _n(SD.resultFormat), _n(iri))
    yield Triple(
        service,
        _n(RDFS.comment),
        Literal(
            "Read-only SPARQL 1.1 endpoint over Danish municipal committee minutes. The default "
            "graph is the union of all named graphs. SERVICE and SPARQL Update are refused.",
            language="en",
        ),
    )
    limits = description.limits
    for term, attribute, comment in LIMIT_TERMS:
        value = getattr(limits, attribute)
        literal = (
            Literal(f"{value:g}", datatype=_n(XSD.decimal))
            if isinstance(value, float)
            else _integer(value)
        )
        yield Triple(service, _n(service_term(term)), literal)
        yield Triple(_n(service_term(term)), a, _n(RDF.Property))
        yield Triple(_n(service_term(term)), _n(RDFS.comment), Literal(comment, language="en"))
    sandbox = _n(service_term("networkSandbox"))
    flag = "true" if description.sandboxed else "false"
    yield Triple(service, sandbox, Literal(flag, datatype=_n(XSD.boolean)))
    yield Triple(
        sandbox,
        _n(RDFS.comment),
        Literal("True when query workers cannot open network connections.", language="en"),
    )
    dataset, graph = BlankNode(), BlankNode()
    yield Triple(service, _n(SD.defaultDataset), dataset)
    yield Triple(dataset, a, _n(SD.Dataset))
    yield Triple(dataset, _n(SD.defaultGraph), graph)
    yield Triple(graph, a, _n(SD.Graph))
    yield Triple(graph, a, _n(VOID.Dataset))
    yield Triple(graph, _n(VOID.sparqlEndpoint), service)
    yield from _figures(graph, description.figures)


def _figures(graph: BlankNode, figures: dict[str, Any] | None) -> Iterator[Triple]:
    if figures is None:
        yield Triple(
            graph,
            _n(RDFS.comment),
            Literal(
                "The figures of the store are being counted; ask again shortly.", language="en"
            ),
        )
        return
    yield Triple(graph, _n(VOID.triples), _integer(figures["triples"]))
    yield Triple(graph, _n(service_term("namedGraphs")), _integer(figures["graphs"]))
    for class_iri, entities, example in figures["classes"]:
        partition = BlankNode()
        yield Triple(graph, _n(VOID.classPartition), partition)
        yield Triple(partition, _n(VOID.class_), _n(class_iri))
        yield Triple(partition, _n(VOID.entities), _integer(entities))
        if example.startswith(("http://", "https://")):
            yield Triple(graph, _n(VOID.exampleResource), _n(example))


def render(endpoint: str, description: Description, format_name: str) -> bytes:
    """The description in ``format_name`` (a graph format of :mod:`sparql.negotiation`)."""
    format_ = RDF_FORMATS[format_name]
    statements = list(triples(endpoint, description))
    if format_name == "nq":
        quads = [Quad(t.subject, t.predicate, t.object) for t in statements]
        return serialize(quads, format=format_) or b""
    if format_name in {"ttl", "rdfxml"}:
        return serialize(statements, format=format_, prefixes=PREFIXES) or b""
    return serialize(statements, format=format_) or b""
