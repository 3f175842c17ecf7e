"""Lines of the pages to the text the parser reads: wrapped lines joined, hyphenation undone,
headings on lines of their own, and where each page starts.

A line is joined to the one above when it continues it: the same font, the line spacing of
running text, and the first word of the lower line would not have fitted at the end of the upper
one (that is why it wrapped). Wrapped titles and paragraphs so become one line each, as
minutes saved as text have them; a short line (a label, a field, a list entry, a paragraph's
last line) ends its paragraph. A line in another font, a table row, an entry of a table of
contents or a line that starts a list entry or an item is never joined. Headings (a larger
font, or bold) stand on their own line with a blank line around them, like paragraphs that the
page spaces apart.

Hyphenation at a line end is undone where it is hyphenation: ``beskæf-`` / ``tigelse`` is
``beskæftigelse``; a hyphen after an abbreviation or a number stays (``KIT-`` / ``projektet``
is ``KIT-projektet``), and so does a hyphen that leaves a compound open (``social-`` / ``og
sundhedsudvalget``).

>>> join_text("beskæf-", "tigelse og mere"), join_text("KIT-", "projektet")
('beskæftigelse og mere', 'KIT-projektet')
>>> join_text("social-", "og sundhedsudvalget"), join_text("Sagen", "behandles")
('social- og sundhedsudvalget', 'Sagen behandles')
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence

from loaders.normalize import clean_characters
from loaders.pdf.rows import Line
from loaders.rules import heading_forms, sections
from loaders.rules.titles import is_sentence

# Between the lines of one paragraph the gap is at most this share of the font size.
_LEADING_GAP = 0.5
# A heading's font is at least this many points larger than the running text's.
_LARGER = 1.0
# Lines ending at one point that make justified text's margin, and the share of lines that
# end within the margin otherwise.
_JUSTIFIED = 5
_FURTHEST = 0.97
_INITIAL = re.compile(r"(?:^|\s)[A-ZÆØÅ]\.$")
_BULLETS = frozenset("•·▪■◦‣○●-–—*")
# Words after a hyphen that leave a compound open: "social- og sundhedsudvalget".
_OPEN_COMPOUND = frozenset(("og", "eller", "samt", "til", "som", "and", "or"))


def join_text(upper: str, lower: str) -> str:
    """Two lines of one paragraph as one."""
    if len(upper) > 1 and upper[-1] == "-" and upper[-2].isalnum():
        first = lower.split(" ", 1)[0]
        stem = upper[:-1].rsplit(" ", 1)[-1]
        if first.lower() in _OPEN_COMPOUND:
            return f"{upper} {lower}"
        if first[:1].islower() and not stem.isupper() and not any(c.isdigit() for c in stem):
            return upper[:-1] + lower
        return upper + lower
    return f"{upper} {lower}"


def body_size(pages: Sequence[Sequence[Line]]) -> float:
    """The font size of most of the text."""
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[round(line.size, 1)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def right_margin(pages: Sequence[Sequence[Line]], least: float = 0.0) -> float:
    """Where the text's lines end at the right, which they wrap against: where most full lines
    of justified text end; else as far as all but the furthest few reach (a word too long for
    its line may stick out), but no less than ``least``."""
    rights = sorted(
        line.right for lines in pages for line in lines if line.cells == 1 and not line.listed
    )
    if not rights:
        return least
    ends = Counter(round(right) for right in rights)
    end, count = ends.most_common(1)[0]
    if count >= _JUSTIFIED and end >= rights[len(rights) // 2]:
        return float(max(r for r in rights if round(r) == end))
    return max(least, rights[min(len(rights) - 1, int(len(rights) * _FURTHEST))])


def _is_heading(line: Line, body: float) -> bool:
    return line.cells == 1 and not line.contents and (line.bold or line.size >= body + _LARGER)


def _same_font(upper: Line, lower: Line) -> bool:
    return upper.bold == lower.bold and abs(upper.size - lower.size) < 0.6


def _starts_on_its_own(text: str, *, bold: bool = False) -> bool:
    """A line that starts a list entry, an item or a section, whatever stands above it. In
    bold (a title) a dash is no list entry: ``... 2024`` / ``- Slutevaluering``."""
    if not bold and text[0] in _BULLETS and (len(text) == 1 or text[1] == " "):
        return True
    heading = heading_forms.heading_candidate(text)
    return (heading is not None and heading[3]) or sections.match_label(text) is not None


def _ends_paragraph(text: str) -> bool:
    return text.endswith(":") or is_sentence(text)


def _ends_entry(text: str) -> bool:
    """A line that ends as an entry of a list does: ``(A)``, a sentence; not an initial
    (``Connie B.``) or an abbreviation."""
    if text.endswith(")"):
        return True
    return is_sentence(text) and _INITIAL.search(text) is None


def _continues_cell(upper: Line, lower: Line) -> bool:
    """``lower`` continues the last cell of the table row ``upper``, under itself.

    A cell's edge is only guessed (from how far its column's text reaches): a capital after a
    line that ends as an entry does (:func:`_ends_entry`) starts the next entry of a list, as
    in ``Medlemmer:`` with a name and party a line."""
    cell = upper.parts[-1]
    if abs(lower.left - cell.left) > 2:
        return False
    if lower.text[:1].isupper() and _ends_entry(cell.text):
        return False
    return continues(cell, lower)


def _near(upper: Line, lower: Line) -> bool:
    """``lower`` stands where the next line of ``upper``'s paragraph would: the line spacing
    of running text, and about the same left edge."""
    gap = lower.top - upper.bottom
    if not -0.3 * upper.size <= gap <= _LEADING_GAP * upper.size:
        return False
    return upper.left - 2 * upper.size <= lower.left <= upper.left + 3 * upper.size


def continues(upper: Line, lower: Line, *, same_page: bool = True) -> bool:
    """``lower`` continues the paragraph or title of ``upper``; when ``upper`` is a table row,
    the text of its last cell (a value that wrapped under itself)."""
    if upper.cells > 1:
        return same_page and lower.cells == 1 and _continues_cell(upper, lower)
    never = lower.cells > 1 or upper.contents or lower.contents or upper.listed or lower.listed
    if never or not _same_font(upper, lower) or _starts_on_its_own(lower.text, bold=lower.bold):
        return False
    if same_page and not _near(upper, lower):
        return False
    if _ends_paragraph(upper.text) and heading_forms.heading_candidate(lower.text) is not None:
        return False  # a sentence, then a line with a heading's form: "3. Eventuelt"
    if lower.text[:1].isupper() and sections.match_label(upper.text) is not None:
        return False  # a whole label ("Økonomiudvalgets beslutning den 5. maj 2022"), then text
    hyphen = upper.text.endswith("-") and upper.text[-2:-1].isalnum()
    wrapped = upper.right + 0.3 * upper.size + lower.first_word > upper.edge - 1
    return wrapped or (hyphen and lower.text[:1].islower())


def _spaced(upper: Line, lower: Line, body: float) -> bool:
    """A blank line between two lines: a paragraph's spacing, or a heading."""
    if _is_heading(upper, body) != _is_heading(lower, body):
        return True
    if lower.top - upper.bottom < -0.3 * upper.size:
        return True  # the next column
    if upper.contents and lower.contents:
        return False  # the entries of a table of contents stay together
    return lower.top - upper.bottom > _LEADING_GAP * upper.size


def assemble(
    pages: Sequence[Sequence[Line]], *, min_edge: float = 0.0
) -> tuple[str, tuple[int, ...]]:
    """The text of the pages and the offset where each page starts in it. ``min_edge`` is
    where the text's right margin is at the least (a page of short lines shows none)."""
    body = body_size(pages)
    edge = right_margin(pages, min_edge)
    out: list[str] = []  # finished lines; the open one is ``current``
    size = 0  # characters in ``out``, newlines included
    current: str | None = None
    previous: Line | None = None
    starts: list[int | None] = []
    for lines in pages:
        first_of_page = True
        _set_edges(lines, edge)
        for line in lines:
            text = clean_characters(line.text).strip()
            if not text:
                continue
            line.text = text
            if previous is not None and current is not None:
                if not first_of_page and current == previous.text and continues_row(previous, line):
                    previous = _merged_rows(previous, line)
                    current = previous.text
                    continue
                if continues(previous, line, same_page=not first_of_page):
                    joined = join_text(current, text)
                    if first_of_page:
                        starts.append(size + len(joined) - len(text))
                    current = joined
                    previous = _merged(previous, line)
                    first_of_page = False
                    continue
                out.append(current)
                size += len(current) + 1
                if first_of_page or _spaced(previous, line, body):
                    out.append("")
                    size += 1
            if first_of_page:
                starts.append(size)
                first_of_page = False
            current, previous = text, line
        if first_of_page:  # a page without text starts where the next one does
            starts.append(None)
    if current is not None:
        out.append(current)
    text = "\n".join(out) + "\n" if out else ""
    filled: list[int] = []
    following = len(text)
    for start in reversed(starts):
        following = following if start is None else start
        filled.append(following)
    return text, tuple(reversed(filled))


def _set_edges(lines: Sequence[Line], edge: float) -> None:
    """The right edge each line was set against, where the page's columns have not set it:
    ``edge`` for a line, and the furthest any text reaches from a table cell's left."""
    reach: dict[int, float] = {}
    for line in lines:
        for part in line.parts or (line,):
            key = round(part.left / 2)
            reach[key] = max(reach.get(key, 0.0), part.right)
    for line in lines:
        line.edge = line.edge or edge
        for part in line.parts:
            key = round(part.left / 2)
            part.edge = max(reach.get(k, 0.0) for k in (key - 1, key, key + 1))


def continues_row(upper: Line, lower: Line) -> bool:
    """``lower`` holds the wrapped lines of some cells of the table row ``upper`` (a header
    "Oprindeligt" / "budget"): fewer cells, each under one of ``upper``'s, in its font, at
    the line spacing of running text."""
    if upper.cells < 2 or not 1 < lower.cells < upper.cells or upper.contents:
        return False
    if not -0.3 * upper.size <= lower.top - upper.bottom <= _LEADING_GAP * upper.size:
        return False
    return all(_cell_above(upper, part) is not None for part in lower.parts)


def _cell_above(upper: Line, part: Line) -> int | None:
    for index, cell in enumerate(upper.parts):
        if abs(cell.left - part.left) <= 2 and _same_font(cell, part):
            return index
    return None


def _merged_rows(upper: Line, lower: Line) -> Line:
    cells = list(upper.parts)
    for part in lower.parts:
        index = _cell_above(upper, part)
        if index is not None:
            cell = cells[index]
            cells[index] = dataclasses.replace(
                cell, text=join_text(cell.text, part.text), bottom=part.bottom,
                right=max(cell.right, part.right),
            )  # fmt: skip
    return dataclasses.replace(
        upper, text="\t".join(c.text for c in cells), bottom=lower.bottom, parts=cells
    )


def _merged(upper: Line, lower: Line) -> Line:
    """The joined line as the next line sees it: it ends where ``lower`` ends."""
    if upper.cells > 1:
        cell = _merged(upper.parts[-1], lower)
        return dataclasses.replace(upper, bottom=lower.bottom, parts=[*upper.parts[:-1], cell])
    return Line(
        text=lower.text,
        left=upper.left,
        right=lower.right,
        top=upper.top,
        bottom=lower.bottom,
        size=lower.size,
        bold=lower.bold,
        first_word=upper.first_word,
        edge=lower.edge,
    )
