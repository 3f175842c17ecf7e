"""Repair of extraction damage: run-together pages split again, page-number prefixes removed;
text without the damage is never touched."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import extraction
from loaders.decode import decode_bytes
from loaders.extraction import (
    is_run_together,
    repair_extraction,
    running_header_words,
    split_run_together,
    strip_page_prefixes,
)
from loaders.markdown_text import markdown_to_text
from loaders.normalize import clean_characters, detect_media_type
from loaders.parse import parse_minutes

SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"


def test_doctests() -> None:
    assert doctest.testmod(extraction).failed == 0


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_the_samples_show_no_damage(path: Path) -> None:
    # the repair returns the very same text: the samples' normalised text is byte-identical
    text = clean_characters(decode_bytes(path.read_bytes())[0])
    if detect_media_type(text) == "text/markdown":
        text = clean_characters(markdown_to_text(text))
    assert repair_extraction(text) is text


PAGE = (
    "Punkt 4: Orientering om trafik Sagsnr.: 22-016257 Sagsfremstilling Forvaltningen "
    "orienterer om trafikken. " + "Der er flere biler end sidste år. " * 10 + "Indstilling "
    "Forvaltningen indstiller, at orienteringen tages til efterretning. Beslutning Taget til "
    "efterretning. 5. Eventuelt Beslutning: Intet. Side 3 af 9"
)


def test_a_run_together_page_is_split_at_headings_labels_and_page_markers() -> None:
    assert is_run_together(PAGE)
    parts = split_run_together(PAGE)
    assert [p[:28] for p in parts] == [
        "Punkt 4: Orientering om traf",
        "Sagsnr.: 22-016257",
        "Sagsfremstilling",
        "Forvaltningen orienterer om ",
        "Indstilling",
        "Forvaltningen indstiller, at",
        "Beslutning",
        "Taget til efterretning.",
        "5. Eventuelt",
        "Beslutning: Intet.",
        "Side 3 af 9",
    ]
    assert " ".join(parts) == PAGE  # nothing lost, nothing added but line breaks


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        # a glued heading in damaged text
        (
            "Beslutning Godkendt Referat4. Budget for 2024 Beslutning Godkendt. " + "x " * 200,
            ["Beslutning", "Godkendt Referat", "4. Budget for 2024", "Beslutning", "Godkendt."],
        ),
        # numbers after abbreviations and dates are not headings
        (
            "Punkt 1: Møde Beslutning Mødet sluttede kl. 15. Mødet blev holdt den 3. "
            "Marts. 3. Juni var en dag. Sagsnr.: 1 " + "x " * 200,
            [
                "Punkt 1: Møde",
                "Beslutning",
                "Mødet sluttede kl. 15. Mødet blev holdt den 3. Marts. 3. Juni var en dag.",
                "Sagsnr.: 1",
            ],
        ),
    ],
)
def test_split_points(line: str, parts: list[str]) -> None:
    found = split_run_together(line)[: len(parts)]
    assert found[:-1] == parts[:-1]
    assert found[-1].startswith(parts[-1] + " x x")  # the padding runs on


def test_a_long_paragraph_is_not_damage() -> None:
    paragraph = "Beslutning om budgettet blev truffet i juni, jf. bilag 3. " * 20
    assert not is_run_together(paragraph)
    assert repair_extraction(paragraph) is paragraph


def test_running_header_found_by_repetition() -> None:
    titles = ["Budget", "Takster", "Skoler", "Eventuelt"]
    pages = [
        f"Byrådet 1{n}-03-2024 Punkt {n}: {t} Sagsnr.: 1 Beslutning Godkendt. Side {n} af 4"
        for n, t in enumerate(titles, start=1)
    ]
    assert running_header_words(pages) == 4  # "Byrådet #-#-# Punkt #:", digits masked
    assert split_run_together(pages[1], 4, first=False)[:2] == [
        "Byrådet 12-03-2024",
        "Punkt 2: Takster",
    ]
    assert running_header_words(pages[:2]) == 0  # too few pages to tell


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            ["3 | Tekst", "3 | Mere", "3 | Sidst", "4 | Ny side", "4 | Tekst", "4 | Slut"],
            ["Tekst", "Mere", "Sidst", "Ny side", "Tekst", "Slut"],
        ),
        # item numbers change on every heading: not page numbers
        (["1 Budget", "Godkendt.", "2 Takster", "Godkendt.", "3 Eventuelt", "Intet."], None),
        # going down: not page numbers
        (["2 a", "2 b", "2 c", "1 d", "1 e", "1 f"], None),
        # a table of figures
        (["2020 120", "2021 130", "2022 140", "2023 150", "2024 160", "2025 170"], None),
    ],
)
def test_page_prefixes(lines: list[str], expected: list[str] | None) -> None:
    assert strip_page_prefixes(lines) == expected


# --- properties: damage and repair keep the items ---

ITEMS = [
    ("Godkendelse af dagsorden", "Godkendt."),
    ("Budgetopfølgning", "Taget til efterretning."),
    ("Anlægsbevilling til skolen", "Anbefalet."),
    ("Takster for 2025", "Godkendt med bemærkninger."),
    ("Eventuelt", "Intet."),
]
BODY = "Forvaltningen har udarbejdet en sag om emnet. " * 6


def _item(n: int, title: str, decision: str) -> list[str]:
    return [
        f"Punkt {n}: {title}",
        f"Sagsnr.: 24-00{n}",
        "Sagsfremstilling",
        BODY.strip(),
        "Beslutning",
        decision,
    ]


@settings(max_examples=40, deadline=None)
@given(
    count=st.integers(2, len(ITEMS)),
    per_page=st.integers(8, 16),
    prefixes=st.booleans(),
    markers=st.booleans(),
)
def test_damage_and_repair_keep_the_items(
    count: int, per_page: int, prefixes: bool, markers: bool
) -> None:
    lines = ["Referat", "Økonomiudvalget", "Mødedato: 12. marts 2024"]
    for n, (title, decision) in enumerate(ITEMS[:count], start=1):
        lines.extend(_item(n, title, decision))
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    if markers:
        pages = [[*page, f"Side {p} af {len(pages)}"] for p, page in enumerate(pages, start=1)]
    if prefixes:
        damaged = "\n".join(f"{p} {line}" for p, page in enumerate(pages, 1) for line in page)
    else:
        damaged = "\n".join(" ".join(page) for page in pages)
    meeting, _, _ = parse_minutes(repair_extraction(damaged) + "\n", municipality="Køge")
    found = [(i.number, i.title, i.decision.text if i.decision else None) for i in meeting.items]
    assert found == [(n, t, d) for n, (t, d) in enumerate(ITEMS[:count], start=1)]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Beslutning", "Side 1 af 2", "2 Godkendt."], ["Beslutning", "Side 1 af 2", "Godkendt."]),
        (  # past the page's running header; a label and another number too
            ["Tekst.", "Side 3 af 9", "Byrådet 12-03-2024", "4 BESLUTNING", "Side 4", "5 1. at"],
            ["Tekst.", "Side 3 af 9", "Byrådet 12-03-2024", "BESLUTNING", "Side 4", "1. at"],
        ),
    ],
)
def test_page_numbers_glued_after_a_footer_are_removed(
    lines: list[str], expected: list[str]
) -> None:
    assert extraction.strip_glued_page_numbers(lines) == expected


@pytest.mark.parametrize(
    "lines",
    [
        ["Tekst.", "Side 1 af 2", "2 Godkendelse af dagsorden"],  # item 2 may start page 2
        ["Tekst.", "Side 1 af 2", "3 Godkendt."],  # not the next page's number
        ["Tekst.", "2 Godkendt."],  # no footer: nothing says it is a page number
    ],
)
def test_numbers_that_may_be_headings_stay(lines: list[str]) -> None:
    assert extraction.strip_glued_page_numbers(lines) is None
