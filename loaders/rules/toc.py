"""The table of contents: titles with dot leaders or tabs and a page number.

Its lines are never items. It *confirms* item headings (a bare ``3. title`` that the table lists
is an item), and it tells when the text was cut short: a table listing more items than the text
has is a truncated file.
"""

from __future__ import annotations

import re

from loaders.rules import items
from loaders.rules.state import ParseState, TocEntry, plain_line

_TOC_HEADINGS = frozenset({"indholdsfortegnelse", "indhold", "indholdsoversigt"})
# "Title.....<TAB>3", "1. JA - Title<TAB>1", "Lukket:<TAB>5", "Title  3".
_ENTRY = re.compile(r"(?P<title>.*?\S)(?:\s*[.…]{3,}\s*|\t+\s*| {2,})(?P<page>\d{1,4})")
_LEADERS = re.compile(r".*\S\s*[.…]{4,}\s*\d{1,4}")
_MIN_LEADER_RUN = 3
_LONGEST_HEADING = max(len(h) for h in _TOC_HEADINGS) + 1


def _entry(state: ParseState, index: int, number_hint: int) -> TocEntry | None:
    raw = state.lines[index].text.strip()
    match = _ENTRY.fullmatch(raw)
    if match is None:
        return None
    printed = plain_line(match["title"]).rstrip(".…").strip()
    number: int | None = number_hint
    heading = items.heading_candidate(printed) if printed else None
    if heading is not None:
        _, number, printed, _ = heading
    title, _, _ = items.split_title(printed)
    return TocEntry(line=index, number=number, title=title, page=int(match["page"]))


def _entries_after(state: ParseState, start: int) -> tuple[list[TocEntry], int]:
    """The entries from line ``start`` on (blank lines between them allowed); and the index of
    the last line that belongs to the table."""
    entries: list[TocEntry] = []
    last = start - 1
    index = start
    total = len(state.lines)
    while index < total:
        if not state.plain[index] or state.noise[index]:
            index += 1
            continue
        entry = _entry(state, index, len(entries) + 1)
        if entry is None:
            break
        entries.append(entry)
        last = index
        index += 1
    return entries, last


def find_toc(state: ParseState) -> bool:
    """Core rule: the table of contents, under its heading or as a run of dot-leader lines."""
    for index, plain in enumerate(state.plain):
        if plain and len(plain) <= _LONGEST_HEADING and plain.rstrip(":").lower() in _TOC_HEADINGS:
            entries, last = _entries_after(state, index + 1)
            if entries:
                state.toc, state.toc_lines = entries, range(index, last + 1)
                state.layout.append("toc")
                return True
    # No heading: a run of entries, at least three of them with dot leaders.
    run_start, leaders = -1, 0
    for index, plain in enumerate(state.plain):
        if not plain:
            continue
        # The regular expressions only for lines that can match: a page number last.
        raw = state.lines[index].text.strip() if plain[-1].isdigit() else ""
        if not raw or not _ENTRY.fullmatch(raw):
            run_start, leaders = -1, 0
            continue
        run_start = index if run_start < 0 else run_start
        if ("...." in raw or "…" in raw) and _LEADERS.fullmatch(raw):
            leaders += 1
            if leaders >= _MIN_LEADER_RUN:
                entries, last = _entries_after(state, run_start)
                state.toc, state.toc_lines = entries, range(run_start, last + 1)
                state.layout.append("toc")
                return True
    return False


def truncation(state: ParseState) -> str | None:
    """A message if the text ends before the last item the table of contents lists.

    A table that lists more items than the text has, while its last item is there, points at
    a lost heading in the middle; that is a note (see :func:`toc_mismatch`), not truncation.
    """
    listed, found = len(state.toc), len(state.headings)
    if listed < 2 or found >= listed:
        return None
    last = state.toc[-1]
    key = items.title_key(last.title)
    if any(h.number == last.number or items.title_key(h.title) == key for h in state.headings):
        return None
    return f"truncated: the table of contents lists {listed} items, the text has {found}"


def toc_mismatch(state: ParseState) -> str | None:
    """A note when the table of contents and the headings disagree on the number of items."""
    listed, found = len(state.toc), len(state.headings)
    if listed and listed != found:
        return f"the table of contents lists {listed} items, the text has {found}"
    return None
