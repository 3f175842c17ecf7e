"""Agenda item headings: forms, titles, and confirmation by structure."""

from __future__ import annotations

import doctest

import pytest

from loaders.model import LoaderError
from loaders.parse import parse_minutes
from loaders.rules import items
from loaders.rules.items import heading_candidate, split_title


def test_doctests() -> None:
    assert doctest.testmod(items).failed == 0


@pytest.mark.parametrize(
    ("line", "form", "number", "title"),
    [
        ("Punkt 1: Godkendelse af dagsorden", "punkt-number", 1, "Godkendelse af dagsorden"),
        ("Punkt 3: Lukket:", "punkt-number", 3, "Lukket:"),
        ("Dagsordenspunkt 4 - Eventuelt", "punkt-number", 4, "Eventuelt"),
        ("Pkt. 12 Budget", "punkt-number", 12, "Budget"),
        ("10: Underskriftsside", "number-colon", 10, "Underskriftsside"),
        ("2. JA - Orientering - januar", "number-dot", 2, "JA - Orientering - januar"),
        ("3) Orientering fra formanden", "number-paren", 3, "Orientering fra formanden"),
    ],
)
def test_heading_forms(line: str, form: str, number: int, title: str) -> None:
    found = heading_candidate(line)
    assert found is not None
    assert found[:3] == (form, number, title)


@pytest.mark.parametrize(
    "line",
    [
        "1. at form og indhold af dialogmøder i 2019 drøftes",  # a recommendation, lower case
        "1. januar 2020 trådte ny reform i kraft.",  # a date
        "Ad 1) Vi kan konstatere ...",
        "Punktet tages til efterretning.",
    ],
)
def test_not_headings(line: str) -> None:
    assert heading_candidate(line) is None


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("JAI - Godkendelse af dagsorden", ("Godkendelse af dagsorden", "JAI", False)),
        ("Lukket: Budgetkatalog 2023-2026", ("Budgetkatalog 2023-2026", None, True)),
        ("Lukket punkt: Salg af grund", ("Salg af grund", None, True)),
        ("BU - Lukket: Personalesag", ("Personalesag", "BU", True)),
        ("Evaluering af cykelprojektet 2021 - Et halvt år efter", None),
    ],
)
def test_split_title(printed: str, expected: tuple[str, str | None, bool] | None) -> None:
    assert split_title(printed) == (expected or (printed, None, False))


NUMBERED_LISTS = """\
REFERAT Byrådet d. 08-06-2022

1. Godkendelse af dagsorden
Beslutning
Godkendt.

2. Mål for 2023
Sagsfremstilling
Målene er:
1. Alle ledige skal have en værdig sagsbehandling
2. Flere ledige skal opkvalificeres
3. Flere flygtninge skal være selvforsørgende
Beslutning
Taget til efterretning.

3. Meddelelser
Sagsnr: 22-000001
Beslutning
Til efterretning.
"""


def test_numbered_lists_inside_sections_are_not_items() -> None:
    meeting, layout, _ = parse_minutes(NUMBERED_LISTS, municipality="Lemvig")
    assert [(i.number, i.title) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Mål for 2023"),
        (3, "Meddelelser"),
    ]
    assert "1. Alle ledige" in meeting.items[1].sections[0].text
    assert layout.startswith("number-dot")


def test_a_bare_numbered_line_needs_structure_to_be_an_item() -> None:
    text = "Referat\n\n1. Første punkt\nBare tekst.\n\n2. Andet punkt\nMere tekst.\n"
    with pytest.raises(LoaderError, match="no agenda items found"):
        parse_minutes(text)


def test_the_table_of_contents_confirms_bare_headings() -> None:
    text = (
        "Referat\n\nIndholdsfortegnelse\n1. Første punkt\t2\n2. Andet punkt\t3\n\n"
        "1. Første punkt\nBare tekst.\n\n2. Andet punkt\nMere tekst.\n"
    )
    meeting, layout, _ = parse_minutes(text)
    assert [i.title for i in meeting.items] == ["Første punkt", "Andet punkt"]
    assert "toc" in layout


def test_a_lost_heading_leaves_a_gap_not_a_broken_agenda() -> None:
    text = NUMBERED_LISTS.replace("2. Mål for 2023\n", "")
    meeting, _, _ = parse_minutes(text, municipality="Lemvig")
    assert [i.number for i in meeting.items] == [1, 3]


def test_item_spans_run_from_heading_to_last_line() -> None:
    meeting, _, _ = parse_minutes(NUMBERED_LISTS, municipality="Lemvig")
    for item in meeting.items:
        covered = NUMBERED_LISTS[item.span.begin : item.span.end]
        assert covered.startswith(f"{item.number}. {item.title}")
        assert covered.rstrip().endswith(item.decision.text if item.decision else "")
