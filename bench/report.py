"""The benchmark's report: a Markdown section with medians, every round, and failed files."""

from __future__ import annotations

import shlex
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from bench.layouts import LAYOUTS

if TYPE_CHECKING:
    from bench.run import Benchmark, Round

DOCS_HEADER = """# Benchmarks

Sections appended by the benchmarks in `bench/` (see `bench/README.md`), newest last.
"""
INTRO = (
    "Times `referatgraf load` of N synthetic minutes against the reference: pyoxigraph's own "
    "`Store.bulk_load` of the same quads, dumped from the loaded store as N-Quads."
)
MAX_LISTED = 200  # failed files listed by name; the rest are counted (the log has them all)


def mb(size: float) -> str:
    return f"{size / 1e6:,.1f} MB"


def number(value: float) -> str:
    return f"{value:,.0f}"


def ratio(top: float, bottom: float) -> str:
    return f"{top / bottom:.2f}x" if bottom else "n/a"


def median(rounds: Iterable[Round], value: Callable[[Round], float]) -> float:
    values = [value(r) for r in rounds]
    return statistics.median(values) if values else 0.0


def layout_of(path: str) -> str:
    """The layout of a generated file, from its number (file i has layout (i - 1) mod 5)."""
    digits = "".join(c for c in Path(path).stem if c.isdigit())
    return LAYOUTS[(int(digits) - 1) % len(LAYOUTS)].NAME if digits else "?"


def round_line(r: Round, n: int, corpus_bytes: int) -> str:
    """One line per round for the progress output."""
    line = f"load {r.load.seconds:.2f} s (exit {r.load.exit_code}), {r.quads:,} quads"
    if r.summary:
        line += f", {r.summary[0]} loaded, {r.summary[2]} failed"
    if r.reference:
        line += f"; bulk_load {r.reference.seconds:.2f} s"
        line += f", ratio {ratio(r.load.seconds, r.reference.seconds)}"
    return line


def section(bench: Benchmark) -> str:
    rounds = bench.rounds
    referenced = [r for r in rounds if r.reference]
    when = bench.started.strftime("%Y-%m-%d %H:%M UTC")
    m = bench.machine
    lines = [
        f"## {when}: `python -m bench.run {shlex.join(bench.argv)}`",
        "",
        INTRO,
        "",
        f"- Load command: `{bench.load_command}`",
        f"- Machine: nproc {m['nproc']}, {m['RAM']} RAM, {m['CPU']}; {m['OS']}; "
        f"load average {m['load average']} (1, 5, 15 min) at the start",
        f"- Software: Python {m['Python']}, pyoxigraph {m['pyoxigraph']}, "
        f"referatgraf {m['referatgraf']}; source snapshot {bench.source} (every round ran this "
        "copy of the source tree)",
        f"- Corpus: N = {bench.n:,}, seed {bench.seed}: {bench.corpus_summary}; generated in "
        f"{bench.generate_seconds:.1f} s (not part of any figure below)",
        f"- Rounds: {len(rounds)}, each on fresh stores; figures are medians over the rounds "
        f"({len(referenced)} with a reference)",
        "",
        *_summary_table(bench, rounds, referenced),
        "",
        *_rounds_table(rounds),
        "",
        *_failures(rounds),
        "",
        *_consistency(bench, rounds),
        "Peak RSS, one process: the largest peak of any single process of the command's tree "
        "(kernel `ru_maxrss` of the waited-for tree; the load parses in worker processes). "
        "Process tree: the largest sum over all its processes at one moment, sampled from "
        "`/proc` every 0.1 s. Wall time: from process start to exit, interpreter start-up "
        "and imports included; the time the tool reports is the load's own summary (`in S s`) "
        "and the seconds inside `bulk_load`. CPU time: user + system of the whole tree, "
        "from `wait4`; on a busy machine it is steadier than wall time. Store size: blocks "
        "allocated on disk.",
        "",
    ]
    return "\n".join(lines)


def _summary_table(bench: Benchmark, rounds: list[Round], referenced: list[Round]) -> list[str]:
    load_s = median(rounds, lambda r: r.load.seconds)
    ref_s = median(referenced, lambda r: r.reference.seconds if r.reference else 0.0)
    quads = median(rounds, lambda r: r.quads)
    ref_quads = median(referenced, lambda r: r.reference_quads)
    dump_s = median(referenced, lambda r: r.dump_seconds)
    rss = median(rounds, lambda r: r.load.max_rss)
    tree = median(rounds, lambda r: r.load.tree_rss)
    ref_rss = median(referenced, lambda r: r.reference.max_rss if r.reference else 0)
    ref_tree = median(referenced, lambda r: r.reference.tree_rss if r.reference else 0)
    store = median(rounds, lambda r: r.store_bytes)
    ref_store = median(referenced, lambda r: r.reference_bytes)
    processes = max((r.load.processes for r in rounds), default=0)
    loaded = [r.summary for r in rounds if r.summary]
    outcome = (
        "{} / {} / {}".format(*loaded[-1][:3]) if loaded else "no summary line (load crashed?)"
    )
    dump_mb = median(referenced, lambda r: r.dump_bytes)
    cpu = median(rounds, lambda r: r.load.cpu_seconds)
    ref_cpu = median(referenced, lambda r: r.reference.cpu_seconds if r.reference else 0.0)
    inner = median(rounds, lambda r: r.summary[3] if r.summary else 0.0)
    ref_inner = median(referenced, lambda r: r.reference_inner)
    # each round pairs a load with its reference under the same conditions: the median of
    # the rounds' ratios is steadier than the ratio of the medians on a busy machine
    paired = median(
        referenced, lambda r: r.load.seconds / r.reference.seconds if r.reference else 0
    )
    rows = [
        ("wall time", f"{load_s:.2f} s", f"{ref_s:.2f} s", ratio(load_s, ref_s)),
        ("wall time ratio, median of the rounds' ratios", "", "", f"{paired:.2f}x"),
        (
            "time as the tool reports it (start-up excluded)",
            f"{inner:.2f} s",
            f"{ref_inner:.2f} s",
            ratio(inner, ref_inner),
        ),
        (
            "CPU time, user + system, whole tree",
            f"{cpu:.2f} s",
            f"{ref_cpu:.2f} s",
            ratio(cpu, ref_cpu),
        ),
        ("files/s", f"{bench.n / load_s:,.1f}" if load_s else "n/a", "", ""),
        ("input MB/s", f"{bench.corpus_bytes / 1e6 / load_s:.2f}" if load_s else "n/a", "", ""),
        ("quads in the store", number(quads), number(ref_quads), ""),
        ("quads/s", _per_s(quads, load_s), _per_s(ref_quads, ref_s), ratio(ref_s, load_s)),
        ("peak RSS, one process", mb(rss), mb(ref_rss), ratio(rss, ref_rss)),
        (
            f"peak RSS, process tree (up to {processes} processes)",
            mb(tree),
            mb(ref_tree),
            ratio(tree, ref_tree),
        ),
        ("store on disk", mb(store), mb(ref_store), ratio(store, ref_store)),
        ("files loaded / skipped / failed", outcome, "", ""),
        ("Store.dump to N-Quads (separate)", "", f"{dump_s:.2f} s, {mb(dump_mb)}", ""),
    ]
    indexed = [r for r in referenced if r.index is not None]
    if indexed:  # the load ran with --no-index: the side index, built after it, on its own
        index_s = median(indexed, lambda r: r.index.seconds if r.index else 0.0)
        both = median(
            indexed,
            lambda r: (
                (r.load.seconds + r.index.seconds) / r.reference.seconds
                if r.index and r.reference
                else 0.0
            ),
        )
        rows.append(
            (
                "pages' side index after the load (`referatgraf index --full`)",
                f"{index_s:.2f} s",
                "",
                f"{index_s / ref_s:.2f}x" if ref_s else "n/a",
            )
        )
        rows.append(
            ("load and side index together, median of the rounds' ratios", "", "", f"{both:.2f}x")
        )
    out = [
        "| measure | referatgraf load | pyoxigraph bulk_load | load / reference |",
        "|---|---:|---:|---:|",
    ]
    out += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    return out


def _per_s(count: float, seconds: float) -> str:
    return f"{count / seconds:,.0f}" if seconds and count else "n/a"


def _rounds_table(rounds: list[Round]) -> list[str]:
    """Every round's figures; "own" is the time the tool itself reports."""
    out = [
        "| round | load s (own) | CPU s | exit | RSS one / tree | quads | store | dump s "
        "| bulk_load s (own) | CPU s | bulk RSS | ref. store | ratio |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n, r in enumerate(rounds, start=1):
        own = f" ({r.summary[3]:.1f})" if r.summary else ""
        ref = r.reference
        bulk = f"{ref.seconds:.2f} ({r.reference_inner:.2f})" if ref else "n/a"
        out.append(
            f"| {n} | {r.load.seconds:.2f}{own} | {r.load.cpu_seconds:.1f} | {r.load.exit_code} "
            f"| {mb(r.load.max_rss)} / {mb(r.load.tree_rss)} | {number(r.quads)} "
            f"| {mb(r.store_bytes)} | {r.dump_seconds:.2f} "
            f"| {bulk} | {f'{ref.cpu_seconds:.1f}' if ref else 'n/a'} "
            f"| {mb(ref.max_rss) if ref else 'n/a'} "
            f"| {mb(r.reference_bytes)} | {ratio(r.load.seconds, ref.seconds) if ref else 'n/a'} |"
        )
    return out


def _failures(rounds: list[Round]) -> list[str]:
    """Files the load reported as failed (in the first round with any), by layout and reason."""
    failing = next((r for r in rounds if r.failures or r.load.exit_code), None)
    if failing is None:
        return ["Failed files: none; every round exited 0."]
    out = [f"Failed files: {len(failing.failures)} (load exit status {failing.load.exit_code})."]
    by_layout = Counter(layout_of(path) for path, _ in failing.failures)
    if by_layout:
        out.append("By layout: " + ", ".join(f"{k} {v}" for k, v in sorted(by_layout.items())))
    by_reason: dict[str, list[str]] = defaultdict(list)
    for path, reason in failing.failures:
        by_reason[reason].append(Path(path).name)
    out.append("")
    listed = 0
    for reason, names in sorted(by_reason.items(), key=lambda kv: -len(kv[1])):
        shown = names[: max(0, MAX_LISTED - listed)]
        listed += len(shown)
        more = f" and {len(names) - len(shown)} more" if len(shown) < len(names) else ""
        out.append(f"- {reason} ({len(names)}): {', '.join(shown)}{more}")
    if failing.stderr_tail:
        out += ["", "Last lines of the load's stderr:", "", "```", failing.stderr_tail, "```"]
    return out


def _consistency(bench: Benchmark, rounds: list[Round]) -> list[str]:
    """Warnings when the rounds did not measure the same thing."""
    out = []
    sources = [r.source for r in rounds]
    if len(set(sources)) > 1:
        out.append(
            "**The rounds ran different code** (source fingerprints by round: "
            + ", ".join(sources)
            + ")."
        )
    if bench.live_source and bench.live_source != bench.source:
        out.append(
            f"The working tree changed while the benchmark ran (now {bench.live_source}); "
            f"the figures are for the snapshot {bench.source}."
        )
    quads = [r.quads for r in rounds]
    if len(set(quads)) > 1:
        out.append(
            "**The rounds stored different numbers of quads** ("
            + ", ".join(f"{q:,}" for q in quads)
            + ") from the same corpus."
        )
    return [*out, ""] if out else []


def append(path: Path, section_text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    existing = path.read_text(encoding="utf-8") if path.exists() else DOCS_HEADER
    path.write_text(existing.rstrip("\n") + "\n\n" + section_text.rstrip("\n") + "\n", "utf-8")
