"""How values read from the store appear on a page: links to local pages, Danish dates, times.

>>> import datetime as dt
>>> day(dt.date(2020, 1, 8))
'8. januar 2020'
>>> day(None) is None
True
>>> clock(dt.time(16, 30))
'16.30'
>>> text_of(None), text_of(3)
('', '3')
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from graph.labels import danish_date

if TYPE_CHECKING:
    from web.pages.page_sparql import Value
    from web.site_readers import Site


def link(site: Site, iri: Value, label: Value = None) -> dict[str, str] | None:
    """``{"href", "label", "iri"}`` for a resource: its page on this server when the IRI is the
    dataset's, the IRI itself otherwise; ``None`` for no resource."""
    if not isinstance(iri, str) or not iri:
        return None
    href = site.path_for_iri(iri) or iri
    return {"href": href, "label": text_of(label) or iri, "iri": iri}


def day(value: Value) -> str | None:
    """A date the Danish way ("8. januar 2020"), ``None`` when there is none."""
    if isinstance(value, dt.datetime):
        return danish_date(value.date())
    if isinstance(value, dt.date):
        return danish_date(value)
    return None


def iso_day(value: str | None) -> str | None:
    """An ISO date (or the date of a date-time) as text from the side index, the Danish way;
    text that is no date as it is, ``None`` for none.

    >>> iso_day("2020-01-08T10:00:00"), iso_day("uden dato"), iso_day("")
    ('8. januar 2020', 'uden dato', None)
    """
    if not value:
        return None
    try:
        return danish_date(dt.date.fromisoformat(value[:10]))
    except ValueError:
        return value


def iso(value: Value) -> str | None:
    """A date, time or timestamp as ISO 8601 text (for JSON-LD and ``<time datetime>``), with
    at most milliseconds, as HTML's ``datetime`` allows.

    >>> iso(dt.datetime(2026, 11, 23, 0, 17, 5, 906360, tzinfo=dt.UTC))
    '2026-11-23T00:17:05.906+00:00'
    >>> iso(dt.date(2020, 1, 8)), iso(dt.time(16, 30)), iso("x")
    ('2020-01-08', '16:30:00', None)
    """
    if isinstance(value, dt.datetime | dt.time) and value.microsecond:
        return value.isoformat(timespec="milliseconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return None


def clock(value: Value) -> str | None:
    """A time of day the Danish way, "16.30"."""
    if isinstance(value, dt.time):
        return f"{value.hour:02d}.{value.minute:02d}"
    return None


def timestamp(value: Value) -> str | None:
    """A load time: "22. november 2026 kl. 22.57 UTC"."""
    if isinstance(value, dt.datetime):
        return utc_text(value.astimezone(dt.UTC))
    return None


def utc_text(moment: dt.datetime) -> str:
    """A moment as "22. november 2026 kl. 22.57 UTC": in UTC when it says its time zone, as it
    is when it does not.

    >>> utc_text(dt.datetime(2026, 11, 23, 0, 17, tzinfo=dt.timezone(dt.timedelta(hours=1))))
    '22. november 2026 kl. 23.17 UTC'
    """
    utc = moment.astimezone(dt.UTC) if moment.tzinfo else moment
    return f"{danish_date(utc.date())} kl. {utc.hour:02d}.{utc.minute:02d} UTC"


def text_of(value: Value) -> str:
    """A value as text, the empty string for none."""
    if value is None:
        return ""
    return str(value)


def first_rows(rows: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    """The first row of each ``key`` value, in order (an extra label must not repeat a row)."""
    seen: set[Any] = set()
    kept: list[dict[str, Any]] = []
    for row in rows:
        if row[key] not in seen:
            seen.add(row[key])
            kept.append(row)
    return kept


def pagination(number: int, total: int, per_page: int) -> dict[str, int]:
    """Where a page stands in a list: ``{"page", "pages", "total", "first", "last"}``
    (first and last count from 1).

    >>> pagination(2, 120, 50)
    {'page': 2, 'pages': 3, 'total': 120, 'first': 51, 'last': 100}
    >>> pagination(1, 0, 50)
    {'page': 1, 'pages': 1, 'total': 0, 'first': 0, 'last': 0}
    """
    pages = max(1, -(-total // per_page))
    first = (number - 1) * per_page + 1 if total else 0
    last = min(number * per_page, total)
    return {"page": number, "pages": pages, "total": total, "first": first, "last": last}
