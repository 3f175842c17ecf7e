"""Marking mentions in a text, safely: the text becomes a list of segments, plain or marked
(with the page of what is mentioned), and the template escapes each one. No HTML is built here.

Spans that overlap are settled longest first: a span that overlaps one already kept is dropped,
so marks never nest and a kept mention is never cut. Spans outside the text are ignored.

>>> text = "KLAPjob og beskæftigelsesloven"
>>> [(s.text, s.href) for s in segments(text, [Span(0, 7, "/program/klapjob", "KLAPjob")])]
[('KLAPjob', '/program/klapjob'), (' og beskæftigelsesloven', None)]
>>> [s.text for s in segments(text, [Span(11, 30, "/lov/a"), Span(11, 17, "/x")])]
['KLAPjob og ', 'beskæftigelsesloven']
>>> paragraphs(segments("a\\n\\nb", [])) == [[Segment("a")], [Segment("b")]]
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

_BLANK_LINES = re.compile(r"\n{2,}")


@dataclass(frozen=True, slots=True)
class Span:
    """A mention: characters ``begin`` to ``end`` (code points, end exclusive) of the text."""

    begin: int
    end: int
    href: str | None = None
    title: str | None = None
    anchor: str | None = None  # the mark's id, for links to it (``omtale-3``)


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the text; ``marked`` pieces are mentions, linked when ``href`` is given."""

    text: str
    href: str | None = None
    title: str | None = None
    marked: bool = False
    anchor: str | None = None

    def as_dict(self) -> dict[str, str | bool | None]:
        found: dict[str, str | bool | None] = {
            "text": self.text, "href": self.href, "title": self.title, "marked": self.marked,
        }  # fmt: skip
        if self.anchor is not None:
            found["id"] = self.anchor
        return found


def kept_spans(text: str, spans: Iterable[Span]) -> list[Span]:
    """The spans to mark, in text order: inside the text, trimmed of white space at their
    edges (a mark never starts or ends a line or a paragraph), not empty, longest first wins.

    >>> kept_spans("a\\n\\nb", [Span(0, 2)])
    [Span(begin=0, end=1, href=None, title=None, anchor=None)]
    """
    inside = [t for s in spans if 0 <= s.begin < s.end <= len(text) if (t := _trimmed(text, s))]
    kept: list[Span] = []
    for span in sorted(inside, key=lambda s: (s.begin - s.end, s.begin)):
        if all(span.end <= k.begin or k.end <= span.begin for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.begin)


def _trimmed(text: str, span: Span) -> Span | None:
    begin, end = span.begin, span.end
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if begin >= end:
        return None
    return span if (begin, end) == (span.begin, span.end) else replace(span, begin=begin, end=end)


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """``text`` cut into plain and marked segments; joined, they give ``text`` back."""
    found: list[Segment] = []
    at = 0
    for span in kept_spans(text, spans):
        if span.begin > at:
            found.append(Segment(text[at : span.begin]))
        found.append(Segment(text[span.begin : span.end], span.href, span.title, True, span.anchor))
        at = span.end
    if at < len(text):
        found.append(Segment(text[at:]))
    return found


def paragraphs(found: list[Segment]) -> list[list[Segment]]:
    """The segments split into paragraphs at blank lines in plain text (a mention stays whole);
    single line breaks stay in the segments for the template to show."""
    result: list[list[Segment]] = [[]]
    for segment in found:
        if segment.marked or "\n\n" not in segment.text:
            result[-1].append(segment)  # whole (the usual case: no copy)
            continue
        for i, piece in enumerate(_BLANK_LINES.split(segment.text)):
            if i > 0:
                result.append([])
            if piece:
                result[-1].append(Segment(piece))  # plain text: no link, no mark
    return [p for p in result if p]


def marked_text(text: str, spans: Iterable[Span]) -> list[list[dict[str, str | bool | None]]]:
    """What a template shows of a text: paragraphs of segments as plain dicts."""
    return [[s.as_dict() for s in p] for p in paragraphs(segments(text, spans))]
