"""The table of contents: confirms items, is never one, and tells when the text was cut."""

from __future__ import annotations

import pytest

from loaders.model import LoaderError
from loaders.parse import parse_minutes
from loaders.rules.parse_state import ParseState
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


GROUPED = """\
Indholdsfortegnelse

A. Sager til afgørelse i byrådet
1. Godkendelse af dagsorden ........ 2
2. Kommuneplantillæg nr. 12 ........ 3
B. Sager til orientering ........ 4
3. Orientering om vinterberedskab ........ 5
Lukkede sager
4. Lukket: Salg af areal ........ 6

1. Godkendelse af dagsorden
"""


def test_group_headings_are_neither_entries_nor_the_end_of_the_table() -> None:
    state = ParseState.from_text(GROUPED)
    assert find_toc(state)
    assert [(e.number, e.title, e.page) for e in state.toc] == [
        (1, "Godkendelse af dagsorden", 2),
        (2, "Kommuneplantillæg nr. 12", 3),
        (3, "Orientering om vinterberedskab", 5),
        (4, "Salg af areal", 6),
    ]
    assert state.toc_lines == range(9)
    assert state.meeting.toc_entries == 4


def test_a_numbered_list_repeated_below_is_a_table_without_pages() -> None:
    text = (
        "Referat\nDagsorden\n1. Godkendelse af dagsorden\n2. Budget 2024\n\n"
        "1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
        "2. Budget 2024\nBeslutning\nGodkendt.\n"
    )
    meeting, _, notes = parse_minutes(text, municipality="Lemvig")
    assert [(i.number, i.title) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Budget 2024"),
    ]
    assert meeting.items[0].span.first_line == 6
    assert meeting.toc_entries == 2
    assert not [n for n in notes if "table of contents" in n]


def test_a_numbered_list_inside_an_item_is_no_table() -> None:
    text = (
        "Referat\n\n1. Mål\nSagsfremstilling\nMålene er:\n1. Flere i job\n2. Færre ledige\n"
        "Indstilling\n1. Flere i job\n2. Færre ledige\nBeslutning\nGodkendt.\n\n"
        "2. Eventuelt\nBeslutning\nIntet.\n"
    )
    meeting, _, _ = parse_minutes(text, municipality="Lemvig")
    assert [(i.number, i.title) for i in meeting.items] == [(1, "Mål"), (2, "Eventuelt")]
    assert meeting.toc_entries == 0


def test_titles_alone_under_a_heading_repeated_below_are_a_table() -> None:
    text = (
        "Referat\nByrådet\nMødedato: 8. juni 2022\n\nDagsorden\nGodkendelse af dagsorden\n"
        "Budget 2024\n\n1. Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
        "2. Budget 2024\nBeslutning\nGodkendt.\n"
    )
    meeting, _, notes = parse_minutes(text, municipality="Lemvig")
    assert [(i.number, i.title, i.span.first_line) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden", 9),
        (2, "Budget 2024", 13),
    ]
    assert (meeting.toc_entries, meeting.kind) == (2, "referat")
    assert not [n for n in notes if "table of contents" in n]


def test_titles_under_a_heading_that_are_not_repeated_are_no_table() -> None:
    state = ParseState.from_text(
        "Dagsorden\nGodkendelse af dagsorden\nBudget 2024\n\nBudget 2024 blev drøftet.\n"
    )
    assert not find_toc(state)
    # the list ends at the first title not printed again below
    state = ParseState.from_text(
        "Indholdsfortegnelse\nBudget 2024\nSkoler\nTakster\n\nBudget 2024\nSkoler\n"
    )
    assert find_toc(state)
    assert [e.title for e in state.toc] == ["Budget 2024", "Skoler"]
    assert not find_toc(ParseState.from_text("Dagsorden\nBudget 2024\nBudget 2024\n"))


def test_toc_entries_of_the_samples_table() -> None:
    meeting, _, _ = parse_minutes(TOC, municipality="Lemvig")
    assert meeting.toc_entries == 4
