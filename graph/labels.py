"""Danish labels for resources, written the way people write them.

>>> import datetime as dt
>>> danish_date(dt.date(2020, 1, 8))
'8. januar 2020'
>>> meeting_label("Udvalget for Job & Arbejdsmarked", dt.date(2020, 1, 8))
'Udvalget for Job & Arbejdsmarked, møde 8. januar 2020'
>>> meeting_label("Beskæftigelsesudvalget", None)
'Beskæftigelsesudvalget, møde uden dato'
>>> committee_label("Udvalget for Børn & Ungdom") == committee_label("Udvalget for Børn og Ungdom")
True
>>> person_label("Tina Boel Van Ingen") == person_label("Tina Boel van Ingen")
True
>>> person_label("Tina Boel Van Ingen")
'Tina Boel van Ingen'
"""

from __future__ import annotations

import datetime as dt

from loaders.dates import MONTHS

MONTHS_DA = MONTHS  # the Danish month names, as the date parser knows them


def danish_number(number: int | float) -> str:
    """A number as Danes write it: digit grouping with points, a decimal comma.

    >>> danish_number(1234567), danish_number(1234.5)
    ('1.234.567', '1.234,5')
    """
    if isinstance(number, int):
        return f"{number:,}".replace(",", ".")
    return f"{number:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def counted(number: int, singular: str, plural: str) -> str:
    """A count with its noun: "1 møde", "1.234 møder".

    >>> counted(1, "møde", "møder"), counted(1234, "møde", "møder")
    ('1 møde', '1.234 møder')
    """
    return f"{danish_number(number)} {singular if number == 1 else plural}"


def danish_date(day: dt.date) -> str:
    return f"{day.day}. {MONTHS_DA[day.month - 1]} {day.year}"


def meeting_label(committee: str, day: dt.date | None) -> str:
    """``committee`` is the committee's name, or the municipality's for minutes that name none."""
    when = danish_date(day) if day else "uden dato"
    return f"{committee}, møde {when}"


def item_reference(number: int | None) -> str:
    """How a page names an item: ``punkt 3``, or ``punkt uden nummer`` for one printed without.

    >>> item_reference(3), item_reference(None)
    ('punkt 3', 'punkt uden nummer')
    """
    return f"punkt {number}" if number is not None else "punkt uden nummer"


def item_label(number: int | None, title: str) -> str:
    """``Punkt 3: Title``; the number or the title alone when the other is not printed.

    >>> item_label(3, "Budget"), item_label(None, "Budget"), item_label(4, "")
    ('Punkt 3: Budget', 'Budget', 'Punkt 4')
    >>> item_label(None, "")
    'Punkt uden nummer'
    """
    reference = item_reference(number).capitalize()
    if not title:
        return reference
    return f"{reference}: {title}" if number is not None else title


# Name particles written in lower case inside a name, whatever a particular minutes did.
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "la", "le", "du", "af", "zu", "di", "da"})


def person_label(name: str) -> str:
    """One spelling for a person however the minutes capitalised the name's particles, so
    that "Van Ingen" and "van Ingen" are one label of one person."""
    words = name.split()
    return " ".join(
        w.lower() if i > 0 and w.lower() in _PARTICLES and i < len(words) - 1 else w
        for i, w in enumerate(words)
    )


def committee_label(name: str) -> str:
    """One spelling for a committee whether the minutes wrote "&" or "og" (the IRI's slug
    makes them one committee already): "Udvalget for Job og Arbejdsmarked"."""
    return " ".join(name.replace("&", " og ").split())
