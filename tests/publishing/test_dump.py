"""publishing/dump.py: the dump of the five samples, its round trips and its determinism."""

from __future__ import annotations

import gzip
import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    RdfFormat,
    Store,
    Triple,
    parse,
)

from graph.ingest import LoadOptions, load_files
from graph.store import MinutesStore
from graph.uris import Minter
from publishing.dump import (
    DATASET_JSONLD,
    DATASET_NQ,
    DATASET_TTL,
    SUMS_FILE,
    dump,
    report_lines,
)
from publishing.publication import PublishSettings

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "referatgraf" / "samples").glob("*.txt"))
BASE = "https://w3id.org/referatgraf/"
SETTINGS = PublishSettings("https://data.example.dk/", "Testudgiver", "data@example.dk")


@pytest.fixture(scope="module")
def store() -> MinutesStore:
    minutes, _ = MinutesStore.open(None)
    report = load_files(minutes, SAMPLES, LoadOptions(Minter(BASE), workers=1))
    assert report.count("loaded") == len(SAMPLES)
    return minutes


@pytest.fixture(scope="module")
def folder(store: MinutesStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dump")
    dump(store, out, base=BASE, settings=SETTINGS)
    return out


def quads_of(path: Path, rdf_format: RdfFormat) -> Iterator[Quad]:
    """Quads as the file states them (``parse`` keeps blank node labels; ``Store.load``
    renames them)."""
    for found in parse(gzip.decompress(path.read_bytes()), format=rdf_format):
        assert isinstance(found, Quad)
        yield found


def test_loading_the_nquads_dump_into_a_fresh_store_gives_the_same_quads(
    store: MinutesStore, folder: Path
) -> None:
    fresh = Store()
    fresh.extend(quads_of(folder / DATASET_NQ, RdfFormat.N_QUADS))
    assert len(fresh) == len(store)
    assert set(fresh) == set(store.quads())


def test_the_jsonld_dump_holds_the_same_quads_with_their_graphs(
    store: MinutesStore, folder: Path
) -> None:
    assert set(quads_of(folder / DATASET_JSONLD, RdfFormat.JSON_LD)) == set(store.quads())


def test_the_turtle_dump_is_the_union_of_all_graphs(store: MinutesStore, folder: Path) -> None:
    union = {q.triple for q in store.quads()}
    assert {q.triple for q in quads_of(folder / DATASET_TTL, RdfFormat.TURTLE)} == union


def test_two_dumps_of_one_store_are_byte_identical(
    store: MinutesStore, folder: Path, tmp_path: Path
) -> None:
    again = dump(store, tmp_path, base=BASE, settings=SETTINGS)
    assert sorted(f.name for f in again.files) == sorted(_files(folder))
    for written in again.files:
        assert (tmp_path / written.name).read_bytes() == (folder / written.name).read_bytes()


def test_the_order_does_not_depend_on_how_the_store_was_filled(
    store: MinutesStore, folder: Path, tmp_path: Path
) -> None:
    """An in-memory store iterates in insertion order; the dump sorts, so a copy filled in
    another order dumps the same bytes."""
    quads = list(store.quads())
    random.Random(7).shuffle(quads)
    shuffled = Store()
    shuffled.extend(quads)
    dump(MinutesStore(shuffled, None), tmp_path, base=BASE, settings=SETTINGS)
    assert (tmp_path / SUMS_FILE).read_bytes() == (folder / SUMS_FILE).read_bytes()


def test_a_small_memory_budget_spills_sorted_runs_and_gives_the_same_files(
    store: MinutesStore, folder: Path, tmp_path: Path
) -> None:
    dump(store, tmp_path, base=BASE, settings=SETTINGS, budget=64 << 10)
    assert (tmp_path / SUMS_FILE).read_bytes() == (folder / SUMS_FILE).read_bytes()
    assert not (tmp_path / ".staging").exists()


def test_sha256sums_lists_every_file_with_its_checksum(folder: Path) -> None:
    listed = {}
    for line in (folder / SUMS_FILE).read_text().splitlines():
        sha, name = line.split("  ")
        listed[name] = sha
    assert set(listed) == set(_files(folder)) - {SUMS_FILE}
    for name, sha in listed.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == sha


def test_gzip_headers_hold_no_time_and_no_file_name(folder: Path) -> None:
    for name in _files(folder):
        if name.endswith(".gz"):
            header = (folder / name).read_bytes()[:10]
            assert header[:3] == b"\x1f\x8b\x08"
            assert header[3] == 0  # no FNAME, FEXTRA, FCOMMENT
            assert header[4:8] == b"\0\0\0\0"  # mtime 0


def test_each_municipality_gets_its_documents_and_what_is_said_about_it(
    store: MinutesStore, folder: Path
) -> None:
    lejre = BASE + "kommune/lejre"
    subset = set(quads_of(folder / "kommuner/lejre.nq.gz", RdfFormat.N_QUADS))
    documents = {g for g in store.named_graphs() if g.startswith(lejre + "/")}
    assert len(documents) == 2
    for graph in documents:
        assert set(store.quads(NamedNode(graph))) <= subset
    reference = NamedNode(BASE + "graf/reference")
    assert set(store.quads(reference)) <= subset
    for quad in subset:
        graph, subject = quad.graph_name, quad.subject
        assert isinstance(graph, NamedNode)
        assert isinstance(subject, NamedNode)
        mine = subject.value == lejre or subject.value.startswith(lejre + "/")
        assert graph.value in documents or graph == reference or mine
    assert any(q.subject == NamedNode(lejre) for q in subset)  # from graf/kommuner
    assert (folder / "kommuner/holstebro.nq.gz").is_file()


def test_void_counts_the_union_graph(store: MinutesStore, folder: Path) -> None:
    void = "http://rdfs.org/ns/void#"
    triples = list(parse(path=folder / "void.ttl", format=RdfFormat.TURTLE))
    dataset = NamedNode(SETTINGS.dataset_iri)

    facts = {(t.subject, t.predicate.value): t.object for t in triples}
    union = {q.triple for q in store.quads()}
    assert facts[(dataset, void + "triples")] == Literal(str(len(union)), datatype=_INTEGER)
    subjects = len({t.subject for t in union})
    assert facts[(dataset, void + "distinctSubjects")] == Literal(str(subjects), datatype=_INTEGER)
    assert facts[(dataset, void + "sparqlEndpoint")] == NamedNode(SETTINGS.sparql_endpoint)
    assert facts[(dataset, void + "uriSpace")] == Literal(BASE)
    dumps = {t.object for t in triples if t.predicate.value == void + "dataDump"}
    assert NamedNode(SETTINGS.download_url(DATASET_NQ)) in dumps
    meetings = next(
        t.subject
        for t in triples
        if t.predicate.value == void + "class" and t.object.value.endswith("#Meeting")
    )
    assert facts[(meetings, void + "entities")] == Literal("5", datatype=_INTEGER)
    partitions = [t for t in triples if t.predicate.value == void + "classPartition"]
    assert len(partitions) == len({t.object for t in union if t.predicate == _TYPE})


def test_a_default_graph_and_blank_nodes_survive_the_round_trip(tmp_path: Path) -> None:
    raw = Store()
    thing, label = NamedNode("https://example.org/x"), NamedNode("https://example.org/label")
    raw.add(Quad(thing, label, Literal('a "quoted"\nline', language="da"), DefaultGraph()))
    raw.add(Quad(BlankNode("b1"), label, Literal("3", datatype=_INTEGER), NamedNode(BASE + "g")))
    raw.add(Quad(thing, label, BlankNode("b1"), BlankNode("g2")))
    minutes = MinutesStore(raw, None)
    report = dump(minutes, tmp_path, base=BASE, settings=SETTINGS)
    assert report.quads == 3
    assert set(quads_of(tmp_path / DATASET_NQ, RdfFormat.N_QUADS)) == set(raw)
    assert set(quads_of(tmp_path / DATASET_JSONLD, RdfFormat.JSON_LD)) == set(raw)
    turtle = {q.triple for q in quads_of(tmp_path / DATASET_TTL, RdfFormat.TURTLE)}
    assert turtle == {Triple(q.subject, q.predicate, q.object) for q in raw}


def test_files_of_an_earlier_dump_that_are_gone_are_removed(
    store: MinutesStore, tmp_path: Path
) -> None:
    dump(store, tmp_path, base=BASE, settings=SETTINGS)
    (tmp_path / "kommuner/gammel.nq.gz").write_bytes(b"old")
    (tmp_path / "mine.txt").write_text("not the dump's")
    sums = tmp_path / SUMS_FILE
    sums.write_text(sums.read_text() + "00  kommuner/gammel.nq.gz\n")
    dump(store, tmp_path, base=BASE, settings=SETTINGS)
    assert not (tmp_path / "kommuner/gammel.nq.gz").exists()
    assert (tmp_path / "mine.txt").exists()


def test_the_report_names_what_a_real_deployment_must_set(
    store: MinutesStore, tmp_path: Path
) -> None:
    report = dump(store, tmp_path, base=BASE)
    assert any("REFERATGRAF_CONTACT_EMAIL" in w for w in report.warnings)
    assert not dump(store, tmp_path, base=BASE, settings=SETTINGS).warnings


_INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _files(folder: Path) -> list[str]:
    return [
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    ]


def test_the_report_has_a_line_per_file_and_the_warnings(
    store: MinutesStore, tmp_path: Path
) -> None:
    report = dump(store, tmp_path, base=BASE)
    lines = report_lines(report)
    assert len(lines) == len(report.files) + 1 + len(report.warnings)
    assert lines[0].startswith("wrote      README.md  (")
    assert lines[-1].startswith("warning: ")
