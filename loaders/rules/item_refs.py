"""Which agenda items a note names: ``deltog ikke i behandlingen af punkt 2-3``, ``under pkt.
4, 6 og 7``, ``forlod mødet efter punkt 6``, ``deltog fra punkt 3``. A note that names other
items than the one it is printed in is about those items (an absence from items 2 and 3 is no
absence from the whole meeting, nor from the item whose decision happens to record it).

A reference is read as printed (:func:`item_ref`), then resolved against the items the minutes
actually have (:func:`covered`): a number the minutes lack is never invented.

>>> named_items(" deltog ikke i behandlingen af punkt 2-3."), named_items("under pkt. 4, 6 og 7")
((2, 3), (4, 6, 7))
>>> named_items(" deltog ikke i behandlingen af punktet."), named_items("under punkt 3 – 1")
((), ())
>>> named_items("i sag 12.04.00G01"), named_items("i dagsordenspunkt nr. 5")
((), (5,))
>>> named_items("under punkterne 7, 2 og 4"), named_items("under punkt 3 til 5")
((7, 2, 4), (3, 4, 5))

A reference that marks a point in the meeting, not the items themselves, names none; it is a
reference all the same, with its relation to the items:

>>> named_items(" deltog ikke i mødet fra punkt 5"), item_ref(" forlod mødet efter pkt. 3")
((), ItemRef(relation='after', parts=((3, 3),)))
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

MAX_RANGE = 50  # "punkt 2-300" is no range of items of one meeting: nothing is read from it

# How a reference relates to the items it prints: those items, or the items from one on, after
# it, before it, up to and including it, or until it (``indtil``, ``til``: whether the item
# itself is meant is not said).
Relation = Literal["items", "from", "after", "before", "through", "until"]

_MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
# a number of one to three digits, not part of a decimal, a date or a case number
_NUMBER = rf"\d{{1,3}}(?!\d|[.,/]\d)(?!\.?\s?(?:{_MONTHS}))"
_POINT = r"(?:punkt(?:erne)?|pkt\.?|dagsordenspunkt(?:erne)?)\s*(?:nr\.?\s*)?"
_SEPARATOR = rf"\s*(?:[-–]|,\s*og|,|og|samt|til(?:\s+og\s+med)?)\s*(?:{_POINT})?"
_NAMED = re.compile(
    rf"\b{_POINT}(?P<numbers>{_NUMBER}(?:{_SEPARATOR}{_NUMBER})*)",
    re.IGNORECASE,
)
_PARTS = re.compile(
    rf"(\d+)(?:\s*(?:[-–]|til(?:\s+og\s+med)?)\s*(?:{_POINT})?(\d+))?", re.IGNORECASE
)
# The words just before the reference that make it a point in the meeting.
_BEFORE = re.compile(
    r"\b(?P<word>fra\s+og\s+med|fra|efter|før|inden|til\s+og\s+med|indtil|til)\s+"
    r"(?:(?:starten\s+(?:af|på)|behandlingen\s+af|dagsordenens)\s+)?$",
    re.IGNORECASE,
)
_RELATIONS: dict[str, Relation] = {
    "fra og med": "from",
    "fra": "from",
    "efter": "after",
    "før": "before",
    "inden": "before",
    "til og med": "through",
    "indtil": "until",
    "til": "until",
}


@dataclass(frozen=True, slots=True)
class ItemRef:
    """A reference to items as printed: ``parts`` are the numbers and ranges in the order
    printed (``(3, 5)`` for ``3-5``, ``(7, 7)`` for ``7``); ``relation`` says how the note
    relates to them. A point in the meeting (``efter punkt 6``) is always one item."""

    relation: Relation
    parts: tuple[tuple[int, int], ...]

    @property
    def numbers(self) -> tuple[int, ...]:
        """The numbers printed, ranges spelled out, each once, in the order printed."""
        found: list[int] = []
        for first, last in self.parts:
            found.extend(n for n in range(first, last + 1) if n not in found)
        return tuple(found)

    @property
    def several(self) -> bool:
        """True for a range or a list (``punkt 3-5``, ``punkterne 2 og 4``), not one item."""
        return len(self.parts) > 1 or self.parts[0][0] != self.parts[0][1]


def item_ref(text: str) -> ItemRef | None:
    """The first item reference in ``text``, or None when there is none, or when it is a range
    that runs backwards or is too long to be one meeting's items, or a point in the meeting
    printed as several items (``efter punkt 3-5``)."""
    found = _NAMED.search(text)
    if found is None:
        return None
    parts: list[tuple[int, int]] = []
    for part in _PARTS.finditer(found["numbers"]):
        first = int(part[1])
        last = int(part[2]) if part[2] else first
        if last < first or last - first > MAX_RANGE:
            return None
        parts.append((first, last))
    before = _BEFORE.search(text, 0, found.start())
    relation = _RELATIONS[" ".join(before["word"].lower().split())] if before else "items"
    ref = ItemRef(relation, tuple(parts))
    if ref.several and relation != "items":
        # "fra punkt 3 til 5" is the items 3 to 5; "efter punkt 3-5" is no point in the meeting
        return ItemRef("items", ref.parts) if relation == "from" else None
    return ref


def mentions_items(text: str) -> bool:
    """True if ``text`` refers to items by number (``punkt 3``, ``pkt. 2-4``)."""
    return _NAMED.search(text) is not None


def named_items(text: str) -> tuple[int, ...]:
    """The item numbers the first item reference in ``text`` names, in order, ranges spelled
    out; ``()`` when it names none (a point in the meeting names no items)."""
    ref = item_ref(text)
    return ref.numbers if ref is not None and ref.relation == "items" else ()


def covered(ref: ItemRef, numbers: Sequence[int | None]) -> tuple[int, ...] | None:
    """The positions (0-based, in agenda order) of the items ``ref`` covers, among items
    numbered ``numbers``; None when it cannot be resolved: a number it names is not printed,
    or printed more than once. A range's ends must be printed; numbers inside it the minutes
    lack are left out, never invented.

    >>> covered(ItemRef("items", ((2, 4),)), [1, 2, 3, 4, 5]), covered(item_ref("pkt. 7"), [1, 2])
    ((1, 2, 3), None)
    >>> covered(ItemRef("after", ((3, 3),)), [1, 2, 3, 4]), covered(item_ref("pkt. 3-5"), [3, 5])
    ((3,), (0, 1))
    """
    printed = Counter(numbers)
    at = {n: i for i, n in enumerate(numbers) if n is not None and printed[n] == 1}
    if any(first not in at or last not in at for first, last in ref.parts):
        return None
    if ref.relation == "items":
        found = [at[n] for n in ref.numbers if n in at]
        return tuple(sorted(set(found)))
    anchor = at[ref.parts[0][0]]
    positions = {
        "from": range(anchor, len(numbers)),
        "after": range(anchor + 1, len(numbers)),
        "before": range(anchor),
        "through": range(anchor + 1),
        "until": range(anchor),
    }[ref.relation]
    return tuple(positions)


# What a departure's and an arrival's point in the meeting leaves out: a departure after an item
# misses the items after it, one before an item that item on; an arrival misses the items
# before its point, or up to and including the item it came after.
_LEFT_AFTER: dict[str, Relation] = {"after": "after", "before": "from", "from": "from"}
_ARRIVED_AFTER: dict[str, Relation] = {
    "items": "before",
    "from": "before",
    "until": "before",
    "after": "through",
}
# An arrival "after" an item (``deltog først efter punkt 3``) misses that item too.
_AFTER_VERB = re.compile(r"\befter$")
# A departure printed as "took part until" (``deltog indtil punkt 5``) names the last item.
_UNTIL_VERB = re.compile(r"\b(?:indtil|til\s+og\s+med)$")


def missed(ref: ItemRef, kind: str, verb: str) -> ItemRef | None:
    """The items a person missed by an attendance note of ``kind`` (absent, left, arrived)
    whose verb is ``verb`` and which names ``ref``; None where the note does not say.

    An absence misses what it names (``deltog ikke i mødet fra punkt 5``: 5 on). A departure
    misses the items after its point (``forlod mødet efter punkt 6``: 7 on; ``før punkt 6``: 6
    on) or, over several items, those (``forlod mødet under punkt 3-5``); left during one item
    (``under punkt 5``), the person may have come back or have left for good: not said. An
    arrival misses the items before its point (``ankom under punkt 4``, ``deltog fra punkt
    3``), and the item itself when it came after it (``ankom efter punkt 3``).

    >>> missed(ItemRef("items", ((5, 5),)), "left", "forlod mødet") is None
    True
    >>> missed(ItemRef("items", ((4, 4),)), "arrived", "ankom")
    ItemRef(relation='before', parts=((4, 4),))
    """
    verb = " ".join(verb.lower().split())
    relation: Relation | None = ref.relation
    if kind == "absent":
        relation = "before" if relation == "until" else relation
    elif kind == "left" and relation == "items":
        relation = "after" if _UNTIL_VERB.search(verb) else ("items" if ref.several else None)
    elif kind == "left":
        relation = _LEFT_AFTER.get(ref.relation)
    elif kind == "arrived" and not ref.several:
        came_after = ref.relation == "items" and _AFTER_VERB.search(verb)
        relation = _ARRIVED_AFTER.get("after" if came_after else ref.relation)
    else:
        relation = None
    return ItemRef(relation, ref.parts) if relation is not None else None


__all__ = [
    "MAX_RANGE",
    "ItemRef",
    "Relation",
    "covered",
    "item_ref",
    "mentions_items",
    "missed",
    "named_items",
]
