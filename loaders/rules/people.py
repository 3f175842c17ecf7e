"""People: who took part in the meeting and who was absent, from the meeting or from one item.

Attendance is printed in a few general ways: a label and a list on one line
(``Mødedeltagere A, B, C``; ``Fraværende: Steen Hansen (O)``), a label alone followed by one name
a line or a bullet list (``Medlemmer:``, ``Deltagere``, ``Afbud:``), or a sentence
(``X og Y deltog ikke i sagens behandling.``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from loaders.model import Absence, AbsenceScope, Participant
from loaders.rules.parse_state import ParseState

# Lines that say whether an item is open or closed to the public.
STATUS_LINES = frozenset(
    {"åben sag", "lukket sag", "åbent punkt", "lukket punkt", "åben", "lukket"}
)

_PARTICIPANT_LABEL = re.compile(
    r"(?P<label>Medlemmer|Mødedeltagere|Deltagere|Til stede|Tilstede|Fremmødte)"
    r"\s*:?\s*(?P<rest>.*)",
    re.IGNORECASE,
)
_ABSENCE_LABELS = r"Fraværende|Fravær|Afbud fra|Meldt afbud|Afbud|Forfald|Ikke til stede|Ikke mødt"
_ABSENCE_LABEL = re.compile(rf"(?P<label>{_ABSENCE_LABELS})\s*:?\s*(?P<rest>.*)", re.IGNORECASE)
# Labels printed in more words than their reason.
_REASONS = {"afbud fra": "afbud", "meldt afbud": "afbud"}
_BULLET = re.compile(r"[•·▪◦*\-–]\s+")
# "Christian Plank (F) (Formand)", "Henrik Nielsen (Sekretær)", "Steen Hansen (O)".
_PERSON = re.compile(
    r"(?P<name>[^()]+?)\s*(?:\((?P<first>[^()]{1,40})\))?\s*(?:\((?P<second>[^()]{1,40})\))?"
)
_LONGEST_ENTRY = 120  # a name with party and role; longer is a sentence
_PARTY = re.compile(r"[A-ZÆØÅ]{1,2}")
_NAME_WORD = re.compile(r"(?:[A-ZÆØÅÉÜÖÄ][\w'’.-]*|van|von|de|der|den|la|le|af|du|da|di)")
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "la", "le", "af", "du", "da", "di"})
# Capitalised words that make two words a place or a body, not a person.
_NOT_NAMES = frozenset(
    {"Kommune", "Kommunes", "Rådhus", "Rådhuset", "Udvalget", "Udvalg", "Jobcenter", "Region"}
)
# A role printed after a name and a comma in a list of people (``X (A), formand``).
_ROLE_AFTER = re.compile(
    r"(?:\d\.\s*)?(?:næst|vice)?(?:formand|borgmester)|rådmand|medlem|sekretær|referent"
    r"|(?:kommunal)?direktør|suppleant|mødeleder",
    re.IGNORECASE,
)
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\bog\b|\bsamt\b|&)\s*")
# Attendance stated in a sentence: the names, then what they did, to the end of the sentence
# ("kl. 17.30" and "pkt. 5" do not end it). Each form with the absence's reason and the kind of
# attendance note (loaders.model.AttendanceKind); a person who arrived late, left ("forlod
# mødet") or stood in for another took part, so those notes record no absence.
_NOTE_FORMS: tuple[tuple[str, str | None, str], ...] = (
    (r"deltog\s+ikke", "deltog ikke", "absent"),
    (r"(?:var|er)\s+forhindret", "forhindret", "absent"),
    (r"(?:var|er)\s+fraværende", "fraværende", "absent"),
    (
        r"(?:havde|har)\s+meldt\s+(?:afbud|forfald)|meldte\s+(?:afbud|forfald)",
        "afbud",
        "absent",
    ),
    (r"(?:erklærede\s+sig|blev\s+erklæret|var|er)\s+inhabile?", "inhabil", "absent"),
    (r"forlod\s+mødet|gik\s+(?=kl\.|under\s|efter\s)", None, "left"),
    (
        r"deltog\s+(?:kun\s+)?(?:indtil|til\s+og\s+med)(?=\s+(?:kl\.|[Pp]unkt|[Pp]kt\b|dagsordenspunkt))",
        None,
        "left",
    ),
    (
        r"(?:deltog|mødte)\s+(?:i\s+mødet\s+)?(?:først\s+)?(?:fra|efter)"
        r"(?=\s+(?:kl\.|[Pp]unkt|[Pp]kt\b|dagsordenspunkt|behandlingen))"
        r"|ankom|(?:kom|mødte\s+op)(?=\s+(?:kl\.|under\s|efter\s))",
        None,
        "arrived",
    ),
    (
        r"mødte\s+(?:som\s+(?:stedfortræder|suppleant)\s+)?for"
        r"|(?:deltog|mødte)\s+som\s+(?:stedfortræder|suppleant)|var\s+stedfortræder"
        r"|deltog\s+i\s+stedet\s+for|indtrådte\s+(?:i\s+stedet\s+)?for",
        None,
        "substitute",
    ),
    (
        r"deltog\s+(?:under|i)\s+(?:behandlingen\s+af\s+)?"
        r"(?:punktet|dette\s+punkt|sagen|sagens\s+behandling|(?=punkt(?:erne)?\s+\d))"
        r"|deltog\s+som\s+gæst(?:er)?|var\s+til\s+stede\s+under",
        None,
        "guest",
    ),
)
_SENTENCE_START = r"(?:^|(?<=[.!?:]\s)|(?<=[.!?]))\s*"
_SENTENCE_REST = r"(?:\s*(?:kl|pkt|nr|ca)\.|\.(?=\d)|[^.!?])*(?:[.!?]|$)"
_NOTE_SENTENCE = re.compile(
    _SENTENCE_START
    + r"(?P<names>[^.!?:]+?)\s+(?P<verb>"
    + "|".join(f"(?:{form})" for form, _, _ in _NOTE_FORMS)
    + r")\b"
    + _SENTENCE_REST
)
_NOTE_VERBS = [(re.compile(form), reason, kind) for form, reason, kind in _NOTE_FORMS]
# "... Godkendt. Fraværende: Steen Hansen (O)": an absence label after a sentence, in a line.
_NOTE_LABEL = re.compile(
    _SENTENCE_START + rf"(?P<label>{_ABSENCE_LABELS})\s*:\s*(?P<names>[^.!?:]+?)\s*(?:[.!?]|$)",
    re.IGNORECASE,
)
# A line without one of these has no note; most lines have none (a quick test first).
_NOTE_WORDS = (
    "deltog",
    "forhindret",
    "ravær",
    "fbud",
    "orfald",
    "inhabil",
    "forlod",
    "kke ",
    "ankom",
    "mødte",
    "kom ",
    "gik ",
    "stedfortræder",
    "indtrådte",
)
# What may stand under an absence label when nobody was absent.
_NOBODY = re.compile(r"(?:ingen|intet|ingen afbud|ingen fraværende|-|–)\.?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Person:
    """A name as printed, with the party letter and role printed beside it, if any."""

    name: str
    party: str | None
    role: str | None
    start: int  # offset of the name in the string it was read from


@dataclass(frozen=True, slots=True)
class AttendanceNote:
    """A sentence in a line that says who was absent (or left): ``start..end`` is the whole
    sentence within the line, ``people`` the names with their offsets within the line, and
    ``reason`` the absence's reason (None for a note that records no absence), ``kind`` what the
    note records."""

    start: int
    end: int
    people: tuple[Person, ...]
    reason: str | None
    kind: str = "absent"  # a loaders.model.AttendanceKind: absent, left, arrived, substitute
    verb_end: int = 0  # where the verb ends: what follows it (time, item, whom) is read there
    verb_start: int = 0  # where the verb (or the label) starts


@functools.lru_cache(maxsize=4096)
def parse_person(text: str) -> Person | None:
    """A person's name with optional ``(party)`` and ``(role)``; None if it is not a name.

    >>> parse_person("Christian Plank (F) (Formand)")
    Person(name='Christian Plank', party='F', role='formand', start=0)
    >>> parse_person("Henrik Nielsen (Sekretær)")
    Person(name='Henrik Nielsen', party=None, role='sekretær', start=0)
    >>> parse_person("Ingen bemærkninger.") is None
    True
    """
    stripped = text.strip()
    if len(stripped) > _LONGEST_ENTRY:
        return None
    match = _PERSON.fullmatch(stripped)
    if match is None or not _is_name(match["name"]):
        return None
    party = role = None
    for printed in (match["first"], match["second"]):
        if printed is None:
            continue
        part = printed.strip()
        if party is None and _PARTY.fullmatch(part):
            party = part
        elif role is None:
            role = part.lower()
    return Person(match["name"].strip(), party, role, text.find(stripped))


def _is_name(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 6 or name.endswith((".", ":")):
        return False
    if words[0] in _PARTICLES or not _NOT_NAMES.isdisjoint(words):
        return False
    return all(_NAME_WORD.fullmatch(word) for word in words)


def parse_people(text: str) -> list[Person] | None:
    """A printed list of people (``A, B og C``); None unless every entry is a name, or a role
    printed after the name before it (``Marie Stærmose (A), formand``).

    >>> [(p.name, p.party, p.role) for p in parse_people("Ida Holm (A), formand, Bo Lund")]
    [('Ida Holm', 'A', 'formand'), ('Bo Lund', None, None)]
    """
    people: list[Person] = []
    position = 0
    for part in _LIST_SPLIT.split(text):
        if not part:
            continue
        if people and people[-1].role is None and _ROLE_AFTER.fullmatch(part.strip()):
            named = people[-1]
            people[-1] = Person(named.name, named.party, part.strip().lower(), named.start)
            continue
        person = parse_person(part)
        if person is None:
            return None
        at = text.find(part, position)
        position = max(at, position) + len(part)
        people.append(Person(person.name, person.party, person.role, max(at, 0) + person.start))
    return people or None


# Several rules ask about the same line (noise, item confirmation, item bodies): remember.
@functools.lru_cache(maxsize=4096)
def attendance_line(plain: str) -> tuple[str, str] | None:
    """``(reason, rest)`` for an absence label line: ``Fraværende X, Y`` gives
    ``("fraværende", "X, Y")``; a label alone (``Afbud:``) gives an empty rest."""
    match = _listing_label(plain, "FfAaIiMm", _ABSENCE_LABEL)
    return None if match is None else (_reason(match["label"]), match["rest"])


def _reason(label: str) -> str:
    reason = " ".join(label.lower().split())
    return _REASONS.get(reason, reason)


def is_attendance_line(plain: str) -> bool:
    return attendance_line(plain) is not None


def participant_label(plain: str) -> str | None:
    """The list after a participant label (``""`` for the label alone), or None."""
    match = _listing_label(plain, "MmDdTtFf", _PARTICIPANT_LABEL)
    return None if match is None else match["rest"]


def _listing_label(plain: str, initials: str, label: re.Pattern[str]) -> re.Match[str] | None:
    """``label`` over the whole line, which starts with one of ``initials`` (a cheap test
    first), where the list after the label (its group ``rest``) is empty or reads as people."""
    if not plain or plain[0] not in initials:
        return None
    match = label.fullmatch(plain)
    if match is None or (match["rest"] and parse_people(match["rest"]) is None):
        return None
    return match


def people_in_line(state: ParseState, index: int, text: str) -> list[tuple[Person, int]]:
    """The people printed in ``text``, which sits on line ``index``, with each name's offset
    within the raw line."""
    people = parse_people(_BULLET.sub("", text, count=1) if _BULLET.match(text) else text)
    if not people:
        return []
    raw = state.lines[index].text
    found: list[tuple[Person, int]] = []
    position = 0
    for person in people:
        at = raw.find(person.name, position)
        if at >= 0:
            position = at + len(person.name)
        found.append((person, at))
    return found


def participants_from(state: ParseState, index: int, text: str) -> list[Participant]:
    return [
        Participant(
            name=p.name,
            span=state.lines[index].span(at, at + len(p.name))
            if at >= 0
            else state.lines[index].span(),
            party=p.party,
            role=p.role,
        )
        for p, at in people_in_line(state, index, text)
    ]


def absences_from(
    state: ParseState, index: int, text: str, scope: AbsenceScope, reason: str
) -> list[Absence]:
    return [
        Absence(
            name=p.name,
            scope=scope,
            span=state.lines[index].span(at, at + len(p.name))
            if at >= 0
            else state.lines[index].span(),
            party=p.party,
            reason=reason,
        )
        for p, at in people_in_line(state, index, text)
    ]


def list_block(state: ParseState, label_line: int, stop: int) -> list[int]:
    """The lines of a list printed under a label alone: the following content lines that are
    names (bulleted or not), up to the first line that is not, the label of another list, or
    ``stop``."""
    found: list[int] = []
    index = label_line
    while True:
        following = state.next_content(index, stop)
        if following is None:
            return found
        plain = state.plain[following]
        text = _BULLET.sub("", plain, count=1) if _BULLET.match(plain) else plain
        if attendance_line(text) is not None or participant_label(text) is not None:
            return found  # the next list's label ("Fraværende Peter Holm (O)", no colon)
        if parse_people(text) is None:
            return found
        found.append(following)
        index = following


def attendance_notes(raw: str) -> list[AttendanceNote]:
    """The attendance notes among the sentences of ``raw``, in order.

    >>> [(n.reason, [p.name for p in n.people]) for n in attendance_notes(
    ...     "Godkendt. Ole Berg (O) og Bo Lund deltog ikke i behandlingen af punktet.")]
    [('deltog ikke', ['Ole Berg', 'Bo Lund'])]
    >>> attendance_notes("Udvalget deltog ikke i mødet.")
    []
    """
    if not raw or not any(word in raw for word in _NOTE_WORDS):
        return []
    found: list[AttendanceNote] = []
    for pattern, labelled in ((_NOTE_SENTENCE, False), (_NOTE_LABEL, True)):
        for match in pattern.finditer(raw):
            names = match["names"].strip()
            people = parse_people(names)
            if people is None:
                continue
            base = match.start("names") + match["names"].find(names)
            kind = "absent"
            if labelled:
                reason: str | None = _reason(match["label"])
            else:
                reason, kind = next(
                    (r, k)
                    for form, r, k in _NOTE_VERBS
                    if (verb := form.match(raw, match.start("verb"))) is not None
                    and verb.end() == match.end("verb")
                )
            found.append(
                AttendanceNote(
                    start=match.start("label" if labelled else "names"),
                    end=match.end(),
                    people=tuple(Person(p.name, p.party, p.role, base + p.start) for p in people),
                    reason=reason,
                    kind=kind,
                    verb_end=match.end("label" if labelled else "verb"),
                    verb_start=match.start("label" if labelled else "verb"),
                )
            )
    found.sort(key=lambda note: note.start)
    return [n for i, n in enumerate(found) if i == 0 or n.start >= found[i - 1].end]


def is_note_line(raw: str) -> bool:
    """True if ``raw`` holds nothing but attendance notes (and punctuation)."""
    notes = attendance_notes(raw)
    if not notes:
        return False
    rest = raw
    for note in reversed(notes):
        rest = rest[: note.start] + rest[note.end :]
    return not rest.strip(" \t.,;-–")


def is_nobody_line(plain: str) -> bool:
    """``Ingen`` or ``-`` under an absence label: nobody was absent."""
    return _NOBODY.fullmatch(plain) is not None


def listed_text(plain: str) -> str:
    """A line of a list without its bullet."""
    return _BULLET.sub("", plain, count=1) if _BULLET.match(plain) else plain


def listed_people(plain: str) -> str | None:
    """The names on a line of a list under an absence label (bullet removed), or None."""
    text = _BULLET.sub("", plain, count=1) if _BULLET.match(plain) else plain
    return text if parse_people(text) is not None else None
