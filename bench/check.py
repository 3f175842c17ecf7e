"""Does the project's loader read the synthetic minutes as they were written?

``python -m bench.check --n N [--seed S] [--show K]`` generates N files in memory, reads each
with ``loaders.read.read_minutes`` and compares what it found with the facts the file was
written from: the number of items and their numbers, the municipality, the date, the committee.
It prints, per layout, the share of files read at all and the share with each fact right, and
for each kind of miss the first few files and what was found. It changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from typing import Any

from bench.generate import Generated, generate
from bench.layouts import LAYOUTS

FACTS = ("items", "municipality", "date", "committee", "members", "absent")
LISTS_MEMBERS = frozenset({"web", "markdown-html", "pdf-footer"})  # the others print no list


def compare(generated: Generated, doc: Any) -> dict[str, str | None]:
    """For each fact that applies, ``None`` if the loader found it, else what it found instead.

    ``members``: every member the file lists is a participant, with the party letter where the
    file prints one; ``absent``: everyone absent from the meeting is recorded as absent (from
    the meeting or from items). Facts a file does not print are left out.
    """
    expected = generated.meeting
    found = doc.meeting
    numbers = [item.number for item in found.items]
    wanted = [item.number for item in expected.items]
    municipality = str(found.municipality or "")
    result: dict[str, str | None] = {
        "items": None if numbers == wanted else f"{len(numbers)} items {_short(numbers)}",
        "municipality": None
        if municipality in (expected.municipality, expected.kode, expected.kommune)
        else repr(found.municipality),
        "date": None if found.date == expected.date else repr(found.date),
        "committee": None if found.committee == expected.committee else repr(found.committee),
    }
    if expected.layout in LISTS_MEMBERS:
        parties = expected.layout == "pdf-footer"
        got = {(p.name, p.party if parties else None) for p in found.participants}
        want = {(m.name, m.party if parties else None) for m in expected.members}
        result["members"] = None if want <= got else f"missing {sorted(want - got)}"
    if expected.absent:
        absent = {a.name for a in found.absences}
        absent |= {a.name for item in found.items for a in item.absences}
        want_absent = {m.name for m in expected.absent}
        result["absent"] = (
            None if want_absent <= absent else f"missing {sorted(want_absent - absent)}"
        )
    return result


def _short(numbers: list[int]) -> str:
    return str(numbers) if len(numbers) <= 16 else f"{numbers[:8]}...{numbers[-4:]}"


def check(n: int, seed: int) -> tuple[dict[str, Counter[str]], dict[tuple[str, str], list[str]]]:
    """Counts per layout (``files``, ``read``, and each fact right) and examples of misses."""
    from loaders.model import LoaderError  # noqa: PLC0415  (the project, not the benchmark)
    from loaders.read import read_minutes  # noqa: PLC0415

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    misses: dict[tuple[str, str], list[str]] = defaultdict(list)
    for generated in generate(n, seed):
        layout = generated.meeting.layout
        counts[layout]["files"] += 1
        try:
            doc = read_minutes(generated.text.encode("utf-8"), generated.name)
        except LoaderError as error:
            misses[layout, "read"].append(f"{generated.name}: {error}")
            continue
        except Exception as error:  # a crash is a finding to report, not a reason to stop
            misses[layout, "read"].append(f"{generated.name}: crashed: {error!r}")
            continue
        counts[layout]["read"] += 1
        expected_items = len(generated.meeting.items)
        for fact, miss in compare(generated, doc).items():
            counts[layout][f"{fact}?"] += 1
            if miss is None:
                counts[layout][fact] += 1
            else:
                detail = f" (expected {expected_items})" if fact == "items" else ""
                misses[layout, fact].append(f"{generated.name}: found {miss}{detail}")
    return counts, misses


def report(
    counts: dict[str, Counter[str]], misses: dict[tuple[str, str], list[str]], show: int
) -> str:
    header = "| layout | files | read | " + " | ".join(f"{f} right" for f in FACTS) + " |"
    lines = [header, "|---|" + "---:|" * (2 + len(FACTS))]
    for layout in (module.NAME for module in LAYOUTS):
        row = counts.get(layout, Counter())
        cells = [f"{row['read'] / (row['files'] or 1):.0%}"]
        cells += [f"{row[f] / row[f + '?']:.0%}" if row[f + "?"] else "n/a" for f in FACTS]
        lines.append(f"| {layout} | {row['files']} | " + " | ".join(cells) + " |")
    for (layout, fact), examples in sorted(misses.items()):
        lines.append("")
        lines.append(f"{layout}: {fact} missed in {len(examples)} files, e.g.")
        lines += [f"  {example}" for example in examples[:show]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.check", description=__doc__)
    parser.add_argument("--n", type=int, default=200, help="number of files (default 200)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--show", type=int, default=3, help="examples per kind of miss")
    args = parser.parse_args(argv)
    counts, misses = check(args.n, args.seed)
    print(report(counts, misses, args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
