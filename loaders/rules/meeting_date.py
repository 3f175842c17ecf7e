"""The meeting's date from the dates a header prints: one date, or none and a note saying why.

A header may print the meeting's date more than once (in the title and under ``Mødedato``) and
other dates beside it (when the minutes were published or printed, the next meeting, a
deadline). The header rules leave out the other dates they recognise and rank the rest by how
plainly they say "the meeting's date":

====  ======================================================================================
rank  where the date was printed
====  ======================================================================================
0     a meeting-date label (``Mødedato``, ``Dato:``, ``MØDE``, ``Starttidspunkt``), the title
      or a sentence saying when the meeting is held (``Mødet blev afholdt den ...``)
1     a line that is only a date, or a committee's name and a date
2     an end label (``Sluttidspunkt 14-11-2019 10:00:00``): the same day, as a rule
====  ======================================================================================

The best rank printed decides. If it prints a date that does not exist, or different dates,
or only with a weekday that contradicts the date, the date is left empty with a note: a wrong
date is worse than none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from loaders.dates import FoundDate
from loaders.model import Span

LABELLED, LINE, END = 0, 1, 2


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """A date printed in the header, where it is, how plainly it is the meeting's date
    (``rank``, lower is plainer) and where it was read, for the load report (``source``)."""

    found: FoundDate
    span: Span
    rank: int
    source: str  # "header" or "title"


@dataclass(frozen=True, slots=True)
class ChosenDate:
    """The meeting's date and the candidate it was read from."""

    date: dt.date
    span: Span
    source: str


def _shown(found: FoundDate) -> str:
    """The date as printed, from its first digit (without weekday and ``den``)."""
    raw = found.raw
    digits = next((i for i, c in enumerate(raw) if c.isdigit()), 0)
    return raw[digits:] if raw[digits:].strip() else raw


def choose_date(candidates: list[DateCandidate]) -> tuple[ChosenDate | None, str | None]:
    """The meeting's date from the header's ``candidates``, and a note when they are printed
    but give no date. ``(None, None)`` when there are none.

    >>> from loaders.dates import find_dates
    >>> span = Span(1, 1, 0, 10)
    >>> title, published = find_dates("d. 14-11-2019 og 20-11-2019")
    >>> chosen, note = choose_date(
    ...     [DateCandidate(published, span, END, "header"), DateCandidate(title, span, 0, "title")]
    ... )
    >>> chosen.date, chosen.source, note
    (datetime.date(2019, 11, 14), 'title', None)
    """
    if not candidates:
        return None, None
    best = min(c.rank for c in candidates)
    chosen = [c for c in candidates if c.rank == best]
    invalid = next((c for c in chosen if c.found.invalid), None)
    if invalid is not None:
        shown = _shown(invalid.found)
        return None, f"date '{shown}' in the header does not exist; date left empty"
    distinct = sorted({c.found.date for c in chosen if c.found.date is not None})
    if len(distinct) > 1:
        shown = " and ".join(d.isoformat() for d in distinct)
        return None, f"the header gives different meeting dates ({shown}); date left empty"
    if all(c.found.weekday_mismatch for c in chosen):
        return (
            None,
            f"the weekday in '{chosen[0].found.raw}' does not match the date; date left empty",
        )
    first = next(c for c in chosen if not c.found.weekday_mismatch)
    return ChosenDate(distinct[0], first.span, first.source), None
