"""loaders/rules/item_refs.py: item references as printed, which items a note's person missed,
and resolving them against the items the minutes have."""

from __future__ import annotations

import doctest

import pytest

from loaders.rules import item_refs
from loaders.rules.item_refs import ItemRef, covered, item_ref, missed


def test_doctests() -> None:
    assert doctest.testmod(item_refs).failed == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("deltog ikke i behandlingen af punkt 3 - 5.", ItemRef("items", ((3, 5),))),
        ("under pkt. 3–5", ItemRef("items", ((3, 5),))),
        ("under punkterne 2, 4 og 7", ItemRef("items", ((2, 2), (4, 4), (7, 7)))),
        ("under punkterne 2, 4, og 7", ItemRef("items", ((2, 2), (4, 4), (7, 7)))),
        ("under punkt 3 til 5", ItemRef("items", ((3, 5),))),
        ("under punkt 3 til og med punkt 5", ItemRef("items", ((3, 5),))),
        ("fra punkt 3 til 5", ItemRef("items", ((3, 5),))),
        ("under pkt 2-3 og 6", ItemRef("items", ((2, 3), (6, 6)))),
        ("i mødet fra punkt 5", ItemRef("from", ((5, 5),))),
        ("fra og med behandlingen af punkt 5", ItemRef("from", ((5, 5),))),
        ("kl. 16.10 efter punkt 2", ItemRef("after", ((2, 2),))),
        ("før behandlingen af pkt. 6", ItemRef("before", ((6, 6),))),
        ("til og med punkt 4", ItemRef("through", ((4, 4),))),
        ("indtil punkt 4", ItemRef("until", ((4, 4),))),
        # no reference: a backwards range, a point printed as several items, none at all
        ("under punkt 5-3", None),
        ("efter punkt 3-5", None),
        ("under behandlingen af punktet", None),
        ("i sag 19/11679", None),
        ("under punkt 12.04", None),
    ],
)
def test_item_ref(text: str, expected: ItemRef | None) -> None:
    assert item_ref(text) == expected


def test_a_date_after_a_number_is_no_range() -> None:
    assert item_ref("under punkt 3 til 5. marts") == ItemRef("items", ((3, 3),))


@pytest.mark.parametrize(
    ("ref", "kind", "verb", "expected"),
    [
        # absences miss what they name
        (ItemRef("items", ((3, 5),)), "absent", "deltog ikke", ItemRef("items", ((3, 5),))),
        (ItemRef("from", ((5, 5),)), "absent", "deltog ikke", ItemRef("from", ((5, 5),))),
        (ItemRef("until", ((5, 5),)), "absent", "deltog ikke", ItemRef("before", ((5, 5),))),
        # departures
        (ItemRef("items", ((3, 5),)), "left", "forlod mødet", ItemRef("items", ((3, 5),))),
        (ItemRef("items", ((5, 5),)), "left", "forlod mødet", None),
        (ItemRef("after", ((6, 6),)), "left", "forlod mødet", ItemRef("after", ((6, 6),))),
        (ItemRef("before", ((6, 6),)), "left", "forlod mødet", ItemRef("from", ((6, 6),))),
        (ItemRef("items", ((5, 5),)), "left", "deltog indtil", ItemRef("after", ((5, 5),))),
        (ItemRef("items", ((5, 5),)), "left", "deltog til og med", ItemRef("after", ((5, 5),))),
        # late arrivals
        (ItemRef("items", ((4, 4),)), "arrived", "ankom", ItemRef("before", ((4, 4),))),
        (ItemRef("items", ((3, 3),)), "arrived", "deltog fra", ItemRef("before", ((3, 3),))),
        (ItemRef("after", ((3, 3),)), "arrived", "ankom", ItemRef("through", ((3, 3),))),
        (
            ItemRef("items", ((3, 3),)),
            "arrived",
            "deltog først efter",
            ItemRef("through", ((3, 3),)),
        ),
        (ItemRef("items", ((3, 5),)), "arrived", "ankom", None),
        (ItemRef("before", ((4, 4),)), "arrived", "ankom", None),
        # substitutes and guests miss nothing
        (ItemRef("items", ((3, 3),)), "substitute", "mødte for", None),
    ],
)
def test_missed(ref: ItemRef, kind: str, verb: str, expected: ItemRef | None) -> None:
    assert missed(ref, kind, verb) == expected


@pytest.mark.parametrize(
    ("ref", "numbers", "expected"),
    [
        (ItemRef("items", ((2, 4),)), [1, 2, 3, 4, 5], (1, 2, 3)),
        (ItemRef("items", ((7, 7), (2, 2), (4, 4))), [1, 2, 3, 4, 5, 6, 7], (1, 3, 6)),
        # a number inside a range the minutes lack is left out; an end they lack: unresolved
        (ItemRef("items", ((3, 5),)), [1, 2, 3, 5, 6], (2, 3)),
        (ItemRef("items", ((3, 9),)), [1, 2, 3, 4, 5], None),
        (ItemRef("items", ((2, 2), (8, 8))), [1, 2, 3], None),
        # running numbers across the year
        (ItemRef("items", ((2, 3),)), [118, 119, 120], None),
        (ItemRef("after", ((119, 119),)), [118, 119, 120, 121], (2, 3)),
        # a number printed twice cannot be told apart
        (ItemRef("items", ((2, 2),)), [1, 2, 2, 3], None),
        # points in the meeting count items by their place, unnumbered ones too
        (ItemRef("from", ((3, 3),)), [1, 2, 3, None, 4], (2, 3, 4)),
        (ItemRef("after", ((5, 5),)), [1, 2, 3, 4, 5], ()),
        (ItemRef("before", ((1, 1),)), [1, 2, 3], ()),
        (ItemRef("before", ((3, 3),)), [1, 2, 3], (0, 1)),
        (ItemRef("through", ((2, 2),)), [1, 2, 3], (0, 1)),
        (ItemRef("until", ((2, 2),)), [1, 2, 3], (0,)),
    ],
)
def test_covered(ref: ItemRef, numbers: list[int | None], expected: tuple[int, ...] | None) -> None:
    assert covered(ref, numbers) == expected
