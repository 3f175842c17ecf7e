"""The last steps of the loader's pipeline (read, normalise, parse, recognise, classify): the
mentions of laws, programmes, organisations and persons in each item's texts, and the outcome
of each decision, added to the document model. The graph only maps what is found here.

>>> import datetime as dt
>>> from loaders.model import AgendaItem, Decision, Meeting, Span
>>> span = Span(1, 1, 0, 9)
>>> item = AgendaItem(1, "Projekt KLAPjob", span, decision=Decision("Godkendt.", span))
>>> meeting = Meeting(date=dt.date(2020, 1, 8), items=[item])
>>> annotate_meeting(meeting)
>>> item.decision.outcome
'godkendt'
>>> [(t.text.kind, [m.anchor_text for m in t.mentions]) for t in item.mentions]
[('title', ['KLAPjob'])]
"""

from __future__ import annotations

import dataclasses

from loaders.mentions import find_item_mentions
from loaders.model import AgendaItem, Decision, Meeting, TextMentions, TextRef
from loaders.outcomes import classify_decision


def item_texts(item: AgendaItem) -> list[tuple[TextRef, str]]:
    """The item's non-empty texts in the order the graph writes them: title, sections (the
    decision in its section's place), the decision if it has no section, other decisions,
    earlier treatments, attachment titles."""
    texts: list[tuple[TextRef, str]] = [(TextRef("title"), item.title)]
    decision = item.decision
    placed = False
    for index, section in enumerate(item.sections):
        if decision is not None and section.span == decision.span:
            texts.append((TextRef("decision"), decision.text))
            placed = True
        else:
            texts.append((TextRef("section", index), section.text))
    if decision is not None and not placed:
        texts.append((TextRef("decision"), decision.text))
    texts += [(TextRef("other_decision", i), d.text) for i, d in enumerate(item.other_decisions)]
    texts += [(TextRef("treatment", i), t.text) for i, t in enumerate(item.treatments)]
    texts += [(TextRef("attachment", i), a.title) for i, a in enumerate(item.attachments)]
    return [(ref, text) for ref, text in texts if text]


def _classified(decision: Decision) -> Decision:
    found = classify_decision(decision.text)
    if found is None:  # no rule recognised the text: no outcome, never a guess
        return decision
    return dataclasses.replace(decision, outcome=found[0], outcome_confidence=found[1])


def annotate_meeting(meeting: Meeting, *, mentions: bool = True) -> None:
    """Classify every decision and (unless ``mentions`` is False) find the mentions in every
    item, in place."""
    people = [p.name for p in meeting.participants] + [a.name for a in meeting.absences]
    for item in meeting.items:
        if item.decision is not None:
            item.decision = _classified(item.decision)
        item.other_decisions = [_classified(d) for d in item.other_decisions]
        if not mentions:
            continue
        texts = item_texts(item)
        if not texts:
            continue
        found = find_item_mentions([text for _, text in texts], on=meeting.date, people=people)
        item.mentions = [
            TextMentions(ref, tuple(ms)) for (ref, _), ms in zip(texts, found, strict=True) if ms
        ]
