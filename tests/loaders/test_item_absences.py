"""loaders/rules/item_absences.py: absences from items, each filed under exactly the items its
note covers, resolved against the items the minutes print; never an absence from the meeting."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.file_summary import summarise
from loaders.model import Absence, AgendaItem, Meeting, MinutesDocument, Span
from loaders.parse import parse_minutes
from loaders.read import read_minutes
from loaders.rules import item_absences
from loaders.rules.parse_state import ParseState

RANGES = Path(__file__).parent / "layouts" / "vote_item_ranges.txt"


def _doc() -> MinutesDocument:
    return read_minutes(RANGES.read_bytes(), RANGES.name)


def _filed(doc: MinutesDocument) -> dict[str, list[tuple[int | None, tuple[int, ...], str]]]:
    """Each person's item absences: (item, the items the absence covers, its reason)."""
    found: dict[str, list[tuple[int | None, tuple[int, ...], str]]] = {}
    for item in doc.meeting.items:
        for a in item.absences:
            found.setdefault(a.name, []).append((item.number, a.items, a.reason or ""))
    return found


def test_each_note_is_filed_under_exactly_the_items_it_covers() -> None:
    assert _filed(_doc()) == {
        "Hanne Bro": [(n, (3, 4, 5), "deltog ikke") for n in (3, 4, 5)],
        "Ib Dahl": [(n, (1, 2, 3), "ankom senere") for n in (1, 2, 3)],
        "Jonas Eg": [(n, (1, 2), "ankom senere") for n in (1, 2)],
        "Lars Gram": [(n, (2, 4, 7), "deltog ikke") for n in (2, 4, 7)],
        "Kirsten Fog": [(n, (3, 4, 5), "forlod mødet") for n in (3, 4, 5)],
        "Mette Holm": [(7, (7,), "forlod mødet")],
    }


def test_the_absences_point_at_the_names_in_their_notes() -> None:
    doc = _doc()
    lines = doc.text.split("\n")
    spans = {
        a.name: (a.span.first_line, a.span.begin, a.span.end)
        for item in doc.meeting.items
        for a in item.absences
    }
    for name, (line, begin, end) in spans.items():
        assert doc.text[begin:end] == name
        assert lines[line - 1].startswith(name)
    assert {name: line for name, (line, _, _) in spans.items()} == {
        "Hanne Bro": 12,
        "Ib Dahl": 13,
        "Jonas Eg": 14,
        "Lars Gram": 22,
        "Kirsten Fog": 34,
        "Mette Holm": 56,
    }
    header = doc.text.index("Hanne Bro (F) deltog ikke")
    assert spans["Hanne Bro"][1:] == (header, header + len("Hanne Bro"))
    departure = doc.text.index("Mette Holm (A) forlod mødet efter punkt 6")
    assert spans["Mette Holm"][1:] == (departure, departure + len("Mette Holm"))


def test_notes_naming_items_are_no_absences_from_the_meeting() -> None:
    meeting = _doc().meeting
    assert meeting.absences == []
    assert [a.name for a in meeting.attendance if a.kind == "absent"] == []
    present = {a.name for a in meeting.attendance if a.kind == "present"}
    assert {"Hanne Bro", "Ib Dahl", "Niels Ild", "Mette Holm"} <= present


def test_a_departure_during_one_item_names_that_item_and_no_absence() -> None:
    doc = _doc()
    five = doc.meeting.items[4]
    assert [(a.name, a.kind, a.item_number) for a in five.attendance if a.name == "Ole Juhl"] == [
        ("Ole Juhl", "left", 5)
    ]
    assert "Ole Juhl" not in _filed(doc)


def test_items_the_minutes_lack_leave_the_absence_unfiled_and_the_report_says_so() -> None:
    doc = _doc()
    (unfiled,) = doc.meeting.unfiled_absences
    assert (unfiled.name, unfiled.items, unfiled.reason, unfiled.span.first_line) == (
        "Niels Ild",
        (),
        "deltog ikke",
        56,
    )
    assert "Niels Ild" not in _filed(doc)
    summary = summarise(doc)
    assert summary.warnings[-1] == (
        "1 absence names items not in these minutes: kept without items (line 56)"
    )
    assert "registreret uden punkter (linje 56)" in summary.warnings_da[-1]


def test_a_note_naming_its_own_doubled_number_stays_in_its_item() -> None:
    state = ParseState.from_text("Bo Lund (V) deltog ikke i behandlingen af punkt 2.")
    span = Span(1, 1, 0, 10)
    items = [AgendaItem(1, "Budget", span), AgendaItem(2, "Regnskab", span)]
    items.append(AgendaItem(2, "Takster", span))
    items[1].absences.extend(item_absences.note_absences(state, 0, "item"))
    state.meeting.items = items
    item_absences.file_under_items(state)
    assert [[a.name for a in item.absences] for item in items] == [[], ["Bo Lund"], []]
    assert state.meeting.unfiled_absences == []
    # the same note in the header cannot be filed: item 2 is printed twice
    state.meeting.absences.extend(items[1].absences)
    items[1].absences.clear()
    item_absences.file_under_items(state)
    assert [a.name for a in state.meeting.unfiled_absences] == ["Bo Lund"]
    assert state.meeting.absences == []


def test_note_absences_keep_the_items_missed_for_later() -> None:
    state = ParseState.from_text("Bo Lund (V) forlod mødet efter punkt 6.")
    (absence,) = item_absences.note_absences(state, 0, "item")
    assert (absence.name, absence.reason, absence.items) == ("Bo Lund", "forlod mødet", ())
    assert state.item_refs[absence.span].relation == "after"
    # a departure naming no item records no absence
    state = ParseState.from_text("Bo Lund (V) forlod mødet kl. 17.30.")
    assert item_absences.note_absences(state, 0, "item") == []


# --- property: range and point forms, any numbers, any spelling ------------------------------

MAX_EXAMPLES = int(os.environ.get("REFERATGRAF_PROPERTY_EXAMPLES", "60"))
PROPERTY = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TITLES = [
    "Godkendelse af dagsorden",
    "Budget 2026",
    "Regnskab 2025",
    "Takster for svømmehaller",
    "Skolestruktur",
    "Cykelstier i byen",
    "Kulturaftale",
    "Vandplan",
    "Eventuelt",
]
POINT_WORDS = st.sampled_from(["punkt", "pkt.", "pkt", "punkterne", "Punkt", "dagsordenspunkt"])
DASHES = st.sampled_from(["-", "–", " - ", " – ", " til ", " til og med "])
# The verb of a note over items named outright (always several of them here: a departure
# during one item names no absence).
ITEM_VERBS = st.sampled_from(
    [
        "deltog ikke i behandlingen af",
        "deltog ikke under",
        "var fraværende under",
        "forlod mødet under",
    ]
)
# A note naming a point in the meeting: the words before the number, and the items it covers
# as a function of the point and the number of items.
POINT_FORMS = st.sampled_from(
    [
        ("forlod mødet efter", lambda n, k: range(n + 1, k + 1)),
        ("forlod mødet kl. 17.10 efter", lambda n, k: range(n + 1, k + 1)),
        ("forlod mødet før behandlingen af", lambda n, k: range(n, k + 1)),
        ("deltog ikke i mødet fra", lambda n, k: range(n, k + 1)),
        ("ankom under", lambda n, k: range(1, n)),
        ("ankom kl. 16.45 under behandlingen af", lambda n, k: range(1, n)),
        ("deltog fra", lambda n, k: range(1, n)),
        ("ankom efter", lambda n, k: range(1, n + 1)),
    ]
)


@st.composite
def item_notes(draw: st.DrawFn) -> tuple[int, str, set[int] | None]:
    """(items in the meeting, the note's words after the name, the items it covers or None
    when they cannot be resolved)."""
    count = draw(st.integers(3, len(TITLES)))
    number = st.integers(1, count + 3)  # now and then a number the meeting lacks
    word = draw(POINT_WORDS)
    if draw(st.booleans()):
        verb = draw(ITEM_VERBS)
        if draw(st.booleans()):  # a range
            first = draw(number)
            last = draw(st.integers(first + 1, first + 4))
            printed = f"{first}{draw(DASHES)}{last}"
            named = set(range(first, last + 1))
            ends = {first, last}
        else:  # a list, in any order
            listed = draw(st.lists(number, min_size=2, max_size=4, unique=True))
            joiner = draw(st.sampled_from([" og ", ", og ", " samt "]))
            printed = ", ".join(map(str, listed[:-1])) + joiner + str(listed[-1])
            named = ends = set(listed)
        if not ends <= set(range(1, count + 1)):
            return count, f"{verb} {word} {printed}.", None
        return count, f"{verb} {word} {printed}.", named & set(range(1, count + 1))
    verb, cover = draw(POINT_FORMS)
    point = draw(number)
    covers = set(cover(point, count)) if point <= count else None
    return count, f"{verb} {word} {point}.", covers


def _minutes(count: int, note: str, where: int) -> str:
    """Minutes of ``count`` items with the note in the header (``where`` 0) or at the end of
    item ``where``'s decision."""
    parts = [
        "Viborg Kommune\n\nReferat\n\nKultur- og Fritidsudvalget\n\n"
        "Mødedato: 12. maj 2025 kl. 16.00\n\nDeltagere: Anna Holm (A), Bo Lund (V)\n"
    ]
    if where == 0:
        parts.append(f"Bo Lund (V) {note}\n")
    for number in range(1, count + 1):
        parts.append(f"\n{number}. {TITLES[number - 1]}\n\nBeslutning\n\nGodkendt.\n")
        if where == number:
            parts.append(f"\nBo Lund (V) {note}\n")
    return "".join(parts)


def _absences_of(meeting: Meeting) -> dict[int | None, list[Absence]]:
    return {
        item.number: [a for a in item.absences if a.name == "Bo Lund"] for item in meeting.items
    }


@PROPERTY
@given(item_notes(), st.integers(0, len(TITLES)))
def test_a_note_over_items_is_filed_under_exactly_those(
    note: tuple[int, str, set[int] | None], where: int
) -> None:
    count, words, covers = note
    where = min(where, count)
    meeting, _, _ = parse_minutes(_minutes(count, words, where))
    assert [item.number for item in meeting.items] == list(range(1, count + 1))
    by_item = _absences_of(meeting)
    assert all(a.name != "Bo Lund" for a in meeting.absences)  # never the whole meeting's
    for item in meeting.items:
        assert item.decision is not None
        assert item.decision.text == "Godkendt.", words
    if covers is None:
        assert [a.name for a in meeting.unfiled_absences] == ["Bo Lund"], words
        assert not any(by_item.values()), words
        return
    assert meeting.unfiled_absences == []
    assert {n for n, found in by_item.items() if found} == covers, words
    for found in by_item.values():
        assert [a.items for a in found] in ([], [tuple(sorted(covers))]), words
