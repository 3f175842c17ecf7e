"""The labels of a meeting header and the dates that are not the meeting's."""

from __future__ import annotations

import doctest

import pytest

from loaders.rules import header_labels
from loaders.rules.header_labels import before_other_date, field_label, is_label, other_date_first


def test_doctests() -> None:
    assert doctest.testmod(header_labels).failed == 0


@pytest.mark.parametrize(
    ("plain", "raw", "found"),
    [
        ("Mødedato Onsdag d. 8. juni 2022", "", ("date", "Onsdag d. 8. juni 2022")),
        ("Dato: 8. juni 2022", "", ("date", "8. juni 2022")),
        ("Dato 8. juni 2022", "Dato\t8. juni 2022", ("date", "8. juni 2022")),
        ("MØDE Torsdag, September 10, 2020", "", ("date", "Torsdag, September 10, 2020")),
        ("Start kl.: 16:30", "", ("start", "16:30")),
        ("STARTTIDSPUNKT 14-11-2019 08:15:00", "", ("start", "14-11-2019 08:15:00")),
        ("Sluttidspunkt:", "", ("end", "")),
        ("Mødet hævet kl. 18.00", "", ("end", "18.00")),
        ("UDVALG", "", ("committee", "")),
        ("Udvalg: Økonomiudvalget", "", ("committee", "Økonomiudvalget")),
        ("Mødeforum Handicaprådet", "", ("committee", "Handicaprådet")),
        ("Kommune: Lejre", "", ("municipality", "Lejre")),
        ("Mødelokale: 2", "", ("place", "2")),
    ],
)
def test_field_label(plain: str, raw: str, found: tuple[str, str]) -> None:
    assert field_label(plain, raw or plain) == found


@pytest.mark.parametrize(
    "plain",
    [
        "Dato for næste møde er ikke fastsat",
        "Møde i Byrådet",
        "Mødelokale 1, Servicecenter, Finderupsvej 9, Skjern",
        "Tidspunktet er flyttet",
        "Datoer for møder i 2020",
        "Udvalget for Job & Arbejdsmarked",
        "Starten på året",
    ],
)
def test_words_that_are_no_label(plain: str) -> None:
    assert field_label(plain, plain) is None


@pytest.mark.parametrize(
    ("plain", "label"),
    [
        ("STED", True),
        ("Medlemmer:", True),
        ("Afbud:", True),
        ("Offentliggjort", True),
        ("DAGSORDEN", True),
        ("MØDEDELTAGERE", True),
        ("Rådhuset, mødelokale 1", False),
        ("Økonomiudvalget", False),
        ("BYRÅDET", False),
        ("Afbud: Hans Jensen (A)", False),
        ("16:30", False),
    ],
)
def test_is_label(plain: str, label: bool) -> None:
    assert is_label(plain, plain) is label


@pytest.mark.parametrize(
    ("plain", "kept", "first"),
    [
        ("Offentliggjort: 20-11-2019", "Offentliggjort: 20-11-2019", True),
        (
            "Dato for offentliggørelse 20. november 2019",
            "Dato for offentliggørelse 20. november 2019",
            True,
        ),
        ("Næste møde: 12-12-2019", "Næste møde: 12-12-2019", True),
        ("Frist for spørgsmål: 23. januar 2023", "Frist for spørgsmål: 23. januar 2023", True),
        ("Referat godkendt 20-11-2019", "Referat", False),
        ("Mødedato 14-11-2019 (senest opdateret 20-11-2019)", "Mødedato 14-11-2019", False),
        ("Mødedato 14-11-2019", "Mødedato 14-11-2019", False),
        ("Fristen for ansøgning", "Fristen for ansøgning", False),
    ],
)
def test_dates_that_are_not_the_meetings(plain: str, kept: str, first: bool) -> None:
    assert before_other_date(plain) == kept
    assert other_date_first(plain) is first
