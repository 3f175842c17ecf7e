"""The table of contents: titles with dot leaders or tabs and a page number, possibly grouped
under headings (``A. Sager til afgørelse i byrådet``, ``Åbne sager``, ``Lukkede sager``); or a
numbered list of titles at the top, without pages, that the same headings repeat below; or,
under a heading (``Dagsorden``, ``Indholdsfortegnelse``), the titles alone, repeated below.

Its lines are never items. It *confirms* item headings (a bare ``3. title`` that the table lists
is an item), gives titles the body lacks (``Punkt 3: Lukket``), and tells when the text was cut
short: a table listing more items than the text has is a truncated file.
"""

from __future__ import annotations

import re

from loaders.rules import heading_forms, items, titles
from loaders.rules.parse_state import HeadingCandidate, ParseState, TocEntry, plain_line

_TOC_HEADINGS = frozenset({"indholdsfortegnelse", "indhold", "indholdsoversigt"})
# "Title.....<TAB>3", "1. JA - Title<TAB>1", "Lukket:<TAB>5", "Title  3".
_ENTRY = re.compile(r"(?P<title>.*?\S)(?:\s*[.…]{3,}\s*|\t+\s*| {2,})(?P<page>\d{1,4})")
_LEADERS = re.compile(r".*\S\s*[.…]{4,}\s*\d{1,4}")
# Group headings inside a table: "A. Sager til afgørelse i byrådet", "II. Lukkede sager",
# "Åbne sager", "Lukket dagsorden".
_LETTERED = re.compile(r"(?:[A-HÅ]|[IVX]{1,4})\.\s+[A-ZÆØÅ].{2,100}")
_GROUP = re.compile(
    _LETTERED.pattern
    + r"|(?:Åbne|Åbent|Åben|Lukkede|Lukket)(?:\s+(?:sager|punkter|dagsorden|møde|del))?:?"
)
_MIN_LEADER_RUN = 3
_MIN_UNPAGED = 2
_LONGEST_HEADING = max(len(h) for h in _TOC_HEADINGS) + 1
# A list of titles alone stands under one of these, "Dagsorden" too (the agenda's own list).
_LIST_HEADINGS = _TOC_HEADINGS | {"dagsorden"}
_LONGEST_TITLE = 200


def is_group_heading(plain: str) -> bool:
    """A heading that groups the entries of a table of contents.

    >>> is_group_heading("A. Sager til afgørelse i byrådet"), is_group_heading("Lukkede sager")
    (True, True)
    >>> is_group_heading("3. Godkendelse af dagsorden")
    False
    """
    return bool(plain) and plain[0] in "ABCDEFGHIVXÅL" and _GROUP.fullmatch(plain) is not None


def _entry(state: ParseState, index: int, number_hint: int) -> TocEntry | None:
    raw = state.lines[index].text.strip()
    match = _ENTRY.fullmatch(raw)
    if match is None:
        return None
    printed = plain_line(match["title"]).rstrip(".…").strip()
    if printed[:1].isupper() and _LETTERED.fullmatch(printed):
        return None  # "A. Sager til afgørelse i byrådet ..... 3" heads a group
    number: int | None = number_hint
    heading = heading_forms.heading_candidate(printed) if printed else None
    if heading is not None:
        _, number, printed, _ = heading
    title, _, _ = titles.split_title(printed)
    return TocEntry(
        line=index, number=number, title=title, page=int(match["page"]), numbered=bool(heading)
    )


def _entries_after(state: ParseState, start: int) -> tuple[list[TocEntry], int]:
    """The entries from line ``start`` on (blank lines and group headings between them
    allowed); and the index of the last line that belongs to the table."""
    entries: list[TocEntry] = []
    last = start - 1
    index = start
    total = len(state.lines)
    while index < total:
        plain = state.plain[index]
        if not plain or state.noise[index]:
            index += 1
            continue
        entry = _entry(state, index, len(entries) + 1)
        if entry is None:
            if is_group_heading(plain) or is_group_heading(plain_line(_page_cut(plain))):
                index += 1
                continue
            break
        entries.append(entry)
        last = index
        index += 1
    return entries, last


def _page_cut(plain: str) -> str:
    match = _ENTRY.fullmatch(plain)
    return match["title"].rstrip(".… ") if match else plain


def _found(state: ParseState, entries: list[TocEntry], lines: range) -> bool:
    state.toc, state.toc_lines = entries, lines
    state.meeting.toc_entries = len(entries)
    state.layout.append("toc")
    return True


def find_toc(state: ParseState) -> bool:
    """Core rule: the table of contents, under its heading or as a run of dot-leader lines;
    else a numbered list of titles that the headings below repeat."""
    for index, plain in enumerate(state.plain):
        if plain and len(plain) <= _LONGEST_HEADING and plain.rstrip(":").lower() in _TOC_HEADINGS:
            entries, last = _entries_after(state, index + 1)
            if entries:
                return _found(state, entries, range(index, last + 1))
    # No heading: a run of entries, at least three of them with dot leaders.
    run_start, leaders = -1, 0
    for index, plain in enumerate(state.plain):
        if not plain:
            continue
        # The regular expressions only for lines that can match: a page number last.
        raw = state.lines[index].text.strip() if plain[-1].isdigit() else ""
        if not raw or not _ENTRY.fullmatch(raw):
            if not raw and is_group_heading(plain):
                continue  # a group heading inside the run
            run_start, leaders = -1, 0
            continue
        run_start = index if run_start < 0 else run_start
        if ("...." in raw or "…" in raw) and _LEADERS.fullmatch(raw):
            leaders += 1
            if leaders >= _MIN_LEADER_RUN:
                entries, last = _entries_after(state, run_start)
                return _found(state, entries, range(run_start, last + 1))
    return _unpaged_toc(state) or _title_list_toc(state)


def _title_list_toc(state: ParseState) -> bool:
    """A list of titles alone, without numbers or pages, under a heading of its own
    (``Dagsorden``, ``Indholdsfortegnelse``), each title printed again below as an item's
    heading (numbered or not): the table, never items. The heading stays out of the table
    (``Dagsorden`` may still say what the document is)."""
    for index, plain in enumerate(state.plain):
        if plain and len(plain) <= _LONGEST_HEADING and plain.rstrip(":").lower() in _LIST_HEADINGS:
            entries = _titles_listed(state, index + 1)
            if len(entries) >= _MIN_UNPAGED:
                return _found(state, entries, range(entries[0].line, entries[-1].line + 1))
    return False


def _same_title(text: str) -> str:
    return " ".join(text.lower().split()).rstrip(".:")


def _titles_listed(state: ParseState, start: int) -> list[TocEntry]:
    """The lines from ``start`` on (blank lines between allowed) that each are a title printed
    again further down, on a line of its own or as a heading's title; up to the first that is
    not, a section label, or a line too long to be a title."""
    below: dict[str, int] = {}  # a title as compared -> the last line it is printed on
    for index in range(start, len(state.lines)):
        plain = state.plain[index]
        if plain and not state.noise[index]:
            below[_same_title(plain)] = index
            # "Køb af ejendom (Lukket punkt)": the title with its access.
            below[_same_title(titles.split_title(plain)[0])] = index
            candidate = state.candidates.get(index)
            if candidate is not None and candidate.title:
                below[_same_title(candidate.title)] = index
    entries: list[TocEntry] = []
    for index in range(start, len(state.lines)):
        plain = state.plain[index]
        if not plain or state.noise[index]:
            continue
        if index in state.labels or len(plain) > _LONGEST_TITLE:
            break
        entry = _listed_entry(state, index, len(entries) + 1)
        if entry is None or below.get(_same_title(entry.title), -1) <= index:
            break
        entries.append(entry)
    return entries


def _listed_entry(state: ParseState, index: int, place: int) -> TocEntry | None:
    """The line as an entry of a list of titles: the line itself, or a numbered line whose
    number is its place in the list (``1. Godkendelse af dagsorden``), its title alone."""
    candidate = state.candidates.get(index)
    if candidate is None:
        return TocEntry(line=index, number=None, title=state.plain[index], page=None)
    if candidate.number != place or not candidate.title or candidate.last_line != index:
        return None
    return TocEntry(line=index, number=place, title=candidate.title, page=None, numbered=True)


def _unpaged_toc(state: ParseState) -> bool:
    """A numbered list of titles without pages (``1. Godkendelse af dagsorden``, ``2. ...``)
    whose entries the text repeats below as headings with the same numbers and titles."""
    # The list stands in the header: before the first section label.
    first_label = min(state.labels, default=len(state.lines))
    ordered = sorted(
        (c for c in state.candidates.values() if c.line < first_label), key=lambda c: c.line
    )
    if len(ordered) < _MIN_UNPAGED:
        return False
    later: dict[tuple[int | None, str], int] = {}  # (number, title) -> last line printed
    for candidate in state.candidates.values():
        key = (candidate.number, items.title_key(candidate.title))
        later[key] = max(later.get(key, -1), candidate.line)
    run: list[HeadingCandidate] = []
    for candidate in ordered:
        if run and not _continues(state, run[-1], candidate):
            if _is_listed_again(run, later):
                return _unpaged_found(state, run)
            run = []
        run.append(candidate)
    return bool(run) and _is_listed_again(run, later) and _unpaged_found(state, run)


def _continues(state: ParseState, previous: HeadingCandidate, candidate: HeadingCandidate) -> bool:
    """The next entry of the same list: the next number, nothing but blank lines, noise and
    group headings between."""
    if previous.number is None or candidate.number != previous.number + 1:
        return False
    for index in range(previous.last_line + 1, candidate.line):
        plain = state.plain[index]
        if plain and not state.noise[index] and not is_group_heading(plain):
            return False
    return True


def _is_listed_again(run: list[HeadingCandidate], later: dict[tuple[int | None, str], int]) -> bool:
    if len(run) < _MIN_UNPAGED:
        return False
    end = run[-1].last_line
    again = sum(
        1 for c in run if c.title and later.get((c.number, items.title_key(c.title)), -1) > end
    )
    return again * 2 > len(run)


def _unpaged_found(state: ParseState, run: list[HeadingCandidate]) -> bool:
    entries = [
        TocEntry(line=c.line, number=c.number, title=c.title, page=None, numbered=True) for c in run
    ]
    return _found(state, entries, range(run[0].line, run[-1].last_line + 1))


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
