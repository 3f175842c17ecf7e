"""Attachment (bilag) titles: the lines of an item's Bilag section.

Journal systems decorate the titles: a running number and an access status before them
(``1 Åben De gode historier``), a document number after them or on the next line
(``101128/19``), table cells around them (``| 1 Åben - Lov ... | 97555/19 |``). Only the title is
kept. ``Ingen bilag.`` means there are none.
"""

from __future__ import annotations

import re

from loaders.model import Attachment
from loaders.rules.parse_state import ParseState
from loaders.rules.sections import SectionToken

_NONE = re.compile(
    r"(?:der\s+er\s+)?ingen(?:\s+bilag)?\.?|-|–|intet|ingen\s+bilag\s+til\s+punktet\.?", re.I
)
_DOCUMENT_NUMBER = re.compile(r"\d{2,8}/\d{2}|\d{4,8}")
# "1 Åben ", "2 Lukket - ", "3. ": numbering and access status printed before the title.
_DECORATION = re.compile(
    r"(?:\d{1,3}\s+(?:Åben|Lukket)\b\s*(?:[-–]\s*)?|\d{1,3}[.)]\s+|[•*\-–]\s+)"
)
_CELLS = re.compile(r"\s*[|\t]\s*")


def attachment_title(plain: str) -> str | None:
    """The title on one Bilag line, or None for a line that carries no title.

    >>> attachment_title("1 Åben De gode historier - december 2019")
    'De gode historier - december 2019'
    >>> attachment_title("| 1 Åben - Lov Sociale investeringsfond. | 97555/19 |")
    'Lov Sociale investeringsfond.'
    >>> attachment_title("101128/19") is None
    True
    """
    cells = [c for c in _CELLS.split(plain) if c and not _DOCUMENT_NUMBER.fullmatch(c)]
    if not cells:
        return None
    title = cells[0].strip()
    match = _DECORATION.match(title)
    if match:
        title = title[match.end() :].strip()
    return title or None


def attachments_of(state: ParseState, token: SectionToken) -> list[Attachment]:
    """The attachments listed in a Bilag section: after ``Bilag:`` on its line, and on the
    section's lines."""
    found: list[Attachment] = []
    label = token.label
    if label.rest:
        if _NONE.fullmatch(label.rest):
            return found
        title = attachment_title(label.rest)
        if title:
            found.append(Attachment(title=title, span=state.span_in_line(label.line, title)))
    if token.lines is None:
        return found
    for index in range(token.lines[0], token.lines[1] + 1):
        if state.noise[index] or not state.plain[index] or index in token.skipped:
            continue  # attendance notes among the titles are no titles
        raw = state.lines[index].text.strip()
        if _NONE.fullmatch(state.plain[index]):
            return found  # "Ingen bilag.": what follows is not a list of attachments
        title = attachment_title(raw)  # as printed: the span then covers it exactly
        if title:
            found.append(Attachment(title=title, span=state.span_in_line(index, title)))
    return found
