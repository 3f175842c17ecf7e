"""Property: whatever paragraphs, headings and labels a PDF's pages hold, reading it gives
every word once, in order (the running header and footer aside, hyphenated words whole), and
each page's text starts at its page start. Two pages at the least: on a single page nothing
repeats, so its header and footer stay."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.pdf import read_pdf

from .drawing import BODY, BOLD, LEFT, RIGHT, Text, draw, furnished, wrap

_VOCABULARY = """udvalget forvaltningen beskæftigelsesindsatsen godkendt Byrådet borgere planen
    økonomi og i til af for med den det at KIT-projektet 2025 kr. 12,5 mio. sagen indstiller
    jobcentret ledige unge år Søndergade (A) § 3, stk. 2 - bilag høring"""
# A hyphen that leaves a compound open comes before "og" (and may end a line).
WORDS = (*_VOCABULARY.split(), "social- og sundhedsudvalget")
PROPERTY = settings(
    max_examples=int(os.environ.get("REFERATGRAF_PDF_EXAMPLES", "30")),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


@st.composite
def blocks(draw_: st.DrawFn) -> tuple[str, str]:
    """``(kind, text)``: a heading, a label or a paragraph of words."""
    kind = draw_(st.sampled_from(("heading", "label", "paragraph", "paragraph")))
    size = {"heading": (2, 12), "label": (1, 2), "paragraph": (1, 60)}[kind]
    words = draw_(st.lists(st.sampled_from(WORDS), min_size=size[0], max_size=size[1]))
    return kind, " ".join(words)


def _page(found: list[tuple[str, str]]) -> list[Text]:
    page: list[Text] = []
    y = 90.0
    for kind, text in found:
        font, size = {"heading": (BOLD, 14), "label": (BOLD, 10)}.get(kind, (BODY, 10))
        for line in wrap(text, RIGHT - LEFT, font, size):
            page.append(Text(LEFT, y, line, font, size))
            y += size * 1.3
        y += 8
    return page


# Each page starts with words of its own: what starts every page alike is furniture.
OPENINGS = ("Alfa", "Bravo", "Charlie", "Delta")


@PROPERTY
@given(st.lists(st.lists(blocks(), min_size=1, max_size=6), min_size=2, max_size=4))
def test_every_word_once_in_order(pages: list[list[tuple[str, str]]]) -> None:
    for number, page in enumerate(pages):
        kind, text = page[0]
        page[0] = (kind, f"{OPENINGS[number]} {text}")
    read = read_pdf(draw(furnished([_page(p) for p in pages])))
    expected = [w for page in pages for _, text in page for w in text.split()]
    assert read.text.split() == expected
    assert len(read.page_starts) == len(pages)
    for start, page in zip(read.page_starts, pages, strict=True):
        first = page[0][1].split()[0]
        assert read.text[start : start + len(first)] == first
