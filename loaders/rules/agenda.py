"""Agenda items from their confirmed headings: each item's lines split into a preamble (case
numbers, open/closed status), labelled sections, and attendance lines; then the facts read from
them (case numbers, attachments, decisions, treatments, absences).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from loaders.model import Absence, AgendaItem, Decision
from loaders.rules import attachments, casenumbers, decisions, people
from loaders.rules.sections import SectionToken, build_section
from loaders.rules.state import HeadingCandidate, Label, ParseState


@dataclass(slots=True)
class ItemBody:
    """The lines of one item, sorted by what they are (indices into the state's lines)."""

    preamble: list[int] = field(default_factory=list)  # before the first label
    sections: list[SectionToken] = field(default_factory=list)
    attendance: list[int] = field(default_factory=list)  # "Fraværende X, Y" lines
    loose: list[int] = field(default_factory=list)  # text after an attendance line
    last: int = -1  # last content line of the item


def _demoted(labels: tuple[Label, ...], current: Label | None, has_text: bool) -> bool:
    """A weak label, or a second label of the same kind, directly under a label (nothing
    between) is that section's first line: ``Baggrund`` under ``Sagsfremstilling``,
    ``Direktionen indstiller:`` under ``Indstilling``."""
    if current is None or has_text or len(labels) != 1:
        return False
    label = labels[0]
    return label.weak or label.key == current.key


def split_body(state: ParseState, first: int, last: int) -> ItemBody:
    """Walk the item's lines once, opening a section at every label."""
    body = ItemBody(last=first - 1)
    current: Label | None = None
    span: list[int] = []  # first and last text line of the open section
    after_attendance = False

    def close() -> None:
        if current is not None:
            body.sections.append(SectionToken(current, (span[0], span[1]) if span else None))

    for index in range(first, last + 1):
        plain = state.plain[index]
        if not plain or state.noise[index]:
            continue
        body.last = index
        labels = state.labels.get(index)
        has_text = bool(span) or (current is not None and bool(current.rest))
        if labels and not _demoted(labels, current, has_text):
            close()
            body.sections.extend(SectionToken(label, None) for label in labels[:-1])
            current, span, after_attendance = labels[-1], [], False
            continue
        found = people.attendance_line(plain)
        if found is not None and found[1]:
            close()
            current, span, after_attendance = None, [], True
            body.attendance.append(index)
        elif current is not None:
            span[:] = [span[0] if span else index, index]
        elif after_attendance or body.sections:
            body.loose.append(index)
        else:
            body.preamble.append(index)
    close()
    return body


def _absences_in(state: ParseState, first: int, last: int, *, blocks: bool) -> list[Absence]:
    """Absences stated on lines ``first..last``: ``... deltog ikke ...`` sentences, and (with
    ``blocks``) the names listed under an ``Afbud:`` label."""
    found: list[Absence] = []
    for index in range(first, last + 1):
        plain = state.plain[index]
        if not plain or state.noise[index]:
            continue
        found.extend(people.did_not_take_part(state, index, "item"))
        label = people.attendance_line(plain) if blocks else None
        if label is not None and not label[1]:
            for line in people.list_block(state, index, last + 1):
                found.extend(people.absences_from(state, line, state.plain[line], "item", label[0]))
    return found


def build_item(state: ParseState, heading: HeadingCandidate, last: int) -> AgendaItem:
    """One agenda item from its heading and its lines up to ``last``."""
    body = split_body(state, heading.line + 1, last)
    item = AgendaItem(
        number=heading.number,
        title=heading.title,
        span=state.span(heading.line, max(body.last, heading.line)),
        closed=heading.closed,
        prefix=heading.prefix,
    )
    for index in body.preamble:
        plain = state.plain[index]
        if casenumbers.is_case_number_line(plain):
            item.case_numbers.extend(casenumbers.case_numbers_in_line(state, index))
        elif plain.lower() in people.STATUS_LINES and plain.lower().startswith("lukket"):
            item.closed = True
    if body.preamble:
        item.absences.extend(_absences_in(state, body.preamble[0], body.preamble[-1], blocks=True))
    found: list[tuple[Decision, SectionToken]] = []
    for token in body.sections:
        item.sections.append(build_section(state, token))
        key = token.label.key
        if key == "bilag":
            item.attachments.extend(attachments.attachments_of(state, token))
        elif key == "beslutning":
            found.append((decisions.decision_of(state, token), token))
        elif key == "sagens forløb":
            item.treatments.extend(decisions.treatments_of(state, token))
    if found:
        meeting = state.meeting
        own = decisions.own_decision([d for d, _ in found], meeting.committee, meeting.date)
        item.decision, token = found[own]
        item.other_decisions = [d for i, (d, _) in enumerate(found) if i != own]
        if token.lines:
            item.absences.extend(_absences_in(state, *token.lines, blocks=True))
    for index in body.attendance:
        reason, rest = people.attendance_line(state.plain[index]) or ("fraværende", "")
        item.absences.extend(people.absences_from(state, index, rest, "item", reason))
    for index in body.loose:
        item.absences.extend(people.did_not_take_part(state, index, "item"))
    return item


def build_items(state: ParseState) -> bool:
    """Core rule: the meeting's agenda items, in document order."""
    headings = state.headings
    last_line = len(state.lines) - 1
    for position, heading in enumerate(headings):
        last = headings[position + 1].line - 1 if position + 1 < len(headings) else last_line
        state.meeting.items.append(build_item(state, heading, last))
    return bool(headings)
