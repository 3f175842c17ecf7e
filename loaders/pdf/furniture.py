"""Running page headers and footers, found by repetition across the pages of one PDF.

A meeting system prints the same few lines at the top or bottom of every page: the committee
and the date, the municipality's name from its logo, ``Side 3 af 28``. Such a line is found by
what makes it furniture, not by its wording: near the same edge of many pages the same text
stands, its digits aside (``Side 3 af 28`` and ``Side 4 af 28`` are one line; so are a date
and a page number that change). Only lines in the top or bottom band of a page are looked at,
and only the first and last few of them; a line must repeat on at least
:data:`MIN_SHARE` of the pages (and on two at the least) to be taken away. A single page has
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


def _band(lines: Sequence[Line], height: float) -> list[tuple[str, int]]:
    """``(key, index)`` of the lines in the page's top and bottom bands."""
    found: list[tuple[str, int]] = []
    order = sorted(range(len(lines)), key=lambda i: lines[i].top)
    for index in order[:_DEPTH]:
        if lines[index].bottom <= BAND * height:
            found.append(("top " + furniture_key(lines[index].text), index))
    for index in order[::-1][:_DEPTH]:
        if lines[index].top >= (1 - BAND) * height:
            found.append(("bottom " + furniture_key(lines[index].text), index))
    return found


def remove_furniture(pages: Sequence[tuple[list[Line], float]]) -> list[list[Line]]:
    """Each page's lines without the headers and footers repeated across the pages;
    ``pages`` are ``(lines, page height)``."""
    bands = [_band(lines, height) for lines, height in pages]
    counts: Counter[str] = Counter()
    for band in bands:
        counts.update({key for key, _ in band})
    with_text = sum(1 for lines, _ in pages if lines)
    needed = max(2, math.ceil(MIN_SHARE * with_text))
    result: list[list[Line]] = []
    for (lines, _), band in zip(pages, bands, strict=True):
        drop = {index for key, index in band if counts[key] >= needed}
        result.append([line for i, line in enumerate(lines) if i not in drop])
    return result
