"""The pure parts of bench.remote and bench.remote_serve: the reference's request bodies, the
sums and ratios of wrk runs, and the load report, without starting any server."""

from __future__ import annotations

import datetime as dt
import doctest

import pytest
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, parse, serialize

import bench.remote
import bench.remote_serve
from bench.measure import Measurement
from bench.remote import (
    Benchmark,
    Load,
    StoreRound,
    atomic_bodies,
    graph_chunks,
    reference_bodies,
    section,
)
from bench.remote_serve import paired_ratio, summed
from bench.wrk import Run

EX = "http://example.org/"


def quads(graph: str, count: int) -> list[Quad]:
    return [
        Quad(NamedNode(f"{EX}s{i}"), NamedNode(f"{EX}p"), Literal(str(i)), NamedNode(EX + graph))
        for i in range(count)
    ]


@pytest.mark.parametrize("module", [bench.remote, bench.remote_serve])
def test_doctests(module: object) -> None:
    failed, tried = doctest.testmod(module)  # type: ignore[arg-type]
    assert (failed, tried > 0) == (0, True)


def test_graph_chunks_split_each_graph_alone() -> None:
    chunks = graph_chunks([*quads("a", 5), *quads("b", 2)], 2)
    assert [(graph, len(triples)) for graph, triples in chunks] == [
        (EX + "a", 2),
        (EX + "a", 2),
        (EX + "a", 1),
        (EX + "b", 2),
    ]


def test_graph_chunks_refuse_the_default_graph() -> None:
    stray = Quad(NamedNode(EX + "s"), NamedNode(EX + "p"), Literal("x"), DefaultGraph())
    with pytest.raises(ValueError, match="default graph"):
        graph_chunks([stray], 10)


def test_reference_bodies_carry_every_quad() -> None:
    dataset = [*quads("a", 5), *quads("b", 3)]
    dump = serialize(dataset, format=RdfFormat.N_QUADS) or b""
    oxigraph = reference_bodies("oxigraph", dump, 3)
    assert list(oxigraph) == ["POST /store, one request", "POST /store, 3 quads a request"]
    assert oxigraph["POST /store, one request"] == [(None, dump)]
    chunked = oxigraph["POST /store, 3 quads a request"]
    assert [len(body.splitlines()) for _, body in chunked] == [3, 3, 2]
    assert b"".join(body for _, body in chunked) == dump
    (name, bodies), *_ = reference_bodies("virtuoso", dump, 3).items()
    assert name == "Graph Store POST per graph, up to 3 triples a request"
    assert [params for params, _ in bodies] == [{"graph-uri": EX + g} for g in "aab"]
    sent = {
        Quad(t.subject, t.predicate, t.object, NamedNode(params["graph-uri"]))
        for params, body in bodies
        if params
        for t in parse(body, format=RdfFormat.N_TRIPLES)
    }
    assert sent == set(dataset)


def test_atomic_bodies_group_each_graphs_chunks_for_one_move() -> None:
    dataset = [*quads("a", 5), *quads("b", 3)]
    dump = serialize(dataset, format=RdfFormat.N_QUADS) or b""
    assert atomic_bodies("oxigraph", dump, 3) == {}  # its POST /store is atomic already
    (name, graphs), *_ = atomic_bodies("virtuoso", dump, 3).items()
    assert name == "Graph Store POST into a staging graph, then MOVE (atomic)"
    assert [(graph, len(chunks)) for graph, chunks in graphs] == [(EX + "a", 2), (EX + "b", 1)]
    sent = {
        Quad(t.subject, t.predicate, t.object, NamedNode(graph))
        for graph, chunks in graphs
        for body in chunks
        for t in parse(body, format=RdfFormat.N_TRIPLES)
    }
    assert sent == set(dataset)


def test_summed_runs_and_paired_ratio() -> None:
    two = [summed([Run(60.0, 2.0, 9.0, 0), Run(40.0, 3.0, 7.0, 2)]), Run(150.0, 1.0, 5.0, 0)]
    assert two[0] == Run(100.0, 3.0, 9.0, 2)
    assert paired_ratio(two, [Run(50.0, 1.0, 1.0, 0), Run(100.0, 1.0, 1.0, 0)]) == 1.75


def fake_load(seconds: float) -> Load:
    return Load(Measurement(("x",), 0, seconds, seconds, 1, 1, 1), seconds - 1, 1000)


def test_load_section_gives_the_fastest_path_ratio() -> None:
    rounds = []
    for embedded, ours, one, chunked in ((4.0, 6.0, 3.0, 2.0), (5.0, 9.0, 3.0, 4.0)):
        results = {"embedded": StoreRound(fake_load(embedded))}
        for kind in ("oxigraph", "virtuoso"):
            result = StoreRound(fake_load(ours), {"one": one, "chunks": chunked}, 1000)
            if kind == "virtuoso":
                result.atomic["staged"] = 2 * chunked
            results[kind] = result
        rounds.append(results)
    machine = {"nproc": "2", "RAM": "1 GiB", "CPU": "cpu", "OS": "os", "load average": "1"}
    machine |= {"Python": "3", "pyoxigraph": "0.5", "referatgraf": "0.1"}
    text = section(
        Benchmark(
            ["--n", "3"],
            3,
            10,
            "3 files",
            1000,
            10,
            machine,
            "v",
            dt.datetime.now(dt.UTC),
            "",
            rounds,
        )
    )
    # rounds' ratios over the fastest path: 6 / 2 = 3 and 9 / 3 = 3
    assert "| oxigraph | | | fastest path of each round | | | **3.00x** | |" in text
    # load / embedded: 6 / 4 and 9 / 5, median 1.65; quads/s over the median wall time, 7.5 s
    assert "| oxigraph | 7.50 (6.50) | 133 | one | 3.00 | 333 | 2.50x | 1.65x |" in text
    assert (
        "| 2 | virtuoso | 9.00 (8.00) | 9.0 | 1,000 | 3.00, 4.00 (atomic 8.00) | 1,000 | 3.00x |"
        in text
    )
    # the atomic path is shown beside the reference, never taken for it: 4 and 8 s, 4 / 2 and
    # 8 / 3 of the rounds' fastest paths (median 2.33x), the load 6 / 4 and 9 / 8 of it (1.31x)
    assert "| virtuoso | | | staged: 2.33x the reference | 6.00 | 167 | 1.31x | |" in text
    assert "staged" not in text.split("| oxigraph | | | fastest path")[0]
