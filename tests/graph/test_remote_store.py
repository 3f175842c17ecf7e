"""The store on an Oxigraph server (``--store http://HOST:PORT``) answers as the embedded one:
the five samples loaded into an ``oxigraph serve`` the tests start give the same statistics,
the same rows for every gallery query and the same quads in every document's graph; a load
that was cut off leaves no partial document; an answer the server cut at its time limit is
never taken for a whole one."""

from __future__ import annotations

import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Quad

from graph.backends import StoreTimeoutError
from graph.location import StoreUrl
from graph.store import SOURCE_GRAPH_SUFFIX, MinutesStore
from sparql.evaluate import Job, evaluate
from sparql.execute import run_query
from sparql.gallery import examples
from tests.conftest import SAMPLES, Ran
from tests.graph.oxigraph_server import oxigraph_serve

# Counting a join of every quad with every other (about 10^9 rows on the samples) takes far
# longer than the server's 2 s; Oxigraph stops it there. (A count over three or more such joins
# is not stopped in time by oxigraph 0.5.13, nor is a streamed SELECT *, as measured here.)
HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"


def cli(cwd: Path, *args: str | Path) -> Ran:
    """``python -m referatgraf ARGS`` in ``cwd`` (a server's side index goes to ./data)."""
    done = subprocess.run(
        [sys.executable, "-m", "referatgraf", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=cwd,
    )
    return Ran(done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[StoreUrl, Path]]:
    """The five samples loaded with ``referatgraf load --store URL`` into a running server;
    the URL and the folder the command ran in."""
    folder = tmp_path_factory.mktemp("remote")
    with oxigraph_serve(folder) as url:
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
            rows = sorted(run_query(over_server, example.text, "csv").splitlines())
            expected = sorted(run_query(embedded, example.text, "csv").splitlines())
            assert rows == expected, example.name
            if len(rows) > 1:  # a header and rows
                answered.append(example.name)
    assert len(answered) >= 10, answered  # the comparisons are not of empty answers


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


def test_a_partial_document_left_on_the_server_is_removed_on_the_next_open(
    tmp_path: Path,
) -> None:
    with oxigraph_serve(tmp_path) as url:
        graph = "https://w3id.org/referatgraf/dokument/cut-off" + SOURCE_GRAPH_SUFFIX
        triple = f'<{graph}> <http://www.w3.org/2000/01/rdf-schema#label> "halv" .\n'
        request = urllib.request.Request(
            f"{url}/store?graph={graph}",
            data=triple.encode(),
            method="PUT",
            headers={"Content-Type": "application/n-triples"},
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            assert answer.status in (200, 201, 204)
        store, removed = MinutesStore.open(url)
        with store:
            assert removed == [graph]
            assert store.named_graphs() == []
        again, removed_again = MinutesStore.open(url)
        again.close()
        assert removed_again == []


def test_a_second_load_skips_every_file_and_replaces_nothing(tmp_path: Path) -> None:
    with oxigraph_serve(tmp_path) as url:
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
    with MinutesStore.open_read_only(remote[0]) as store:
        with pytest.raises(StoreTimeoutError, match="time limit"):
            store.query(HEAVY)
        outcome, body = evaluate(store, Job(HEAVY, "SELECT"))
    assert (outcome.status, body) == (422, b"")
    assert "ran out of time" in outcome.message


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
