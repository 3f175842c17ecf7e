"""Agenda item headings: ``Punkt 3: title``, ``3: title``, ``3. JA - title``, ``3) title``.

A line that has the form of a heading is only a *candidate*; numbered lists inside a section
look the same (``1. Alle ledige skal ...``). A candidate becomes an item heading when structure
confirms it: the numbers run in sequence, and a weak form (a bare number) is followed by a case
number, a section label or a status line, or matches the table of contents.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from loaders import dates
from loaders.rules import casenumbers, people
from loaders.rules.state import HeadingCandidate, ParseState

# "Punkt 3:", "Pkt. 3", "Dagsordenspunkt 3 -": the word itself says "agenda item".
_PUNKT = re.compile(
    r"(?:Punkt|Pkt\.?|Dagsordens?punkt)\s*(?P<n>\d{1,3})\s*[:.)\-–]?\s*(?P<title>.*)",
    re.IGNORECASE,
)
_NUMBER_COLON = re.compile(r"(?P<n>\d{1,3}):\s+(?P<title>\S.*)")
_NUMBER_DOT = re.compile(r"(?P<n>\d{1,3})\.\s+(?P<title>\S.*)")
_NUMBER_PAREN = re.compile(r"(?P<n>\d{1,3})\)\s+(?P<title>\S.*)")
# "JA - Godkendelse af dagsorden": a committee code before the title.
_PREFIX = re.compile(r"(?P<prefix>[A-ZÆØÅ]{2,5})\s+[-–]\s*(?P<rest>.*)")
# "Lukket: Budgetkatalog", "Lukket punkt - ...", "Lukket:" (title withheld).
_CLOSED = re.compile(r"Lukket(?:\s+(?:punkt|sag))?\s*(?:[:\-–]\s*|$)(?P<rest>.*)", re.IGNORECASE)
_MONTHS = frozenset(dates.MONTHS)
# How far numbering may jump over a lost heading and still be one agenda.
_MAX_GAP = 3

HeadingRule = Callable[[str], tuple[int, str] | None]


def _match(pattern: re.Pattern[str], plain: str) -> tuple[int, str] | None:
    match = pattern.fullmatch(plain)
    return (int(match["n"]), match["title"].strip()) if match else None


def punkt_heading(plain: str) -> tuple[int, str] | None:
    """``Punkt 3: title``."""
    if plain[0] not in "PpDd":
        return None
    return _match(_PUNKT, plain)


def number_colon_heading(plain: str) -> tuple[int, str] | None:
    """``3: title`` (web exports)."""
    return _match(_NUMBER_COLON, plain) if plain[0].isdigit() else None


def number_dot_heading(plain: str) -> tuple[int, str] | None:
    """``3. title``; ``1. januar 2020 ...`` is a date, not a heading."""
    found = _match(_NUMBER_DOT, plain) if plain[0].isdigit() else None
    if found and found[1].split(" ", 1)[0].lower() in _MONTHS:
        return None
    return found


def number_paren_heading(plain: str) -> tuple[int, str] | None:
    """``3) title``."""
    return _match(_NUMBER_PAREN, plain) if plain[0].isdigit() else None


# (form name, rule, strong): strong forms name themselves as items and need no further proof.
HEADING_RULES: tuple[tuple[str, HeadingRule, bool], ...] = (
    ("punkt-number", punkt_heading, True),
    ("number-colon", number_colon_heading, False),
    ("number-dot", number_dot_heading, False),
    ("number-paren", number_paren_heading, False),
)


def split_title(title: str) -> tuple[str, str | None, bool]:
    """``(title, prefix, closed)`` from a printed title.

    >>> split_title("JA - Godkendelse af dagsorden")
    ('Godkendelse af dagsorden', 'JA', False)
    >>> split_title("Lukket: Budgetkatalog 2023-2026")
    ('Budgetkatalog 2023-2026', None, True)
    >>> split_title("Lukket:")
    ('', None, True)
    >>> split_title("Projekt PLUS - Slutevaluering")
    ('Projekt PLUS - Slutevaluering', None, False)
    """
    prefix: str | None = None
    closed = False
    for _ in range(2):  # "JA - Lukket: ..." and "Lukket: JA - ..." alike
        match = _CLOSED.fullmatch(title) if not closed else None
        if match:
            closed, title = True, match["rest"].strip()
            continue
        match = _PREFIX.fullmatch(title) if prefix is None else None
        if match:
            prefix, title = match["prefix"], match["rest"].strip()
    return title, prefix, closed


def heading_candidate(plain: str) -> tuple[str, int, str, bool] | None:
    """``(form, number, printed title, strong)`` if the line has the form of an item heading."""
    if not plain or len(plain) > 300:
        return None
    for form, rule, strong in HEADING_RULES:
        found = rule(plain)
        if found is None:
            continue
        number, title = found
        if not _looks_like_title(title) and (not strong or title):
            continue
        return form, number, title, strong
    return None


def _looks_like_title(title: str) -> bool:
    # Titles start with a capital, a digit or a quote; list entries often do not ("1. at ...").
    return bool(title) and (title[0].isupper() or title[0].isdigit() or title[0] in "\"'«“")


def mark_candidates(state: ParseState) -> bool:
    """Core rule: every line with the form of an item heading (one pass)."""
    for index, plain in enumerate(state.plain):
        if not plain or not (plain[0].isdigit() or plain[0] in "PpDd"):
            continue
        found = heading_candidate(plain)
        if found is None:
            continue
        form, number, printed, strong = found
        title, prefix, closed = split_title(printed)
        state.candidates[index] = HeadingCandidate(
            line=index,
            number=number,
            title=title,
            form=form,
            strong=strong,
            prefix=prefix,
            closed=closed,
        )
    return bool(state.candidates)


def _is_status_line(plain: str) -> bool:
    return plain.lower() in people.STATUS_LINES


def _has_evidence(state: ParseState, candidate: HeadingCandidate, toc_titles: set[str]) -> bool:
    """Structure that confirms a heading: what follows it, or the table of contents."""
    if title_key(candidate.title) in toc_titles:
        return True
    following = state.next_content(candidate.line)
    if following is None:
        return candidate.strong
    plain = state.plain[following]
    return (
        following in state.labels
        or casenumbers.is_case_number_line(plain)
        or _is_status_line(plain)
        or people.is_attendance_line(plain)
    )


def title_key(title: str) -> str:
    """A short comparable form of a title."""
    # TOC titles and headings differ in small ways (a typo, a trailing period): compare starts.
    return " ".join(title.lower().split())[:24]


def _best_chain(candidates: list[HeadingCandidate]) -> list[HeadingCandidate]:
    """The longest run of candidates whose numbers go up by one (or jump a few over a lost
    heading), in document order; linear in the number of candidates."""
    best: dict[int, tuple[int, int]] = {}  # number -> (chain length, index into candidates)
    back: list[int] = []
    top = (0, -1)
    for position, candidate in enumerate(candidates):
        length, previous = 1, -1
        for step in range(1, _MAX_GAP + 1):
            before = best.get(candidate.number - step)
            if before is not None and before[0] + 1 > length:
                length, previous = before[0] + 1, before[1]
                break
        back.append(previous)
        # Ties go to the later candidate: a list entry earlier on must not shadow the heading.
        if candidate.number not in best or length >= best[candidate.number][0]:
            best[candidate.number] = (length, position)
        if length >= top[0]:
            top = (length, position)
    chain: list[HeadingCandidate] = []
    position = top[1]
    while position >= 0:
        chain.append(candidates[position])
        position = back[position]
    chain.reverse()
    return chain


def confirm_items(state: ParseState) -> bool:
    """Core rule: choose the item headings among the candidates."""
    toc_titles = {title_key(entry.title) for entry in state.toc if entry.title}
    in_toc = state.toc_lines
    by_form: dict[str, list[HeadingCandidate]] = {}
    for index, candidate in state.candidates.items():
        if state.noise[index] or index in in_toc:
            continue
        if candidate.strong or _has_evidence(state, candidate, toc_titles):
            by_form.setdefault(candidate.form, []).append(candidate)
    chosen: list[HeadingCandidate] = []
    chosen_form = ""
    for form, _, _ in HEADING_RULES:
        found = by_form.get(form)
        if not found:
            continue
        chain = _best_chain(sorted(found, key=lambda c: c.line))
        if len(chain) > len(chosen):
            chosen, chosen_form = chain, form
    state.headings = chosen
    if chosen:
        state.layout.append(chosen_form)
        if any(h.prefix for h in chosen):
            state.layout.append("committee-prefix")
    return bool(chosen)
