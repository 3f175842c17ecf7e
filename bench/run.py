"""The benchmark of ``referatgraf load``: ``python -m bench.run --n N [--keep DIR]``.

1. Generate N synthetic minutes (``bench.generate``; timed on its own, not part of the figures).
2. Run ``.venv/bin/referatgraf load --store <tmp>/store-R <corpus>`` as a subprocess and measure
   wall time and peak memory of its process tree (``bench.measure``). Every round imports a
   copy of the project's source taken at the start (``PYTHONPATH``), so edits made to the tree
   meanwhile do not change the code under test halfway.
3. The reference: dump the loaded store to N-Quads (``Store.dump``, timed on its own), then
   ``Store(fresh).bulk_load(path=..., format=RdfFormat.N_QUADS)`` of that file in a fresh
   subprocess, measured the same way. The ratio load / bulk_load says what our parsing, mapping
   and bookkeeping cost over writing the same quads as fast as Oxigraph can.
4. Steps 2-3 run ``--repeat`` times (default 3 up to 1,000 files, else 1), on fresh stores;
   the report gives medians, prints a Markdown section, and appends it to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shlex
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import RdfFormat, Store

from bench import machine, report
from bench.generate import describe as describe_corpus
from bench.generate import write_corpus
from bench.measure import Measurement, disk_usage, measure

ROOT = Path(__file__).resolve().parent.parent
REFERATGRAF = ROOT / ".venv" / "bin" / "referatgraf"
DOCS = ROOT / "docs" / "benchmarks.md"
SUMMARY = re.compile(r"^(\d+) loaded, (\d+) skipped, (\d+) failed in ([\d.]+) s$", re.MULTILINE)
FAILED = re.compile(r"^failed\s+(?P<path>.+?): (?P<reason>.*)$", re.MULTILINE)
Summary = tuple[int, int, int, float]  # loaded, skipped, failed, seconds, as the load prints them
# The reference loader, run in a fresh interpreter so its memory is its own.
# It prints the seconds spent in bulk_load itself, interpreter start-up and imports excluded.
BULK_LOAD = (
    "import sys, time\n"
    "from pyoxigraph import RdfFormat, Store\n"
    "store = Store(sys.argv[1])\n"
    "started = time.perf_counter()\n"
    "store.bulk_load(path=sys.argv[2], format=RdfFormat.N_QUADS)\n"
    "print(time.perf_counter() - started)\n"
)


@dataclass(slots=True)
class Round:
    """One load and its reference, on fresh stores."""

    load: Measurement
    summary: Summary | None
    failures: list[tuple[str, str]]  # (file, reason) from the load's output
    stderr_tail: str
    quads: int = 0
    store_bytes: int = 0
    dump_seconds: float = 0.0
    dump_bytes: int = 0
    reference: Measurement | None = None
    reference_inner: float = 0.0  # seconds inside bulk_load, as the subprocess measured them
    reference_quads: int = 0
    reference_bytes: int = 0
    source: str = ""  # fingerprint of the project's source when the round started
    index: Measurement | None = None  # `referatgraf index --full` after a --no-index load


@dataclass(slots=True)
class Benchmark:
    """Everything the report needs."""

    argv: list[str]
    n: int
    seed: int
    corpus_bytes: int
    corpus_summary: str
    generate_seconds: float
    load_command: str
    machine: dict[str, str]
    started: dt.datetime
    rounds: list[Round] = field(default_factory=list)
    source: str = ""  # fingerprint of the snapshot of the source every round ran
    live_source: str = ""  # fingerprint of the working tree when the benchmark ended


def parse_load_output(stdout: str) -> tuple[Summary | None, list[tuple[str, str]]]:
    """The summary line and the failed files of ``referatgraf load``'s output.

    >>> parse_load_output("failed     a.txt: no items\\n1 loaded, 0 skipped, 1 failed in 0.4 s")
    ((1, 0, 1, 0.4), [('a.txt', 'no items')])
    """
    matches = SUMMARY.findall(stdout)
    summary = None
    if matches:
        loaded, skipped, failed, seconds = matches[-1]
        summary = (int(loaded), int(skipped), int(failed), float(seconds))
    failures = [(m["path"], m["reason"]) for m in FAILED.finditer(stdout)]
    return summary, failures


def load_command(store: Path, corpus: Path, extra: list[str]) -> list[str]:
    return [str(REFERATGRAF), "load", "--store", str(store), *extra, str(corpus)]


def load_options(args: argparse.Namespace) -> list[str]:
    """The options passed on to ``referatgraf load``.

    >>> load_options(argparse.Namespace(workers=2, no_mentions=False, no_index=True))
    ['--workers', '2', '--no-index']
    """
    extra = ["--workers", str(args.workers)] if args.workers else []
    extra += ["--no-mentions"] if args.no_mentions else []
    return extra + (["--no-index"] if args.no_index else [])


def count_quads(path: Path) -> int:
    if not (path / "CURRENT").exists():  # the load never created the store
        return 0
    return len(Store.read_only(str(path)))


def run_round(
    number: int, corpus: Path, work: Path, extra: list[str], env: dict[str, str]
) -> Round:
    store, fresh = work / f"store-{number}", work / f"reference-{number}"
    dump = work / f"dump-{number}.nq"
    out, err = work / f"load-{number}.out", work / f"load-{number}.err"
    source = machine.source_fingerprint(Path(env["PYTHONPATH"].split(os.pathsep)[0]))
    load = measure(load_command(store, corpus, extra), out, err, env=env)
    stdout = out.read_text(encoding="utf-8", errors="replace")
    stderr = err.read_text(encoding="utf-8", errors="replace")
    summary, failures = parse_load_output(stdout)
    result = Round(load, summary, failures, "\n".join(stderr.strip().splitlines()[-15:]))
    result.source = source
    result.quads = count_quads(store)
    result.store_bytes = disk_usage(store) if store.exists() else 0
    if not result.quads:
        return result
    if "--no-index" in extra:  # the pages' side index, timed on its own after the load
        result.index = measure(
            [str(REFERATGRAF), "index", "--store", str(store), "--full"],
            work / f"index-{number}.out",
            work / f"index-{number}.err",
            env=env,
        )
    started = time.perf_counter()
    Store.read_only(str(store)).dump(str(dump), format=RdfFormat.N_QUADS)
    result.dump_seconds = time.perf_counter() - started
    result.dump_bytes = dump.stat().st_size
    result.reference = measure(
        [sys.executable, "-c", BULK_LOAD, str(fresh), str(dump)],
        work / f"reference-{number}.out",
        work / f"reference-{number}.err",
    )
    inner = (work / f"reference-{number}.out").read_text(encoding="utf-8").strip()
    result.reference_inner = float(inner) if inner else 0.0
    result.reference_quads = count_quads(fresh)
    result.reference_bytes = disk_usage(fresh) if fresh.exists() else 0
    return result


@contextmanager
def workspace(keep: Path | None) -> Iterator[Path]:
    """A folder for the corpus, stores and dumps: ``--keep DIR`` (kept), else a temporary one."""
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        if any(keep.iterdir()):
            raise SystemExit(f"error: {keep} is not empty; --keep needs a new or empty folder")
        yield keep
        return
    with tempfile.TemporaryDirectory(prefix="referatgraf-bench-") as name:
        yield Path(name)


def progress(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run(args: argparse.Namespace, argv: list[str]) -> Benchmark:
    with workspace(args.keep) as work:
        corpus = work / "corpus"
        progress(f"generating {args.n} files in {corpus} ...")
        started = time.perf_counter()
        rows = write_corpus(args.n, corpus, args.seed)
        generated = time.perf_counter() - started
        shown = shlex.join(load_command(work / "store-N", corpus, load_options(args)))
        bench = Benchmark(
            argv=argv,
            n=args.n,
            seed=args.seed,
            corpus_bytes=sum(size for _, _, size in rows),
            corpus_summary=describe_corpus(rows),
            generate_seconds=generated,
            load_command=shown.replace(str(work), "<tmp>").replace(str(ROOT) + "/", ""),
            machine=machine.describe(),
            started=dt.datetime.now(dt.UTC),
        )
        progress(f"  {bench.corpus_summary}; {generated:.1f} s")
        source = machine.snapshot_source(work / "source")
        bench.source = machine.source_fingerprint(source)
        inherited = os.environ.get("PYTHONPATH")
        env = os.environ | {"PYTHONPATH": os.pathsep.join(filter(None, [str(source), inherited]))}
        for number in range(1, args.repeat + 1):
            progress(f"round {number}/{args.repeat}: referatgraf load ...")
            result = run_round(number, corpus, work, load_options(args), env)
            bench.rounds.append(result)
            progress("  " + report.round_line(result, args.n, bench.corpus_bytes))
            if args.keep is None:  # stores and dumps of a big corpus fill a disk quickly
                for name in (f"store-{number}", f"reference-{number}"):
                    shutil.rmtree(work / name, ignore_errors=True)
                (work / f"dump-{number}.nq").unlink(missing_ok=True)
        bench.live_source = machine.source_fingerprint()
        return bench


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--n", type=int, required=True, help="number of synthetic files")
    parser.add_argument("--keep", type=Path, help="keep corpus, stores, dumps and logs here")
    parser.add_argument("--repeat", type=int, help="rounds (default 3 up to 1,000 files, else 1)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--workers", type=int, help="passed to referatgraf load --workers")
    parser.add_argument(
        "--no-mentions",
        action="store_true",
        help="passed to referatgraf load: structure only, to measure what recognition costs",
    )
    parser.add_argument(
        "--no-index",
        action="store_true",
        help="passed to referatgraf load: the graph only, without the pages' side index "
        "(which bulk_load has no counterpart of; `referatgraf index` builds it later)",
    )
    parser.add_argument("--docs", type=Path, default=DOCS, help="Markdown file to append to")
    parser.add_argument("--no-docs", action="store_true", help="print only, append nothing")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    args.repeat = args.repeat or (3 if args.n <= 1000 else 1)
    if not REFERATGRAF.exists():
        parser.error(f"{REFERATGRAF} is missing; run `make install` first")
    bench = run(args, argv)
    section = report.section(bench)
    print(section)
    if not args.no_docs:
        report.append(args.docs, section)
        progress(f"appended to {args.docs}")
    loaded_all = all(r.load.exit_code == 0 for r in bench.rounds)
    return 0 if loaded_all else 1


if __name__ == "__main__":
    sys.exit(main())
