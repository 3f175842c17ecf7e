"""Danish labels for resources, written the way people write them.

>>> import datetime as dt
>>> danish_date(dt.date(2020, 1, 8))
'8. januar 2020'
>>> meeting_label("Udvalget for Job & Arbejdsmarked", dt.date(2020, 1, 8))
'Udvalget for Job & Arbejdsmarked, møde 8. januar 2020'
>>> meeting_label("Beskæftigelsesudvalget", None)
'Beskæftigelsesudvalget, møde uden dato'
"""

from __future__ import annotations

import datetime as dt

MONTHS_DA = (
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


def danish_date(day: dt.date) -> str:
    return f"{day.day}. {MONTHS_DA[day.month - 1]} {day.year}"


def meeting_label(committee: str, day: dt.date | None) -> str:
    when = danish_date(day) if day else "uden dato"
    return f"{committee}, møde {when}"


def item_label(number: int, title: str) -> str:
    return f"Punkt {number}: {title}" if title else f"Punkt {number}"
