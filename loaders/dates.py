"""Danish dates and times as minutes write them, in words or in digits.

Dates: ``Onsdag d. 08. juni 2022``, ``den 8. januar 2020``, ``8. jan. 2020``, ``08-06-2022``,
``8-6-2022``, ``08.06.2022``, ``8/6 2022``, ``8/6-2022``, ``2022-06-08``. A weekday name and a
leading ``den``/``d.`` belong to the date as written (so the text before it is what the date is
attached to) but only the day, month and year decide the date; a weekday that does not match
is reported, not trusted. Two-digit years are never read (a wrong date is worse than none), and
years outside 1970..2100 are not dates.

Times: ``kl. 15:00``, ``kl. 15.00``, ``kl 9``, ``15:00``, and ranges ``kl. 16.30-18.30``. Without
``kl.`` only ``HH:MM`` with a colon counts: ``15.00`` alone is as likely a case number part.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
_ABBREVIATIONS = {"sept": 9} | {name[:3]: number for number, name in enumerate(MONTHS, 1)}
_MONTH_NUMBERS = {name: number for number, name in enumerate(MONTHS, 1)} | _ABBREVIATIONS
_MONTH_NAMES = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
FIRST_YEAR, LAST_YEAR = 1970, 2100

_PREFIX = (
    rf"(?:(?<!\w)(?P<weekday>{'|'.join(WEEKDAYS)})(?!\w)[ \t]*,?[ \t]*)?"
    r"(?:(?<!\w)(?:den|d\.)[ \t]*)?"
)
_NOT_AFTER_NUMBER = r"(?<!\d)(?<!\d[.,/-])"
_BODIES = (
    # 8. juni 2022, 08. jun. 2022, 8 juni 2022
    rf"{_NOT_AFTER_NUMBER}(?P<wday>\d{{1,2}})\.?[ \t]*(?P<wmonth>{_MONTH_NAMES})(?!\w)\.?"
    r"[ \t]*(?P<wyear>\d{4})(?!\d)",
    # 2022-06-08
    rf"{_NOT_AFTER_NUMBER}(?P<iyear>\d{{4}})-(?P<imonth>\d{{1,2}})-(?P<iday>\d{{1,2}})(?![\d])",
    # 08-06-2022, 8.6.2022, 08/06/2022
    rf"{_NOT_AFTER_NUMBER}(?P<nday>\d{{1,2}})(?P<sep>[-./])(?P<nmonth>\d{{1,2}})(?P=sep)"
    r"(?P<nyear>\d{4})(?!\d)",
    # 8/6 2022, 8/6-2022
    rf"{_NOT_AFTER_NUMBER}(?P<sday>\d{{1,2}})/(?P<smonth>\d{{1,2}})[ -](?P<syear>\d{{4}})(?!\d)",
)
_DATE = re.compile(_PREFIX + "(?:" + "|".join(_BODIES) + ")", re.IGNORECASE)
_TRAILING_TIME = re.compile(r"[ \t]*,?[ \t]*(?:kl\.?[ \t]*)?\d{1,2}[:.]\d{2}[ \t]*\.?|[ \t]*\.?")

_CLOCK = r"(?<!\w)(?:kl\.?|klokken)[ \t]*:?[ \t]*"
_TIME = re.compile(
    # kl. 16.30, kl 9, kl.: 16:30, optionally a range: kl. 16.30-18.30, kl. 9 til kl. 12
    rf"{_CLOCK}(?P<h1>\d{{1,2}})(?:[:.](?P<m1>\d{{2}}))?(?!\d)(?![:.]\d)"
    rf"(?:[ \t]*(?:-|–|til)[ \t]*(?:{_CLOCK})?(?P<h2>\d{{1,2}})(?:[:.](?P<m2>\d{{2}}))?"
    r"(?!\d)(?![:.]\d))?"
    # 15:00, 16:30-18:30
    r"|(?<![\d:.])(?P<h3>\d{1,2}):(?P<m3>\d{2})(?!\d)(?!:\d)"
    r"(?:[ \t]*(?:-|–)[ \t]*(?P<h4>\d{1,2}):(?P<m4>\d{2})(?!\d)(?!:\d))?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date written in a text: ``raw == text[begin:end]``, weekday and ``den``/``d.``
    included. ``date`` is None and ``invalid`` True for a date that does not exist
    (``30-02-2022``); ``weekday_mismatch`` is True when a written weekday contradicts it."""

    date: dt.date | None
    begin: int
    end: int
    raw: str
    invalid: bool = False
    weekday_mismatch: bool = False


@dataclass(frozen=True, slots=True)
class FoundTime:
    """A time of day written in a text: ``raw == text[begin:end]``, ``kl.`` included."""

    time: dt.time
    begin: int
    end: int
    raw: str


@dataclass(frozen=True, slots=True)
class FoundTimeRange:
    """A range such as ``kl. 16.30-18.30``: ``start_time`` to ``end_time`` (named like
    :class:`loaders.model.Meeting`'s fields; ``begin``/``end`` are offsets as everywhere)."""

    start_time: dt.time
    end_time: dt.time
    begin: int
    end: int
    raw: str


def _parts(match: re.Match[str]) -> tuple[int, int, int]:
    """(year, month, day) of whichever body matched."""
    if match.group("wday") is not None:
        month = _MONTH_NUMBERS[match.group("wmonth").lower()]
        return int(match.group("wyear")), month, int(match.group("wday"))
    for body in "ins":  # the iso, numeric and slash bodies
        year = match.group(body + "year")
        if year is not None:
            return int(year), int(match.group(body + "month")), int(match.group(body + "day"))
    raise AssertionError("a date match without a body")  # pragma: no cover


def _found(match: re.Match[str]) -> FoundDate | None:
    """The date a match writes, or None when it is no date at all (a year out of range, a
    month 13, a day 0 or 32)."""
    year, month, day = _parts(match)
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    raw = match.group()
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return FoundDate(None, match.start(), match.end(), raw, invalid=True)
    weekday = match.group("weekday")
    mismatch = weekday is not None and WEEKDAYS.index(weekday.lower()) != date.weekday()
    return FoundDate(date, match.start(), match.end(), raw, weekday_mismatch=mismatch)


def find_dates(text: str) -> list[FoundDate]:
    """Every date written in ``text``, in order; dates that do not exist included, marked.

    >>> [(f.date, f.raw) for f in find_dates("Mødedato Onsdag d. 08. juni 2022 kl. 15:00")]
    [(datetime.date(2022, 6, 8), 'Onsdag d. 08. juni 2022')]
    >>> find_dates("Frist 30-02-2022")[0].invalid
    True
    """
    found = (_found(match) for match in _DATE.finditer(text))
    return [date for date in found if date is not None]


def parse_date(s: str) -> dt.date | None:
    """The date ``s`` is, written whole (a trailing ``kl. 15:00`` or full stop is allowed), or
    None for anything else, including a date that does not exist.

    >>> parse_date("Onsdag den 8. januar 2020"), parse_date("31. februar 2022")
    (datetime.date(2020, 1, 8), None)
    """
    s = s.strip()
    match = _DATE.match(s)
    if match is None or not _TRAILING_TIME.fullmatch(s, match.end()):
        return None
    found = _found(match)
    return found.date if found is not None else None


def _clock(hour: str, minute: str | None) -> dt.time | None:
    h, m = int(hour), int(minute or 0)
    return dt.time(h, m) if h <= 23 and m <= 59 else None


def _found_time(match: re.Match[str]) -> FoundTime | FoundTimeRange | None:
    h, m, h_end, m_end = ("h1", "m1", "h2", "m2") if match.group("h1") else ("h3", "m3", "h4", "m4")
    start = _clock(match.group(h), match.group(m))
    if start is None:
        return None
    if match.group(h_end) is not None:
        end = _clock(match.group(h_end), match.group(m_end))
        if end is not None and end > start:
            return FoundTimeRange(start, end, match.start(), match.end(), match.group())
    # no range, or none within one day ("kl. 15 - 3 punkter"): the start alone
    stop = match.end(m) if match.group(m) is not None else match.end(h)
    return FoundTime(start, match.start(), stop, match.string[match.start() : stop])


def find_times(text: str) -> list[FoundTime | FoundTimeRange]:
    """Every time of day and time range written in ``text``, in order.

    >>> [(f.raw, type(f).__name__) for f in find_times("Start kl.: 16:30, møde kl. 9-12")]
    [('kl.: 16:30', 'FoundTime'), ('kl. 9-12', 'FoundTimeRange')]
    """
    found = (_found_time(match) for match in _TIME.finditer(text))
    return [time for time in found if time is not None]


def parse_time(s: str) -> dt.time | None:
    """The time ``s`` is, written whole (``kl. 15.00``, ``kl 9``, ``15:00``), or None.

    >>> parse_time("kl. 15.00"), parse_time("25:00"), parse_time("kl. 16.30-18.30")
    (datetime.time(15, 0), None, None)
    """
    s = s.strip()
    match = _TIME.fullmatch(s)
    found = _found_time(match) if match is not None else None
    return found.time if isinstance(found, FoundTime) and found.end == len(s) else None
