"""A minutes file's bytes to a :class:`~loaders.model.MinutesDocument`, the loader's whole
pipeline: size check, checksum, decoding, normalisation, parsing, then the mentions and the
decisions' outcomes (:mod:`loaders.annotate`).

A PDF (recognised by its content, ``%PDF-``) is read by :mod:`loaders.pdf` instead of decoding
and normalisation: its text comes out already normalised, with the offset where each page
starts (``MinutesDocument.page_starts``) and the PDF's metadata (``SourceInfo.pdf``). A PDF has
a size limit of its own (:data:`loaders.pdf.MAX_PDF_BYTES`): it carries fonts and images
besides its text.
"""

from __future__ import annotations

import hashlib
import re

from loaders.annotate import annotate_meeting
from loaders.decode import decode_bytes
from loaders.model import LoaderError, MinutesDocument, SourceInfo
from loaders.normalize import normalize
from loaders.parse import parse_minutes
from loaders.pdf import MAX_PDF_BYTES, is_pdf, read_pdf

DEFAULT_MAX_BYTES = 20_000_000
PDF = "application/pdf"
# A PDF's text has no one encoding: its fonts map its characters to Unicode.
PDF_ENCODING = "pdf"
_FOLDERS = re.compile(r".*[/\\]")


def _megabytes(size: int) -> str:
    """``52.4 MB``, ``20 MB``: decimal megabytes, as file managers show them."""
    return f"{size / 1_000_000:.1f}".removesuffix(".0") + " MB"


def read_minutes(
    data: bytes,
    name: str,
    *,
    municipality: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    mentions: bool = True,
    ocr: bool = False,
) -> MinutesDocument:
    """Read one minutes file. ``name`` is kept without its folders; ``municipality``, if given,
    wins over what the text says; ``mentions`` False leaves the mentions out (structure only).

    Raises :class:`LoaderError`, and nothing else, for a file that cannot be read as minutes:
    too large, binary, empty, not minutes (neither a meeting header nor agenda items), cut
    short. What could not be read of minutes is left out, never guessed: see the notes.
    ``ocr`` True reads the pages of a PDF that have no text layer (scans) by OCR.

    >>> doc = read_minutes("Punkt 1: Godkendelse\\nBeslutning\\nGodkendt.".encode(), "a/b.txt")
    >>> doc.source.name, doc.source.media_type, doc.meeting.items[0].title
    ('b.txt', 'text/plain', 'Godkendelse')
    """
    size = len(data)
    if is_pdf(data):
        return _read_pdf_minutes(data, name, municipality=municipality, mentions=mentions, ocr=ocr)
    if size > max_bytes:
        raise LoaderError(f"too large: {_megabytes(size)}, the limit is {_megabytes(max_bytes)}")
    text, encoding = decode_bytes(data)
    normalised = normalize(text)
    meeting, layout, notes = parse_minutes(
        normalised.text, municipality=municipality, page_evidence=normalised.page.lines
    )
    annotate_meeting(meeting, mentions=mentions)
    source = SourceInfo(
        name=_FOLDERS.sub("", name),
        sha256=hashlib.sha256(data).hexdigest(),
        size=size,
        encoding=encoding,
        media_type=normalised.media_type,
        stated_url=normalised.page.url,
    )
    return MinutesDocument(
        source=source, text=normalised.text, meeting=meeting, layout=layout, notes=notes
    )


def byte_limit(head: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """The size limit for a file that starts with ``head`` (its first kilobyte or more):
    a PDF's own, else ``max_bytes``.

    >>> byte_limit(b"%PDF-1.7") > byte_limit(b"Referat")
    True
    """
    return max(MAX_PDF_BYTES, max_bytes) if is_pdf(head) else max_bytes


def _read_pdf_minutes(
    data: bytes, name: str, *, municipality: str | None, mentions: bool, ocr: bool
) -> MinutesDocument:
    pdf = read_pdf(data, recognise=ocr)
    text = pdf.text
    meeting, layout, notes = parse_minutes(text, municipality=municipality)
    annotate_meeting(meeting, mentions=mentions)
    source = SourceInfo(
        name=_FOLDERS.sub("", name),
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        encoding=PDF_ENCODING,
        media_type=PDF,
        stated_url=pdf.stated_url,
        pdf=pdf.info,
    )
    return MinutesDocument(
        source=source,
        text=text,
        meeting=meeting,
        layout=layout,
        notes=[*pdf.notes, *notes],
        page_starts=pdf.page_starts,
    )
