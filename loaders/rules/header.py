"""The meeting header: everything before the first item (the table of contents aside).

It says what the document is (``REFERAT``/``DAGSORDEN``), of which committee, when
(``Mødedato``, ``Dato:``, ``MØDE``, ``Referat: 18. august 2022 kl. 15:00``), from when to when
(``Start kl.:``, ``STARTTIDSPUNKT``, ``Slut kl.:``), where (``Mødested``, ``Sted:``, or an address
line without a label) and who attended or was absent.

Labels (:mod:`loaders.rules.header_labels`) stand on their value's line (after a colon, a tab,
or in upper case as Prepare prints them) or alone with the value on the next line; a label with
no value takes nothing, least of all the next label. Dates that are not the meeting's
(publication, printing, other meetings, deadlines) are passed over; dates and times are read by
:mod:`loaders.rules.header_dates`, the meeting's date is chosen from the rest by
:mod:`loaders.rules.meeting_date`, the committee's name is checked by
:mod:`loaders.rules.committees`, and where the header names no committee or prints no date the
decision headings and item lines may (:mod:`loaders.rules.decision_headings`).
"""

from __future__ import annotations

import re

from loaders import dates, municipalities
from loaders.model import MeetingKind
from loaders.rules import committees, decision_headings, people
from loaders.rules.header_dates import date_line, meeting_sentence, read_dates, read_times
from loaders.rules.header_facts import PLACE, HeaderFacts, HeaderRule
from loaders.rules.header_labels import (
    TITLE,
    before_other_date,
    field_label,
    is_label,
    meeting_block,
    other_date_first,
)
from loaders.rules.meeting_date import END, LABELLED, LINE, choose_date
from loaders.rules.parse_state import ParseState, locate

_LONGEST_FIELD_NAME = 12  # words of a committee printed under a label


def strip_election_period(name: str) -> str:
    """``Udvalget for X - 2022-2025`` is ``Udvalget for X``."""
    return committees.strip_electoral_period(name)


def _offer_committee(
    facts: HeaderFacts, name: str, index: int, rank: int, source: str = "header"
) -> None:
    name = strip_election_period(name.strip(" ,-"))
    if name and rank < facts.committee_rank:
        facts.committee, facts.committee_rank = (name, index), rank
        facts.committee_source = source


def _title_committee(title: str, text: str) -> tuple[str, int] | None:
    """The committee named in a title (``title`` is its word, ``Referat``) and its rank:
    shaped like a body's name (1), or only printed where the title puts it (3; never a
    sentence, a place or a number)."""
    name = committees.committee_name(f"{title} {text}")
    if name is not None:
        return name, 1
    rest = _TITLE_FILLER.sub("", text, count=1).strip(" ,-–:")
    rest = strip_election_period(rest)
    words = rest.split()
    if (
        not rest
        or not rest[0].isupper()
        or len(words) > _LONGEST_FIELD_NAME
        or any(c.isdigit() or c in ".:;!?" for c in rest)
        or PLACE.search(rest)
        or people.parse_person(rest) is not None
    ):
        return None
    return rest, 3


# "Referat fra mødet i", "Dagsorden for": words between the title and the committee.
_TITLE_FILLER = re.compile(r"(?:(?:fra|for|af|til)\s+)?(?:(?:det\s+)?møde(?:t)?\s+i\s+)?", re.I)


def title_line(state: ParseState, facts: HeaderFacts, index: int, plain: str) -> bool:
    """``REFERAT <committee> d. <date>``, ``Referat: <date> kl. <time>``, ``DAGSORDEN``,
    ``Referat af møde i <committee>``."""
    match = TITLE.fullmatch(plain)
    if match is None:
        return False
    word, rest = match["kind"], match["rest"]
    found = dates.find_dates(rest)
    before = rest[: found[0].begin] if found else rest
    named = _title_committee(word, before) if before.strip(" ,-–:") else None
    # "Referat godkendt" is a sentence; a title is in capitals, has a colon, a date, a
    # committee's name, or nothing.
    explicit = word.isupper() or not rest or plain[len(word) :].lstrip().startswith(":")
    if not explicit and not found and (named is None or named[1] > 1):
        return False
    kind: MeetingKind = "dagsorden" if "dagsorden" in word.lower() else "referat"
    if kind == "dagsorden" and not rest and state.meeting.kind == "referat":
        return True  # "Dagsorden" over the list of items in minutes: not what the file is
    state.meeting.kind = kind
    state.meeting.spans["kind"] = state.span_in_line(index, word)
    if rest:
        read_dates(state, facts, index, rest, rank=LABELLED, source="title")
    if named is not None:
        _offer_committee(facts, named[0], index, named[1], "title")
    return True


def _committee_value(value: str) -> str | None:
    """The committee printed under a committee label: a body's name, or a short name."""
    name = committees.committee_name(value)
    if name is not None:
        return name
    value = strip_election_period(value)
    if not value or not value[0].isupper() or len(value.split()) > _LONGEST_FIELD_NAME:
        return None
    if value.endswith(".") or any(c.isdigit() for c in value):
        return None
    return value


def _read_value(state: ParseState, facts: HeaderFacts, index: int, kind: str, value: str) -> bool:
    """Read the value of a label of ``kind`` printed on line ``index``; False if it is not a
    value of that kind."""
    if kind in ("date", "start", "end"):
        rank = END if kind == "end" else LABELLED
        if read_dates(state, facts, index, value, rank=rank, short_years=True, kind=kind):
            # "MØDE Økonomiudvalget - 10-09-2020": the committee before the date
            found = dates.find_dates(value, short_years=True)[0]
            name = committees.committee_name(value[: found.begin])
            if name is not None:
                _offer_committee(facts, name, index, 2)
            return True
        return read_times(state, facts, index, value, kind=kind)
    if kind == "place":
        if facts.place_rank > 0:
            facts.place, facts.place_rank = (value, index), 0
        return True
    if kind == "committee":
        name = _committee_value(value)
        if name is not None:
            _offer_committee(facts, name, index, 0)
        return name is not None
    municipality = municipalities.by_name(value)
    if municipality is not None:
        state.meeting.municipality, state.meeting.municipality_source = municipality.name, "stated"
        state.meeting.spans["municipality"] = state.span_in_line(index, value)
    return True


def labelled_field(state: ParseState, facts: HeaderFacts, index: int, plain: str) -> bool:
    """``Mødedato ...``, ``Sted: ...``, ``Start kl.: 16:30``, ``UDVALG Økonomiudvalget``, or
    the label alone on its line and its value on the next (``STARTTIDSPUNKT`` /
    ``14-11-2019 08:15:00``); a label with no value takes nothing."""
    field_ = field_label(plain, state.lines[index].text)
    if field_ is None:
        return False
    kind, value = field_
    if value:
        return _read_value(state, facts, index, kind, value)
    following = state.next_content(index, facts.stop)
    if following is None or following in state.toc_lines:
        return True
    text = state.plain[following]
    if is_label(text, state.lines[following].text):
        return True  # a label with no value: the next label is not its value
    if _read_value(state, facts, following, kind, text):
        facts.consumed.add(following)
    return True


def other_date(state: ParseState, facts: HeaderFacts, index: int, plain: str) -> bool:
    """A date that is not the meeting's (``Offentliggjort 15-11-2019``, ``Næste møde: ...``):
    the line is read no further; a label alone takes the date on the next line with it."""
    if not other_date_first(plain):
        return False
    if not dates.find_dates(plain, short_years=True):
        following = state.next_content(index, facts.stop)
        if following is not None and dates.parse_date(state.plain[following], short_years=True):
            facts.consumed.add(following)
    return True


def attendance(state: ParseState, facts: HeaderFacts, index: int, plain: str) -> bool:
    """Participant lists and meeting absences, inline or as a list under the label."""
    stop = facts.stop
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


def committee_line(state: ParseState, facts: HeaderFacts, index: int, plain: str) -> bool:
    """A committee's name alone on a line (``Integrationsrådet``, ``Møde i Byrådet``), or
    with the meeting's date (``Økonomiudvalget den 14. november 2019 kl. 16``)."""
    found = dates.find_dates(plain)
    if not found:
        name = committees.committee_name(plain)
        if name is None:
            return False
        if not _in_a_list_of_bodies(state, index, name):
            _offer_committee(facts, name, index, 2)
        return True
    after = plain[found[-1].end :].strip(" ,.-–:")
    if len(found) > 1 or (after and not dates.find_times(after)):
        return False
    name = committees.committee_name(plain[: found[0].begin])
    if name is None:
        return False
    _offer_committee(facts, name, index, 2)
    return read_dates(state, facts, index, plain, rank=LINE)


def _in_a_list_of_bodies(state: ParseState, index: int, name: str) -> bool:
    """The line is one of a list of bodies (a site's list of its committees, recipients): the
    line before or after it names another body alone. None of them is the meeting's."""
    for other in (index - 1, index + 1):
        if 0 <= other < len(state.plain) and not dates.find_dates(state.plain[other]):
            body = committees.committee_name(state.plain[other])
            if body is not None and body != name:
                return True
    return False


def place_line(state: ParseState, facts: HeaderFacts, index: int, plain: str) -> bool:
    """An address or room alone on a line (``Mødelokale 1, Servicecenter, Finderupsvej 9``),
    as printed: a line whose words markup splits (a label broken across lines,
    ``ødested** Rådhuset, mødelokale 207``) is damage, not a place."""
    if facts.place_rank <= 1 or "," not in plain or plain.endswith(".") or not PLACE.search(plain):
        return False
    if locate(state.lines[index].text, plain) is None:
        return False
    facts.place, facts.place_rank = (plain, index), 1
    return True


HEADER_RULES: tuple[tuple[str, HeaderRule], ...] = (
    ("other-date", other_date),
    ("title", title_line),
    ("fields", labelled_field),
    ("attendance", attendance),
    ("meeting-sentence", meeting_sentence),
    ("date-line", date_line),
    ("committee-line", committee_line),
    ("place-line", place_line),
)


def header_stop(state: ParseState) -> int:
    """The header's end: the first item heading, or an earlier section label (the items'
    headings were not all found: item text is never header)."""
    stop = state.header_end
    labelled = [index for index in state.labels if index < stop and index not in state.toc_lines]
    return min(labelled, default=stop)


def _write_date(state: ParseState, facts: HeaderFacts) -> None:
    chosen, note = choose_date(facts.dates)
    if note is not None:
        state.notes.append(note)
    if chosen is not None:
        state.meeting.date, state.meeting.date_source = chosen.date, chosen.source
        state.meeting.spans["date"] = chosen.span


def _from_items(state: ParseState, facts: HeaderFacts) -> None:
    """The date and committee from decision headings and item lines, where the header has
    neither (a header with conflicting dates keeps its empty date)."""
    meeting = state.meeting
    if facts.dates and meeting.committee is not None:
        return
    read = decision_headings.read_items(state, facts.stop, meeting.committee)
    if read.committee is not None and meeting.committee is None:
        meeting.committee, span, meeting.committee_source = read.committee
        meeting.spans["committee"] = span
    if facts.dates:
        return
    if read.date is not None:
        meeting.date, span, meeting.date_source = read.date
        meeting.spans["date"] = span
    elif read.note is not None:
        state.notes.append(read.note)


def _trailing_block(state: ParseState, facts: HeaderFacts) -> set[str]:
    """A header that names nothing, and a block of the meeting's own data after the items (a
    right-hand column that text extraction puts last): its labelled values are the header's."""
    fired: set[str] = set()
    for index in range(facts.stop, len(state.plain)):
        if not state.plain[index] or state.noise[index]:
            continue
        if not meeting_block(state, index):
            if fired:
                break  # the first block only
            continue
        if labelled_field(state, facts, index, state.plain[index]):
            fired.add("trailing-fields")
    return fired


def read_header(state: ParseState) -> bool:
    """Core rule: read the header lines with the header rules, first match wins."""
    facts = HeaderFacts(stop=header_stop(state))
    in_toc = state.toc_lines
    fired: set[str] = set()
    for index in range(facts.stop):
        plain = state.plain[index]
        if not plain or state.noise[index] or index in in_toc or index in facts.consumed:
            continue
        plain = before_other_date(plain)
        for name, rule in HEADER_RULES:
            if rule(state, facts, index, plain):
                fired.add(name)
                break
    if facts.committee is None and not facts.dates and facts.place is None:
        fired.update(_trailing_block(state, facts))
    meeting = state.meeting
    _write_date(state, facts)
    if facts.committee:
        name, index = facts.committee
        meeting.committee, meeting.committee_source = name, facts.committee_source
        meeting.spans["committee"] = state.span_in_line(index, name)
    _from_items(state, facts)
    if facts.place:
        value, index = facts.place
        meeting.place = value
        meeting.spans["place"] = state.span_in_line(index, value)
    if facts.start:
        meeting.start_time, meeting.spans["start_time"] = facts.start
    if facts.end:
        meeting.end_time, meeting.spans["end_time"] = facts.end
    return bool(fired)
