"""A table of contents: its page-number column kept apart from its titles.

A table of contents sets each title on the left and its page number at the right margin, the
numbers under each other; a title too long for its line wraps, and only its last line carries
the number. On a page where at least :data:`MIN_ENTRIES` lines end in a bare number at one
right edge (or in dot leaders and a number), each such line becomes ``title<TAB>page``, the
wrapped lines of a title joined into it, so that the page number never runs into the title
and a title is never cut in two.

>>> entry_parts("5. Budgetopfølgning ........ 12")
('5. Budgetopfølgning', '12')
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from loaders.pdf.rows import Line
from loaders.rules import heading_forms, toc

MIN_ENTRIES = 3
_RIGHT_EDGE = 4.0  # points: page numbers of one table end within this of each other
_LEADERS = re.compile(r"(?P<title>.*?\S)\s*(?:[.·_]{3,}|…[.…·_]*)\s*(?P<page>\d{1,4})")
_PAGE = re.compile(r"\d{1,4}")
_TOC_HEADINGS = frozenset(("indholdsfortegnelse", "indhold", "indholdsoversigt"))


def entry_parts(text: str) -> tuple[str, str] | None:
    """``(title, page)`` of a line with dot leaders before its page number."""
    match = _LEADERS.fullmatch(text)
    return (match["title"], match["page"]) if match else None


def _numbered(line: Line) -> tuple[str, str] | None:
    """``(title, page)`` if the line ends in a page number of its own column."""
    if line.cells > 1 and _PAGE.fullmatch(line.parts[-1].text):
        title = " ".join(part.text for part in line.parts[:-1])
        leaders = entry_parts(title + " ... 0")
        return (leaders[0] if leaders else title), line.parts[-1].text
    return entry_parts(line.text)


def _starts_entry(text: str) -> bool:
    return heading_forms.heading_candidate(text) is not None


def mark_contents(lines: Sequence[Line]) -> list[Line]:
    """The lines of a page, with the entries of a table of contents as ``title<TAB>page``."""
    found = {i: parts for i, line in enumerate(lines) if (parts := _numbered(line))}
    if len(found) < MIN_ENTRIES:
        return list(lines)
    # Numbers in a column of their own end at one edge; dot leaders say what they are anyway.
    column = [i for i in found if lines[i].cells > 1]
    if column:
        edges = sorted(lines[i].right for i in column)
        middle = edges[len(edges) // 2]
        for index in column:
            if abs(lines[index].right - middle) > _RIGHT_EDGE:
                del found[index]
    if len(found) < MIN_ENTRIES:
        return list(lines)
    first, last = min(found), max(found)
    result: list[Line] = list(lines[:first])
    pending: list[Line] = []
    for index in range(first, last + 1):
        line = lines[index]
        if index not in found:
            pending.append(line)
            continue
        title, page = found[index]
        joined = _wrapped_start(pending, line, title)
        result.extend(pending[: len(pending) - len(joined)])
        pending = []
        text = " ".join([*(p.text for p in joined), title])
        result.append(_entry(line, text, page, joined))
    result.extend(pending)
    result.extend(lines[last + 1 :])
    return result


def _wrapped_start(pending: Sequence[Line], line: Line, title: str) -> list[Line]:
    """The lines just above an entry that begin its title: when the entry's own line does not
    start as entries do (a number, ``Punkt 3``) or is indented under the line above, back to
    the line that does; in a table without numbers, the one line above in the same font
    that is no group heading."""
    if not pending:
        return []
    above = pending[-1]
    if _starts_entry(title) and line.left <= above.left + 2:
        return []
    for start in range(len(pending) - 1, -1, -1):
        if pending[start].cells > 1 or toc.is_group_heading(pending[start].text):
            break
        if _starts_entry(pending[start].text):
            return list(pending[start:])
    same_font = above.bold == line.bold and abs(above.size - line.size) < 0.5
    if same_font and above.cells == 1 and not _is_heading(above.text):
        return [above]
    return []


def _is_heading(text: str) -> bool:
    return toc.is_group_heading(text) or text.rstrip(":").lower() in _TOC_HEADINGS


def _entry(line: Line, title: str, page: str, above: Sequence[Line]) -> Line:
    top = min([line.top, *(a.top for a in above)])
    return Line(
        text=f"{title}\t{page}",
        left=min([line.left, *(a.left for a in above)]),
        right=line.right,
        top=top,
        bottom=line.bottom,
        size=line.size,
        bold=line.bold,
        first_word=line.first_word,
        edge=line.edge,
        contents=True,
    )
