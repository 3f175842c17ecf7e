"""The meeting's date from the dates a header prints."""

from __future__ import annotations

import datetime as dt
import doctest

from loaders.dates import find_dates
from loaders.model import Span
from loaders.rules import meeting_date
from loaders.rules.meeting_date import END, LABELLED, LINE, ChosenDate, DateCandidate, choose_date


def test_doctests() -> None:
    assert doctest.testmod(meeting_date).failed == 0


def _candidate(written: str, rank: int, source: str = "header", line: int = 1) -> DateCandidate:
    (found,) = find_dates(written)
    return DateCandidate(found, Span(line, line, 0, len(written)), rank, source)


def test_no_dates_no_date_no_note() -> None:
    assert choose_date([]) == (None, None)


def test_the_plainest_rank_decides() -> None:
    chosen, note = choose_date(
        [
            _candidate("20-11-2019", LINE, line=1),
            _candidate("14-11-2019", LABELLED, line=2),
            _candidate("15-11-2019", END, line=3),
        ]
    )
    assert chosen == ChosenDate(dt.date(2019, 11, 14), Span(2, 2, 0, 10), "header")
    assert note is None


def test_agreeing_dates_of_one_rank_give_the_first_span_and_source() -> None:
    chosen, note = choose_date(
        [
            _candidate("d. 14-11-2019", LABELLED, "title", line=1),
            _candidate("Torsdag 14. november 2019", LABELLED, line=2),
        ]
    )
    assert chosen == ChosenDate(dt.date(2019, 11, 14), Span(1, 1, 0, 13), "title")
    assert note is None


def test_different_dates_of_one_rank_leave_it_empty() -> None:
    chosen, note = choose_date(
        [_candidate("14-11-2019", LABELLED, "title"), _candidate("15-11-2019", LABELLED)]
    )
    assert chosen is None
    assert note == (
        "the header gives different meeting dates (2019-11-14 and 2019-11-15); date left empty"
    )


def test_a_date_that_does_not_exist_leaves_it_empty() -> None:
    chosen, note = choose_date(
        [_candidate("Torsdag d. 30-02-2022", LABELLED), _candidate("28-02-2022", LINE)]
    )
    assert chosen is None
    assert note == "date '30-02-2022' in the header does not exist; date left empty"


def test_a_date_that_does_not_exist_below_the_best_rank_is_not_read() -> None:
    chosen, note = choose_date([_candidate("28-02-2022", LABELLED), _candidate("30-02-2022", LINE)])
    assert chosen is not None
    assert chosen.date == dt.date(2022, 2, 28)
    assert note is None


def test_a_weekday_that_contradicts_every_mention() -> None:
    chosen, note = choose_date([_candidate("Mandag d. 08. juni 2022", LABELLED)])
    assert chosen is None
    assert (
        note == "the weekday in 'Mandag d. 08. juni 2022' does not match the date; date left empty"
    )


def test_a_weekday_contradicting_one_mention_of_two() -> None:
    chosen, _ = choose_date(
        [
            _candidate("Mandag d. 08. juni 2022", LABELLED),
            _candidate("08-06-2022", LABELLED, line=2),
        ]
    )
    assert chosen == ChosenDate(dt.date(2022, 6, 8), Span(2, 2, 0, 10), "header")
