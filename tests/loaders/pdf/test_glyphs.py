"""loaders.pdf.glyphs: words with their boxes and fonts as PDFium gives them."""

from __future__ import annotations

import functools
import io

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from loaders.pdf.glyphs import Word, page_words

from .drawing import BOLD, LEFT, Text, draw

DEJAVU = "/usr/share/fonts/truetype/dejavu"  # Debian's fonts-dejavu-core


@functools.cache
def _dejavu() -> None:
    pdfmetrics.registerFont(TTFont("DejaVuSans", f"{DEJAVU}/DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", f"{DEJAVU}/DejaVuSans-Bold.ttf"))


def _words(page: list[Text]) -> list[Word]:
    pdf = pdfium.PdfDocument(draw([page]))
    try:
        first = pdf[0]
        return page_words(first.get_textpage(), *first.get_size())
    finally:
        pdf.close()


def test_words_boxes_sizes_and_bold_by_font_name() -> None:
    words = _words([Text(LEFT, 100, "Punkt 3:", BOLD, 14), Text(LEFT + 100, 100, "Økonomi")])
    assert [(w.text, w.size, w.bold) for w in words] == [
        ("Punkt", 14, True),
        ("3:", 14, True),
        ("Økonomi", 10, False),
    ]
    first = words[0]
    assert first.left == LEFT
    assert first.top < 100 < first.bottom  # the baseline lies inside the word's box
    assert words[2].left == LEFT + 100
    assert words[1].right < words[2].left


def test_bold_by_weight_and_ligatures_as_letters() -> None:
    """An embedded TrueType font: bold from its weight; "ﬁ" read as "fi"."""
    _dejavu()
    page = [
        Text(LEFT, 100, "Beslutning", "DejaVuSans-Bold"),
        Text(LEFT, 120, "Re\ufb01nansiering af lån", "DejaVuSans"),
    ]
    assert [(w.text, w.bold) for w in _words(page)] == [
        ("Beslutning", True),
        ("Refinansiering", False),
        ("af", False),
        ("lån", False),
    ]


def test_an_empty_page_has_no_words() -> None:
    assert _words([]) == []


def _turned(rotation: int) -> bytes:
    """A page shown turned by ``rotation`` degrees whose text is drawn turned back, so that it
    reads upright on screen (as a landscape table on a turned page does)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setPageRotation(rotation)
    width, height = A4
    user = (height, width) if rotation in (90, 270) else (width, height)  # as ReportLab writes
    for x, top, text in ((70, 60, "Budget"), (300, 60, "5.812,4"), (70, 780, "Nederst")):
        canvas.saveState()
        if rotation == 0:
            canvas.translate(x, user[1] - top)
        elif rotation == 90:
            canvas.translate(top, x)
        elif rotation == 180:
            canvas.translate(user[0] - x, top)
        else:
            canvas.translate(user[0] - top, user[1] - x)
        canvas.rotate(rotation)
        canvas.setFont("Helvetica", 10)
        canvas.drawString(0, 0, text)
        canvas.restoreState()
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_a_turned_page_reads_as_shown(rotation: int) -> None:
    pdf = pdfium.PdfDocument(_turned(rotation))
    try:
        page = pdf[0]
        assert page.get_rotation() == rotation
        words = page_words(page.get_textpage(), *page.get_size())
    finally:
        pdf.close()
    placed = {w.text: (round(w.left), round(w.bottom)) for w in words}
    # left edges as drawn; a baseline's box reaches a little below it
    assert [(text, x) for text, (x, _) in placed.items()] == [
        ("Budget", 70),
        ("5.812,4", 300),
        ("Nederst", 70),
    ]
    assert 60 < placed["Budget"][1] <= 64
    assert 780 < placed["Nederst"][1] <= 784
