"""One and two ``referatgraf serve`` processes over each store server, against the embedded
store: ``python -m bench.remote_serve [--n N] [--rounds R] [--duration S] [--connections C]``.

N synthetic minutes are loaded (with the pages' side index, a SQLite file of each store's own)
into an embedded store, a fresh ``oxigraph serve`` and a fresh Virtuoso 7 (started as in
``bench.remote``). Over each store two ``referatgraf serve`` processes run on two ports, every
query evaluated by the store (``--result-cache-bytes 0``). Each round, for each store and each
target (a SPARQL lookup, the KLAPjob programme page), ``wrk`` runs against the first process
alone (C connections, 2 threads), then against both at once (C/2 connections and one thread
each, the two rates summed): the same offered load on one or two web servers. Requests per
second are medians over the rounds; the ratios (two against one, a store server against the
embedded store) are medians of the rounds' own ratios. The section is printed and appended to
``docs/benchmarks.md`` unless ``--no-docs``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench import machine, report
from bench.endpoint import free_port, pick_queries, running, wait_for_figures
from bench.generate import describe as describe_corpus
from bench.generate import write_corpus
from bench.pages import ACCEPT_HTML
from bench.remote import (
    LOGIN_ENV,
    SERVER_TIMEOUT_S,
    STORES,
    server_versions,
    snapshot_head,
    store_server,
)
from bench.run import REFERATGRAF, progress, workspace
from bench.wrk import Run, parse_wrk

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "benchmarks.md"
PAGE = "/program/klapjob"
# `oxigraph serve --timeout-s S` (0.5.13) keeps a thread for every query until S seconds have
# passed, finished or not: at a few thousand queries a second, 600 s ran it out of threads
# (HTTP 500, os error 11, with 16k threads) within one wrk run. 5 s stays far below that.
OXIGRAPH_TIMEOUT_S = 5
KINDS = ("embedded", *STORES)


@dataclass(frozen=True)
class Target:
    name: str
    path: str  # with its query string
    accept: str


@dataclass(slots=True)
class Benchmark:
    argv: list[str]
    args: argparse.Namespace
    corpus_summary: str
    machine: dict[str, str]
    versions: str
    started: dt.datetime
    targets: list[Target] = field(default_factory=list)
    # (store, target name, "1" or "2") -> one Run per round (for "2", the two summed)
    runs: dict[tuple[str, str, str], list[Run]] = field(default_factory=dict)


def summed(runs: list[Run]) -> Run:
    """Runs made at the same time against different servers, as one: rates and errors add up,
    latency is the worst of them.

    >>> summed([Run(100.0, 5.0, 20.0, 0), Run(80.0, 6.0, 30.0, 1)])
    Run(requests_per_second=180.0, p50_ms=6.0, p99_ms=30.0, errors=1)
    """
    return Run(
        sum(r.requests_per_second for r in runs),
        max(r.p50_ms for r in runs),
        max(r.p99_ms for r in runs),
        sum(r.errors for r in runs),
    )


def paired_ratio(top: list[Run], bottom: list[Run]) -> float:
    """The median of the rounds' own ratios of requests per second.

    >>> paired_ratio([Run(200.0, 1, 1, 0), Run(90.0, 1, 1, 0)], [Run(100.0, 1, 1, 0)] * 2)
    1.45
    """
    return statistics.median(
        a.requests_per_second / b.requests_per_second
        for a, b in zip(top, bottom, strict=True)
        if b.requests_per_second
    )


def wrk_command(
    base: str, target: Target, seconds: int, connections: int, threads: int
) -> list[str]:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s"]
    return [*command, "--latency", "-H", f"Accept: {target.accept}", base + target.path]


def wrk_at_once(bases: list[str], target: Target, seconds: int, connections: int) -> Run:
    """wrk against every base URL at the same time, the offered load shared out; summed."""
    share, threads = max(1, connections // len(bases)), max(1, 2 // len(bases))
    processes = [
        subprocess.Popen(
            wrk_command(base, target, seconds, share, threads), stdout=subprocess.PIPE, text=True
        )
        for base in bases
    ]
    outputs = [process.communicate()[0] for process in processes]
    if any(process.returncode for process in processes):
        raise SystemExit(f"wrk failed:\n{outputs}")
    return summed([parse_wrk(output) for output in outputs])


@contextmanager
def loaded_store(kind: str, work: Path, corpus: Path) -> Iterator[tuple[str, Path]]:
    """The corpus loaded, side index too, into a new store of KIND: its --store and --index."""
    index = work / f"{kind}.index.sqlite"
    with ExitStack() as stack:
        if kind == "embedded":
            store = str(work / "embedded")
        else:
            timeout = OXIGRAPH_TIMEOUT_S if kind == "oxigraph" else SERVER_TIMEOUT_S
            store = str(stack.enter_context(store_server(kind, work / kind, timeout)))
        command = [str(REFERATGRAF), "load", "--store", store, "--index", str(index), str(corpus)]
        log = work / f"load-{kind}.log"
        with log.open("wb") as output:
            subprocess.run(command, stdout=output, stderr=subprocess.STDOUT, check=True)
        yield store, index


def serving(stack: ExitStack, store: str, index: Path, log: Path) -> str:
    """A ``referatgraf serve`` over STORE for as long as STACK; its base URL."""
    port = free_port()
    command = [str(REFERATGRAF), "serve", "--store", store, "--index", str(index)]
    command += ["--port", str(port), "--result-cache-bytes", "0"]
    stack.enter_context(running(command, f"http://127.0.0.1:{port}/healthz", log))
    return f"http://127.0.0.1:{port}"


def run(args: argparse.Namespace, argv: list[str]) -> Benchmark:
    with workspace(args.keep) as work, ExitStack() as stack:
        corpus = work / "corpus"
        progress(f"generating {args.n} files ...")
        rows = write_corpus(args.n, corpus, args.seed)
        source = snapshot_head(work / "source")
        os.environ.update(LOGIN_ENV | {"PYTHONPATH": str(source)})  # for the loads and servers
        bench = Benchmark(
            argv,
            args,
            describe_corpus(rows),
            machine.describe(),
            server_versions(),
            dt.datetime.now(dt.UTC),
        )
        bases: dict[str, list[str]] = {}
        for kind in KINDS:
            progress(f"loading into {kind} and starting two web servers over it ...")
            store, index = stack.enter_context(loaded_store(kind, work, corpus))
            bases[kind] = [
                serving(stack, store, index, work / f"serve-{kind}-{i}.log") for i in (1, 2)
            ]
            for base in bases[kind]:
                wait_for_figures(base + "/sparql")
        lookup = pick_queries(bases["embedded"][0] + "/sparql")[0]
        query = "/sparql?" + urllib.parse.urlencode({"query": lookup.text})
        bench.targets = [
            Target("SPARQL lookup", query, lookup.accept),
            Target("KLAPjob page", PAGE, ACCEPT_HTML),
        ]
        for kind in KINDS:  # warm up: every process, every target
            for target in bench.targets:
                wrk_at_once(bases[kind], target, args.warmup, args.connections)
        for number in range(1, args.rounds + 1):
            progress(f"round {number}/{args.rounds} ...")
            for kind in KINDS:
                for target in bench.targets:
                    one = wrk_at_once(bases[kind][:1], target, args.duration, args.connections)
                    two = wrk_at_once(bases[kind], target, args.duration, args.connections)
                    bench.runs.setdefault((kind, target.name, "1"), []).append(one)
                    bench.runs.setdefault((kind, target.name, "2"), []).append(two)
                    progress(f"  {kind:9} {target.name:14} one {one}\n  {'':24} two {two}")
        return bench


def section(bench: Benchmark) -> str:
    m, args = bench.machine, bench.args
    when = bench.started.strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"## {when}: `python -m bench.remote_serve {' '.join(bench.argv)}`",
        "",
        "Requests per second of one and of two `referatgraf serve` processes (default workers, "
        "`--result-cache-bytes 0`: every query reaches the store) over the embedded store, an "
        "`oxigraph serve` and a Virtuoso 7, all on this machine with wrk on loopback. One "
        f"process: wrk with 2 threads and {args.connections} connections; two: a wrk each at "
        f"the same time, 1 thread and {args.connections // 2} connections each, rates summed "
        f"(the same offered load). {args.duration} s a run after {args.warmup} s of warm-up, "
        f"{args.rounds} rounds; req/s medians over the rounds, ratios the medians of the rounds' "
        "own ratios, p99 the median of the rounds' (for two processes, the worse one's). "
        f"`oxigraph serve` runs with `--timeout-s {OXIGRAPH_TIMEOUT_S}`, Virtuoso with "
        f"`MaxQueryExecutionTime = {SERVER_TIMEOUT_S}`: Oxigraph 0.5.13 keeps a thread per "
        "query for the whole `--timeout-s`, finished or not, and with 600 s it ran out of "
        "threads within a run (HTTP 500, `os error 11`, at some 16,000 threads).",
        "",
        f"- Machine: nproc {m['nproc']}, {m['RAM']} RAM, {m['CPU']}; {m['OS']}; load average "
        f"{m['load average']} (1, 5, 15 min) at the start; the stores, the web servers and wrk "
        "share these cores (and other work)",
        f"- Software: Python {m['Python']}, pyoxigraph {m['pyoxigraph']}, {bench.versions}; "
        f"referatgraf {m['referatgraf']}; measured: the packages as committed at that "
        "revision, uncommitted edits of the shared tree left out",
        f"- Corpus: N = {args.n:,}: {bench.corpus_summary}",
        "",
        "| target | store | 1 serve req/s | p99 ms | 2 serves req/s | p99 ms | 2 vs 1 "
        "| 1 serve vs embedded | 2 serves vs embedded | non-2xx |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for target in bench.targets:
        for kind in KINDS:
            one, two = bench.runs[kind, target.name, "1"], bench.runs[kind, target.name, "2"]
            base_one = bench.runs["embedded", target.name, "1"]
            base_two = bench.runs["embedded", target.name, "2"]
            lines.append(
                f"| {target.name} | {kind} | {_rate(one)} | {_p99(one)} | {_rate(two)} "
                f"| {_p99(two)} | {paired_ratio(two, one):.2f}x "
                f"| {paired_ratio(one, base_one):.2f}x | {paired_ratio(two, base_two):.2f}x "
                f"| {sum(r.errors for r in one + two)} |"
            )
    lines += ["", "Targets:", ""]
    lines += [
        f"- {t.name} (`Accept: {t.accept}`): `{urllib.parse.unquote_plus(t.path)}`"
        for t in bench.targets
    ]
    return "\n".join(lines) + "\n"


def _rate(runs: list[Run]) -> str:
    return f"{statistics.median(r.requests_per_second for r in runs):,.0f}"


def _p99(runs: list[Run]) -> str:
    return f"{statistics.median(r.p99_ms for r in runs):,.1f}"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="python -m bench.remote_serve", description=__doc__)
    parser.add_argument("--n", type=int, default=300, help="synthetic minutes (default 300)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=10, help="seconds a wrk run")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up, once")
    parser.add_argument("--connections", type=int, default=8, help="in all, shared out")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="keep the corpus, stores and logs here")
    parser.add_argument("--docs", type=Path, default=DOCS)
    parser.add_argument("--no-docs", action="store_true")
    args = parser.parse_args(argv)
    if args.connections < 2:
        parser.error("--connections must be at least 2 (shared out over two servers)")
    bench = run(args, argv)
    text = section(bench)
    print(text)
    if not args.no_docs:
        report.append(args.docs, text)
        progress(f"appended to {args.docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
