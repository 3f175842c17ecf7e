"""loaders.pdf.glyphs: words with their boxes and fonts as PDFium gives them."""

from __future__ import annotations

import functools

import pypdfium2 as pdfium
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

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
        return page_words(first.get_textpage(), first.get_height())
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
