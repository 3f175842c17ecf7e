"""A PDF file's bytes to its text, page by page, with one clear error for a PDF that cannot be
read.

Recognised by content: ``%PDF-`` within the first kilobyte, as PDF readers accept it. Pages are
read one at a time and released before the next (PDFium keeps the file, not the pages), so
memory follows the largest page and the lines kept for the whole document, not the page count.

Limits (refused with one line, never read in part):

- :data:`MAX_PDF_BYTES`: a PDF of minutes with its attachments runs to some megabytes, scanned
  ones to tens; 150 MB is far beyond minutes and still fits in memory twice.
- :data:`MAX_PAGES`: 2,000 pages, about a minute of reading; a council's minutes with every
  attachment printed in run to a few hundred pages.
- :data:`MAX_TEXT`: 20 million characters of text, the limit of a text file.

Pages without a text layer are read by OCR when asked (``load --ocr``, :mod:`loaders.pdf.ocr`).

Bad PDFs: an encrypted PDF that needs a password, a file cut short (no ``%%EOF`` at its end),
a file PDFium cannot open, and a PDF without a text layer (scanned pages: images only) are
refused, each with its reason. Pages without text in a PDF that has text elsewhere are named in
a note: their text is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from loaders.model import LoaderError, PdfInfo
from loaders.page_evidence import safe_url
from loaders.pdf import ocr
from loaders.pdf.contents import mark_contents
from loaders.pdf.furniture import remove_furniture
from loaders.pdf.glyphs import page_words
from loaders.pdf.metadata import pdf_info
from loaders.pdf.paragraphs import assemble
from loaders.pdf.rows import Line, page_lines, page_rows

MAX_PDF_BYTES = 150_000_000
MAX_PAGES = 2_000
MAX_TEXT = 20_000_000
_MAGIC = b"%PDF-"
_MAGIC_WITHIN = 1024
_END_WITHIN = 2048  # %%EOF stands at the end, perhaps followed by a little padding
_SHOWN_PAGES = 10  # pages named in a note, at most
_TEXT_WIDTH = 0.75


@dataclass(frozen=True, slots=True)
class PdfText:
    """The text read from a PDF, where each page starts in it, its metadata, and notes."""

    text: str
    page_starts: tuple[int, ...]
    info: PdfInfo
    notes: list[str] = field(default_factory=list)
    # An address of the minutes themselves printed in the page headers or footers (a URL with
    # a path, not a site's home page): where they were published, as the PDF states it.
    stated_url: str | None = None


def is_pdf(data: bytes) -> bool:
    """The bytes are a PDF file.

    >>> is_pdf(b"%PDF-1.7\\n..."), is_pdf(b"\\n\\n%PDF-1.4"), is_pdf(b"Referat %PDF-")
    (True, True, False)
    """
    at = data.find(_MAGIC, 0, _MAGIC_WITHIN)
    return at == 0 or (at > 0 and not data[:at].strip(b" \t\r\n\x00\xef\xbb\xbf"))


def _open(data: bytes) -> pdfium.PdfDocument:
    if b"%%EOF" not in data[-_END_WITHIN:]:
        raise LoaderError(
            "truncated PDF: the file ends before the PDF's end marker (%%EOF); "
            "download or save it again"
        )
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise LoaderError(
                "encrypted PDF: it needs a password to open; save a copy without one"
            ) from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise LoaderError("encrypted PDF with a protection PDFium cannot open") from None
        raise LoaderError(
            "broken PDF: its structure cannot be read; save or export it again"
        ) from None


def _ranges(pages: list[int]) -> str:
    shown = ", ".join(str(p) for p in pages[:_SHOWN_PAGES])
    return shown + (f" and {len(pages) - _SHOWN_PAGES} more" if len(pages) > _SHOWN_PAGES else "")


@dataclass(slots=True)
class _Pages:
    """What the page loop found: each page's rows and height, the widest page, the pages
    without text and the pages that could not be read."""

    rows: list[tuple[list[list[Line]], float]] = field(default_factory=list)
    width: float = 0.0
    empty: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    recognised: list[int] = field(default_factory=list)  # by OCR


def _recognise(page: pdfium.PdfPage) -> list[list[Line]]:
    try:
        return page_rows(ocr.page_words(page))
    except ocr.OcrUnavailableError as error:
        raise LoaderError(
            f"cannot recognise text (OCR): {error}; install tesseract-ocr and "
            "tesseract-ocr-dan (make ocr-deps)"
        ) from None


def _read_pages(pdf: pdfium.PdfDocument, count: int, *, recognise: bool = False) -> _Pages:
    """Page by page, each released before the next is read; a page without text recognised
    by OCR when ``recognise``."""
    found = _Pages()
    characters = 0
    for number in range(1, count + 1):
        rows: list[list[Line]] = []
        height = 0.0
        try:
            page = pdf[number - 1]
        except pdfium.PdfiumError:
            found.failed.append(number)
            found.rows.append((rows, height))
            continue
        try:
            width, height = page.get_size()
            found.width = max(found.width, width)
            textpage = page.get_textpage()
            try:
                rows = page_rows(page_words(textpage, width, height))
            finally:
                textpage.close()
            if not rows and recognise:
                rows = _recognise(page)
                if rows:
                    found.recognised.append(number)
        except pdfium.PdfiumError:
            found.failed.append(number)
        finally:
            page.close()
        if not rows and number not in found.failed:
            found.empty.append(number)
        characters += sum(len(s.text) for row in rows for s in row)
        if characters > MAX_TEXT:
            raise LoaderError(
                f"too much text: more than {MAX_TEXT:,} characters by page {number} of {count}"
            )
        found.rows.append((rows, height))
    return found


def read_pdf(data: bytes, *, recognise: bool = False) -> PdfText:
    """The text of a PDF, its pages' offsets in it, its metadata and notes; raises
    :class:`LoaderError` for a PDF that cannot be read (see the module's notes). With
    ``recognise``, pages without a text layer are read by OCR (:mod:`loaders.pdf.ocr`)."""
    if len(data) > MAX_PDF_BYTES:
        raise LoaderError(
            f"too large: {len(data) / 1e6:.1f} MB, "
            f"the limit for a PDF is {MAX_PDF_BYTES / 1e6:.0f} MB"
        )
    pdf = _open(data)
    try:
        count = len(pdf)
        if count > MAX_PAGES:
            raise LoaderError(f"too many pages: {count:,}, the limit is {MAX_PAGES:,}")
        info = pdf_info(pdf, count)
        pages = _read_pages(pdf, count, recognise=recognise)
    finally:
        pdf.close()
    if len(pages.failed) == count:
        raise LoaderError("broken PDF: none of its pages can be read; save or export it again")
    if not any(rows for rows, _ in pages.rows):
        raise LoaderError(
            f"no text layer: the PDF's {count} page{'s' if count != 1 else ''} are images only "
            "(a scanned document?); its text must be recognised first (load --ocr)"
            if not recognise
            else f"no text recognised on the PDF's {count} page{'s' if count != 1 else ''}"
        )
    notes: list[str] = []
    if pages.empty:
        notes.append(
            f"PDF pages without text (scanned?), their text is missing: {_ranges(pages.empty)}"
        )
    if pages.failed:
        notes.append(f"PDF pages that could not be read: {_ranges(pages.failed)}")
    if pages.recognised:
        notes.append(
            "PDF pages without a text layer, read by OCR (the text may hold misread words): "
            + _ranges(pages.recognised)
        )
    kept = remove_furniture(pages.rows)
    furniture = [
        line.text
        for (rows, _), body in zip(pages.rows, kept, strict=True)
        for row in rows
        if not any(row is other for other in body)
        for line in row
    ]
    # Text reaches at least three quarters across a page: margins are narrower than that.
    text, starts = assemble(
        [mark_contents(page_lines(rows)) for rows in kept], min_edge=_TEXT_WIDTH * pages.width
    )
    return PdfText(text, starts, info, notes, stated_url(furniture))


# An address in print: with its scheme, or starting www.; it ends at white space.
_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)


def stated_url(furniture: list[str]) -> str | None:
    """The one address with a path the page headers and footers print, as a safe IRI; None
    where they print none, only a site (``www.lemvig.dk``), or several different ones.

    >>> stated_url(["Side 1 af 3", "https://www.lemvig.dk/politik/referat-8-juni-2022.pdf"])
    'https://www.lemvig.dk/politik/referat-8-juni-2022.pdf'
    >>> stated_url(["www.koege.dk/dagsordener/byraad/2023-05-30.", "Køge Kommune"])
    'https://www.koege.dk/dagsordener/byraad/2023-05-30'
    >>> stated_url(["www.lemvig.dk", "https://lemvig.dk/"]) is None
    True
    """
    found: set[str] = set()
    for text in furniture:
        for match in _ADDRESS.finditer(text):
            address = match.group().rstrip(".,;:)")
            if address.lower().startswith("www."):
                address = "https://" + address
            url = safe_url(address)
            if url is not None and urlsplit(url).path.strip("/"):
                found.add(url)
    return found.pop() if len(found) == 1 else None
