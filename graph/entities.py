"""The reference entities as quads, and the IRI of every entity a mention can point at.

Laws, programmes, organisations and KLE concepts from ``loaders/reference`` live in a graph of
their own (``graf/reference``), written whole at each load; so do the 98 municipalities
(``graf/kommuner``). Entities proposed by patterns (candidates) are written where they are
found, into the shared entities graph.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.ntriples import iri, literal, triple
from graph.party_quads import party_lines
from graph.terms import DCTERMS_SOURCE_NT, described
from graph.uris import Minter
from graph.writer import RDF_TYPE, RDFS_LABEL
from loaders.municipalities import all_municipalities, by_code
from loaders.reference import reference_data
from loaders.reference.entry_model import EntityType, KleConcept, Law, Organisation, Programme
from ontology.namespace import RG
from ontology.vocabularies import ORG, SKOS, XSD

CANDIDATE_FOLDERS: dict[EntityType, str] = {
    "law": "lov",
    "programme": "program",
    "organisation": "organisation",
    "person": "person",
}
"""Where a proposed entity's IRI lives under ``kandidat/``: Danish names (until December 2026
``kandidat/law/`` and ``kandidat/programme/``, which the server redirects)."""

_CLASS: dict[EntityType, str] = {
    "law": RG.Law,
    "programme": RG.Programme,
    "organisation": RG.Organisation,
    "person": RG.Person,
}


class EntityIris:
    """The IRI of each entity by its type and key, under one base."""

    def __init__(self, minter: Minter) -> None:
        self.minter = minter
        self._terms: dict[tuple[str, str], str] = {}

    def reference_term(self, entity_type: EntityType, key: str) -> str:
        """:meth:`reference` as an N-Triples term, remembered: a document names the same few
        entities again and again."""
        term = self._terms.get((entity_type, key))
        if term is None:
            term = self._terms[(entity_type, key)] = iri(self.reference(entity_type, key))
        return term

    def reference(self, entity_type: EntityType, key: str) -> str:
        """A law, programme or organisation of the reference data."""
        if entity_type == "law":
            return self.minter.law(key)
        if entity_type == "programme":
            return self.minter.programme(key)
        kind, _, code = key.partition("-")
        municipality = by_code(code) if kind in ("kommune", "jobcenter") else None
        if municipality is not None:
            if kind == "kommune":
                return self.minter.municipality(municipality.name)
            return self.minter.jobcenter(municipality.name)
        return self.minter.organisation(key)

    def candidate(self, entity_type: EntityType, name: str) -> str:
        """An entity a pattern proposed: one per type and name as printed (case kept, so
        that each has one label) across the dataset."""
        return self.minter.candidate(CANDIDATE_FOLDERS[entity_type], name)

    def kle(self, notation: str) -> str:
        return self.minter.kle(notation)

    @property
    def kle_scheme(self) -> str:
        return self.minter.kle_scheme()


def entity_class(entity_type: EntityType) -> str:
    return _CLASS[entity_type]


def municipality_lines(minter: Minter) -> list[str]:
    """Type, Danish label and kommunekode of every municipality, as N-Triples."""
    lines: list[str] = []
    for municipality in all_municipalities():
        node = iri(minter.municipality(municipality.name))
        lines += described(node, RG.Municipality, f"{municipality.name} Kommune")
        lines.append(triple(node, iri(RG.kommunekode), literal(municipality.kode)))
    return lines


def reference_lines(minter: Minter) -> list[str]:
    """Every law, programme, organisation and KLE concept of the reference data, as N-Triples
    (the municipalities themselves are in :func:`municipality_lines`)."""
    data = reference_data()
    iris = EntityIris(minter)
    lines: list[str] = []
    for law in data.laws.values():
        lines += _law(iris, law)
    for programme in data.programmes.values():
        lines += _named(iris, "programme", programme)
    for organisation in data.organisations.values():
        if organisation.kind != "municipality":
            lines += _organisation(iris, organisation)
    lines += _kle(iris, data.kle.values())
    lines += party_lines(minter)
    return lines


def _named(
    iris: EntityIris, entity_type: EntityType, entry: Programme | Organisation | Law
) -> list[str]:
    node = iri(iris.reference(entity_type, entry.key))
    name = entry.title if isinstance(entry, Law) else entry.name
    lines = [
        *described(node, entity_class(entity_type), name),
        triple(node, DCTERMS_SOURCE_NT, literal(entry.source)),
    ]
    names = {a.text for a in entry.aliases} - {name}
    lines += [triple(node, iri(RG.shortName), literal(n)) for n in sorted(names)]
    return lines


def _law(iris: EntityIris, law: Law) -> list[str]:
    node = iri(iris.reference("law", law.key))
    lines = _named(iris, "law", law)
    if law.eli:
        lines.append(triple(node, iri(RG.eli), iri(law.eli)))
    if law.enactment:
        lines.append(triple(node, iri(RG.enactment), literal(law.enactment)))
    if law.in_force_from:
        date = literal(law.in_force_from.isoformat(), datatype=XSD.date)
        lines.append(triple(node, iri(RG.inForceFrom), date))
    if law.in_force_to:
        date = literal(law.in_force_to.isoformat(), datatype=XSD.date)
        lines.append(triple(node, iri(RG.inForceTo), date))
    return lines


def _organisation(iris: EntityIris, organisation: Organisation) -> list[str]:
    lines = _named(iris, "organisation", organisation)
    if organisation.part_of:
        node = iri(iris.reference("organisation", organisation.key))
        parent = iri(iris.reference("organisation", organisation.part_of))
        lines.append(triple(node, iri(ORG.subOrganizationOf), parent))
    return lines


def _kle(iris: EntityIris, concepts: Iterable[KleConcept]) -> list[str]:
    scheme = iri(iris.kle_scheme)
    lines = [
        *described(scheme, SKOS.ConceptScheme, "KL's journalplan (KLE)"),
        triple(scheme, iri(SKOS.prefLabel), literal("KL's journalplan (KLE)", lang="da")),
    ]
    for concept in concepts:
        lines += kle_concept_lines(iris, concept)
    return lines


def kle_concept_lines(iris: EntityIris, concept: KleConcept) -> list[str]:
    """A KLE concept: notation, label, scheme, broader concept."""
    node = iri(iris.kle(concept.notation))
    label = f"{concept.notation} {concept.title}" if concept.title else f"KLE {concept.notation}"
    lines = [
        triple(node, RDF_TYPE, iri(SKOS.Concept)),
        triple(node, iri(SKOS.notation), literal(concept.notation)),
        triple(node, RDFS_LABEL, literal(label, lang="da")),
        triple(node, iri(SKOS.inScheme), iri(iris.kle_scheme)),
    ]
    if concept.title:
        lines.append(triple(node, iri(SKOS.prefLabel), literal(concept.title, lang="da")))
    if concept.broader:
        lines.append(triple(node, iri(SKOS.broader), iri(iris.kle(concept.broader))))
    else:
        lines.append(triple(node, iri(SKOS.topConceptOf), iri(iris.kle_scheme)))
    return lines


CANDIDATE_FLAG = literal("true", datatype=XSD.boolean)
