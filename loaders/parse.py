"""Normalised minutes text to the document model: an ordered list of core rules over one state.

>>> text = "REFERAT Byrådet d. 08-06-2022\\nPunkt 1: Godkendelse\\nBeslutning\\nGodkendt.\\n"
>>> meeting, layout, notes = parse_minutes(text, municipality="Lemvig")
>>> meeting.committee, meeting.date.isoformat(), meeting.items[0].decision.text
('Byrådet', '2022-06-08', 'Godkendt.')
>>> layout
'punkt-number+labels-on-own-line'
"""

from __future__ import annotations

from collections.abc import Callable

from loaders.model import LoaderError, Meeting
from loaders.page_evidence import PageLine
from loaders.rules import (
    agenda,
    header,
    heading_forms,
    items,
    learned_labels,
    meetings,
    noise,
    sections,
    toc,
)
from loaders.rules import municipality_name as municipality
from loaders.rules.parse_state import ParseState

CoreRule = Callable[[ParseState], bool]

# Which rules run, and in what order. Each reads what the earlier ones left on the state.
CORE_RULES: tuple[tuple[str, CoreRule], ...] = (
    ("labels", sections.mark_labels),  # section labels on every line
    ("candidates", items.mark_candidates),  # lines with the form of an item heading
    ("noise", noise.mark_noise),  # page footers, table rules, running headers, link bars
    ("meetings", meetings.split_meetings),  # a second meeting in the file is set aside
    ("toc", toc.find_toc),  # the table of contents: confirms items, never is one
    ("items", items.confirm_items),  # headings confirmed by structure
    ("learned-labels", learned_labels.learn_labels),  # labels of this layout the table lacks
    ("header", header.read_header),  # committee, date, times, place, attendance
    ("agenda", agenda.build_items),  # sections, case numbers, decisions, absences per item
    ("municipality", municipality.find_municipality),  # given, stated or inferred
)

NO_ITEMS = (
    "not minutes: no meeting header (a committee and a date), "
    "and no agenda items found: this does not look like minutes"
)


def parse_minutes(
    text: str, *, municipality: str | None = None, page_evidence: tuple[PageLine, ...] = ()
) -> tuple[Meeting, str, list[str]]:
    """The meeting the normalised ``text`` records, the name of the layout that matched (the
    rules that fired, e.g. ``punkt-number+toc+labels-on-own-line``) and notes for the load
    report. ``municipality``, if given, wins over what the text says; ``page_evidence``, what a
    web page says about itself, counts only where the text names no municipality.

    A text with a meeting header (a committee and a date) or with agenda items is minutes, and
    gives what could be read of it. Raises :class:`LoaderError` for text that is not minutes
    (neither) or that was cut short. A municipality that cannot be found is left empty here:
    the graph cannot place such minutes, and says so.
    """
    state = ParseState.from_text(text, municipality=municipality, page_evidence=page_evidence)
    for _, rule in CORE_RULES:
        rule(state)
        if state.problem is not None:
            raise LoaderError(state.problem)
    meeting = state.meeting
    if not meeting.items and (meeting.committee is None or meeting.date is None):
        raise LoaderError(NO_ITEMS)
    truncated = toc.truncation(state)
    if truncated is not None:
        raise LoaderError(truncated)
    mismatch = toc.toc_mismatch(state)
    if mismatch is not None:
        state.notes.append(mismatch)
    return state.meeting, layout_name(state), state.notes


def layout_name(state: ParseState) -> str:
    """The rules that recognised this text, heading form first, each named once."""
    forms = {form for form, _, _ in heading_forms.HEADING_RULES}
    parts = list(dict.fromkeys(state.layout))
    parts.sort(key=lambda part: part not in forms)  # stable: the rest keeps rule order
    return "+".join(parts)
