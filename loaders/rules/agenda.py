"""Agenda items from their confirmed headings: each item's lines split into a preamble (case
numbers, open/closed status), labelled sections, and attendance lines; then the facts read from
them (case numbers, attachments, decisions, treatments, absences).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from loaders.model import Absence, AgendaItem, Decision, Section, Span
from loaders.rules import (
    attachments,
    attendance,
    casenumbers,
    decisions,
    item_absences,
    people,
    titles,
)
from loaders.rules.header_labels import meeting_block
from loaders.rules.parse_state import HeadingCandidate, Label, ParseState
from loaders.rules.sections import NOTE_SECTIONS, SectionToken, build_section, is_section_end


@dataclass(slots=True)
class ItemBody:
    """The lines of one item, sorted by what they are (indices into the state's lines)."""

    preamble: list[int] = field(default_factory=list)  # before the first label
    sections: list[SectionToken] = field(default_factory=list)
    # Attendance notes ("Fraværende: X", "Afbud:" and the names under it, "X deltog ikke ..."
    # in a decision), never section text: each with the position in ``sections`` of the section
    # it stands in (None outside any section), and for the names under a label, its reason.
    notes: dict[int, int | None] = field(default_factory=dict)
    listed: dict[int, str] = field(default_factory=dict)
    loose: list[int] = field(default_factory=list)  # after a signature block or the meeting's end
    last: int = -1  # last content line of the item


def _demoted(labels: tuple[Label, ...], current: Label | None, has_text: bool) -> bool:
    """A weak label, or a second label of the same kind, directly under a label (nothing
    between) is that section's first line: ``Baggrund`` under ``Sagsfremstilling``,
    ``Direktionen indstiller:`` under ``Indstilling``."""
    if current is None or has_text or len(labels) != 1:
        return False
    label = labels[0]
    return label.weak or label.key == current.key


def _names_decider(labels: tuple[Label, ...], current: Label, has_text: bool) -> bool:
    """A decision heading that names the body or the day (``Økonomiudvalgets beslutning den 5.
    maj 2022``) directly under a bare ``Beslutning``: it tells whose decision the section is."""
    if has_text or len(labels) != 1 or current.committee or current.date_text:
        return False
    named = labels[0]
    return named.key == current.key == "beslutning" and bool(named.committee or named.date_text)


@dataclass(slots=True)
class _Walk:
    """The open section while an item's lines are walked."""

    label: Label | None = None
    span: list[int] = field(default_factory=list)  # first and last text line
    skipped: set[int] = field(default_factory=set)
    absent_reason: str | None = None  # an absence label alone: names may follow, a line each
    ended: bool = False  # after a signature block: no section until the next label

    def token(self) -> SectionToken | None:
        if self.label is None:
            return None
        lines = (self.span[0], self.span[1]) if self.span else None
        skipped = frozenset(i for i in self.skipped if lines and lines[0] < i < lines[1])
        return SectionToken(self.label, lines, skipped)


def _note(state: ParseState, walk: _Walk, index: int) -> str | None:
    """Why line ``index`` is an attendance note (``"label"``, ``"listed"``, ``"sentences"``),
    or None if it is text. A note ends the list under an absence label unless it continues it."""
    plain = state.plain[index]
    found = people.attendance_line(plain)
    if found is not None:
        walk.absent_reason = None if found[1] else found[0]
        return "label"
    if attendance.is_label_note(plain):  # "Desuden deltog: direktør X", "Stedfortræder: X"
        walk.absent_reason = None
        return "label"
    if walk.absent_reason is not None:
        if people.listed_people(plain) is not None or people.is_nobody_line(plain):
            return "listed"
        walk.absent_reason = None
    in_prose = walk.label is not None and walk.label.key not in NOTE_SECTIONS
    if not in_prose and people.is_note_line(state.lines[index].text):
        return "sentences"
    return None


def split_body(state: ParseState, first: int, last: int) -> ItemBody:
    """Walk the item's lines once, opening a section at every label. A section runs to the next
    label, signature block, block of the meeting's own data or the end of the item; attendance
    notes within it are not its text."""
    body = ItemBody(last=first - 1)
    walk = _Walk()

    def close() -> None:
        token = walk.token()
        if token is not None:
            body.sections.append(token)

    for index in range(first, last + 1):
        plain = state.plain[index]
        if not plain or state.noise[index]:
            continue
        body.last = index
        labels = state.labels.get(index)
        has_text = bool(walk.span) or (walk.label is not None and bool(walk.label.rest))
        if labels and walk.label is not None and _names_decider(labels, walk.label, has_text):
            # "BESLUTNING" then "Økonomiudvalgets beslutning den 5. maj 2022": one heading
            named = labels[0]
            walk.label = replace(walk.label, committee=named.committee, date_text=named.date_text)
            continue
        if labels and not _demoted(labels, walk.label, has_text):
            close()
            body.sections.extend(SectionToken(label, None) for label in labels[:-1])
            walk = _Walk(label=labels[-1])
            continue
        if is_section_end(plain) or meeting_block(state, index):
            close()
            walk = _Walk(ended=True)
            body.loose.append(index)
            continue
        reason = walk.absent_reason
        kind = _note(state, walk, index)
        if kind is not None:
            body.notes[index] = len(body.sections) if walk.label is not None else None
            if kind == "listed" and reason is not None:
                body.listed[index] = reason
            walk.skipped.add(index)
        elif walk.label is not None:
            walk.span[:] = [walk.span[0] if walk.span else index, index]
        elif walk.ended or body.sections:
            body.loose.append(index)
        else:
            body.preamble.append(index)
    close()
    return body


def _note_absences(state: ParseState, body: ItemBody, index: int) -> list[Absence]:
    """The absences an attendance note line records."""
    plain = state.plain[index]
    if index in body.listed:
        names = people.listed_people(plain)
        reason = body.listed[index]
        return people.absences_from(state, index, names, "item", reason) if names else []
    found = people.attendance_line(plain)
    if found is not None:
        return people.absences_from(state, index, found[1], "item", found[0]) if found[1] else []
    return item_absences.note_absences(state, index, "item")


def _absences(state: ParseState, body: ItemBody, own: int | None) -> list[Absence]:
    """The item's absences: its attendance notes, and notes in sentences of the preamble, of
    the loose lines and of the decision (position ``own`` in the sections). Notes under another
    committee's decision are that committee's meeting's, not this item's."""
    decisions_at = {i for i, token in enumerate(body.sections) if token.label.key == "beslutning"}
    found: list[Absence] = []
    lines = [*body.preamble, *body.loose]
    token = body.sections[own] if own is not None else None
    if token is not None and token.label.rest:  # "Beslutning: Godkendt. Fraværende: X"
        lines.append(token.label.line)
    if token is not None and token.lines:
        lines.extend(range(token.lines[0], token.lines[1] + 1))
    for index in lines:
        if index not in body.notes and state.plain[index] and not state.noise[index]:
            found.extend(item_absences.note_absences(state, index, "item"))
    for index, position in sorted(body.notes.items()):
        if position is None or position == own or position not in decisions_at:
            found.extend(_note_absences(state, body, index))
    return found


def _item_span(state: ParseState, heading: HeadingCandidate, last: int) -> Span:
    """From the heading (where it starts in its line, when glued to earlier text) to the last
    content line of the item."""
    span = state.span(heading.line, max(last, heading.line))
    if heading.column <= 0:
        return span
    begin = state.lines[heading.line].begin + heading.column
    return Span(span.first_line, span.last_line, begin, max(span.end, begin))


UNLABELLED = "tekst"  # the key of an item's text where no label is printed


def _unlabelled_text(state: ParseState, body: ItemBody) -> Section | None:
    """The text of an item that prints no section label (minutes of boards and councils often
    print only the minute under each heading): a section without a heading, key ``tekst``.
    Case-number and access lines are not its text, nor are attendance notes."""
    lines = [
        index
        for index in body.preamble
        if not casenumbers.is_case_number_line(state.plain[index])
        and state.plain[index].lower() not in people.STATUS_LINES
        and not titles.is_access_line(state.plain[index])
    ]
    if not lines:
        return None
    first, last = lines[0], lines[-1]
    kept = set(lines)
    skipped = frozenset(i for i in range(first, last + 1) if i not in kept)
    label = Label(key=UNLABELLED, heading="", line=first)
    return build_section(state, SectionToken(label, (first, last), skipped))


def build_item(state: ParseState, heading: HeadingCandidate, last: int) -> AgendaItem:
    """One agenda item from its heading and its lines up to ``last``."""
    body = split_body(state, heading.body_start, last)
    item = AgendaItem(
        number=heading.number,
        title=heading.title,
        span=_item_span(state, heading, body.last),
        closed=heading.closed,
        prefix=heading.prefix,
    )
    for index in range(heading.line, heading.last_line + 1):  # "Title (2020-0123456)"
        printed = titles.case_number_after(state.plain[index])
        if printed is not None:
            item.case_numbers.extend(casenumbers.case_numbers_in_line(state, index, printed))
    for index in body.preamble:
        plain = state.plain[index]
        if casenumbers.is_case_number_line(plain):
            item.case_numbers.extend(casenumbers.case_numbers_in_line(state, index))
        elif plain.lower() in people.STATUS_LINES and plain.lower().startswith("lukket"):
            item.closed = True
    found: list[tuple[Decision, int]] = []
    for position, token in enumerate(body.sections):
        item.sections.append(build_section(state, token))
        key = token.label.key
        if key == "bilag":
            item.attachments.extend(attachments.attachments_of(state, token))
        elif key == "beslutning":
            found.append((decisions.decision_of(state, token), position))
        elif key == "sagens forløb":
            item.treatments.extend(decisions.treatments_of(state, token))
    if not body.sections:
        text = _unlabelled_text(state, body)
        if text is not None:
            item.sections.append(text)
    own: int | None = None
    if found:
        meeting = state.meeting
        chosen = decisions.own_decision([d for d, _ in found], meeting.committee, meeting.date)
        item.decision, own = found[chosen]
        item.other_decisions = [d for i, (d, _) in enumerate(found) if i != chosen]
    item.absences.extend(_absences(state, body, own))
    item.attendance = attendance.item_attendance(state, body, own, item.absences)
    return item


def build_items(state: ParseState) -> bool:
    """Core rule: the meeting's agenda items, in document order."""
    headings = state.headings
    last_line = len(state.lines) - 1
    for position, heading in enumerate(headings):
        following = headings[position + 1] if position + 1 < len(headings) else None
        last = following.line - 1 if following is not None else last_line
        if following is not None and following.column > 0:
            # the text before a heading glued to its line ends this item: it is not lost
            state.line_ends[following.line] = following.column
            last = following.line
        state.meeting.items.append(build_item(state, heading, last))
        state.line_ends.pop(following.line if following is not None else -1, None)
    state.meeting.absences.extend(item_absences.header_absences(state))
    item_absences.file_under_items(state)
    state.meeting.attendance = attendance.meeting_attendance(state)
    return bool(headings)
