"""Document model -> quads: one named graph per source document, plus shared entity triples.

Facts about a meeting go into the graph of the document they were read from. Facts about
things several documents share (a committee, a person) go into the entities graph, once, so that
the union default graph never holds the same triple twice and counts stay right.

The document's ``rg:sha256`` quad is its commit record: it is written last, after everything
else, so a document without it is a partial write that the store removes when it opens.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, Quad

from graph.items import absences, item_quads
from graph.labels import meeting_label
from graph.terms import (
    PROV_ENTITY,
    PROV_GENERATED_AT,
    PROV_WAS_GENERATED_BY,
    RDF_TYPE,
    RG,
    XSD_DATETIME,
    term,
)
from graph.uris import Minter
from graph.writer import QuadWriter
from loaders.model import LoaderError, MinutesDocument
from loaders.municipalities import Municipality, by_name

ENTITIES_GRAPH = "graf/entiteter"
MUNICIPALITIES_GRAPH = "graf/kommuner"


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
    quads: list[Quad] = field(default_factory=list)  # the document's graph and shared entities
    commit: list[Quad] = field(default_factory=list)  # written last: marks the document whole


def place(doc: MinutesDocument) -> tuple[Municipality, str]:
    """The municipality and committee the minutes belong to, or a clear error."""
    meeting = doc.meeting
    if not meeting.municipality:
        raise PlacementError(
            "no municipality stated or inferable from the text; give it with --municipality"
        )
    municipality = by_name(meeting.municipality)
    if municipality is None:
        raise PlacementError(f"unknown municipality {meeting.municipality!r}")
    if not meeting.committee:
        raise PlacementError("no committee named in the header of the minutes")
    return municipality, meeting.committee


def meeting_day(doc: MinutesDocument) -> str:
    """The meeting's date for its IRI; without a date, a stable key from the file's content."""
    if doc.meeting.date:
        return doc.meeting.date.isoformat()
    return f"uden-dato-{doc.source.sha256[:12]}"


def document_quads(doc: MinutesDocument, ctx: LoadContext) -> DocumentQuads:
    """All quads of one parsed document."""
    municipality, committee_name = place(doc)
    minter = ctx.minter
    committee_iri = minter.committee(municipality.name, committee_name)
    meeting_iri = minter.meeting(committee_iri, meeting_day(doc))
    graph = NamedNode(minter.source(meeting_iri))
    out = QuadWriter(graph, NamedNode(minter.base + ENTITIES_GRAPH), minter, municipality.name)
    m = doc.meeting

    meeting = out.node(meeting_iri, RG.Meeting, meeting_label(committee_name, m.date))
    out.add(meeting, term(RG.committee), out.committee(committee_name))
    out.add(meeting, term(RG.municipality), NamedNode(minter.municipality(municipality.name)))
    out.add(meeting, term(RG.sourceDocument), graph)
    out.date(meeting, term(RG.date), m.date)
    out.time(meeting, term(RG.startTime), m.start_time)
    out.time(meeting, term(RG.endTime), m.end_time)
    out.text(meeting, term(RG.place), m.place)
    out.text(meeting, term(RG.meetingKind), m.kind)
    out.text(meeting, term(RG.municipalitySource), m.municipality_source)
    _attendance(out, meeting, doc)
    numbers_seen: set[int] = set()
    for position, item in enumerate(m.items, start=1):
        key = item.number if item.number not in numbers_seen else f"{item.number}-{position}"
        numbers_seen.add(item.number)
        item_quads(out, meeting, f"{meeting_iri}/punkt/{key}", item, position)
    _provenance(out, graph, doc, ctx)
    return DocumentQuads(
        graph=graph.value,
        meeting=meeting_iri,
        sha256=doc.source.sha256,
        quads=out.quads,
        commit=[Quad(graph, term(RG.sha256), Literal(doc.source.sha256), graph)],
    )


def _attendance(out: QuadWriter, meeting: NamedNode, doc: MinutesDocument) -> None:
    """Participants, who of them attended, and who was absent from the whole meeting."""
    absent = absences(out, meeting, doc.meeting.absences)
    for person in absent:
        out.add(meeting, term(RG.absentee), person)
    for participant in doc.meeting.participants:
        person = out.person(participant.name, participant.party)
        if person not in absent:  # listed as a member, but not there
            out.add(meeting, term(RG.attendee), person)
        role = f" ({participant.role})" if participant.role else ""
        iri = Minter.part(meeting.value, "deltager", participant.name)
        node = out.node(iri, RG.Participation, f"{participant.name}{role}")
        out.add(meeting, term(RG.participant), node)
        out.add(node, term(RG.person), person)
        out.text(node, term(RG.role), participant.role)
        out.span(node, participant.span)


def _provenance(out: QuadWriter, graph: NamedNode, doc: MinutesDocument, ctx: LoadContext) -> None:
    """The source document: which file, which bytes, read how, when, by which run."""
    source = out.node(graph.value, RG.SourceDocument, f"Kildefil {doc.source.name}")
    out.add(source, RDF_TYPE, PROV_ENTITY)
    out.text(source, term(RG.fileName), doc.source.name)
    out.integer(source, term(RG.byteSize), doc.source.size)
    out.text(source, term(RG.mediaType), doc.source.media_type)
    out.text(source, term(RG.encoding), doc.source.encoding)
    out.text(source, term(RG.layout), doc.layout)
    out.text(source, term(RG.loaderVersion), ctx.loader_version)
    out.add(source, term(RG.normalisedText), Literal(doc.text))
    for note in doc.notes:
        out.text(source, term(RG.loadNote), note)
    out.add(source, PROV_WAS_GENERATED_BY, NamedNode(ctx.run_iri))
    loaded_at = Literal(ctx.loaded_at.isoformat(), datatype=XSD_DATETIME)
    out.add(source, PROV_GENERATED_AT, loaded_at)
