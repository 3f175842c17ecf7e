"""Participants and absences: lists under labels, names with party and role, "deltog ikke"."""

from __future__ import annotations

import doctest

import pytest

from loaders.parse import parse_minutes
from loaders.rules import item_absences, people
from loaders.rules.parse_state import ParseState
from loaders.rules.people import attendance_line, parse_people, parse_person, participant_label


def test_doctests() -> None:
    assert doctest.testmod(people).failed == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Christian Plank (F) (Formand)", ("Christian Plank", "F", "formand")),
        ("Ole Blickfeldt (O) (Næstformand)", ("Ole Blickfeldt", "O", "næstformand")),
        ("Henrik Nielsen (Sekretær)", ("Henrik Nielsen", None, "sekretær")),
        ("Mads Berg (SF)", ("Mads Berg", "SF", None)),
        ("Tina Boel van Ingen", ("Tina Boel van Ingen", None, None)),
        ("Connie B. Jensen", ("Connie B. Jensen", None, None)),
    ],
)
def test_parse_person(text: str, expected: tuple[str, str | None, str | None]) -> None:
    person = parse_person(text)
    assert person is not None
    assert (person.name, person.party, person.role) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Godkendt",
        "Ingen bemærkninger.",
        "Udvalget for Job & Arbejdsmarked",
        "Taget til efterretning",
        "",
    ],
)
def test_not_a_person(text: str) -> None:
    assert parse_person(text) is None


def test_lists_of_people() -> None:
    found = parse_people("Jens Lønberg Pedersen og Tina Boel Van Ingen")
    assert found is not None
    assert [p.name for p in found] == ["Jens Lønberg Pedersen", "Tina Boel Van Ingen"]
    assert parse_people("Klaus Kristiansen, Claus Jørgensen, ingen andre") is None


def test_attendance_lines() -> None:
    assert attendance_line("Fraværende Tina Boel van Ingen, Jens Lønberg Pedersen") == (
        "fraværende",
        "Tina Boel van Ingen, Jens Lønberg Pedersen",
    )
    assert attendance_line("Fraværende: Steen Hansen (O)") == ("fraværende", "Steen Hansen (O)")
    assert attendance_line("Afbud:") == ("afbud", "")
    assert attendance_line("Fraværende borgere er ikke omfattet.") is None
    assert participant_label("Deltagere") == ""
    assert participant_label("Mødedeltagere Klaus Kristiansen, Claus Jørgensen") == (
        "Klaus Kristiansen, Claus Jørgensen"
    )


def test_did_not_take_part_names_each_person_with_its_span() -> None:
    text = "X\nOle Blickfeldt (O) og Bo Berg deltog ikke i behandlingen af punktet.\n"
    state = ParseState.from_text(text)
    found = item_absences.note_absences(state, 1, "item")
    assert [(a.name, a.party, a.reason) for a in found] == [
        ("Ole Blickfeldt", "O", "deltog ikke"),
        ("Bo Berg", None, "deltog ikke"),
    ]
    for absence in found:
        assert text[absence.span.begin : absence.span.end] == absence.name
    assert (
        item_absences.note_absences(ParseState.from_text("Udvalget deltog ikke."), 0, "item") == []
    )


MINUTES = """\
Udvalget for Teknik
REFERAT
Dato: 3. maj 2023
Medlemmer: Anne Hansen (A) (Formand)
Bo Berg (V) (Medlem)
Carl Dahl (Sekretær)

Fraværende: Dorte Ege (O)

Deltagere
  • Eva Fisk
  • Finn Gade

1. Første sag
Beslutning Udvalget for Teknik den 03-05-2023
Godkendt.
Bo Berg (V) deltog ikke i behandlingen af punktet.
Afbud:
Dorte Ege (O)

Beslutning Udvalget for Miljø den 02-05-2023
Godkendt.
Afbud:
Gerd Holm (C)

2. Anden sag
Sagsnr: 23-000001
Fraværende Anne Hansen, Bo Berg
"""


def test_meeting_and_item_attendance() -> None:
    meeting, _, _ = parse_minutes(MINUTES, municipality="Lejre")
    assert [(p.name, p.party, p.role) for p in meeting.participants] == [
        ("Anne Hansen", "A", "formand"),
        ("Bo Berg", "V", "medlem"),
        ("Carl Dahl", None, "sekretær"),
        ("Eva Fisk", None, None),
        ("Finn Gade", None, None),
    ]
    assert [(a.name, a.scope, a.reason) for a in meeting.absences] == [
        ("Dorte Ege", "meeting", "fraværende")
    ]
    first, second = meeting.items
    # Absences of the other committee's decision are not this meeting's.
    assert sorted((a.name, a.reason) for a in first.absences) == [
        ("Bo Berg", "deltog ikke"),
        ("Dorte Ege", "afbud"),
    ]
    assert all(a.scope == "item" for a in first.absences)
    assert [(a.name, a.reason) for a in second.absences] == [
        ("Anne Hansen", "fraværende"),
        ("Bo Berg", "fraværende"),
    ]
    for person in [*meeting.participants, *meeting.absences, *first.absences, *second.absences]:
        assert person.name in MINUTES[person.span.begin : person.span.end]


@pytest.mark.parametrize("text", ["Lejre Kommune", "Jobcenter Lejre", "Allerslev Rådhus"])
def test_places_and_bodies_are_not_people(text: str) -> None:
    assert parse_person(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ole Blickfeldt (O) deltog ikke i behandlingen af punktet.",
            [("deltog ikke", ["Ole Blickfeldt"], 0, 57)],
        ),
        ("Anne Holm (V) var forhindret i at deltage.", [("forhindret", ["Anne Holm"], 0, 42)]),
        ("Sofie Lind (A) var fraværende.", [("fraværende", ["Sofie Lind"], 0, 30)]),
        ("Jens Nør (V) havde meldt afbud.", [("afbud", ["Jens Nør"], 0, 31)]),
        ("Bo Lund meldte forfald.", [("afbud", ["Bo Lund"], 0, 23)]),
        (
            "Lis Bæk og Ole Frost erklærede sig inhabile og deltog ikke.",
            [("inhabil", ["Lis Bæk", "Ole Frost"], 0, 59)],
        ),
        ("Hans Vinter (C) forlod mødet kl. 17.30.", [(None, ["Hans Vinter"], 0, 39)]),
        ("Godkendt. Fraværende: Karen Dal (F)", [("fraværende", ["Karen Dal"], 10, 35)]),
        (
            "Anbefales. Ole Dam deltog ikke. Mette Ry stemte imod.",
            [("deltog ikke", ["Ole Dam"], 11, 31)],
        ),
        ("Udvalget deltog ikke i mødet.", []),
        ("200 elever fra 6. årgang deltog.", []),
        ("Fraværende borgere er ikke omfattet.", []),
    ],
)
def test_attendance_notes(
    text: str, expected: list[tuple[str | None, list[str], int, int]]
) -> None:
    found = people.attendance_notes(text)
    assert [(n.reason, [p.name for p in n.people], n.start, n.end) for n in found] == expected
    for note in found:
        for person in note.people:
            assert text[person.start : person.start + len(person.name)] == person.name


def test_note_lines() -> None:
    assert people.is_note_line("Ole Dam deltog ikke i behandlingen af punktet.")
    assert people.is_note_line("Ole Dam var fraværende. Bo Berg (V) havde meldt afbud.")
    assert not people.is_note_line("Godkendt. Ole Dam deltog ikke.")
    assert not people.is_note_line("Godkendt.")
    assert people.is_nobody_line("Ingen")
    assert people.is_nobody_line("-")
    assert not people.is_nobody_line("Ingen bemærkninger")
    assert people.listed_people("• Per Holm (V)") == "Per Holm (V)"
    assert people.listed_people("Godkendt.") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Afbud fra: Bo Berg", ("afbud", "Bo Berg")),
        ("Meldt afbud: Bo Berg (V)", ("afbud", "Bo Berg (V)")),
        ("Forfald: Bo Berg", ("forfald", "Bo Berg")),
        ("Fravær: Mona Eg (B), Kim Rask (V)", ("fravær", "Mona Eg (B), Kim Rask (V)")),
    ],
)
def test_more_absence_labels(line: str, expected: tuple[str, str]) -> None:
    assert attendance_line(line) == expected


def test_note_absences_of_a_line() -> None:
    text = "Godkendt. Ole Dam og Bo Berg (V) deltog ikke. Hans Vinter forlod mødet."
    state = ParseState.from_text(text)
    found = item_absences.note_absences(state, 0, "item")
    assert [(a.name, a.party, a.reason, a.scope) for a in found] == [
        ("Ole Dam", None, "deltog ikke", "item"),
        ("Bo Berg", "V", "deltog ikke", "item"),
    ]
    assert [text[a.span.begin : a.span.end] for a in found] == ["Ole Dam", "Bo Berg"]


def test_an_absence_label_without_a_colon_ends_the_list_of_participants() -> None:
    text = (
        "Byrådet\nMødetidspunkt 24-01-2023 kl. 17:00\n"
        "Deltagere Anne Berg (A), Jens Kofoed (V)\nFraværende Peter Holm (O)\n\n"
        "Punkt 1: Eventuelt\nBeslutning\nIntet.\n"
    )
    meeting, _, _ = parse_minutes(text, municipality="Syddjurs")
    assert [p.name for p in meeting.participants] == ["Anne Berg", "Jens Kofoed"]
    assert [(a.name, a.party, a.reason) for a in meeting.absences] == [
        ("Peter Holm", "O", "fraværende")
    ]
