"""Item headings the chosen chain of headings jumped over: an unconfirmed candidate with the
missing number alone in the gap, or a heading that text extraction glued to the end of the
line before it (``... Referat9. Title``), also after the last heading."""

from __future__ import annotations

from loaders import dates
from loaders.rules.parse_state import HeadingCandidate, ParseState
from loaders.rules.titles import split_title

_MONTHS = frozenset(dates.MONTHS)


def fill_gaps(
    state: ParseState, chain: list[HeadingCandidate], unconfirmed: list[HeadingCandidate]
) -> list[HeadingCandidate]:
    """Headings the chain jumped over: the unconfirmed candidates of the chain's form in a gap
    when they are exactly the missing numbers in order, else one with the missing number
    alone in the gap, or a heading glued to the end of the line before it by text extraction
    (``... Referat9. Title``); likewise one more at the end."""
    filled: list[HeadingCandidate] = []
    for position, heading in enumerate(chain):
        filled.append(heading)
        number = heading.number
        if number is None:
            continue
        after = chain[position + 1] if position + 1 < len(chain) else None
        line = heading.last_line
        if after is not None:
            missing_numbers = list(range(number + 1, after.number or 0))
            inside = sorted(
                (c for c in unconfirmed if line < c.line < after.line), key=lambda c: c.line
            )
            if missing_numbers and [c.number for c in inside] == missing_numbers:
                filled.extend(inside)  # the gap holds exactly the missing headings, in order
                continue
            for missing in missing_numbers:
                found = _missing_heading(state, unconfirmed, missing, line, after.line)
                if found is not None:
                    filled.append(found)
                    line = found.last_line
            continue
        missing = number + 1
        while True:  # more at the end: glued to the last item's text
            found = _missing_heading(state, unconfirmed, missing, line, len(state.lines))
            if found is None:
                break
            filled.append(found)
            line, missing = found.last_line, missing + 1
    return filled


def _missing_heading(
    state: ParseState, unconfirmed: list[HeadingCandidate], number: int, start: int, stop: int
) -> HeadingCandidate | None:
    """The heading ``number`` between lines ``start`` and ``stop``: the one candidate of the
    chain's form there, if it stands alone (a list ``1. ... 2. ... 3.`` inside a section is
    not a lost heading), else a heading glued to other text."""
    inside = [c for c in unconfirmed if start < c.line < stop]
    if len(inside) == 1 and inside[0].number == number:
        return inside[0]
    if inside:
        return None
    return _glued_heading(state, number, start, stop)


_GLUED_LOOKAHEAD = 400  # lines searched for a heading glued to the end of the last item


def _glued_heading(
    state: ParseState, number: int, start: int, stop: int
) -> HeadingCandidate | None:
    """``...Referat9. Title``: the heading ``number`` printed right after other text on a
    line between ``start`` and ``stop`` (one such line only)."""
    marker = f"{number}."
    found: HeadingCandidate | None = None
    for index in range(start + 1, min(stop, start + 1 + _GLUED_LOOKAHEAD)):
        plain = state.plain[index]
        at = plain.find(marker, 1) if not state.noise[index] else -1
        while at > 0:
            candidate = _glued_at(state, index, plain, at, number)
            if candidate is not None:
                if found is not None:
                    return None  # two places: neither is sure
                found = candidate
            at = plain.find(marker, at + 1)
    return found


def _glued_at(
    state: ParseState, index: int, plain: str, at: int, number: int
) -> HeadingCandidate | None:
    before = plain[at - 1]
    if before.isdigit() or before.isspace():
        return None  # "19." is not "9.", and "se pkt. 9. Title" is a reference
    printed = plain[at + len(str(number)) + 1 :].strip()
    if not printed or not (printed[0].isupper() or printed[0] in "\"'«“"):
        return None
    if printed.split(" ", 1)[0].lower().rstrip(".,") in _MONTHS:
        return None
    raw = state.lines[index].text  # the heading's column is where its number starts
    column = raw.rfind(plain[at : at + len(str(number)) + 1], 0, max(raw.find(printed), 0))
    return HeadingCandidate.titled(
        index, number, split_title(printed), "glued", last=index, column=max(column, 0)
    )


__all__ = ["fill_gaps"]
