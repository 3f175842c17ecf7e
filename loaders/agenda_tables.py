"""Agenda items printed as the rows of a table: a decision register (beslutningsprotokol) with a
column for the item's number, one for its title and one per section (``Nr. | Sag |
Beslutning``), as old archives and some exports print it. A web page's data table reaches the
text as one line per row with its cells separated by tabs (:mod:`loaders.html_tables`), and so
does a table copied into a text file. Each row is written again as the item it is: the
heading (``3. Title``), then each section's label on its own line and its text under it, the
form the item rules read. Any other table is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.rules import casenumbers, sections

_NUMBER_HEAD = re.compile(r"(?:nr|pkt|punkt|dagsordenspunkt)\.?", re.IGNORECASE)
_TITLE_HEAD = re.compile(
    r"(?:sag|sagen|titel|emne|overskrift|dagsordenspunkt|punkt|sagens titel)", re.IGNORECASE
)
_NUMBER_CELL = re.compile(r"(?P<n>\d{1,3})\.?")
_SEPARATOR = "\t"
_FEWEST_COLUMNS = 3  # the number, the title and a section


@dataclass(frozen=True, slots=True)
class _Columns:
    """What each column of an agenda table holds: the number, the title, and the others by
    the label they are printed under (a section label or a case-number label)."""

    number: int
    title: int
    others: tuple[tuple[int, str, bool], ...]  # (column, label as printed, a case number)


def _columns(head: str) -> _Columns | None:
    """The columns of an agenda table whose heading row is ``head``, or None if it is none:
    a number column, a title column and at least one section column."""
    cells = [cell.strip().rstrip(":") for cell in head.split(_SEPARATOR)]
    if len(cells) < _FEWEST_COLUMNS:
        return None
    number = next((i for i, c in enumerate(cells) if _NUMBER_HEAD.fullmatch(c)), None)
    title = next((i for i, c in enumerate(cells) if i != number and _TITLE_HEAD.fullmatch(c)), None)
    if number is None or title is None:
        return None
    others: list[tuple[int, str, bool]] = []
    for index, cell in enumerate(cells):
        if index in (number, title):
            continue
        if casenumbers.labelled_value(cell) == "":
            others.append((index, cell, True))
        elif sections.match_label(cell) is not None:
            others.append((index, cell, False))
        else:
            return None  # a column of something else: not an agenda
    if not any(not case for _, _, case in others):
        return None
    return _Columns(number, title, tuple(others))


def _item_lines(cells: list[str], columns: _Columns) -> list[str] | None:
    """The lines of the item a row of the table holds, or None if the row holds none."""
    number = _NUMBER_CELL.fullmatch(cells[columns.number].strip())
    title = cells[columns.title].strip()
    if number is None or not title:
        return None
    lines = [f"{number['n']}. {title}"]
    for index, label, case in columns.others:
        value = cells[index].strip()
        if not value:
            continue
        lines.extend([f"{label}: {value}"] if case else [label, value])
    return lines


def expand_agenda_tables(lines: list[str]) -> list[str] | None:
    """``lines`` with every agenda table's rows written as items, or None when the text holds
    no agenda table.

    >>> expand_agenda_tables(["Nr.\\tSag\\tBeslutning", "1\\tBudget\\tGodkendt.", "Slut"])
    ['1. Budget', 'Beslutning', 'Godkendt.', 'Slut']
    >>> expand_agenda_tables(["Nr.\\tNavn\\tParti", "1\\tAnne Holm\\tA"]) is None
    True
    >>> expand_agenda_tables(["Nr.\\tSag\\tBeslutning", "Ingen sager"]) is None
    True
    """
    out: list[str] = []
    changed = False
    columns: _Columns | None = None
    width = 0
    head = -1  # where the table's heading row stands in ``out``, until its first row
    for line in lines:
        cells = line.split(_SEPARATOR) if _SEPARATOR in line else []
        if columns is not None and len(cells) == width:
            item = _item_lines(cells, columns)
            if item is not None:
                if head >= 0:
                    del out[head]  # the heading row is no text of the minutes
                    head = -1
                out.extend(item)
                changed = True
                continue
        columns = _columns(line) if cells else None
        width = len(cells)
        head = len(out) if columns is not None else -1
        out.append(line)
    return out if changed else None


def expand_in_text(text: str) -> str:
    """``text`` with its agenda tables written as items; ``text`` itself when it has none."""
    if _SEPARATOR not in text:
        return text
    expanded = expand_agenda_tables(text.split("\n"))
    return text if expanded is None else "\n".join(expanded)
