"""Danish dates as minutes print them, in words and digits.

>>> import datetime as dt
>>> day = dt.date(2022, 6, 8)
>>> weekday(day), month(day)
('onsdag', 'juni')
>>> digits(day)
'08-06-2022'
>>> election_period(dt.date(2022, 5, 4)), election_period(dt.date(2021, 12, 1))
('2022-2025', '2018-2021')
"""

from __future__ import annotations

import datetime as dt

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip


def weekday(day: dt.date) -> str:
    return WEEKDAYS[day.weekday()]


def month(day: dt.date) -> str:
    return MONTHS[day.month - 1]


def digits(day: dt.date) -> str:
    """``DD-MM-YYYY``, the form of titles, decisions and footers."""
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


def election_period(day: dt.date) -> str:
    """The municipal council term a date falls in; terms start on 1 January 2014, 2018, 2022..."""
    first = 2014 + 4 * ((day.year - 2014) // 4)
    return f"{first}-{first + 3}"
