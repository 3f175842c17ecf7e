"""Attachment titles from Bilag sections."""

from __future__ import annotations

import doctest

import pytest

from loaders.parse import parse_minutes
from loaders.rules import attachments
from loaders.rules.attachments import attachment_title


def test_doctests() -> None:
    assert doctest.testmod(attachments).failed == 0


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Brev til landets borgmestre", "Brev til landets borgmestre"),
        ("Bilag - UJAI intro maj- ungeindsatsen", "Bilag - UJAI intro maj- ungeindsatsen"),
        ("1 Åben Årshjul 2020", "Årshjul 2020"),
        ("2 Åben Faktaark_Den Sociale Kapitalfond\t97556/19", "Faktaark_Den Sociale Kapitalfond"),
        ("1. Udkast til regulativ", "Udkast til regulativ"),
        ("- Tidsplan", "Tidsplan"),
        ("97550/19", None),
        ("| | |", None),
    ],
)
def test_attachment_title(line: str, title: str | None) -> None:
    assert attachment_title(line) == title


def test_ingen_bilag_means_none() -> None:
    text = (
        "Punkt 1: Sag\nBilag\nIngen bilag.\nKontaktoplysninger\n\n"
        "Punkt 2: Sag\nBilag: Notat\nPlan\n"
    )
    meeting, _, _ = parse_minutes(text, municipality="Lejre")
    assert meeting.items[0].attachments == []
    assert [a.title for a in meeting.items[1].attachments] == ["Notat", "Plan"]
    for attachment in meeting.items[1].attachments:
        assert text[attachment.span.begin : attachment.span.end] == attachment.title


def test_an_attendance_line_under_the_attachments_is_no_title() -> None:
    text = "Punkt 1: Sag\nBilag\n1 Åben Notat om stier\nFraværende: Bo Berg (V)\n2 Åben Kort\n"
    meeting, _, _ = parse_minutes(text, municipality="Lejre")
    (item,) = meeting.items
    assert [a.title for a in item.attachments] == ["Notat om stier", "Kort"]
    assert item.sections[0].text == "1 Åben Notat om stier\n2 Åben Kort"
    assert [(a.name, a.reason) for a in item.absences] == [("Bo Berg", "fraværende")]
