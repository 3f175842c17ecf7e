"""The DCAT-AP 3.0.1 catalog of the dump: ``catalog.ttl`` and ``catalog.jsonld``.

One catalog with the whole dataset, one dataset per municipality, the ontology and its shapes
as a dataset of their own, and the SPARQL endpoint as a ``dcat:DataService``. Every file is a
distribution with its download URL, media type, compression format, byte size, SPDX sha256
checksum, licence, issued and modified. Objects are typed where DCAT-AP's range shapes ask for
it (licence, media types, agents, locations, periods, standards, themes, languages), and the
dates come from the store's load runs, never from the clock, so the same store gives the same
catalog byte for byte.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from ontology.namespace import NS
from ontology.vocabularies import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, SPDX, VCARD, XSD
from publishing.facts import Coverage, LoadTimes
from publishing.gzipped import WrittenFile
from publishing.namespaces import CATALOG_PREFIXES
from publishing.publication import LICENCE, LICENCE_NAME, LICENCE_TEXT, PublishSettings
from publishing.rdfdoc import Statements, jsonld, turtle
from publishing.void import instant

IANA = "https://www.iana.org/assignments/media-types/"
GZIP = "http://www.iana.org/assignments/media-types/application/gzip"
EU = "http://publications.europa.eu/resource/authority/"
DENMARK = EU + "country/DNK"
DANISH = EU + "language/DAN"
THEMES = EU + "data-theme"
THEME = THEMES + "/GOVE"
IRREGULAR = EU + "frequency/IRREG"
PUBLIC = EU + "access-right/PUBLIC"
ONTOLOGY = NS.rstrip("#")
SPARQL_PROTOCOL = "https://www.w3.org/TR/sparql11-protocol/"
KEYWORDS = ("referater", "kommuner", "udvalg", "beskæftigelse", "linked data", "SPARQL")


@dataclass(frozen=True, slots=True)
class Format:
    """What a kind of file is: IANA media type, EU file type, the standard it follows."""

    media_type: str
    file_type: str | None
    standard: str | None
    label: str


NQUADS = Format(IANA + "application/n-quads", EU + "file-type/RDF_N_QUADS",
                "https://www.w3.org/TR/n-quads/", "N-Quads")  # fmt: skip
TURTLE = Format(IANA + "text/turtle", EU + "file-type/RDF_TURTLE",
                "https://www.w3.org/TR/turtle/", "Turtle")  # fmt: skip
JSONLD = Format(IANA + "application/ld+json", EU + "file-type/JSON_LD",
                "https://www.w3.org/TR/json-ld11/", "JSON-LD")  # fmt: skip
MARKDOWN = Format(IANA + "text/markdown", None, None, "Markdown")


@dataclass(frozen=True, slots=True)
class Distribution:
    file: WrittenFile
    format: Format
    title: str
    compressed: bool = False


@dataclass(slots=True)
class CatalogInput:
    settings: PublishSettings
    times: LoadTimes | None
    coverage: Sequence[Coverage]
    dataset: list[Distribution] = field(default_factory=list)
    subsets: dict[str, Distribution] = field(default_factory=dict)  # municipality IRI ->
    ontology: list[Distribution] = field(default_factory=list)
    triples: int = 0


def catalog_documents(given: CatalogInput) -> tuple[bytes, bytes]:
    """The catalog as Turtle and as JSON-LD."""
    triples = _Catalog(given).build().triples
    return turtle(triples, CATALOG_PREFIXES), jsonld(triples, CATALOG_PREFIXES)


class _Catalog:
    def __init__(self, given: CatalogInput) -> None:
        self.given = given
        self.s = given.settings
        self.out = Statements()

    def build(self) -> Statements:
        s, out = self.s, self.out
        catalog = s.catalog_url
        out.add(catalog, RDF.type, DCAT.Catalog)
        self._texts(catalog, DCTERMS.title, "referatgraf", "referatgraf")
        self._texts(
            catalog,
            DCTERMS.description,
            "Datadumps, SPARQL-endepunkt og ontologi for referatgraf: referater fra danske "
            "kommunale udvalg som en vidensgraf.",
            "Data dumps, SPARQL endpoint and ontology of referatgraf: the minutes of Danish "
            "municipal committees as a knowledge graph.",
        )
        self._common(catalog, homepage=True)
        out.add(catalog, DCTERMS.license, self._licence())
        out.add(catalog, DCAT.themeTaxonomy, self._theme_scheme())
        out.add(catalog, DCTERMS.spatial, self._denmark())
        for dataset in [self._dataset(), *self._subsets(), self._ontology()]:
            out.add(catalog, DCAT.dataset, dataset)
        out.add(catalog, DCAT.service, self._service())
        return out

    # -- datasets ------------------------------------------------------------------------

    def _dataset(self) -> str:
        given, out, dataset = self.given, self.out, self.s.dataset_iri
        first = min((c.first for c in given.coverage if c.first), default=None)
        last = max((c.last for c in given.coverage if c.last), default=None)
        meetings = sum(c.meetings for c in given.coverage)
        span = _span_da(first, last)
        self._texts(
            dataset,
            DCTERMS.title,
            "referatgraf: danske kommunale udvalgsreferater",
            "referatgraf: minutes of Danish municipal committees",
        )
        self._texts(
            dataset,
            DCTERMS.description,
            f"{meetings} møder i {len(given.coverage)} kommuner{span} som linked data: møder, "
            "dagsordenspunkter, beslutninger, personer, fravær, sagsnumre og omtaler af love, "
            "programmer og organisationer, hvert faktum med sin plads i referatet. "
            + (f"{given.triples} tripler; " if given.triples else "")  # counted by a dump
            + "hvert kildedokument i sin egen navngivne graf.",
            f"{meetings} meetings in {len(given.coverage)} municipalities as linked data, every "
            "fact with its place in the minutes; one named graph per source document.",
        )
        self._dataset_common(dataset, "referatgraf", first, last, "periode")
        out.add(dataset, DCTERMS.spatial, self._denmark())
        for coverage in given.coverage:
            out.add(dataset, DCTERMS.spatial, self._place(coverage))
            out.add(dataset, DCTERMS.hasPart, self.s.subset_iri(coverage.slug))
        for distribution in given.dataset:
            out.add(dataset, DCAT.distribution, self._distribution(distribution))
        out.add(dataset, DCAT.distribution, self._sparql_access())
        return dataset

    def _subsets(self) -> list[str]:
        found = []
        for coverage in self.given.coverage:
            distribution = self.given.subsets.get(coverage.iri)
            if distribution is None:
                continue
            dataset = self.s.subset_iri(coverage.slug)
            span = _span_da(coverage.first, coverage.last)
            self._texts(dataset, DCTERMS.title, f"referatgraf: {coverage.label}", None)
            self._texts(
                dataset,
                DCTERMS.description,
                f"Referater fra udvalg i {coverage.label} (kommunekode {coverage.code}): "
                f"{coverage.meetings} møder{span}. Kildedokumenternes grafer, hvad de fælles "
                "grafer siger om kommunen, dens udvalg og personer, og referencegrafen med "
                "love, programmer og organisationer.",
                f"Minutes of committees in {coverage.label}: {coverage.meetings} meetings.",
            )
            key = f"referatgraf-kommune-{coverage.slug}"
            self._dataset_common(dataset, key, coverage.first, coverage.last, f"periode-{key}")
            self.out.add(dataset, DCTERMS.spatial, self._place(coverage))
            self.out.add(dataset, DCTERMS.isPartOf, self.s.dataset_iri)
            self.out.add(dataset, DCAT.distribution, self._distribution(distribution))
            found.append(dataset)
        return found

    def _ontology(self) -> str:
        dataset = self.s.node_iri("ontologi")
        self._texts(
            dataset,
            DCTERMS.title,
            "referatgraf-ontologien og dens SHACL-former",
            "The referatgraf ontology and its SHACL shapes",
        )
        self._texts(
            dataset,
            DCTERMS.description,
            "Ordforrådet (OWL) som grafen bruger, med danske og engelske etiketter, og de "
            "SHACL-former en gyldig graf overholder.",
            "The vocabulary (OWL) of the graph, and the SHACL shapes a valid graph conforms to.",
        )
        self._dataset_common(dataset, "referatgraf-ontologi", None, None, None)
        for distribution in self.given.ontology:
            self.out.add(dataset, DCAT.distribution, self._distribution(distribution))
        return dataset

    def _dataset_common(
        self,
        dataset: str,
        identifier: str,
        first: dt.date | None,
        last: dt.date | None,
        period: str | None,
    ) -> None:
        out = self.out
        out.add(dataset, RDF.type, DCAT.Dataset)
        out.text(dataset, DCTERMS.identifier, identifier)
        self._common(dataset, homepage=False)
        out.add(dataset, DCAT.contactPoint, self._contact())
        out.add(dataset, DCAT.theme, self._theme())
        out.add(dataset, DCAT.landingPage, self._document(self.s.base_url))
        out.add(dataset, DCTERMS.conformsTo, self._standard(ONTOLOGY, "referatgraf-ontologien"))
        out.add(dataset, DCTERMS.accrualPeriodicity, self._typed(IRREGULAR, DCTERMS.Frequency))
        out.add(dataset, DCTERMS.accessRights, self._typed(PUBLIC, DCTERMS.RightsStatement))
        for keyword in KEYWORDS:
            out.text(dataset, DCAT.keyword, keyword, "da")
        if period is not None and first is not None and last is not None:
            node = self.s.node_iri(period)
            out.add(node, RDF.type, DCTERMS.PeriodOfTime)
            out.typed(node, DCAT.startDate, first.isoformat(), XSD.date)
            out.typed(node, DCAT.endDate, last.isoformat(), XSD.date)
            out.add(dataset, DCTERMS.temporal, node)

    # -- distributions and the service -----------------------------------------------------

    def _distribution(self, given: Distribution) -> str:
        out, file, fmt = self.out, given.file, given.format
        node = self.s.node_iri(f"fil-{file.name}")
        url = self._resource(self.s.download_url(file.name))
        out.add(node, RDF.type, DCAT.Distribution)
        out.text(node, DCTERMS.title, given.title, "da")
        out.add(node, DCAT.accessURL, url)
        out.add(node, DCAT.downloadURL, url)
        out.add(node, DCAT.mediaType, self._typed(fmt.media_type, DCTERMS.MediaType))
        if fmt.file_type is not None:
            out.add(node, DCTERMS.format, self._typed(fmt.file_type, DCTERMS.MediaTypeOrExtent))
        if fmt.standard is not None:
            out.add(node, DCTERMS.conformsTo, self._standard(fmt.standard, fmt.label))
        if given.compressed:
            out.add(node, DCAT.compressFormat, self._typed(GZIP, DCTERMS.MediaType))
        out.typed(node, DCAT.byteSize, str(file.size), XSD.nonNegativeInteger)
        checksum = self.s.node_iri(f"sha256-{file.name}")
        out.add(node, SPDX.checksum, checksum)
        out.add(checksum, RDF.type, SPDX.Checksum)
        algorithm = self._typed(SPDX.checksumAlgorithm_sha256, SPDX.ChecksumAlgorithm)
        out.add(checksum, SPDX.algorithm, algorithm)
        out.typed(checksum, SPDX.checksumValue, file.sha256, XSD.hexBinary)
        out.add(node, DCTERMS.license, self._licence())
        self._dates(node)
        return node

    def _sparql_access(self) -> str:
        node = self.s.node_iri("sparql-adgang")
        self.out.add(node, RDF.type, DCAT.Distribution)
        self.out.text(node, DCTERMS.title, "SPARQL 1.1-endepunkt", "da")
        self.out.add(node, DCAT.accessURL, self._resource(self.s.sparql_endpoint))
        self.out.add(node, DCAT.accessService, self._service())
        self.out.add(node, DCTERMS.license, self._licence())
        return node

    def _service(self) -> str:
        out, node = self.out, self.s.node_iri("sparql")
        out.add(node, RDF.type, DCAT.DataService)
        self._texts(node, DCTERMS.title, "referatgrafs SPARQL-endepunkt", "The SPARQL endpoint")
        out.text(
            node,
            DCTERMS.description,
            "SPARQL 1.1-protokollen (GET og POST), skrivebeskyttet; uden forespørgsel svarer "
            "endepunktet med en servicebeskrivelse.",
            "da",
        )
        out.add(node, DCAT.endpointURL, self._resource(self.s.sparql_endpoint))
        out.add(node, DCAT.endpointDescription, self._resource(self.s.sparql_endpoint))
        out.add(node, DCAT.servesDataset, self.s.dataset_iri)
        out.add(node, DCTERMS.conformsTo, self._standard(SPARQL_PROTOCOL, "SPARQL 1.1 Protocol"))
        out.add(node, DCTERMS.license, self._licence())
        out.add(node, DCTERMS.publisher, self._publisher())
        out.add(node, DCAT.contactPoint, self._contact())
        return node

    # -- shared nodes ----------------------------------------------------------------------

    def _common(self, node: str, *, homepage: bool) -> None:
        self.out.add(node, DCTERMS.publisher, self._publisher())
        self.out.add(node, DCTERMS.language, self._typed(DANISH, DCTERMS.LinguisticSystem))
        if homepage:
            self.out.add(node, FOAF.homepage, self._document(self.s.base_url))
        self._dates(node)

    def _dates(self, node: str) -> None:
        if self.given.times is not None:
            self.out.typed(node, DCTERMS.issued, instant(self.given.times.first), XSD.dateTime)
            self.out.typed(node, DCTERMS.modified, instant(self.given.times.last), XSD.dateTime)

    def _publisher(self) -> str:
        node = self.s.node_iri("udgiver")
        self.out.add(node, RDF.type, FOAF.Agent)
        self.out.text(node, FOAF.name, self.s.publisher)
        return node

    def _contact(self) -> str:
        node = self.s.node_iri("kontakt")
        self.out.add(node, RDF.type, VCARD.Kind)
        self.out.add(node, RDF.type, VCARD.Organization)
        self.out.text(node, VCARD.fn, self.s.publisher)
        self.out.add(node, VCARD.hasEmail, f"mailto:{self.s.contact_email}")
        return node

    def _licence(self) -> str:
        self._typed(LICENCE, DCTERMS.LicenseDocument)
        self.out.text(LICENCE, RDFS.label, LICENCE_NAME, "da")
        self.out.add(LICENCE, RDFS.seeAlso, LICENCE_TEXT)
        return LICENCE

    def _theme(self) -> str:
        self._typed(THEME, SKOS.Concept)
        self.out.text(THEME, SKOS.prefLabel, "Regeringen og den offentlige sektor", "da")
        self.out.text(THEME, SKOS.prefLabel, "Government and public sector", "en")
        self.out.add(THEME, SKOS.inScheme, self._theme_scheme())
        return THEME

    def _theme_scheme(self) -> str:
        self._typed(THEMES, SKOS.ConceptScheme)
        self.out.text(THEMES, DCTERMS.title, "Data theme", "en")
        return THEMES

    def _denmark(self) -> str:
        self._typed(DENMARK, DCTERMS.Location)
        self.out.text(DENMARK, SKOS.prefLabel, "Danmark", "da")
        return DENMARK

    def _place(self, coverage: Coverage) -> str:
        node = self.s.node_iri(f"sted-{coverage.slug}")
        self._typed(node, DCTERMS.Location)
        self.out.text(node, SKOS.prefLabel, coverage.label, "da")
        if coverage.code:
            self.out.text(node, DCTERMS.identifier, coverage.code)
        self.out.add(node, RDFS.seeAlso, coverage.iri)
        return node

    def _standard(self, iri: str, label: str) -> str:
        self._typed(iri, DCTERMS.Standard)
        self.out.text(iri, RDFS.label, label)
        return iri

    def _resource(self, url: str) -> str:
        """A URL the range shapes want typed (``dcat:endpointURL`` and the like)."""
        return self._typed(url, RDFS.Resource)

    def _document(self, iri: str) -> str:
        return self._typed(iri, FOAF.Document)

    def _typed(self, iri: str, rdf_type: str) -> str:
        self.out.add(iri, RDF.type, rdf_type)
        return iri

    def _texts(self, node: str, prop: str, danish: str, english: str | None) -> None:
        self.out.text(node, prop, danish, "da")
        if english is not None:
            self.out.text(node, prop, english, "en")


def _span_da(first: dt.date | None, last: dt.date | None) -> str:
    if first is None or last is None:
        return ""
    return f" fra {first.isoformat()} til {last.isoformat()}"
