"""Checks shared by the parser tests: every span in a parsed document lies within its text,
agrees with its line numbers, and covers what the element it belongs to claims."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from loaders.model import MinutesDocument, Span


def claims(doc: MinutesDocument) -> Iterator[tuple[str, Span, list[str]]]:
    """``(where, span, strings the span must contain)`` for every span in the document."""
    m = doc.meeting
    header_claims = {
        "committee": [m.committee],
        "place": [m.place],
        # An inferred municipality's span is its evidence ("4600 Køge"), not always its name.
        "municipality": [m.municipality] if m.municipality_source == "stated" else [],
    }
    for key, span in m.spans.items():
        yield f"meeting.spans[{key}]", span, [c for c in header_claims.get(key, []) if c]
    for p in m.participants:
        yield f"participant {p.name}", p.span, [p.name]
    for a in m.absences:
        yield f"absence {a.name}", a.span, [a.name]
    for item in m.items:
        where = f"item {item.number}"
        yield where, item.span, [item.title] if item.title else []
        for c in item.case_numbers:
            yield f"{where} case number", c.span, [c.raw]
        for s in item.sections:
            yield f"{where} section {s.label}", s.span, [s.heading, *s.text.splitlines()]
        for at in item.attachments:
            yield f"{where} attachment", at.span, [at.title]
        for d in [item.decision, *item.other_decisions] if item.decision else []:
            yield f"{where} decision", d.span, d.text.splitlines()
        for t in item.treatments:
            yield f"{where} treatment", t.span, [t.committee or "", *t.text.splitlines()]
        for a in item.absences:
            yield f"{where} absence {a.name}", a.span, [a.name]


def span_problems(doc: MinutesDocument) -> list[str]:
    """Every way a span in ``doc`` fails to point at what it claims; empty when all is well."""
    text = doc.text
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    problems: list[str] = []
    for where, span, expected in claims(doc):
        if not 0 <= span.begin <= span.end <= len(text):
            problems.append(f"{where}: {span} is outside the text ({len(text)} characters)")
            continue
        first = bisect.bisect_right(starts, span.begin)
        last = bisect.bisect_right(starts, max(span.begin, span.end - 1))
        if (first, last) != (span.first_line, span.last_line) and span.end > span.begin:
            problems.append(
                f"{where}: {span} says lines {span.first_line}..{span.last_line}, "
                f"its offsets are on lines {first}..{last}"
            )
        # Values are compared with white space collapsed (FORMAT.md), so are their spans.
        covered = " ".join(text[span.begin : span.end].split())
        for claim in expected:
            wanted = " ".join(claim.split())
            if wanted and wanted not in covered:
                problems.append(f"{where}: {wanted!r} is not in {covered[:80]!r}")
    return problems


def item_parts_within_items(doc: MinutesDocument) -> list[str]:
    """Sections, case numbers and the rest of an item lie within the item's span."""
    problems: list[str] = []
    for item in doc.meeting.items:
        parts = [
            *(s.span for s in item.sections),
            *(c.span for c in item.case_numbers),
            *(a.span for a in item.attachments),
            *(a.span for a in item.absences),
        ]
        for span in parts:
            if not item.span.begin <= span.begin <= span.end <= item.span.end:
                problems.append(f"item {item.number}: {span} is outside {item.span}")
    return problems
