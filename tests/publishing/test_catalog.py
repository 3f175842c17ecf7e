"""publishing/catalog.py: the DCAT-AP 3.0.1 catalog of the dump, checked with pySHACL
against the official shapes (tests/data/dcat-ap/, see its README)."""

from __future__ import annotations

import datetime as dt
import hashlib
import warnings
from pathlib import Path

import pyshacl
import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from graph.ingest import LoadOptions, load_files
from graph.store import MinutesStore
from graph.uris import Minter
from publishing.dump import dump
from publishing.publication import LICENCE, PublishSettings

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "referatgraf" / "samples").glob("*.txt"))
SHAPES = ROOT / "tests" / "data" / "dcat-ap"
SHAPE_FILES = {
    "dcat-ap-3.0.1-SHACL.ttl": "990d3e42721de6a4be8cc338a7171559f195e62dea89c0b56531356b78cc026f",
    "dcat-ap-3.0.1-ranges.ttl": "a6eed0fae8d0f5ca977fe2098ca12081ac60b0efe1ddce802d5c08e49505ebcc",
}
BASE = "https://w3id.org/referatgraf/"
SETTINGS = PublishSettings("https://data.example.dk/", "Testudgiver", "data@example.dk")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCT = Namespace("http://purl.org/dc/terms/")
SPDX = Namespace("http://spdx.org/rdf/terms#")
SH = Namespace("http://www.w3.org/ns/shacl#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")


def read(path: Path, rdf_format: str) -> Graph:
    with warnings.catch_warnings():  # rdflib's JSON-LD parser uses its own deprecated classes
        warnings.simplefilter("ignore", DeprecationWarning)
        return Graph().parse(path, format=rdf_format)


@pytest.fixture(scope="module")
def store() -> MinutesStore:
    minutes, _ = MinutesStore.open(None)
    load_files(minutes, SAMPLES, LoadOptions(Minter(BASE), workers=1))
    return minutes


@pytest.fixture(scope="module")
def folder(store: MinutesStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dump")
    dump(store, out, base=BASE, settings=SETTINGS)
    return out


@pytest.fixture(scope="module")
def catalog(folder: Path) -> Graph:
    return Graph().parse(folder / "catalog.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    """Both official files in one shapes graph, without the five property shapes they name
    but describe nowhere (pySHACL refuses a property shape without a path)."""
    graph = Graph()
    for name, sha in SHAPE_FILES.items():
        data = (SHAPES / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == sha, f"{name} is not the copied file"
        graph.parse(data=data, format="turtle")
    dangling = [
        (shape, prop)
        for shape, prop in graph.subject_objects(SH.property)
        if graph.value(prop, SH.path) is None
    ]
    assert len(dangling) == 5
    assert not any((prop, None, None) in graph for _, prop in dangling)
    for shape, prop in dangling:
        graph.remove((shape, SH.property, prop))
    return graph


@pytest.mark.parametrize(
    ("name", "rdf_format"), [("catalog.ttl", "turtle"), ("catalog.jsonld", "json-ld")]
)
def test_the_catalog_conforms_to_dcat_ap_with_no_violations_or_warnings(
    folder: Path, shapes: Graph, name: str, rdf_format: str
) -> None:
    data = read(folder / name, rdf_format)
    conforms, report, text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", allow_warnings=False
    )
    results = list(report.subjects(RDF.type, SH.ValidationResult))
    assert conforms, text
    assert results == []


def test_turtle_and_json_ld_say_the_same(folder: Path, catalog: Graph) -> None:
    assert isomorphic(catalog, read(folder / "catalog.jsonld", "json-ld"))


def test_every_file_is_a_distribution_with_its_size_and_checksum(
    folder: Path, catalog: Graph
) -> None:
    described = set()
    for distribution in catalog.subjects(RDF.type, DCAT.Distribution):
        url = catalog.value(distribution, DCAT.downloadURL)
        if url is None:
            assert catalog.value(distribution, DCAT.accessService) is not None
            continue
        name = str(url).removeprefix(SETTINGS.download_url(""))
        data = (folder / name).read_bytes()
        size = catalog.value(distribution, DCAT.byteSize)
        assert size == Literal(str(len(data)), datatype=XSD.nonNegativeInteger)
        checksum = catalog.value(distribution, SPDX.checksum)
        assert catalog.value(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        value = catalog.value(checksum, SPDX.checksumValue)
        assert value == Literal(hashlib.sha256(data).hexdigest(), datatype=XSD.hexBinary)
        assert catalog.value(distribution, DCT.license) == URIRef(LICENCE)
        assert catalog.value(distribution, DCAT.mediaType) is not None
        described.add(name)
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert on_disk - described == {"catalog.ttl", "catalog.jsonld", "SHA256SUMS"}


def test_compressed_files_say_so(catalog: Graph) -> None:
    gzip = URIRef("http://www.iana.org/assignments/media-types/application/gzip")
    nquads = URIRef(SETTINGS.node_iri("fil-referatgraf.nq.gz"))
    assert catalog.value(nquads, DCAT.compressFormat) == gzip
    assert (gzip, RDF.type, DCT.MediaType) in catalog
    media = URIRef("https://www.iana.org/assignments/media-types/application/n-quads")
    assert catalog.value(nquads, DCAT.mediaType) == media
    assert (media, RDF.type, DCT.MediaType) in catalog


def test_publisher_contact_and_licence_come_from_the_settings(catalog: Graph) -> None:
    root = URIRef(SETTINGS.catalog_url)
    publisher = catalog.value(root, DCT.publisher)
    assert (publisher, RDF.type, FOAF.Agent) in catalog
    assert catalog.value(publisher, FOAF.name) == Literal("Testudgiver")
    dataset = URIRef(SETTINGS.dataset_iri)
    contact = catalog.value(dataset, DCAT.contactPoint)
    assert (contact, RDF.type, VCARD.Kind) in catalog
    assert catalog.value(contact, VCARD.hasEmail) == URIRef("mailto:data@example.dk")
    assert catalog.value(root, DCT.license) == URIRef(LICENCE)
    assert (URIRef(LICENCE), RDF.type, DCT.LicenseDocument) in catalog
    service = catalog.value(root, DCAT.service)
    assert catalog.value(service, DCAT.endpointURL) == URIRef("https://data.example.dk/sparql")


def test_coverage_is_the_municipalities_and_the_meeting_dates(catalog: Graph) -> None:
    dataset = URIRef(SETTINGS.dataset_iri)
    places = {catalog.value(p, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))
              for p in catalog.objects(dataset, DCT.spatial)}  # fmt: skip
    assert {str(p) for p in places} == {
        "Danmark",
        "Holstebro Kommune",
        "Lejre Kommune",
        "Lemvig Kommune",
        "Ringkøbing-Skjern Kommune",
    }
    period = catalog.value(dataset, DCT.temporal)
    assert catalog.value(period, DCAT.startDate) == Literal("2019-10-23", datatype=XSD.date)
    assert catalog.value(period, DCAT.endDate) == Literal("2022-08-18", datatype=XSD.date)
    lejre = URIRef(SETTINGS.subset_iri("lejre"))
    assert (lejre, RDF.type, DCAT.Dataset) in catalog
    lejre_period = catalog.value(lejre, DCT.temporal)
    assert catalog.value(lejre_period, DCAT.startDate) == Literal("2020-01-08", datatype=XSD.date)


def test_dates_are_the_load_runs_not_the_clock(store: MinutesStore, catalog: Graph) -> None:
    ended = [
        q.object.value
        for q in store.quads()
        if q.predicate.value == "http://www.w3.org/ns/prov#endedAtTime"
    ]
    modified = catalog.value(URIRef(SETTINGS.dataset_iri), DCT.modified)
    assert modified is not None
    latest = dt.datetime.fromisoformat(max(ended).replace("Z", "+00:00"))
    assert isinstance(modified, Literal)
    assert modified.toPython() == latest
