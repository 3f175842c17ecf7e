"""The state one parse carries from rule to rule, and the tokens the rules leave on it.

Every token remembers its line (an index into :attr:`ParseState.lines`), so every fact built
from it can point back at the source text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.lines import Line, split_lines
from loaders.model import Meeting, Span
from loaders.page_evidence import PageLine
from loaders.rules.item_refs import ItemRef

# Markup the text layer may have left around a line; stripped only to *recognise* a line,
# never from the text that is returned.
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")
_EDGE_MARKUP = "*_`"
_LONGEST_RECOGNISED = 300


def plain_line(raw: str) -> str:
    """The line as a person reads it: outer white space, heading marks, emphasis and HTML tags
    gone, inner white space collapsed.

    >>> plain_line("## **Punkt 2:  JAI - Orientering**  ")
    'Punkt 2: JAI - Orientering'
    >>> plain_line("<b>Mødedato</b>\\tOnsdag")
    'Mødedato Onsdag'
    """
    line = raw.strip()
    # Paragraphs are never labels, headings or header fields: they stay as printed. Substring
    # tests are several times faster than a regular expression here, and this runs per line.
    if len(line) > _LONGEST_RECOGNISED or not (
        "  " in line
        or "\t" in line
        or "#" in line
        or "<" in line
        or "*" in line
        or "_" in line
        or "`" in line
        or "\u00a0" in line
    ):
        return line
    if line[0] == "#":
        line = line.lstrip("#").strip()
    if "<" in line:
        line = _TAG.sub(" ", line).strip()
    if line and (line[0] in _EDGE_MARKUP or line[-1] in _EDGE_MARKUP):
        line = line.strip(_EDGE_MARKUP + " \t")
    if "**" in line:
        line = line.replace("**", "")
    return " ".join(line.split())


def locate(raw: str, part: str) -> tuple[int, int] | None:
    """Where ``part`` is printed in ``raw``, white space in ``part`` standing for any run of
    white space (tabs, double spaces) in ``raw``.

    >>> locate("Kopier link  -\\tPrint", "link - Print")
    (7, 20)
    >>> locate("Punkt 1", "Punkt 2") is None
    True
    """
    if not part:
        return None
    at = raw.find(part)
    if at >= 0:
        return at, at + len(part)
    words = part.split()
    if not words:
        return None
    at = raw.find(words[0])
    while at >= 0:
        end = at + len(words[0])
        for word in words[1:]:
            gap = end
            while gap < len(raw) and raw[gap].isspace():
                gap += 1
            if gap == end or not raw.startswith(word, gap):
                break
            end = gap + len(word)
        else:
            return at, end
        at = raw.find(words[0], at + 1)
    return None


@dataclass(frozen=True, slots=True)
class Label:
    """A section label found on a line: canonical ``key``, the ``heading`` as printed, and the
    text after it on the same line (``Beslutning: Godkendt.``), if any."""

    key: str
    heading: str
    line: int
    start: int = 0  # offset of the heading within the raw line
    stop: int = 0
    rest: str = ""
    committee: str | None = None  # "Beslutning <udvalg> den <dato>"
    date_text: str | None = None
    weak: bool = False  # also common as a sub-heading inside a section


@dataclass(frozen=True, slots=True)
class HeadingCandidate:
    """A line that has the form of an agenda item heading; confirmed or not by structure later.

    ``number`` is None for an item printed without a number (it starts at a case-number line,
    an access line or a repeated run of labels); ``title`` is ``""`` when none is printed.
    """

    line: int
    number: int | None
    title: str
    form: str  # name of the heading rule that matched, e.g. "punkt-number"
    strong: bool  # the form itself says "item" (``Punkt 3:``), not just a number
    prefix: str | None = None
    closed: bool = False
    last: int = -1  # last line of the heading (a title wrapped or printed on the next line)
    column: int = 0  # where the heading starts in its line (glued to the previous text)
    # First line of the item's body when the heading line itself belongs to it (an item that
    # starts at its case number or its first label); -1: the body starts after the heading.
    body: int = -1

    @classmethod
    def titled(
        cls,
        line: int,
        number: int | None,
        split: tuple[str, str | None, bool],
        form: str,
        *,
        strong: bool = False,
        closed: bool = False,
        last: int = -1,
        column: int = 0,
        body: int = -1,
    ) -> HeadingCandidate:
        """A heading whose printed title ``split_title`` split into ``(title, prefix,
        closed)``; the item is closed if either the title or ``closed`` says so."""
        title, prefix, closed_title = split
        return cls(
            line=line,
            number=number,
            title=title,
            form=form,
            strong=strong,
            prefix=prefix,
            closed=closed or closed_title,
            last=last,
            column=column,
            body=body,
        )

    @property
    def last_line(self) -> int:
        """The heading's last line: its own, or the last line of a title printed below it."""
        return max(self.line, self.last)

    @property
    def body_start(self) -> int:
        """The first line of the item's body (sections, case numbers, access line)."""
        return self.body if self.body >= 0 else self.line + 1


@dataclass(frozen=True, slots=True)
class TocEntry:
    """One line of a table of contents; ``page`` is None in a table printed without pages."""

    line: int
    number: int | None
    title: str
    page: int | None
    numbered: bool = False  # the number is printed (not counted from the entry's place)


@dataclass(slots=True)
class ParseState:
    """Everything one parse knows: the text, its lines, the tokens found so far, the meeting
    being filled, and the notes and rule names for the load report."""

    text: str
    lines: list[Line]
    plain: list[str]
    given_municipality: str | None = None
    noise: list[bool] = field(default_factory=list)
    labels: dict[int, tuple[Label, ...]] = field(default_factory=dict)
    candidates: dict[int, HeadingCandidate] = field(default_factory=dict)
    toc_lines: range = range(0)
    toc: list[TocEntry] = field(default_factory=list)
    headings: list[HeadingCandidate] = field(default_factory=list)
    meeting: Meeting = field(default_factory=Meeting)
    notes: list[str] = field(default_factory=list)
    layout: list[str] = field(default_factory=list)
    problem: str | None = None  # why the text cannot be read as minutes; the parser raises it
    # What a web page says about itself outside the text (title, meta tags, the site's footer):
    # evidence of the municipality only, never part of the text.
    page_evidence: tuple[PageLine, ...] = ()
    # Lines that end an item and start the next (a heading glued to the previous text by
    # extraction, ``...byrådet.9. Title``): how many characters belong to the earlier item.
    line_ends: dict[int, int] = field(default_factory=dict)
    # The items an absence's note says the person missed, by the span of the person's name
    # (``X forlod mødet efter punkt 6``), resolved once the meeting's items are known.
    item_refs: dict[Span, ItemRef] = field(default_factory=dict)

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        municipality: str | None = None,
        page_evidence: tuple[PageLine, ...] = (),
    ) -> ParseState:
        lines = split_lines(text)
        return cls(
            text=text,
            lines=lines,
            plain=[plain_line(line.text) for line in lines],
            given_municipality=municipality,
            noise=[False] * len(lines),
            page_evidence=page_evidence,
        )

    @property
    def header_end(self) -> int:
        """Index of the first item heading (the header is everything before it)."""
        return self.headings[0].line if self.headings else len(self.lines)

    def next_content(self, index: int, stop: int | None = None) -> int | None:
        """Index of the first non-blank, non-noise line after ``index`` (before ``stop``)."""
        stop = len(self.lines) if stop is None else stop
        plain, noise = self.plain, self.noise
        for i in range(index + 1, stop):
            if plain[i] and not noise[i]:
                return i
        return None

    def previous_content(self, index: int, start: int = 0) -> int | None:
        """Index of the last non-blank, non-noise line before ``index`` (from ``start``)."""
        plain, noise = self.plain, self.noise
        for i in range(index - 1, start - 1, -1):
            if plain[i] and not noise[i]:
                return i
        return None

    def span(self, first: int, last: int) -> Span:
        """The span of lines ``first..last`` (indices, inclusive); a last line that the next
        item's heading shares ends where that heading starts."""
        a, b = self.lines[first], self.lines[last]
        cut = self.line_ends.get(last)
        return Span(a.number, b.number, a.begin, b.end if cut is None else b.begin + cut)

    def line_text(self, index: int) -> str:
        """Line ``index`` as printed, without a heading glued to its end (see ``line_ends``)."""
        text = self.lines[index].text
        cut = self.line_ends.get(index)
        return text if cut is None else text[:cut]

    def span_in_line(self, index: int, part: str) -> Span:
        """The span of ``part`` within line ``index``, white space in ``part`` matching any run
        of white space in the line; the whole line if ``part`` is not there (markup between)."""
        line = self.lines[index]
        found = locate(line.text, part)
        return line.span(*found) if found else line.span()

    def text_of(self, first: int, last: int) -> str:
        """The exact text of lines ``first..last`` without noise lines and without blank lines
        at either end, joined by newlines."""
        bounds = self.trimmed(first, last)
        if bounds is None:
            return ""
        lines, noise = self.lines, self.noise
        return "\n".join(lines[i].text for i in range(bounds[0], bounds[1] + 1) if not noise[i])

    def trimmed(self, first: int, last: int) -> tuple[int, int] | None:
        """``first..last`` without blank or noise lines at either end; None if nothing is left."""
        plain, noise = self.plain, self.noise
        while first <= last and (not plain[first] or noise[first]):
            first += 1
        while last >= first and (not plain[last] or noise[last]):
            last -= 1
        return (first, last) if first <= last else None
