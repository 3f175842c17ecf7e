"""Collecting the quads of one document: its own graph, and the shared entities graph."""

from __future__ import annotations

import datetime as dt

from pyoxigraph import Literal, NamedNode, Quad

from graph.terms import RDF_TYPE, RDFS_LABEL, RG, XSD_DATE, XSD_INTEGER, XSD_TIME, term
from graph.uris import Minter
from loaders.model import Span


class QuadWriter:
    """Quads for the document's graph (``add`` and friends) and for shared entities
    (``entity``); every value helper skips what the minutes do not state."""

    def __init__(self, graph: NamedNode, entities: NamedNode, minter: Minter, municipality: str):
        self.graph = graph
        self.entities = entities
        self.minter = minter
        self.municipality = municipality  # the name of the municipality of the minutes
        self.quads: list[Quad] = []

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.quads.append(Quad(s, p, o, self.graph))

    def node(self, iri: str, rdf_type: str, label: str) -> NamedNode:
        """A new node of the document with its type and Danish label."""
        node = NamedNode(iri)
        self.add(node, RDF_TYPE, term(rdf_type))
        self.add(node, RDFS_LABEL, da(label))
        return node

    def text(self, s: NamedNode, p: NamedNode, value: str | None) -> None:
        if value:
            self.add(s, p, Literal(value))

    def integer(self, s: NamedNode, p: NamedNode, value: int) -> None:
        self.add(s, p, Literal(str(value), datatype=XSD_INTEGER))

    def date(self, s: NamedNode, p: NamedNode, value: dt.date | None) -> None:
        if value is not None:
            self.add(s, p, Literal(value.isoformat(), datatype=XSD_DATE))

    def time(self, s: NamedNode, p: NamedNode, value: dt.time | None) -> None:
        if value is not None:
            self.add(s, p, Literal(value.strftime("%H:%M:%S"), datatype=XSD_TIME))

    def span(self, s: NamedNode, span: Span) -> None:
        """Where the node was read: lines and character offsets in the normalised text."""
        self.integer(s, term(RG.firstLine), span.first_line)
        self.integer(s, term(RG.lastLine), span.last_line)
        self.integer(s, term(RG.beginOffset), span.begin)
        self.integer(s, term(RG.endOffset), span.end)

    def entity(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        self.quads.append(Quad(s, p, o, self.entities))

    def committee(self, name: str) -> NamedNode:
        """A committee of the minutes' municipality, described once in the entities graph."""
        node = NamedNode(self.minter.committee(self.municipality, name))
        self.entity(node, RDF_TYPE, term(RG.Committee))
        self.entity(node, RDFS_LABEL, da(name))
        self.entity(
            node, term(RG.municipality), NamedNode(self.minter.municipality(self.municipality))
        )
        return node

    def person(self, name: str, party: str | None) -> NamedNode:
        """One person per municipality: the folded name is the key."""
        node = NamedNode(self.minter.person(self.municipality, name))
        self.entity(node, RDF_TYPE, term(RG.Person))
        self.entity(node, RDFS_LABEL, da(name))
        self.entity(
            node, term(RG.municipality), NamedNode(self.minter.municipality(self.municipality))
        )
        if party:
            self.entity(node, term(RG.party), Literal(party))
        return node


def da(text: str) -> Literal:
    return Literal(text, language="da")
