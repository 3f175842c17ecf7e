"""The header's dates and times: those written in a title or a label's value (read for the other
header rules by :func:`read_dates` and :func:`read_times`), a line that is only a date
(:func:`date_line`), and a sentence that says when the meeting is held (:func:`meeting_sentence`).
Every date found is a :class:`~loaders.rules.meeting_date.DateCandidate` of a rank; the meeting's
date is chosen among them by :mod:`loaders.rules.meeting_date`."""

from __future__ import annotations

import re

from loaders import dates
from loaders.model import Span
from loaders.rules.header_facts import PLACE, HeaderFacts
from loaders.rules.meeting_date import LABELLED, LINE, DateCandidate
from loaders.rules.parse_state import ParseState


def _span_of_part(state: ParseState, index: int, part: str, begin: int, end: int) -> Span:
    """The span of ``part[begin:end]``, ``part`` being text of line ``index``; the whole line
    if ``part`` is not there as printed (white space collapsed in between)."""
    line = state.lines[index]
    at = line.text.find(part)
    if at < 0 or not 0 <= begin <= end <= len(part):
        return state.span_in_line(index, part[begin:end])
    return line.span(at + begin, at + end)


def read_times(
    state: ParseState, facts: HeaderFacts, index: int, text: str, *, skip: int = 0, kind: str = ""
) -> bool:
    """Start (and end) times written in ``text[skip:]``; under an end label, the end time."""
    found_any = False
    for found in dates.find_times(text[skip:]):
        found_any = True
        span = _span_of_part(state, index, text, skip + found.begin, skip + found.end)
        if isinstance(found, dates.FoundTimeRange):
            facts.start = facts.start or (found.start_time, span)
            facts.end = facts.end or (found.end_time, span)
        elif kind == "end":
            facts.end = facts.end or (found.time, span)
        else:
            facts.start = facts.start or (found.time, span)
    return found_any


def read_dates(
    state: ParseState,
    facts: HeaderFacts,
    index: int,
    text: str,
    *,
    rank: int,
    source: str = "header",
    short_years: bool = False,
    kind: str = "",
) -> bool:
    """Dates written in ``text`` (of line ``index``), and a time after the last of them."""
    found = dates.find_dates(text, short_years=short_years)
    for f in found:
        span = _span_of_part(state, index, text, f.begin, f.end)
        facts.dates.append(DateCandidate(f, span, rank, source))
    if found:
        read_times(state, facts, index, text, skip=found[-1].end, kind=kind)
    return bool(found)


def date_line(state: ParseState, facts: HeaderFacts, index: int, plain: str) -> bool:
    """A line that is only a date (and a time): ``Onsdag den 8. januar 2020 kl. 16.30``."""
    if dates.parse_date(plain) is None:
        return False
    return read_dates(state, facts, index, plain, rank=LINE)


# A sentence that says when the meeting was or is held: ``Mødet blev afholdt tirsdag den 14.
# marts 2023 kl. 16.00 i Mødelokale 2``, ``Mødet afholdes den ...``, ``Mødet fandt sted ...``,
# ``Referat af mødet i Byrådet den ...``, ``Ordinært møde den ...``, under a ``REFERAT`` line
# ``fra ordinært møde mandag den ...``, ``Mødet den 26. april 2023 kl. 18.00``. Other
# meetings' dates (``Næste møde afholdes ...``) are passed over before (``other-date``).
_MEETING_SENTENCE = re.compile(
    r"(?:det\s+)?(?:(?:ordinære|ekstraordinære|konstituerende)\s+)?"
    r"(?:møde(?:t)?(?:\s+i\s+[^\d,.]{2,80}?)?\s+(?:(?:blev|er|bliver|vil\s+blive)\s+)?"
    r"(?:af)?(?:holdt|holdes|afviklet|afvikles)"
    r"|mødet\s+(?:fandt|finder)\s+sted|mødet\s+(?:startede|begyndte|starter|begynder)"
    r"|(?:referat\s+)?(?:af|fra)\s+(?:det\s+)?(?:(?:ordinære|ekstraordinære)\s+)?møde(?:t)?"
    r"(?:\s+i\s+[^\d,.]{2,80}?)?"
    r"|(?:(?:af|fra)\s+)?(?:ordinært|ekstraordinært|konstituerende)\s+møde(?:\s+i\s+[^\d,.]{2,80}?)?"
    r"|mødet?(?=\s+(?:[a-zæøå]+dag\s+)?(?:den|d\.)\s))"
    r"(?=\s|,|:)",
    re.IGNORECASE,
)
# What follows the date and time: the place, ``i Mødelokale 2, Rådhuset`` or ``på Rådhuset``.
_PLACE_AFTER = re.compile(r"[\s,]*(?:i|på)\s+(?P<place>\S.*?)[\s.]*$", re.IGNORECASE)


def meeting_sentence(state: ParseState, facts: HeaderFacts, index: int, plain: str) -> bool:
    """A sentence that says when (and where) the meeting is held; its one date is the
    meeting's as plainly as a label says it, and a place after the time is the meeting's."""
    opening = _MEETING_SENTENCE.match(plain)
    if opening is None:
        return False
    found = dates.find_dates(plain[opening.end() :])
    if not found:
        return False
    read_dates(state, facts, index, plain, rank=LABELLED)
    after = found[-1].end + opening.end()
    times = dates.find_times(plain[after:])
    if times:
        after += times[-1].end
    place = _PLACE_AFTER.match(plain[after:])
    if place is not None and PLACE.search(place["place"]) and facts.place_rank > 0:
        facts.place, facts.place_rank = (place["place"], index), 0
    return True
