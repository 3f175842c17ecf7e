"""Scoring the recogniser against hand-written golden mention files: precision and recall
per entity type, every false find and every miss. ``referatgraf report`` prints it; the
golden files of the bundled samples are in ``tests/loaders/golden_mentions/``.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from loaders.decode import decode_bytes
from loaders.lines import split_lines
from loaders.mentions import Mention, find_mentions
from loaders.normalize import normalize_text

TYPES = ("law", "programme", "organisation", "person")
ENTRY_FIELDS = {"line", "anchor", "nth", "entity", "type", "candidate", "provisions"}


@dataclass(frozen=True, slots=True)
class Expected:
    """One golden mention, located in the normalised text."""

    line: int
    begin: int
    end: int
    anchor: str
    entity_type: str
    entity: str | None
    candidate: bool
    provisions: tuple[str, ...]


@dataclass(slots=True)
class Sample:
    """A sample's normalised text, the item region and its golden mentions."""

    name: str
    text: str
    region_begin: int
    line_begins: list[int]
    skip: set[int]
    on: dt.date
    people: tuple[str, ...]
    expected: list[Expected] = field(default_factory=list)

    def line_of(self, offset: int) -> int:
        """The 1-based line of an offset into the text."""
        return bisect.bisect_right(self.line_begins, offset)


def _nth(line_text: str, anchor: str, nth: int) -> int:
    at = -1
    for _ in range(nth):
        at = line_text.find(anchor, at + 1)
        if at < 0:
            raise ValueError(f"{anchor!r} does not occur {nth} time(s) in {line_text!r}")
    return at


def load_sample(path: Path, minutes: Path) -> Sample:
    """The golden file at ``path`` with its minutes (in the folder ``minutes``) read and
    normalised."""
    spec: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw = (minutes / spec["source"]).read_bytes()
    text, _ = normalize_text(decode_bytes(raw)[0])
    lines = split_lines(text)
    first = lines[spec["items_from_line"] - 1]
    sample = Sample(
        name=spec["source"],
        text=text,
        region_begin=first.begin,
        line_begins=[line.begin for line in lines],
        skip=set(spec.get("skip_lines") or ()),
        on=spec["meeting_date"],
        people=tuple(spec.get("people") or ()),
    )
    for entry in spec["mentions"]:
        unknown = set(entry) - ENTRY_FIELDS
        if unknown:
            raise ValueError(f"{path.name}: unknown fields {sorted(unknown)} in {entry}")
        line = lines[entry["line"] - 1]
        begin = line.begin + _nth(line.text, str(entry["anchor"]), int(entry.get("nth", 1)))
        sample.expected.append(
            Expected(
                line=entry["line"],
                begin=begin,
                end=begin + len(str(entry["anchor"])),
                anchor=str(entry["anchor"]),
                entity_type=entry["type"],
                entity=entry.get("entity"),
                candidate=bool(entry.get("candidate", False)),
                provisions=tuple(entry.get("provisions") or ()),
            )
        )
    return sample


def recognise(sample: Sample) -> list[Mention]:
    """The recogniser's mentions in the sample's item region, offsets into the whole text,
    without those on skipped lines."""
    region = sample.text[sample.region_begin :]
    found = find_mentions(region, on=sample.on, people=sample.people)
    shifted = [
        Mention(
            m.entity_key,
            m.entity_type,
            m.begin + sample.region_begin,
            m.end + sample.region_begin,
            m.anchor_text,
            m.rule,
            m.confidence,
            m.provisions,
            m.candidate,
            m.role,
            m.alias,
        )
        for m in found
    ]
    return [m for m in shifted if sample.line_of(m.begin) not in sample.skip]


def agrees(found: Mention, expected: Expected) -> bool:
    """Whether a found mention is the expected one: same span, type, and entity (or both new)."""
    if (found.begin, found.end, found.entity_type) != (
        expected.begin,
        expected.end,
        expected.entity_type,
    ):
        return False
    if expected.candidate:
        return found.candidate
    return not found.candidate and found.entity_key == expected.entity


@dataclass(slots=True)
class Score:
    """True positives, false positives and misses, per entity type."""

    hits: Counter[str] = field(default_factory=Counter)
    false: list[tuple[str, Mention]] = field(default_factory=list)
    missed: list[tuple[str, Expected]] = field(default_factory=list)
    wrong_provisions: list[tuple[str, Mention, Expected]] = field(default_factory=list)

    def precision(self, entity_type: str) -> float:
        hits = self.hits[entity_type]
        false = sum(1 for _, m in self.false if m.entity_type == entity_type)
        return hits / (hits + false) if hits + false else 1.0

    def recall(self, entity_type: str) -> float:
        hits = self.hits[entity_type]
        missed = sum(1 for _, e in self.missed if e.entity_type == entity_type)
        return hits / (hits + missed) if hits + missed else 1.0

    def table(self) -> str:
        rows = ["type          precision  recall  hits  false  missed"]
        for t in TYPES:
            false = sum(1 for _, m in self.false if m.entity_type == t)
            missed = sum(1 for _, e in self.missed if e.entity_type == t)
            rates = f"{self.precision(t):>9.3f} {self.recall(t):>7.3f}"
            rows.append(f"{t:<13} {rates} {self.hits[t]:>5} {false:>6} {missed:>7}")
        return "\n".join(rows)


def score(samples: list[Sample]) -> Score:
    """The recogniser scored against every sample's golden mentions."""
    result = Score()
    for sample in samples:
        found = recognise(sample)
        unmatched = list(sample.expected)
        for mention in found:
            match = next((e for e in unmatched if agrees(mention, e)), None)
            if match is None:
                result.false.append((sample.name, mention))
                continue
            unmatched.remove(match)
            result.hits[mention.entity_type] += 1
            if mention.entity_type == "law" and mention.provisions != match.provisions:
                result.wrong_provisions.append((sample.name, mention, match))
        result.missed += [(sample.name, e) for e in unmatched]
    return result


def report_lines(samples: list[Sample], result: Score) -> list[str]:
    """The scores, the false finds and the misses, as lines for a person."""
    lines = result.table().splitlines()
    by_name = {s.name: s for s in samples}
    for name, m in result.false:
        line = by_name[name].line_of(m.begin)
        new = ", new" if m.candidate else ""
        where = f"{name}:{line} {m.entity_type} {m.entity_key}"
        lines.append(f"FALSE  {where} {m.anchor_text!r} ({m.rule}{new})")
    for name, e in result.missed:
        lines.append(f"MISSED {name}:{e.line} {e.entity_type} {e.entity or 'new'} {e.anchor!r}")
    for name, m, e in result.wrong_provisions:
        lines.append(f"PROVISIONS {name} {m.anchor_text!r}: {m.provisions} != {e.provisions}")
    return lines


def evaluate(golden: Path, minutes: Path) -> tuple[list[Sample], Score]:
    """Every golden file in the folder ``golden``, scored against its minutes in ``minutes``."""
    samples = [load_sample(p, minutes) for p in sorted(golden.glob("*.yaml"))]
    return samples, score(samples)
