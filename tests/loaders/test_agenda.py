"""Each item's lines sorted into preamble, sections and attendance notes; the absences the notes
record. Attendance notes are never the text of a section or a decision."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.parse import parse_minutes
from loaders.rules import sections
from loaders.rules.agenda import split_body
from loaders.rules.parse_state import ParseState


def _state(text: str) -> ParseState:
    state = ParseState.from_text(text)
    sections.mark_labels(state)
    return state


def test_split_body_keeps_notes_out_of_the_section() -> None:
    text = "Sagsnr. 1\nBeslutning\nFraværende: Bo Berg\nGodkendt.\nAfbud:\nLis Holm\nIngen\n"
    state = _state(text)
    body = split_body(state, 0, len(state.lines) - 1)
    assert body.preamble == [0]
    (token,) = body.sections
    assert (token.label.key, token.lines, token.skipped) == ("beslutning", (3, 3), frozenset())
    # The note under the label, the bare label, the name and "Ingen" under it.
    assert body.notes == {2: 0, 4: 0, 5: 0, 6: 0}
    assert body.listed == {5: "afbud", 6: "afbud"}


def test_a_note_between_text_lines_is_skipped() -> None:
    text = "Beslutning\nAnbefales.\nOle Dam deltog ikke i behandlingen.\nMette Ry stemte imod.\n"
    state = _state(text)
    body = split_body(state, 0, len(state.lines) - 1)
    (token,) = body.sections
    assert (token.lines, token.skipped) == ((1, 3), frozenset({2}))
    section = sections.build_section(state, token)
    assert section.text == "Anbefales.\nMette Ry stemte imod."
    assert text[section.span.begin : section.span.end] == text.rstrip("\n")


def test_a_signature_block_ends_the_section() -> None:
    text = "Beslutning\nGodkendt.\nUnderskrifter\nAnne Berg\n"
    state = _state(text)
    body = split_body(state, 0, len(state.lines) - 1)
    (token,) = body.sections
    assert token.lines == (1, 1)
    assert body.loose == [2, 3]


def test_a_sentence_under_a_prose_label_is_text() -> None:
    text = "Sagsfremstilling\nOle Dam deltog ikke i mødet.\n"
    state = _state(text)
    body = split_body(state, 0, len(state.lines) - 1)
    assert body.notes == {}
    assert body.sections[0].lines == (1, 1)


def test_notes_of_another_committees_decision_are_not_this_items() -> None:
    text = (
        "Udvalget for Teknik\nDato: 3. maj 2023\n\n1. Sag\n"
        "Beslutning Udvalget for Miljø den 02-05-2023\nAnbefales.\nGitte Krog (C) var fraværende.\n"
        "Beslutning Udvalget for Teknik den 03-05-2023\nGodkendt.\nBo Lund (A) var fraværende.\n"
    )
    meeting, _, _ = parse_minutes(text, municipality="Sorø")
    (item,) = meeting.items
    assert item.decision is not None
    assert item.decision.text == "Godkendt."
    assert [d.text for d in item.other_decisions] == ["Anbefales."]
    assert [(a.name, a.party, a.reason) for a in item.absences] == [("Bo Lund", "A", "fraværende")]


# Property: attendance notes of any form, after the decision (and one before it), never end up
# in the decision's text and always give the absences they name.
_FIRST = ["Anne", "Bo", "Carl", "Dorte", "Eva", "Finn", "Gitte", "Hans"]
_LAST = ["Holm", "Berg", "Lund", "Dal", "Krog", "Sand", "Vang", "Nør"]
_DECISIONS = [
    "Godkendt.",
    "Taget til efterretning.",
    "Indstillingen tiltrådt.",
    "Anbefales over for Byrådet.",
    "Sagen udsættes til næste møde.",
    "Drøftet.",
]
# (how the note is printed, given the names as printed; its reason, None for no absence)
_SENTENCES = [
    ("{} deltog ikke i behandlingen af punktet.", "deltog ikke"),
    ("{} deltog ikke i sagens behandling.", "deltog ikke"),
    ("{} var forhindret i at deltage.", "forhindret"),
    ("{} var fraværende.", "fraværende"),
    ("{} havde meldt afbud.", "afbud"),
    ("{} forlod mødet kl. 17.30.", None),
]
_LABELS = [("Fraværende", "fraværende"), ("Afbud", "afbud"), ("Fravær", "fravær")]

person = st.tuples(
    st.sampled_from(_FIRST), st.sampled_from(_LAST), st.sampled_from([None, "A", "V", "O", "SF"])
)


def _printed(who: tuple[str, str, str | None]) -> str:
    return f"{who[0]} {who[1]}" + (f" ({who[2]})" if who[2] else "")


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " og " + names[-1]


@st.composite
def notes(draw: st.DrawFn) -> tuple[list[str], list[tuple[str, str]]]:
    """The lines of one attendance note and the (name, reason) absences it records."""
    people = draw(st.lists(person, min_size=1, max_size=3))
    names = [_printed(p) for p in people]
    form = draw(st.sampled_from(["sentence", "label", "block"]))
    if form == "sentence":
        template, reason = draw(st.sampled_from(_SENTENCES))
        lines = [template.format(_joined(names))]
    else:
        label, reason = draw(st.sampled_from(_LABELS))
        lines = [f"{label}: {_joined(names)}"] if form == "label" else [f"{label}:", *names]
    absent = [(f"{p[0]} {p[1]}", reason) for p in people] if reason else []
    return lines, absent


@settings(max_examples=150, deadline=None)
@given(
    decision=st.lists(st.sampled_from(_DECISIONS), min_size=1, max_size=3),
    after=st.lists(notes(), min_size=1, max_size=3),
    before=st.none() | notes(),
    blank=st.booleans(),
)
def test_attendance_notes_are_absences_never_decision_text(
    decision: list[str],
    after: list[tuple[list[str], list[tuple[str, str]]]],
    before: tuple[list[str], list[tuple[str, str]]] | None,
    blank: bool,
) -> None:
    gap = "\n\n" if blank else "\n"
    lines = ["Beslutning", *(before[0] if before else []), *decision]
    for note_lines, _ in after:
        lines.extend(note_lines)
    text = (
        "Punkt 1: Første sag\n"
        + gap.join(lines)
        + "\n\nPunkt 2: Anden sag\nBeslutning\nGodkendt.\n"
    )
    meeting, _, _ = parse_minutes(text, municipality="Lejre")
    first, second = meeting.items
    assert first.decision is not None
    assert first.decision.text == gap.join(decision)
    covered = text[first.decision.span.begin : first.decision.span.end]
    # The span runs from the label to the decision's last sentence: the notes after it are out.
    assert covered == gap.join(["Beslutning", *(before[0] if before else []), *decision])
    expected = [a for _, absent in after for a in absent] + (before[1] if before else [])
    assert Counter((a.name, a.reason) for a in first.absences) == Counter(expected)
    assert all(a.scope == "item" for a in first.absences)
    assert second.absences == []
    assert meeting.absences == []


def test_text_before_a_glued_heading_ends_the_item_before_it() -> None:
    text = (
        "REFERAT Økonomiudvalget d. 08-06-2022\n\n"
        "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
        "2. Budget\nBeslutning\nAnbefales.3. Takster 2023\nBeslutning\nGodkendt.\n"
    )
    meeting, _, _ = parse_minutes(text, municipality="Køge")
    budget, takster = meeting.items[1], meeting.items[2]
    assert (takster.number, takster.title) == (3, "Takster 2023")
    assert budget.decision is not None
    assert budget.decision.text == "Anbefales."
    glued = text.index("3. Takster")
    assert budget.decision.span.end == glued
    assert takster.span.begin == glued
    assert text[budget.decision.span.begin : budget.decision.span.end] == "Beslutning\nAnbefales."


NAMED_ITEMS = """Lemvig Kommune
Referat
Byrådet
Mødedato: 3. marts 2021
Deltagere: Anna Holm (A), Bo Lund (V), Carl Berg (O), Dorte Kjær (F)
Carl Berg (O) deltog ikke i behandlingen af punkt 2-3.

1. Budget 2022
Beslutning
Godkendt. Dorte Kjær (F) deltog ikke i behandlingen af punkt 9.

2. Regnskab
Beslutning
Godkendt. Anna Holm (A) deltog ikke i mødet fra punkt 3.

3. Takster
Beslutning
Godkendt. Bo Lund (V) deltog ikke i behandlingen af punkt 1.
"""


def _absent(text: str) -> tuple[list[str], dict[int | None, list[tuple[str, int]]]]:
    """Who is absent from the meeting, and from each item (with the line of the note)."""
    meeting, _, _ = parse_minutes(text)
    items = {
        item.number: [(a.name, a.span.first_line) for a in item.absences] for item in meeting.items
    }
    return [a.name for a in meeting.absences], items


def test_an_absence_from_named_items_is_filed_under_those_items() -> None:
    meeting, items = _absent(NAMED_ITEMS)
    # the header's note: absent from items 2 and 3, not from the meeting
    assert "Carl Berg" not in meeting
    assert ("Carl Berg", 6) in items[2]
    assert ("Carl Berg", 6) in items[3]
    # item 3's decision records an absence from item 1: item 1's, not item 3's
    assert ("Bo Lund", 18) in items[1]
    assert all(name != "Bo Lund" for name, _ in items[3])


def test_an_absence_naming_no_item_of_the_meeting_is_filed_under_none() -> None:
    meeting, _, _ = parse_minutes(NAMED_ITEMS)
    # "punkt 9": this meeting has no item 9; no item of it is the one meant, nor the meeting
    assert [(a.name, a.span.first_line, a.items) for a in meeting.unfiled_absences] == [
        ("Dorte Kjær", 10, ())
    ]
    assert all(a.name != "Dorte Kjær" for item in meeting.items for a in item.absences)
    assert all(a.name != "Dorte Kjær" for a in meeting.absences)


def test_an_absence_from_a_point_on_is_filed_under_the_items_from_there() -> None:
    _, items = _absent(NAMED_ITEMS)
    # "deltog ikke i mødet fra punkt 3", printed in item 2: absent from item 3, the last
    assert ("Anna Holm", 14) in items[3]
    assert all(name != "Anna Holm" for name, _ in items[2])


def test_a_member_absent_from_some_items_attended_the_meeting() -> None:
    meeting, _, _ = parse_minutes(NAMED_ITEMS)
    kinds = {a.name: a.kind for a in meeting.attendance}
    assert kinds["Carl Berg"] == "present"
    item_two = next(item for item in meeting.items if item.number == 2)
    assert [(a.name, a.kind) for a in item_two.attendance if a.kind == "absent"] == [
        ("Carl Berg", "absent"),
    ]
