"""The store on a store server answers as the embedded one, on both engines the tests start:
an ``oxigraph serve`` (``--store http://HOST:PORT``) and a Virtuoso 7
(``--store virtuoso+http://HOST:PORT``). The five samples loaded into each give the same
statistics, the same rows for every gallery query and the same quads in every document's graph;
a load that was cut off, or killed midway, leaves no partial document; an answer the server
cut at its time limit is never taken for a whole one."""

from __future__ import annotations

import csv
import gzip
import io
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Quad, RdfFormat, parse

from bench.generate import write_corpus
from graph.backends import StoreTimeoutError
from graph.backends.virtuoso import PASSWORD_ENV, USER_ENV
from graph.location import StoreUrl
from graph.store import SOURCE_GRAPH_SUFFIX, MinutesStore
from sparql.evaluate import Job, evaluate
from sparql.execute import run_query
from sparql.gallery import examples
from tests.conftest import SAMPLES, Ran
from tests.graph.oxigraph_server import oxigraph_serve
from tests.graph.virtuoso_server import DBA, virtuoso_serve

KINDS = ["oxigraph", "virtuoso"]
LOGIN = {USER_ENV: DBA[0], PASSWORD_ENV: DBA[1]}  # Virtuoso's writes; Oxigraph asks for none

# Counting a join of every quad with every other (about 10^9 rows on the samples) takes far
# longer than the server's time limit (Oxigraph's 2 s; Virtuoso's timeout, 0.5 s here). (A
# count over three or more such joins is not stopped in time by oxigraph 0.5.13, nor is a
# streamed SELECT *, as measured here.) Virtuoso counts the plain join from its indexes at
# once, so its query compares every pair.
HEAVY = {
    "oxigraph": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }",
    "virtuoso": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(STR(?c) < STR(?f)) }",
}


def cli(cwd: Path, *args: str | Path) -> Ran:
    """``python -m referatgraf ARGS`` in ``cwd`` (a server's side index goes to ./data)."""
    done = subprocess.run(
        [sys.executable, "-m", "referatgraf", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=cwd,
        env={**os.environ, **LOGIN},
    )
    return Ran(done.returncode, done.stdout, done.stderr)


@contextmanager
def store_server(kind: str, folder: Path) -> Iterator[StoreUrl]:
    """A fresh store server of ``kind`` over ``folder``; its store URL while it runs."""
    if kind == "oxigraph":
        with oxigraph_serve(folder) as url:
            yield url
    else:
        with virtuoso_serve(folder) as http:
            yield StoreUrl(f"virtuoso+{http}")


@pytest.fixture
def login(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in LOGIN.items():
        monkeypatch.setenv(name, value)


@pytest.fixture(scope="module", params=KINDS)
def remote(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[StoreUrl, Path]]:
    """The five samples loaded with ``referatgraf load --store URL`` into a running server;
    the URL and the folder the command ran in."""
    folder = tmp_path_factory.mktemp(f"remote-{request.param}")
    with store_server(request.param, folder) as url:
        ran = cli(folder, "load", "--store", url, *SAMPLES)
        assert ran.code == 0, ran.out + ran.err
        assert "5 loaded, 0 skipped, 0 failed" in ran.out
        yield url, folder


def test_stats_are_the_embedded_stores(remote: tuple[StoreUrl, Path], samples_store: Path) -> None:
    url, folder = remote
    over_server = cli(folder, "stats", "--store", url)
    embedded = cli(folder, "stats", "--store", samples_store)
    assert over_server.code == embedded.code == 0, over_server.err + embedded.err
    assert over_server.out == embedded.out
    figures = dict(line.rsplit(None, 1) for line in over_server.out.splitlines())
    assert figures["møder"] == "5"
    assert figures["dagsordenspunkter"] == "46"
    assert figures["beslutninger"] == "43"
    assert figures["kildefiler"] == "5"
    assert (folder / "data" / f"127.0.0.1-{url.port}.index.sqlite").is_file()


def test_every_gallery_query_gives_the_same_rows(
    remote: tuple[StoreUrl, Path], samples_store: Path
) -> None:
    over_server = MinutesStore.open_read_only(remote[0])
    embedded = MinutesStore.open_read_only(samples_store)
    answered = []
    with over_server:
        for example in examples():
            # which value SAMPLE picks is the engine's own choice (SPARQL 1.1, 18.5.1.8), and
            # Virtuoso orders strings its own way (MIN differs too): from Virtuoso, the number
            # of values to pick from is compared instead (Oxigraph's server picks as embedded);
            # GROUP_CONCAT's order is the engine's too: its parts are compared as a set
            text, rows_of = example.text, _rows
            if remote[0].scheme == "virtuoso+http":
                text, rows_of = text.replace("SAMPLE(", "COUNT(DISTINCT "), _rows_any_order
            rows = rows_of(run_query(over_server, text, "csv"))
            expected = rows_of(run_query(embedded, text, "csv"))
            assert rows == expected, example.name
            if len(rows) > 1:  # a header and rows
                answered.append(example.name)
    assert len(answered) >= 10, answered  # the comparisons are not of empty answers


def _rows(answer: bytes) -> list[bytes]:
    return sorted(answer.splitlines())


def _rows_any_order(answer: bytes) -> list[tuple[str, ...]]:
    """CSV rows, each cell's comma-separated parts sorted (a GROUP_CONCAT in any order)."""
    table = csv.reader(io.StringIO(answer.decode("utf-8")))
    return sorted(tuple(", ".join(sorted(cell.split(", "))) for cell in row) for row in table)


# What names the load run (its IRI and time) differs between two loads of the same files.
RUN_PREDICATES = {
    "http://www.w3.org/ns/prov#wasGeneratedBy",
    "http://www.w3.org/ns/prov#generatedAtTime",
}


def _of_any_run(quads: Iterator[Quad]) -> set[Quad]:
    """The quads that are not the load run's name or time."""
    return {quad for quad in quads if quad.predicate.value not in RUN_PREDICATES}


def test_every_document_graph_holds_the_same_quads(
    remote: tuple[StoreUrl, Path], samples_store: Path
) -> None:
    embedded = MinutesStore.open_read_only(samples_store)
    with MinutesStore.open_read_only(remote[0]) as over_server:
        documents = embedded.documents()
        assert len(documents) == 5
        assert over_server.documents() == documents
        graphs = [g for g in embedded.named_graphs() if "/indlaesning/" not in g]  # not runs
        served = sorted(g for g in over_server.named_graphs() if "/indlaesning/" not in g)
        assert served == sorted(graphs)
        for graph in graphs:
            node = NamedNode(graph)
            served_quads = _of_any_run(over_server.quads(node))
            assert served_quads == _of_any_run(embedded.quads(node)), graph
        assert len(over_server) == len(embedded)


def test_dump_validate_report_and_query_answer_as_on_the_embedded_store(
    remote: tuple[StoreUrl, Path], samples_store: Path, tmp_path: Path
) -> None:
    url, folder = remote
    for command in (["validate"], ["report"], ["query", "--format", "csv", MEETINGS]):
        over_server = cli(folder, *command, "--store", url)
        embedded = cli(folder, *command, "--store", samples_store)
        assert over_server.code == embedded.code == 0, over_server.err + embedded.err
        assert over_server.out == embedded.out, command
    assert "Conforms: True" in cli(folder, "validate", "--store", url).out
    dumped = {}
    for name, store in (("server", url), ("embedded", samples_store)):
        ran = cli(folder, "dump", "--store", store, "--out", tmp_path / name)
        assert ran.code == 0, ran.err
        with gzip.open(tmp_path / name / "referatgraf.nq.gz") as nquads:
            quads = parse(nquads.read(), format=RdfFormat.N_QUADS)
            dumped[name] = {q for q in quads if "/indlaesning/" not in str(q.graph_name)}
    assert len(dumped["server"]) > 10_000
    assert _of_any_run(iter(dumped["server"])) == _of_any_run(iter(dumped["embedded"]))


MEETINGS = (
    "PREFIX rg: <https://w3id.org/referatgraf/def#> SELECT ?m ?date WHERE "
    "{ ?m a rg:Meeting ; rg:date ?date } ORDER BY ?date"
)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.usefixtures("login")
def test_a_partial_document_left_on_the_server_is_removed_on_the_next_open(
    kind: str, tmp_path: Path
) -> None:
    with store_server(kind, tmp_path) as url:
        graph = "https://w3id.org/referatgraf/dokument/cut-off" + SOURCE_GRAPH_SUFFIX
        triple = f'<{graph}> <http://www.w3.org/2000/01/rdf-schema#label> "halv" .\n'
        _write_graph(url, graph, triple)
        store, removed = MinutesStore.open(url)
        with store:
            assert removed == [graph]
            assert store.named_graphs() == []
        again, removed_again = MinutesStore.open(url)
        again.close()
        assert removed_again == []


def _write_graph(url: StoreUrl, graph: str, ntriples: str) -> None:
    """Write a graph behind the store's back, as a cut-off load might have left it."""
    if url.scheme == "http":
        request = urllib.request.Request(
            f"{url}/store?graph={graph}",
            data=ntriples.encode(),
            method="PUT",
            headers={"Content-Type": "application/n-triples"},
        )
        opener = urllib.request.build_opener()
    else:
        http = url.removeprefix("virtuoso+")
        request = urllib.request.Request(
            f"{http}/sparql-graph-crud-auth?graph-uri={graph}",
            data=ntriples.encode(),
            method="POST",
            headers={"Content-Type": "application/n-triples"},
        )
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        passwords.add_password(None, http, *DBA)
        opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords))
    with opener.open(request, timeout=30) as answer:
        assert answer.status in (200, 201, 204)


@pytest.mark.parametrize("kind", KINDS)
def test_a_second_load_skips_every_file_and_replaces_nothing(kind: str, tmp_path: Path) -> None:
    with store_server(kind, tmp_path) as url:
        first = cli(tmp_path, "load", "--no-index", "--store", url, *SAMPLES[:2])
        assert first.code == 0, first.out + first.err
        with MinutesStore.open_read_only(url) as store:
            before = {g: set(store.quads(NamedNode(g))) for g in store.documents()}
            again = cli(tmp_path, "load", "--no-index", "--store", url, *SAMPLES[:2])
            assert again.code == 0, again.out + again.err
            assert "0 loaded, 2 skipped, 0 failed" in again.out
            assert {g: set(store.quads(NamedNode(g))) for g in store.documents()} == before


def test_an_answer_cut_at_the_servers_time_limit_is_never_whole(
    remote: tuple[StoreUrl, Path],
) -> None:
    url = remote[0]
    heavy = HEAVY["oxigraph" if url.scheme == "http" else "virtuoso"]
    with MinutesStore.open_read_only(url, query_timeout=0.5) as store:
        with pytest.raises(StoreTimeoutError, match="time limit"):
            store.query(heavy)
        outcome, body = evaluate(store, Job(heavy, "SELECT"))
    assert (outcome.status, body) == (422, b"")
    assert "ran out of time" in outcome.message


CORPUS = 200  # synthetic minutes: enough that a load is still running when it is killed


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """200 synthetic minutes, and the embedded store they load into (the reference)."""
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(CORPUS, folder / "minutes")
    ran = cli(folder, "load", "--no-index", "--store", folder / "store", folder / "minutes")
    assert ran.code == 0, ran.out + ran.err
    return folder / "minutes", folder / "store"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.usefixtures("login")
def test_a_load_killed_midway_leaves_only_whole_documents(
    kind: str, corpus: tuple[Path, Path], tmp_path: Path
) -> None:
    minutes, reference = corpus
    with store_server(kind, tmp_path) as url:
        command = ["load", "--no-index", "--batch-size", "1", "--workers", "1", "--store", url]
        load = subprocess.Popen(
            [sys.executable, "-m", "referatgraf", *command, str(minutes)],
            cwd=tmp_path,
            env={**os.environ, **LOGIN},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        with MinutesStore.open_read_only(url) as store:
            deadline = time.monotonic() + 120
            while len(store.documents()) < 5 and time.monotonic() < deadline:
                time.sleep(0.05)
            load.send_signal(signal.SIGKILL)
            load.wait(timeout=30)
            whole = _settled(store)
            assert 5 <= len(whole) < CORPUS  # killed midway
            sources = {g for g in store.named_graphs() if g.endswith(SOURCE_GRAPH_SUFFIX)}
            assert sources == set(whole)  # no document without its commit record
            with MinutesStore.open_read_only(reference) as embedded:
                assert {g: embedded.documents()[g] for g in whole} == whole
                for graph in whole:
                    node = NamedNode(graph)
                    assert _of_any_run(store.quads(node)) == _of_any_run(embedded.quads(node))
        store, removed = MinutesStore.open(url)  # nothing partial to remove
        store.close()
        assert removed == []
        again = cli(tmp_path, "load", "--no-index", "--store", url, minutes)
        assert again.code == 0, again.out + again.err
        assert f"{CORPUS - len(whole)} loaded, {len(whole)} skipped, 0 failed" in again.out


def _settled(store: MinutesStore) -> dict[str, str]:
    """The store's documents once a write the killed load had sent whole, which the server
    may still be applying, has landed: the same in two reads half a second apart."""
    before, deadline = store.documents(), time.monotonic() + 15
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = store.documents()
        if now == before:
            return now
        before = now
    return before


def test_a_store_url_of_another_kind_is_a_usage_error(tmp_path: Path) -> None:
    ran = cli(tmp_path, "stats", "--store", "ftp://127.0.0.1:21")
    assert ran.code == 2
    assert "not a store this version can use: 'ftp://127.0.0.1:21'" in ran.err


def test_a_server_that_is_not_there_is_said_so(tmp_path: Path) -> None:
    from tests.graph.oxigraph_server import free_port  # noqa: PLC0415

    url = f"http://127.0.0.1:{free_port()}"
    ran = cli(tmp_path, "stats", "--store", url)
    assert ran.code == 2
    assert f"error: cannot reach the store at {url}" in ran.err
