"""Danish dates and times as minutes write them, in words or in digits.

Dates: ``Onsdag d. 08. juni 2022``, ``den 8. januar 2020``, ``8. jan. 2020``, ``Mandag, 11 januar,
2021``, ``08-06-2022``, ``8-6-2022``, ``08.06.2022``, ``8/6 2022``, ``8/6-2022``, ``2022-06-08``,
and English as some meeting systems print it: ``Torsdag, September 10, 2020``, ``10 October
2020``. A weekday name (Danish or English) and a leading ``den``/``d.`` belong to the date as
written (so the text before it is what the date is attached to) but only the day, month and year
decide the date; a weekday that does not match is reported, not trusted. Years outside
1970..2100 are not dates.

Two-digit years (``14-11-19``, ``9/1-20``) are read only where the text says a date is meant:
the day, month and year are separated (the same separator twice, or ``d/m-yy``) and a
``den``/``d.`` or a weekday stands before them or (not with dots) a time after them, or the
caller knows the text is a date (``short_years=True``, for the value of a ``Dato:`` label).
``00``..``69`` are 2000..2069 and ``70``..``99`` are 1970..1999 (minutes are from 1970 on).
Alone, ``01.05.10`` is as likely a KLE number and ``19-11-22`` a case number part as a date: a
wrong date is worse than none.

Times: ``kl. 15:00``, ``kl. 15.00``, ``kl 9``, ``15:00``, ``08:15:00``, and ranges
``kl. 16.30-18.30``. Without ``kl.`` only ``HH:MM`` with a colon counts: ``15.00`` alone is as
likely a case number part.
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
ENGLISH_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ENGLISH_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_WEEKDAY_NUMBERS = {
    name: n for names in (WEEKDAYS, ENGLISH_WEEKDAYS) for n, name in enumerate(names)
}
_MONTH_NUMBERS = (
    {"sept": 9}
    | {name[:3]: n for names in (MONTHS, ENGLISH_MONTHS) for n, name in enumerate(names, 1)}
    | {name: n for names in (MONTHS, ENGLISH_MONTHS) for n, name in enumerate(names, 1)}
)
_MONTH_NAMES = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_WEEKDAY_NAMES = "|".join(sorted(_WEEKDAY_NUMBERS, key=len, reverse=True))
FIRST_YEAR, LAST_YEAR = 1970, 2100
_CENTURY_SPLIT = 70  # two-digit years from here on are 19xx, below it 20xx

_PREFIX = (
    rf"(?:(?<!\w)(?P<weekday>{_WEEKDAY_NAMES})(?!\w)[ \t]*,?[ \t]*)?"
    r"(?:(?<!\w)(?P<den>den|d\.)[ \t]*)?"
)
_NOT_AFTER_NUMBER = r"(?<!\w)(?<!\d[.,/-])"  # nor glued to a word: "G01 juni" is no date
_ORDINAL = r"(?:st|nd|rd|th)?"
_BODIES = (
    # 8. juni 2022, 08. jun. 2022, 8 juni 2022, 11 januar, 2021, 10th October 2020
    rf"{_NOT_AFTER_NUMBER}(?P<wday>\d{{1,2}})(?:\.|{_ORDINAL})[ \t]*(?P<wmonth>{_MONTH_NAMES})"
    r"(?!\w)\.?[ \t]*,?[ \t]*(?P<wyear>\d{4})(?!\d)",
    # September 10, 2020 (the comma is what makes a month name and two numbers a date)
    rf"(?<!\w)(?P<emonth>{_MONTH_NAMES})\.?[ \t]+(?P<eday>\d{{1,2}}){_ORDINAL}[ \t]*,[ \t]*"
    r"(?P<eyear>\d{4})(?!\d)",
    # 2022-06-08
    rf"{_NOT_AFTER_NUMBER}(?P<iyear>\d{{4}})-(?P<imonth>\d{{1,2}})-(?P<iday>\d{{1,2}})(?![\d])",
    # 08-06-2022, 8.6.2022, 08/06/2022
    rf"{_NOT_AFTER_NUMBER}(?P<nday>\d{{1,2}})(?P<sep>[-./])(?P<nmonth>\d{{1,2}})(?P=sep)"
    r"(?P<nyear>\d{4})(?!\d)",
    # 8/6 2022, 8/6-2022
    rf"{_NOT_AFTER_NUMBER}(?P<sday>\d{{1,2}})/(?P<smonth>\d{{1,2}})[ -](?P<syear>\d{{4}})(?!\d)",
    # two-digit years, never glued to letters or more numbers: 14-11-19, 9.1.20, 9/1-20
    rf"(?<!\w){_NOT_AFTER_NUMBER}(?:(?P<yday>\d{{1,2}})(?P<ysep>[-./])(?P<ymonth>\d{{1,2}})"
    r"(?P=ysep)|(?P<zday>\d{1,2})/(?P<zmonth>\d{1,2})-)(?P<yyear>\d{2})(?![\w/])(?![-.,]\d)",
)
_DATE = re.compile(_PREFIX + "(?:" + "|".join(_BODIES) + ")", re.IGNORECASE)
# A time right after a date: what makes "14-11-19 kl. 16" a date without a "den".
_TIME_AFTER = re.compile(r"[ \t]*[,-]?[ \t]*(?:kl\.?[ \t]*\d{1,2}|\d{1,2}:\d{2})", re.IGNORECASE)
_BETWEEN_DATE_AND_TIME = " \t,.-–"

_CLOCK = r"(?<!\w)(?:kl\.?|klokken)[ \t]*:?[ \t]*"
_UNTIL = r"[ \t]*(?:-|–|til)[ \t]*(?:ca\.?[ \t]*)?"  # "16.00 - 18.00", "16.00 – ca. 18.00"
_TIME = re.compile(
    # kl. 16.30, kl 9, kl.: 16:30, optionally a range: kl. 16.30-18.30, kl. 9 til kl. 12
    rf"{_CLOCK}(?P<h1>\d{{1,2}})(?:[:.](?P<m1>\d{{2}}))?(?!\d)(?![:.]\d)"
    rf"(?:{_UNTIL}(?:{_CLOCK})?(?P<h2>\d{{1,2}})(?:[:.](?P<m2>\d{{2}}))?"
    r"(?!\d)(?![:.]\d))?"
    # 15:00, 08:15:00, 16:30-18:30
    r"|(?<![\d:.])(?P<h3>\d{1,2}):(?P<m3>\d{2})(?::(?P<s3>\d{2}))?(?!\d)(?!:\d)"
    rf"(?:{_UNTIL}(?P<h4>\d{{1,2}}):(?P<m4>\d{{2}})(?::(?P<s4>\d{{2}}))?(?!\d)(?!:\d))?"
    # 16.00 - 18.00: a range of two times with points, no "kl." (one alone is a number)
    rf"|(?<![\d:.,])(?P<h5>\d{{1,2}})\.(?P<m5>\d{{2}}){_UNTIL}(?P<h6>\d{{1,2}})\.(?P<m6>\d{{2}})"
    r"(?!\d)(?![.,]\d)",
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
    group = match.group
    if group("wday") is not None:
        return int(group("wyear")), _MONTH_NUMBERS[group("wmonth").lower()], int(group("wday"))
    if group("eday") is not None:
        return int(group("eyear")), _MONTH_NUMBERS[group("emonth").lower()], int(group("eday"))
    for body in "ins":  # the iso, numeric and slash bodies
        year = group(body + "year")
        if year is not None:
            return int(year), int(group(body + "month")), int(group(body + "day"))
    short = int(group("yyear"))
    year = short + (1900 if short >= _CENTURY_SPLIT else 2000)
    if group("yday") is not None:
        return year, int(group("ymonth")), int(group("yday"))
    return year, int(group("zmonth")), int(group("zday"))


def _meant_as_date(match: re.Match[str]) -> bool:
    """A two-digit year is a date only with ``den``/``d.`` or a weekday before it, or (not
    with dots) a time after it: ``den 14-11-19``, ``14-11-19 kl. 16``; alone it may be a number
    of another kind."""
    if match.group("den") or match.group("weekday"):
        return True
    if match.group("ysep") == ".":
        return False  # "pkt. 2.3.14 kl. 16": dotted numbers are as often sections or KLE numbers
    return _TIME_AFTER.match(match.string, match.end()) is not None


def _found(match: re.Match[str], *, short_years: bool) -> FoundDate | None:
    """The date a match writes, or None when it is no date at all (a year out of range, a
    month 13, a day 0 or 32, a two-digit year nothing says is a date)."""
    if match.group("yyear") is not None and not (short_years or _meant_as_date(match)):
        return None
    year, month, day = _parts(match)
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    raw = match.group()
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return FoundDate(None, match.start(), match.end(), raw, invalid=True)
    weekday = match.group("weekday")
    mismatch = weekday is not None and _WEEKDAY_NUMBERS[weekday.lower()] != date.weekday()
    return FoundDate(date, match.start(), match.end(), raw, weekday_mismatch=mismatch)


def find_dates(text: str, *, short_years: bool = False) -> list[FoundDate]:
    """Every date written in ``text``, in order; dates that do not exist included, marked.
    ``short_years``: the text is known to be a date (a date label's value), so a two-digit
    year needs no ``den`` or time beside it.

    >>> [(f.date, f.raw) for f in find_dates("Mødedato Onsdag d. 08. juni 2022 kl. 15:00")]
    [(datetime.date(2022, 6, 8), 'Onsdag d. 08. juni 2022')]
    >>> find_dates("Frist 30-02-2022")[0].invalid
    True
    >>> [f.date for f in find_dates("Sag 01.05.10, mødet den 14-11-19")]
    [datetime.date(2019, 11, 14)]
    """
    found = (_found(match, short_years=short_years) for match in _DATE.finditer(text))
    return [date for date in found if date is not None]


def parse_date(s: str, *, short_years: bool = False) -> dt.date | None:
    """The date ``s`` is, written whole (a trailing time, time range or full stop is allowed),
    or None for anything else, including a date that does not exist.

    >>> parse_date("Onsdag den 8. januar 2020"), parse_date("31. februar 2022")
    (datetime.date(2020, 1, 8), None)
    >>> parse_date("Torsdag, September 10, 2020 - 16:30"), parse_date("14-11-19")
    (datetime.date(2020, 9, 10), None)
    """
    s = s.strip()
    match = _DATE.match(s)
    if match is None:
        return None
    rest = s[match.end() :].strip(_BETWEEN_DATE_AND_TIME)
    if rest and (_TIME.fullmatch(rest) is None or not find_times(rest)):
        return None
    found = _found(match, short_years=short_years)
    return found.date if found is not None else None


def _clock(hour: str, minute: str | None, second: str | None = None) -> dt.time | None:
    h, m, s = int(hour), int(minute or 0), int(second or 0)
    return dt.time(h, m, s) if h <= 23 and m <= 59 and s <= 59 else None


# "4:00 PM", "9.30 a.m.": English minutes' twelve-hour clock after the time.
_MERIDIEM = re.compile(r"[ \t]*(?P<half>[AaPp])\.?[ \t]?[Mm]\.?(?![\wæøå])")
_HALF_DAY = 12
_CLOCK_HOURS = range(1, _HALF_DAY + 1)


def _twelve_hour(time: dt.time | None, half: str) -> dt.time | None:
    """``time`` read on the twelve-hour clock, in the ``half`` ("a" or "p") of the day; None
    for an hour that clock has not (``16:00 PM``)."""
    if time is None or time.hour not in _CLOCK_HOURS:
        return None
    return time.replace(hour=time.hour % _HALF_DAY + (_HALF_DAY if half in "Pp" else 0))


def _found_time(match: re.Match[str]) -> FoundTime | FoundTimeRange | None:
    meridiem = _MERIDIEM.match(match.string, match.end())
    found = _found_24_hour(match)
    if meridiem is None or found is None:
        return found
    half, stop = meridiem["half"], meridiem.end()
    raw = match.string[found.begin : stop]
    if isinstance(found, FoundTimeRange):
        start, end = _twelve_hour(found.start_time, half), _twelve_hour(found.end_time, half)
        if start is None or end is None or end <= start:
            return None
        return FoundTimeRange(start, end, found.begin, stop, raw)
    if found.end != match.end():
        return None  # "4:00 - 3 PM": no time to trust
    time = _twelve_hour(found.time, half)
    return FoundTime(time, found.begin, stop, raw) if time is not None else None


_EARLIEST_MEETING = 6  # o'clock
_MINUTE_STEP = 5


def _meeting_hours(start: dt.time, end: dt.time) -> bool:
    """Two times printed with points and no ``kl.`` read as a meeting's hours only where they
    look like them: from six in the morning, on a five-minute step, the end after the start."""
    return (
        start.hour >= _EARLIEST_MEETING
        and start.minute % _MINUTE_STEP == 0
        and end.minute % _MINUTE_STEP == 0
        and end > start
    )


def _found_24_hour(match: re.Match[str]) -> FoundTime | FoundTimeRange | None:
    group = match.group
    if group("h5"):
        start, end = _clock(group("h5"), group("m5")), _clock(group("h6"), group("m6"))
        if start is None or end is None or not _meeting_hours(start, end):
            return None  # "2.50 - 3.00" kroner, "14.01 - 16.01" days: numbers, not hours
        return FoundTimeRange(start, end, match.start(), match.end(), match.group())
    if group("h1"):
        start = _clock(group("h1"), group("m1"))
        end = _clock(group("h2"), group("m2")) if group("h2") is not None else None
        stop = match.end("m1") if group("m1") is not None else match.end("h1")
    else:
        start = _clock(group("h3"), group("m3"), group("s3"))
        end = _clock(group("h4"), group("m4"), group("s4")) if group("h4") is not None else None
        stop = match.end("s3") if group("s3") is not None else match.end("m3")
    if start is None:
        return None
    if end is not None and end > start:
        return FoundTimeRange(start, end, match.start(), match.end(), match.group())
    # no range, or none within one day ("kl. 15 - 3 punkter"): the start alone
    return FoundTime(start, match.start(), stop, match.string[match.start() : stop])


def find_times(text: str) -> list[FoundTime | FoundTimeRange]:
    """Every time of day and time range written in ``text``, in order.

    >>> [(f.raw, type(f).__name__) for f in find_times("Start kl.: 16:30, møde kl. 9-12")]
    [('kl.: 16:30', 'FoundTime'), ('kl. 9-12', 'FoundTimeRange')]
    >>> [(f.raw, f.time) for f in find_times("January 14, 2021 4:00 PM")]
    [('4:00 PM', datetime.time(16, 0))]
    >>> find_times("kl. 16:00 PM")
    []
    >>> [(f.start_time, f.end_time) for f in find_times("Tid: 16.00 - ca. 18.30")]
    [(datetime.time(16, 0), datetime.time(18, 30))]
    >>> find_times("Prisen steg fra 2.50 til 3.00 kr."), find_times("Høring 14.01 - 16.01")
    ([], [])
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
