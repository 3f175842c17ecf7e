"""loaders/file_summary.py: what the loader read from a file, in the lines ``load`` prints; and the
loader's notes in Danish (loaders/notes_da.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from loaders.dates import find_dates
from loaders.file_summary import summarise
from loaders.model import Span
from loaders.notes_da import _NOTES_DA, note_da
from loaders.read import read_minutes
from loaders.rules.meeting_date import LINE, DateCandidate, choose_date

SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"

TOC_LOST_HEADING = """REFERAT Økonomiudvalget d. 08-06-2022

Indholdsfortegnelse
1. Godkendelse af dagsorden ........ 1
2. Budget 2023 ........ 2
3. Eventuelt ........ 3

Punkt 1: Godkendelse af dagsorden
Beslutning
Godkendt.

Budget 2023
Beslutning
Anbefalet.

Punkt 3: Eventuelt
Beslutning
Intet.
"""


def test_a_sample_says_where_each_header_field_was_read() -> None:
    path = SEEDS / "004_78f46f7a40cfaabc.txt"
    summary = summarise(read_minutes(path.read_bytes(), path.name))
    assert summary.lines() == [
        "date 2020-01-08 (header, line 11); committee Udvalget for Job & Arbejdsmarked "
        "(header, line 5); municipality Lejre (stated, line 54)",
        "11 items, 11 decisions, 74 sections",
    ]
    assert summary.warnings == ()


def test_the_table_of_contents_is_counted_where_it_differs() -> None:
    doc = read_minutes(TOC_LOST_HEADING.encode(), "toc.txt", municipality="Køge")
    summary = summarise(doc)
    assert summary.toc_entries == 3
    assert summary.lines()[1] == "2 items (3 in the table of contents), 2 decisions, 3 sections"


def test_what_is_missing_is_warned_of_in_english_and_danish() -> None:
    text = "Punkt 1: Godkendelse\nSagsfremstilling\nIntet.\n\nSagsnr.: 22-016257\nÅben\n"
    doc = read_minutes(text.encode(), "bare.txt", municipality="Køge")
    summary = summarise(doc)
    assert summary.lines()[0] == ("date not found; committee not found; municipality Køge (given)")
    assert summary.warnings == (
        "no meeting date found: loaded without a date",
        "no committee found: the meeting hangs on its municipality",
        "no decisions found",
    )
    assert summary.warnings_da == (
        "ingen mødedato fundet: mødet er indlæst uden dato",
        "intet udvalg fundet: mødet hører kun til sin kommune",
        "ingen beslutninger fundet",
    )


LAYOUTS = Path(__file__).parent / "layouts"
# Words of the notes' English wording that Danish has not: none may be left in a Danish note.
_ENGLISH = re.compile(
    r"\b(the|and|of|from|line|more|mentions?|page'?s?|web|date|dates|left|empty|inferred|"
    r"doubtful|read|header|footer|address|items|lists|file|meeting|loaded|missing|not|weekday|"
    r"does|match|without|text has|council|name|title)\b"
)


def _quoted_out(text: str) -> str:
    """The note without what the minutes or page printed (in quotes) or an address."""
    return re.sub(r"'[^']*'|www\.\S+", "", text)


@pytest.fixture(scope="module")
def fixture_notes() -> list[tuple[str, str]]:
    """Every note the loader makes on the five samples and the layout fixtures."""
    found: list[tuple[str, str]] = []
    for path in sorted(LAYOUTS.glob("*.yaml")):
        expected = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "error" in expected:
            continue
        fixture = LAYOUTS / expected["fixture"]
        given = expected.get("given_municipality")
        doc = read_minutes(fixture.read_bytes(), fixture.name, municipality=given)
        found += [(fixture.name, note) for note in doc.notes]
    for path in sorted(SEEDS.glob("*.txt")):
        found += [(path.name, note) for note in read_minutes(path.read_bytes(), path.name).notes]
    return found


def test_every_note_on_the_samples_and_fixtures_has_a_danish_wording(
    fixture_notes: list[tuple[str, str]],
) -> None:
    assert len(fixture_notes) == 34  # on 33 files; one has a date's and a municipality's
    for name, note in fixture_notes:
        danish = note_da(note)
        assert danish is not None, f"{name}: no Danish wording for {note!r}"
        assert danish != note
        assert not _ENGLISH.search(_quoted_out(danish)), f"{name}: English left in {danish!r}"


def test_the_sample_note_in_danish() -> None:
    (note,) = read_minutes((SEEDS / "000_dccc08daabfe9e2b.txt").read_bytes(), "a.txt").notes
    assert note == "municipality inferred from 6 mentions of 'Lemvig Kommune'"
    assert note_da(note) == "kommunen er udledt ud fra 6 omtaler af 'Lemvig Kommune'"


def test_a_lost_heading_note_in_danish() -> None:
    doc = read_minutes(TOC_LOST_HEADING.encode(), "toc.txt", municipality="Køge")
    assert doc.notes == ["the table of contents lists 3 items, the text has 2"]
    assert note_da(doc.notes[0]) == "indholdsfortegnelsen har 3 punkter, teksten 2"


def test_a_weekday_note_in_danish() -> None:
    (found,) = find_dates("tirsdag den 8. juni 2022")  # a Wednesday
    _, note = choose_date([DateCandidate(found, Span(1, 1, 0, 24), LINE, "header")])
    assert (
        note == "the weekday in 'tirsdag den 8. juni 2022' does not match the date; date left empty"
    )
    assert note_da(note) == (
        "ugedagen i 'tirsdag den 8. juni 2022' passer ikke til datoen: mødet har ingen dato"
    )


# The notes no fixture gives, as the loader words them (loaders/rules/municipality_name.py,
# decision_headings.py, loaders/pdf/document.py), with their Danish wording.
NOTES_ELSEWHERE = {
    "municipality doubtful: Lemvig was read, but the text points to Struer (4 mentions of "
    "'Struer Kommune', the postal address '7600 Struer' (line 3) and 2 more)": (
        "kommunen er tvivlsom: Lemvig blev læst, men teksten peger på Struer (4 omtaler af "
        "'Struer Kommune', postadressen '7600 Struer' (linje 3) og 2 til)"
    ),
    "municipality inferred from the page's author: 'Vejle Kommune' and the page's publisher: "
    "'Vejle Kommune'": (
        "kommunen er udledt ud fra sidens forfatter: 'Vejle Kommune' og sidens udgiver: "
        "'Vejle Kommune'"
    ),
    "a decision heading gives a date that does not exist": (
        "en beslutningsoverskrift angiver en dato, der ikke findes"
    ),
    "the weekday of the decision headings' date does not match": (
        "ugedagen i beslutningsoverskrifternes dato passer ikke til datoen"
    ),
    "PDF pages without text (scanned?), their text is missing: 3, 4, 5 and 2 more": (
        "PDF-sider uden tekst (scannede?), deres tekst mangler: side 3, 4, 5 og 2 til"
    ),
    "PDF pages that could not be read: 7": "PDF-sider, der ikke kunne læses: side 7",
    "PDF pages without a text layer, read by OCR (the text may hold misread words): 1, 2": (
        "PDF-sider uden tekstlag, læst med tekstgenkendelse (teksten kan have fejllæste ord): "
        "side 1, 2"
    ),
}


@pytest.mark.parametrize("note", NOTES_ELSEWHERE)
def test_other_notes_in_danish(note: str) -> None:
    danish = note_da(note)
    assert danish == NOTES_ELSEWHERE[note]
    assert not _ENGLISH.search(_quoted_out(danish))


def test_every_kind_of_note_is_tested(fixture_notes: list[tuple[str, str]]) -> None:
    notes = [note for _, note in fixture_notes] + list(NOTES_ELSEWHERE)
    notes += [
        "the table of contents lists 3 items, the text has 2",
        "the weekday in 'x' does not match the date; date left empty",
    ]
    for pattern, _ in _NOTES_DA:
        assert any(pattern.fullmatch(note) for note in notes), pattern.pattern


def test_a_note_of_an_unknown_kind_has_no_danish_wording() -> None:
    assert note_da("the minutes are in Latin") is None
