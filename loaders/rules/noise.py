"""Lines that belong to the page or the web page, not to the minutes.

Page footers (``Lejre Kommune Udvalget for Job & Arbejdsmarked 08-01-2020 Side 2``), table
rules left over from extraction (``--|---|--``), running headers repeated on every page (a page
apart, or right after every page footer), and link bars repeated before every item (``Kopier
link til punktet - Print``). Running headers and link bars are found by repetition, never by
their wording.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable

from loaders.rules import casenumbers, people
from loaders.rules.state import ParseState

# "... Side 2", "... Side 2 af 14", "Page 3 of 9", "- 2 -".
_PAGE_NUMBER = re.compile(
    r"(?:^|\s)(?:Side|Page|Sidenr\.?)\s+\d{1,4}(?:\s*(?:af|of|/)\s*\d{1,4})?$|^[-–]\s*\d{1,4}\s*[-–]$"
)
_LONGEST_FOOTER = 200
_RULE_CHARS = frozenset("-|:+=_ \t")
_DIGITS = re.compile(r"\d+")
_MAX_FOOTER_WORDS = 16
_MIN_REPEATS = 3
_MIN_PAGE_LINES = 10  # a page of minutes has more lines than this

NoiseRule = Callable[[ParseState], list[int]]


def page_footers(state: ParseState) -> list[int]:
    """Lines ending in a page number: ``<anything short> Side N [af M]``."""
    found = []
    for index, plain in enumerate(state.plain):
        if not plain or len(plain) > _LONGEST_FOOTER or plain[-1] not in "0123456789-–":
            continue
        if plain.count(" ") < _MAX_FOOTER_WORDS and _PAGE_NUMBER.search(plain):
            found.append(index)
    return found


def table_rules(state: ParseState) -> list[int]:
    """Lines of nothing but dashes, bars and colons: table borders and rules."""
    found = []
    for index, plain in enumerate(state.plain):
        if not plain or plain[0] not in _RULE_CHARS:
            continue
        raw = state.lines[index].text.strip()
        marks = raw.count("-") + raw.count("=") + raw.count("|")
        if len(raw) >= 2 and marks >= 2 and _RULE_CHARS.issuperset(raw):
            found.append(index)
    return found


def _structural(state: ParseState, index: int) -> bool:
    """A line the minutes themselves use: a label, a heading form, an attendance line."""
    plain = state.plain[index]
    return (
        index in state.labels
        or index in state.candidates
        or people.is_attendance_line(plain)
        or casenumbers.is_case_number_line(plain)
    )


def running_headers(state: ParseState) -> list[int]:
    """Lines repeated on every page with only their numbers changing (dates, page numbers):
    three or more alike once digits are masked, each a page apart from the next. Alike lines
    close together are a table in the text, not a running header."""
    where: dict[str, list[int]] = {}
    for index, plain in enumerate(state.plain):
        if (
            plain
            and len(plain) <= _LONGEST_FOOTER
            and plain.count(" ") >= 2
            and _DIGITS.search(plain)
        ):
            where.setdefault(_DIGITS.sub("#", plain), []).append(index)
    found: list[int] = []
    for indices in where.values():
        if len(indices) < _MIN_REPEATS:
            continue
        if min(b - a for a, b in itertools.pairwise(indices)) < _MIN_PAGE_LINES:
            continue
        found.extend(i for i in indices if not _structural(state, i))
    return found


def page_headers(state: ParseState) -> list[int]:
    """The line right after each page footer, when three or more of them are alike once digits
    are masked: the next page's running header, however few lines a page has (text extracted
    with whole pages on one line, split again in normalisation)."""
    where: dict[str, list[int]] = {}
    for index, noisy in enumerate(state.noise):
        if not noisy or not _PAGE_NUMBER.search(state.plain[index]):
            continue
        following = state.next_content(index)
        if following is None or following in state.candidates:
            continue
        plain = state.plain[following]
        if len(plain) <= _LONGEST_FOOTER and not _structural(state, following):
            where.setdefault(_DIGITS.sub("#", plain), []).append(following)
    return [i for indices in where.values() if len(indices) >= _MIN_REPEATS for i in indices]


def link_bars(state: ParseState) -> list[int]:
    """A line repeated three or more times that (almost) always stands right before an item
    heading: web-page chrome between items."""
    counts = Counter(p for p in state.plain if p and len(p) <= _LONGEST_FOOTER)
    repeated = {p for p, n in counts.items() if n >= _MIN_REPEATS}
    if not repeated:
        return []
    before_heading: Counter[str] = Counter()
    where: dict[str, list[int]] = {}
    plain = state.plain
    for index, text in enumerate(plain):
        if text not in repeated or _structural(state, index):
            continue
        where.setdefault(text, []).append(index)
        following = next((j for j in range(index + 1, len(plain)) if plain[j]), None)
        if following is not None and following in state.candidates:
            before_heading[text] += 1
    found: list[int] = []
    for text, indices in where.items():
        if before_heading[text] * 5 >= len(indices) * 4:  # 80 % or more
            found.extend(indices)
    return found


NOISE_RULES: tuple[tuple[str, NoiseRule], ...] = (
    ("page-footers", page_footers),
    ("table-rules", table_rules),
    ("running-headers", running_headers),
    ("link-bars", link_bars),
    ("page-headers", page_headers),
)


def mark_noise(state: ParseState) -> bool:
    """Core rule: mark noise lines; they are left out of every text and every match."""
    any_found = False
    for name, rule in NOISE_RULES:
        found = rule(state)
        if not found:
            continue
        any_found = True
        state.layout.append(name)
        for index in found:
            state.noise[index] = True
            state.labels.pop(index, None)
            state.candidates.pop(index, None)
    return any_found
