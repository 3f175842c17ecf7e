"""Laws resolved by the meeting date, and references to provisions."""

from __future__ import annotations

import datetime as dt

import pytest

from loaders.mentions import find_mentions
from loaders.mentions.laws import parse_provisions, resolve

BEFORE = dt.date(2019, 10, 23)  # the Holstebro meeting
AFTER = dt.date(2020, 1, 8)  # the Lejre meeting


def _laws(text: str, on: dt.date | None) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (m.entity_key, m.anchor_text, m.provisions)
        for m in find_mentions(text, on=on)
        if m.entity_type == "law"
    ]


@pytest.mark.parametrize(
    ("text", "on", "key"),
    [
        ("efter beskæftigelsesloven", BEFORE, "lab-2003"),
        ("efter beskæftigelsesloven", AFTER, "lab-2019"),
        ("Lov om en aktiv beskæftigelsesindsats", dt.date(2019, 12, 31), "lab-2003"),
        ("Lov om en aktiv beskæftigelsesindsats", dt.date(2020, 1, 1), "lab-2019"),
        ("LAB-loven", dt.date(2010, 5, 1), "lab-2003"),
        # only the 2019 act carried out the reform: no date needed
        ("lov om forenklet beskæftigelsesindsats", BEFORE, "lab-2019"),
        ("serviceloven", None, "serviceloven"),
    ],
)
def test_resolution_by_date(text: str, on: dt.date | None, key: str) -> None:
    assert [k for k, _, _ in _laws(text, on)] == [key]


def test_without_a_date_a_shared_title_resolves_to_nothing() -> None:
    assert _laws("efter beskæftigelsesloven", None) == []
    assert resolve("aktiv-beskaeftigelsesindsats", None) is None


def test_resolved_by_date_is_a_little_less_certain() -> None:
    dated = find_mentions("LAB-loven", on=AFTER)[0]
    unique = find_mentions("serviceloven", on=AFTER)[0]
    assert dated.confidence < unique.confidence


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        (
            "jf. § 91 i beskæftigelsesloven, hvor",
            AFTER,
            ("lab-2019", "§ 91 i beskæftigelsesloven", ("§ 91",)),
        ),
        (
            "efter servicelovens §§ 103-104.",
            BEFORE,
            ("serviceloven", "servicelovens §§ 103-104", ("§ 103", "§ 104")),
        ),
        (
            "jf. retssikkerhedslovens § 3, stk. 2, skal",
            AFTER,
            ("retssikkerhedsloven", "retssikkerhedslovens § 3, stk. 2", ("§ 3, stk. 2",)),
        ),
        (
            "Jævnfør Lov om organisering og understøttelse af beskæftigelsesindsatsen § 4 skal",
            AFTER,
            (
                "lov-om-organisering-af-beskaeftigelsesindsatsen",
                "Lov om organisering og understøttelse af beskæftigelsesindsatsen § 4",
                ("§ 4",),
            ),
        ),
        (
            "§§ 5 a og 7 efter aktivloven",
            AFTER,
            ("aktivloven", "§§ 5 a og 7 efter aktivloven", ("§ 5 a", "§ 7")),
        ),
    ],
)
def test_provisions_are_absorbed_into_the_law_mention(
    text: str, on: dt.date, expected: tuple[str, str, tuple[str, ...]]
) -> None:
    assert _laws(text, on) == [expected]


def test_a_section_sign_on_the_next_line_is_not_cited() -> None:
    assert _laws("efter serviceloven\n§ 5 gælder", AFTER) == [("serviceloven", "serviceloven", ())]


@pytest.mark.parametrize(
    ("cited", "expected"),
    [
        ("§ 91", ("§ 91",)),
        ("§§ 103-104", ("§ 103", "§ 104")),
        ("§§ 103–106", ("§ 103", "§ 104", "§ 105", "§ 106")),
        ("§§ 1-500", ("§ 1", "§ 500")),  # too wide to expand
        ("§ 3, stk. 2, nr. 1", ("§ 3, stk. 2, nr. 1",)),
        ("§§ 5 a, 7 og 9", ("§ 5 a", "§ 7", "§ 9")),
    ],
)
def test_parse_provisions(cited: str, expected: tuple[str, ...]) -> None:
    assert parse_provisions(cited) == expected
