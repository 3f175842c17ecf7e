"""Agenda item headings, of the forms in :mod:`loaders.rules.heading_forms` (``Punkt 3:
title``, ``3. title``, a number alone with its title on the next line, ...).

A line that has the form of a heading is only a *candidate*; numbered lists inside a section
look the same (``1. Alle ledige skal ...``). A candidate becomes an item heading when structure
confirms it: the numbers run in sequence (from any number: running numbers across the year go
118, 119, ...), and a weak form (a bare number) is followed by a case number, a section label or
an access line, or matches the table of contents. Minutes that number no items are read by
:mod:`loaders.rules.unnumbered`.
"""

from __future__ import annotations

import dataclasses

from loaders.rules import (
    casenumbers,
    heading_gaps,
    people,
    plain_numbering,
    sections,
    signatures,
    titles,
    unnumbered,
    unnumbered_among,
)
from loaders.rules.heading_forms import FIRST_CHARS, HEADING_RULES, heading_candidate
from loaders.rules.parse_state import HeadingCandidate, ParseState
from loaders.rules.titles import split_title

# How far numbering may jump over a lost heading and still be one agenda.
_MAX_GAP = 3
_MIN_NUMBERED = 2  # fewer numbered headings than this: look for unnumbered items


def mark_candidates(state: ParseState) -> bool:
    """Core rule: every line with the form of an item heading (one pass)."""
    for index, plain in enumerate(state.plain):
        if not plain or plain[0] not in FIRST_CHARS:
            continue
        found = heading_candidate(plain)
        if found is None:
            continue
        form, number, printed, strong = found
        split, last = split_title(printed), index
        if not printed:  # "Punkt 3", "3.": the title stands on the next line, if anywhere
            below = titles.title_below(state, index)
            if below is not None:
                split, last = split_title(below[0]), below[1]
            elif form == "number-alone" and not _case_below(state, index):
                continue  # a number alone with no title under it: a page number, a count
        state.candidates[index] = HeadingCandidate.titled(
            index, number, split, form, strong=strong, last=last
        )
    return bool(state.candidates)


def _case_below(state: ParseState, index: int) -> bool:
    """A case-number or access line right below line ``index``."""
    following = state.next_content(index)
    if following is None:
        return False
    plain = state.plain[following]
    return casenumbers.is_case_line(plain) or titles.is_access_line(plain)


def _has_evidence(state: ParseState, candidate: HeadingCandidate, toc_titles: set[str]) -> bool:
    """Structure that confirms a heading: what follows it, or the table of contents."""
    if candidate.title and title_key(candidate.title) in toc_titles:
        return True
    following = state.next_content(candidate.last_line)
    if following is None:
        return candidate.strong
    plain = state.plain[following]
    return (
        following in state.labels
        or _opens_with_label(plain)
        or casenumbers.is_case_number_line(plain)
        or titles.is_access_line(plain)
        or plain.lower() in people.STATUS_LINES
        or people.is_attendance_line(plain)
    )


_LONGEST_INLINE_LABEL = 40


def _opens_with_label(plain: str) -> bool:
    """``Sagsfremstilling: <a paragraph>``: a section label with its text on its line, however
    long the text (a long line is otherwise never taken for a label)."""
    head, colon, _ = plain[: _LONGEST_INLINE_LABEL + 1].partition(":")
    return bool(colon) and sections.match_label(head) is not None


def title_key(title: str) -> str:
    """A short comparable form of a title."""
    # TOC titles and headings differ in small ways (a typo, a trailing period): compare starts.
    return " ".join(title.lower().split())[:24]


def _list_entries(state: ParseState, candidates: list[HeadingCandidate]) -> set[int]:
    """Lines of candidates that read as entries of a list inside a section: a section label
    stands between the candidate before and this one, and the title ends as a sentence ends
    (``1. Alle ledige skal tilbydes samtale.``). Headings rarely end so; such a candidate is
    still a heading where nothing better has its number. Each line is looked at once."""
    found: set[int] = set()
    previous = 0
    for candidate in sorted(candidates, key=lambda c: c.line):
        if titles.is_sentence(candidate.title) and any(
            i in state.labels or _opens_with_label(state.plain[i])
            for i in range(previous, candidate.line)
        ):
            found.add(candidate.line)
        previous = candidate.line + 1
    return found


def _best_chain(
    candidates: list[HeadingCandidate], list_entries: set[int]
) -> tuple[list[HeadingCandidate], int]:
    """The longest run of candidates whose numbers go up by one (or jump a few over a lost
    heading), in document order, and how many of its candidates read as headings (not as
    ``list_entries``); linear in the number of candidates. Of runs alike in length, the one
    with more headings wins."""
    # number -> (chain length, headings in it, index into candidates)
    best: dict[int, tuple[int, int, int]] = {}
    back: list[int] = []
    top = (0, 0, -1)
    for position, candidate in enumerate(candidates):
        number = candidate.number if candidate.number is not None else -_MAX_GAP - 1
        own = 0 if candidate.line in list_entries else 1
        length, score, previous = 1, own, -1
        for step in range(1, _MAX_GAP + 1):
            before = best.get(number - step)
            if before is not None:
                length, score, previous = before[0] + 1, before[1] + own, before[2]
                break
        back.append(previous)
        # Ties go to the later candidate: a list entry earlier on must not shadow the heading.
        if number not in best or (length, score) >= best[number][:2]:
            best[number] = (length, score, position)
        if (length, score) >= top[:2]:
            top = (length, score, position)
    chain: list[HeadingCandidate] = []
    position = top[2]
    while position >= 0:
        chain.append(candidates[position])
        position = back[position]
    chain.reverse()
    return chain, top[1]


def _with_wrapped_title(state: ParseState, candidate: HeadingCandidate) -> HeadingCandidate:
    """The candidate with its title joined to the lines it wraps onto."""
    if not candidate.title:
        return candidate
    title, last = titles.wrapped_title(state, candidate.last_line, candidate.title)
    if last == candidate.last_line:
        return candidate
    return dataclasses.replace(candidate, title=title, last=last)


def confirm_items(state: ParseState) -> bool:
    """Core rule: choose the item headings among the candidates; minutes without numbered
    items are read by their case numbers, access lines or runs of labels."""
    toc_titles = {title_key(entry.title) for entry in state.toc if entry.title}
    in_toc = state.toc_lines
    by_form: dict[str, list[HeadingCandidate]] = {}
    unconfirmed: dict[str, list[HeadingCandidate]] = {}
    for index, printed in list(state.candidates.items()):
        if state.noise[index] or index in in_toc or state.noise[printed.last_line]:
            continue
        candidate = _with_wrapped_title(state, printed)
        state.candidates[index] = candidate
        if candidate.strong or _has_evidence(state, candidate, toc_titles):
            by_form.setdefault(candidate.form, []).append(candidate)
        else:
            unconfirmed.setdefault(candidate.form, []).append(candidate)
    list_entries = _list_entries(state, [c for found in by_form.values() for c in found])
    chosen: list[HeadingCandidate] = []
    chosen_form = ""
    chosen_score = 0
    for form, _, _ in HEADING_RULES:
        found = by_form.get(form)
        if not found:
            continue
        chain, score = _best_chain(sorted(found, key=lambda c: c.line), list_entries)
        if (len(chain), score) > (len(chosen), chosen_score):
            chosen, chosen_form, chosen_score = chain, form, score
    if len(chosen) < _MIN_NUMBERED:
        run, run_form = plain_numbering.agenda_run(state, unconfirmed)
        if len(run) > len(chosen):
            chosen, chosen_form = run, run_form
            state.layout.append("numbered-without-labels")
    if chosen:
        chosen = heading_gaps.fill_gaps(state, chosen, unconfirmed.get(chosen_form, []))
    chosen, chosen_form = _with_unnumbered(state, chosen, chosen_form)
    state.headings = _titles_from_toc(state, chosen)
    signatures.mark_signatures(state)
    if chosen_form:
        state.layout.append(chosen_form)
    if any(h.prefix for h in chosen):
        state.layout.append("committee-prefix")
    return bool(chosen)


def _with_unnumbered(
    state: ParseState, chosen: list[HeadingCandidate], form: str
) -> tuple[list[HeadingCandidate], str]:
    """The headings with the items printed without a number: those among numbered items, or,
    with a heading or two numbered against blocks of case numbers, the blocks if they are
    plainly more; runs of labels, or a single block, only where nothing is numbered."""
    if len(chosen) >= _MIN_NUMBERED:
        among = unnumbered_among.among_numbered(state, chosen)
        if among:
            state.layout.append("unnumbered-among-numbered")
        return sorted([*chosen, *among], key=lambda heading: heading.line), form
    found = unnumbered.find_items(state, label_runs=not chosen)
    if not found and not chosen:
        found = unnumbered.single_item(state)
    if len(found) > len(chosen) + (_MIN_NUMBERED if chosen else 0):
        state.layout.extend(unnumbered.layout_names(found))
        return found, ""
    return chosen, form


def _titles_from_toc(state: ParseState, headings: list[HeadingCandidate]) -> list[HeadingCandidate]:
    """A closed item whose heading prints no title (``Punkt 3: Lukket``) takes the title the
    table of contents prints at the same number. Only a printed number is trusted: an entry's
    place in the table is not (a lost line shifts every place after it)."""
    by_number = {e.number: e.title for e in state.toc if e.numbered and e.title}
    if not by_number:
        return headings
    result = []
    for heading in headings:
        title = by_number.get(heading.number) if heading.closed and not heading.title else None
        result.append(dataclasses.replace(heading, title=title) if title else heading)
    return result
