"""Running page headers and footers, found by repetition across the pages of one PDF.

A meeting system prints the same few lines at the top or bottom of every page: the committee
and the date, the municipality's name from its logo, ``Side 3 af 28``. Such a line is found by
what makes it furniture, not by its wording: near the same edge of many pages the same text
stands, its digits aside (``Side 3 af 28`` and ``Side 4 af 28`` are one line; so are a date
and a page number that change). Only rows (what stands on one baseline) in the top or bottom
band of a page are looked at, and only the first and last few of them; a row must repeat on at
least :data:`MIN_SHARE` of the pages (and on two at the least) to be taken away. A single page has
nothing to repeat, so nothing is taken from it: its ``Side 1 af 1`` is left to the parser's
noise rules.

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

# Share of a page's height at its top and at its bottom where headers and footers stand.
BAND = 0.13
# A line repeated on at least this share of the pages (odd and even pages may differ).
MIN_SHARE = 0.4
# Lines of a band looked at, from the page's edge inwards.
_DEPTH = 4
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s+")


def furniture_key(text: str) -> str:
    """The text with its digits masked, its spaces and case evened out."""
    return _SPACE.sub(" ", _DIGITS.sub("#", text)).strip().casefold()


Row = list[Line]


def _band(rows: Sequence[Row], height: float) -> list[tuple[str, int]]:
    """``(key, index)`` of the rows in the page's top and bottom bands (rows run top down)."""
    found: list[tuple[str, int]] = []
    for index, row in enumerate(rows[:_DEPTH]):
        if max(s.bottom for s in row) <= BAND * height:
            found.append(("top " + furniture_key(" ".join(s.text for s in row)), index))
    for index in range(len(rows) - 1, max(len(rows) - 1 - _DEPTH, -1), -1):
        row = rows[index]
        if min(s.top for s in row) >= (1 - BAND) * height:
            found.append(("bottom " + furniture_key(" ".join(s.text for s in row)), index))
    return found


def remove_furniture(pages: Sequence[tuple[list[Row], float]]) -> list[list[Row]]:
    """Each page's rows without the headers and footers repeated across the pages;
    ``pages`` are ``(rows, page height)``, each page's rows top down."""
    bands = [_band(rows, height) for rows, height in pages]
    counts: Counter[str] = Counter()
    for band in bands:
        counts.update({key for key, _ in band})
    with_text = sum(1 for lines, _ in pages if lines)
    needed = max(2, math.ceil(MIN_SHARE * with_text))
    result: list[list[Row]] = []
    for (rows, _), band in zip(pages, bands, strict=True):
        drop = {index for key, index in band if counts[key] >= needed}
        result.append([row for i, row in enumerate(rows) if i not in drop])
    return result
