"""Scoring the recogniser against hand-written golden mention files: precision and recall
per entity type, every false find and every miss. ``referatgraf report`` prints it; the
golden files of the bundled samples are in ``tests/loaders/golden_mentions/``, those of the
law citation fixtures in its ``layouts/`` folder.

A law may be named in a golden file by its normalised ``name`` instead of a key ("planloven",
"lov om planlægning"): the act the reference data lists by that name, or, where it lists none,
the candidate act of that name. A ``misspelled`` entry may also be any candidate, never
another act.
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
from loaders.mentions.actindex import act_index
from loaders.normalize import normalize_text
from loaders.reference.forms import slugify

TYPES = ("law", "programme", "organisation", "person")
SPEC_FIELDS = {
    "source",
    "meeting_date",
    "items_from_line",
    "skip_lines",
    "people",
    "types",
    "mentions",
}
ENTRY_FIELDS = {
    "line",
    "anchor",
    "nth",
    "entity",
    "type",
    "candidate",
    "provisions",
    "name",
    "eli",
    "misspelled",
}


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
    name: str | None = None  # a law by its normalised name
    eli: str | None = None  # the ELI the anchor's printed enactment gives
    misspelled: bool = False  # may also be any candidate, never another act


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
    types: tuple[str, ...] = TYPES  # the entity types the golden file lists

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
    unknown_keys = set(spec) - SPEC_FIELDS
    if unknown_keys:
        raise ValueError(f"{path.name}: unknown keys {sorted(unknown_keys)}")
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
        types=tuple(spec.get("types") or TYPES),
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
                name=entry.get("name"),
                eli=entry.get("eli"),
                misspelled=bool(entry.get("misspelled", False)),
            )
        )
    return sample


def recognise(sample: Sample) -> list[Mention]:
    """The recogniser's mentions in the sample's item region, offsets into the whole text,
    without those on skipped lines."""
    region = sample.text[sample.region_begin :]
    found = find_mentions(region, on=sample.on, people=sample.people)
    shifted = [m.shifted(-sample.region_begin) for m in found]
    return [m for m in shifted if sample.line_of(m.begin) not in sample.skip]


def _named_act(found: Mention, expected: Expected) -> bool:
    """Whether ``found`` is the act the golden entry names by its normalised name."""
    key = str(expected.name).lower()
    works = act_index().exact(key)
    if found.candidate:
        return expected.misspelled or (works is None and found.entity_key == slugify(key))
    return works is not None and any(found.entity_key in acts for acts in works)


def agrees(found: Mention, expected: Expected) -> bool:
    """Whether a found mention is the expected one: same span, type, and entity (or both new)."""
    if (found.begin, found.end, found.entity_type) != (
        expected.begin,
        expected.end,
        expected.entity_type,
    ):
        return False
    if expected.name is not None:
        return _named_act(found, expected)
    if expected.candidate or (expected.misspelled and found.candidate):
        return found.candidate
    return not found.candidate and found.entity_key == expected.entity


@dataclass(slots=True)
class Score:
    """True positives, false positives and misses, per entity type."""

    hits: Counter[str] = field(default_factory=Counter)
    false: list[tuple[str, Mention]] = field(default_factory=list)
    missed: list[tuple[str, Expected]] = field(default_factory=list)
    wrong_provisions: list[tuple[str, Mention, Expected]] = field(default_factory=list)
    wrong_eli: list[tuple[str, Mention, Expected]] = field(default_factory=list)
    # a law found where the golden file has one, but resolved to another act
    wrong_acts: list[tuple[str, Mention, Expected]] = field(default_factory=list)

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


def score(samples: list[Sample], types: tuple[str, ...] = TYPES) -> Score:
    """The recogniser scored against every sample's golden mentions of ``types``."""
    result = Score()
    for sample in samples:
        scored = [t for t in types if t in sample.types]
        found = [m for m in recognise(sample) if m.entity_type in scored]
        unmatched = [e for e in sample.expected if e.entity_type in scored]
        for mention in found:
            match = next((e for e in unmatched if agrees(mention, e)), None)
            if match is None:
                result.false.append((sample.name, mention))
                continue
            unmatched.remove(match)
            result.hits[mention.entity_type] += 1
            if mention.entity_type == "law" and mention.provisions != match.provisions:
                result.wrong_provisions.append((sample.name, mention, match))
            if mention.entity_type == "law" and mention.eli != match.eli:
                result.wrong_eli.append((sample.name, mention, match))
        result.missed += [(sample.name, e) for e in unmatched]
        result.wrong_acts += [
            (sample.name, m, e)
            for e in unmatched
            for m in found
            if e.entity_type == "law" == m.entity_type
            and (m.begin, m.end) == (e.begin, e.end)
            and not m.candidate
        ]
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
    for name, m, e in result.wrong_eli:
        lines.append(f"ELI {name} {m.anchor_text!r}: {m.eli} != {e.eli}")
    for name, m, e in result.wrong_acts:
        lines.append(f"WRONG ACT {name}:{e.line} {m.anchor_text!r}: {m.entity_key}")
    return lines


def evaluate(
    golden: Path, minutes: Path, types: tuple[str, ...] = TYPES
) -> tuple[list[Sample], Score]:
    """Every golden file in the folder ``golden``, scored against its minutes in ``minutes``."""
    samples = [load_sample(p, minutes) for p in sorted(golden.glob("*.yaml"))]
    return samples, score(samples, types)
