"""Each sample minutes file parses to exactly what its hand-written golden file says.

The golden files (``tests/loaders/golden/*.yaml``) and their conventions are described in
``tests/loaders/golden/FORMAT.md``: strings compare with white space collapsed, people and
absences as multisets, everything else in order.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from loaders.model import (
    Absence,
    Attendance,
    Decision,
    MinutesDocument,
    Participant,
    Treatment,
    Vote,
)
from loaders.read import read_minutes

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
SEEDS = HERE.parent / "fixtures" / "seeds"
GOLDEN_FILES = sorted(GOLDEN.glob("*.yaml"))


def _norm(value: Any) -> Any:
    """Strings with white space collapsed; times as HH:MM; dates as ISO; lists and dicts deep."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_norm(v) for v in value]
    if isinstance(value, dict):
        return {k: _norm(v) for k, v in value.items()}
    return value


def _person(p: Participant) -> dict[str, Any]:
    return {"name": p.name, "party": p.party, "role": p.role}


def absence_view(a: Absence) -> dict[str, Any]:
    return {"name": a.name, "party": a.party, "reason": a.reason}


def _decision(d: Decision | Treatment | None) -> dict[str, Any] | None:
    if d is None:
        return None
    shaped = {"committee": d.committee, "date": d.date, "text": d.text}
    if isinstance(d, Decision):  # checked where an expectation names it (layout fixtures)
        shaped["outcome"] = d.outcome
    return shaped


def _vote(v: Vote) -> dict[str, Any]:
    return {
        "position": v.position,
        "voter": v.voter,
        "party": v.party,
        "count": v.count,
        "anchor": v.anchor,
    }


def _attendance(a: Attendance) -> dict[str, Any]:
    return {
        "name": a.name,
        "kind": a.kind,
        "party": a.party,
        "role": a.role,
        "time": a.time,
        "item_number": a.item_number,
        "substitute_for": a.substitute_for,
    }


def view(doc: MinutesDocument) -> dict[str, Any]:
    """The parsed document in the shape of a golden file."""
    m = doc.meeting
    shaped: dict[str, Any] = _norm(
        {
            "source": doc.source.name,
            "municipality": m.municipality,
            "committee": m.committee,
            "date": m.date,
            "start_time": m.start_time,
            "end_time": m.end_time,
            "place": m.place,
            "kind": m.kind,
            "participants": [_person(p) for p in m.participants],
            "absences": [absence_view(a) for a in m.absences],
            "attendance": [_attendance(a) for a in m.attendance],
            "items": [
                {
                    "number": item.number,
                    "title": item.title,
                    "prefix": item.prefix,
                    "closed": item.closed,
                    "case_numbers": [
                        {"raw": c.raw, "kle": c.kle, "facet": c.facet, "serial": c.serial}
                        for c in item.case_numbers
                    ],
                    "sections": [s.label for s in item.sections],
                    "attachments": [a.title for a in item.attachments],
                    "decision": _decision(item.decision),
                    "other_decisions": [_decision(d) for d in item.other_decisions],
                    "treatments": [_decision(t) for t in item.treatments],
                    "absences": [absence_view(a) for a in item.absences],
                    "votes": [_vote(v) for v in item.decision.votes] if item.decision else [],
                    "attendance": [_attendance(a) for a in item.attendance],
                }
                for item in m.items
            ],
        }
    )
    return shaped


_MULTISETS = {"participants", "absences", "unfiled_absences", "attendance"}


def _key(entry: Any) -> str:
    return repr(sorted(entry.items())) if isinstance(entry, dict) else repr(entry)


def differences(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Every place where ``actual`` differs from ``expected``, as readable lines."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        found: list[str] = []
        for key in expected:
            where = f"{path}.{key}" if path else str(key)
            if key not in actual:
                found.append(f"{where}: missing from the parse")
                continue
            if key in _MULTISETS and isinstance(expected[key], list):
                want = Counter(_key(e) for e in expected[key])
                got = Counter(_key(e) for e in actual[key])
                if want != got:
                    found.append(
                        f"{where}: missing {sorted((want - got).elements())}, "
                        f"unexpected {sorted((got - want).elements())}"
                    )
                continue
            found.extend(differences(expected[key], actual[key], where))
        return found
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual) or not all(isinstance(e, dict) for e in expected):
            return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]
        found = []
        for index, (want, got) in enumerate(zip(expected, actual, strict=True)):
            found.extend(differences(want, got, f"{path}[{index}]"))
        return found
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]


@pytest.fixture(scope="module")
def parsed() -> dict[str, MinutesDocument]:
    """Every sample parsed once for the module."""
    return {
        path.name: read_minutes(path.read_bytes(), path.name)
        for path in sorted(SEEDS.glob("*.txt"))
    }


def test_every_sample_has_a_golden_file() -> None:
    samples = {p.stem for p in SEEDS.glob("*.txt")}
    goldens = {p.stem for p in GOLDEN_FILES}
    assert samples == goldens


@pytest.mark.parametrize("golden", GOLDEN_FILES, ids=lambda p: p.stem)
def test_sample_matches_golden(golden: Path, parsed: dict[str, MinutesDocument]) -> None:
    expected = _norm(yaml.safe_load(golden.read_text(encoding="utf-8")))
    doc = parsed[expected["source"]]
    diff = differences(expected, view(doc))
    assert not diff, f"{golden.name} ({doc.layout}):\n" + "\n".join(diff)


@pytest.mark.parametrize("golden", GOLDEN_FILES, ids=lambda p: p.stem)
def test_golden_describes_every_field(golden: Path, parsed: dict[str, MinutesDocument]) -> None:
    """A golden file that leaves a field out would let the parser's value go unchecked."""
    expected = yaml.safe_load(golden.read_text(encoding="utf-8"))
    actual = view(parsed[expected["source"]])
    assert set(actual) <= set(expected), set(actual) - set(expected)
    for index, item in enumerate(expected["items"]):
        missing = set(actual["items"][0]) - set(item)
        assert not missing, f"item {index + 1} lacks {missing}"
