"""Small PDFs drawn for the PDF reader's unit tests, every string at a place the test chooses.

ReportLab's canvas with the standard fonts (Helvetica, Helvetica-Bold: no embedding, Danish
letters in WinAnsi), invariant output, and a fixed creation date. ``wrap`` breaks a paragraph
at a width as a typesetter does, so that a test can put a paragraph or a title on several
lines that really wrap.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

WIDTH, HEIGHT = A4
LEFT, RIGHT = 70.0, WIDTH - 70.0
BODY, BOLD = "Helvetica", "Helvetica-Bold"
CREATED = "D:20250626091405+02'00'"


@dataclass(frozen=True, slots=True)
class Text:
    """A string drawn with its left end at ``x`` (or its right end, ``right``) and its
    baseline ``y`` points from the top of the page."""

    x: float
    y: float
    text: str
    font: str = BODY
    size: float = 10
    right: bool = False


def wrap(text: str, width: float, font: str = BODY, size: float = 10) -> list[str]:
    """``text`` broken into lines no wider than ``width``, word by word."""
    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def paragraph(
    text: str | Sequence[str],
    y: float,
    *,
    x: float = LEFT,
    width: float = RIGHT - LEFT,
    font: str = BODY,
    size: float = 10,
    leading: float = 13,
) -> list[Text]:
    """A paragraph from ``y`` down: ``text`` wrapped at ``width``, or the lines given."""
    lines = wrap(text, width, font, size) if isinstance(text, str) else list(text)
    return [Text(x, y + i * leading, line, font, size) for i, line in enumerate(lines)]


def draw(
    pages: Sequence[Sequence[Text]],
    *,
    title: str = "",
    producer: str = "",
    creator: str = "",
    encrypt: object = None,
) -> bytes:
    """The pages as a PDF's bytes."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, encrypt=encrypt)
    canvas.setDateFormatter(lambda *_: CREATED)
    canvas.setTitle(title)
    canvas.setProducer(producer)
    canvas.setCreator(creator)
    for page in pages:
        for item in page:
            canvas.setFont(item.font, item.size)
            draw_string = canvas.drawRightString if item.right else canvas.drawString
            draw_string(item.x, HEIGHT - item.y, item.text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def furnished(
    pages: Sequence[Sequence[Text]],
    header: str = "Byrådet 24-06-2025",
    logo: str = "Viborg Kommune",
) -> list[list[Text]]:
    """The pages with a running header (``header`` left, ``logo`` right) and a footer
    ``Side N af M`` on each."""
    total = len(pages)
    return [
        [
            Text(LEFT, 40, header, size=8),
            Text(RIGHT, 40, logo, BOLD, 9, right=True),
            *page,
            Text(RIGHT, HEIGHT - 35, f"Side {number} af {total}", size=8, right=True),
        ]
        for number, page in enumerate(pages, start=1)
    ]
