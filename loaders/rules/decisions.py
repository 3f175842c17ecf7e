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
from loaders.rules.header import strip_election_period
from loaders.rules.sections import SectionToken, build_section
from loaders.rules.state import ParseState
from loaders.votes import find_votes

_BODY = re.compile(
    r"udvalg|byråd|kommunalbestyrelse|bestyrelse|rådet|borgerrepræsentation|direktion",
    re.IGNORECASE,
)
_SEPARATOR = " ,-–:"
_IN = re.compile(r"^(?:i|fra)\s+")


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


def _treatment_head(plain: str) -> tuple[str | None, dt.date | None] | None:
    """``(committee, date)`` if the line opens a treatment: a date and a deciding body,
    either way round (``02-05-2022 Udvalget for ...``, ``Økonomiudvalget den 5. maj 2022``)."""
    found = dates.find_dates(plain)
    if not found or not _BODY.search(plain):
        return None
    first = found[0]
    if first.begin == 0:
        rest = plain[first.end :].strip(_SEPARATOR)
    elif first.end >= len(plain.rstrip(". ")):
        rest = plain[: first.begin].strip(_SEPARATOR)
        if rest.lower().startswith("beslutning "):
            rest = _IN.sub("", rest[len("beslutning ") :].strip())
    else:
        return None
    if not rest or rest.endswith("."):
        return None
    return strip_election_period(rest), first.date


def treatments_of(state: ParseState, token: SectionToken) -> list[Treatment]:
    """The earlier treatments listed in a Sagens forløb section."""
    if token.lines is None:
        return []
    heads: list[tuple[int, str | None, dt.date | None]] = []
    first, last = token.lines
    for index in range(first, last + 1):
        plain = state.plain[index]
        if not plain or state.noise[index]:
            continue
        head = _treatment_head(plain)
        if head is not None:
            heads.append((index, *head))
    treatments: list[Treatment] = []
    for position, (index, committee, date) in enumerate(heads):
        stop = heads[position + 1][0] - 1 if position + 1 < len(heads) else last
        bounds = state.trimmed(index, stop)
        end = bounds[1] if bounds else index
        treatments.append(
            Treatment(
                text=state.text_of(index + 1, stop) if index < stop else "",
                span=state.span(index, end),
                committee=committee,
                date=date,
            )
        )
    return treatments
