"""Tests for loaders/vote_actors.py: who a vote sentence names."""

from __future__ import annotations

import pytest

from loaders.vote_actors import Actor, actors, subject


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A, V og O", [Actor(None, "A"), Actor(None, "V"), Actor(None, "O")]),
        ("A (3), V (2)", [Actor(None, "A", 3), Actor(None, "V", 2)]),
        ("Ø (6)", [Actor(None, "Ø", 6)]),
        ("F og Ø (6)", [Actor(None, "F"), Actor(None, "Ø"), Actor(None, None, 6)]),
        ("Enhedslisten (Ø)", [Actor(None, "Ø")]),
        ("Jens Hansen (A) samt Bo Lund", [Actor("Jens Hansen", "A"), Actor("Bo Lund", None)]),
        ("15", [Actor(None, None, 15)]),
        ("Udvalget", None),
        ("A og forvaltningen", None),
        ("", None),
    ],
)
def test_actors(text: str, expected: list[Actor] | None) -> None:
    assert actors(text, group=False) == expected


def test_group_only_lists_take_no_members() -> None:
    assert actors("Jens Hansen (A)", group=True) is None
    assert actors("Venstre og SF", group=True) == [Actor(None, "Venstre"), Actor(None, "SF")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Et flertal bestående af A og B (4)",
            [Actor(None, "A"), Actor(None, "B"), Actor(None, None, 4)],
        ),
        ("Et mindretal (Ø)", [Actor(None, "Ø")]),
        ("Mindretallet (Ø) (2)", [Actor(None, "Ø", 2)]),
        (
            "Et flertal i udvalget på 5 (A, V)",
            [Actor(None, "A"), Actor(None, "V"), Actor(None, None, 5)],
        ),
        ("Partierne A og V", [Actor(None, "A"), Actor(None, "V")]),
        ("Et flertal", None),
        ("Et flertal (A, V) af hensyn til", None),
    ],
)
def test_subject(text: str, expected: list[Actor] | None) -> None:
    assert subject(text, group_only=False) == expected
