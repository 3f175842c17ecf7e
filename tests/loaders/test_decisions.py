"""Decisions of this meeting's committee and of others; earlier treatments (sagens forløb)."""

from __future__ import annotations

import datetime as dt

import pytest

from loaders.parse import parse_minutes
from loaders.rules.decisions import _treatment_head, same_committee, without_notes

SHARED = """\
Udvalget for Job & Arbejdsmarked
REFERAT
Dato: Onsdag den 8. januar 2020

1. BU - Fælles sag
00.16.00.G00
Beslutning Udvalget for Børn & Ungdom den 07-01-2020
Taget til efterretning.
Afbud:
Lotte Greve (V)

Beslutning Udvalget for Job og Arbejdsmarked den 08-01-2020
Godkendt.

Sagens forløb
02-05-2022 Udvalget for Erhverv, Klima og Lokal udvikling - 2022-2025
Beslutning ikke frigivet
Økonomiudvalget den 3. maj 2022
Taget til efterretning
"""


def test_the_own_committee_decides_the_others_are_other_decisions() -> None:
    meeting, layout, _ = parse_minutes(SHARED, municipality="Lejre")
    item = meeting.items[0]
    assert item.decision is not None
    assert (item.decision.committee, item.decision.date, item.decision.text) == (
        "Udvalget for Job og Arbejdsmarked",
        dt.date(2020, 1, 8),
        "Godkendt.",
    )
    [other] = item.other_decisions
    assert other.committee == "Udvalget for Børn & Ungdom"
    assert other.date == dt.date(2020, 1, 7)
    # The Afbud block is an attendance note of the other committee's meeting: neither that
    # decision's text nor an absence of this item.
    assert other.text == "Taget til efterretning."
    assert item.absences == []
    assert "named-decisions" in layout


def test_treatments_either_way_round() -> None:
    meeting, _, _ = parse_minutes(SHARED, municipality="Lejre")
    treatments = meeting.items[0].treatments
    assert [(t.committee, t.date, t.text) for t in treatments] == [
        (
            "Udvalget for Erhverv, Klima og Lokal udvikling",
            dt.date(2022, 5, 2),
            "Beslutning ikke frigivet",
        ),
        ("Økonomiudvalget", dt.date(2022, 5, 3), "Taget til efterretning"),
    ]


def test_without_named_decisions_the_first_is_the_decision() -> None:
    text = "Punkt 1: Sag\nBeslutning\nGodkendt.\n"
    meeting, _, _ = parse_minutes(text, municipality="Lejre")
    item = meeting.items[0]
    assert item.decision is not None
    assert (item.decision.committee, item.decision.date) == (None, None)
    assert item.other_decisions == []


def test_no_decision_section_no_decision() -> None:
    meeting, _, _ = parse_minutes("Punkt 1: Sag\nSagsnr: 22-000001\n", municipality="Lejre")
    assert meeting.items[0].decision is None


def test_same_committee() -> None:
    assert same_committee("Udvalget for Børn og Ungdom - 2022-2025", "Udvalget for Børn & Ungdom")
    assert not same_committee("Byrådet", "Økonomiudvalget")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Økonomiudvalget den 16.09.2024: Anbefalet.",
            ("Økonomiudvalget", "2024-09-16", "Anbefalet."),
        ),
        (
            "Teknik- og Miljøudvalget, 12. august 2024:",
            ("Teknik- og Miljøudvalget", "2024-08-12", ""),
        ),
        ("Magistraten den 2. september 2024", ("Magistraten", "2024-09-02", "")),
        (
            "Behandlet i Økonomiudvalget den 4. september 2024",
            ("Økonomiudvalget", "2024-09-04", ""),
        ),
        ("21.08.2024 Økonomiudvalget", ("Økonomiudvalget", "2024-08-21", "")),
        ("Udvalget godkendte den 4. september 2024 planen.", None),
        ("Byggeriet startede den 4. september 2024.", None),
    ],
)
def test_treatment_heads(line: str, expected: tuple[str, str, str] | None) -> None:
    found = _treatment_head(line)
    if expected is None:
        assert found is None
        return
    assert found is not None
    committee, date, text = found
    assert (committee, date.isoformat() if date else None, text) == expected


def test_a_treatment_keeps_no_attendance_note() -> None:
    text = SHARED.replace(
        "Økonomiudvalget den 3. maj 2022\nTaget til efterretning\n",
        "Økonomiudvalget den 3. maj 2022: Taget til efterretning. Fraværende: Eva Holm (V)\n"
        "Bo Lund deltog ikke i behandlingen af punktet.\n",
    )
    meeting, _, _ = parse_minutes(text, municipality="Lejre")
    treatment = meeting.items[0].treatments[-1]
    assert (treatment.committee, treatment.text) == ("Økonomiudvalget", "Taget til efterretning.")
    # notes of another body's meeting: no absence from this item either
    assert meeting.items[0].absences == []


def test_without_notes() -> None:
    assert without_notes("Godkendt. Ole Berg (O) deltog ikke i behandlingen.") == "Godkendt."
    assert without_notes("Fraværende: Eva Holm (V)") == ""
    assert without_notes("Godkendt med 5 stemmer mod 2.") == "Godkendt med 5 stemmer mod 2."
