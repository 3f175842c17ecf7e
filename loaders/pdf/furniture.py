"""Running page headers and footers, found by repetition across the pages of one PDF.

A meeting system prints the same few lines at the top or bottom of every page: the committee
and the date, the municipality's name from its logo, ``Side 3 af 28``. Such a line is found by
what makes it furniture, not by its wording: near the same edge of many pages the same text
stands, its digits aside (``Side 3 af 28`` and ``Side 4 af 28`` are one line; so are a date
and a page number that change; so are the parts of a row that even pages print mirrored).
Only rows (what stands on one baseline) in the top or bottom band of a page are looked at,
and only the first and last few of them; a row must repeat on at least :data:`MIN_SHARE` of
the pages (and on two at the least) to be taken away, and only rows from the page's edge
inwards are taken, up to the first that does not repeat.

A PDF with one page of text has nothing to repeat: there a row at the edge is taken only when
it is printed smaller than the running text and set apart from it by more than a blank line
(a ``Side 1 af 1`` in the text's own size is left to the parser's noise rules). A row in a font
larger than the running text's, with the form of an item heading (``3. Godkendelse af
dagsorden``), or a section label (``Handicaprådets beslutning den 18. marts 2010``, printed in
every item) is never furniture: in a short PDF the same item, or an item's label, may well
stand at the top of two pages. Better a header left in (the parser's noise rules find running
headers by repetition too) than a heading taken out.

>>> furniture_key("Side 3 af 28")
'side # af #'
>>> furniture_key("Byrådet, 21.06.2022  Lemvig Kommune")
'byrådet, #.#.# lemvig kommune'
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from loaders.pdf.rows import Line
from loaders.rules.heading_forms import heading_candidate
from loaders.rules.sections import match_label

# Share of a page's height at its top and at its bottom where headers and footers stand.
BAND = 0.13
# A line repeated on at least this share of the pages (odd and even pages may differ).
MIN_SHARE = 0.4
# Lines of a band looked at, from the page's edge inwards.
_DEPTH = 4
# Text larger than the body's by more than this (points) is a heading, never furniture.
_LARGER = 1.0
# On a PDF of one page: a header or footer is printed smaller than the running text by this
# much (points) at least, and set apart from it by this many font sizes.
_SMALLER = 0.5
_APART = 1.5
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


def furniture_key(text: str) -> str:
    """The text with its digits masked, its spaces and case evened out."""
    return _SPACE.sub(" ", _DIGITS.sub("#", text)).strip().casefold()


Row = list[Line]


def _body_size(pages: Sequence[tuple[list[Row], float]]) -> float:
    """The font size of most of the running text (bold text aside, if there is other)."""
    sizes: Counter[float] = Counter()
    bold: Counter[float] = Counter()
    for rows, _ in pages:
        for row in rows:
            for segment in row:
                (bold if segment.bold else sizes)[round(segment.size, 1)] += len(segment.text)
    found = (sizes or bold).most_common(1)
    return found[0][0] if found else 0.0


def _band(rows: Sequence[Row], height: float, largest: float) -> list[tuple[str, int]]:
    """``(key, index)`` of the rows in the page's top and bottom bands (rows run top down),
    in a font no larger than ``largest``."""
    found: list[tuple[str, int]] = []
    top = [
        i for i in range(min(_DEPTH, len(rows))) if max(s.bottom for s in rows[i]) <= BAND * height
    ]
    bottom = [
        i
        for i in range(len(rows) - 1, max(len(rows) - 1 - _DEPTH, -1), -1)
        if min(s.top for s in rows[i]) >= (1 - BAND) * height
    ]
    for band, indexes in (("top", top), ("bottom", bottom)):
        for index in indexes:
            row = rows[index]
            small = all(s.size <= largest for s in row)
            text = " ".join(s.text for s in row)
            if small and heading_candidate(text) is None and match_label(text) is None:
                # its parts in any order: mirrored pages swap left and right
                key = " | ".join(sorted(furniture_key(s.text) for s in row))
                found.append((f"{band} {key}", index))
    return found


def _apart(rows: Sequence[Row], index: int, inward: int, body: float) -> bool:
    """Row ``index`` is in smaller print than the running text (``body``) and set apart from
    the next row inwards (``inward`` 1 downwards, -1 upwards) by more than a blank line."""
    row = rows[index]
    if not 0 <= index + inward < len(rows) or any(s.size > body - _SMALLER for s in row):
        return False
    other = rows[index + inward]
    upper, lower = (row, other) if inward > 0 else (other, row)
    gap = min(s.top for s in lower) - max(s.bottom for s in upper)
    return gap >= _APART * body


def remove_furniture(pages: Sequence[tuple[list[Row], float]]) -> list[list[Row]]:
    """Each page's rows without the headers and footers repeated across the pages;
    ``pages`` are ``(rows, page height)``, each page's rows top down."""
    largest = _body_size(pages) + _LARGER
    bands = [_band(rows, height, largest) for rows, height in pages]
    counts: Counter[str] = Counter()
    for band in bands:
        counts.update({key for key, _ in band})
    with_text = sum(1 for lines, _ in pages if lines)
    needed = max(2, math.ceil(MIN_SHARE * with_text))
    body = largest - _LARGER
    result: list[list[Row]] = []
    for (rows, _), band in zip(pages, bands, strict=True):
        if with_text == 1:  # nothing can repeat: rows in small print set apart at the edge
            above = {i for key, i in band if key.startswith("top ") and _apart(rows, i, 1, body)}
            below = {
                i for key, i in band if key.startswith("bottom ") and _apart(rows, i, -1, body)
            }
        else:
            above = {i for key, i in band if key.startswith("top ") and counts[key] >= needed}
            below = {i for key, i in band if key.startswith("bottom ") and counts[key] >= needed}
        # Furniture stands at the edge: the rows repeated from the top down and from the
        # bottom up, until one that is not.
        top = next((i for i in range(len(rows)) if i not in above), len(rows))
        bottom = next((i for i in range(len(rows) - 1, top - 1, -1) if i not in below), top - 1)
        result.append(rows[top : bottom + 1])
    return result
