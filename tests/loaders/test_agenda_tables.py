"""Agenda items printed as rows of a table (a decision register) are read as items."""

from __future__ import annotations

import doctest

from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import agenda_tables
from loaders.agenda_tables import expand_agenda_tables, expand_in_text
from loaders.parse import parse_minutes

HEADER = "Kultur- og Fritidsudvalget\nMødedato: 7. juni 2021\n\n"


def test_doctests() -> None:
    assert doctest.testmod(agenda_tables).failed == 0


def test_a_register_in_a_text_file() -> None:
    text = HEADER + (
        "Nr.\tSag\tSagsnr.\tBeslutning\n"
        "1\tGodkendelse af dagsorden\t\tGodkendt.\n"
        "2.\tTilskud til foreninger\t21/3456\tUdsat.\n"
        "\nReferent: Ole Berg\n"
    )
    meeting, _, _ = parse_minutes(expand_in_text(text), municipality="Middelfart")
    assert [(i.number, i.title) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Tilskud til foreninger"),
    ]
    assert [i.decision.text if i.decision else None for i in meeting.items] == [
        "Godkendt.",
        "Udsat.",
    ]
    assert [c.raw for c in meeting.items[1].case_numbers] == ["21/3456"]


def test_other_tables_are_left_as_they_are() -> None:
    for rows in (
        ["År\tAntal", "2020\t412"],  # figures
        ["Nr.\tSag\tBemærkning", "1\tBudget\tSe bilag"],  # a column that is no section
        ["Sag\tBeslutning", "Budget\tGodkendt."],  # no number column
        ["Nr.\tSag\tBeslutning", "Punkt et\tBudget\tGodkendt."],  # no number in the row
    ):
        assert expand_agenda_tables(rows) is None, rows


_TITLES = st.sampled_from(["Budget 2022", "Eventuelt", "Lokalplan 12", "Orientering"])
_DECISIONS = st.sampled_from(["Godkendt.", "Udsat.", "Taget til efterretning."])


@settings(max_examples=60, deadline=None, derandomize=True, database=None)
@given(st.lists(st.tuples(_TITLES, _DECISIONS), min_size=1, max_size=8))
def test_every_row_is_its_item(rows: list[tuple[str, str]]) -> None:
    table = ["Pkt.\tTitel\tBeslutning"] + [
        f"{n}\t{title}\t{decision}" for n, (title, decision) in enumerate(rows, start=1)
    ]
    meeting, _, _ = parse_minutes(
        expand_in_text(HEADER + "\n".join(table) + "\n"), municipality="Middelfart"
    )
    assert [(i.number, i.title) for i in meeting.items] == [
        (n, title) for n, (title, _) in enumerate(rows, start=1)
    ]
    assert [i.decision.text if i.decision else "" for i in meeting.items] == [d for _, d in rows]
