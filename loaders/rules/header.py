"""The meeting header: everything before the first item (the table of contents aside).

It says what the document is (``REFERAT``/``DAGSORDEN``), of which committee, when
(``Mødedato``, ``Dato:``, ``Referat: 18. august 2022 kl. 15:00``), from when to when
(``Start kl.:``, ``Slut kl.:``), where (``Mødested``, ``Sted:``, or an address line without a
label) and who attended or was absent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from loaders import dates, municipalities
from loaders.model import MeetingKind, Span
from loaders.rules import people
from loaders.rules.state import ParseState

_TITLE = re.compile(
    r"(?P<kind>referat|dagsorden|beslutningsprotokol|mødereferat)(?![\wæøå])\s*:?\s*(?P<rest>.*)",
    re.IGNORECASE,
)
# "Referat fra mødet i", "Dagsorden for": words between the title and the committee.
_TITLE_FILLER = re.compile(r"(?:(?:fra|for|af|til)\s+)?(?:(?:det\s+)?møde(?:t)?\s+i\s+)?", re.I)
# Labels that are labels with or without a colon, and those that need one.
_FIELD = re.compile(
    r"(?P<label>Mødedato|Mødedag|Mødetidspunkt|Mødetid|Mødested|Mødestart|Mødeslut|"
    r"Starttidspunkt|Sluttidspunkt)\s*:?\s*(?P<value>.+)"
    r"|(?P<clabel>Dato|Tidspunkt|Tid|Sted|Lokale|Start(?:\s*kl\.?)?|Slut(?:\s*kl\.?)?|Afsluttet|"
    r"Udvalg|Kommune)\s*:\s*(?P<cvalue>.+)",
    re.IGNORECASE,
)
_FIELD_KIND = {
    "mødedato": "date",
    "mødedag": "date",
    "dato": "date",
    "mødetidspunkt": "date",
    "mødetid": "date",
    "tidspunkt": "date",
    "tid": "date",
    "mødested": "place",
    "sted": "place",
    "lokale": "place",
    "mødestart": "start",
    "starttidspunkt": "start",
    "start": "start",
    "mødeslut": "end",
    "sluttidspunkt": "end",
    "slut": "end",
    "afsluttet": "end",
    "udvalg": "committee",
    "kommune": "municipality",
}
# A committee name alone on a line: "Udvalget for Job & Arbejdsmarked", "Beskæftigelsesudvalget".
_COMMITTEE = re.compile(
    r"(?:Det\s+)?(?:Udvalget|Udvalg)\s+for\s+[^.:;]{2,100}"
    r"|[A-ZÆØÅ][^.:;]{0,100}(?:udvalget|udvalg|rådet|bestyrelsen|Byråd|Borgerrepræsentationen)"
    r"(?:\s+-\s+\d{4}\s*-\s*\d{4})?"
)
_ELECTION_PERIOD = re.compile(r"\s*[-–]\s*\d{4}\s*[-–]\s*\d{4}$")
# Words of a place: rooms, town halls, streets with numbers, postcodes.
_PLACE = re.compile(
    r"\b(?:møde)?(?:lokale|salen|sal|værelse|rådhus|rådhuset|kontor|centret|centeret|center)\b"
    r"|\w+(?:vej|gade|allé|alle|plads|torv|stræde|vænge)\s+\d+"
    r"|\b\d{4}\s+[A-ZÆØÅ]",
    re.IGNORECASE,
)


def strip_election_period(name: str) -> str:
    """``Udvalget for X - 2022-2025`` is ``Udvalget for X``."""
    return _ELECTION_PERIOD.sub("", name).strip()


@dataclass(slots=True)
class HeaderFacts:
    """What the header rules gathered, before it is checked and written to the meeting."""

    dates: list[tuple[dates.FoundDate, Span]] = field(default_factory=list)
    committee: tuple[str, int] | None = None
    committee_rank: int = 9  # lower is more explicit: label 0, title 1, own line 2
    place: tuple[str, int] | None = None
    place_rank: int = 9
    start: tuple[dt.time, Span] | None = None
    end: tuple[dt.time, Span] | None = None
    consumed: set[int] = field(default_factory=set)


def _offer_committee(facts: HeaderFacts, name: str, index: int, rank: int) -> None:
    name = strip_election_period(name.strip(" ,-"))
    if name and rank < facts.committee_rank:
        facts.committee, facts.committee_rank = (name, index), rank


def _span_of_part(state: ParseState, index: int, part: str, begin: int, end: int) -> Span:
    """The span of ``part[begin:end]``, ``part`` being text of line ``index``; the whole line
    if ``part`` is not there as printed (white space collapsed in between)."""
    line = state.lines[index]
    at = line.text.find(part)
    if at < 0 or not 0 <= begin <= end <= len(part):
        return line.span()
    return line.span(at + begin, at + end)


def _times(state: ParseState, facts: HeaderFacts, index: int, text: str, skip: int = 0) -> None:
    """Start (and end) times written in ``text[skip:]``."""
    for found in dates.find_times(text[skip:]):
        span = _span_of_part(state, index, text, skip + found.begin, skip + found.end)
        if isinstance(found, dates.FoundTimeRange):
            facts.start = facts.start or (found.start_time, span)
            facts.end = facts.end or (found.end_time, span)
        else:
            facts.start = facts.start or (found.time, span)


def _dates(state: ParseState, facts: HeaderFacts, index: int, text: str) -> bool:
    """Dates written in ``text`` (of line ``index``), and a time after the last of them."""
    found = dates.find_dates(text)
    facts.dates.extend((f, _span_of_part(state, index, text, f.begin, f.end)) for f in found)
    if found:
        _times(state, facts, index, text, found[-1].end)
    return bool(found)


HeaderRule = Callable[[ParseState, HeaderFacts, int, str], bool]


def title_line(state: ParseState, facts: HeaderFacts, index: int, plain: str) -> bool:
    """``REFERAT <committee> d. <date>``, ``Referat: <date> kl. <time>``, ``DAGSORDEN``."""
    match = _TITLE.fullmatch(plain)
    if match is None:
        return False
    word, rest = match["kind"], match["rest"]
    # "Referat godkendt" is a sentence; a title is in capitals, has a colon, a date, or nothing.
    explicit = word.isupper() or not rest or plain[len(word) :].lstrip().startswith(":")
    found = dates.find_dates(rest)
    if not explicit and not found:
        return False
    kind: MeetingKind = "dagsorden" if word.lower() == "dagsorden" else "referat"
    state.meeting.kind = kind
    state.meeting.spans["kind"] = state.span_in_line(index, word)
    if rest:
        _dates(state, facts, index, rest)
    before = rest[: found[0].begin] if found else rest
    before = _TITLE_FILLER.sub("", before, count=1).strip(" ,-")
    if before and not any(c.isdigit() for c in strip_election_period(before)):
        _offer_committee(facts, before, index, 1)
    return True


def labelled_field(state: ParseState, facts: HeaderFacts, index: int, plain: str) -> bool:
    """``Mødedato ...``, ``Mødested ...``, ``Sted: ...``, ``Start kl.: 16:30``, ``Udvalg: ...``."""
    match = _FIELD.fullmatch(plain)
    if match is None:
        return False
    label = (match["label"] or match["clabel"]).lower()
    value = (match["value"] or match["cvalue"]).strip()
    kind = _FIELD_KIND.get(label.split()[0].rstrip("."), "")
    if kind == "date":
        if not _dates(state, facts, index, value):
            _times(state, facts, index, value)
    elif kind == "place" and facts.place_rank > 0:
        facts.place, facts.place_rank = (value, index), 0
    elif kind in ("start", "end"):
        time = dates.parse_time(value) or dates.parse_time(f"kl. {value}")
        if time is not None:
            span = state.span_in_line(index, value)
            if kind == "start":
                facts.start = (time, span)
            else:
                facts.end = (time, span)
    elif kind == "committee":
        _offer_committee(facts, value, index, 0)
    elif kind == "municipality":
        found = municipalities.by_name(value)
        if found is not None:
            state.meeting.municipality, state.meeting.municipality_source = found.name, "stated"
            state.meeting.spans["municipality"] = state.span_in_line(index, value)
    return True


def attendance(state: ParseState, facts: HeaderFacts, index: int, plain: str) -> bool:
    """Participant lists and meeting absences, inline or as a list under the label."""
    stop = state.header_end
    rest = people.participant_label(plain)
    if rest is not None:
        if rest:
            state.meeting.participants.extend(people.participants_from(state, index, rest))
        for line in people.list_block(state, index, stop):
            facts.consumed.add(line)
            text = state.plain[line]
            state.meeting.participants.extend(people.participants_from(state, line, text))
        return True
    found = people.attendance_line(plain)
    if found is None:
        return False
    reason, rest = found
    meeting = state.meeting
    if rest:
        meeting.absences.extend(people.absences_from(state, index, rest, "meeting", reason))
    for line in people.list_block(state, index, stop):
        facts.consumed.add(line)
        meeting.absences.extend(
            people.absences_from(state, line, state.plain[line], "meeting", reason)
        )
    return True


def date_line(state: ParseState, facts: HeaderFacts, index: int, plain: str) -> bool:
    """A line that is only a date (and a time): ``Onsdag den 8. januar 2020 kl. 16.30``."""
    if not plain[0].isdigit() and plain.split(" ", 1)[0].lower() not in dates.WEEKDAYS:
        return False
    if dates.parse_date(plain) is None:
        return False
    return _dates(state, facts, index, plain)


def committee_line(state: ParseState, facts: HeaderFacts, index: int, plain: str) -> bool:
    """A committee's name alone on a line."""
    if _COMMITTEE.fullmatch(plain) is None:
        return False
    _offer_committee(facts, plain, index, 2)
    return True


def place_line(state: ParseState, facts: HeaderFacts, index: int, plain: str) -> bool:
    """An address or room alone on a line (``Mødelokale 1, Servicecenter, Finderupsvej 9``)."""
    if facts.place_rank <= 1 or "," not in plain or plain.endswith(".") or not _PLACE.search(plain):
        return False
    facts.place, facts.place_rank = (plain, index), 1
    return True


HEADER_RULES: tuple[tuple[str, HeaderRule], ...] = (
    ("title", title_line),
    ("fields", labelled_field),
    ("attendance", attendance),
    ("date-line", date_line),
    ("committee-line", committee_line),
    ("place-line", place_line),
)


def _meeting_date(state: ParseState, facts: HeaderFacts) -> None:
    """One date, or none: a date that does not exist stops the parse; two dates or a weekday
    that contradicts the only date leave the date empty with a note."""
    for found, _ in facts.dates:
        if found.invalid:
            raw = found.raw
            digits = next((i for i, c in enumerate(raw) if c.isdigit()), 0)
            state.problem = f"date '{raw[digits:]}' in the header does not exist"
            return
    distinct = sorted({f.date for f, _ in facts.dates if f.date is not None})
    if not distinct:
        return
    if len(distinct) > 1:
        shown = " and ".join(d.isoformat() for d in distinct)
        state.notes.append(f"the header gives different meeting dates ({shown}); date left empty")
        return
    mentions = [(f, span) for f, span in facts.dates if f.date == distinct[0]]
    if all(f.weekday_mismatch for f, _ in mentions):
        state.notes.append(
            f"the weekday in '{mentions[0][0].raw}' does not match the date; date left empty"
        )
        return
    state.meeting.date = distinct[0]
    state.meeting.spans["date"] = mentions[0][1]


def read_header(state: ParseState) -> bool:
    """Core rule: read the header lines with the header rules, first match wins."""
    facts = HeaderFacts()
    stop = state.header_end
    in_toc = state.toc_lines
    fired: set[str] = set()
    for index in range(stop):
        plain = state.plain[index]
        if not plain or state.noise[index] or index in in_toc or index in facts.consumed:
            continue
        for name, rule in HEADER_RULES:
            if rule(state, facts, index, plain):
                fired.add(name)
                break
    meeting = state.meeting
    _meeting_date(state, facts)
    if facts.committee:
        name, index = facts.committee
        meeting.committee = name
        meeting.spans["committee"] = state.span_in_line(index, name)
    if facts.place:
        value, index = facts.place
        meeting.place = value
        meeting.spans["place"] = state.span_in_line(index, value)
    if facts.start:
        meeting.start_time, meeting.spans["start_time"] = facts.start
    if facts.end:
        meeting.end_time, meeting.spans["end_time"] = facts.end
    return bool(fired)
