import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders import lines
from loaders.lines import Line, span_of, split_lines
from loaders.model import Span


def test_doctests() -> None:
    assert doctest.testmod(lines).failed == 0


def test_lines_are_numbered_from_one_with_offsets_into_the_text() -> None:
    text = "REFERAT\n\nPunkt 1: Godkendelse\nGodkendt."
    assert split_lines(text) == [
        Line(1, 0, 7, "REFERAT"),
        Line(2, 8, 8, ""),
        Line(3, 9, 29, "Punkt 1: Godkendelse"),
        Line(4, 30, 39, "Godkendt."),
    ]


def test_a_final_newline_ends_the_last_line_and_does_not_start_one() -> None:
    assert split_lines("a\nb\n") == [Line(1, 0, 1, "a"), Line(2, 2, 3, "b")]
    assert split_lines("a\n\n") == [Line(1, 0, 1, "a"), Line(2, 2, 2, "")]
    assert split_lines("\n") == [Line(1, 0, 0, "")]
    assert split_lines("") == []


def test_only_newline_splits() -> None:
    # normalised text has no other line breaks; a tab or \r is text here
    assert [line.text for line in split_lines("a\tb\rc\nd")] == ["a\tb\rc", "d"]


def test_span_within_a_line() -> None:
    line = split_lines("Mødedato\nOnsdag d. 08. juni 2022 kl. 15:00")[1]
    assert line.span(10, 23) == Span(first_line=2, last_line=2, begin=19, end=32)
    assert line.span() == Span(2, 2, 9, 42)
    assert line.span(5) == Span(2, 2, 14, 42)
    assert line.span(0, 0) == Span(2, 2, 9, 9)


@pytest.mark.parametrize(("start", "stop"), [(-1, 2), (3, 2), (0, 34), (35, None)])
def test_span_outside_the_line_is_an_error(start: int, stop: int | None) -> None:
    line = split_lines("Onsdag d. 08. juni 2022 kl. 15:00")[0]
    with pytest.raises(ValueError, match="outside line 1"):
        line.span(start, stop)


def test_span_of_lines() -> None:
    text = "Beslutning\nGodkendt.\nBilag\n"
    found = split_lines(text)
    span = span_of(found[:2])
    assert span == Span(first_line=1, last_line=2, begin=0, end=20)
    assert text[span.begin : span.end] == "Beslutning\nGodkendt."
    assert span_of(found[2:]) == Span(3, 3, 21, 26)


def test_span_of_needs_lines_in_order() -> None:
    found = split_lines("a\nb")
    with pytest.raises(ValueError, match="at least one line"):
        span_of([])
    with pytest.raises(ValueError, match="out of order"):
        span_of([found[1], found[0]])


def test_lines_are_frozen() -> None:
    line = split_lines("a")[0]
    with pytest.raises(AttributeError):
        line.text = "b"  # type: ignore[misc]


@given(
    st.lists(st.sampled_from(["a", "æ", " ", "\t", "\n", "\r", "Punkt 1", "\u2028"])).map("".join)
)
def test_every_line_is_the_text_between_its_offsets(text: str) -> None:
    found = split_lines(text)
    for number, line in enumerate(found, 1):
        assert line.number == number
        assert line.text == text[line.begin : line.end]
        assert "\n" not in line.text
        assert line.span().begin == line.begin
        assert line.span().end == line.end
    assert "\n".join(line.text for line in found) == text.removesuffix("\n")
    assert len(found) == (len(text.split("\n")) - text.endswith("\n") if text else 0)
    if found:
        whole = span_of(found)
        assert text[whole.begin : whole.end] == text.removesuffix("\n")
