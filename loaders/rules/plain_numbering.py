"""Numbered items with nothing but text under them: minutes of councils, boards and small
committees often print ``1. Godkendelse af dagsorden`` and then the minute itself
(``Dagsordenen blev godkendt.``), with no case number, section label or access line to confirm
the heading. Such headings are read only where no heading is confirmed otherwise, under a header
that dates the meeting, and only as a run that reads as an agenda rather than as a list: the
numbers go up by one from 1 (or the run is long), every title reads as a title, not as a
sentence, and text stands under every heading before the next one."""

from __future__ import annotations

import itertools

from loaders import dates
from loaders.rules import titles
from loaders.rules.header_labels import other_date_first
from loaders.rules.parse_state import HeadingCandidate, ParseState

# Forms that say "number, then title" plainly enough; a number and a space, or a number alone,
# is what page numbers look like.
_FORMS = (
    "ad-number",
    "number-dot",
    "number-colon",
    "number-paren",
    "number-parenthesised",
    "number-dash",
)
_LONGEST_TITLE = 150
_SHORTEST_RUN = 2  # from 1 ...
_SHORTEST_RUN_ELSEWHERE = 3  # ... or from any other number
_LONGEST_RUN = 500  # agendas are shorter; a longer run starts again (bounds the copying)


def agenda_run(
    state: ParseState, unconfirmed: dict[str, list[HeadingCandidate]]
) -> tuple[list[HeadingCandidate], str]:
    """The longest run of unconfirmed headings of one form that reads as an agenda, and its
    form; empty if none does."""
    best: list[HeadingCandidate] = []
    best_form = ""
    dated: int | None = -1  # the first line dating the meeting; -1: not looked for yet
    for form in _FORMS:
        run = _run(state, sorted(unconfirmed.get(form, []), key=lambda c: c.line))
        if len(run) <= len(best):
            continue
        if dated == -1:
            dated = _first_dated_line(state)
        if dated is not None and dated < run[0].line:
            best, best_form = run, form
    return best, best_form


def _run(state: ParseState, candidates: list[HeadingCandidate]) -> list[HeadingCandidate]:
    """The longest run of ``candidates`` numbered one up from the one before, each with text
    of its own under it (a list of titles, such as an agenda printed before the minutes, is no
    run of items); linear in the number of candidates."""
    ending: dict[int, list[HeadingCandidate]] = {}  # number -> the run that ends there
    best: list[HeadingCandidate] = []
    listed = _in_lists(state, candidates)
    for candidate in candidates:
        if candidate.number is None or candidate.line in listed:
            continue
        if not _reads_as_heading(candidate):
            continue
        before = ending.get(candidate.number - 1)
        if before and state.next_content(before[-1].last_line, candidate.line) is not None:
            run = [*before, candidate] if len(before) < _LONGEST_RUN else [candidate]
        else:
            run = [candidate]
        if len(run) >= len(ending.get(candidate.number, ())):
            ending[candidate.number] = run  # a list inside an item must not cut the run
        if state.next_content(candidate.last_line) is None:
            run = run[:-1]  # the last heading has nothing under it
        if len(run) > len(best) and _long_enough(run):
            best = run
    return best


def _first_dated_line(state: ParseState) -> int | None:
    """The first line with a date that is not another day's (``Publiceret 12. marts 2023``,
    ``Næste møde ...``): where a header says when the meeting was."""
    return next(
        (
            index
            for index, plain in enumerate(state.plain)
            if plain and dates.find_dates(plain) and not other_date_first(plain)
        ),
        None,
    )


def _in_lists(state: ParseState, candidates: list[HeadingCandidate]) -> set[int]:
    """Lines of candidates with no text between them and the candidate before or after: the
    entries of a numbered list (``1. Flere busser`` / ``2. Bedre skiltning``)."""
    found: set[int] = set()
    for before, after in itertools.pairwise(candidates):
        if state.next_content(before.last_line, after.line) is None:
            found.update((before.line, after.line))
    return found


def _reads_as_heading(candidate: HeadingCandidate) -> bool:
    title = candidate.title
    return (
        candidate.number is not None
        and bool(title)
        and len(title) <= _LONGEST_TITLE
        and not titles.is_sentence(title)
    )


def _long_enough(run: list[HeadingCandidate]) -> bool:
    if run[0].number == 1:
        return len(run) >= _SHORTEST_RUN
    return len(run) >= _SHORTEST_RUN_ELSEWHERE
