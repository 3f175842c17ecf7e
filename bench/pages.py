"""The entity pages under load: ``python -m bench.pages --store DIR [--duration S] [--no-docs]``.

Starts ``referatgraf serve`` on the store (whose side index ``referatgraf load`` or
``referatgraf index`` built), finds the pages to measure in the side index (the most mentioned
law, by ``SiteIndex.top_entities``; the item of its first mention), then runs ``wrk``
(Debian's) against each page in turn, after a warm-up, ``--rounds`` times: the home page, the
item page, and the law's page with its first, second and last page of mentions. It reports
requests per second and p50/p99 latency (medians of the rounds) against the target of the
pages issue, p99 under 200 ms at concurrency 8, and appends the table to
``docs/benchmarks.md`` unless ``--no-docs``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.endpoint import free_port, running
from bench.wrk import Run, median, parse_wrk
from graph.uris import DEFAULT_BASE
from searchindex import SiteIndex, default_index_path
from web.pages import PER_PAGE

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "benchmarks.md"
TARGET_P99_MS = 200.0
ACCEPT_HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    rotation: tuple[str, ...] = ()
    """More paths, asked for in turn with ``path`` (a wrk script): pages no cache has seen."""


Runner = Callable[[str, int, int, tuple[str, ...]], Run]
"""(url, seconds, connections, more paths to ask for in turn) -> Run"""
ROTATED_ITEMS = 200


def pick_pages(index: SiteIndex, base: str = DEFAULT_BASE) -> list[Target]:
    """The pages to measure, found in the side index: the home page, the item of the most
    mentioned law's first mention, and that law's page with its mentions' first, second and
    last page (``?side=N``, ``web.pages.PER_PAGE`` mentions a page)."""
    laws = index.top_entities(("Law",), 1)
    if not laws:
        raise SystemExit("the side index has no law with mentions: is it built?")
    law = laws[0]
    first = index.mentions(law.iri, 0, 1)[0]
    last = max(1, math.ceil(law.mentions / PER_PAGE))
    law_path = "/" + law.iri.removeprefix(base)
    items = _spread_items(index, law.iri, law.mentions, base)
    pages = [
        Target("home", "/"),
        Target("item", "/" + first.item.removeprefix(base)),
        Target(f"items ({len(items)} different, in turn)", items[0], tuple(items[1:])),
        Target(f"law ({law.mentions:,} mentions)", law_path),
        Target("law, page 2", f"{law_path}?side=2"),
        Target(f"law, page {last:,} (last)", f"{law_path}?side={last}"),
    ]
    return [p for p in pages if p.name != "law, page 2" or last >= 2]


def _spread_items(index: SiteIndex, law: str, mentions: int, base: str) -> list[str]:
    """Up to :data:`ROTATED_ITEMS` different items mentioning ``law``, spread over its mentions
    (so over municipalities and years), in the order of its mentions."""
    step = max(1, mentions // ROTATED_ITEMS)
    found = (index.mentions(law, offset, 1) for offset in range(0, mentions, step))
    items = dict.fromkeys("/" + rows[0].item.removeprefix(base) for rows in found if rows)
    return list(items)[:ROTATED_ITEMS]


def wrk(url: str, seconds: int, connections: int, rotation: tuple[str, ...] = ()) -> Run:
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s"]
    command += ["--latency", "-H", f"Accept: {ACCEPT_HTML}"]
    with tempfile.TemporaryDirectory() as folder:
        if rotation:
            script = Path(folder) / "rotation.lua"
            script.write_text(rotation_script([urllib.parse.urlsplit(url).path, *rotation]))
            command += ["-s", str(script)]
        command.append(url)
        done = subprocess.run(command, capture_output=True, text=True, check=True)
    return parse_wrk(done.stdout)


def rotation_script(paths: list[str]) -> str:
    """A wrk script asking for ``paths`` in turn (each thread from its own start).

    >>> print(rotation_script(["/a", '/b"c']))
    paths = {"/a", "/b\\"c"}
    i = 0
    request = function()
      i = i % #paths + 1
      return wrk.format(nil, paths[i])
    end
    <BLANKLINE>
    """
    quoted = ", ".join(json.dumps(p, ensure_ascii=False) for p in paths)  # LuaJIT: no \\u
    return (
        f"paths = {{{quoted}}}\ni = 0\nrequest = function()\n  i = i % #paths + 1\n"
        "  return wrk.format(nil, paths[i])\nend\n"
    )


def wait_until_settled(healthz: str, page_workers: int | None, seconds: float = 900) -> None:
    """Wait until the server has done what it does once at start: the store's figures counted
    (one worker busy for half a minute on 10,000 minutes) and the page workers started."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = httpx.get(healthz, timeout=30).json()
        workers_ready = (
            state["page_workers"] > 0
            if page_workers is None
            else (state["page_workers"] == page_workers)
        )
        if state["figures"] and workers_ready:
            return
        time.sleep(1)
    raise SystemExit(f"the server did not settle within {seconds:.0f} s: {healthz}")


def measure(
    url: str, pages: list[Target], args: argparse.Namespace, runner: Runner = wrk
) -> dict[str, list[Run]]:
    """Each page ``args.rounds`` times, the pages taking turns (so all see the same
    background load), each run after a warm-up of its own."""
    results: dict[str, list[Run]] = {p.name: [] for p in pages}
    for _ in range(args.rounds):
        for page in pages:
            runner(url + page.path, args.warmup, args.connections, page.rotation)
            run = runner(url + page.path, args.duration, args.connections, page.rotation)
            results[page.name].append(run)
            print(f"{page.name:28} {run}", flush=True)
    return results


def render(
    results: dict[str, list[Run]], pages: list[Target], args: argparse.Namespace, command: str
) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M")
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    workers = (
        "pages rendered by its default page workers, one per core"
        if args.page_workers is None
        else f"--page-workers {args.page_workers}: "
        + ("pages rendered in the server process" if args.page_workers == 0 else "page workers")
    )
    lines = [
        f"## {now} UTC: entity pages, `{command}`",
        "",
        f"wrk, 2 threads, {args.connections} connections, {args.duration} s per run after "
        f"{args.warmup} s of warm-up, {args.rounds} rounds with the pages taking turns "
        f"(medians of the rounds), `Accept: text/html`; `referatgraf serve` ({workers}, "
        f"logging every request) and wrk on the same {os.cpu_count()} cores "
        f"({platform.machine()}); load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at "
        f"the end. Store: {_store_size(args.store)}, side index "
        f"{_index_size(args.store)}. Target: p99 under {TARGET_P99_MS:.0f} ms.",
        "",
        "| page | path | req/s | p50 ms | p99 ms | non-2xx | p99 < 200 ms |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for page in pages:
        run = median(results[page.name])
        met = "yes" if run.p99_ms < TARGET_P99_MS and not run.errors else "**no**"
        lines.append(
            f"| {page.name} | `{page.path}` | {run.requests_per_second:,.0f} | "
            f"{run.p50_ms:.1f} | {run.p99_ms:.1f} | {run.errors} | {met} |"
        )
    return "\n".join(lines) + "\n"


def _store_size(store: Path) -> str:
    size = sum(f.stat().st_size for f in store.iterdir() if f.is_file())
    return f"{size / 1e9:,.1f} GB on disk"


def _index_size(store: Path) -> str:
    index = default_index_path(store)
    return f"{index.stat().st_size / 1e6:,.0f} MB" if index.exists() else "missing"


def main(argv: list[str] | None = None, runner: Runner = wrk) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pages")
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--duration", type=int, default=15, help="seconds per measurement")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3, help="runs per page; medians kept")
    parser.add_argument(
        "--base",
        default=os.environ.get("REFERATGRAF_BASE", DEFAULT_BASE),
        help="the store's IRI base (as the server takes it: $REFERATGRAF_BASE)",
    )
    parser.add_argument(
        "--page-workers",
        type=int,
        default=None,
        help="processes rendering pages (serve's --page-workers; default: serve's default)",
    )
    parser.add_argument("--no-docs", action="store_true")
    args = parser.parse_args(argv)
    if runner is wrk and shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    index = SiteIndex.open(default_index_path(args.store))
    try:
        pages = pick_pages(index, args.base)
    finally:
        index.close()
    logs = ROOT / "bench" / "out"
    logs.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    serve = [sys.executable, "-m", "referatgraf", "serve", "--store", str(args.store)]
    serve += ["--port", str(port)]
    if args.page_workers is not None:
        serve += ["--page-workers", str(args.page_workers)]
    with running(serve, url + "/healthz", logs / "pages-server.log"):
        wait_until_settled(url + "/healthz", args.page_workers)
        results = measure(url, pages, args, runner)
    command = "python -m bench.pages " + " ".join(argv if argv is not None else sys.argv[1:])
    table = render(results, pages, args, command)
    print(table)
    if not args.no_docs:
        with DOCS.open("a", encoding="utf-8") as docs:
            docs.write("\n" + table)
    missed = [p.name for p in pages if median(results[p.name]).p99_ms >= TARGET_P99_MS]
    if missed:
        print(f"p99 at or over {TARGET_P99_MS:.0f} ms: {', '.join(missed)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
