"""Agenda item headings: ``Punkt 3: title``, ``3: title``, ``3. JA - title``, ``3) title``,
``3 title``, ``Sag nr. 3``, a number alone with its title on the next line.

A line that has the form of a heading is only a *candidate*; numbered lists inside a section
look the same (``1. Alle ledige skal ...``). A candidate becomes an item heading when structure
confirms it: the numbers run in sequence (from any number: running numbers across the year go
118, 119, ...), and a weak form (a bare number) is followed by a case number, a section label or
an access line, or matches the table of contents. Minutes that number no items are read by
:mod:`loaders.rules.unnumbered`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from loaders import dates
from loaders.rules import (
    casenumbers,
    heading_gaps,
    people,
    plain_numbering,
    sections,
    signatures,
    titles,
    unnumbered,
)
from loaders.rules.parse_state import HeadingCandidate, ParseState
from loaders.rules.titles import split_title

# "Punkt 3:", "Pkt. 3", "Dagsordenspunkt 3 -", "Sag nr. 3": the word itself says "agenda item".
# "Punkt 3.1" is a sub-point, not item 3 with the title "1 ...".
# "Sag 3: title" too, but "Sag 22-016257" is a case number.
_PUNKT = re.compile(
    r"(?:Punkt|Pkt\.?|Dagsordens?punkt|Sag\.?\s?nr\.?|Sag(?=\s+\d{1,3}(?![\d/-])))\s*"
    r"(?P<n>\d{1,3})(?![.,]?\d)\s*[:.,)\-–]?\s*(?P<title>.*)",
    re.IGNORECASE,
)
# "Ad 3. title", "Ad pkt. 3": "as to item 3", in minutes of councils and boards. "Ad 1)" answers
# the points of a list ("1) ...") in a text, so it is no heading.
_AD = re.compile(
    r"A[dD]\.?\s+(?:(?:punkt|pkt\.?)\s*)?(?P<n>\d{1,3})(?![.,]?\d)(?!\s*\))\s*[:.\-–]?\s*"
    r"(?P<title>.*)",
    re.IGNORECASE,
)
# "3. title", and "3.Title" with no space where text extraction lost it (then a capital must
# follow: "3.5 mio." is not a heading).
_NUMBER_COLON = re.compile(r"(?P<n>\d{1,3}):(?:\s+(?P<title>\S.*)|(?P<glued>[A-ZÆØÅ].*))")
_NUMBER_DOT = re.compile(r"(?P<n>\d{1,3})\.(?:\s+(?P<title>\S.*)|(?P<glued>[A-ZÆØÅ].*))")
_NUMBER_PAREN = re.compile(r"(?P<n>\d{1,3})\)(?:\s+(?P<title>\S.*)|(?P<glued>[A-ZÆØÅ].*))")
_NUMBER_SPACE = re.compile(r"(?P<n>\d{1,3})\s+(?P<title>[A-ZÆØÅ\"'«“].*)")
_NUMBER_ALONE = re.compile(r"(?P<n>\d{1,3})[.:)]?")
# "1.  1. Title": the number printed twice.
_DOUBLED = re.compile(r"(?P<n>\d{1,3})\s?[.:)]\s*(?P<title>.*)")
# "Jens Hansen (A)": an entry of a numbered attendance list.
_PERSON_ENTRY = re.compile(r"[^()]{3,60}\([A-ZÆØÅ]{1,2}\)(?:\s*\([^()]{2,30}\))?")
_MONTHS = frozenset(dates.MONTHS)
# How far numbering may jump over a lost heading and still be one agenda.
_MAX_GAP = 3
_MIN_NUMBERED = 2  # fewer numbered headings than this: look for unnumbered items

HeadingRule = Callable[[str], tuple[int, str] | None]


def _match(pattern: re.Pattern[str], plain: str) -> tuple[int, str] | None:
    match = pattern.fullmatch(plain)
    if match is None:
        return None
    groups = match.groupdict()
    title = groups.get("title") or groups.get("glued") or ""
    return int(match["n"]), title.strip()


def punkt_heading(plain: str) -> tuple[int, str] | None:
    """``Punkt 3: title``, ``Sag nr. 3 title``."""
    if plain[0] not in "PpDdSs":
        return None
    if plain[0] in "Ss" and (not plain[1:3].lower().startswith("ag") or plain[3:4] == "s"):
        return None
    if casenumbers.labelled_value(plain) is not None:
        return None  # "Sag nr. 22-016257" is a case number
    return _match(_PUNKT, plain)


def ad_heading(plain: str) -> tuple[int, str] | None:
    """``Ad 3. title``, ``Ad pkt. 3: title``."""
    return _match(_AD, plain) if plain[0] == "A" else None


def number_colon_heading(plain: str) -> tuple[int, str] | None:
    """``3: title`` (web exports)."""
    return _match(_NUMBER_COLON, plain) if plain[0].isdigit() else None


def number_dot_heading(plain: str) -> tuple[int, str] | None:
    """``3. title``; ``1. januar 2020 ...`` is a date, not a heading."""
    found = _match(_NUMBER_DOT, plain) if plain[0].isdigit() else None
    if found and found[1].split(" ", 1)[0].lower().rstrip(".,") in _MONTHS:
        return None
    return found


def number_paren_heading(plain: str) -> tuple[int, str] | None:
    """``3) title``."""
    return _match(_NUMBER_PAREN, plain) if plain[0].isdigit() else None


def number_space_heading(plain: str) -> tuple[int, str] | None:
    """``3 Godkendelse af dagsorden``: a number, a space, a title that starts with a letter;
    ``3 Januar 2020`` is a date."""
    found = _match(_NUMBER_SPACE, plain) if plain[0].isdigit() else None
    if found and found[1].split(" ", 1)[0].lower().rstrip(".,") in _MONTHS:
        return None
    return found


def number_alone_heading(plain: str) -> tuple[int, str] | None:
    """``3`` or ``3.`` alone on its line; the title is on the next line."""
    if not plain[0].isdigit() or len(plain) > 4:
        return None
    return _match(_NUMBER_ALONE, plain)


# (form name, rule, strong): strong forms name themselves as items and need no further proof.
HEADING_RULES: tuple[tuple[str, HeadingRule, bool], ...] = (
    ("punkt-number", punkt_heading, True),
    ("ad-number", ad_heading, False),
    ("number-colon", number_colon_heading, False),
    ("number-dot", number_dot_heading, False),
    ("number-paren", number_paren_heading, False),
    ("number-space", number_space_heading, False),
    ("number-alone", number_alone_heading, False),
)
_FIRST_CHARS = frozenset("0123456789PpDdSsA")


def heading_candidate(plain: str) -> tuple[str, int, str, bool] | None:
    """``(form, number, printed title, strong)`` if the line has the form of an item heading.

    >>> heading_candidate("1.  1. Godkendelse af dagsorden")
    ('number-dot', 1, 'Godkendelse af dagsorden', False)
    >>> heading_candidate("Sag nr. 4 Eventuelt")
    ('punkt-number', 4, 'Eventuelt', True)
    >>> heading_candidate("Punkt 4, Mødet den 26. april 2023")
    ('punkt-number', 4, '', True)
    >>> heading_candidate("Sag 2: Orientering"), heading_candidate("Sag 22-016257")
    (('punkt-number', 2, 'Orientering', True), None)
    """
    if not plain or len(plain) > 300 or plain[0] not in _FIRST_CHARS:
        return None
    for form, rule, strong in HEADING_RULES:
        found = rule(plain)
        if found is None:
            continue
        number, title = found
        if strong and _names_only_the_meeting(title):
            title = ""  # "Punkt 4, Mødet den 26. april 2023": the title is on the next line
        doubled = _DOUBLED.fullmatch(title) if title[:1].isdigit() else None
        if doubled is not None and int(doubled["n"]) == number:
            title = doubled["title"].strip()
        if title and not _looks_like_title(title, strong=strong):
            return None
        if form == "number-space" and not _number_space_title(title):
            return None
        if not title and not strong and form != "number-alone":
            return None
        return form, number, title, strong
    return None


def _names_only_the_meeting(title: str) -> bool:
    """``Mødet den 26. april 2023``: the meeting's day printed in the heading, not a title."""
    if not title.lower().startswith(("mødet ", "møde ")):
        return False
    found = dates.find_dates(title)
    return len(found) == 1 and not title[found[0].end :].strip(" .,:")


def _looks_like_title(title: str, *, strong: bool) -> bool:
    # Titles start with a capital, a digit or a quote; list entries often do not ("1. at ...").
    if not (title[0].isupper() or title[0].isdigit() or title[0] in "\"'«“"):
        return False
    return strong or _PERSON_ENTRY.fullmatch(title) is None


def _number_space_title(title: str) -> bool:
    """A number and a space is the weakest heading form: a page number glued to the first line
    of a page looks the same (``2 Sagsfremstilling: ...``, ``2 Administrationen har ...``,
    ``2 Sagsnr.: 20/1234``). Its title is neither a sentence, a section label nor a case
    number."""
    return (
        not titles.is_sentence(title)
        and sections.match_label(title) is None
        and not casenumbers.is_case_line(title)
    )


def mark_candidates(state: ParseState) -> bool:
    """Core rule: every line with the form of an item heading (one pass)."""
    for index, plain in enumerate(state.plain):
        if not plain or plain[0] not in _FIRST_CHARS:
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
        among = unnumbered.among_numbered(state, chosen)
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
