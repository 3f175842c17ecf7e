"""What writing mentions costs Oxigraph itself: ``python -m bench.mention_floor --n 300``.

The entities issue asks recognition to add at most 50% to the load. Part of that cost is not
ours to cut: every mention is quads that the store must write. This benchmark measures the
floor those quads put under any loader, with Oxigraph's fastest write (``Store.bulk_load`` of
an N-Quads file, in a fresh process each time):

1. Generate N synthetic minutes (``bench.generate``) and load them twice with
   ``referatgraf load --no-index``: with recognition, and with ``--no-mentions``.
2. Dump both stores to N-Quads, and cut two more files from the first: ``required``, where
   each ``rg:Mention`` keeps only the quads the contract and the entities issue ask of it
   (type, ``rg:mention``, ``rg:mentionOf``, ``rg:inText``, ``rg:beginIndex``, ``rg:endIndex``,
   ``rg:anchorText``, and the rule and confidence: ``rg:matchedBy``, ``rg:confidence``), and
   ``contract``, with the contract's seven alone.
3. ``bulk_load`` each file into a fresh store, ``--repeat`` rounds taking turns, and report
   medians and each file's ratio to the structure-only file.

With the load's own time for both stores, the report says what the loads would take if
recognising and formatting mentions cost nothing: the structure-only load plus the extra
``bulk_load`` time of the mention quads alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store, serialize

from bench import machine, report
from bench.generate import write_corpus
from bench.measure import measure
from bench.run import BULK_LOAD, DOCS, load_command, parse_load_output

RG = "https://w3id.org/referatgraf/def#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
CONTRACT = frozenset(
    {RDF_TYPE, *(RG + p for p in ("mention", "mentionOf", "inText", "beginIndex", "endIndex"))}
    | {RG + "anchorText"}
)
REQUIRED = CONTRACT | {RG + "matchedBy", RG + "confidence"}


def load(corpus: Path, store: Path, *extra: str) -> float:
    """``referatgraf load --no-index`` of ``corpus``; the seconds the load reports for itself."""
    command = load_command(store, corpus, ["--no-index", *extra])
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    summary, _ = parse_load_output(done.stdout)
    if summary is None:
        raise SystemExit(f"no summary in the load's output:\n{done.stdout}{done.stderr}")
    return summary[3]


def cut(store_path: Path, keep: frozenset[str], target: Path) -> int:
    """Write ``store_path``'s quads to ``target``, each mention keeping only ``keep``."""
    store = Store.read_only(str(store_path))
    mention = NamedNode(RG + "Mention")
    mentions = {q.subject for q in store.quads_for_pattern(None, NamedNode(RDF_TYPE), mention)}
    quads = [q for q in store if q.subject not in mentions or q.predicate.value in keep]
    target.write_bytes(serialize(quads, format=RdfFormat.N_QUADS) or b"")
    return len(quads)


def bulk_load(nquads: Path, work: Path) -> tuple[float, float]:
    """Wall seconds inside ``bulk_load`` and CPU seconds of the process, in a fresh process."""
    store = Path(tempfile.mkdtemp(dir=work))
    out, err = work / "bulk.out", work / "bulk.err"
    measured = measure([sys.executable, "-c", BULK_LOAD, str(store), str(nquads)], out, err)
    if measured.exit_code != 0:
        raise SystemExit(f"bulk_load of {nquads} failed: {err.read_text()}")
    subprocess.run(["rm", "-rf", str(store)], check=True)
    return float(out.read_text().strip()), measured.cpu_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300, help="number of synthetic files")
    parser.add_argument("--repeat", type=int, default=3, help="bulk_load rounds (default 3)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--docs", type=Path, default=DOCS, help="Markdown file to append to")
    parser.add_argument("--no-docs", action="store_true", help="print only, append nothing")
    args = parser.parse_args()
    facts = machine.describe()
    with tempfile.TemporaryDirectory(prefix="referatgraf-floor-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        write_corpus(args.n, corpus, args.seed)
        own = {
            "structure": load(corpus, work / "structure", "--no-mentions"),
            "with": load(corpus, work / "with"),
        }
        files = {"structure": work / "structure.nq", "with": work / "with.nq"}
        counts = {}
        for name in ("structure", "with"):
            store = Store.read_only(str(work / name))
            store.dump(str(files[name]), format=RdfFormat.N_QUADS)
            counts[name] = len(store)
            del store
        for name, keep in (("required", REQUIRED), ("contract", CONTRACT)):
            files[name] = work / f"{name}.nq"
            counts[name] = cut(work / "with", keep, files[name])
        order = ("structure", "contract", "required", "with")
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in order}
        for round_number in range(1, args.repeat + 1):
            for name in order:
                times[name].append(bulk_load(files[name], work))
                wall, cpu = times[name][-1]
                print(f"round {round_number}: {name:9} {wall:6.2f} s, CPU {cpu:6.2f} s")
    text = section(args, facts, own, counts, times)
    print(text)
    if not args.no_docs:
        report.append(args.docs, text)


def section(
    args: argparse.Namespace,
    facts: dict[str, str],
    own: dict[str, float],
    counts: dict[str, int],
    times: dict[str, list[tuple[float, float]]],
) -> str:
    wall = {name: statistics.median(w for w, _ in runs) for name, runs in times.items()}
    cpu = {name: statistics.median(c for _, c in runs) for name, runs in times.items()}
    base = wall["structure"]
    what = {
        "structure": "no mentions (`--no-mentions`)",
        "contract": "mentions with the contract's 7 quads each",
        "required": "... and rule and confidence (9 each)",
        "with": "mentions as loaded today",
    }
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"## {now}: `python -m bench.mention_floor --n {args.n} --repeat {args.repeat}`",
        "",
        f"- Machine: nproc {facts['nproc']}, {facts['RAM']} RAM, {facts['CPU']}; load average "
        f"{facts['load average']} at the start",
        f"- Software: Python {facts['Python']}, pyoxigraph {facts['pyoxigraph']}, "
        f"referatgraf {facts['referatgraf']}",
        f"- `referatgraf load --no-index`, own time: {own['structure']:.1f} s with "
        f"`--no-mentions`, {own['with']:.1f} s with recognition "
        f"({report.ratio(own['with'], own['structure'])})",
        "",
        "| N-Quads file | quads | bulk_load s (median) | CPU s | vs no mentions |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in ("structure", "contract", "required", "with"):
        lines.append(
            f"| {what[name]} | {counts[name]:,} | {wall[name]:.2f} | {cpu[name]:.2f} | "
            f"{report.ratio(wall[name], base)} |"
        )
    floor = own["structure"] + wall["required"] - base
    bare = own["structure"] + wall["contract"] - base
    lines += [
        "",
        f"If recognising and formatting mentions cost nothing, the load with recognition would "
        f"still take the structure-only load plus the extra `bulk_load` time of the mention "
        f"quads: {own['structure']:.1f} + {wall['required'] - base:.1f} = {floor:.1f} s, "
        f"{report.ratio(floor, own['structure'])} of the structure-only load with rule and "
        f"confidence kept, {report.ratio(bare, own['structure'])} with the contract's quads alone.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
