"""The SPARQL endpoint under load, side by side with Oxigraph's own server on the same store.

``python -m bench.endpoint --store DIR [--duration S] [--connections C] [--no-docs]``

Starts ``referatgraf serve`` and ``oxigraph serve-read-only --union-default-graph`` on the
store, then for each of three queries (a backlinks lookup, a GROUP BY, a DESCRIBE of an item)
runs ``wrk`` (Debian's) against each server in turn, after a warm-up, and reports requests per
second and p50/p99 latency. The table is appended to ``docs/benchmarks.md`` unless --no-docs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.wrk import Run, median, parse_wrk

ROOT = Path(__file__).resolve().parents[1]
# Oxigraph's server; ours with every query evaluated; ours as served by default (answers kept)
SERVERS = ("oxigraph", "referatgraf", "referatgraf, cache")
DOCS = ROOT / "docs" / "benchmarks.md"
RG = "https://w3id.org/referatgraf/def#"


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    accept: str


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer within {seconds} s")


@contextmanager
def running(command: list[str], ready_url: str, log: Path) -> Iterator[None]:
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, cwd=ROOT)
    try:
        wait_for(ready_url)
        yield
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def ask_json(endpoint: str, query: str) -> list[dict[str, dict[str, str]]]:
    url = endpoint + "?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=600) as answer:
        return list(json.load(answer)["results"]["bindings"])


def wait_for_figures(endpoint: str, seconds: float = 600) -> None:
    """Until the service description has its figures, ten times in a row (on new connections,
    so every server process has been asked: each counts them once, a core busy meanwhile)."""
    deadline = time.monotonic() + seconds
    ready = 0
    while time.monotonic() < deadline:
        with urllib.request.urlopen(endpoint, timeout=30) as answer:
            ready = 0 if b"being counted" in answer.read() else ready + 1
        if ready >= 10:
            return
        time.sleep(0.1 if ready else 1)
    raise SystemExit("the store's figures were not counted in time")


def pick_queries(endpoint: str) -> list[Query]:
    """The three queries, with a popular committee and one of its items found in the store."""
    committee = ask_json(
        endpoint,
        f"SELECT ?c WHERE {{ ?c a <{RG}Committee> . ?m <{RG}committee> ?c }} "
        "GROUP BY ?c ORDER BY DESC(COUNT(?m)) LIMIT 1",
    )[0]["c"]["value"]
    row = ask_json(
        endpoint,
        f"SELECT ?i ?k WHERE {{ ?m <{RG}committee> <{committee}> ; <{RG}agendaItem> ?i ; "
        f"<{RG}municipality> ?k }} LIMIT 1",
    )[0]
    item, municipality = row["i"]["value"], row["k"]["value"]
    results = "application/sparql-results+json"
    return [
        Query("backlinks", f"SELECT ?s ?p WHERE {{ ?s ?p <{committee}> }} LIMIT 100", results),
        Query(
            "group-by",
            f"SELECT ?committee (COUNT(?item) AS ?items) WHERE {{ ?meeting "
            f"<{RG}municipality> <{municipality}> ; <{RG}committee> ?committee ; "
            f"<{RG}agendaItem> ?item }} GROUP BY ?committee",
            results,
        ),
        Query("describe", f"DESCRIBE <{item}>", "application/n-triples"),
    ]


def answered_lookups(healthz: str, processes: int) -> int:
    """Lookups answered by all the server's processes: /healthz asked on fresh connections
    until each process has said its count."""
    counts: dict[int, int] = {}
    for _ in range(50 * processes):
        with urllib.request.urlopen(healthz, timeout=30) as answer:
            health = json.load(answer)
        counts[health.get("pid", 0)] = health.get("lookups", {}).get("answered", 0)
        if len(counts) >= processes:
            break
    return sum(counts.values())


def wrk(url: str, query: Query, duration: int, connections: int) -> Run:
    target = url + "?" + urllib.parse.urlencode({"query": query.text})
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "60s", "--latency"]
    command += ["-H", f"Accept: {query.accept}", target]
    return parse_wrk(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.endpoint")
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--duration", type=int, default=15, help="seconds per measurement")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3, help="alternating runs; medians kept")
    parser.add_argument("--workers", type=int, default=0, help="our query workers (0: default)")
    parser.add_argument(
        "--processes", type=int, default=os.cpu_count() or 1, help="our server processes"
    )
    parser.add_argument("--no-docs", action="store_true")
    args = parser.parse_args(argv)
    for tool in ("wrk", "oxigraph"):
        if shutil.which(tool) is None and not (Path(sys.executable).parent / tool).exists():
            raise SystemExit(f"{tool} is needed: apt-get install wrk; pip install oxigraph")
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    logs = ROOT / "bench" / "out"
    logs.mkdir(parents=True, exist_ok=True)
    ours_port, cached_port, their_port = free_port(), free_port(), free_port()
    ours = f"http://127.0.0.1:{ours_port}/sparql"
    cached = f"http://127.0.0.1:{cached_port}/sparql"
    theirs = f"http://127.0.0.1:{their_port}/query"
    serve = [sys.executable, "-m", "referatgraf", "serve", "--store", str(args.store)]
    serve += ["--workers", str(args.workers), "--query-timeout", "120"]
    serve += ["--processes", str(args.processes)]
    uncached = [*serve, "--port", str(ours_port), "--result-cache-bytes", "0"]
    serve_cached = [*serve, "--port", str(cached_port)]
    reference = [oxigraph, "serve-read-only", "--location", str(args.store)]
    reference += ["--bind", f"127.0.0.1:{their_port}", "--union-default-graph"]
    results: dict[str, dict[str, list[Run]]] = {}
    with (
        running(uncached, ours.replace("/sparql", "/healthz"), logs / "endpoint-ours.log"),
        running(serve_cached, cached.replace("/sparql", "/healthz"), logs / "endpoint-cache.log"),
        running(reference, theirs + "?query=ASK%7B%7D", logs / "endpoint-oxigraph.log"),
    ):
        wait_for_figures(ours)  # the service description's count runs at first: let it end
        wait_for_figures(cached)
        queries = pick_queries(ours)
        for query in queries:
            runs: dict[str, list[Run]] = {name: [] for name in SERVERS}
            urls = dict(zip(SERVERS, (theirs, ours, cached), strict=True))
            for _ in range(args.rounds):  # alternate, so all see the same background load
                for name, url in urls.items():
                    wrk(url, query, args.warmup, args.connections)
                    run = wrk(url, query, args.duration, args.connections)
                    runs[name].append(run)
                    print(f"{query.name:10} {name:12} {run}", flush=True)
            results[query.name] = runs
        lookups = answered_lookups(ours.replace("/sparql", "/healthz"), args.processes)
    table = render(results, queries, args, lookups)
    print(table)
    if not args.no_docs:
        with DOCS.open("a", encoding="utf-8") as docs:
            docs.write("\n" + table)
    return 0


def render(
    results: dict[str, dict[str, list[Run]]],
    queries: list[Query],
    args: argparse.Namespace,
    lookups: int,
) -> str:
    triples = _store_size(args.store)
    today = dt.datetime.now(dt.UTC).date().isoformat()
    lines = [
        f"## SPARQL endpoint against `oxigraph serve-read-only` ({today})",
        "",
        f"`python -m bench.endpoint --store {args.store.name} --duration {args.duration} "
        f"--processes {args.processes}`: "
        f"wrk, 2 threads, {args.connections} connections, {args.duration} s per run after "
        f"{args.warmup} s of warm-up, {args.rounds} rounds alternating the servers (medians; "
        "each ratio is the median of the rounds' own ratios, which pair runs made seconds "
        f"apart), all on the same store ({triples}), on {os.cpu_count()} cores "
        f"({platform.machine()}), wrk on the same machine. Our server (`--processes "
        f"{args.processes}`, {args.workers or max(2, os.cpu_count() or 1)} query workers in "
        "each, logging every request) runs twice: `referatgraf` evaluates every "
        "query (`--result-cache-bytes 0`); `referatgraf, cache` is the default, which keeps "
        "answers and so serves a repeated query without evaluating it. "
        f"`referatgraf`'s processes answered {lookups:,} lookups themselves, without a "
        "worker (`sparql/lookups.py`; the backlinks query is one).",
        "",
        "| query | server | req/s | p50 ms | p99 ms | non-2xx | req/s vs Oxigraph "
        "| p99 vs Oxigraph |",
        # medians over the rounds; the ratios are medians of each round's ratio
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for query in queries:
        base = results[query.name]["oxigraph"]
        for name in SERVERS:
            runs = results[query.name][name]
            run = median(runs)
            # each round's ratio pairs runs made seconds apart: steadier on a shared machine
            rate = _ratio(
                [r.requests_per_second for r in runs], [b.requests_per_second for b in base]
            )
            p99 = _ratio([r.p99_ms for r in runs], [b.p99_ms for b in base])
            lines.append(
                f"| {query.name} | {name} | {run.requests_per_second:,.0f} | {run.p50_ms:.2f} | "
                f"{run.p99_ms:.2f} | {run.errors} | {rate} | {p99} |"
            )
    lines += ["", "Queries:", ""]
    lines += [f"- {q.name} (`Accept: {q.accept}`): `{q.text}`" for q in queries]
    return "\n".join(lines) + "\n"


def _ratio(ours: list[float], theirs: list[float]) -> str:
    ratios = [a / b for a, b in zip(ours, theirs, strict=True) if b > 0]
    return f"{statistics.median(ratios):.2f}x" if ratios else "n/a"


def _store_size(store: Path) -> str:
    size = sum(f.stat().st_size for f in store.iterdir() if f.is_file())
    return f"{size / 1e6:,.0f} MB on disk"


if __name__ == "__main__":
    sys.exit(main())
