"""The meeting's date and committee from decision headings and per-item lines, when the header
prints none.

Some minutes name the body and the day only in each item: ``Beslutning i Kommunalbestyrelsen
den 17-01-2018``, ``Beslutning Økonomiudvalget den 5. maj 2022``, or a line of the item such as
``Integrationsudvalgets møde den 12. december 2011:``. The same headings also record *other*
bodies' earlier decisions on a shared case, so they are read only where they are unambiguous:

- the committee: the one body named in every item that records a decision (an item with an
  unnamed ``Beslutning`` may be this committee's, so then there is none);
- the date: the one date of the headings that name the meeting's committee (and of unnamed
  ``Beslutning den ...`` headings); with no committee known, the one date of all headings.

Otherwise nothing is read and a note says why. Lines in a ``Sagens forløb`` section list
earlier treatments and are never read here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from loaders import dates
from loaders.model import Span
from loaders.rules.committees import committee_key, committee_name, genitive_body
from loaders.rules.parse_state import ParseState

DECISION_HEADING, ITEM_LINE = "decision heading", "item line"
_DECISION = re.compile(
    r"(?:beslutning|beslutninger|afgørelse)(?:\s+(?:truffet\s+)?(?:i|fra|af|på))?(?P<who>\s.*)?",
    re.IGNORECASE,
)
_LONGEST_LINE = 160
_HISTORY = frozenset({"sagens forløb"})  # sections listing earlier treatments
_TRAILING = " \t:.,-–()"


@dataclass(frozen=True, slots=True)
class Mention:
    """A body and a date printed together at the head of a decision or an item line."""

    item: int  # index of the item among the headings (0 for text without headings)
    committee: str | None
    date: dates.FoundDate
    line: int
    source: str


def mention_in(plain: str) -> tuple[str | None, dates.FoundDate, str] | None:
    """``(committee, date, source)`` if the line heads a decision or a body's meeting.

    >>> c, d, s = mention_in("Beslutning i Kommunalbestyrelsen den 17-01-2018")
    >>> c, d.date, s
    ('Kommunalbestyrelsen', datetime.date(2018, 1, 17), 'decision heading')
    >>> c, d, s = mention_in("Integrationsudvalgets møde den 12. december 2011:")
    >>> c, d.date, s
    ('Integrationsudvalget', datetime.date(2011, 12, 12), 'item line')
    >>> mention_in("Beslutning om budget 2023 den 5. maj 2022") is None
    True
    """
    if len(plain) > _LONGEST_LINE:
        return None
    found = dates.find_dates(plain)
    if len(found) != 1:
        return None
    date = found[0]
    after = plain[date.end :].strip(_TRAILING)
    if after and not dates.find_times(after):
        return None
    before = plain[: date.begin].strip(_TRAILING)
    heading = _DECISION.fullmatch(before)
    if heading is not None:
        who = (heading["who"] or "").strip(_TRAILING)
        if not who:
            return None, date, DECISION_HEADING
        name = committee_name(who)
        return (name, date, DECISION_HEADING) if name else None
    return _genitive_mention(before, date)


def _genitive_mention(
    before: str, date: dates.FoundDate
) -> tuple[str | None, dates.FoundDate, str] | None:
    """``Integrationsudvalgets møde`` (an item line) or ``Økonomiudvalgets beslutning [den]``
    (a decision heading) before the date."""
    name = genitive_body(before)
    if name:
        return name, date, ITEM_LINE
    name = genitive_body(before.removesuffix(" den"), decision=True)
    return (name, date, DECISION_HEADING) if name else None


def _regions(state: ParseState, start: int) -> list[tuple[int, int]]:
    """The lines of each item (first, last), or the text after the header if none is found."""
    headings = state.headings
    if not headings:
        return [(start, len(state.lines) - 1)]
    ends = [h.line - 1 for h in headings[1:]] + [len(state.lines) - 1]
    return [(h.line + 1, end) for h, end in zip(headings, ends, strict=True)]


def mentions(state: ParseState, start: int) -> tuple[list[Mention], set[int]]:
    """The mentions in the items, and the items that record a decision of any kind."""
    found: list[Mention] = []
    deciding: set[int] = set()
    for item, (first, last) in enumerate(_regions(state, start)):
        section = ""
        for index in range(first, last + 1):
            plain = state.plain[index]
            if not plain or state.noise[index]:
                continue
            labels = state.labels.get(index)
            if labels:
                section = labels[-1].key
                if any(label.key == "beslutning" for label in labels):
                    deciding.add(item)
            if section in _HISTORY:
                continue
            mention = mention_in(plain)
            if mention is not None:
                deciding.add(item)
                found.append(Mention(item, mention[0], mention[1], index, mention[2]))
    return found, deciding


def _committee(found: list[Mention], deciding: set[int]) -> Mention | None:
    """The mention of the one body named in every item that records a decision."""
    named: dict[int, set[str]] = {}
    for mention in found:
        if mention.committee:
            named.setdefault(mention.item, set()).add(committee_key(mention.committee))
    if not named or set(named) != deciding:
        return None
    common = set.intersection(*named.values())
    if len(common) != 1:
        return None
    key = common.pop()
    return next(m for m in found if m.committee and committee_key(m.committee) == key)


@dataclass(frozen=True, slots=True)
class ItemFacts:
    """What the items say about the meeting: each with the span and source it was read from."""

    committee: tuple[str, Span, str] | None = None
    date: tuple[dt.date, Span, str] | None = None
    note: str | None = None


def read_items(state: ParseState, start: int, committee: str | None) -> ItemFacts:
    """The committee (if ``committee`` is None) and the date the items print, from line
    ``start`` on (the end of the header)."""
    found, deciding = mentions(state, start)
    if not found:
        return ItemFacts()
    own: tuple[str, Span, str] | None = None
    if committee is None:
        mention = _committee(found, deciding)
        if mention is not None and mention.committee:
            span = state.span_in_line(mention.line, mention.committee)
            own = (mention.committee, span, mention.source)
            committee = mention.committee
    if committee is None:
        relevant = found
    else:
        key = committee_key(committee)
        relevant = [m for m in found if m.committee is None or committee_key(m.committee) == key]
    if not relevant:
        return ItemFacts(own, None, "the decision headings name only other bodies; no date read")
    if any(m.date.invalid for m in relevant):
        return ItemFacts(own, None, "a decision heading gives a date that does not exist")
    distinct = sorted({m.date.date for m in relevant if m.date.date is not None})
    if len(distinct) > 1:
        shown = " and ".join(d.isoformat() for d in distinct)
        note = f"the decision headings give different dates ({shown}); date left empty"
        return ItemFacts(own, None, note)
    sound = [m for m in relevant if not m.date.weekday_mismatch]
    if not sound:
        return ItemFacts(own, None, "the weekday of the decision headings' date does not match")
    first = sound[0]
    span = state.span_in_line(first.line, first.date.raw)
    return ItemFacts(own, (distinct[0], span, first.source), None)
