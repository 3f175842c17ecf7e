"""The table of contents: confirms items, is never one, and tells when the text was cut."""

from __future__ import annotations

import pytest

from loaders.model import LoaderError
from loaders.parse import parse_minutes
from loaders.rules.state import ParseState
from loaders.rules.toc import find_toc

TOC = """\
REFERAT Byrådet d. 08-06-2022

Indholdsfortegnelse

Godkendelse af dagsorden.....\t3
Lukket: Salg af grund.....\t4
Lukket:\t5
Meddelelser.....\t6

Punkt 1: Godkendelse af dagsorden
Beslutning
Godkendt.

Punkt 2: Lukket: Salg af grund
00.30.00Ø00-6-22

Punkt 3: Lukket:
00.30.00Ø00-7-22

Punkt 4: Meddelelser
Beslutning
Til efterretning.
"""


def test_entries_under_the_heading() -> None:
    state = ParseState.from_text(TOC)
    assert find_toc(state)
    assert [(e.number, e.title, e.page) for e in state.toc] == [
        (1, "Godkendelse af dagsorden", 3),
        (2, "Salg af grund", 4),
        (3, "", 5),
        (4, "Meddelelser", 6),
    ]
    assert state.toc_lines == range(2, 8)


def test_toc_lines_are_not_items() -> None:
    meeting, layout, notes = parse_minutes(TOC, municipality="Lemvig")
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", False),
        (2, "Salg af grund", True),
        (3, "", True),
        (4, "Meddelelser", False),
    ]
    assert "toc" in layout
    assert not [n for n in notes if "table of contents" in n]


def test_dot_leaders_without_a_heading() -> None:
    text = TOC.replace("Indholdsfortegnelse\n", "")
    state = ParseState.from_text(text)
    assert find_toc(state)
    assert len(state.toc) == 4


def test_numbered_entries_with_tabs() -> None:
    text = "Indholdsfortegnelse\n\n1. JA - Godkendelse af dagsorden\t1\n10. BU - Status\t19\n\nX"
    state = ParseState.from_text(text)
    assert find_toc(state)
    assert [(e.number, e.title) for e in state.toc] == [
        (1, "Godkendelse af dagsorden"),
        (10, "Status"),
    ]


def test_truncated_text_is_an_error() -> None:
    cut = TOC[: TOC.index("Punkt 3")]
    with pytest.raises(
        LoaderError, match="truncated: the table of contents lists 4 items, the text has 2"
    ):
        parse_minutes(cut, municipality="Lemvig")


def test_a_lost_heading_in_the_middle_is_a_note() -> None:
    text = TOC.replace("Punkt 2: Lukket: Salg af grund\n", "")
    meeting, _, notes = parse_minutes(text, municipality="Lemvig")
    assert len(meeting.items) == 3
    assert "the table of contents lists 4 items, the text has 3" in notes
