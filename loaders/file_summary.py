"""What the loader read from one minutes file, in a few lines for a person.

``load`` prints these lines under each file, the load run's graph keeps them, and the coverage
page shows the warnings. They only describe the document model; they never change it. The
loader's notes in Danish, for pages, are :mod:`loaders.notes_da`.

>>> from loaders.read import read_minutes
>>> text = "REFERAT Byrådet d. 08-06-2022\\nPunkt 1: Godkendelse\\nBeslutning\\nGodkendt.\\n"
>>> summary = summarise(read_minutes(text.encode(), "a.txt", municipality="Lemvig"))
>>> for line in summary.lines():
...     print(line)
date 2022-06-08 (title, line 1); committee Byrådet (title, line 1); municipality Lemvig (given)
1 item, 1 decision, 1 section
>>> summary.warnings
()
"""

from __future__ import annotations

from dataclasses import dataclass

from loaders.model import MinutesDocument, Span


@dataclass(frozen=True, slots=True)
class ReadSummary:
    """The facts of one read: header fields with where they came from, counts, warnings."""

    date: str | None  # ISO date
    date_source: str | None  # "title, line 1"
    committee: str | None
    committee_source: str | None
    municipality: str | None
    municipality_source: str | None  # stated, inferred, given
    items: int
    toc_entries: int
    decisions: int
    sections: int
    warnings: tuple[str, ...]  # what is missing or doubtful, in English (the command line)
    warnings_da: tuple[str, ...] = ()  # the same in Danish, for pages
    pdf: str | None = None  # for a PDF: "PDF, 28 pages, made by FirstAgenda Publication 4.2"

    def lines(self) -> list[str]:
        """The summary as the load report prints it, warnings aside; for a PDF a line with its
        page count and the program that made it comes first."""
        header = "; ".join(
            (
                _field("date", self.date, self.date_source),
                _field("committee", self.committee, self.committee_source),
                _field("municipality", self.municipality, self.municipality_source),
            )
        )
        items = _counted(self.items, "item", "items")
        if self.toc_entries and self.toc_entries != self.items:
            items += f" ({self.toc_entries} in the table of contents)"
        counts = ", ".join(
            (
                items,
                _counted(self.decisions, "decision", "decisions"),
                _counted(self.sections, "section", "sections"),
            )
        )
        return [self.pdf, header, counts] if self.pdf else [header, counts]


_NO_DATE = (
    "no meeting date found: loaded without a date",
    "ingen mødedato fundet: mødet er indlæst uden dato",
)
_NO_COMMITTEE = (
    "no committee found: the meeting hangs on its municipality",
    "intet udvalg fundet: mødet hører kun til sin kommune",
)
_NO_ITEMS = (
    "no agenda items found: only the meeting header is loaded",
    "ingen dagsordenspunkter fundet: kun mødets hoved er indlæst",
)
_NO_DECISIONS = ("no decisions found", "ingen beslutninger fundet")


def _field(name: str, value: str | None, source: str | None) -> str:
    if value is None:
        return f"{name} not found"
    return f"{name} {value} ({source})" if source else f"{name} {value}"


def _counted(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


def _where(source: str | None, span: Span | None) -> str | None:
    """``title, line 1``: how a header field was found, and on which line."""
    if span is None:
        return source
    line = f"line {span.first_line}"
    return f"{source}, {line}" if source else line


def _pdf_line(doc: MinutesDocument) -> str | None:
    """``PDF, 28 pages, made by FirstAgenda Publication 4.2`` for a PDF, else None."""
    info = doc.source.pdf
    if info is None:
        return None
    line = f"PDF, {_counted(info.pages, 'page', 'pages')}"
    return f"{line}, made by {info.producer}" if info.producer else line


def summarise(doc: MinutesDocument) -> ReadSummary:
    """The summary of a parsed document, with a warning for each thing missing or doubtful."""
    meeting = doc.meeting
    spans = meeting.spans
    items = meeting.items
    found: list[tuple[str, str]] = []  # (English, Danish)
    if meeting.date is None:
        found.append(_NO_DATE)
    if meeting.committee is None:
        found.append(_NO_COMMITTEE)
    if not items:
        found.append(_NO_ITEMS)
    unnumbered = sum(1 for item in items if item.number is None)
    if unnumbered:
        found.append(
            (
                f"{_counted(unnumbered, 'item', 'items')} printed without a number",
                f"{_counted(unnumbered, 'punkt', 'punkter')} uden nummer",
            )
        )
    untitled = sum(1 for item in items if not item.title)
    if untitled:
        found.append(
            (
                f"{_counted(untitled, 'item', 'items')} without a title",
                f"{_counted(untitled, 'punkt', 'punkter')} uden titel",
            )
        )
    if items and not any(item.decision for item in items):
        found.append(_NO_DECISIONS)
    unfiled = meeting.unfiled_absences
    if unfiled:
        numbers = sorted({a.span.first_line for a in unfiled})
        lines = ", ".join(str(n) for n in numbers)
        line, linje = ("line", "linje") if len(numbers) == 1 else ("lines", "linje")
        found.append(
            (
                f"{_counted(len(unfiled), 'absence names', 'absences name')} items not in these"
                f" minutes: kept without items ({line} {lines})",
                f"{len(unfiled)} fravær nævner punkter, som ikke findes i referatet: registreret"
                f" uden punkter ({linje} {lines})",
            )
        )
    municipality_source = meeting.municipality_source
    if municipality_source == "stated" and "municipality" in spans:
        municipality_source = _where("stated", spans["municipality"])
    return ReadSummary(
        date=meeting.date.isoformat() if meeting.date else None,
        date_source=_where(meeting.date_source, spans.get("date")) if meeting.date else None,
        committee=meeting.committee,
        committee_source=_where(meeting.committee_source, spans.get("committee"))
        if meeting.committee
        else None,
        municipality=meeting.municipality,
        municipality_source=municipality_source,
        items=len(items),
        toc_entries=meeting.toc_entries,
        decisions=sum(1 for item in items if item.decision is not None),
        sections=sum(len(item.sections) for item in items),
        warnings=tuple(english for english, _ in found),
        warnings_da=tuple(danish for _, danish in found),
        pdf=_pdf_line(doc),
    )
