"""The lines of a normalised text, each knowing where it sits, and spans built from them.

Lines are split on ``"\\n"`` and counted from 1, as :mod:`loaders.model` defines them. A final
``"\\n"`` ends the last line; it does not start an empty one (as in an editor and as
:meth:`str.splitlines`).

>>> lines = split_lines("Punkt 1\\nBeslutning\\nGodkendt.\\n")
>>> lines[1]
Line(number=2, begin=8, end=18, text='Beslutning')
>>> span_of(lines[1:])
Span(first_line=2, last_line=3, begin=8, end=28)
>>> lines[0].span(6, 7)
Span(first_line=1, last_line=1, begin=6, end=7)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from loaders.model import Span


@dataclass(frozen=True, slots=True)
class Line:
    """One line: its 1-based ``number``, the offsets ``begin..end`` of its text in the full text
    (``end`` excludes the newline) and the ``text`` itself, so ``full[begin:end] == text``."""

    number: int
    begin: int
    end: int
    text: str

    def span(self, start: int = 0, stop: int | None = None) -> Span:
        """The span of ``self.text[start:stop]`` (offsets within the line; both default to the
        whole line). Negative or out-of-range offsets are a programming error."""
        stop = len(self.text) if stop is None else stop
        if not 0 <= start <= stop <= len(self.text):
            raise ValueError(f"range {start}..{stop} is outside line {self.number}")
        return Span(self.number, self.number, self.begin + start, self.begin + stop)


def split_lines(text: str) -> list[Line]:
    """The lines of ``text`` in one pass; ``""`` has none."""
    lines: list[Line] = []
    begin = 0
    size = len(text)
    number = 1
    while begin < size:
        end = text.find("\n", begin)
        if end < 0:
            end = size
        lines.append(Line(number, begin, end, text[begin:end]))
        number += 1
        begin = end + 1
    return lines


def span_of(lines: Sequence[Line]) -> Span:
    """The span from the start of the first line to the end of the last (line order as given,
    which must be document order)."""
    if not lines:
        raise ValueError("span_of needs at least one line")
    first, last = lines[0], lines[-1]
    if last.number < first.number:
        raise ValueError(f"lines out of order: {first.number} after {last.number}")
    return Span(first.number, last.number, first.begin, last.end)
