"""The document model as the loader sees it, as text for a person (``referatgraf inspect``).

Someone facing a new layout sees what was read and where: each header field, item, section and
decision with its line span and the start of the text it was read from, and who came, left,
stood in or voted how.

>>> from loaders.read import read_minutes
>>> text = "REFERAT Byrådet d. 08-06-2022\\nPunkt 1: Godkendelse\\nBeslutning\\nGodkendt.\\n"
>>> print(describe(read_minutes(text.encode(), "a.txt", municipality="Lemvig")))
a.txt: text/plain, utf-8, 73 bytes, layout punkt-number+labels-on-own-line
header
  kind          referat                          line 1      "REFERAT"
  committee     Byrådet                          line 1      "Byrådet"
  date          2022-06-08                       line 1      "d. 08-06-2022"
  start_time    (not found)
  end_time      (not found)
  place         (not found)
  municipality  Lemvig (given)
items: 1
  1  Godkendelse                                  lines 2-4
     beslutning    "Beslutning"                     lines 3-4   "Godkendt."
     decision      godkendt                         lines 3-4   "Godkendt."
date 2022-06-08 (title, line 1); committee Byrådet (title, line 1); municipality Lemvig (given)
1 item, 1 decision, 1 section
"""

from __future__ import annotations

from loaders.file_summary import summarise
from loaders.model import AgendaItem, Attendance, Meeting, MinutesDocument, Span, Vote

_QUOTE = 48  # characters of the source text shown after a span


def _lines(span: Span) -> str:
    if span.first_line == span.last_line:
        return f"line {span.first_line}"
    return f"lines {span.first_line}-{span.last_line}"


def _quote(text: str, span: Span | None = None) -> str:
    """The start of ``text`` (of ``text[span]`` when a span is given), white space collapsed."""
    printed = " ".join((text[span.begin : span.end] if span else text).split())
    if len(printed) > _QUOTE:
        printed = printed[: _QUOTE - 1] + "…"
    return f'"{printed}"'


def _row(
    indent: str, name: str, value: str, span: Span | None, text: str, *, own: str | None = None
) -> str:
    """A field: its value, the lines it was read from and the start of what they print (or of
    ``own``, the field's own text, for sections and decisions)."""
    shown = _quote(own) if own is not None else _quote(text, span) if span else ""
    where = f"{_lines(span):<11} {shown}" if span else ""
    return f"{indent}{name:<13} {value:<32} {where}".rstrip()


def _header(meeting: Meeting, text: str) -> list[str]:
    spans = meeting.spans
    fields: list[tuple[str, str | None]] = [
        ("kind", meeting.kind),
        ("committee", meeting.committee),
        ("date", meeting.date.isoformat() if meeting.date else None),
        ("start_time", meeting.start_time.strftime("%H:%M") if meeting.start_time else None),
        ("end_time", meeting.end_time.strftime("%H:%M") if meeting.end_time else None),
        ("place", meeting.place),
    ]
    out = ["header"]
    for name, value in fields:
        shown = value if value is not None else "(not found)"
        out.append(_row("  ", name, shown, spans.get(name) if value else None, text))
    municipality = meeting.municipality or "(not found)"
    if meeting.municipality_source:
        municipality += f" ({meeting.municipality_source})"
    out.append(_row("  ", "municipality", municipality, spans.get("municipality"), text))
    for person in meeting.participants:
        extra = ", ".join(x for x in (person.party, person.role) if x)
        shown = f"{person.name} ({extra})" if extra else person.name
        out.append(_row("  ", "participant", shown, person.span, text))
    for absence in meeting.absences:
        out.append(_row("  ", "absent", f"{absence.name} ({absence.reason})", absence.span, text))
    out.extend(_attendance("  ", meeting.attendance, text))
    for absence in meeting.unfiled_absences:
        shown = f"{absence.name} ({absence.reason}; items not in these minutes)"
        out.append(_row("  ", "absent", shown, absence.span, text))
    if meeting.toc_entries:
        out.append(f"table of contents: {meeting.toc_entries} entries")
    return out


def _attendance(indent: str, notes: list[Attendance], text: str) -> list[str]:
    """Arrivals, departures, substitutes, guests and who took part in one item (absences and
    the members listed present have rows of their own)."""
    out = []
    for note in notes:
        if note.kind == "absent" or (note.kind == "present" and note.scope == "meeting"):
            continue
        details = [
            note.party,
            note.role,
            note.time and f"kl. {note.time:%H.%M}",
            note.item_number is not None and f"punkt {note.item_number}",
            note.substitute_for and f"for {note.substitute_for}",
        ]
        extra = ", ".join(x for x in details if isinstance(x, str) and x)
        shown = f"{note.name} ({extra})" if extra else note.name
        out.append(_row(indent, note.kind, shown, note.span, text))
    return out


def _vote(indent: str, vote: Vote, text: str) -> str:
    who = vote.voter or vote.party or "(not named)"
    counted = f" ({vote.count})" if vote.count is not None else ""
    return _row(indent, "vote", f"{vote.position}: {who}{counted}", vote.span, text)


def _item(item: AgendaItem, text: str) -> list[str]:
    number = str(item.number) if item.number is not None else "-"
    title = item.title or "(no title)"
    flags = "".join(
        (" [closed]" if item.closed else "", f" [prefix {item.prefix}]" if item.prefix else "")
    )
    out = [f"  {number:<2} {title + flags:<44} {_lines(item.span)}".rstrip()]
    indent = "     "
    for case in item.case_numbers:
        out.append(_row(indent, "case number", case.raw, case.span, text))
    for section in item.sections:
        heading = f'"{section.heading}"'
        out.append(_row(indent, section.label, heading, section.span, text, own=section.text))
    if item.decision is not None:
        decided = ", ".join(
            x
            for x in (
                item.decision.committee,
                item.decision.date and item.decision.date.isoformat(),
            )
            if x
        )
        decision = item.decision
        if decision.outcome:
            decided = f"{decided}, {decision.outcome}" if decided else decision.outcome
        out.append(_row(indent, "decision", decided, decision.span, text, own=decision.text))
        out.extend(_vote(indent, vote, text) for vote in decision.votes)
    for other in item.other_decisions:
        out.append(
            _row(indent, "other decision", other.committee or "", other.span, text, own=other.text)
        )
    for treatment in item.treatments:
        out.append(_row(indent, "treatment", treatment.committee or "", treatment.span, text))
    for absence in item.absences:
        covers = ", ".join(str(n) for n in absence.items)
        reason = f"{absence.reason}; punkt {covers}" if covers else absence.reason
        shown = f"{absence.name} ({reason})"
        out.append(_row(indent, "absent", shown, absence.span, text))
    out.extend(_attendance(indent, item.attendance, text))
    return out


def describe(doc: MinutesDocument) -> str:
    """The whole model of ``doc`` with spans, then the read summary, warnings and notes."""
    source = doc.source
    out = [
        f"{source.name}: {source.media_type}, {source.encoding}, {source.size} bytes, "
        f"layout {doc.layout}"
    ]
    out.extend(_header(doc.meeting, doc.text))
    out.append(f"items: {len(doc.meeting.items)}")
    for item in doc.meeting.items:
        out.extend(_item(item, doc.text))
    summary = summarise(doc)
    out.extend(summary.lines())
    out.extend(f"warning: {warning}" for warning in summary.warnings)
    out.extend(f"note: {note}" for note in doc.notes)
    return "\n".join(out)
