"""Absences from items: who missed which items, as the attendance notes say, and filing each
absence under the items it covers once the meeting's items are known.

A note may name the items outright (``X deltog ikke i behandlingen af punkt 3-5``, ``under
punkterne 2, 4 og 7``) or a point in the meeting (``X forlod mødet efter punkt 6``, ``Y ankom
under punkt 4``, ``Z deltog ikke i mødet fra punkt 5``); :func:`loaders.rules.item_refs.missed`
says which items each form covers. An absence from items is no absence from the meeting, nor
from the item whose decision happens to record it. A note naming items the minutes do not have
is kept among the meeting's unfiled absences, without items: never filed under a guessed item.
"""

from __future__ import annotations

from dataclasses import replace

from loaders.model import Absence, AbsenceScope, AgendaItem
from loaders.rules import attendance
from loaders.rules.item_refs import covered, item_ref, missed
from loaders.rules.parse_state import ParseState
from loaders.rules.people import attendance_line, attendance_notes

# The reason of an absence from the items a departure or a late arrival missed.
MISSED_REASONS = {"left": "forlod mødet", "arrived": "ankom senere"}


def note_absences(state: ParseState, index: int, scope: AbsenceScope) -> list[Absence]:
    """Absences stated in the attendance notes of line ``index``
    (``X og Y deltog ikke i sagens behandling.``), each name with its span; and the absences
    from the items a departure or late arrival missed (``X forlod mødet efter punkt 6``).
    Where a note names items, the items the person missed are kept in ``state.item_refs``, and
    :attr:`Absence.items` holds those it names outright, until :func:`file_under_items`."""
    line = state.lines[index]
    found: list[Absence] = []
    for note in attendance_notes(line.text):
        ref = item_ref(line.text[note.verb_end : note.end])
        verb = line.text[note.verb_start : note.verb_end]
        missing = missed(ref, note.kind, verb) if ref is not None else None
        reason = note.reason if note.reason is not None else MISSED_REASONS.get(note.kind)
        if reason is None or (note.reason is None and missing is None):
            continue  # no absence: a substitute, a guest, a departure naming no items
        named = missing.numbers if missing is not None and missing.relation == "items" else ()
        for person in note.people:
            span = line.span(person.start, person.start + len(person.name))
            if missing is not None:
                state.item_refs[span] = missing
            found.append(
                Absence(
                    name=person.name,
                    scope=scope,
                    span=span,
                    party=person.party,
                    reason=reason,
                    items=named,
                )
            )
    return found


def _numbers(numbers: list[int | None], positions: tuple[int, ...]) -> tuple[int, ...]:
    """The numbers of the items at these positions (an item printed without one has none)."""
    return tuple(n for n in (numbers[p] for p in positions) if n is not None)


def header_absences(state: ParseState) -> list[Absence]:
    """Absences the header states in sentences (``Bo Lund (C) havde meldt afbud.``), which
    the header's label rules do not read; names already absent are not repeated."""
    meeting = state.meeting
    known = {a.name.casefold() for a in meeting.absences}
    found: list[Absence] = []
    for index in range(state.header_end):
        if not state.plain[index] or state.noise[index]:
            continue
        if attendance_line(state.plain[index]) is not None:
            continue  # a label line: the header rule has read it
        for absence in note_absences(state, index, "meeting"):
            if absence.name.casefold() not in known:
                known.add(absence.name.casefold())
                found.append(absence)
    return found


def file_under_items(state: ParseState) -> None:
    """Every absence whose note names items moves to the items it covers, wherever the note
    is printed: in the header (it is no absence from the whole meeting) or in another item. A
    note whose items cannot be resolved goes to the meeting's unfiled absences, without items;
    one that names its own item's number, printed twice, stays where it is."""
    meeting = state.meeting
    items = meeting.items
    numbers = [item.number for item in items]
    holders: list[tuple[list[Absence], int | None]] = [(meeting.absences, None)]
    holders += [(item.absences, at) for at, item in enumerate(items)]
    moving: list[tuple[Absence, list[Absence], int | None, tuple[int, ...] | None]] = []
    for absences, at in holders:
        for absence in absences:
            ref = state.item_refs.get(absence.span)
            if ref is None:
                continue
            positions = covered(ref, numbers)
            if at is not None and positions == (at,):  # filed where it is printed
                if absence.items != _numbers(numbers, positions):
                    absences[absences.index(absence)] = replace(
                        absence, items=_numbers(numbers, positions)
                    )
                continue
            if positions is None and at is not None and ref.numbers == (numbers[at],):
                continue  # its own item's number, printed twice: cannot be told apart
            moving.append((absence, absences, at, positions))
    touched: dict[int, AgendaItem] = {}
    for absence, absences, at, positions in moving:
        absences.remove(absence)
        if at is not None:
            touched[at] = items[at]
        if positions is None:
            meeting.unfiled_absences.append(replace(absence, scope="item", items=()))
            continue
        covered_numbers = _numbers(numbers, positions)
        for position in positions:
            target = touched[position] = items[position]
            if all(a.name != absence.name for a in target.absences):
                target.absences.append(replace(absence, scope="item", items=covered_numbers))
    for item in touched.values():  # their absences changed: so does their attendance
        notes = [a for a in item.attendance if a.kind != "absent"]
        item.attendance = attendance.absent(item.absences) + notes


__all__ = ["MISSED_REASONS", "file_under_items", "header_absences", "note_absences"]
