"""Generate :mod:`ontology.vocabularies` from the term lists below: the standard vocabularies
(rdf, rdfs, xsd, owl, skos, prov, dcterms, dcat, foaf, void, sd, spdx, vcard, and W3C's file
formats and entailment regimes) as typed classes beside our own ``RG``; and the namespaces
alone of the vocabularies the ontology aligns with (schema, eli, vann, nif, besluit) and of
SHACL.

Each list names the terms referatgraf uses, no more. Where rdflib ships a definition of the
vocabulary (all but sd, spdx, vcard, formats and entailment), every term is checked against it,
so a misspelled term stops the generation instead of reaching the module. Run
``python -m ontology.generate_vocabularies`` after editing a list, and commit both files;
``--check`` exits with status 1 when the module is out of date.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from rdflib import namespace

from ontology import VOCABULARIES_MODULE_PATH
from ontology.generate import GenerationError, Term, class_body, identifier, write_or_check


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """One standard vocabulary: its class name, prefix, namespace and the terms we use;
    ``named`` heads its capitalised terms (classes, but things in some vocabularies)."""

    name: str
    prefix: str
    namespace: str
    terms: str
    rdflib_name: str | None
    named: str = "Classes"

    def term_list(self) -> list[Term]:
        return [
            Term(
                identifier(local, self.namespace + local, concept=True), self.namespace + local, ""
            )
            for local in sorted(self.terms.split(), key=lambda local: (local[0].islower(), local))
        ]


VOCABULARIES: tuple[Vocabulary, ...] = (
    Vocabulary("RDF", "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "Property type", "RDF"),
    Vocabulary(
        "RDFS",
        "rdfs",
        "http://www.w3.org/2000/01/rdf-schema#",
        "Resource comment domain isDefinedBy label range seeAlso subClassOf subPropertyOf",
        "RDFS",
    ),
    Vocabulary(
        "XSD",
        "xsd",
        "http://www.w3.org/2001/XMLSchema#",
        "anyURI boolean date dateTime decimal hexBinary integer nonNegativeInteger string time",
        "XSD",
    ),
    Vocabulary(
        "OWL",
        "owl",
        "http://www.w3.org/2002/07/owl#",
        "Class DatatypeProperty ObjectProperty Ontology equivalentClass equivalentProperty "
        "inverseOf sameAs",
        "OWL",
    ),
    Vocabulary(
        "SKOS",
        "skos",
        "http://www.w3.org/2004/02/skos/core#",
        "Concept ConceptScheme altLabel broader definition hasTopConcept inScheme narrower "
        "notation prefLabel scopeNote topConceptOf",
        "SKOS",
    ),
    Vocabulary(
        "PROV",
        "prov",
        "http://www.w3.org/ns/prov#",
        "Entity endedAtTime generatedAtTime startedAtTime used wasDerivedFrom wasGeneratedBy",
        "PROV",
    ),
    Vocabulary(
        "ORG", "org", "http://www.w3.org/ns/org#", "member organization subOrganizationOf", "ORG"
    ),
    Vocabulary(
        "DCTERMS",
        "dcterms",
        "http://purl.org/dc/terms/",
        "Frequency LicenseDocument LinguisticSystem Location MediaType MediaTypeOrExtent "
        "PeriodOfTime RightsStatement Standard accessRights accrualPeriodicity conformsTo "
        "description format hasPart identifier isPartOf issued language license modified "
        "publisher source spatial temporal title",
        "DCTERMS",
    ),
    Vocabulary(
        "DCAT",
        "dcat",
        "http://www.w3.org/ns/dcat#",
        "Catalog DataService Dataset Distribution accessService accessURL byteSize "
        "compressFormat contactPoint dataset distribution downloadURL endDate endpointDescription "
        "endpointURL keyword landingPage mediaType servesDataset service startDate theme "
        "themeTaxonomy",
        "DCAT",
    ),
    Vocabulary(
        "FOAF",
        "foaf",
        "http://xmlns.com/foaf/0.1/",
        "Agent Document homepage name primaryTopic",
        "FOAF",
    ),
    Vocabulary(
        "VOID",
        "void",
        "http://rdfs.org/ns/void#",
        "Dataset DatasetDescription class classPartition classes dataDump distinctSubjects "
        "entities exampleResource properties property propertyPartition sparqlEndpoint subset "
        "triples uriSpace vocabulary",
        "VOID",
    ),
    Vocabulary(
        "SD",
        "sd",
        "http://www.w3.org/ns/sparql-service-description#",
        "Dataset Graph SPARQL11Query Service UnionDefaultGraph defaultDataset "
        "defaultEntailmentRegime defaultGraph endpoint feature resultFormat supportedLanguage",
        None,
    ),
    Vocabulary(
        "SPDX",
        "spdx",
        "http://spdx.org/rdf/terms#",
        "Checksum ChecksumAlgorithm algorithm checksum checksumAlgorithm_sha256 checksumValue",
        None,
    ),
    Vocabulary(
        "VCARD",
        "vcard",
        "http://www.w3.org/2006/vcard/ns#",
        "Kind Organization fn hasEmail",
        None,
    ),
    Vocabulary(
        "FORMATS",
        "formats",
        "http://www.w3.org/ns/formats/",
        "JSON-LD N-Quads N-Triples RDF_XML SPARQL_Results_CSV SPARQL_Results_JSON "
        "SPARQL_Results_TSV SPARQL_Results_XML Turtle",
        None,
        named="File formats",
    ),
    Vocabulary(
        "ENTAILMENT",
        "entailment",
        "http://www.w3.org/ns/entailment/",
        "Simple",
        None,
        named="Entailment regimes",
    ),
    # Only named, in the prefixes of dumps and queries: the ontology aligns its terms with
    # theirs, the shapes are SHACL.
    Vocabulary("SCHEMA", "schema", "https://schema.org/", "", "SDO"),
    Vocabulary("ELI", "eli", "http://data.europa.eu/eli/ontology#", "", None),
    Vocabulary("VANN", "vann", "http://purl.org/vocab/vann/", "", "VANN"),
    Vocabulary(
        "NIF", "nif", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#", "", None
    ),
    Vocabulary("BESLUIT", "besluit", "http://data.vlaanderen.be/ns/besluit#", "", None),
    Vocabulary("SH", "sh", "http://www.w3.org/ns/shacl#", "", "SH"),
)


def check_terms(vocabulary: Vocabulary) -> None:
    """Raise :class:`GenerationError` for a term that rdflib's definition of the vocabulary
    does not have (nothing to check against where rdflib has none)."""
    if vocabulary.rdflib_name is None:
        return
    defined = getattr(namespace, vocabulary.rdflib_name)
    if str(defined) != vocabulary.namespace:
        raise GenerationError(f"{vocabulary.name}: rdflib has {defined} as its namespace")
    known = set(defined.__annotations__) | set(defined._extras)
    for local in vocabulary.terms.split():
        if local not in known:
            raise GenerationError(f"{vocabulary.prefix}:{local} is not a term of {defined}")


_HEADER = '''\
"""The standard vocabularies referatgraf uses, as typed constants: full IRIs as ``Final[str]``.

Generated by ``python -m ontology.generate_vocabularies`` from its term lists; do not edit.
Only the terms we use are here, so a misspelled or new term is a mypy error and an
``AttributeError``: add it to the list (which checks it against the vocabulary) and regenerate.
A term that is a Python keyword gets a trailing ``_`` (``VOID.class_``).
This module imports neither rdflib nor pyoxigraph.
"""

# Attribute names are the vocabularies' own local names.
# ruff: noqa: N815

from __future__ import annotations

from typing import Final
'''


def render(vocabularies: tuple[Vocabulary, ...] = VOCABULARIES) -> str:
    """The source of ``ontology/vocabularies.py``."""
    names = sorted(
        [v.name for v in vocabularies if v.terms] + [f"{v.name}_NS" for v in vocabularies]
    )
    lines = [_HEADER, "__all__ = [", *(f'    "{name}",' for name in names), "]", ""]
    for vocabulary in vocabularies:
        check_terms(vocabulary)
        lines += [
            f'{vocabulary.name}_NS: Final[str] = "{vocabulary.namespace}"',
            f'"""The {vocabulary.prefix}: namespace."""',
            "",
        ]
    for vocabulary in (v for v in vocabularies if v.terms):
        terms = vocabulary.term_list()
        lower = "Datatypes" if vocabulary.name == "XSD" else "Properties"
        groups = [
            (vocabulary.named, [t for t in terms if t.name[0].isupper()]),
            (lower, [t for t in terms if not t.name[0].isupper()]),
        ]
        lines += [
            "",
            f"class {vocabulary.name}:",
            f'    """The terms of {vocabulary.prefix}: that referatgraf uses."""',
            "",
            *class_body(groups),
            "",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check``, compare) ``ontology/vocabularies.py``."""
    parser = argparse.ArgumentParser(
        prog="python -m ontology.generate_vocabularies", description=__doc__
    )
    parser.add_argument("--check", action="store_true", help="fail if vocabularies.py is stale")
    parser.add_argument("--out", type=Path, default=VOCABULARIES_MODULE_PATH, help="where to write")
    args = parser.parse_args(argv)
    return write_or_check(render(), args.out, check=args.check, command=parser.prog)


if __name__ == "__main__":
    sys.exit(main())
