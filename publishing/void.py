"""The VoID description of the dataset (``void.ttl`` in the dump folder, served at
``/.well-known/void``): size, class and property partitions, where to download it and where to
query it. The figures are counted while the dump is written (:mod:`publishing.turtle`), so
the description is exactly as old as the dump it describes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from graph.uris import class_partition, property_partition
from ontology.namespace import NS
from ontology.vocabularies import (
    DCTERMS,
    DCTERMS_NS,
    FOAF,
    FOAF_NS,
    RDF,
    RDF_NS,
    RDFS_NS,
    VOID,
    VOID_NS,
    XSD,
    XSD_NS,
)
from publishing.facts import LoadTimes
from publishing.publication import LICENCE, PublishSettings
from publishing.rdfdoc import Statements, turtle
from publishing.turtle import VoidFigures

VOID_PREFIXES = {
    "void": VOID_NS,
    "dcterms": DCTERMS_NS,
    "foaf": FOAF_NS,
    "rdf": RDF_NS,
    "rdfs": RDFS_NS,
    "xsd": XSD_NS,
}


def describe_dataset(out: Statements, settings: PublishSettings, times: LoadTimes | None) -> None:
    """The description document and the dataset with its title, licence and last change: what
    every VoID description says, with or without a dump."""
    document, dataset = settings.void_url, settings.dataset_iri
    out.add(document, RDF.type, VOID.DatasetDescription)
    out.text(document, DCTERMS.title, "VoID-beskrivelse af referatgraf", "da")
    out.add(document, FOAF.primaryTopic, dataset)
    out.add(dataset, RDF.type, VOID.Dataset)
    out.text(dataset, DCTERMS.title, "referatgraf: danske kommunale udvalgsreferater", "da")
    out.add(dataset, DCTERMS.license, LICENCE)
    if times is not None:
        out.typed(dataset, DCTERMS.modified, instant(times.last), XSD.dateTime)


def void_description(
    figures: VoidFigures,
    *,
    settings: PublishSettings,
    iri_base: str,
    dumps: list[str],
    subsets: Mapping[str, tuple[str, int]],
    times: LoadTimes | None,
) -> bytes:
    """Turtle. ``dumps``: the full dump files; ``subsets``: slug -> (file, quads)."""
    out = Statements()
    document, dataset = settings.void_url, settings.dataset_iri
    describe_dataset(out, settings, times)
    _count(out, dataset, VOID.triples, figures.triples)
    _count(out, dataset, VOID.distinctSubjects, figures.subjects)
    _count(out, dataset, VOID.entities, figures.subjects)
    _count(out, dataset, VOID.properties, len(figures.properties))
    _count(out, dataset, VOID.classes, len(figures.classes))
    for name in dumps:
        out.add(dataset, VOID.dataDump, settings.download_url(name))
    out.add(dataset, VOID.sparqlEndpoint, settings.sparql_endpoint)
    out.text(dataset, VOID.uriSpace, iri_base)
    out.add(dataset, VOID.vocabulary, NS.rstrip("#"))
    for number, (iri, entities) in enumerate(sorted(figures.classes.items()), start=1):
        partition = class_partition(document, number)
        out.add(dataset, VOID.classPartition, partition)
        out.add(partition, VOID.class_, iri)
        _count(out, partition, VOID.entities, entities)
    for number, (iri, triples) in enumerate(sorted(figures.properties.items()), start=1):
        partition = property_partition(document, number)
        out.add(dataset, VOID.propertyPartition, partition)
        out.add(partition, VOID.property, iri)
        _count(out, partition, VOID.triples, triples)
    for slug, (name, quads) in sorted(subsets.items()):
        subset = settings.subset_iri(slug)
        out.add(dataset, VOID.subset, subset)
        out.add(subset, RDF.type, VOID.Dataset)
        out.add(subset, VOID.dataDump, settings.download_url(name))
        _count(out, subset, VOID.triples, quads)
    return turtle(out.triples, VOID_PREFIXES)


def _count(out: Statements, subject: str, prop: str, value: int) -> None:
    out.typed(subject, prop, str(value), XSD.integer)


def instant(moment: dt.datetime) -> str:
    """An ``xsd:dateTime`` in UTC with ``Z``, as the portals like it."""
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
