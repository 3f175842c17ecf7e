"""Tests for ontology/referatgraf.ttl and ontology/shapes.ttl: they parse, every term is labelled
and described in Danish and English, the contract's vocabulary core is there with the right kinds,
and the shapes accept a small valid graph and reject broken ones."""

from __future__ import annotations

import re
from pathlib import Path

import pyshacl
import pytest
from rdflib import OWL, RDF, RDFS, SH, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS
from rdflib.term import Node

from ontology import ONTOLOGY_PATH, SHAPES_PATH

RG = Namespace("https://w3id.org/referatgraf/def#")
OUTCOME = Namespace("https://w3id.org/referatgraf/def/outcome/")
ONTOLOGY_IRI = URIRef("https://w3id.org/referatgraf/def")
TERM_NAMESPACES = (
    str(RG),
    str(OUTCOME),
    "https://w3id.org/referatgraf/def/meeting-kind/",
    "https://w3id.org/referatgraf/def/position/",
    "https://w3id.org/referatgraf/def/attendance-kind/",
)
POSITION = Namespace("https://w3id.org/referatgraf/def/position/")
ATTENDANCE = Namespace("https://w3id.org/referatgraf/def/attendance-kind/")

# The vocabulary core of CONTRACT.md, as (term, kind). Kept here so the suite runs without the
# contract file; test_contract_table_matches_contract_md checks the two agree when it is at hand.
CONTRACT_TERMS: dict[str, str] = {
    "Meeting": "class",
    "AgendaItem": "class",
    "Decision": "class",
    "Person": "class",
    "Organisation": "class",
    "Programme": "class",
    "Law": "class",
    "Mention": "class",
    "committee": "property",
    "municipality": "property",
    "date": "property",
    "agendaItem": "property",
    "meeting": "property",
    "number": "property",
    "title": "property",
    "decision": "property",
    "text": "property",
    "outcome": "property",
    "attendee": "property",
    "absentee": "property",
    "party": "property",
    "kommunekode": "property",
    "eli": "property",
    "mentions": "property",
    "mention": "property",
    "mentionOf": "property",
    "inText": "property",
    "beginIndex": "property",
    "endIndex": "property",
    "anchorText": "property",
    "provision": "property",
    "citedSection": "property",
    "citedEnactment": "property",
    "citedEli": "property",
    "sourceUrl": "property",
    "loadNote": "property",
    "dateKnown": "property",
}
# Subclasses the contract names in a meaning rather than in a row of its own.
CONTRACT_SUBCLASSES = {"Municipality": "Organisation", "Committee": "Organisation"}
# (property, expected rdfs:range) where the contract states a datatype or class.
CONTRACT_RANGES = {
    "committee": RG.Committee,
    "municipality": RG.Municipality,
    "date": XSD.date,
    "agendaItem": RG.AgendaItem,
    "meeting": RG.Meeting,
    "number": XSD.integer,
    "decision": RG.Decision,
    "outcome": SKOS.Concept,
    "attendee": RG.Person,
    "absentee": RG.Person,
    "mention": RG.Mention,
    "beginIndex": XSD.integer,
    "endIndex": XSD.integer,
    "loadNote": RDF.langString,
}
CONTRACT_CANDIDATES = (
    Path(__file__).resolve().parents[2] / "CONTRACT.md",
    Path(__file__).resolve().parents[2] / "docs" / "CONTRACT.md",
    Path(__file__).resolve().parents[3] / "shared" / "CONTRACT.md",
)
OUTCOME_SLUGS = {
    "godkendt": "godkendt",
    "taget-til-efterretning": "taget til efterretning",
    "droeftet": "drøftet",
    "tiltraadt": "tiltrådt",
    "indstillet": "indstillet til andet udvalg",
    "udsat": "udsat",
    "afvist": "afvist",
    "ingen-beslutning": "ingen beslutning",
    "godkendt-med-aendringer": "godkendt med ændringer",
    "oversendt": "oversendt til andet organ",
    "tilbagesendt": "sendt tilbage",
}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


def _declared_terms(graph: Graph) -> list[URIRef]:
    return sorted(
        {
            subject
            for subject in graph.subjects(RDF.type, None)
            if isinstance(subject, URIRef) and str(subject).startswith(TERM_NAMESPACES)
        }
    )


def _languages(graph: Graph, subject: URIRef, predicate: URIRef) -> set[str | None]:
    return {
        value.language for value in graph.objects(subject, predicate) if isinstance(value, Literal)
    }


def _kind(graph: Graph, term: URIRef) -> str | None:
    if (term, RDF.type, OWL.Class) in graph:
        return "class"
    if (term, RDF.type, OWL.ObjectProperty) in graph or (
        term,
        RDF.type,
        OWL.DatatypeProperty,
    ) in graph:
        return "property"
    return None


# The ontology


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert _languages(ontology, ONTOLOGY_IRI, DCTERMS.title) == {"da", "en"}
    assert _languages(ontology, ONTOLOGY_IRI, DCTERMS.description) == {"da", "en"}
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.creator) == Literal("referatgraf")


def test_every_term_is_labelled_and_described_in_danish_and_english(ontology: Graph) -> None:
    terms = _declared_terms(ontology)
    assert len(terms) > 90
    for term in terms:
        for predicate in (RDFS.label, RDFS.comment):
            languages = _languages(ontology, term, predicate)
            assert {"da", "en"} <= languages, f"{term} {predicate}: {languages}"
            assert None not in languages, f"{term} {predicate} has a literal without a language"


def test_every_rg_term_has_exactly_one_kind(ontology: Graph) -> None:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, SKOS.ConceptScheme)
    for term in _declared_terms(ontology):
        if not str(term).startswith(str(RG)):
            continue
        found = [kind for kind in kinds if (term, RDF.type, kind) in ontology]
        assert len(found) == 1, f"{term}: {found}"
        assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in ontology


def test_properties_have_ranges_and_ranges_are_declared(ontology: Graph) -> None:
    open_ranged = {RG.inText}  # any text-bearing node
    for prop in ontology.subjects(RDF.type, OWL.DatatypeProperty):
        assert ontology.value(prop, RDFS.range) is not None, prop
    for prop in ontology.subjects(RDF.type, OWL.ObjectProperty):
        if prop not in open_ranged:
            assert ontology.value(prop, RDFS.range) is not None, prop
    for prop, range_ in ontology.subject_objects(RDFS.range):
        if isinstance(range_, URIRef) and str(range_).startswith(str(RG)):
            assert (range_, RDF.type, OWL.Class) in ontology, f"{prop} -> {range_}"


@pytest.mark.parametrize(("name", "kind"), sorted(CONTRACT_TERMS.items()))
def test_contract_term_is_declared_with_its_kind(ontology: Graph, name: str, kind: str) -> None:
    assert _kind(ontology, RG[name]) == kind


def test_contract_subclasses(ontology: Graph) -> None:
    for sub, sup in CONTRACT_SUBCLASSES.items():
        assert (RG[sub], RDF.type, OWL.Class) in ontology
        assert (RG[sub], RDFS.subClassOf, RG[sup]) in ontology


@pytest.mark.parametrize(("name", "range_"), sorted(CONTRACT_RANGES.items()))
def test_contract_ranges(ontology: Graph, name: str, range_: URIRef) -> None:
    assert ontology.value(RG[name], RDFS.range) == range_


def test_agenda_item_and_meeting_are_inverses(ontology: Graph) -> None:
    assert (RG.agendaItem, OWL.inverseOf, RG.meeting) in ontology


def test_contract_table_matches_contract_md() -> None:
    path = next((p for p in CONTRACT_CANDIDATES if p.is_file()), None)
    if path is None:
        pytest.fail("docs/CONTRACT.md is missing: the contract must be in the repository")
    section = path.read_text(encoding="utf-8").split("## Vocabulary core", 1)[1].split("\n## ")[0]
    table: dict[str, str] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) < 2 or not cells[0].startswith("`rg:"):
            continue
        kind = "class" if cells[1] == "class" else "property"
        for name in re.findall(r"`rg:(\w+)`", cells[0]):
            table[name] = kind
    assert table == CONTRACT_TERMS


def test_outcome_scheme(ontology: Graph) -> None:
    scheme = RG.outcomes
    assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology
    concepts = set(ontology.subjects(SKOS.inScheme, scheme))
    assert concepts == {OUTCOME[slug] for slug in OUTCOME_SLUGS}
    for slug, danish in OUTCOME_SLUGS.items():
        concept = OUTCOME[slug]
        assert slug.isascii()
        assert (concept, RDF.type, SKOS.Concept) in ontology
        assert (concept, SKOS.topConceptOf, scheme) in ontology
        assert (scheme, SKOS.hasTopConcept, concept) in ontology
        assert ontology.value(concept, SKOS.notation) == Literal(slug)
        assert _languages(ontology, concept, SKOS.prefLabel) == {"da", "en"}
        assert Literal(danish, lang="da") in set(ontology.objects(concept, SKOS.prefLabel))


@pytest.mark.parametrize(
    ("scheme", "namespace", "labels"),
    [
        (
            RG.positions,
            POSITION,
            {
                "for": "for",
                "imod": "imod",
                "undlod": "undlod at stemme",
                "forbehold": "tog forbehold",
            },
        ),
        (
            RG.attendanceKinds,
            ATTENDANCE,
            {
                "present": "til stede",
                "absent": "fraværende",
                "arrived": "kom senere",
                "left": "gik tidligere",
                "substitute": "stedfortræder",
                "guest": "gæst eller embedsperson",
            },
        ),
    ],
)
def test_vote_and_attendance_schemes(
    ontology: Graph, scheme: URIRef, namespace: Namespace, labels: dict[str, str]
) -> None:
    """The notations are the loader's values (loaders.model.Position and AttendanceKind)."""
    assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology
    assert set(ontology.subjects(SKOS.inScheme, scheme)) == {namespace[n] for n in labels}
    for notation, danish in labels.items():
        concept = namespace[notation]
        assert ontology.value(concept, SKOS.notation) == Literal(notation)
        assert (scheme, SKOS.hasTopConcept, concept) in ontology
        assert (concept, SKOS.topConceptOf, scheme) in ontology
        assert ontology.value(concept, SKOS.prefLabel, default=None) is not None
        assert Literal(danish, lang="da") in set(ontology.objects(concept, SKOS.prefLabel))
        assert _languages(ontology, concept, SKOS.prefLabel) == {"da", "en"}


def test_vote_position_is_not_the_sibling_order(ontology: Graph) -> None:
    """rg:position stays the integer order of the contract; a vote's position is its own term."""
    assert ontology.value(RG.position, RDFS.range) == XSD.integer
    assert ontology.value(RG.votePosition, RDFS.range) == SKOS.Concept
    assert (RG.Party, RDFS.subClassOf, RG.Organisation) in ontology


def test_alignments_point_outside_the_rg_namespace_only_where_expected(ontology: Graph) -> None:
    expected = {
        (RG.Meeting, URIRef("https://schema.org/Event")),
        (RG.Meeting, URIRef("http://data.vlaanderen.be/ns/besluit#Zitting")),
        (RG.AgendaItem, URIRef("http://data.vlaanderen.be/ns/besluit#Agendapunt")),
        (RG.Committee, URIRef("http://data.vlaanderen.be/ns/besluit#Bestuursorgaan")),
        (RG.Municipality, URIRef("http://data.vlaanderen.be/ns/besluit#Bestuurseenheid")),
        (RG.Law, URIRef("http://data.europa.eu/eli/ontology#LegalResource")),
        (RG.LoadRun, URIRef("http://www.w3.org/ns/prov#Activity")),
        (RG.SourceDocument, URIRef("http://www.w3.org/ns/prov#Entity")),
        (RG.Person, URIRef("http://xmlns.com/foaf/0.1/Person")),
        (RG.Organisation, URIRef("http://www.w3.org/ns/org#Organization")),
    }
    assert expected <= set(ontology.subject_objects(RDFS.subClassOf))


# The shapes


def test_shapes_parse_and_name_only_declared_rg_terms(ontology: Graph, shapes: Graph) -> None:
    assert len(shapes) > 100
    declared = set(_declared_terms(ontology))
    used = {
        term
        for triple in shapes
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(TERM_NAMESPACES)
    }
    assert used <= declared, used - declared


def test_every_rg_class_with_instances_has_a_label_shape(ontology: Graph, shapes: Graph) -> None:
    label_targets = set(shapes.objects(URIRef(f"{SHAPES_NS}LabelShape"), SH.targetClass))
    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(str(RG))}
    # Concepts are described by the ontology itself, not by data.
    assert label_targets == classes - {RG.MeetingKind}


SHAPES_NS = "https://w3id.org/referatgraf/shapes#"

VALID_DATA = """
@prefix rg: <https://w3id.org/referatgraf/def#> .
@prefix outcome: <https://w3id.org/referatgraf/def/outcome/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/id/> .

ex:lemvig a rg:Municipality ;
    rdfs:label "Lemvig Kommune"@da , "Lemvig Municipality"@en ;
    rg:kommunekode "665" .

ex:ja a rg:Committee ;
    rdfs:label "Job- og Arbejdsmarkedsudvalget"@da ;
    rg:municipality ex:lemvig .

ex:oeu a rg:Committee ;
    rdfs:label "Økonomiudvalget"@da ;
    rg:municipality ex:lemvig .

ex:doc a rg:SourceDocument ;
    rdfs:label "referat.txt"@da ;
    rg:fileName "referat.txt" ;
    rg:sha256 "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" ;
    rg:byteSize 2048 ;
    rg:mediaType "text/plain" ;
    rg:encoding "utf-8" ;
    rg:layout "plain-numbered" ;
    rg:sourceUrl <https://www.lemvig.dk/politik/referat/2020-01-08> ;
    rg:loaderVersion "0.1.0" .

ex:m1 a rg:Meeting ;
    rdfs:label "Job- og Arbejdsmarkedsudvalget 8. januar 2020"@da ;
    rg:committee ex:ja ;
    rg:municipality ex:lemvig ;
    rg:municipalitySource "stated" ;
    rg:date "2020-01-08"^^xsd:date ;
    rg:startTime "15:00:00"^^xsd:time ;
    rg:endTime "17:30:00"^^xsd:time ;
    rg:place "Mødelokale 1, Rådhuset" ;
    rg:meetingKind "referat" ;
    rg:agendaItem ex:m1-1 ;
    rg:attendee ex:hansen ;
    rg:absentee ex:jensen ;
    rg:participant ex:m1-p1 ;
    rg:absence ex:m1-a1 ;
    rg:sourceDocument ex:doc ;
    rg:firstLine 1 ; rg:lastLine 12 ; rg:beginOffset 0 ; rg:endOffset 310 .

ex:hansen a rg:Person ; rdfs:label "Anna Hansen"@da ; rg:party "A" .
ex:jensen a rg:Person ; rdfs:label "Bo Jensen"@da ; rg:party "V" .

ex:m1-p1 a rg:Participation ;
    rdfs:label "Anna Hansen, formand"@da ;
    rg:person ex:hansen ;
    rg:role "formand" .

ex:m1-a1 a rg:Absence ;
    rdfs:label "Bo Jensen, afbud"@da ;
    rg:person ex:jensen ;
    rg:absenceReason "afbud" .

ex:m1-1 a rg:AgendaItem ;
    rdfs:label "1. Beskæftigelsesplan 2020"@da ;
    rg:meeting ex:m1 ;
    rg:number 1 ;
    rg:position 1 ;
    rg:title "Beskæftigelsesplan 2020" ;
    rg:closed false ;
    rg:itemPrefix "JA" ;
    rg:caseNumber ex:m1-1-cn1 ;
    rg:section ex:m1-1-s1 ;
    rg:attachment ex:m1-1-b1 ;
    rg:treatment ex:m1-1-t1 ;
    rg:decision ex:m1-1-d ;
    rg:otherDecision ex:m1-1-d2 ;
    rg:mentions ex:klapjob , ex:lov-548 , ex:lemvig ;
    rg:mention ex:m1-1-mention1 , ex:m1-1-mention2 , ex:m1-1-mention3 ;
    rg:firstLine 5 ; rg:lastLine 12 ; rg:beginOffset 120 ; rg:endOffset 310 .

ex:m1-1-cn1 a rg:CaseNumber ;
    rdfs:label "15.20.00A00-1-22"@da ;
    rg:rawCaseNumber "15.20.00A00-1-22" ;
    rg:kleCode "15.20.00" ;
    rg:handlingFacet "A00" ;
    rg:serial "1-22" ;
    rg:position 1 .

ex:m1-1-s1 a rg:Section ;
    rdfs:label "Sagsfremstilling"@da ;
    rg:sectionLabel "sagsfremstilling" ;
    rg:heading "Sagsfremstilling" ;
    rg:position 1 ;
    rg:text
        "Orientering om KLAPjob og lov om en aktiv beskæftigelsesindsats i Lemvig Kommune." .

ex:m1-1-b1 a rg:Attachment ;
    rdfs:label "Bilag: Beskæftigelsesplan 2020"@da ;
    rg:title "Beskæftigelsesplan 2020" ;
    rg:position 1 .

ex:m1-1-t1 a rg:Treatment ;
    rdfs:label "Behandlet i Økonomiudvalget"@da ;
    rg:text "Økonomiudvalget 12-12-2019: Oversendt." ;
    rg:treatedBy ex:oeu ;
    rg:treatmentDate "2019-12-12"^^xsd:date ;
    rg:position 1 .

ex:m1-1-d a rg:Decision ;
    rdfs:label "Beslutning"@da ;
    rg:text "Godkendt. Sagen sendes til Økonomiudvalget." ;
    rg:outcome outcome:godkendt ;
    rg:decidedBy ex:ja ;
    rg:decisionDate "2020-01-08"^^xsd:date .

ex:m1-1-d2 a rg:Decision ;
    rdfs:label "Beslutning i Økonomiudvalget"@da ;
    rg:text "Anbefales." ;
    rg:outcome outcome:tiltraadt ;
    rg:decidedBy ex:oeu .

ex:klapjob a rg:Programme ; rdfs:label "KLAPjob"@da .

ex:lov-548 a rg:Law ;
    rdfs:label "lov om en aktiv beskæftigelsesindsats"@da ;
    rg:eli <https://www.retsinformation.dk/eli/lta/2019/548> .

ex:m1-1-mention1 a rg:Mention ;
    rdfs:label "omtale af KLAPjob"@da ;
    rg:mentionOf ex:klapjob ;
    rg:inText ex:m1-1-s1 ;
    rg:beginIndex 15 ;
    rg:endIndex 22 ;
    rg:anchorText "KLAPjob" .

ex:m1-1-mention2 a rg:Mention ;
    rdfs:label "omtale af lov om en aktiv beskæftigelsesindsats"@da ;
    rg:mentionOf ex:lov-548 ;
    rg:inText ex:m1-1-s1 ;
    rg:beginIndex 26 ;
    rg:endIndex 63 ;
    rg:anchorText "lov om en aktiv beskæftigelsesindsats" .

ex:m1-1-mention3 a rg:Mention ;
    rdfs:label "omtale af Økonomiudvalget"@da ;
    rg:mentionOf ex:oeu ;
    rg:inText ex:m1-1-d ;
    rg:beginIndex 27 ;
    rg:endIndex 42 ;
    rg:anchorText "Økonomiudvalget" .

ex:run a rg:LoadRun ;
    rdfs:label "indlæsning 2020-01-09"@da ;
    rg:filesRead 2 ; rg:filesLoaded 1 ; rg:filesSkipped 0 ; rg:filesFailed 1 ;
    rg:loaderVersion "0.1.0" ;
    rg:failure ex:run-f1 .

ex:run-f1 a rg:LoadFailure ;
    rdfs:label "tom.txt"@da ;
    rg:fileName "tom.txt" ;
    rg:reason "the file is empty" .
"""

VOTE_DATA = """
@prefix rg: <https://w3id.org/referatgraf/def#> .
@prefix position: <https://w3id.org/referatgraf/def/position/> .
@prefix attendance: <https://w3id.org/referatgraf/def/attendance-kind/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/id/> .

ex:m1-1 rg:otherDecision ex:m1-1-d3 ;
    rg:attendance ex:m1-1-att1 .

ex:m1-1-d3 a rg:Decision ;
    rdfs:label "Beslutning i Byrådet"@da ;
    rg:text "Anbefales. Imod stemte: F (2). Bo Jensen tog forbehold." ;
    rg:vote ex:m1-1-d3-v1 , ex:m1-1-d3-v2 .

ex:parti-f a rg:Party ;
    rdfs:label "SF – Socialistisk Folkeparti"@da ;
    rg:partyLetter "F" .

ex:jensen rg:politicalParty ex:parti-v .
ex:parti-v a rg:Party ; rdfs:label "Venstre"@da ; rg:partyLetter "V" .

ex:m1-1-d3-v1 a rg:Vote ;
    rdfs:label "F: imod"@da ;
    rg:votePosition position:imod ;
    rg:party "F" ;
    rg:voterParty ex:parti-f ;
    rg:count 2 ;
    rg:inText ex:m1-1-d3 ;
    rg:beginIndex 11 ;
    rg:endIndex 29 ;
    rg:anchorText "Imod stemte: F (2)" .

ex:m1-1-d3-v2 a rg:Vote ;
    rdfs:label "Bo Jensen: tog forbehold"@da ;
    rg:votePosition position:forbehold ;
    rg:voter ex:jensen ;
    rg:inText ex:m1-1-d3 ;
    rg:beginIndex 31 ;
    rg:endIndex 54 ;
    rg:anchorText "Bo Jensen tog forbehold" .

ex:m1 rg:attendance ex:m1-att1 .

ex:m1-att1 a rg:Attendance ;
    rdfs:label "Anna Hansen: kom senere"@da ;
    rg:person ex:hansen ;
    rg:attendanceKind attendance:arrived ;
    rg:attendanceTime "16:30:00"^^xsd:time ;
    rg:anchorText "Anna Hansen deltog fra kl. 16.30" ;
    rg:firstLine 3 ; rg:lastLine 3 ; rg:beginOffset 40 ; rg:endOffset 72 .

ex:m1-1-att1 a rg:Attendance ;
    rdfs:label "Bo Jensen: gik tidligere"@da ;
    rg:person ex:jensen ;
    rg:attendanceKind attendance:left ;
    rg:attendanceItemNumber 1 ;
    rg:attendanceItem ex:m1-1 ;
    rg:anchorText "Bo Jensen forlod mødet under punkt 1" .
"""

PREFIXES = """
PREFIX rg: <https://w3id.org/referatgraf/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX ex: <https://example.org/id/>
"""

# Each breakage: an update on the valid graph, and the property path (or None for a SPARQL
# constraint) that the violation must name.
BREAKAGES: dict[str, tuple[str, URIRef | None]] = {
    "missing kommunekode": (
        "DELETE WHERE { ex:lemvig rg:kommunekode ?code }",
        RG.kommunekode,
    ),
    "kommunekode not three digits": (
        'DELETE { ex:lemvig rg:kommunekode ?c } INSERT { ex:lemvig rg:kommunekode "66" }'
        " WHERE { ex:lemvig rg:kommunekode ?c }",
        RG.kommunekode,
    ),
    "anchor text breaks the invariant": (
        'DELETE { ?m rg:anchorText ?a } INSERT { ?m rg:anchorText "KLAPJob" }'
        " WHERE { BIND(ex:m1-1-mention1 AS ?m) ?m rg:anchorText ?a }",
        None,
    ),
    "offsets shifted by one": (
        "DELETE { ?m rg:beginIndex ?b ; rg:endIndex ?e } INSERT { ?m rg:beginIndex 16 ;"
        " rg:endIndex 23 } WHERE { BIND(ex:m1-1-mention1 AS ?m) ?m rg:beginIndex ?b ;"
        " rg:endIndex ?e }",
        None,
    ),
    "mention in a node without text": (
        "DELETE { ?m rg:inText ?n } INSERT { ?m rg:inText ex:m1 }"
        " WHERE { BIND(ex:m1-1-mention1 AS ?m) ?m rg:inText ?n }",
        None,
    ),
    "label not in Danish": (
        'DELETE { ex:klapjob rdfs:label ?l } INSERT { ex:klapjob rdfs:label "KLAPjob"@en }'
        " WHERE { ex:klapjob rdfs:label ?l }",
        RDFS.label,
    ),
    "no label at all": ("DELETE WHERE { ex:hansen rdfs:label ?l }", RDFS.label),
    "meeting of two committees": (
        "INSERT DATA { ex:m1 rg:committee ex:c2 . ex:c2 a rg:Committee }",
        RG.committee,
    ),
    "date known given as text": ('INSERT DATA { ex:m1 rg:dateKnown "nej" }', RG.dateKnown),
    "two meeting dates": (
        'INSERT DATA { ex:m1 rg:date "2020-01-09"^^xsd:date }',
        RG.date,
    ),
    "item number not an integer": (
        'DELETE { ex:m1-1 rg:number ?n } INSERT { ex:m1-1 rg:number "1" }'
        " WHERE { ex:m1-1 rg:number ?n }",
        RG.number,
    ),
    "item not listed by its meeting": (
        "DELETE WHERE { ex:m1 rg:agendaItem ?i }",
        None,
    ),
    "outcome outside the scheme": (
        "DELETE { ex:m1-1-d rg:outcome ?o } INSERT { ex:m1-1-d rg:outcome ex:maybe }"
        " WHERE { ex:m1-1-d rg:outcome ?o }",
        RG.outcome,
    ),
    "eli not on retsinformation.dk": (
        "DELETE { ex:lov-548 rg:eli ?e } INSERT { ex:lov-548 rg:eli <https://example.org/lov> }"
        " WHERE { ex:lov-548 rg:eli ?e }",
        RG.eli,
    ),
    "meeting kind unknown": (
        'DELETE { ex:m1 rg:meetingKind ?k } INSERT { ex:m1 rg:meetingKind "protokol" }'
        " WHERE { ex:m1 rg:meetingKind ?k }",
        RG.meetingKind,
    ),
    "span ends before it begins": (
        "DELETE { ex:m1-1 rg:endOffset ?e } INSERT { ex:m1-1 rg:endOffset 100 }"
        " WHERE { ex:m1-1 rg:endOffset ?e }",
        RG.beginOffset,
    ),
    "sha256 not hexadecimal": (
        'DELETE { ex:doc rg:sha256 ?s } INSERT { ex:doc rg:sha256 "abc" }'
        " WHERE { ex:doc rg:sha256 ?s }",
        RG.sha256,
    ),
    "source url as text": (
        'DELETE { ex:doc rg:sourceUrl ?u } INSERT { ex:doc rg:sourceUrl "https://www.lemvig.dk/" }'
        " WHERE { ex:doc rg:sourceUrl ?u }",
        RG.sourceUrl,
    ),
    "source url not http": (
        "DELETE { ex:doc rg:sourceUrl ?u } INSERT { ex:doc rg:sourceUrl <javascript:alert(1)> }"
        " WHERE { ex:doc rg:sourceUrl ?u }",
        RG.sourceUrl,
    ),
    "vote outside the position scheme": (
        "DELETE { ex:m1-1-d3-v1 rg:votePosition ?p } INSERT { ex:m1-1-d3-v1 rg:votePosition"
        " ex:maybe } WHERE { ex:m1-1-d3-v1 rg:votePosition ?p }",
        RG.votePosition,
    ),
    "vote without a position": (
        "DELETE WHERE { ex:m1-1-d3-v2 rg:votePosition ?p }",
        RG.votePosition,
    ),
    "vote count as text": (
        'DELETE { ex:m1-1-d3-v1 rg:count ?c } INSERT { ex:m1-1-d3-v1 rg:count "to" }'
        " WHERE { ex:m1-1-d3-v1 rg:count ?c }",
        RG["count"],  # RG.count is str.count
    ),
    "vote anchor off its decision text": (
        "DELETE { ?v rg:beginIndex ?b } INSERT { ?v rg:beginIndex 12 }"
        " WHERE { BIND(ex:m1-1-d3-v1 AS ?v) ?v rg:beginIndex ?b }",
        None,
    ),
    "vote by two members": (
        "INSERT DATA { ex:m1-1-d3-v2 rg:voter ex:hansen }",
        RG.voter,
    ),
    "attendance kind outside the scheme": (
        "DELETE { ex:m1-att1 rg:attendanceKind ?k } INSERT { ex:m1-att1 rg:attendanceKind"
        " ex:maybe } WHERE { ex:m1-att1 rg:attendanceKind ?k }",
        RG.attendanceKind,
    ),
    "attendance without a person": (
        "DELETE WHERE { ex:m1-1-att1 rg:person ?p }",
        RG.person,
    ),
    "party letter of two letters": (
        'DELETE { ex:parti-f rg:partyLetter ?l } INSERT { ex:parti-f rg:partyLetter "SF" }'
        " WHERE { ex:parti-f rg:partyLetter ?l }",
        RG.partyLetter,
    ),
    "two source urls": (
        "INSERT DATA { ex:doc rg:sourceUrl <https://www.lemvig.dk/andet> }",
        RG.sourceUrl,
    ),
}


def _valid_graph() -> Graph:
    graph = Graph().parse(data=VALID_DATA, format="turtle")
    return graph.parse(data=VOTE_DATA, format="turtle")


def _validate(
    data: Graph, shapes: Graph, ont_graph: Graph | None = None, inference: str | None = None
) -> tuple[bool, Graph, str]:
    conforms, results, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ont_graph, inference=inference
    )
    assert isinstance(results, Graph)
    return bool(conforms), results, str(text)


def _violations(results: Graph) -> list[tuple[Node | None, Node | None]]:
    """(sh:resultPath, sh:sourceConstraintComponent) of each result."""
    return [
        (results.value(result, SH.resultPath), results.value(result, SH.sourceConstraintComponent))
        for result in results.subjects(RDF.type, SH.ValidationResult)
    ]


def test_valid_graph_satisfies_the_invariant_in_python() -> None:
    graph = _valid_graph()
    for mention in graph.subjects(RDF.type, RG.Mention):
        node = graph.value(mention, RG.inText)
        text = str(graph.value(node, RG.text))
        begin, end = graph.value(mention, RG.beginIndex), graph.value(mention, RG.endIndex)
        assert isinstance(begin, Literal)
        assert isinstance(end, Literal)
        assert text[int(begin) : int(end)] == str(graph.value(mention, RG.anchorText))


def test_valid_graph_conforms(shapes: Graph) -> None:
    conforms, _, text = _validate(_valid_graph(), shapes)
    assert conforms, text


def test_valid_graph_conforms_with_the_ontology_and_rdfs_inference(
    ontology: Graph, shapes: Graph
) -> None:
    conforms, _, text = _validate(_valid_graph(), shapes, ont_graph=ontology, inference="rdfs")
    assert conforms, text


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_broken_graph_does_not_conform(shapes: Graph, name: str) -> None:
    update, path = BREAKAGES[name]
    graph = _valid_graph()
    graph.update(PREFIXES + update)
    conforms, results, text = _validate(graph, shapes)
    assert not conforms
    violations = _violations(results)
    if path is None:
        assert (None, SH.SPARQLConstraintComponent) in violations, text
    else:
        assert path in {found for found, _ in violations}, text


def test_breakages_change_the_graph() -> None:
    reference = set(_valid_graph())
    for update, _ in BREAKAGES.values():
        graph = _valid_graph()
        graph.update(PREFIXES + update)
        assert set(graph) != reference, update
