"""Bad PDFs get one clear LoaderError each: cut short, encrypted, broken, image only, too many
pages, too large, too much text. A PDF only protected against changes is read, and pages
without text in a PDF with text are named in a note."""

from __future__ import annotations

import io
import time

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

from loaders.model import LoaderError
from loaders.pdf import document, read_pdf
from loaders.read import read_minutes

from .drawing import BOLD, LEFT, Text, draw

PAGE = [
    Text(LEFT, 90, "1. Godkendelse af dagsorden", BOLD, 14),
    Text(LEFT, 115, "Beslutning", BOLD, 10),
    Text(LEFT, 130, "Godkendt."),
]
TEXT = "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n"


def _error(data: bytes) -> str:
    with pytest.raises(LoaderError) as caught:
        read_minutes(data, "x.pdf")
    return str(caught.value)


def test_a_file_cut_short() -> None:
    data = draw([PAGE, PAGE])
    assert _error(data[: len(data) * 2 // 3]) == (
        "truncated PDF: the file ends before the PDF's end marker (%%EOF); "
        "download or save it again"
    )


def test_a_pdf_that_needs_a_password() -> None:
    data = draw([PAGE], encrypt=StandardEncryption("hemmelig", "ejer"))
    assert _error(data) == "encrypted PDF: it needs a password to open; save a copy without one"


def test_a_pdf_protected_only_against_changes_is_read() -> None:
    data = draw([PAGE], encrypt=StandardEncryption("", "ejer", canModify=0, canCopy=0))
    assert read_pdf(data).text == TEXT


def test_a_broken_pdf() -> None:
    data = b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
    assert _error(data) == "broken PDF: its structure cannot be read; save or export it again"


def _scanned(pages: int) -> bytes:
    """Pages with drawings only (a scanned page is an image: no text layer either)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    for _ in range(pages):
        canvas.rect(70, 300, 400, 300, fill=1)
        canvas.line(70, 700, 500, 700)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_a_pdf_without_a_text_layer() -> None:
    assert _error(_scanned(2)) == (
        "no text layer: the PDF's 2 pages are images only (a scanned document?); "
        "its text must be recognised first (load --ocr)"
    )


def test_pages_without_text_are_named() -> None:
    read = read_pdf(draw([PAGE, [], PAGE, []]))
    assert read.notes == ["PDF pages without text (scanned?), their text is missing: 2, 4"]
    assert read.text == TEXT + "\n" + TEXT
    assert read.page_starts == (0, len(TEXT) + 1, len(TEXT) + 1, len(read.text))


def test_too_many_pages_is_refused_before_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "MAX_PAGES", 2)
    assert _error(draw([PAGE, PAGE, PAGE])) == "too many pages: 3, the limit is 2"


def test_a_pdf_of_thousands_of_pages_is_refused_at_once() -> None:
    data = draw([[Text(LEFT, 90, "Bilag")]] * (document.MAX_PAGES + 1))
    started = time.perf_counter()
    assert _error(data) == "too many pages: 2,001, the limit is 2,000"
    assert time.perf_counter() - started < 2  # no page was read


def test_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    data = draw([PAGE])
    monkeypatch.setattr(document, "MAX_PDF_BYTES", len(data) - 1)
    limit = (len(data) - 1) / 1e6
    assert _error(data) == (
        f"too large: {len(data) / 1e6:.1f} MB, the limit for a PDF is {limit:.0f} MB"
    )


def test_too_much_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "MAX_TEXT", 100)  # a page has 46 characters
    assert _error(draw([PAGE, PAGE, PAGE])) == (
        "too much text: more than 100 characters by page 3 of 3"
    )


def test_a_pdf_larger_than_a_text_file_may_be_is_read() -> None:
    """The text limit is not the PDF's: a PDF over ``max_bytes`` is read."""
    data = draw([PAGE])
    assert read_minutes(data, "x.pdf", max_bytes=len(data) // 2, mentions=False).text == TEXT
