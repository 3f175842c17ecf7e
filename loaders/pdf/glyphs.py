"""The characters of one PDF page to words with their place and font, read from PDFium.

PDFium gives every character of a page's text layer in content order, with its box, font size,
weight and font name. A word is a run of characters between the spaces and line breaks of PDFium's
text (PDFium adds a space where a gap opens and a line break where the baseline moves); each
word keeps its box (``top`` measured from the top of the page), its font size and whether its
font is bold. How words make lines, columns and tables is decided from their boxes, later.

The calls go straight to ``pypdfium2.raw``: the page's text in one call, then per word the
boxes of its first and last character, its font size, weight and font name. Asking for every
character's box instead is three times slower (about 35 against 110 pages a second).
"""

from __future__ import annotations

import ctypes
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

# Font names with these words are bold whatever their stated weight ("Helvetica-Bold" has none).
_BOLD_NAME = re.compile(rb"bold|black|heavy|demi", re.IGNORECASE)
_BOLD_WEIGHT = 600
_FORCE_BOLD = 1 << 18  # PDF font descriptor flag ForceBold (bit 19)
# PDFium marks a hyphen at the end of a line with U+FFFE and joins the lines: the word ends there.
_HYPHEN = "\ufffe"
_RUN = re.compile("[^\\s\\x00\\ufffe\\uffff\\u200b]+\ufffe?|\ufffe")
_NAME_BUFFER = 96
_SAMPLE = 25  # words asked for their angle
# Ligatures as letters (a word set with "ﬁ" is searched for with "fi"); the bullets of the
# Symbol and Wingdings fonts, which PDFs without a Unicode map give in the private use area,
# as the bullet they are.
_LETTERS = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        **dict.fromkeys(("\uf0b7", "\uf0a7", "\uf06c", "\uf0d8", "\uf076", "\uf0a8"), "•"),
    }
)


@dataclass(slots=True)
class Word:
    """A word of a page: its text, box (points; ``top`` and ``bottom`` from the page's top),
    font size and boldness."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    size: float
    bold: bool


def _is_bold(
    raw: Any, index: int, name: ctypes.Array[ctypes.c_char], flags: ctypes.c_int, flags_ref: Any
) -> bool:
    """The character's font is bold: by its weight, its ForceBold flag or its name."""
    if pdfium_c.FPDFText_GetFontWeight(raw, index) >= _BOLD_WEIGHT:
        return True
    pdfium_c.FPDFText_GetFontInfo(raw, index, name, _NAME_BUFFER, flags_ref)
    return bool(flags.value & _FORCE_BOLD) or _BOLD_NAME.search(name.value) is not None


def _turn(raw: Any, runs: list[re.Match[str]]) -> int:
    """How the page's text is turned, in quarter turns (PDFium's angles: 0, pi/2, pi, 3pi/2),
    by most of a sample of its words: a landscape table on a turned page, for one."""
    step = max(1, len(runs) // _SAMPLE)
    turns = Counter(
        round(pdfium_c.FPDFText_GetCharAngle(raw, run.start()) / (math.pi / 2)) % 4
        for run in runs[::step]
    )
    return turns.most_common(1)[0][0] if turns else 0


def _upright(
    turn: int, width: float, height: float
) -> Callable[[float, float], tuple[float, float]]:
    """The point ``(x, y)`` of the page (upwards, unturned) as ``(x, from the top)`` as the text
    reads, for text turned ``turn`` quarter turns on a page shown ``width`` by ``height``."""
    if turn == 3:
        return lambda x, y: (y, x)
    if turn == 1:
        return lambda x, y: (width - y, height - x)
    if turn == 2:
        return lambda x, y: (width - x, y)
    return lambda x, y: (x, height - y)


def page_words(textpage: Any, width: float, height: float) -> list[Word]:
    """The words of a page in PDFium's order, from its ``pypdfium2.PdfTextPage``; ``width`` and
    ``height`` are the page's size as shown, in points (PDF coordinates run upwards, the
    words' downwards, and on a turned page the words' run as the text reads)."""
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return []
    text = textpage.get_text_range()
    if len(text) != count:  # PDFium left out or added characters: ask for each one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(count))
    runs = list(_RUN.finditer(text))
    turn = _turn(raw, runs)
    upright = _upright(turn, width, height)
    rect = pdfium_c.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    name = ctypes.create_string_buffer(_NAME_BUFFER)
    flags = ctypes.c_int()
    flags_ref = ctypes.byref(flags)
    words: list[Word] = []
    for run in runs:
        first, last = run.start(), run.end() - 1
        if not loose_box(raw, first, rect_ref):
            continue
        corners = [upright(rect.left, rect.bottom), upright(rect.right, rect.top)]
        if last != first and loose_box(raw, last, rect_ref):
            corners += [upright(rect.left, rect.bottom), upright(rect.right, rect.top)]
        xs = [x for x, _ in corners]
        tops = [y for _, y in corners]
        left, right, top, bottom = min(xs), max(xs), min(tops), max(tops)
        if turn == 0:  # the first character's box (a last one may lie below, as "g" does)
            top, bottom = min(tops[:2]), max(tops[:2])
        size = pdfium_c.FPDFText_GetFontSize(raw, first) or (bottom - top)
        letters = run.group().replace(_HYPHEN, "-").translate(_LETTERS)
        bold = _is_bold(raw, first, name, flags, flags_ref)
        words.append(Word(letters, left, right, top, bottom, size, bold))
    return words
