import datetime as dt
import doctest
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders import dates
from loaders.dates import (
    ENGLISH_MONTHS,
    MONTHS,
    WEEKDAYS,
    FoundDate,
    FoundTime,
    FoundTimeRange,
    find_dates,
    find_times,
    parse_date,
    parse_time,
)


def test_doctests() -> None:
    assert doctest.testmod(dates).failed == 0


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("Onsdag d. 08. juni 2022", dt.date(2022, 6, 8)),
        ("08-06-2022", dt.date(2022, 6, 8)),
        ("8-6-2022", dt.date(2022, 6, 8)),
        ("08.06.2022", dt.date(2022, 6, 8)),
        ("08/06/2022", dt.date(2022, 6, 8)),
        ("8/6 2022", dt.date(2022, 6, 8)),
        ("8/6-2022", dt.date(2022, 6, 8)),
        ("2022-06-08", dt.date(2022, 6, 8)),
        ("18. august 2022 kl. 15:00", dt.date(2022, 8, 18)),
        ("18. august 2022, kl. 15.00.", dt.date(2022, 8, 18)),
        ("den 8. januar 2020", dt.date(2020, 1, 8)),
        ("Onsdag den 8. januar 2020", dt.date(2020, 1, 8)),
        ("onsdag, den 8. januar 2020", dt.date(2020, 1, 8)),
        ("8. jan. 2020", dt.date(2020, 1, 8)),
        ("8. jan 2020", dt.date(2020, 1, 8)),
        ("8 januar 2020", dt.date(2020, 1, 8)),
        ("1. maj 2019", dt.date(2019, 5, 1)),
        ("1. MAJ 2019", dt.date(2019, 5, 1)),
        ("23. Oktober 2019", dt.date(2019, 10, 23)),
        ("3. sept. 2021", dt.date(2021, 9, 3)),
        ("3. sep 2021", dt.date(2021, 9, 3)),
        ("3. marts 2021", dt.date(2021, 3, 3)),
        ("3. mar. 2021", dt.date(2021, 3, 3)),
        ("lørdag d. 1. januar 2022", dt.date(2022, 1, 1)),
        ("  d. 08-06-2022  ", dt.date(2022, 6, 8)),
        ("1. januar 1970", dt.date(1970, 1, 1)),
        ("31. december 2100", dt.date(2100, 12, 31)),
        ("29-02-2024", dt.date(2024, 2, 29)),
        # the weekday is wrong (8 June 2022 was a Wednesday): the date still stands
        ("Tirsdag d. 08. juni 2022", dt.date(2022, 6, 8)),
    ],
)
def test_parse_date(written: str, date: dt.date) -> None:
    assert parse_date(written) == date


@pytest.mark.parametrize(
    "written",
    [
        "31. februar 2022",  # does not exist
        "30-02-2022",
        "29-02-2023",
        "31/4 2022",
        "08-06-22",  # a two-digit year alone: nothing says it is a date
        "8/6 22",
        "8. juni 22",
        "9/1-20",
        "01.05.10",  # as likely a KLE number
        "1. januar 1969",  # outside 1970..2100
        "1. januar 2101",
        "13-13-2022",
        "0. januar 2022",
        "32. januar 2022",
        "8. juni",
        "juni 2022",
        "8. junii 2022",
        "8-6/2022",  # mixed separators
        "2022-2025",
        "Mødedato 8. juni 2022",  # not the whole string
        "8. juni 2022 og mere",
        "",
    ],
)
def test_parse_date_refuses(written: str) -> None:
    assert parse_date(written) is None


def test_find_dates_in_text() -> None:
    text = "REFERAT Udvalget d. 08-06-2022\nMødedato Onsdag d. 08. juni 2022 kl. 15:00"
    assert find_dates(text) == [
        FoundDate(dt.date(2022, 6, 8), 17, 30, "d. 08-06-2022"),
        FoundDate(dt.date(2022, 6, 8), 40, 63, "Onsdag d. 08. juni 2022"),
    ]


def test_text_before_a_found_date_is_what_it_belongs_to() -> None:
    line = "Beslutning Udvalget for Job & Arbejdsmarked den 08-01-2020"
    (found,) = find_dates(line)
    assert found.date == dt.date(2020, 1, 8)
    assert line[: found.begin].strip() == "Beslutning Udvalget for Job & Arbejdsmarked"


def test_find_dates_reports_dates_that_do_not_exist() -> None:
    text = "Fristen er 30-02-2022, eller 31. februar 2022."
    assert find_dates(text) == [
        FoundDate(None, 11, 21, "30-02-2022", invalid=True),
        FoundDate(None, 29, 45, "31. februar 2022", invalid=True),
    ]


def test_find_dates_marks_a_weekday_that_contradicts_the_date() -> None:
    (found,) = find_dates("Mødet holdes tirsdag den 8. januar 2020.")
    assert found == FoundDate(
        dt.date(2020, 1, 8), 13, 39, "tirsdag den 8. januar 2020", weekday_mismatch=True
    )
    (right,) = find_dates("Mødet holdes onsdag den 8. januar 2020.")
    assert not right.weekday_mismatch


@pytest.mark.parametrize(
    "text",
    [
        "Sagsnr. 00.15.00G00-1-19 og 15.20.00A00-1-22",
        "Budget 2023-2026 og 19/11679, 17-004875",
        "Side 2 af 14, kl. 16.30-18.30, 24.05.22",
        "08-06-22 og 1. januar 1900",
        "version 1.08.06.2022",
        "Indholdsfortegnelse.....\t3",
    ],
)
def test_find_dates_ignores_numbers_that_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_find_dates_in_the_samples() -> None:
    seeds = Path(__file__).parent.parent / "fixtures" / "seeds"
    text = (seeds / "004_78f46f7a40cfaabc.txt").read_text(encoding="utf-8")
    found = find_dates(text)
    assert found[0].raw == "Onsdag den 8. januar 2020"
    assert found[0].date == dt.date(2020, 1, 8)
    assert not any(f.invalid or f.weekday_mismatch for f in found)
    assert {f.date for f in found} >= {dt.date(2020, 1, 8), dt.date(2019, 11, 20)}


@pytest.mark.parametrize(
    ("written", "time"),
    [
        ("kl. 15:00", dt.time(15, 0)),
        ("kl. 15.00", dt.time(15, 0)),
        ("kl 9", dt.time(9, 0)),
        ("kl. 9", dt.time(9, 0)),
        ("Kl. 09.05", dt.time(9, 5)),
        ("klokken 14", dt.time(14, 0)),
        ("15:00", dt.time(15, 0)),
        ("0:00", dt.time(0, 0)),
        ("23:59", dt.time(23, 59)),
        ("kl.: 16:30", dt.time(16, 30)),
    ],
)
def test_parse_time(written: str, time: dt.time) -> None:
    assert parse_time(written) == time


@pytest.mark.parametrize(
    "written",
    ["25:00", "12:61", "24:00", "kl. 24", "kl. 25.00", "15.00", "15", "kl. 16.30-18.30", "kl."],
)
def test_parse_time_refuses(written: str) -> None:
    assert parse_time(written) is None


def test_find_times() -> None:
    text = "Start kl.: 16:30\nSlut kl. 18.30. Pause 17:15-17:30, kl. 9 til kl. 12"
    assert find_times(text) == [
        FoundTime(dt.time(16, 30), 6, 16, "kl.: 16:30"),
        FoundTime(dt.time(18, 30), 22, 31, "kl. 18.30"),
        FoundTimeRange(dt.time(17, 15), dt.time(17, 30), 39, 50, "17:15-17:30"),
        FoundTimeRange(dt.time(9), dt.time(12), 52, 68, "kl. 9 til kl. 12"),
    ]


def test_find_time_range() -> None:
    assert find_times("Mødet holdes kl. 16.30-18.30 i salen") == [
        FoundTimeRange(dt.time(16, 30), dt.time(18, 30), 13, 28, "kl. 16.30-18.30")
    ]
    assert find_times("kl. 16.30 – 18.30") == [
        FoundTimeRange(dt.time(16, 30), dt.time(18, 30), 0, 17, "kl. 16.30 – 18.30")
    ]


def test_a_range_that_runs_backwards_is_just_its_start() -> None:
    assert find_times("kl. 15 - 3 punkter") == [FoundTime(dt.time(15), 0, 6, "kl. 15")]


@pytest.mark.parametrize(
    "text",
    ["25:00", "12:61", "kl. 24", "15.00.15-A00-1-18", "Punkt 15.00", "12:30:61", "1:2", "3:1234"],
)
def test_find_times_ignores_what_is_not_a_time(text: str) -> None:
    assert find_times(text) == []


# --- properties ---

DAY_FIRST: list[Callable[[dt.date], str]] = [
    lambda d: f"{d.day}. {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.day:02d}. {MONTHS[d.month - 1].capitalize()} {d.year}",
    lambda d: (
        f"{WEEKDAYS[d.weekday()].capitalize()} d. {d.day:02d}. {MONTHS[d.month - 1]} {d.year}"
    ),
    lambda d: f"{WEEKDAYS[d.weekday()]} den {d.day}. {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"den {d.day}. {MONTHS[d.month - 1][:3]}. {d.year}",
    lambda d: f"{d.day}. {MONTHS[d.month - 1][:3].upper()} {d.year}",
    lambda d: f"{d.day:02d}-{d.month:02d}-{d.year}",
    lambda d: f"{d.day}-{d.month}-{d.year}",
    lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    lambda d: f"{d.day}/{d.month}/{d.year}",
    lambda d: f"{d.day}/{d.month} {d.year}",
    lambda d: f"{d.day}/{d.month}-{d.year}",
    lambda d: f"{d.year}-{d.month:02d}-{d.day:02d}",
    lambda d: f"{d.day}. {MONTHS[d.month - 1]} {d.year} kl. 15:00",
]
valid_dates = st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2100, 12, 31))


@pytest.mark.parametrize("form", range(len(DAY_FIRST)))
@given(date=valid_dates)
def test_every_written_form_parses_back(form: int, date: dt.date) -> None:
    written = DAY_FIRST[form](date)
    assert parse_date(written) == date
    (found,) = find_dates(f"Mødet {written}, slut.")
    assert found.date == date
    assert not found.weekday_mismatch


@given(st.integers(1, 30), st.integers(1970, 2100))
def test_september_abbreviated_as_sept(day: int, year: int) -> None:
    assert parse_date(f"{day}. sept. {year}") == dt.date(year, 9, day)


TEXT_PIECES = [
    "Mødet ",
    "den ",
    "d. ",
    "onsdag ",
    "8",
    "08",
    "31",
    "2022",
    "1969",
    "22",
    ". ",
    ".",
    "-",
    "/",
    " ",
    "juni",
    "jan.",
    "februar",
    "kl. ",
    "15:00",
    "\n",
    "x",
]


@given(st.lists(st.sampled_from(TEXT_PIECES), max_size=30).map("".join))
def test_every_found_date_is_the_text_between_its_offsets(text: str) -> None:
    previous_end = 0
    for found in find_dates(text):
        assert found.raw == text[found.begin : found.end]
        assert found.begin >= previous_end
        previous_end = found.end
        assert (found.date is None) == found.invalid
        if found.date is not None:
            assert parse_date(found.raw) == found.date
    for time in find_times(text):
        assert time.raw == text[time.begin : time.end]


# --- the forms of other meeting systems (issue 12) ---


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("Torsdag, September 10, 2020 - 16:30", dt.date(2020, 9, 10)),
        ("Thursday, September 10, 2020", dt.date(2020, 9, 10)),
        ("September 10, 2020", dt.date(2020, 9, 10)),
        ("Sept. 10, 2020", dt.date(2020, 9, 10)),
        ("October 1st, 2020", dt.date(2020, 10, 1)),
        ("10 October 2020", dt.date(2020, 10, 10)),
        ("10th March 2021", dt.date(2021, 3, 10)),
        ("1 May 2019", dt.date(2019, 5, 1)),
        ("Mandag, 11 januar, 2021 - 19:00", dt.date(2021, 1, 11)),
        ("11. januar, 2021", dt.date(2021, 1, 11)),
        ("14-11-2019 08:15:00", dt.date(2019, 11, 14)),
        ("Den 09.01.2020 kl. 13:00", dt.date(2020, 1, 9)),
        ("den 8. juni 2022 kl. 16.30-18.30", dt.date(2022, 6, 8)),
        ("8. juni 2022, kl. 15.00.", dt.date(2022, 6, 8)),
        ("den 14-11-19", dt.date(2019, 11, 14)),
        ("d. 14.11.19", dt.date(2019, 11, 14)),
        ("den 9/1-20", dt.date(2020, 1, 9)),
        ("Torsdag 14/11/19", dt.date(2019, 11, 14)),
        ("14-11-19 kl. 16", dt.date(2019, 11, 14)),
        ("14-11-19 08:15", dt.date(2019, 11, 14)),
        ("14/11/19 kl. 9", dt.date(2019, 11, 14)),
        ("den 1-1-70", dt.date(1970, 1, 1)),
        ("den 31-12-69", dt.date(2069, 12, 31)),
        ("den 31-12-99", dt.date(1999, 12, 31)),
        ("den 1-1-00", dt.date(2000, 1, 1)),
    ],
)
def test_parse_date_in_the_forms_of_other_systems(written: str, date: dt.date) -> None:
    assert parse_date(written) == date


@pytest.mark.parametrize(
    ("written", "date"),
    [("14-11-19", dt.date(2019, 11, 14)), ("9/1-20", dt.date(2020, 1, 9)), ("08-06-22", None)],
)
def test_a_two_digit_year_alone_is_read_where_the_caller_knows_it_is_a_date(
    written: str, date: dt.date | None
) -> None:
    assert parse_date(written) is None
    expected = date or dt.date(2022, 6, 8)
    assert parse_date(written, short_years=True) == expected


@pytest.mark.parametrize(
    "written",
    [
        "September 10 2020",  # a month first needs the comma
        "Torsdag, September 10, 2020 og mere",
        "den 14-11-19-3",  # glued to more numbers
        "den 14-11-195",
        "den 14-11-19A",
        "den 31-02-20",  # does not exist
        "den 14-13-19",
        "den 14-11/19",  # mixed separators
        "8. juni 2022 kl. 25:00",  # not a time after it
        "14.11.19 kl. 16",  # dotted: a time after it is not enough
    ],
)
def test_parse_date_refuses_the_near_misses(written: str) -> None:
    assert parse_date(written) is None


def test_find_dates_reads_two_digit_years_only_where_a_date_is_meant() -> None:
    text = "Sagsnr. 01.05.10G01-1-19 af 14-11-19, mødet den 14-11-19, kl. 16.30-18.30 og 1.2.20"
    assert find_dates(text) == [FoundDate(dt.date(2019, 11, 14), 44, 56, "den 14-11-19")]
    assert [f.date for f in find_dates("Dato 14-11-19 og 1.2.20", short_years=True)] == [
        dt.date(2019, 11, 14),
        dt.date(2020, 2, 1),
    ]


def test_an_english_weekday_that_contradicts_the_date_is_marked() -> None:
    (found,) = find_dates("Friday, September 10, 2020")
    assert found.date == dt.date(2020, 9, 10)
    assert found.weekday_mismatch
    (right,) = find_dates("Torsdag, September 10, 2020")
    assert right.raw == "Torsdag, September 10, 2020"
    assert not right.weekday_mismatch


def test_a_time_with_seconds() -> None:
    assert find_times("14-11-2019 08:15:00") == [FoundTime(dt.time(8, 15), 11, 19, "08:15:00")]
    assert parse_time("08:15:30") == dt.time(8, 15, 30)
    assert find_times("08:15:00 - 10:00:00") == [
        FoundTimeRange(dt.time(8, 15), dt.time(10), 0, 19, "08:15:00 - 10:00:00")
    ]


OTHER_STYLES: list[Callable[[dt.date], str]] = [
    lambda d: (
        f"{WEEKDAYS[d.weekday()].capitalize()}, {ENGLISH_MONTHS[d.month - 1].capitalize()} "
        f"{d.day}, {d.year} - 16:30"
    ),
    lambda d: f"{ENGLISH_MONTHS[d.month - 1][:3].capitalize()}. {d.day}, {d.year}",
    lambda d: f"{d.day} {ENGLISH_MONTHS[d.month - 1].capitalize()} {d.year}",
    lambda d: (
        f"{WEEKDAYS[d.weekday()].capitalize()}, {d.day} {MONTHS[d.month - 1]}, {d.year} - 19:00"
    ),
    lambda d: f"{d.day:02d}-{d.month:02d}-{d.year} 08:15:00",
    lambda d: f"Den {d.day:02d}.{d.month:02d}.{d.year} kl. 13:00",
    lambda d: f"{d.day}. {MONTHS[d.month - 1].upper()} {d.year}",
]


@pytest.mark.parametrize("form", range(len(OTHER_STYLES)))
@given(date=valid_dates)
def test_the_forms_of_other_systems_parse_back(form: int, date: dt.date) -> None:
    written = OTHER_STYLES[form](date)
    assert parse_date(written) == date
    (found,) = find_dates(f"Mødet {written}, slut.")
    assert found.date == date
    assert not found.weekday_mismatch


SHORT_STYLES: list[Callable[[dt.date], str]] = [
    lambda d: f"den {d.day}-{d.month}-{d.year % 100:02d}",
    lambda d: f"d. {d.day:02d}.{d.month:02d}.{d.year % 100:02d}",
    lambda d: f"den {d.day}/{d.month}-{d.year % 100:02d}",
    lambda d: f"{WEEKDAYS[d.weekday()]} {d.day:02d}/{d.month:02d}/{d.year % 100:02d}",
    lambda d: f"{d.day:02d}-{d.month:02d}-{d.year % 100:02d} kl. 16.30",
]


@pytest.mark.parametrize("form", range(len(SHORT_STYLES)))
@given(date=st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2069, 12, 31)))
def test_two_digit_years_with_a_date_meant_parse_back(form: int, date: dt.date) -> None:
    written = SHORT_STYLES[form](date)
    assert parse_date(written) == date
    assert [f.date for f in find_dates(f"Mødet {written}, slut.")] == [date]


# Pieces of minutes text that are never a date: case numbers, KLE numbers, amounts, times.
kle_numbers = st.builds(
    lambda a, b, c, facet: f"{a:02d}.{b:02d}.{c:02d}{facet}",
    st.integers(0, 99),
    st.integers(0, 99),
    st.integers(0, 99),
    st.sampled_from(["", "G01", "A00-1-19", "P20", ".G01"]),
)
case_numbers = st.one_of(
    kle_numbers,
    st.builds(lambda y, n: f"{y:02d}/{n}", st.integers(0, 99), st.integers(100, 999999)),
    st.builds(lambda y, n: f"{y:02d}-{n:06d}", st.integers(0, 99), st.integers(0, 999999)),
    st.builds(lambda y, n: f"EMN-{y}-{n:06d}", st.integers(2000, 2030), st.integers(0, 999999)),
)
not_dates = st.one_of(
    case_numbers,
    st.sampled_from(
        [
            "Mødet",
            "Byrådet",
            "Sagsnr.",
            "Side 2 af 14",
            "kl. 16.30-18.30",
            "16:30",
            "1.250.000 kr.",
            "5,6 %",
            "Budget 2023-2026",
            "pkt. 2.3.14",
            "jf. § 17, stk. 4",
            "2022",
            "juni",
            "d. 3",
        ]
    ),
)


# The pieces are kept apart by " | ": next to each other, "d. 3", "juni" and "2022" do write a
# date, which the parser rightly reads.
@given(st.lists(not_dates, max_size=12).map(" | ".join))
def test_case_numbers_and_other_numbers_are_never_dates(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize("form", range(len(DAY_FIRST) + len(OTHER_STYLES)))
@given(
    date=valid_dates,
    before=st.lists(not_dates, max_size=5),
    after=st.lists(not_dates, max_size=5),
)
def test_a_date_among_numbers_comes_out_right(
    form: int, date: dt.date, before: list[str], after: list[str]
) -> None:
    styles = DAY_FIRST + OTHER_STYLES
    written = styles[form](date)
    text = " | ".join([*before, written, *after])
    assert [f.date for f in find_dates(text)] == [date]


def test_a_day_glued_to_a_word_is_no_date() -> None:
    # "00.00.00G01 juni 2000": the facet G01 of a case number, then words; no 1 June
    assert [f.raw for f in find_dates("00.00.00G01 juni 2000-01-01")] == ["2000-01-01"]
    assert find_dates("Sag G01 juni 2000") == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Thursday, January 14, 2021 4:00 PM", dt.time(16, 0), None),
        ("4:00 - 6:30 p.m.", dt.time(16, 0), dt.time(18, 30)),
        ("12:30 PM", dt.time(12, 30), None),
        ("12:15 AM", dt.time(0, 15), None),
        ("9:00 AM", dt.time(9, 0), None),
    ],
)
def test_the_twelve_hour_clock(text: str, start: dt.time, end: dt.time | None) -> None:
    (found,) = find_times(text)
    if end is None:
        assert isinstance(found, FoundTime)
        assert found.time == start
    else:
        assert isinstance(found, FoundTimeRange)
        assert (found.start_time, found.end_time) == (start, end)
    assert text[found.begin : found.end] == found.raw
    assert found.raw.rstrip(".").lower().endswith("m")


def test_an_hour_the_twelve_hour_clock_has_not_is_no_time() -> None:
    assert find_times("kl. 16:00 PM") == []
    assert find_times("0:30 AM") == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Tid: 16.00 - 18.00", dt.time(16, 0), dt.time(18, 0)),
        ("Tidspunkt: 16.30-18.00", dt.time(16, 30), dt.time(18, 0)),
        ("kl. 16.00 – ca. 18.00", dt.time(16, 0), dt.time(18, 0)),
        ("08.15 til 10.45", dt.time(8, 15), dt.time(10, 45)),
    ],
)
def test_a_range_of_times_with_points(text: str, start: dt.time, end: dt.time) -> None:
    (found,) = find_times(text)
    assert isinstance(found, FoundTimeRange)
    assert (found.start_time, found.end_time) == (start, end)


@pytest.mark.parametrize(
    "text",
    ["2.50 - 3.00 kr.", "Høringsperiode 14.01 - 16.01", "18.00 - 16.00", "3.5 - 4.5 mio."],
)
def test_numbers_with_points_are_no_range_of_times(text: str) -> None:
    assert find_times(text) == []
