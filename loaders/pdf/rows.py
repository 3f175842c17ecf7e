"""A page's words to lines in reading order: rows, cells, columns and tables.

Words on one baseline make a *row*; a row falls into *segments* where a gap wider than
:data:`CELL_GAP` font sizes opens (table cells, a label and its value, a title and its page
number). Rows are then read in blocks: consecutive rows that leave one vertical strip free (a
*gutter*) with text on both sides of it are either two columns of running text (long lines on
both sides: the left column is read before the right) or a table (short cells, aligned rows:
read row by row, one line per row with its cells separated by a tab). Everything else is read
top to bottom.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field

from loaders.pdf.glyphs import Word

# A gap wider than this many font sizes separates two segments of a row.
CELL_GAP = 1.2
# Words whose baselines differ by less than this share of the font size are on one row.
_SAME_ROW = 0.45
# A gutter is at least this many points wide.
_MIN_GUTTER = 9.0
# Two columns of running text: lines on each side fill at least this share of its width.
_FULL_SIDE = 0.6
_MIN_COLUMN_LINES = 3
_HEADING_STEP = 2.0  # points: a heading's font is this much larger than the text beside it
# Justified text stretches all spaces of a line alike: gaps within this ratio of each other,
# at least this many of them.
_EVEN_GAPS = 1.3
_MIN_JUSTIFIED_GAPS = 3
_WIDEST_SPACE = 3.0  # font sizes


@dataclass(slots=True)
class Line:
    """A line as read: its text (cells joined by a tab), box and style. ``cells`` is how many
    segments a table row has (1 for running text); ``first_word`` the width of its first word
    (a line wraps because that word did not fit on the line above); ``edge`` the right edge of
    the column it was set in (0 outside columns: the page's text decides it, headers and
    footers aside)."""

    text: str
    left: float
    right: float
    top: float
    bottom: float
    size: float
    bold: bool
    first_word: float = 0.0
    cells: int = 1
    edge: float = 0.0
    parts: list[Line] = field(default_factory=list)  # the segments of a table row
    contents: bool = False  # an entry of a table of contents: "title<TAB>page"
    listed: bool = False  # an entry of a list set in columns: never joined to another line


def _segment(words: Sequence[Word]) -> Line:
    chars = [len(w.text) for w in words]
    total = sum(chars) or 1
    bold = sum(n for w, n in zip(words, chars, strict=True) if w.bold) * 2 > total
    size = max(words, key=lambda w: len(w.text)).size
    return Line(
        text=" ".join(w.text for w in words),
        left=words[0].left,
        right=max(w.right for w in words),
        top=min(w.top for w in words),
        bottom=max(w.bottom for w in words),
        size=size,
        bold=bold,
        first_word=words[0].right - words[0].left,
    )


def page_rows(words: Sequence[Word]) -> list[list[Line]]:
    """A page's rows top to bottom, each its segments left to right."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.bottom, w.left)):
        if rows:
            last = rows[-1]
            ref = last[0]
            if abs(word.bottom - ref.bottom) <= _SAME_ROW * max(word.size, ref.size):
                last.append(word)
                continue
        rows.append([word])
    result: list[list[Line]] = []
    for row in rows:
        row.sort(key=lambda w: w.left)
        if _justified(row):
            result.append([_segment(row)])
            continue
        segments: list[list[Word]] = [[row[0]]]
        for word in row[1:]:
            previous = segments[-1][-1]
            if word.left - previous.right > CELL_GAP * max(word.size, previous.size):
                segments.append([word])
            else:
                segments[-1].append(word)
        result.append([_segment(s) for s in segments])
    return result


def _justified(row: Sequence[Word]) -> bool:
    """A line of justified text whose spaces are stretched wide (a narrow column): every gap
    between its words about as wide as every other, and none wider than a justified space
    gets. A table's gaps differ (a label, then numbers), or are wider."""
    gaps = [b.left - a.right for a, b in itertools.pairwise(row)]
    if len(gaps) < _MIN_JUSTIFIED_GAPS or max(gaps) > _WIDEST_SPACE * row[0].size:
        return False
    return max(gaps) <= _EVEN_GAPS * max(min(gaps), 0.1)


def _free(row: Sequence[Line], left: float, right: float) -> list[tuple[float, float]]:
    """The strips of ``left..right`` that no segment of the row covers."""
    strips: list[tuple[float, float]] = []
    at = left
    for segment in row:
        if segment.left - at >= _MIN_GUTTER:
            strips.append((at, segment.left))
        at = max(at, segment.right)
    if right - at >= _MIN_GUTTER:
        strips.append((at, right))
    return strips


def _intersect(
    strips: list[tuple[float, float]], other: list[tuple[float, float]]
) -> list[tuple[float, float]]:
    found = []
    for a0, a1 in strips:
        for b0, b1 in other:
            lo, hi = max(a0, b0), min(a1, b1)
            if hi - lo >= _MIN_GUTTER:
                found.append((lo, hi))
    return found


def _sides(rows: Sequence[Sequence[Line]], gutter: float) -> tuple[list[Line], list[Line]]:
    return (
        [s for row in rows for s in row if s.right <= gutter],
        [s for row in rows for s in row if s.left >= gutter],
    )


def _columns_kind(
    rows: Sequence[Sequence[Line]], gutter: float, left: float, right: float
) -> str | None:
    """``"text"`` for two columns of running text (most lines fill their side), ``"list"``
    for one list set in two columns (:func:`_is_split_list`), None for a table."""
    sides = _sides(rows, gutter)
    if any(len(side) < _MIN_COLUMN_LINES for side in sides):
        return None
    filled = True
    for side, lo, hi in ((sides[0], left, gutter), (sides[1], gutter, right)):
        full = sum(1 for s in side if s.right - s.left >= _FULL_SIDE * (hi - lo))
        filled = filled and full * 2 >= len(side)
    if filled:
        return "text"
    return "list" if _is_split_list(rows, sides) else None


def _is_split_list(rows: Sequence[Sequence[Line]], sides: tuple[list[Line], list[Line]]) -> bool:
    """One list set in two columns (members, attendance): on each row at most one line a side,
    all in one font, and both sides alike: words, no numbers, no labels with a colon, about as
    many words a line. A table's columns hold different things (a name and a party, a label
    and its value, a post and its amounts)."""
    if any(len(row) > 2 for row in rows):
        return False
    every = [*sides[0], *sides[1]]
    if len({(s.bold, round(s.size)) for s in every}) > 1:
        return False
    if any(s.text.endswith(":") for s in sides[0]):
        return False
    means = []
    for side in sides:
        text = " ".join(s.text for s in side)
        if sum(c.isdigit() for c in text) * 10 > len(text):
            return False
        means.append(sum(len(s.text.split()) for s in side) / len(side))
    return 3 * min(means) >= 2 * max(means)


def _table_row(row: Sequence[Line], edge: float) -> Line:
    if len(row) == 1:
        line = row[0]
        line.edge = edge
        return line
    first = row[0]
    return Line(
        text="\t".join(s.text for s in row),
        left=first.left,
        right=row[-1].right,
        top=min(s.top for s in row),
        bottom=max(s.bottom for s in row),
        size=max(s.size for s in row),
        bold=all(s.bold for s in row),
        first_word=first.first_word,
        cells=len(row),
        edge=edge,
        parts=list(row),
    )


def _row_lines(row: Sequence[Line]) -> list[Line]:
    """A row as one line, its cells tab-separated; but a heading beside smaller text (an item's
    title with its case number at the right margin) stands on a line of its own, first."""
    if len(row) > 1:
        largest = max(s.size for s in row)
        if all(s.size <= largest - _HEADING_STEP for s in row if s.size < largest):
            heading = [s for s in row if s.size == largest]
            rest = [s for s in row if s.size < largest]
            if rest and len(heading) == 1:
                return [_table_row(heading, 0.0), _table_row(rest, 0.0)]
    return [_table_row(row, 0.0)]


def _column(
    rows: Sequence[Sequence[Line]], keep: bool, gutter: float, *, listed: bool
) -> list[Line]:
    """The segments of one side of the gutter, as lines top to bottom."""
    lines: list[Line] = []
    for row in rows:
        side = [s for s in row if (s.right <= gutter) == keep]
        if side:
            lines.append(_table_row(side, 0.0))
    edge = max((line.right for line in lines), default=0.0)
    for line in lines:
        line.edge = edge
        line.listed = listed
    return lines


def _interior_gap(row: Sequence[Line]) -> tuple[float, float] | None:
    """The widest gap between two segments of a row."""
    gaps = [(b.left - a.right, a.right, b.left) for a, b in itertools.pairwise(row)]
    widest = max(gaps, default=None)
    return (widest[1], widest[2]) if widest and widest[0] >= _MIN_GUTTER else None


def _staggered(
    rows: Sequence[Sequence[Line]], start: int, left: float, right: float
) -> tuple[int, float] | None:
    """``(end, gutter)`` of two columns of running text from row ``start`` whose lines do not
    share baselines (no row holds both sides): the rows from ``start`` leave one strip free
    inside the text's width, with lines filling both sides of it."""
    strips = _free(rows[start], left, right)
    end = start + 1
    while end < len(rows):
        narrower = _intersect(strips, _free(rows[end], left, right))
        if not narrower:
            break
        strips, end = narrower, end + 1
    inside = [(lo, hi) for lo, hi in strips if lo > left + _MIN_GUTTER and hi < right - _MIN_GUTTER]
    if end - start < 2 * _MIN_COLUMN_LINES or not inside:
        return None
    gutter = (inside[0][0] + inside[0][1]) / 2
    # rows below the right column's last line are read after both columns
    end = (
        start
        + 1
        + max(
            (i for i, row in enumerate(rows[start:end]) if any(s.left >= gutter for s in row)),
            default=0,
        )
    )
    if _columns_kind(rows[start:end], gutter, left, right) != "text":
        return None
    return end, gutter


def page_lines(rows: Sequence[Sequence[Line]]) -> list[Line]:
    """The lines of a page in reading order, from its rows (:func:`page_rows`)."""
    if not rows:
        return []
    left = min(s.left for row in rows for s in row)
    right = max(s.right for row in rows for s in row)
    lines: list[Line] = []
    start = 0
    while start < len(rows):
        gap = _interior_gap(rows[start])
        if gap is None:
            staggered = _staggered(rows, start, left, right)
            if staggered is None:
                lines.extend(_row_lines(rows[start]))
                start += 1
                continue
            end, gutter = staggered
            block = rows[start:end]
            lines.extend(_column(block, True, gutter, listed=False))
            lines.extend(_column(block, False, gutter, listed=False))
            start = end
            continue
        # the rows below that leave the same strip free: a table or two columns
        strips = [gap]
        end = start + 1
        while end < len(rows):
            narrower = _intersect(strips, _free(rows[end], left, right))
            if not narrower:
                break
            strips = narrower
            end += 1
        gutter = (strips[0][0] + strips[0][1]) / 2
        block = rows[start:end]
        # rows below the right column's last line are read after both columns
        last = max(i for i, row in enumerate(block) if any(s.left >= gutter for s in row))
        end = start + last + 1
        block = rows[start:end]
        kind = _columns_kind(block, gutter, left, right)
        if kind is not None:
            lines.extend(_column(block, True, gutter, listed=kind == "list"))
            lines.extend(_column(block, False, gutter, listed=kind == "list"))
        else:
            lines.extend(line for row in block for line in _row_lines(row))
        start = end
    return lines
