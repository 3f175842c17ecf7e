"""Which agenda items a note names: ``deltog ikke i behandlingen af punkt 2-3``, ``under pkt.
4, 6 og 7``. A note that names other items than the one it is printed in is about those
items (an absence from items 2 and 3 is no absence from the whole meeting, nor from the item
whose decision happens to record it).

>>> named_items(" deltog ikke i behandlingen af punkt 2-3."), named_items("under pkt. 4, 6 og 7")
((2, 3), (4, 6, 7))
>>> named_items(" deltog ikke i behandlingen af punktet."), named_items("under punkt 3 – 1")
((), ())
>>> named_items("i sag 12.04.00G01"), named_items("i dagsordenspunkt nr. 5")
((), (5,))

A reference that marks a point in the meeting, not the items themselves, names none:

>>> named_items(" deltog ikke i mødet fra punkt 5"), named_items(" forlod mødet efter pkt. 3")
((), ())
"""

from __future__ import annotations

import re

MAX_RANGE = 50  # "punkt 2-300" is no range of items of one meeting: nothing is read from it

_NUMBER = r"\d{1,3}(?![\d.,]\d)"
_NAMED = re.compile(
    rf"\b(?:punkt(?:erne)?|pkt\.?|dagsordenspunkt(?:erne)?)\s*(?:nr\.?\s*)?"
    rf"(?P<numbers>{_NUMBER}(?:\s*(?:[-–]|,|og)\s*{_NUMBER})*)",
    re.IGNORECASE,
)
_PARTS = re.compile(r"(\d+)\s*(?:[-–]\s*(\d+))?")
_FROM = re.compile(r"\b(?:fra|efter|før|inden|til(?:\s+og\s+med)?)\s+$", re.IGNORECASE)


def named_items(text: str) -> tuple[int, ...]:
    """The item numbers the first item reference in ``text`` names, in order, ranges spelled
    out; ``()`` when it names none, or a range that runs backwards or is too long to be one
    meeting's items."""
    found = _NAMED.search(text)
    if found is None or _FROM.search(text, 0, found.start()):
        return ()
    numbers: list[int] = []
    for part in _PARTS.finditer(found["numbers"]):
        first = int(part[1])
        last = int(part[2]) if part[2] else first
        if last < first or last - first > MAX_RANGE:
            return ()
        numbers.extend(n for n in range(first, last + 1) if n not in numbers)
    return tuple(numbers)


__all__ = ["MAX_RANGE", "named_items"]
