"""The catalog and the VoID description of a store that has no dump yet: what the store can
tell without writing the files (its municipalities, their meetings and dates, when it was
loaded), the SPARQL endpoint as the way in, and nothing counted that only a dump counts (no
sizes, no checksums, no triples). ``referatgraf dump`` writes the full ones
(:mod:`publishing.dump`); the server answers with these until then."""

from __future__ import annotations

from graph.store import MinutesStore
from ontology.namespace import NS
from ontology.vocabularies import VOID
from publishing.catalog import CatalogInput, catalog_documents
from publishing.facts import load_times, municipality_coverage
from publishing.publication import PublishSettings
from publishing.rdfdoc import Statements, turtle
from publishing.void import VOID_PREFIXES, describe_dataset


def catalog_without_dump(store: MinutesStore, settings: PublishSettings) -> bytes:
    """The catalog (Turtle) with the whole dataset reached through the SPARQL endpoint."""
    given = CatalogInput(settings, load_times(store), municipality_coverage(store))
    return catalog_documents(given)[0]


def void_without_dump(store: MinutesStore, settings: PublishSettings, iri_base: str) -> bytes:
    """The VoID description (Turtle): the dataset, its IRIs' space, vocabulary, licence and
    SPARQL endpoint; no figures and no dump files."""
    out = Statements()
    dataset = settings.dataset_iri
    describe_dataset(out, settings, load_times(store))
    out.add(dataset, VOID.sparqlEndpoint, settings.sparql_endpoint)
    out.text(dataset, VOID.uriSpace, iri_base)
    out.add(dataset, VOID.vocabulary, NS.rstrip("#"))
    return turtle(out.triples, VOID_PREFIXES)
