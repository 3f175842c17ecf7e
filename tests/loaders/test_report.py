"""loaders/report.py: what the loader read from a file, in the lines ``load`` prints."""

from __future__ import annotations

from pathlib import Path

from loaders.read import read_minutes
from loaders.report import summarise

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
