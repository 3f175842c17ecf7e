"""The dump benchmark: ``python -m bench.dump --store DIR``.

Times, on one store and in the same run, each in a fresh process of its own:

- ``reference``: pyoxigraph's plain ``Store.dump`` to N-Quads, written through Python's gzip
  at the same level (one process, as our dump is);
- ``reference-pipe``: the same dump piped into the ``gzip`` command (``gzip -N -n``), which
  compresses on another core;
- ``nquads``: our ``referatgraf.nq.gz`` alone (``publishing.dump.dump_nquads``: canonical
  order, sha256 and size);
- ``dump``: the whole ``referatgraf dump`` (every file: N-Quads, Turtle, JSON-LD, subsets,
  VoID, catalog), unless ``--no-full``.

It reports seconds, quads/s, compressed MB and MB/s and peak RSS (the process's
``ru_maxrss``), and appends a section to ``docs/benchmarks.md`` unless ``--no-docs``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.machine import ROOT

DOCS = ROOT / "docs" / "benchmarks.md"
METHODS = ("reference", "reference-pipe", "nquads", "dump")


def worker(method: str, store_path: Path, out: Path, level: int) -> dict[str, float]:
    """Run one method in this process and say what it did."""
    from graph.store import MinutesStore  # noqa: PLC0415
    from publishing.dump import dump, dump_nquads  # noqa: PLC0415

    store = MinutesStore.open_read_only(store_path)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    quads = 0
    if method == "reference":
        target = out / "reference.nq.gz"
        with (
            target.open("wb") as raw,
            gzip.GzipFile(
                filename="", mode="wb", compresslevel=level, fileobj=raw, mtime=0
            ) as compressed,
        ):
            store.dump_dataset(compressed)
        size = target.stat().st_size
    elif method == "reference-pipe":
        target = out / "reference-pipe.nq.gz"
        with target.open("wb") as raw:
            gz = subprocess.Popen(["gzip", f"-{level}", "-n"], stdin=subprocess.PIPE, stdout=raw)
            assert gz.stdin is not None
            store.dump_dataset(gz.stdin)
            gz.stdin.close()
            gz.wait()
        size = target.stat().st_size
    elif method == "nquads":
        written, quads = dump_nquads(store, out, level=level)
        size = written.size
    else:
        report = dump(store, out, level=level)
        quads, size = report.quads, sum(f.size for f in report.files)
    seconds = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"seconds": seconds, "bytes": size, "quads": quads, "rss": rss}


def measure(method: str, store: Path, out: Path, level: int) -> dict[str, float]:
    command = [sys.executable, "-m", "bench.dump", "--worker", method, "--store", str(store)]
    command += ["--out", str(out), "--level", str(level)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, cwd=ROOT)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{method} failed")
    result: dict[str, float] = json.loads(output)
    result["cpu"] = usage.ru_utime + usage.ru_stime
    return result


def table(results: dict[str, dict[str, float]], quads: int) -> list[str]:
    reference = results["reference"]["seconds"]
    lines = [
        "| method | seconds | quads/s | compressed MB | compressed MB/s | CPU s | peak RSS | "
        "speed vs reference |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    names = {
        "reference": "pyoxigraph `Store.dump` N-Quads -> Python gzip (reference)",
        "reference-pipe": "pyoxigraph `Store.dump` N-Quads -> `gzip` command (pipe)",
        "nquads": "ours: `referatgraf.nq.gz` only (`dump_nquads`)",
        "dump": "ours: the whole `referatgraf dump` (every file)",
    }
    for method, found in results.items():
        seconds, size = found["seconds"], found["bytes"]
        lines.append(
            f"| {names[method]} | {seconds:,.1f} | {quads / seconds:,.0f} | {size / 1e6:,.1f} | "
            f"{size / 1e6 / seconds:,.2f} | {found['cpu']:,.1f} | {found['rss'] / 1e6:,.0f} MB "
            f"| {reference / seconds:.2f}x |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.dump", description=__doc__)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--level", type=int, default=6)
    parser.add_argument("--no-full", action="store_true", help="skip the whole dump")
    parser.add_argument("--no-docs", action="store_true", help="do not append to the docs")
    parser.add_argument("--worker", choices=METHODS, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker, args.store, args.out, args.level)))
        return 0
    started = dt.datetime.now(dt.UTC)
    load = os.getloadavg()
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-dump-") as scratch:
        for method in METHODS if not args.no_full else METHODS[:3]:
            out = Path(scratch) / method
            results[method] = measure(method, args.store, out, args.level)
            print(f"{method}: {json.dumps(results[method])}", flush=True)
            shutil.rmtree(out, ignore_errors=True)
    quads = int(results["nquads"]["quads"])
    lines = table(results, quads)
    print("\n".join(lines))
    if not args.no_docs:
        command = shlex.join(["python", "-m", "bench.dump", *(argv or sys.argv[1:])])
        section = [
            "",
            f"## {started:%Y-%m-%d %H:%M} UTC: `{command}`",
            "",
            f"Dump throughput on a store of {quads:,} quads, gzip level {args.level}, every "
            "method in a fresh process of its own, one after the other; load average "
            f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f} at the start (nproc {os.cpu_count()}).",
            "Quads/s counts the store's quads; compressed MB/s the bytes written. The whole "
            "dump writes every file (N-Quads, Turtle, JSON-LD, the subsets, ...), so its MB are "
            "all of them.",
            "",
            *lines,
            "",
        ]
        with DOCS.open("a", encoding="utf-8") as docs:
            docs.write("\n".join(section))
    return 0


if __name__ == "__main__":
    sys.exit(main())
