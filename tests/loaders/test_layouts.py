"""Each layout fixture parses to what its hand-written expectations say
(``tests/loaders/layouts/README.md``): the loader's rules describe minutes in general."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from loaders.model import LoaderError
from loaders.read import read_minutes
from tests.loaders.test_golden import absence_view, differences, view

LAYOUTS = Path(__file__).parent / "layouts"
EXPECTATIONS = sorted(LAYOUTS.glob("*.yaml"))
_EXTRA = ("date_source", "committee_source", "municipality_source", "toc_entries")


def _fixture(expected: dict[str, Any], path: Path) -> Path:
    fixture = LAYOUTS / str(expected["fixture"])
    assert fixture.exists(), f"{path.name} names {fixture.name}, which is not there"
    return fixture


def test_every_fixture_has_expectations() -> None:
    named = {yaml.safe_load(p.read_text(encoding="utf-8"))["fixture"] for p in EXPECTATIONS}
    fixtures = {p.name for p in LAYOUTS.iterdir() if p.suffix not in (".yaml", ".md")}
    assert fixtures == named


def test_every_fixture_is_in_the_readme() -> None:
    readme = (LAYOUTS / "README.md").read_text(encoding="utf-8")
    missing = [p.name for p in EXPECTATIONS if f"`{p.stem}." not in readme]
    assert not missing, f"add a line for each to {LAYOUTS / 'README.md'}: {missing}"


_VOTES_AND_ATTENDANCE = ("absences", "attendance")
_PER_ITEM = ("votes", "attendance", "absences")


@pytest.mark.parametrize("path", EXPECTATIONS, ids=[p.stem for p in EXPECTATIONS])
def test_every_fixture_states_votes_and_attendance(path: Path) -> None:
    """Issue 14: every fixture that loads says who was absent and present and how each item was
    voted on, ``[]`` where the minutes record nothing, so that a rule inventing one fails."""
    expected: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    if "error" in expected:
        return
    missing = [key for key in _VOTES_AND_ATTENDANCE if key not in expected]
    items = expected.get("items")
    if items is None:
        missing.append("items")
    else:
        missing += [
            f"items[{index}].{key}"
            for index, item in enumerate(items)
            for key in _PER_ITEM
            if key not in item
        ]
    assert not missing, f"{path.name} lacks {missing}"


@pytest.mark.parametrize("path", EXPECTATIONS, ids=[p.stem for p in EXPECTATIONS])
def test_layout(path: Path) -> None:
    expected: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    fixture = _fixture(expected, path)
    data = fixture.read_bytes()
    given = expected.get("given_municipality")
    if "error" in expected:
        with pytest.raises(LoaderError) as raised:
            read_minutes(data, fixture.name, municipality=given)
        assert expected["error"] in str(raised.value)
        return
    doc = read_minutes(data, fixture.name, municipality=given)
    actual = view(doc)
    for key in _EXTRA:
        actual[key] = getattr(doc.meeting, key)
    actual["unfiled_absences"] = [absence_view(a) for a in doc.meeting.unfiled_absences]
    for note in expected.get("notes", []):
        assert any(note in n for n in doc.notes), f"no note with {note!r} in {doc.notes}"
    checked = {
        k: v
        for k, v in expected.items()
        if k not in ("fixture", "shows", "notes", "given_municipality")
    }
    found = differences(_plain(checked), actual)
    assert not found, "\n".join(found)


def _plain(value: Any) -> Any:
    """Expectations with dates as ISO text, as the golden view writes them."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, str):
        return " ".join(value.split())
    return value
