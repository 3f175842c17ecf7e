"""Case numbers: KLE number, facet and serial, as journal systems print them."""

from __future__ import annotations

import doctest

import pytest

from loaders.rules import casenumbers
from loaders.rules.casenumbers import (
    case_numbers_in_line,
    is_case_number_line,
    labelled_value,
    parse_case_number,
)
from loaders.rules.parse_state import ParseState


def test_doctests() -> None:
    assert doctest.testmod(casenumbers).failed == 0


@pytest.mark.parametrize(
    ("raw", "parts"),
    [
        ("15.20.00A00-1-22", ("15.20.00", "A00", "1-22")),
        ("15.00.15-A00-1-18", ("15.00.15", "A00", "1-18")),
        ("00.22.04.G01", ("00.22.04", "G01", None)),
        ("00.15.00G00-1-19", ("00.15.00", "G00", "1-19")),
        ("00.30.00Ø00-6-22", ("00.30.00", "Ø00", "6-22")),
        ("00.30.00000-6-22", ("00.30.00", "000", "6-22")),
        ("00.00.00-000-10-19", ("00.00.00", "000", "10-19")),
        ("15.00.00-G01-6-19", ("15.00.00", "G01", "6-19")),
        ("85.02.02A26-4-21", ("85.02.02", "A26", "4-21")),
        ("15.20.00", ("15.20.00", None, None)),
        ("19/11679", (None, None, "19/11679")),
        ("22-016257", (None, None, "22-016257")),
        ("21-3658A", (None, None, "21-3658A")),
        ("2019-012345", (None, None, "2019-012345")),
    ],
)
def test_parse_case_number(raw: str, parts: tuple[str | None, ...]) -> None:
    assert parse_case_number(raw) == parts


@pytest.mark.parametrize(
    "text",
    ["", "Åben sag", "2022", "1.105", "101128/19", "08-06-2022", "Punkt 1", "MH/SL - AMU"],
)
def test_not_a_case_number(text: str) -> None:
    assert parse_case_number(text) is None


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Sagsnr: 22-016257", "22-016257"),
        ("Sagsnr.: 23-001234", "23-001234"),
        ("Sagsnummer: 06.00.00-G01-12-23", "06.00.00-G01-12-23"),
        ("J.nr. 19/11679", "19/11679"),
        ("Sags-ID: EMN-2019-01234", "EMN-2019-01234"),
        ("Sagsnr:", ""),
        ("Sagsfremstilling", None),
        ("Sagen afgøres endelig af", None),
    ],
)
def test_labelled_value(line: str, value: str | None) -> None:
    assert labelled_value(line) == value


def test_case_number_lines() -> None:
    assert is_case_number_line("00.15.00G00-1-19")
    assert is_case_number_line("Sagsnr:")
    assert not is_case_number_line("MH/SL/SGH-AMU")
    assert not is_case_number_line("Resume")


def test_case_numbers_keep_their_span() -> None:
    text = "Punkt 1: X\nSagsnr: 17-004875, 18-000001\n"
    state = ParseState.from_text(text)
    found = case_numbers_in_line(state, 1)
    assert [c.raw for c in found] == ["17-004875", "18-000001"]
    for number in found:
        assert text[number.span.begin : number.span.end] == number.raw
        assert number.span.first_line == number.span.last_line == 2


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("Dok.nr.: 2025-118812", "2025-118812"),
        ("Sagsid.: EMN-2025-009242", "EMN-2025-009242"),
        ("Sag nr.: 22-004411", "22-004411"),
        ("Sag nr. 3 Godkendelse af dagsorden", None),  # an item heading
        ("Sag nr. 3", None),
        ("Sagsnr.: 12", "12"),  # "Sagsnr" is never an item heading
    ],
)
def test_labelled_values_and_item_numbers(line: str, value: str | None) -> None:
    assert labelled_value(line) == value


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sagsnr.:", True),
        ("00.01.00-A00-1-20", True),
        ("EMN-2025-009242", True),
        ("J.nr. 19/11679, 19/11680", True),
        ("Sagsnr.: 2022/12345", True),
        ("Sagsnr. 22-016257 blev behandlet i juni", False),
        ("Sag nr. 3 Godkendelse", False),
        ("Sagsfremstilling", False),
    ],
)
def test_case_lines(line: str, expected: bool) -> None:
    assert casenumbers.is_case_line(line) is expected
