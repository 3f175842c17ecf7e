"""Decisions and earlier treatments of an item.

An item shared by several committees may carry a decision of each (``Beslutning Udvalget for
Børn & Ungdom den 07-01-2020`` then ``Beslutning Udvalget for Job & Arbejdsmarked den
08-01-2020``): the one of the committee whose minutes these are is *the* decision, the others
are ``other_decisions``. A ``Sagens forløb`` section lists earlier treatments, each a line with a
date and a committee followed by what was decided. The positions a decision records (``Et
flertal (A, V) kunne tiltræde``, ``For stemte: ...``) are its ``votes`` (:mod:`loaders.votes`),
each anchored in the normalised text.
"""

from __future__ import annotations

import datetime as dt
import re

from loaders import dates
from loaders.model import Decision, Span, Treatment, Vote
from loaders.rules import people
from loaders.rules.header import strip_election_period
from loaders.rules.parse_state import ParseState
from loaders.rules.sections import SectionToken, build_section
from loaders.votes import find_votes

_BODY = re.compile(
    r"udvalg|byråd|kommunalbestyrelse|bestyrelse|rådet|borgerrepræsentation|direktion|magistrat",
    re.IGNORECASE,
)
_SEPARATOR = " ,-–:"
_IN = re.compile(r"^(?:i|fra)\s+")
# Words before the body in a treatment's head: "Beslutning i", "Behandlet i", "Behandling i".
_HEAD_WORDS = re.compile(r"^(?:beslutning|behandlet|behandling|behandles)\s+", re.IGNORECASE)


def same_committee(a: str, b: str) -> bool:
    """Two printings of one committee's name (``&`` or ``og``, case, election period).

    >>> same_committee("Udvalget for Job & Arbejdsmarked", "udvalget for job og arbejdsmarked")
    True
    """

    def key(name: str) -> str:
        return " ".join(strip_election_period(name).lower().replace("&", "og").split())

    return key(a) == key(b)


def decision_of(state: ParseState, token: SectionToken) -> Decision:
    section = build_section(state, token)
    label = token.label
    committee = strip_election_period(label.committee) if label.committee else None
    date = dates.parse_date(label.date_text) if label.date_text else None
    votes = votes_in(state, section.span)
    return Decision(
        text=section.text, span=section.span, committee=committee, date=date, votes=votes
    )


def votes_in(state: ParseState, span: Span) -> tuple[Vote, ...]:
    """The positions recorded in the text of ``span``, each with its anchor's span and text."""
    text = state.text[span.begin : span.end]
    found = find_votes(text)
    if not found:
        return ()
    lines = state.lines[span.first_line - 1 : span.last_line]

    def line_of(offset: int) -> int:
        return next((line.number for line in lines if offset <= line.end), span.last_line)

    return tuple(
        Vote(
            position=vote.position,
            span=Span(
                line_of(span.begin + vote.start),
                line_of(span.begin + vote.end - 1),
                span.begin + vote.start,
                span.begin + vote.end,
            ),
            anchor=text[vote.start : vote.end],
            voter=vote.voter,
            party=vote.party,
            count=vote.count,
        )
        for vote in found
    )


def own_decision(decisions: list[Decision], committee: str | None, date: dt.date | None) -> int:
    """Index of the decision of the committee whose minutes these are: the one naming it, else
    the one dated on the meeting day, else the first unnamed one, else the last."""
    if committee:
        for index, decision in enumerate(decisions):
            if decision.committee and same_committee(decision.committee, committee):
                return index
    if date:
        for index, decision in enumerate(decisions):
            if decision.date == date:
                return index
    for index, decision in enumerate(decisions):
        if decision.committee is None:
            return index
    return len(decisions) - 1


def _treatment_head(plain: str) -> tuple[str | None, dt.date | None, str] | None:
    """``(committee, date, text)`` if the line opens a treatment: a date and a deciding body,
    either way round (``02-05-2022 Udvalget for ...``, ``Økonomiudvalget den 5. maj 2022``),
    and what was decided when it follows on the line after a colon
    (``Økonomiudvalget den 16.09.2024: Anbefales.``)."""
    found = dates.find_dates(plain)
    if not found or not _BODY.search(plain):
        return None
    first = found[0]
    inline = ""
    colon = plain.find(":", first.end)
    if colon >= 0 and not plain[first.end : colon].strip(" ."):
        plain, inline = plain[:colon], plain[colon + 1 :].strip()
    if first.begin == 0:
        rest = plain[first.end :].strip(_SEPARATOR)
    elif first.end >= len(plain.rstrip(". ")):
        rest = plain[: first.begin].strip(_SEPARATOR)
        if rest.lower().endswith(" den"):
            rest = rest[: -len(" den")]
        if _HEAD_WORDS.match(rest):
            rest = _IN.sub("", _HEAD_WORDS.sub("", rest, count=1).strip())
    else:
        return None
    if not rest or rest.endswith(".") or not _BODY.search(rest):
        return None
    return strip_election_period(rest), first.date, inline


def without_notes(raw: str) -> str:
    """A line of a decision's or treatment's text without its attendance notes
    (``Anbefalet. Fraværende: Eva Holm (V)`` -> ``Anbefalet.``).

    >>> without_notes("Anbefalet. Fraværende: Eva Holm (V)")
    'Anbefalet.'
    """
    if people.attendance_line(raw.strip()) is not None:
        return ""
    for note in reversed(people.attendance_notes(raw)):
        raw = raw[: note.start] + raw[note.end :]
    return raw.strip()


def treatments_of(state: ParseState, token: SectionToken) -> list[Treatment]:
    """The earlier treatments listed in a Sagens forløb section, each without the attendance
    notes of that body's meeting."""
    if token.lines is None:
        return []
    heads: list[tuple[int, str | None, dt.date | None, str]] = []
    first, last = token.lines
    for index in range(first, last + 1):
        plain = state.plain[index]
        if not plain or state.noise[index]:
            continue
        head = _treatment_head(plain)
        if head is not None:
            heads.append((index, *head))
    treatments: list[Treatment] = []
    for position, (index, committee, date, inline) in enumerate(heads):
        stop = heads[position + 1][0] - 1 if position + 1 < len(heads) else last
        bounds = state.trimmed(index, stop)
        end = bounds[1] if bounds else index
        pieces = [without_notes(inline)] if inline else []
        if index < stop and (lines := state.trimmed(index + 1, stop)) is not None:
            for line in range(lines[0], lines[1] + 1):
                if not state.noise[line]:
                    kept = without_notes(state.lines[line].text) if state.plain[line] else ""
                    if kept or not state.plain[line]:
                        pieces.append(kept)
        treatments.append(
            Treatment(
                text="\n".join(pieces).strip(),
                span=state.span(index, end),
                committee=committee,
                date=date,
            )
        )
    return treatments
