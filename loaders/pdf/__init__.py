"""PDF minutes read directly: text in reading order with the layout used for structure.

:func:`read_pdf` is the entry point (:mod:`loaders.read` calls it for a file that starts with
``%PDF-``). The steps, one module each: :mod:`~loaders.pdf.glyphs` (PDFium's characters to words
with box and font), :mod:`~loaders.pdf.rows` (rows, cells, columns, tables in reading order),
:mod:`~loaders.pdf.furniture` (page headers and footers found by repetition),
:mod:`~loaders.pdf.contents` (a table of contents' page-number column),
:mod:`~loaders.pdf.paragraphs` (wrapped lines, hyphenation, headings, page offsets),
:mod:`~loaders.pdf.metadata` (the PDF's own title, producer and dates),
:mod:`~loaders.pdf.ocr` (scanned pages read by Tesseract, when asked) and
:mod:`~loaders.pdf.document` (opening, limits, errors, the page loop).
"""

from loaders.pdf.document import MAX_PAGES, MAX_PDF_BYTES, PdfText, is_pdf, read_pdf

__all__ = ["MAX_PAGES", "MAX_PDF_BYTES", "PdfText", "is_pdf", "read_pdf"]
