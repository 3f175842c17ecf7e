"""Attendance as data: who was present, absent, arrived late, left, stood in for another member
or took part as a guest or official, for the whole meeting and for each item.

Built from what the other rules read (the header's participants and absences, each item's
absences) and from the notes they set aside as no text: ``X deltog fra kl. 16.30``, ``X forlod
mødet under punkt 5``, ``X mødte for Y``, ``Stedfortræder: X (A) for Y``, ``Desuden deltog:
direktør X``. A note inside an item is that item's (scope ``item``); a person absent from one item
is not absent from the meeting. Every note keeps the person's span.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from loaders.model import Absence, AbsenceScope, Attendance, AttendanceKind, Participant
from loaders.rules import item_refs, people
from loaders.rules.parse_state import ParseState

if TYPE_CHECKING:
    from loaders.rules.agenda import ItemBody

_ListKind = Literal["guest", "substitute"]  # what a label's list of names is a list of

_GUEST_LABEL = re.compile(
    r"(?P<label>(?:Desuden|Endvidere|Herudover|Derudover|Også)\s+deltog|Øvrige\s+(?:møde)?deltagere"
    r"|Gæster|Gæst|Fra\s+(?:administrationen|forvaltningen|direktionen)(?:\s+deltog)?"
    r"|Embedsmænd|Referent|Mødesekretær|Protokolfører)\s*:?\s*(?P<rest>.*)",
    re.IGNORECASE,
)
# Labels that name the role of everyone under them.
_LABEL_ROLES = {"referent": "referent", "mødesekretær": "sekretær", "protokolfører": "referent"}
_SUBSTITUTE_LABEL = re.compile(
    r"(?:Stedfortrædere?|Suppleanter|Suppleant)\s*:?\s*(?P<rest>.*)", re.IGNORECASE
)
_FOR_WHOM = re.compile(r"\s*\(?\s*(?:som\s+stedfortræder\s+)?(?:i\s+stedet\s+)?for\s+", re.I)
_ENTRIES = re.compile(r"\s*(?:;|,|\bog\b|\bsamt\b)\s*")
_ROLE_WORDS = re.compile(r"(?P<role>(?:[a-zæøå][\wæøå-]*\s+){1,4})(?P<name>[A-ZÆØÅ].*)")
_TIME = re.compile(r"\bkl\.?\s*(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\b")
_ITEM = re.compile(
    r"\b(?:punkt|pkt\.?|dagsordenspunkt|sag)\s*(?:nr\.?\s*)?(?P<n>\d{1,3})\b(?!\s*[-–]\s*\d)", re.I
)
_LEADING_NAME = re.compile(
    r"\s*(?:for\s+)?(?P<name>(?:[A-ZÆØÅ][\wæøå'’.-]*\s*){2,6}(?:\([^()]{1,40}\))?)"
)


def note_time(text: str) -> dt.time | None:
    """The time printed in a note (``kl. 16.30``, ``kl. 17``), or None.

    >>> note_time("deltog fra kl. 16.30"), note_time("forlod mødet under punkt 5")
    (datetime.time(16, 30), None)
    """
    found = _TIME.search(text)
    if found is None:
        return None
    hour, minute = int(found["h"]), int(found["m"] or 0)
    return dt.time(hour, minute) if hour < 24 and minute < 60 else None


def note_item(text: str) -> int | None:
    """The item number a note names (``under punkt 5``, ``efter pkt. 3``), or None.

    A range or a list (``under punkt 3-5``, ``punkt 2, 4 og 7``) names no single item: None,
    never its first number (the items it covers are the absences' ``items``).
    """
    if item_refs.mentions_items(text):
        ref = item_refs.item_ref(text)
        return ref.parts[0][0] if ref is not None and not ref.several else None
    found = _ITEM.search(text)  # "under sag 5"
    return int(found["n"]) if found else None


def _whom(text: str) -> str | None:
    """The person a substitute stood in for: the name that opens ``text`` (after ``for``).

    >>> _whom(" for Dorte Kjær."), _whom(" for Ole Berg (V) under punkt 2")
    ('Dorte Kjær', 'Ole Berg')
    """
    found = _LEADING_NAME.match(text)
    if found is None:
        return None
    # the sentence's full stop is no part of the name ("... stedfortræder for Dorte Kjær.")
    person = people.parse_person(found["name"].strip().rstrip(".,;:"))
    return person.name if person else None


def guest_line(plain: str) -> tuple[str, str] | None:
    """``(role of all, rest)`` for a label of guests and officials (``Desuden deltog:``); the
    role is ``""`` where the label names none."""
    if not plain or plain[0] not in "DdEeHhØøGgFfRrMmPpOo":
        return None
    found = _GUEST_LABEL.fullmatch(plain)
    if found is None:
        return None
    label = " ".join(found["label"].lower().split())
    return _LABEL_ROLES.get(label, ""), found["rest"]


def substitute_line(plain: str) -> str | None:
    """The list after a substitutes' label (``Stedfortræder: X (A) for Y``), or None."""
    if not plain or plain[0] not in "SsÆæ":
        return None
    found = _SUBSTITUTE_LABEL.fullmatch(plain)
    return found["rest"] if found else None


def is_label_note(plain: str) -> bool:
    """A line of guests or substitutes under its label: attendance, never decision text."""
    guests = guest_line(plain)
    if guests is not None:
        return bool(_guests(guests[1], guests[0]))
    listed = substitute_line(plain)
    return listed is not None and bool(_substitutes(listed))


def _guest(entry: str, role: str) -> tuple[str, str | None, str | None] | None:
    """``(name, party, role)`` of ``direktør Bo Lund`` or ``Bo Lund (direktør)``."""
    words = _ROLE_WORDS.fullmatch(entry)
    printed_role = None
    if words is not None:
        printed_role, entry = " ".join(words["role"].split()), words["name"]
    person = people.parse_person(entry)
    if person is None:
        return None
    return person.name, person.party, printed_role or person.role or role or None


def _guests(rest: str, role: str) -> list[tuple[str, str | None, str | None]]:
    """The guests a label lists; an entry in lower case alone is the role of the one before
    (``Bo Lund, direktør``). Empty unless every entry is read."""
    found: list[tuple[str, str | None, str | None]] = []
    for entry in (e for e in _ENTRIES.split(rest) if e):
        if found and entry == entry.lower():
            name, party, _ = found[-1]
            found[-1] = (name, party, entry)
            continue
        guest = _guest(entry, role)
        if guest is None:
            return []
        found.append(guest)
    return found


def _substitutes(rest: str) -> list[tuple[str, str | None, str | None]]:
    """``(name, party, for whom)`` of each entry ``X (A) for Y``; empty unless all are read."""
    found: list[tuple[str, str | None, str | None]] = []
    for entry in (e for e in re.split(r"\s*[;,]\s*|\s+og\s+(?=[A-ZÆØÅ])", rest) if e):
        parts = _FOR_WHOM.split(entry, maxsplit=1)  # "X (A) for Y", "X (A) (for Y)"
        if len(parts) > 1 and parts[1].endswith(")") and "(" not in parts[1]:
            parts[1] = parts[1][:-1]
        person = people.parse_person(parts[0])
        if person is None:
            return []
        whom = _whom(parts[1]) if len(parts) > 1 else None
        found.append((person.name, person.party, whom))
    return found


def _listed_notes(
    state: ParseState,
    index: int,
    label: tuple[_ListKind, str],
    text: str,
    scope: AbsenceScope,
) -> list[Attendance]:
    """The notes of the guests (each with a role) or substitutes (each with whom they stood in
    for) that ``text`` on line ``index`` lists under a ``label`` (kind, guests' role); empty
    unless every entry is read."""
    kind, role = label
    listed = _guests(text, role) if kind == "guest" else _substitutes(text)
    return [
        Attendance(
            name,
            kind,
            scope,
            state.span_in_line(index, name),
            party,
            role=third if kind == "guest" else None,
            substitute_for=third if kind == "substitute" else None,
        )
        for name, party, third in listed
    ]


def _from_sentences(state: ParseState, index: int, scope: AbsenceScope) -> list[Attendance]:
    """The notes of line ``index`` that record no absence: arrived, left, substitute."""
    line = state.lines[index]
    found: list[Attendance] = []
    for note in people.attendance_notes(line.text):
        if note.kind == "absent":
            continue
        rest = line.text[note.verb_end : note.end]
        kind: AttendanceKind = note.kind  # type: ignore[assignment]
        whom = _whom(rest) if kind == "substitute" else None
        for person in note.people:
            name, start, role = person.name, person.start, person.role
            if kind in ("guest", "present"):
                # "Direktør Vibeke Rask deltog under behandlingen af punktet": an official
                # with the role printed before the name; a member without one was present
                name, role = official(person.name, person.role)
                start += len(person.name) - len(name)
                kind = "guest" if role else "present"
            found.append(
                Attendance(
                    name=name,
                    kind=kind,
                    scope=scope,
                    span=line.span(start, start + len(name)),
                    party=person.party,
                    role=role,
                    time=note_time(rest),
                    item_number=note_item(rest),
                    substitute_for=whom,
                )
            )
    return found


_OFFICIAL = re.compile(
    r"(?P<role>[A-ZÆØÅ][a-zæøå-]*(?:direktør|chef|konsulent|leder|sekretær|rådgiver|"
    r"specialist|koordinator|medarbejder|formand)(?:en)?)\s+(?P<name>[A-ZÆØÅ].*)"
)


def official(name: str, role: str | None) -> tuple[str, str | None]:
    """A name printed with its role before it, apart: ``Direktør Vibeke Rask`` ->
    ``("Vibeke Rask", "direktør")``; any other name as it is.

    >>> official("Centerchef Bo Lund", None), official("Bo Lund", None)
    (('Bo Lund', 'centerchef'), ('Bo Lund', None))
    """
    found = _OFFICIAL.fullmatch(name)
    if found is None or people.parse_person(found["name"]) is None:
        return name, role
    return found["name"], found["role"].lower()


def notes_in_lines(
    state: ParseState, lines: Iterable[int], scope: AbsenceScope
) -> list[Attendance]:
    """Arrivals, departures, substitutes and guests noted in these lines, in line order. A
    label alone (``Desuden deltog:``) takes the names on the lines after it, one a line."""
    found: list[Attendance] = []
    pending: tuple[_ListKind, str] | None = None  # ("guest", role) or ("substitute", "")
    for index in sorted(set(lines)):
        plain = state.plain[index]
        if not plain or state.noise[index]:
            continue
        guests = guest_line(plain)
        listed = substitute_line(plain) if guests is None else None
        if guests is not None or listed is not None:
            role, rest = guests if guests is not None else ("", listed or "")
            label: tuple[_ListKind, str] = ("guest" if guests is not None else "substitute", role)
            pending = None if rest else label
            found += _listed_notes(state, index, label, rest, scope)
            continue
        if pending is not None:
            notes = _listed_notes(state, index, pending, people.listed_text(plain), scope)
            if notes:
                found += notes
                continue
            pending = None
        found.extend(_from_sentences(state, index, scope))
    return found


def absent(absences: Iterable[Absence]) -> list[Attendance]:
    """The absences as attendance notes of kind ``absent``, in the same order, each person once
    (minutes often say it twice: ``X deltog ikke ...`` under the decision and ``Fraværende: X``
    at the end of the item; the first is kept, names compared without regard to case)."""
    seen: set[str] = set()
    found: list[Attendance] = []
    for a in absences:
        if a.name.casefold() not in seen:
            seen.add(a.name.casefold())
            found.append(Attendance(a.name, "absent", a.scope, a.span, party=a.party))
    return found


def present(participants: Iterable[Participant], absences: Iterable[Absence]) -> list[Attendance]:
    """The participants listed for the meeting, but those listed as absent from it."""
    away = {a.name for a in absences}
    return [
        Attendance(p.name, "present", "meeting", p.span, party=p.party, role=p.role)
        for p in participants
        if p.name not in away
    ]


def meeting_attendance(state: ParseState) -> list[Attendance]:
    """The meeting's attendance: present, absent, and the header's notes (guests, officials,
    substitutes, arrivals, departures). The absences the header states in sentences
    (:func:`loaders.rules.item_absences.header_absences`) have joined the meeting's absences
    before."""
    meeting = state.meeting
    found = present(meeting.participants, meeting.absences)
    found += absent(meeting.absences)
    found += notes_in_lines(state, range(state.header_end), "meeting")
    return found


def item_lines(body: ItemBody, own: int | None, state: ParseState) -> list[int]:
    """The lines of an item that may hold its attendance notes: outside any section, in its own
    decision, and the notes set aside in sections other than other bodies' decisions."""
    decisions_at = {i for i, token in enumerate(body.sections) if token.label.key == "beslutning"}
    lines = [*body.preamble, *body.loose]
    token = body.sections[own] if own is not None else None
    if token is not None and token.label.rest:
        lines.append(token.label.line)
    if token is not None and token.lines:
        lines.extend(range(token.lines[0], token.lines[1] + 1))
    lines += [
        index
        for index, position in body.notes.items()
        if position is None or position == own or position not in decisions_at
    ]
    return [i for i in lines if not state.noise[i]]


def item_attendance(
    state: ParseState, body: ItemBody, own: int | None, absences: Iterable[Absence]
) -> list[Attendance]:
    """An item's attendance: its absences, then its other notes."""
    return absent(absences) + notes_in_lines(state, item_lines(body, own, state), "item")
