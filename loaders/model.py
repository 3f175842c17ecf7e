"""The document model of a minutes file: plain dataclasses, no RDF.

Every element keeps its ``Span``: where in the *normalised text* of the document it came from.
The normalised text is what :func:`loaders.normalize.normalize_text` returns after decoding and
stripping markup; lines are split on ``"\\n"`` and counted from 1, character offsets are 0-based,
end exclusive, in Unicode code points. A field the loader could not find is ``None`` or empty,
never guessed.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from loaders.mentions.mention_model import Mention

MeetingKind = Literal["referat", "dagsorden"]
AbsenceScope = Literal["meeting", "item"]
# A member's position on a decision, the skos:notation of its concept in ``rg:positions``.
Position = Literal["for", "imod", "undlod", "forbehold"]
# What an attendance note records: present, absent (afbud, fraværende, forhindret, deltog ikke),
# arrived late (deltog fra kl. 16.30), left (forlod mødet under punkt 5), a substitute (mødte
# for X, stedfortræder) or a guest or official taking part.
AttendanceKind = Literal["present", "absent", "arrived", "left", "substitute", "guest"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the normalised text: lines ``first_line..last_line`` (1-based, inclusive)
    and characters ``begin..end`` (0-based, end exclusive)."""

    first_line: int
    last_line: int
    begin: int
    end: int


@dataclass(frozen=True, slots=True)
class Participant:
    """Someone listed as taking part in the meeting (member, secretary, guest)."""

    name: str
    span: Span
    party: str | None = None  # party letter as printed: "A", "C", "F", "O", "V", ...
    role: str | None = None  # lower case as printed: "formand", "næstformand", "medlem", "sekretær"


@dataclass(frozen=True, slots=True)
class Absence:
    """Someone absent from the whole meeting or from one item. ``reason`` is also
    "forlod mødet" or "ankom senere" for the items a departure or a late arrival missed."""

    name: str
    scope: AbsenceScope
    span: Span
    party: str | None = None
    reason: str | None = None  # the label as printed, lower case: "fraværende", "afbud", ...
    # the items the note says the person missed, resolved against the meeting's items
    # ("deltog ikke i behandlingen af punkt 2-3": (2, 3); "forlod mødet efter punkt 6" in a
    # meeting of 9 items: (7, 8, 9)); the absence is filed under each, wherever it is printed
    items: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Vote:
    """One position recorded on a decision: a member's (``voter``) or a party's (``party``,
    the letter or name as printed), with the count where one is printed. ``span`` is the anchor
    in the normalised text and ``anchor`` its text, as mentions have."""

    position: Position
    span: Span
    anchor: str
    voter: str | None = None
    party: str | None = None
    count: int | None = None


@dataclass(frozen=True, slots=True)
class Attendance:
    """One attendance note of a meeting (``scope`` "meeting") or of one item ("item"): who,
    what (see :data:`AttendanceKind`) and where it was read. ``time`` is a time printed with
    it (``deltog fra kl. 16.30``); ``item_number`` the item it names (``forlod mødet under
    punkt 5``); ``substitute_for`` whom a substitute stood in for; ``role`` a guest's or
    official's role as printed."""

    name: str
    kind: AttendanceKind
    scope: AbsenceScope
    span: Span
    party: str | None = None
    role: str | None = None
    time: dt.time | None = None
    item_number: int | None = None
    substitute_for: str | None = None


@dataclass(frozen=True, slots=True)
class CaseNumber:
    """A case number (sagsnummer) as printed, with its parts where the number has them.

    ``15.20.00A00-1-22`` -> kle "15.20.00", facet "A00", serial "1-22";
    ``00.22.04.G01`` -> kle "00.22.04", facet "G01"; ``19/11679`` -> serial "19/11679".
    """

    raw: str
    span: Span
    kle: str | None = None
    facet: str | None = None
    serial: str | None = None


@dataclass(frozen=True, slots=True)
class Section:
    """One labelled section of an item; ``label`` is the canonical key (see
    :data:`loaders.rules.sections.SECTION_LABELS`), ``heading`` the label as printed."""

    label: str
    heading: str
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Attachment:
    """One attachment (bilag) title as listed under an item."""

    title: str
    span: Span


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision recorded on an item. ``committee`` and ``date`` are set when the minutes name
    the deciding body (``Beslutning Udvalget for Job & Arbejdsmarked den 08-01-2020``)."""

    text: str
    span: Span
    committee: str | None = None
    date: dt.date | None = None
    # The outcome read from the text (a slug of ``rg:outcomes``, see loaders.outcomes) and how
    # sure the rule that read it is; None where no rule recognised the text.
    outcome: str | None = None
    outcome_confidence: float | None = None
    votes: tuple[Vote, ...] = ()  # positions recorded with this decision, in text order


TextKind = Literal["title", "section", "decision", "other_decision", "treatment", "attachment"]


@dataclass(frozen=True, slots=True)
class TextRef:
    """Which text of an item a mention stands in: its title, its ``index``-th section (0-based,
    the decision's own section aside), its decision, its ``index``-th other decision, earlier
    treatment or attachment title."""

    kind: TextKind
    index: int = 0


@dataclass(frozen=True, slots=True)
class TextMentions:
    """The mentions found in one text of an item, offsets into that text."""

    text: TextRef
    mentions: tuple[Mention, ...]


@dataclass(frozen=True, slots=True)
class Treatment:
    """An earlier treatment of the case by another body (sagens forløb)."""

    text: str
    span: Span
    committee: str | None = None
    date: dt.date | None = None


@dataclass(slots=True)
class AgendaItem:
    """One item on the agenda, numbered as printed. ``number`` is None for an item the minutes
    print without a number (it starts at a case-number line, an access line or a repeated run
    of labels); ``title`` is ``""`` when none is printed (never a made-up one)."""

    number: int | None
    title: str
    span: Span
    closed: bool = False
    prefix: str | None = None  # committee code printed before the title: "JA", "BU", "JAI"
    case_numbers: list[CaseNumber] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    decision: Decision | None = None
    other_decisions: list[Decision] = field(default_factory=list)
    treatments: list[Treatment] = field(default_factory=list)
    absences: list[Absence] = field(default_factory=list)
    mentions: list[TextMentions] = field(default_factory=list)  # by text, in text order
    attendance: list[Attendance] = field(default_factory=list)  # notes for this item only

    def section(self, label: str) -> Section | None:
        """The first section with this canonical label, if any."""
        return next((s for s in self.sections if s.label == label), None)


@dataclass(slots=True)
class Meeting:
    """One meeting of one committee, as its minutes describe it."""

    municipality: str | None = None
    municipality_source: str | None = None  # how it was found: "stated", "inferred", "given"
    committee: str | None = None
    date: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    place: str | None = None
    kind: MeetingKind | None = None
    participants: list[Participant] = field(default_factory=list)
    absences: list[Absence] = field(default_factory=list)
    items: list[AgendaItem] = field(default_factory=list)
    spans: dict[str, Span] = field(default_factory=dict)  # where each header field was read
    # Where the date and the committee were read, in words for the load report: "header",
    # "title", "decision heading", "item line"; None when not found.
    date_source: str | None = None
    committee_source: str | None = None
    toc_entries: int = 0  # entries of the table of contents, 0 when there is none
    attendance: list[Attendance] = field(default_factory=list)  # notes for the whole meeting
    # Absences from items that the note names but the minutes do not print (or print twice):
    # filed under no item and no absence from the whole meeting; their ``items`` are empty.
    unfiled_absences: list[Absence] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PdfInfo:
    """What a PDF file says of itself, as its metadata states it (never the meeting's date)."""

    pages: int
    title: str | None = None
    producer: str | None = None  # the program that wrote the PDF ("FirstAgenda", ...)
    creator: str | None = None
    created: dt.datetime | None = None  # the file's creation date, not the meeting's


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """The file the minutes were read from."""

    name: str  # file name without folders
    sha256: str  # of the raw bytes
    size: int  # bytes
    encoding: str  # as detected: "utf-8", "utf-8-sig", "utf-16", "cp1252", ...
    media_type: str  # as detected from content: "text/plain", "text/markdown", "text/html"
    # Where the minutes were published, as a web page states it (its canonical address): an
    # http(s) URL safe to write as an IRI (loaders.page_evidence.safe_url); None if not stated.
    stated_url: str | None = None
    pdf: PdfInfo | None = None  # for a PDF file: its page count and metadata


@dataclass(slots=True)
class MinutesDocument:
    """A parsed minutes file: its source, its normalised text and the meeting it records.

    ``notes`` are remarks for the load report (an ambiguous header, an inferred municipality);
    they never change what was read.
    """

    source: SourceInfo
    text: str
    meeting: Meeting
    layout: str  # name of the layout profile that matched, for the load report
    notes: list[str] = field(default_factory=list)
    # For a PDF: the offset in ``text`` where each page starts (page 1 at index 0); empty for
    # other files. The pages of a span follow from it (see ``pages_of``).
    page_starts: tuple[int, ...] = ()

    def pages_of(self, span: Span) -> tuple[int, ...]:
        """The 1-based PDF pages a span covers, first to last; empty for a file without pages.

        >>> doc = MinutesDocument(SourceInfo("a.pdf", "", 0, "", ""), "ab\\ncd\\nef", Meeting(),
        ...                       "", page_starts=(0, 3, 6))
        >>> doc.pages_of(Span(2, 3, 3, 8))
        (2, 3)
        >>> doc.pages_of(Span(1, 1, 0, 2))
        (1,)
        """
        if not self.page_starts:
            return ()
        first = bisect.bisect_right(self.page_starts, span.begin)
        last = bisect.bisect_right(self.page_starts, max(span.begin, span.end - 1))
        return tuple(range(max(first, 1), max(last, 1) + 1))


class LoaderError(Exception):
    """The one error loaders raise for input they cannot read as minutes.

    The message names the reason in words a person can act on; the CLI adds the file name.
    """
