"""Minutes typeset as PDF files for the loader's tests, the way meeting systems export them.

A document is a list of blocks (:class:`Title`, :class:`ItemHeading`, :class:`Label`,
:class:`Para`, :class:`Toc`, :class:`Grid`, :class:`Columns`, :class:`Break`) and its page
furniture (:class:`Furniture`): a running header (committee and date) at the top of every
page, and a footer with the municipality's name as a text "logo" on the left and ``Side N af M``
on the right. Item titles are set in a bold, larger font and wrap onto a second line when long;
body text is justified with soft hyphens in long words, so some lines end in a hyphenated word
(``beskæf-`` / ``tigelse``); a table of contents has its page numbers in a right-aligned column
of their own, computed from where the items landed; a :class:`Columns` block sets a list in two
columns; a :class:`Grid` is a ruled table.

The output is deterministic: ReportLab's invariant mode and a fixed creation date, so the same
blocks give the same bytes. PDFs are made in the tests (``tmp_path`` or memory), never
committed. :mod:`tests.loaders.pdf_sources` makes blocks from minutes text.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BalancedColumns,
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

# Bitstream Vera, shipped inside ReportLab (so on every machine with the package), embedded
# as TrueType subsets as meeting systems embed their fonts; it has every character of the
# samples (æøå, §, –, •, quotes).
FONT_DIR = Path(reportlab.__file__).parent / "fonts"
FONT, BOLD = "Vera", "Vera-Bold"
CREATED = dt.datetime(2025, 6, 25, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))


@dataclass(frozen=True, slots=True)
class Title:
    """The document's title line, large and bold."""

    text: str


@dataclass(frozen=True, slots=True)
class ItemHeading:
    """An item's heading line, bold and larger; its page is recorded under ``key``."""

    text: str
    key: str = ""


@dataclass(frozen=True, slots=True)
class Label:
    """A section label ("Beslutning"), bold, body size."""

    text: str


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph of body text; ``indent`` in points (list entries)."""

    text: str
    indent: int = 0
    hyphenate: bool = True


@dataclass(frozen=True, slots=True)
class Toc:
    """A table of contents: titles on the left, page numbers in a right-aligned column. An
    entry's page is the printed text, or ``None`` for the page its item's heading (the
    :class:`ItemHeading` with that key) landed on."""

    entries: tuple[tuple[str, str | None, str], ...]  # (title, printed page, heading key)
    heading: str = "Indholdsfortegnelse"


@dataclass(frozen=True, slots=True)
class Grid:
    """A ruled table; the first row bold when ``header``."""

    rows: tuple[tuple[str, ...], ...]
    header: bool = False


@dataclass(frozen=True, slots=True)
class Columns:
    """Lines set in two balanced columns (an attendance list)."""

    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Break:
    """A page break."""


Block = Title | ItemHeading | Label | Para | Toc | Grid | Columns | Break


@dataclass(frozen=True, slots=True)
class Furniture:
    """What every page carries, and the file's metadata."""

    header: str = ""  # the running header: committee and date
    logo: str = ""  # the footer's left side: the municipality's name
    title: str | None = None
    producer: str | None = "FirstAgenda Publication"
    creator: str | None = "FirstAgenda"
    created: dt.datetime = CREATED
    # Layout variants: the page number at the top right instead of the bottom; header and
    # footer mirrored on even pages (as printed for binding); the side margins in mm (a
    # narrow text column wraps and hyphenates more).
    page_in_header: bool = False
    mirrored: bool = False
    margin_mm: float = 20


@dataclass(frozen=True, slots=True)
class Typeset:
    """A typeset PDF: its bytes, its page count and the page each keyed heading landed on."""

    pdf: bytes
    pages: int
    heading_pages: dict[str, int] = field(default_factory=dict)


@functools.cache
def _fonts() -> None:
    pdfmetrics.registerFont(TTFont(FONT, str(FONT_DIR / "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "VeraBd.ttf")))


def _style(name: str, **kwargs: Any) -> ParagraphStyle:
    base: dict[str, Any] = {"fontName": FONT, "fontSize": 10, "leading": 13, "spaceAfter": 4}
    return ParagraphStyle(name, **(base | kwargs))


STYLES = {
    "title": _style("title", fontName=BOLD, fontSize=16, leading=20, spaceAfter=10),
    "item": _style("item", fontName=BOLD, fontSize=14, leading=18, spaceBefore=10, spaceAfter=8),
    "label": _style("label", fontName=BOLD, fontSize=10.5, leading=14, spaceBefore=6),
    "body": _style("body", alignment=TA_JUSTIFY, embeddedHyphenation=1, uriWasteReduce=0.2),
    "plain": _style("plain"),
    "cell": _style("cell", fontSize=9, leading=11, spaceAfter=0),
    "cell-bold": _style("cell-bold", fontName=BOLD, fontSize=9, leading=11, spaceAfter=0),
    "page": _style("page", fontSize=10, leading=13, alignment=TA_RIGHT, spaceAfter=0),
}
_VOWELS = set("aeiouyæøåé")
# A long run of lower-case letters; not one right before "&", "<" or ">": ReportLab drops the
# space between a word with soft hyphens and an entity that follows it ("marked& Integration").
_WORD = re.compile(r"[a-zæøåé]{10,}(?![a-zæøåé])(?!\s*[&<>])")


def soft_hyphens(text: str) -> str:
    """``text`` with soft hyphens (U+00AD) where a long lower-case word may break: before a
    consonant that follows a consonant and precedes a vowel, three letters from either end.

    >>> soft_hyphens("beskæftigelsesindsatsen og job").replace("\\xad", "|")
    'bes|kæf|tigel|sesind|sat|sen og job'
    >>> soft_hyphens("Arbejdsmarked & Integration").replace("\\xad", "|")
    'Arbejdsmarked & Integ|ration'
    """

    def split(match: re.Match[str]) -> str:
        word = match.group()
        out, last = [], 0
        for i in range(3, len(word) - 2):
            a, b, c = word[i - 1], word[i], word[i + 1]
            if a not in _VOWELS and b not in _VOWELS and c in _VOWELS and i - last >= 3:
                out.append(word[last:i])
                last = i
        return "\xad".join([*out, word[last:]])

    return _WORD.sub(split, text)


class _Heading(Paragraph):  # type: ignore[misc]
    """An item heading's paragraph, remembering its key for the page record."""

    key = ""


class _Document(SimpleDocTemplate):  # type: ignore[misc]
    """Records the page each keyed heading lands on."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.heading_pages: dict[str, int] = {}

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (ReportLab's name)
        if isinstance(flowable, _Heading) and flowable.key:
            self.heading_pages.setdefault(flowable.key, self.page)


def _furnished_canvas(furniture: Furniture) -> type[Canvas]:
    """A canvas that draws the header and footer on every page once the page count is known."""

    created = furniture.created
    offset = created.utcoffset() or dt.timedelta()
    hours, minutes = divmod(int(offset.total_seconds()) // 60, 60)
    stamp = f"D:{created:%Y%m%d%H%M%S}{hours:+03d}'{minutes:02d}'"

    class FurnishedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.setDateFormatter(lambda *_: stamp)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._furnish(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _furnish(self, number: int, total: int) -> None:
            width, height = A4
            left, right = 20 * mm, width - 20 * mm
            top, bottom = height - 12 * mm, 12 * mm
            flip = furniture.mirrored and number % 2 == 0

            def near(x: float, text: str) -> None:  # left or right aligned at that edge
                if (x == left) != flip:
                    self.drawString(left, y, text)
                else:
                    self.drawRightString(right, y, text)

            self.saveState()
            self.setFont(FONT, 8.5)
            self.setFillColor(colors.HexColor("#444444"))
            page = f"Side {number} af {total}"
            y = top
            if furniture.header:
                near(left, furniture.header)
                self.line(left, height - 14 * mm, right, height - 14 * mm)
            if furniture.page_in_header:
                near(right, page)
            y = bottom
            if furniture.logo:
                self.setFont(BOLD, 9)
                near(left, furniture.logo)
                self.setFont(FONT, 8.5)
            if not furniture.page_in_header:
                near(right, page)
            self.restoreState()

    return FurnishedCanvas


def _paragraph(text: str, style: str) -> Paragraph:
    return Paragraph(escape(text), STYLES[style])


def _flowables(blocks: Sequence[Block], pages: dict[str, int], margin: float) -> list[Flowable]:
    out: list[Flowable] = []
    width = A4[0] - 2 * margin * mm
    for block in blocks:
        if isinstance(block, Title):
            out.append(_paragraph(block.text, "title"))
        elif isinstance(block, ItemHeading):
            heading = _Heading(escape(block.text), STYLES["item"])
            heading.key = block.key
            out.append(heading)
        elif isinstance(block, Label):
            out.append(_paragraph(block.text, "label"))
        elif isinstance(block, Para):
            text = escape(soft_hyphens(block.text) if block.hyphenate else block.text)
            style = STYLES["body"] if block.hyphenate else STYLES["plain"]
            if block.indent:
                style = ParagraphStyle(f"indent-{block.indent}", style, leftIndent=block.indent)
            out.append(Paragraph(text, style))
        elif isinstance(block, Toc):
            out.append(_paragraph(block.heading, "label"))
            rows = [
                [_paragraph(title, "plain"), _paragraph(page or str(pages.get(key, 0)), "page")]
                for title, page, key in block.entries
            ]
            table = Table(rows, colWidths=[width - 20 * mm, 20 * mm])
            table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
            out.append(table)
        elif isinstance(block, Grid):
            out.append(_grid(block, width))
        elif isinstance(block, Columns):
            lines = [_paragraph(line, "plain") for line in block.lines]
            out.append(BalancedColumns(lines, nCols=2, spaceBefore=2, spaceAfter=6))
        else:
            out.append(PageBreak())
    out.append(Spacer(1, 1))
    return out


def _grid(block: Grid, width: float) -> Table:
    columns = max(len(row) for row in block.rows)
    rows = [
        [
            _paragraph(cell, "cell-bold" if block.header and r == 0 else "cell")
            for cell in (*row, *([""] * (columns - len(row))))
        ]
        for r, row in enumerate(block.rows)
    ]
    # Each column at least as wide as its longest word (no word is broken inside a cell, as
    # no meeting system does), the rest shared by how much text each column holds.
    cells = [[row[c] if c < len(row) else "" for row in block.rows] for c in range(columns)]
    floor = [
        max(pdfmetrics.stringWidth(word, BOLD, 9) for cell in col for word in [*cell.split(), ""])
        + 14
        for col in cells
    ]
    needs = [min(max(len(cell) for cell in col), 60) + 1 for col in cells]
    spare = max(width - sum(floor), 0)
    widths = [low + spare * need / sum(needs) for low, need in zip(floor, needs, strict=True)]
    table = Table(rows, colWidths=widths, repeatRows=1 if block.header else 0)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _build(blocks: Sequence[Block], furniture: Furniture, pages: dict[str, int]) -> Typeset:
    _fonts()
    buffer = io.BytesIO()
    doc = _Document(
        buffer,
        pagesize=A4,
        leftMargin=furniture.margin_mm * mm,
        rightMargin=furniture.margin_mm * mm,
        topMargin=22 * mm,
        bottomMargin=22 * mm,
        invariant=1,
        title=furniture.title or "",
        author="",
        subject="",
        creator=furniture.creator or "",
        producer=furniture.producer or "",
    )
    flowables = _flowables(blocks, pages, furniture.margin_mm)
    doc.build(flowables, canvasmaker=_furnished_canvas(furniture))
    return Typeset(buffer.getvalue(), doc.page, dict(doc.heading_pages))


def typeset(blocks: Sequence[Block], furniture: Furniture = Furniture()) -> Typeset:
    """The blocks as a PDF. A table of contents that takes its page numbers from the headings
    is set twice: first to find the pages, then with them (the numbers take no more room)."""
    first = _build(blocks, furniture, {})
    if not any(isinstance(b, Toc) and any(p is None for _, p, _ in b.entries) for b in blocks):
        return first
    second = _build(blocks, furniture, first.heading_pages)
    if second.heading_pages != first.heading_pages:
        raise AssertionError("the table of contents moved the items it lists")
    return second
