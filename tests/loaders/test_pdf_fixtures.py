"""The PDF fixtures themselves, read with PDFium's plain text (no layout, not our reader): the
same blocks give the same bytes; every page carries the running header and ``Side N af M``;
long titles wrap onto a second line; body text has hyphenated line breaks; the table of
contents gives each item the page its heading landed on; the metadata is what was asked."""

from __future__ import annotations

import re
from pathlib import Path

import pypdfium2
import pytest

from .pdf_fixtures import Furniture, Para, Typeset, soft_hyphens, typeset
from .pdf_sources import FILLER, blocks_from_markup

FIXTURE = Path(__file__).parent / "pdf_layouts" / "pdfb_byraad.txt"


@pytest.fixture(scope="module")
def byraad() -> Typeset:
    blocks, furniture = blocks_from_markup(FIXTURE.read_text(encoding="utf-8"))
    return typeset(blocks, furniture)


def pages(pdf: bytes) -> list[str]:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return [page.get_textpage().get_text_range().replace("\r\n", "\n") for page in document]
    finally:
        document.close()


def test_same_blocks_same_bytes(byraad: Typeset) -> None:
    blocks, furniture = blocks_from_markup(FIXTURE.read_text(encoding="utf-8"))
    assert typeset(blocks, furniture).pdf == byraad.pdf


def test_metadata_as_asked(byraad: Typeset) -> None:
    document = pypdfium2.PdfDocument(byraad.pdf)
    try:
        meta = document.get_metadata_dict()
    finally:
        document.close()
    assert meta["Title"] == "Referat - Byrådet - 24. juni 2025"
    assert meta["Producer"] == "FirstAgenda Publication 4.2"
    assert meta["Creator"] == "FirstAgenda"
    assert meta["CreationDate"] == "D:20250626091405+02'00'"


def test_every_page_has_header_and_footer(byraad: Typeset) -> None:
    texts = pages(byraad.pdf)
    assert len(texts) == byraad.pages == 28
    for number, text in enumerate(texts, start=1):
        assert "Byrådet 24-06-2025" in text
        assert "Viborg Kommune" in text
        assert f"Side {number} af 28" in text


def test_long_titles_wrap_and_the_toc_gives_their_pages(byraad: Typeset) -> None:
    texts = pages(byraad.pdf)
    assert "3. Budgetopfølgning pr. 31. maj 2025 for drift, anlæg og\nfinansiering" in texts[4]
    toc = texts[1]
    assert re.search(r"\n3\. Budgetopfølgning pr\. 31\. maj 2025 .*\n.*tillægsbevillinger 5\n", toc)
    assert "\n21. Eventuelt 28\n" in toc
    assert byraad.heading_pages["21"] == 28


def test_body_text_has_hyphenated_line_breaks(byraad: Typeset) -> None:
    text = "\n".join(pages(byraad.pdf))
    # PDFium gives a hyphen that ends a line as U+FFFE, and the line break after it not at all
    breaks = re.findall(r"(\w+)(?:-\n|\ufffe\n?)(\w+)", text)
    words = {word for sentence in FILLER for word in re.findall(r"\w+", sentence)}
    joined = [a + b for a, b in breaks if a + b in words]
    assert len(joined) >= 10


def test_soft_hyphens_only_where_reportlab_keeps_the_text() -> None:
    text = "Økonomi & HR: Arbejdsmarked & Integration, beskæftigelsesindsatsen"
    assert soft_hyphens(text).replace("\xad", "") == text
    page = pages(typeset([Para(text)], Furniture()).pdf)[0]
    assert page.startswith(text)
