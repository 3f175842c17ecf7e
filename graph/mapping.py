"""Document model -> quads: one named graph per source document, plus shared entity triples.

Facts about a meeting go into the graph of the document they were read from. Facts about
things several documents share (a committee, a person) go into the entities graph, once, so that
the union default graph never holds the same triple twice and counts stay right.

The document's ``rg:sha256`` quad is its commit record: it is written last, after everything
else, so a document without it is a partial write that the store removes when it opens.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.entities import EntityIris
from graph.item_quads import ItemWriter, absences
from graph.labels import meeting_label
from graph.ntriples import iri, iri_value, literal
from graph.uris import Minter, SharedGraph
from graph.vote_quads import attendance_quads
from graph.writer import RDF_TYPE, QuadWriter
from loaders.model import Attendance, LoaderError, MinutesDocument, PdfInfo
from loaders.municipalities import Municipality, by_name
from loaders.notes_da import note_da
from ontology.namespace import RG
from ontology.vocabularies import PROV, XSD


class PlacementError(LoaderError):
    """The minutes cannot be placed in the graph (no municipality or committee to hang them on)."""


@dataclass(frozen=True, slots=True)
class LoadContext:
    """What every document of one load run shares."""

    minter: Minter
    loader_version: str
    loaded_at: dt.datetime
    run_iri: str


@dataclass(slots=True)
class DocumentQuads:
    """The quads of one document, split by when they are written."""

    graph: str
    meeting: str
    sha256: str
    nquads: str = ""  # the document's graph and its shared entity triples, as N-Quads
    commit: str = ""  # written last: marks the document whole


def place(doc: MinutesDocument) -> tuple[Municipality, str | None]:
    """The municipality and committee (None when the minutes name none) the minutes belong
    to, or a clear error."""
    meeting = doc.meeting
    if not meeting.municipality:
        raise PlacementError(
            "no municipality stated or inferable from the text; give it with --municipality"
        )
    municipality = by_name(meeting.municipality)
    if municipality is None:
        raise PlacementError(f"unknown municipality {meeting.municipality!r}")
    return municipality, meeting.committee or None


def meeting_day(doc: MinutesDocument) -> str:
    """The meeting's date for its IRI; without a date, a stable key from the file's content."""
    if doc.meeting.date:
        return doc.meeting.date.isoformat()
    return f"uden-dato-{doc.source.sha256[:12]}"


def document_quads(doc: MinutesDocument, ctx: LoadContext) -> DocumentQuads:
    """All quads of one parsed document."""
    municipality, committee_name = place(doc)
    minter = ctx.minter
    if committee_name is not None:
        committee_iri = minter.committee(municipality.name, committee_name)
        meeting_iri = minter.meeting(committee_iri, meeting_day(doc))
    else:  # the meeting hangs on its municipality; its IRI cannot depend on a date it may lack
        meeting_iri = minter.meeting_without_committee(municipality.name, doc.source.sha256[:12])
    graph_iri = minter.source(meeting_iri)
    out = QuadWriter(graph_iri, minter.graph(SharedGraph.ENTITIES), minter, municipality.name)
    graph = out.graph
    m = doc.meeting

    who = committee_name or f"{municipality.name} Kommune"
    meeting = out.node(meeting_iri, RG.Meeting, meeting_label(who, m.date))
    if committee_name is not None:
        out.add(meeting, iri(RG.committee), out.committee(committee_name))
    out.add(meeting, iri(RG.municipality), iri(minter.municipality(municipality.name)))
    out.add(meeting, iri(RG.sourceDocument), graph)
    out.date(meeting, iri(RG.date), m.date)
    out.time(meeting, iri(RG.startTime), m.start_time)
    out.time(meeting, iri(RG.endTime), m.end_time)
    out.text(meeting, iri(RG.place), m.place)
    out.text(meeting, iri(RG.meetingKind), m.kind)
    out.text(meeting, iri(RG.municipalitySource), m.municipality_source)
    out.text(meeting, iri(RG.dateSource), m.date_source)
    out.text(meeting, iri(RG.committeeSource), m.committee_source)
    if m.date is None:  # loaded without a date, never with a guessed one
        out.add(meeting, iri(RG.dateKnown), literal("false", datatype=XSD.boolean))
    _attendance(out, meeting, doc)
    iris = EntityIris(minter)
    numbers_seen: set[int] = set()
    for position, item in enumerate(m.items, start=1):
        key = _item_key(item.number, position, numbers_seen)
        writer = ItemWriter(out, iris, minter.item(meeting_iri, key), item, doc.pages_of)
        writer.write(meeting, position)
        _notes(out, writer.node, item.attendance, meeting_iri, doc)
    _notes(out, meeting, m.attendance, meeting_iri, doc)
    _provenance(out, graph, doc, ctx)
    commit = f"{graph} {iri(RG.sha256)} {literal(doc.source.sha256)} {graph} .\n"
    return DocumentQuads(
        graph=graph_iri,
        meeting=meeting_iri,
        sha256=doc.source.sha256,
        nquads="".join(out.lines),
        commit=commit,
    )


def _item_key(number: int | None, position: int, seen: set[int]) -> str | int:
    """The item's IRI key: its number as printed; a number printed twice, or none, adds the
    item's position on the agenda (``3-7``, ``uden-nummer-2``).

    >>> seen: set[int] = set()
    >>> [_item_key(n, p, seen) for p, n in enumerate([1, 2, 2, None], start=1)]
    [1, 2, '2-3', 'uden-nummer-4']
    """
    if number is None:
        return f"uden-nummer-{position}"
    if number in seen:
        return f"{number}-{position}"
    seen.add(number)
    return number


def _attendance(out: QuadWriter, meeting: str, doc: MinutesDocument) -> None:
    """Participants, who of them attended, and who was absent from the whole meeting."""
    absent = absences(out, meeting, doc.meeting.absences)
    for person in absent:
        out.add(meeting, iri(RG.absentee), person)
    for participant in doc.meeting.participants:
        person = out.person(participant.name, participant.party)
        if person not in absent:  # listed as a member, but not there
            out.add(meeting, iri(RG.attendee), person)
        role = f" ({participant.role})" if participant.role else ""
        node_iri = Minter.part(iri_value(meeting), "deltager", participant.name)
        node = out.node(node_iri, RG.Participation, f"{participant.name}{role}")
        out.add(meeting, iri(RG.participant), node)
        out.add(node, iri(RG.person), person)
        out.text(node, iri(RG.role), participant.role)
        out.span(node, participant.span)


def _notes(
    out: QuadWriter, parent: str, notes: list[Attendance], meeting_iri: str, doc: MinutesDocument
) -> None:
    """The attendance notes of the meeting or of one item (:mod:`graph.vote_quads`)."""
    attendance_quads(
        out, parent, notes, meeting=meeting_iri, text=doc.text, items=doc.meeting.items
    )


def _provenance(out: QuadWriter, graph: str, doc: MinutesDocument, ctx: LoadContext) -> None:
    """The source document: which file, which bytes, read how, when, by which run."""
    source = out.node(iri_value(graph), RG.SourceDocument, f"Kildefil {doc.source.name}")
    out.add(source, RDF_TYPE, iri(PROV.Entity))
    out.text(source, iri(RG.fileName), doc.source.name)
    out.integer(source, iri(RG.byteSize), doc.source.size)
    out.text(source, iri(RG.mediaType), doc.source.media_type)
    out.text(source, iri(RG.encoding), doc.source.encoding)
    _pdf_metadata(out, source, doc.source.pdf)
    if doc.source.stated_url is not None:  # a safe http(s) URL: loaders.page_evidence.safe_url
        out.add(source, iri(RG.sourceUrl), iri(doc.source.stated_url))
    out.text(source, iri(RG.layout), doc.layout)
    out.text(source, iri(RG.loaderVersion), ctx.loader_version)
    out.add(source, iri(RG.normalisedText), literal(doc.text))
    for note in doc.notes:  # in Danish for the pages, in English as the command line says it
        danish = note_da(note)
        if danish is not None:
            out.add(source, iri(RG.loadNote), literal(danish, lang="da"))
        out.add(source, iri(RG.loadNote), literal(note, lang="en"))
    out.add(source, iri(PROV.wasGeneratedBy), iri(ctx.run_iri))
    loaded_at = literal(ctx.loaded_at.isoformat(), datatype=XSD.dateTime)
    out.add(source, iri(PROV.generatedAtTime), loaded_at)


def _pdf_metadata(out: QuadWriter, source: str, pdf: PdfInfo | None) -> None:
    """A PDF file's page count and what its metadata says of the file (never the meeting)."""
    if pdf is None:
        return
    out.integer(source, iri(RG.pdfPageCount), pdf.pages)
    out.text(source, iri(RG.pdfTitle), pdf.title)
    out.text(source, iri(RG.pdfProducer), pdf.producer)
    out.text(source, iri(RG.pdfCreator), pdf.creator)
    if pdf.created is not None:
        created = literal(pdf.created.isoformat(), datatype=XSD.dateTime)
        out.add(source, iri(RG.pdfCreated), created)
