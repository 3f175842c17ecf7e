"""Text recognition (OCR) of a PDF page without a text layer, with Tesseract, when asked for
(``load --ocr``).

The page is rendered as PDFium shows it (turned pages upright) in grey at :data:`DPI` and given
to the ``tesseract`` program (Debian's ``tesseract-ocr`` with ``tesseract-ocr-dan``, Danish) as
a PGM image on its standard input; its TSV output gives each word with its box, which becomes a
:class:`~loaders.pdf.glyphs.Word` like those of a text layer, so rows, columns, tables, page
headers and paragraphs are read the same way. A scan carries no fonts: every word gets the
page's usual line height as its size and none is bold, so headings are told by their form only
(as in a text file). One Tesseract thread a page (``OMP_THREAD_LIMIT=1``): the loader's worker
processes already use the cores.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
from typing import Any

from loaders.pdf.glyphs import Word

DPI = 200
LANGUAGES = "dan"
TIMEOUT = 300  # seconds for one page
_POINTS = 72
_WORD_LEVEL, _LINE_LEVEL = "5", "4"
# A line's box in a scan reaches from the tallest letter to the lowest: about the font size.
_LINE_TO_SIZE = 1.0


class OcrUnavailableError(Exception):
    """Tesseract (or its Danish data) is not installed."""


def tesseract() -> str:
    """The path of the ``tesseract`` program; :class:`OcrUnavailableError` if it is missing."""
    found = shutil.which("tesseract")
    if found is None:
        raise OcrUnavailableError("tesseract is not installed")
    return found


def _pgm(bitmap: Any) -> bytes:
    """A grey PDFium bitmap as a binary PGM image (rows without the bitmap's padding)."""
    raw = bytes(bitmap.buffer)
    width, stride = bitmap.width, bitmap.stride
    rows = b"".join(raw[y * stride : y * stride + width] for y in range(bitmap.height))
    return f"P5\n{width} {bitmap.height}\n255\n".encode() + rows


def words_from_tsv(tsv: str, scale: float) -> list[Word]:
    """Tesseract's TSV output as words, boxes in points (``scale`` pixels a point).

    >>> tsv = "\\n".join((
    ...     "level\\tpage\\tblock\\tpar\\tline\\tword\\tleft\\ttop\\twidth\\theight\\tconf\\ttext",
    ...     "4\\t1\\t1\\t1\\t1\\t0\\t200\\t100\\t600\\t40\\t-1\\t",
    ...     "5\\t1\\t1\\t1\\t1\\t1\\t200\\t100\\t300\\t40\\t96.1\\tGodkendelse",
    ...     "5\\t1\\t1\\t1\\t1\\t2\\t520\\t104\\t280\\t36\\t95.0\\tdagsorden"))
    >>> [(w.text, w.left, w.right, w.top, w.size) for w in words_from_tsv(tsv, 2.0)]
    [('Godkendelse', 100.0, 250.0, 50.0, 20.0), ('dagsorden', 260.0, 400.0, 52.0, 20.0)]
    """
    found: list[tuple[str, float, float, float, float]] = []
    heights: list[float] = []
    for row in tsv.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12:
            continue
        level, left, top, width, height = cells[0], *(float(c) for c in cells[6:10])
        if level == _LINE_LEVEL:
            heights.append(height)
        elif level == _WORD_LEVEL and cells[11].strip():
            found.append((cells[11].strip(), left, top, width, height))
    if not found:
        return []
    size = statistics.median(heights or [h for *_, h in found]) * _LINE_TO_SIZE / scale
    return [
        Word(text, left / scale, (left + width) / scale, top / scale, (top + height) / scale,
             size, bold=False)
        for text, left, top, width, height in found
    ]  # fmt: skip


def page_words(page: Any) -> list[Word]:
    """The words Tesseract recognises on a ``pypdfium2.PdfPage``; an empty list when it
    recognises none or fails on the page; :class:`OcrUnavailableError` without Tesseract."""
    program = tesseract()
    scale = DPI / _POINTS
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        image = _pgm(bitmap)
    finally:
        bitmap.close()
    environment = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    command = [program, "stdin", "stdout", "-l", LANGUAGES, "--dpi", str(DPI), "tsv"]
    try:
        done = subprocess.run(  # noqa: S603 (a fixed program and arguments, no shell)
            command, input=image, capture_output=True, timeout=TIMEOUT, env=environment,
            check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return []
    if done.returncode != 0:
        if b"Failed loading language" in done.stderr:
            raise OcrUnavailableError(f"Tesseract has no '{LANGUAGES}' language data")
        return []
    return words_from_tsv(done.stdout.decode("utf-8", errors="replace"), scale)
