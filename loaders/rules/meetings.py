"""A file that holds more than one meeting: the first is read, the rest is set aside and said.

Agenda archives and transcription sites sometimes put several meetings' minutes in one file.
A second meeting starts at a meeting title or meeting-date line (``REFERAT Økonomiudvalget
d. 12-06-2022``, ``Mødedato: 12. juni 2022``) that stands after the first meeting's items, gives
a different date than the first meeting's, and is followed by item headings whose numbering
starts again. Everything from that line on is left out of this meeting (it is marked as noise)
and a note says where the other meeting starts, so that nobody mistakes its items for the
first meeting's. A running header repeating the first meeting's title and date is no new
meeting: its date is the same.
"""

from __future__ import annotations

import datetime as dt
import re

from loaders import dates
from loaders.rules.parse_state import ParseState

_TITLE = re.compile(
    r"(?:referat|dagsorden|beslutningsprotokol|mødereferat)(?![\wæøå])", re.IGNORECASE
)
_DATE_FIELD = re.compile(r"(?:mødedato|mødedag)\s*:?(?:\s|$)", re.IGNORECASE)
_LOOK_AHEAD = 4  # content lines after a title in which its date may stand
_LONGEST_TITLE = 160


def _date_near(state: ParseState, index: int) -> dt.date | None:
    """The first date on line ``index`` or on the few content lines after it."""
    at: int | None = index
    for _ in range(_LOOK_AHEAD + 1):
        if at is None:
            return None
        found = [f.date for f in dates.find_dates(state.plain[at]) if f.date is not None]
        if found:
            return found[0]
        at = state.next_content(at)
    return None


def _starts(state: ParseState) -> list[tuple[int, dt.date]]:
    """Lines that open a meeting (a title or a meeting-date field), with the date they give."""
    found: list[tuple[int, dt.date]] = []
    for index, plain in enumerate(state.plain):
        if not plain or state.noise[index] or len(plain) > _LONGEST_TITLE:
            continue
        if not (_TITLE.match(plain) or _DATE_FIELD.match(plain)):
            continue
        day = _date_near(state, index)
        if day is not None:
            found.append((index, day))
    return found


def split_meetings(state: ParseState) -> bool:
    """Core rule: set aside everything from the start of a second meeting, with a note."""
    starts = _starts(state)
    if len(starts) < 2 or not state.candidates:
        return False
    first_line, first_date = starts[0]
    numbers_before: list[int] = []
    for index, day in starts[1:]:
        numbers_before = [
            c.number
            for line, c in state.candidates.items()
            if first_line < line < index and c.number is not None
        ]
        if day == first_date or len(numbers_before) < 1:
            continue
        following = min((line for line in state.candidates if line > index), default=None)
        restart = state.candidates[following].number if following is not None else None
        if restart is None or restart != min(numbers_before):
            continue  # the numbering goes on: one agenda, and this is a date in it
        for line in range(index, len(state.lines)):
            state.noise[line] = True
            state.labels.pop(line, None)
            state.candidates.pop(line, None)
        state.notes.append(
            f"the file holds more than one meeting: only the first ({first_date.isoformat()}) "
            f"is loaded; another ({day.isoformat()}) starts at line {index + 1}: "
            "load it from a file of its own"
        )
        state.layout.append("several-meetings")
        return True
    return False
