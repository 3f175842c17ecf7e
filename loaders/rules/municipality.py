"""Which municipality the minutes are from.

Given by the caller, it wins. Otherwise it is *stated* when the header or a page footer names
``<Name> Kommune`` (a town hall such as ``Lemvig Rådhus`` is not enough), else *inferred* as the
municipality whose ``<Name> Kommune`` the text mentions most often, with a note saying so.
"""

from __future__ import annotations

from collections import Counter

from loaders import municipalities
from loaders.model import Span
from loaders.rules.state import ParseState


def _mentions(state: ParseState, indices: range | list[int]) -> list[tuple[str, Span]]:
    """Every ``<Name> Kommune`` on the given lines, with its span.

    The pattern has all 98 names in it, so it only looks at a short window before each
    ``ommune``, widened to the start of a word.
    """
    found: list[tuple[str, Span]] = []
    lines = state.lines
    for index in indices:
        text = lines[index].text
        at = text.find("ommune")
        seen = -1
        while at >= 0:
            start = max(text.rfind(" ", 0, max(at - _WINDOW, 0)) + 1, 0)
            for municipality, begin, end in municipalities.find_in_text(text[start : at + 8]):
                if start + begin > seen:
                    seen = start + begin
                    found.append((municipality.name, lines[index].span(start + begin, start + end)))
            at = text.find("ommune", at + 6)
    return found


_WINDOW = 40  # longer than "Ringkøbing-Skjern " and every other name


def _set(state: ParseState, name: str, source: str, span: Span | None) -> None:
    meeting = state.meeting
    meeting.municipality, meeting.municipality_source = name, source
    if span is not None:
        meeting.spans["municipality"] = span


def _stated(state: ParseState) -> tuple[str, Span] | None:
    """The municipality the header or a page footer names, the most named if several."""
    header = [i for i in range(state.header_end) if i not in state.toc_lines and state.plain[i]]
    footers = [i for i, noisy in enumerate(state.noise) if noisy and i >= state.header_end]
    stated = _mentions(state, header + footers)
    if not stated:
        return None
    name = Counter(name for name, _ in stated).most_common(1)[0][0]
    return name, next(span for n, span in stated if n == name)


def _inferred(state: ParseState) -> tuple[str, Span] | None:
    """The municipality the whole text mentions most often; none on a tie."""
    mentions = _mentions(state, range(len(state.lines)))
    if not mentions:
        return None
    ranked = Counter(name for name, _ in mentions).most_common(2)
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        state.notes.append(
            f"municipality unclear: '{ranked[0][0]} Kommune' and '{ranked[1][0]} Kommune' are "
            f"mentioned {ranked[0][1]} times each"
        )
        return None
    name, count = ranked[0]
    plural = "mention" if count == 1 else "mentions"
    state.notes.append(f"municipality inferred from {count} {plural} of '{name} Kommune'")
    return name, next(span for n, span in mentions if n == name)


def find_municipality(state: ParseState) -> bool:
    """Core rule: set ``municipality`` and ``municipality_source``."""
    if state.given_municipality is not None:
        given = municipalities.by_name(state.given_municipality)
        if given is None:
            state.problem = (
                f"unknown municipality '{state.given_municipality}': "
                "give one of the 98 names, with or without 'Kommune'"
            )
            return False
        _set(state, given.name, "given", None)
        return True
    if state.meeting.municipality_source == "stated":
        return True  # a "Kommune:" line in the header said so
    stated = _stated(state)
    if stated is not None:
        _set(state, stated[0], "stated", stated[1])
        return True
    inferred = _inferred(state)
    if inferred is not None:
        _set(state, inferred[0], "inferred", inferred[1])
    return inferred is not None
