"""Tests for loaders/rules/attendance.py, and the loader acceptance of issue 14: votes and
attendance of the divided-vote fixture, and decisions without attendance notes on the samples."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from loaders.model import MinutesDocument
from loaders.read import read_minutes
from loaders.rules import attendance, people

HERE = Path(__file__).parent
SEEDS = HERE.parent / "fixtures" / "seeds"
LAYOUTS = HERE / "layouts"


def _read(path: Path) -> MinutesDocument:
    return read_minutes(path.read_bytes(), path.name)


@pytest.fixture(scope="module")
def council() -> MinutesDocument:
    return _read(LAYOUTS / "vote_divided_council.txt")


def test_divided_vote_four_for_one_reservation_one_against_one_absent(
    council: MinutesDocument,
) -> None:
    item = council.meeting.items[1]
    assert item.decision is not None
    votes = item.decision.votes
    assert Counter(v.position for v in votes) == {"for": 4, "forbehold": 1, "imod": 1}
    assert [v.voter for v in votes if v.position == "for"] == [
        "Anne Holm",
        "Bent Lund",
        "Carsten Møller",
        "Dorthe Krog",
    ]
    assert [(v.voter, v.party) for v in votes if v.position != "for"] == [
        ("Erik Vang", "V"),
        ("Frida Nørgaard", "Ø"),
    ]
    absent = [a for a in item.attendance if a.kind == "absent"]
    assert [(a.name, a.scope) for a in absent] == [("Gustav Berg", "item")]
    # absent from the item, present at the meeting
    meeting = {(a.name, a.kind) for a in council.meeting.attendance}
    assert ("Gustav Berg", "present") in meeting
    assert ("Gustav Berg", "absent") not in meeting
    assert "deltog ikke" not in item.decision.text


def test_vote_spans_are_their_anchors_in_the_text(council: MinutesDocument) -> None:
    decision = council.meeting.items[1].decision
    assert decision is not None
    for vote in decision.votes:
        assert council.text[vote.span.begin : vote.span.end] == vote.anchor
        assert decision.span.begin <= vote.span.begin < vote.span.end <= decision.span.end
    reservation = decision.votes[4]
    line = council.text.splitlines()[reservation.span.first_line - 1]
    assert reservation.anchor in line
    assert reservation.span.first_line == reservation.span.last_line == 45


def test_the_other_bodys_decision_keeps_its_own_vote(council: MinutesDocument) -> None:
    item = council.meeting.items[1]
    (other,) = item.other_decisions
    assert other.committee == "Økonomiudvalget"
    assert other.date == dt.date(2024, 9, 10)
    assert [(v.position, v.voter) for v in other.votes] == [("imod", "Frida Nørgaard")]


def test_attendance_spans_point_at_the_names(council: MinutesDocument) -> None:
    notes = council.meeting.attendance + [a for i in council.meeting.items for a in i.attendance]
    assert notes
    for note in notes:
        assert council.text[note.span.begin : note.span.end] == note.name


@pytest.mark.parametrize("sample", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_no_sample_decision_holds_an_attendance_note(sample: Path) -> None:
    doc = _read(sample)
    decisions = [d for i in doc.meeting.items for d in (i.decision, *i.other_decisions) if d]
    assert decisions
    for decision in decisions:
        assert people.attendance_notes(decision.text) == [], decision.text
        for line in decision.text.splitlines():
            assert people.attendance_line(line.strip()) is None, line


def test_samples_absences_stay_per_item() -> None:
    """Sample 000 gives its absences per item only: none is the meeting's."""
    doc = _read(SEEDS / "000_dccc08daabfe9e2b.txt")
    assert doc.meeting.absences == []
    assert not [a for a in doc.meeting.attendance if a.kind == "absent"]
    first = doc.meeting.items[0]
    assert [(a.name, a.scope) for a in first.attendance] == [
        ("Jens Lønberg Pedersen", "item"),
        ("Tina Boel Van Ingen", "item"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("deltog fra kl. 16.30", dt.time(16, 30)),
        ("ankom kl. 17:10 under punkt 3", dt.time(17, 10)),
        ("forlod mødet kl. 19", dt.time(19, 0)),
        ("forlod mødet kl. 25.10", None),
        ("forlod mødet efter punkt 5", None),
    ],
)
def test_note_time(text: str, expected: dt.time | None) -> None:
    assert attendance.note_time(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("under behandlingen af punkt 3", 3),
        ("efter pkt. 12", 12),
        ("under dagsordenspunkt 7", 7),
        ("kl. 16.30", None),
        ("under punkt 3-5", None),
        ("under pkt. 13 – 15", None),
    ],
)
def test_note_item(text: str, expected: int | None) -> None:
    assert attendance.note_item(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Desuden deltog: direktør Vibeke Rask", ("", "direktør Vibeke Rask")),
        ("Endvidere deltog:", ("", "")),
        ("Referent: Ole Krogh", ("referent", "Ole Krogh")),
        ("Fra forvaltningen deltog: Bo Lund (centerchef)", ("", "Bo Lund (centerchef)")),
        ("Desuden er sagen drøftet med borgerne.", None),
        ("Deltagere: Bo Lund", None),
    ],
)
def test_guest_line(line: str, expected: tuple[str, str] | None) -> None:
    assert attendance.guest_line(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Desuden deltog: direktør Vibeke Rask og Niels Bach (vejchef)", True),
        ("Desuden deltog: Bo Lund, kommunaldirektør", True),
        ("Stedfortræder: Ulla Winther (V) for Tom Lindholm", True),
        ("Stedfortrædere: Ulla Winther (V) i stedet for Tom Lindholm; Per Ravn (A)", True),
        ("Stedfortræder: Ulla Winther (V) (for Tom Lindholm)", True),
        ("Desuden deltog: en række borgere fra lokalområdet", False),
        ("Stedfortræder: ingen", False),
        ("Godkendt.", False),
    ],
)
def test_is_label_note(line: str, expected: bool) -> None:
    assert attendance.is_label_note(line) is expected


@pytest.mark.parametrize(
    ("sentence", "kind", "names"),
    [
        ("Lone Mikkelsen (V) deltog fra kl. 15.30.", "arrived", ["Lone Mikkelsen"]),
        ("Bo Lund deltog i mødet fra punkt 4.", "arrived", ["Bo Lund"]),
        ("Bo Lund ankom kl. 17.10 under behandlingen af punkt 3.", "arrived", ["Bo Lund"]),
        ("Bo Lund og Eva Holm forlod mødet efter punkt 5.", "left", ["Bo Lund", "Eva Holm"]),
        ("Bo Lund deltog indtil kl. 18.00.", "left", ["Bo Lund"]),
        ("Jens Kirk (A) mødte for Karl Berg.", "substitute", ["Jens Kirk"]),
        ("Jens Kirk deltog som stedfortræder for Karl Berg.", "substitute", ["Jens Kirk"]),
        ("Karl Berg (A) deltog ikke i behandlingen af punktet.", "absent", ["Karl Berg"]),
        (
            "Direktør Vibeke Rask deltog under behandlingen af punktet.",
            "guest",
            ["Direktør Vibeke Rask"],
        ),
        ("Bo Lund deltog i behandlingen af punkt 4.", "guest", ["Bo Lund"]),
    ],
)
def test_note_kinds(sentence: str, kind: str, names: list[str]) -> None:
    (note,) = people.attendance_notes(sentence)
    assert note.kind == kind
    assert [p.name for p in note.people] == names
    assert (note.reason is None) is (kind != "absent")


HEADER_SENTENCES = """\
Referat

Økonomiudvalget

Mødedato: 3. marts 2025 kl. 15.00

Deltagere: Karl Berg (A), Lone Mikkelsen (V), Bo Lund (C)

Bo Lund (C) havde meldt afbud.
Eva Holm (Ø) deltog ikke i mødet.

1. Godkendelse af dagsorden

Beslutning

Godkendt.
"""


def test_absences_the_header_states_in_sentences_are_the_meetings() -> None:
    doc = read_minutes(HEADER_SENTENCES.encode(), "h.txt", municipality="Lejre")
    meeting = doc.meeting
    assert [(a.name, a.party, a.reason, a.scope) for a in meeting.absences] == [
        ("Bo Lund", "C", "afbud", "meeting"),
        ("Eva Holm", "Ø", "deltog ikke", "meeting"),
    ]
    assert [(a.name, a.kind) for a in meeting.attendance] == [
        ("Karl Berg", "present"),
        ("Lone Mikkelsen", "present"),
        ("Bo Lund", "absent"),
        ("Eva Holm", "absent"),
    ]
    assert meeting.items[0].attendance == []


def test_an_official_or_a_member_taking_part_in_an_item() -> None:
    text = HEADER_SENTENCES.replace(
        "Godkendt.\n",
        "Godkendt.\n\nCenterchef Ib Dahl deltog under behandlingen af punktet.\n"
        "Bo Lund (C) deltog i behandlingen af punkt 1.\n",
    )
    doc = read_minutes(text.encode(), "h.txt", municipality="Lejre")
    item = doc.meeting.items[0]
    assert item.decision is not None
    assert item.decision.text == "Godkendt."
    assert [(a.name, a.kind, a.role, a.item_number) for a in item.attendance] == [
        ("Ib Dahl", "guest", "centerchef", None),
        ("Bo Lund", "present", None, 1),
    ]
    for note in item.attendance:
        assert doc.text[note.span.begin : note.span.end] == note.name
