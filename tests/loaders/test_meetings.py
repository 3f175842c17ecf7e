"""loaders/rules/meetings.py: a second meeting in one file is set aside, and said."""

from __future__ import annotations

import datetime as dt

from loaders.parse import parse_minutes

FIRST = """REFERAT Økonomiudvalget d. 08-06-2022

Punkt 1: Godkendelse af dagsorden
Beslutning
Dagsordenen blev godkendt.

Punkt 2: Budget
Sagsfremstilling
Fristen for høringssvar er 1. august 2022.
Beslutning
Anbefalet.
"""
SECOND = """
REFERAT Økonomiudvalget d. 14-09-2022

Punkt 1: Godkendelse af dagsorden
Beslutning
Godkendt uden bemærkninger.

Punkt 2: Takster
Beslutning
Vedtaget.
"""


def test_the_second_meeting_is_set_aside_with_a_note() -> None:
    meeting, layout, notes = parse_minutes(FIRST + SECOND, municipality="Køge")
    assert meeting.date == dt.date(2022, 6, 8)
    assert [(i.number, i.title) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Budget"),
    ]
    assert meeting.items[1].decision is not None
    assert meeting.items[1].decision.text == "Anbefalet."
    assert notes == [
        "the file holds more than one meeting: only the first (2022-06-08) is loaded; "
        "another (2022-09-14) starts at line 13: load it from a file of its own"
    ]
    assert "several-meetings" in layout


def test_one_meeting_with_dates_in_its_items_is_one_meeting() -> None:
    meeting, layout, notes = parse_minutes(FIRST, municipality="Køge")
    assert len(meeting.items) == 2
    assert notes == []
    assert "several-meetings" not in layout


def test_a_running_header_with_the_same_date_is_no_new_meeting() -> None:
    repeated = (
        FIRST
        + "\nREFERAT Økonomiudvalget d. 08-06-2022\n\nPunkt 3: Eventuelt\nBeslutning\nIntet.\n"
    )
    meeting, _, notes = parse_minutes(repeated, municipality="Køge")
    assert [i.number for i in meeting.items] == [1, 2, 3]
    assert notes == []


def test_numbering_that_goes_on_is_one_agenda() -> None:
    # An agenda whose second half is headed by its own date line, numbering going on.
    text = FIRST + "\nMødedato: 9. juni 2022\n\nPunkt 3: Eventuelt\nBeslutning\nIntet.\n"
    meeting, _, notes = parse_minutes(text, municipality="Køge")
    assert [i.number for i in meeting.items] == [1, 2, 3]
    assert not any("more than one meeting" in note for note in notes)
