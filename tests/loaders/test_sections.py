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


def test_the_labels_are_data() -> None:
    # Every row of loaders/data/section_labels.csv is in the table; keys keep FORMAT.md's names.
    assert SECTION_LABELS["beslutning"] == (
        "beslutning",
        "beslutninger",
        "udvalgets beslutning",
        "beslutning i sagen",
        "udvalgets afgørelse",
        "afgørelse",
    )
    assert SECTION_LABELS["udtalelser"] == ("udtalelser", "udtalelse")
    assert "sagsbehandler" not in {h for hs in SECTION_LABELS.values() for h in hs}
    assert "indhold" not in {h for hs in SECTION_LABELS.values() for h in hs}
    assert {
        "underskrifter",
        "underskriftsside",
        "underskriftside",
        "underskrift",
    } == sections.SECTION_ENDS
    assert {"baggrund", "vurdering", "høring", "formål"} <= sections.WEAK_HEADINGS
    assert "beslutning" not in sections.WEAK_HEADINGS


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("Beslutningstema", "resume"),
        ("Sagens kerne", "resume"),
        ("Beslutningspunkter", "indstilling"),
        ("Beslutninger", "beslutning"),
        ("Historik", "sagens forløb"),
        ("Sagsforløb", "sagens forløb"),
        ("Tidligere beslutninger", "sagens forløb"),
        ("Udtalelse", "udtalelser"),
        ("Høring", "høring"),
        ("Tidsplan", "tidsplan"),
        ("Kommunikation", "kommunikation"),
        ("Forvaltningens indstilling", "indstilling"),
        ("Administrationen indstiller", "indstilling"),
        ("Direktionen indstiller:", "indstilling"),
        ("Problemstilling", "problemstilling"),
        ("Løsning", "løsning"),
        ("Konsekvenser", "konsekvenser"),
        ("Personalemæssige konsekvenser", "personalemæssige konsekvenser"),
        ("Miljømæssige konsekvenser", "miljømæssige konsekvenser"),
        ("Borgerinddragelse", "borgerinddragelse"),
        ("Bevilling", "økonomi"),
        ("Finansiering", "økonomi"),
        ("Retsgrundlag", "lovgrundlag"),
        ("Bilagsliste", "bilag"),
        ("Supplerende sagsfremstilling", "sagsfremstilling"),
        ("Opfølgning", "opfølgning"),
        ("Videre proces", "videre proces"),
        ("Sagsbeskrivelse", "sagsfremstilling"),
        ("Formål", "formål"),
        ("BESLUTNING", "beslutning"),
        ("SAGSFREMSTILLING", "sagsfremstilling"),
        ("Indstilling fra Økonomiudvalget den 14. juni 2023", "indstilling"),
        ("Indstilling fra direktionen", "indstilling"),
        ("Relation til andre udvalg", "relation til"),
        ("Relation til vision og politikker", "vision"),
        ("Byrådets beslutning", "beslutning"),
    ],
)
def test_labels_met_in_the_wild(line: str, key: str) -> None:
    found = match_label(line)
    assert found is not None
    assert [m.key for m in found[1]] == [key]


@pytest.mark.parametrize(
    "line",
    [
        "Sagsbehandler: Jens Hansen",
        "Indhold",
        "Indstilling fra direktionen blev vedtaget.",
        "Relation til andre udvalg er beskrevet nedenfor.",
        "Byrådets beslutning blev anket.",
    ],
)
def test_not_labels_in_the_wild(line: str) -> None:
    assert match_label(line) is None


@pytest.mark.parametrize(
    ("line", "committee", "date_text"),
    [
        ("Økonomiudvalgets beslutning den 14. juni 2023", "Økonomiudvalget", "14. juni 2023"),
        ("Byrådets beslutning den 22-06-2023:", "Byrådet", "22-06-2023"),
        ("Social- og Sundhedsudvalgets beslutning", "Social- og Sundhedsudvalget", None),
        ("Kommunalbestyrelsens beslutning", "Kommunalbestyrelsen", None),
        ("Udvalgets beslutning den 3. maj 2023", None, "3. maj 2023"),
        ("Beslutning i Kommunalbestyrelsen den 17-01-2018", "Kommunalbestyrelsen", "17-01-2018"),
        ("Beslutning Økonomiudvalget 10. maj 2023", "Økonomiudvalget", "10. maj 2023"),
        ("Beslutning (Økonomiudvalget 12-01-2021)", "Økonomiudvalget", "12-01-2021"),
        ("Beslutning - Økonomiudvalget 12-01-2021", "Økonomiudvalget", "12-01-2021"),
        ("Beslutning fra Økonomiudvalget, 12. januar 2021", "Økonomiudvalget", "12. januar 2021"),
        ("Beslutning truffet af Byrådet den 3. maj 2022", "Byrådet", "3. maj 2022"),
        ("Udvalget for Job & Arbejdsmarkeds beslutning", "Udvalget for Job & Arbejdsmarked", None),
    ],
)
def test_decision_labels_name_the_body(
    line: str, committee: str | None, date_text: str | None
) -> None:
    found = match_label(line)
    assert found is not None
    (match,) = found[1]
    assert (match.key, match.committee, match.date_text) == ("beslutning", committee, date_text)


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("Afgørelse", "beslutning"),
        ("Udvalgets afgørelse", "beslutning"),
        ("Byrådets afgørelse den 3. maj 2022", "beslutning"),
        ("Økonomiudvalgets indstilling", "indstilling"),
        ("Økonomiudvalgets anbefaling", "indstilling"),
        ("Bilagsfortegnelse", "bilag"),
        ("Protokoltilførsel", "protokoltilførsel"),
        ("Sagen afgøres af", "kompetence"),
    ],
)
def test_more_labels_met_in_the_wild(heading: str, key: str) -> None:
    found = match_label(heading)
    assert found is not None
    assert [m.key for m in found[1]] == [key]


def test_sagsresume_is_the_resume() -> None:
    for heading in ("Sagsresumé", "SAGSRESUMÉ", "Sagsresume:"):
        found = match_label(heading)
        assert found is not None
        assert [m.key for m in found[1]] == ["resume"]


@pytest.mark.parametrize(
    ("line", "end"),
    [
        ("Underskrifter", True),
        ("Underskriftsside:", True),
        ("UNDERSKRIFTER", True),
        ("Mødet hævet kl. 18.30", True),
        ("Mødet sluttede kl. 17:45.", True),
        ("Mødet blev hævet kl. 20.05", True),
        ("Underskrift af aftalen sker i juni.", False),
        ("Mødet blev holdt på rådhuset.", False),
        ("Beslutning", False),
    ],
)
def test_section_ends(line: str, end: bool) -> None:
    assert sections.is_section_end(line) is end


SIGNED = """\
Punkt 1: Sag
Beslutning
Godkendt.
Mødet hævet kl. 18.30
Underskrifter
Anne Berg
"""


def test_a_signature_block_ends_the_last_decision() -> None:
    meeting, _, _ = parse_minutes(SIGNED, municipality="Lejre")
    (item,) = meeting.items
    assert [s.label for s in item.sections] == ["beslutning"]
    assert item.decision is not None
    assert item.decision.text == "Godkendt."
    assert SIGNED[item.decision.span.begin : item.decision.span.end] == "Beslutning\nGodkendt."


NOTES = """\
Punkt 1: Sag
Beslutning: Godkendt. Fraværende: Bo Berg (V)
Punkt 2: Sag
Beslutning
Anbefales. Ole Dam deltog ikke i behandlingen. Mette Ry (A) stemte imod.
Afbud:
Lis Holm
"""


def test_notes_are_cut_from_the_decision_and_its_span() -> None:
    meeting, _, _ = parse_minutes(NOTES, municipality="Lejre")
    first, second = meeting.items
    assert first.decision is not None
    assert first.decision.text == "Godkendt."
    assert NOTES[first.decision.span.begin : first.decision.span.end] == "Beslutning: Godkendt."
    assert second.decision is not None
    # The sentence in the middle is cut; what stands before and after it stays, a line each.
    assert second.decision.text == "Anbefales.\nMette Ry (A) stemte imod."
    covered = NOTES[second.decision.span.begin : second.decision.span.end]
    assert covered == (
        "Beslutning\nAnbefales. Ole Dam deltog ikke i behandlingen. Mette Ry (A) stemte imod."
    )
    # The decision is its section: the same text and span.
    assert second.sections[0].text == second.decision.text
    assert second.sections[0].span == second.decision.span
    assert [(a.name, a.reason) for a in first.absences] == [("Bo Berg", "fraværende")]
    assert sorted((a.name, a.reason) for a in second.absences) == [
        ("Lis Holm", "afbud"),
        ("Ole Dam", "deltog ikke"),
    ]


def test_a_sentence_about_absence_in_prose_is_text() -> None:
    text = "Punkt 1: Sag\nSagsfremstilling\nOle Dam deltog ikke i mødet med ministeriet.\n"
    meeting, _, _ = parse_minutes(text, municipality="Lejre")
    (item,) = meeting.items
    assert item.sections[0].text == "Ole Dam deltog ikke i mødet med ministeriet."
    assert item.absences == []


def test_an_inline_label_keeps_a_long_paragraph_on_its_line() -> None:
    # Pages converted from HTML print a whole paragraph on the heading's line; the section and
    # its text (with what it cites) must not be lost because the line is long.
    paragraph = "Det er en sag om vejen, jf. planlovens § 19. " * 6
    text = (
        "Teknisk Udvalg\nMødedato: 3. marts 2025\n\n"
        "1. Vejen\n"
        f"Sagsfremstilling: {paragraph.strip()}\n"
        "Beslutning: Godkendt.\n"
    )
    meeting, _, _ = parse_minutes(text, municipality="Køge")
    (item,) = meeting.items
    assert [s.label for s in item.sections] == ["sagsfremstilling", "beslutning"]
    assert item.sections[0].text == paragraph.strip()
    assert item.decision is not None
    assert item.decision.text == "Godkendt."


def test_a_long_line_without_a_heading_is_no_label() -> None:
    line = "Beslutningen blev truffet efter en lang drøftelse, hvor: " + "mange ting " * 15
    assert match_label(line) is None
    found = match_label("Sagsfremstilling: " + ("ord " * 40).strip())
    assert found is not None
    name, (label,) = found
    assert (name, label.key, label.heading) == (
        "inline-labels",
        "sagsfremstilling",
        "Sagsfremstilling",
    )
    assert label.rest == "ord " * 39 + "ord"
