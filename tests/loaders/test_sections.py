"""Section labels and the sections they open."""

from __future__ import annotations

import doctest

import pytest

from loaders.parse import parse_minutes
from loaders.rules import sections
from loaders.rules.sections import SECTION_LABELS, match_label


def test_doctests() -> None:
    assert doctest.testmod(sections).failed == 0


def test_every_format_md_key_is_in_the_table() -> None:
    keys = {
        "resume",
        "sagsfremstilling",
        "indstilling",
        "beslutning",
        "lovgrundlag",
        "økonomi",
        "vision",
        "effektvurdering",
        "vurdering",
        "handicappolitik",
        "bilag",
        "sagens forløb",
        "kompetence",
        "høring",
        "kommunikation",
        "tidsplan",
        "baggrund",
    }
    assert keys <= set(SECTION_LABELS)


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("Resume", "resume"),
        ("Resumé", "resume"),
        ("Sagsfremstilling", "sagsfremstilling"),
        ("Sagsfremstilling:", "sagsfremstilling"),
        ("Lovgrundlag og juridisk vurdering", "lovgrundlag"),
        ("Lovgrundlag og tidligere beslutninger", "lovgrundlag"),
        ("Økonomi og finansiering", "økonomi"),
        ("Økonomiske konsekvenser", "økonomi"),
        ("Vision, politikker og strategier", "vision"),
        ("Sammenhæng til vision/politikker", "vision"),
        ("Sagen afgøres endelig af", "kompetence"),
        ("Beslutningskompetence", "kompetence"),
        ("Administrationens vurdering", "vurdering"),
        ("Handicappolitiske konsekvenser", "handicappolitik"),
        ("Sagens forløb", "sagens forløb"),
        ("Høringssvar", "høring"),
        ("Bilag:", "bilag"),
        ("Direktøren for Social/Sundhed og Arbejdsmarked indstiller,", "indstilling"),
        ("Forvaltningen indstiller:", "indstilling"),
    ],
)
def test_label_keys(line: str, key: str) -> None:
    found = match_label(line)
    assert found is not None
    assert [m.key for m in found[1]] == [key]


@pytest.mark.parametrize(
    "line",
    [
        "Økonomi & HR har ingen bemærkninger.",
        "Administrationen indstiller, at Beskæftigelsesudvalget tager punktet til orientering.",
        "Beslutning ikke frigivet",
        "Risiko for light tilsyn",
        "Målgruppe:",
        "Ingen bemærkninger.",
        "resume",
    ],
)
def test_not_labels(line: str) -> None:
    assert match_label(line) is None


def test_glued_labels_are_split() -> None:
    found = match_label("BilagBeslutning")
    assert found is not None
    assert [(m.key, m.heading) for m in found[1]] == [
        ("bilag", "Bilag"),
        ("beslutning", "Beslutning"),
    ]


def test_decision_label_names_committee_and_date() -> None:
    found = match_label("Beslutning Udvalget for Job & Arbejdsmarked den 08-01-2020")
    assert found is not None
    (match,) = found[1]
    assert match.key == "beslutning"
    assert match.committee == "Udvalget for Job & Arbejdsmarked"
    assert match.date_text == "08-01-2020"


def test_inline_label_keeps_its_text() -> None:
    found = match_label("Beslutning: Godkendt.")
    assert found is not None
    assert found[1][0].rest == "Godkendt."


MINUTES = """\
REFERAT Byrådet d. 08-06-2022

Punkt 1: Første sag
Sagsfremstilling

Baggrund

Der er en baggrund.
Side 3

Mere tekst.

Indstilling
Direktionen indstiller:
1. at sagen godkendes
BilagBeslutning
Godkendt.

Punkt 2: Anden sag
Sagsfremstilling
Tekst.
Udtalelser
Ingen.
Beslutning
Godkendt.

Punkt 3: Tredje sag
Sagsfremstilling
Tekst.
Udtalelser
Ingen.
"""


def test_sections_of_an_item() -> None:
    meeting, _, _ = parse_minutes(MINUTES, municipality="Lejre")
    first = meeting.items[0]
    assert [s.label for s in first.sections] == [
        "sagsfremstilling",
        "indstilling",
        "bilag",
        "beslutning",
    ]
    # "Baggrund" directly under "Sagsfremstilling" is its first line, not a section of its own;
    # the page footer is left out of the text; the label line is not part of it.
    assert first.sections[0].text == "Baggrund\n\nDer er en baggrund.\n\nMere tekst."
    assert first.sections[0].heading == "Sagsfremstilling"
    # "Direktionen indstiller:" under "Indstilling" is the section's first line.
    assert first.sections[1].text == "Direktionen indstiller:\n1. at sagen godkendes"
    assert first.sections[2].text == ""
    assert first.decision is not None
    assert first.decision.text == "Godkendt."


def test_labels_of_the_layout_not_in_the_table_are_learned() -> None:
    text = MINUTES.replace("Udtalelser", "Høringssvar fra rådet").replace(
        "Høringssvar fra rådet", "Rådets udtalelse"
    )
    meeting, layout, _ = parse_minutes(text, municipality="Lejre")
    assert [s.label for s in meeting.items[1].sections] == [
        "sagsfremstilling",
        "rådets udtalelse",
        "beslutning",
    ]
    assert "learned-labels" in layout


def test_section_spans_cover_label_and_text() -> None:
    meeting, _, _ = parse_minutes(MINUTES, municipality="Lejre")
    for item in meeting.items:
        for section in item.sections:
            covered = MINUTES[section.span.begin : section.span.end]
            assert covered.startswith(section.heading)
            for line in section.text.splitlines():
                assert line in covered


def test_a_weak_label_after_an_inline_label_with_text_is_a_label() -> None:
    text = "Punkt 1: Sag\nSagsfremstilling: Kort tekst.\nBaggrund\nLang historie.\n"
    meeting, _, _ = parse_minutes(text, municipality="Lejre")
    assert [s.label for s in meeting.items[0].sections] == ["sagsfremstilling", "baggrund"]
