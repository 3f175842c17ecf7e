"""Loading into a store server against that server's own bulk HTTP path:
``python -m bench.remote [--n N] [--rounds R] [--seed S] [--chunk Q] [--no-docs]``.

1. Generate N synthetic minutes (``bench.generate``), load them once into an embedded store
   with ``referatgraf load --no-index`` and dump that as N-Quads (``MinutesStore.dump_dataset``):
   the quads every load below writes.
2. Each round, for each store server (``oxigraph serve``; a private Virtuoso 7, ``virtuoso-t``),
   on fresh servers started as the tests start theirs (``tests/graph/*_server.py``):
   ``referatgraf load --no-index --store URL corpus/`` measured as a whole process
   (``bench.measure``), against the same quads sent by the server's own bulk path: for Oxigraph
   ``POST /store`` of ``application/n-quads``, as one request and in chunks of ``--chunk`` lines
   (the faster of the two is the reference); for Virtuoso, Graph Store ``POST``s per graph to
   ``/sparql-graph-crud-auth?graph-uri=G`` in chunks of ``--chunk`` triples (Digest login). The
   reference bodies are made before the clock starts, so it times the server alone. For
   Virtuoso, whose Graph Store writes are not atomic, the same bodies are also sent the way a
   load must send them, each graph posted into a staging graph and moved into place by one
   SPARQL ``MOVE``: shown beside the reference as the cost of atomicity, never taken for it.
   The embedded load of the same corpus runs in every round too, for comparison.
3. Medians over the rounds; each ratio is the median of the rounds' own ratios (a round pairs a
   load and its reference under the same background load). The Markdown section is printed and
   appended to ``docs/benchmarks.md`` unless ``--no-docs``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote_plus, urlsplit

from pyoxigraph import DefaultGraph, Quad, RdfFormat, Triple, parse, serialize

from bench import machine, report
from bench.generate import describe as describe_corpus
from bench.generate import write_corpus
from bench.measure import Measurement, measure
from bench.run import REFERATGRAF, parse_load_output, progress, workspace
from graph.backends.digest import Digest
from graph.backends.http import HttpStore
from graph.location import StoreUrl
from graph.store import MinutesStore
from tests.graph.oxigraph_server import OXIGRAPH, oxigraph_serve
from tests.graph.virtuoso_server import DBA, VIRTUOSO, virtuoso_serve

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
STORES = ("oxigraph", "virtuoso")
SERVER_TIMEOUT_S = 600  # the servers' own query time limit: no benchmark query comes near it
N_TRIPLES = "application/n-triples"
FORM = "application/x-www-form-urlencoded"
LOGIN_ENV = {"REFERATGRAF_STORE_USER": DBA[0], "REFERATGRAF_STORE_PASSWORD": DBA[1]}
Body = tuple[dict[str, str] | None, bytes]  # query parameters and the body of one POST


@contextmanager
def store_server(kind: str, folder: Path, timeout_s: int = SERVER_TIMEOUT_S) -> Iterator[StoreUrl]:
    """A new, empty store server of KIND ("oxigraph" or "virtuoso") over FOLDER, which stops a
    query after TIMEOUT_S seconds; its ``--store`` URL while it runs."""
    folder.mkdir(parents=True, exist_ok=True)
    if kind == "oxigraph":
        with oxigraph_serve(folder, timeout_s=timeout_s) as url:
            yield url
    else:
        with virtuoso_serve(folder, timeout_s=timeout_s) as url:
            yield StoreUrl("virtuoso+" + url)


def http_base(url: StoreUrl) -> str:
    """The server's own ``http://`` address, for a ``--store`` URL.

    >>> http_base(StoreUrl("virtuoso+http://127.0.0.1:8890"))
    'http://127.0.0.1:8890'
    """
    return str(url).removeprefix("virtuoso+")


def line_chunks(data: bytes, lines: int) -> list[bytes]:
    """N-Quads (one statement a line) cut into bodies of at most LINES whole lines.

    >>> line_chunks(b"a\\nb\\nc\\n", 2)
    [b'a\\nb\\n', b'c\\n']
    """
    rows = data.splitlines(keepends=True)
    return [b"".join(rows[start : start + lines]) for start in range(0, len(rows), lines)]


def graph_chunks(quads: Iterable[Quad], triples: int) -> list[tuple[str, list[Triple]]]:
    """The quads as (graph IRI, at most TRIPLES of its triples), graphs in first-seen order: the
    Graph Store writes one graph at a time, so every quad must be in a named graph."""
    by_graph: dict[str, list[Triple]] = defaultdict(list)
    for quad in quads:
        if isinstance(quad.graph_name, DefaultGraph):
            raise ValueError("a quad in the default graph has no graph to POST it to")
        by_graph[quad.graph_name.value].append(quad.triple)
    return [
        (graph, rows[start : start + triples])
        for graph, rows in by_graph.items()
        for start in range(0, len(rows), triples)
    ]


def reference_bodies(kind: str, dump: bytes, chunk: int) -> dict[str, list[Body]]:
    """The requests of each reference path of KIND, by the path's name, ready to send."""
    if kind == "oxigraph":
        return {
            "POST /store, one request": [(None, dump)],
            f"POST /store, {chunk:,} quads a request": [
                (None, c) for c in line_chunks(dump, chunk)
            ],
        }
    chunks = graph_chunks(parse(dump, format=RdfFormat.N_QUADS), chunk)
    bodies: list[Body] = [
        ({"graph-uri": g}, serialize(t, format=RdfFormat.N_TRIPLES) or b"") for g, t in chunks
    ]
    return {f"Graph Store POST per graph, up to {chunk:,} triples a request": bodies}


STAGING = "urn:x-bench:staging"


def atomic_bodies(kind: str, dump: bytes, chunk: int) -> dict[str, list[tuple[str, list[bytes]]]]:
    """For Virtuoso, whose Graph Store ``POST`` is not atomic: each graph's chunks, to be
    posted into a staging graph and then moved into the graph by one SPARQL ``MOVE`` (what a
    load must do so that no reader sees half a document). Oxigraph's ``POST /store`` is
    atomic already: nothing."""
    if kind != "virtuoso":
        return {}
    by_graph: dict[str, list[bytes]] = defaultdict(list)
    for graph, triples in graph_chunks(parse(dump, format=RdfFormat.N_QUADS), chunk):
        by_graph[graph].append(serialize(triples, format=RdfFormat.N_TRIPLES) or b"")
    name = "Graph Store POST into a staging graph, then MOVE (atomic)"
    return {name: list(by_graph.items())}


def post_staged(url: StoreUrl, graphs: list[tuple[str, list[bytes]]]) -> float:
    """Post each graph's chunks into a staging graph of a Virtuoso and move it into the graph
    with one SPARQL update, in turn on one kept-alive connection; seconds."""
    base = urlsplit(http_base(url))
    client = HttpStore(http_base(url), base.hostname or "", base.port or 80, timeout=600)
    auth = Digest(*DBA)

    def send(path: str, params: dict[str, str] | None, body: bytes, media: str) -> None:
        status, _, data = client.fetch(
            "POST", path, params, body=body, headers={"Content-Type": media}, auth=auth
        )
        if status not in (200, 201, 204):
            raise SystemExit(f"{url} refused a write: HTTP {status}: {data[:300]!r}")

    try:
        started = time.perf_counter()
        for graph, chunks in graphs:
            for body in chunks:
                send("/sparql-graph-crud-auth", {"graph-uri": STAGING}, body, N_TRIPLES)
            move = f"MOVE SILENT <{STAGING}> TO <{graph}>".encode()
            send("/sparql-auth", None, b"query=" + quote_plus(move).encode(), FORM)
        return time.perf_counter() - started
    finally:
        client.close()


def post_all(url: StoreUrl, kind: str, bodies: list[Body]) -> float:
    """Send BODIES to the store's bulk path in turn on one kept-alive connection; seconds."""
    base = urlsplit(http_base(url))
    client = HttpStore(http_base(url), base.hostname or "", base.port or 80, timeout=600)
    path, media, auth = "/store", "application/n-quads", None
    if kind == "virtuoso":
        path, media, auth = "/sparql-graph-crud-auth", "application/n-triples", Digest(*DBA)
    try:
        started = time.perf_counter()
        for params, body in bodies:
            status, _, data = client.fetch(
                "POST", path, params, body=body, headers={"Content-Type": media}, auth=auth
            )
            if status not in (200, 201, 204):
                raise SystemExit(f"{url} refused a bulk write: HTTP {status}: {data[:300]!r}")
        return time.perf_counter() - started
    finally:
        client.close()


def snapshot_head(dest: Path) -> Path:
    """The project's packages as last committed, in DEST: a copy of the working tree (files it
    builds, such as the query page's scripts, included) with every tracked file put back as in
    ``HEAD``, so that others' uncommitted edits of the shared tree stay out of the code measured."""
    machine.snapshot_source(dest)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "HEAD", *machine.SOURCE_PACKAGES],
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def count_quads(location: StoreUrl | Path) -> int:
    """Quads in the store, as referatgraf counts them (Virtuoso's own graphs left out)."""
    store = MinutesStore.open_read_only(location)
    try:
        return len(store)
    finally:
        store.close()


@dataclass(slots=True)
class Load:
    """``referatgraf load`` into one store in one round."""

    measured: Measurement
    own_seconds: float  # the load's own summary, `in S s`
    quads: int


@dataclass(slots=True)
class StoreRound:
    load: Load
    reference: dict[str, float] = field(default_factory=dict)  # path -> seconds
    reference_quads: int = 0
    # the server's own path, made atomic as a load must be (each document visible whole at
    # once): shown beside the reference, never taken for it
    atomic: dict[str, float] = field(default_factory=dict)

    @property
    def fastest(self) -> float:
        return min(self.reference.values())


@dataclass(slots=True)
class Benchmark:
    argv: list[str]
    n: int
    chunk: int
    corpus_summary: str
    quads: int  # in the dump
    dump_bytes: int
    machine: dict[str, str]
    versions: str
    started: dt.datetime
    source: str = ""
    rounds: list[dict[str, StoreRound]] = field(default_factory=list)  # store -> round


def run_load(store: str, corpus: Path, logs: Path, env: dict[str, str]) -> Load:
    out, err = logs.with_suffix(".out"), logs.with_suffix(".err")
    command = [str(REFERATGRAF), "load", "--no-index", "--store", store, str(corpus)]
    measured = measure(command, out, err, env=env)
    summary, failures = parse_load_output(out.read_text(encoding="utf-8", errors="replace"))
    if measured.exit_code or summary is None or failures:
        raise SystemExit(f"`{' '.join(command)}` failed; see {out} and {err}")
    location: StoreUrl | Path = StoreUrl(store) if "://" in store else Path(store)
    return Load(measured, summary[3], count_quads(location))


def run_round(number: int, work: Path, bench: Benchmark, dump: bytes, env: dict[str, str]) -> None:
    corpus, results = work / "corpus", {}
    embedded = work / f"embedded-{number}"
    results["embedded"] = StoreRound(
        run_load(str(embedded), corpus, work / f"embedded-{number}", env)
    )
    shutil.rmtree(embedded, ignore_errors=True)
    for kind in STORES:
        folder = work / f"{kind}-{number}"
        with store_server(kind, folder / "ours") as url:
            result = StoreRound(run_load(str(url), corpus, folder / "load", env))
        for name, bodies in reference_bodies(kind, dump, bench.chunk).items():
            with store_server(kind, folder / f"reference-{len(result.reference)}") as url:
                result.reference[name] = post_all(url, kind, bodies)
                result.reference_quads = count_quads(url)
        for name, graphs in atomic_bodies(kind, dump, bench.chunk).items():
            with store_server(kind, folder / f"atomic-{len(result.atomic)}") as url:
                result.atomic[name] = post_staged(url, graphs)
                if count_quads(url) != result.reference_quads:
                    raise SystemExit(f"{name}: the store holds other quads than the reference")
        shutil.rmtree(folder, ignore_errors=True)
        results[kind] = result
        progress(f"  {kind}: {report_line(result)}")
    bench.rounds.append(results)


def report_line(result: StoreRound) -> str:
    paths = ", ".join(f"{name} {s:.2f} s" for name, s in result.reference.items())
    return (
        f"load {result.load.measured.seconds:.2f} s ({result.load.quads:,} quads); {paths} "
        f"({result.reference_quads:,} quads); "
        f"ratio {result.load.measured.seconds / result.fastest:.2f}x"
    )


def server_versions() -> str:
    def first_line(command: list[str]) -> str:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        lines = (done.stdout + done.stderr).strip().splitlines()
        return next((line for line in lines if "ersion" in line), lines[0] if lines else "?")

    return f"{first_line([str(OXIGRAPH), '--version'])}; {first_line([VIRTUOSO, '--version'])}"


def run(args: argparse.Namespace, argv: list[str]) -> Benchmark:
    with workspace(args.keep) as work:
        corpus = work / "corpus"
        progress(f"generating {args.n} files in {corpus} ...")
        rows = write_corpus(args.n, corpus, args.seed)
        source = snapshot_head(work / "source")
        env = os.environ | LOGIN_ENV | {"PYTHONPATH": str(source)}
        progress("the reference quads: an embedded load, dumped as N-Quads ...")
        run_load(str(work / "prepared"), corpus, work / "prepared", env)
        dump = work / "dump.nq"
        with dump.open("wb") as output:
            prepared = MinutesStore.open_read_only(work / "prepared")
            prepared.dump_dataset(output)
            prepared.close()
        data = dump.read_bytes()
        bench = Benchmark(
            argv=argv,
            n=args.n,
            chunk=args.chunk,
            corpus_summary=describe_corpus(rows),
            quads=data.count(b"\n"),
            dump_bytes=len(data),
            machine=machine.describe(),
            versions=server_versions(),
            started=dt.datetime.now(dt.UTC),
            source=machine.source_fingerprint(source),
        )
        for number in range(1, args.rounds + 1):
            progress(f"round {number}/{args.rounds} ...")
            run_round(number, work, bench, data, env)
        return bench


def section(bench: Benchmark) -> str:
    m, when = bench.machine, bench.started.strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"## {when}: `python -m bench.remote {' '.join(bench.argv)}`",
        "",
        "`referatgraf load --no-index --store URL corpus/` into a store server, against the same "
        "quads sent by that server's own bulk HTTP path into a fresh server (the faster path "
        "of those listed is the reference). Every load and every reference starts on a new, "
        "empty server on loopback (`tests/graph/oxigraph_server.py`, "
        "`tests/graph/virtuoso_server.py`); the embedded load of the same corpus is given for "
        "comparison.",
        "",
        f"- Machine: nproc {m['nproc']}, {m['RAM']} RAM, {m['CPU']}; {m['OS']}; load average "
        f"{m['load average']} (1, 5, 15 min) at the start; shared with other work",
        f"- Software: Python {m['Python']}, pyoxigraph {m['pyoxigraph']}, {bench.versions}; "
        f"referatgraf {m['referatgraf']}; measured: the packages as committed at that "
        f"revision, uncommitted edits of the shared tree left out (fingerprint {bench.source})",
        f"- Corpus: N = {bench.n:,}: {bench.corpus_summary}; {bench.quads:,} quads, "
        f"{report.mb(bench.dump_bytes)} of N-Quads",
        f"- Rounds: {len(bench.rounds)}; medians over them. Wall time of the load: the whole "
        "process, start-up included (its own summary, `in S s`, in brackets); of the reference: "
        "the requests alone, bodies made beforehand. Ratio: median of the rounds' own "
        "ratios, load wall time over the round's fastest reference path.",
        "",
        "| store | referatgraf load s (own) | quads/s | reference path | reference s | quads/s "
        "| load / reference | load / embedded load |",
        "|---|---:|---:|---|---:|---:|---:|---:|",
    ]
    for kind in ("embedded", *STORES):
        rounds = [r[kind] for r in bench.rounds]
        load = median(r.load.measured.seconds for r in rounds)
        own = median(r.load.own_seconds for r in rounds)
        quads = median(r.load.quads for r in rounds)
        versus = median(
            r[kind].load.measured.seconds / r["embedded"].load.measured.seconds
            for r in bench.rounds
        )
        head = f"| {kind} | {load:.2f} ({own:.2f}) | {quads / load:,.0f} "
        if kind == "embedded":
            lines.append(head + "| | | | | 1.00x |")
            continue
        for name in rounds[0].reference:
            seconds = median(r.reference[name] for r in rounds)
            ref_quads = median(r.reference_quads for r in rounds)
            paired = median(r.load.measured.seconds / r.reference[name] for r in rounds)
            lines.append(
                f"{head}| {name} | {seconds:.2f} | {ref_quads / seconds:,.0f} "
                f"| {paired:.2f}x | {versus:.2f}x |"
            )
        fastest = median(r.load.measured.seconds / r.fastest for r in rounds)
        lines.append(f"| {kind} | | | fastest path of each round | | | **{fastest:.2f}x** | |")
        for name in rounds[0].atomic:
            seconds = median(r.atomic[name] for r in rounds)
            paired = median(r.load.measured.seconds / r.atomic[name] for r in rounds)
            floor = median(r.atomic[name] / r.fastest for r in rounds)
            lines.append(
                f"| {kind} | | | {name}: {floor:.2f}x the reference | {seconds:.2f} "
                f"| {bench.quads / seconds:,.0f} | {paired:.2f}x | |"
            )
    lines += [
        "",
        "Every round (CPU: user + system seconds of the load's whole process tree, its parser "
        "workers included; the store server's own CPU is not in it):",
        "",
        "| round | store | load s (own) | load CPU s | quads | reference s | quads | ratio |",
        "|---:|---|---:|---:|---:|---|---:|---:|",
    ]
    for number, results in enumerate(bench.rounds, start=1):
        for kind, r in results.items():
            refs = ", ".join(f"{s:.2f}" for s in r.reference.values())
            refs += "".join(f" (atomic {s:.2f})" for s in r.atomic.values())
            ratio = f"{r.load.measured.seconds / r.fastest:.2f}x" if r.reference else ""
            shown = f"{r.reference_quads:,}" if r.reference else ""
            lines.append(
                f"| {number} | {kind} | {r.load.measured.seconds:.2f} ({r.load.own_seconds:.2f}) "
                f"| {r.load.measured.cpu_seconds:.1f} | {r.load.quads:,} | {refs} | {shown} "
                f"| {ratio} |"
            )
    return "\n".join(lines) + "\n"


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="python -m bench.remote", description=__doc__)
    parser.add_argument("--n", type=int, default=300, help="synthetic minutes (default 300)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds (default 3)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument(
        "--chunk", type=int, default=20_000, help="quads (triples) a reference request"
    )
    parser.add_argument("--keep", type=Path, help="keep the corpus, dump and logs here")
    parser.add_argument("--docs", type=Path, default=DOCS, help="Markdown file to append to")
    parser.add_argument("--no-docs", action="store_true", help="print only, append nothing")
    args = parser.parse_args(argv)
    if args.n < 1 or args.rounds < 1:
        parser.error("--n and --rounds must be at least 1")
    bench = run(args, argv)
    text = section(bench)
    print(text)
    if not args.no_docs:
        report.append(args.docs, text)
        progress(f"appended to {args.docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
