"""Collecting the quads of one document as N-Quads lines: its own graph, and the shared
entities graph. Terms are N-Triples strings (see :mod:`graph.ntriples`), so ``RDF_TYPE`` and
``RDFS_LABEL`` here are the N-Triples forms of :mod:`graph.terms` (``RDF_TYPE_NT``)."""

from __future__ import annotations

import datetime as dt

from graph.labels import committee_label, person_label
from graph.ntriples import iri, iri_value, literal
from graph.party_quads import party_term
from graph.terms import RDF_TYPE_NT as RDF_TYPE
from graph.terms import RDFS_LABEL_NT as RDFS_LABEL
from graph.uris import Minter
from loaders.model import Span
from ontology.namespace import RG
from ontology.vocabularies import XSD


class QuadWriter:
    """Lines for the document's graph (``add`` and friends) and for shared entities
    (``entity``); every value helper skips what the minutes do not state."""

    def __init__(self, graph: str, entities: str, minter: Minter, municipality: str) -> None:
        self.graph = iri(graph)
        self.entities = iri(entities)
        self.minter = minter
        self.municipality = municipality  # the name of the municipality of the minutes
        self._municipality_node = iri(minter.municipality(municipality))
        self.lines: list[str] = []
        # Shared entities this document has described already, by node and label (and party):
        # a person mentioned a hundred times, or a committee deciding every item, is written
        # once per document (the store would keep each quad once all the same).
        self.described: set[tuple[str, str, str | None]] = set()

    def add(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} {p} {o} {self.graph} .\n")

    def node(self, node_iri: str, rdf_type: str, label: str) -> str:
        """A new node of the document with its type and Danish label."""
        node = iri(node_iri)
        self.add(node, RDF_TYPE, iri(rdf_type))
        self.add(node, RDFS_LABEL, literal(label, lang="da"))
        return node

    def text(self, s: str, p: str, value: str | None) -> None:
        if value:
            self.add(s, p, literal(value))

    def integer(self, s: str, p: str, value: int) -> None:
        self.add(s, p, f'"{value}"^^<{XSD.integer}>')

    def date(self, s: str, p: str, value: dt.date | None) -> None:
        if value is not None:
            self.add(s, p, literal(value.isoformat(), datatype=XSD.date))

    def time(self, s: str, p: str, value: dt.time | None) -> None:
        if value is not None:
            self.add(s, p, literal(value.strftime("%H:%M:%S"), datatype=XSD.time))

    def span(self, s: str, span: Span) -> None:
        """Where the node was read: lines and character offsets in the normalised text."""
        self.integer(s, _FIRST_LINE, span.first_line)
        self.integer(s, _LAST_LINE, span.last_line)
        self.integer(s, _BEGIN, span.begin)
        self.integer(s, _END, span.end)

    def entity(self, s: str, p: str, o: str) -> None:
        self.lines.append(f"{s} {p} {o} {self.entities} .\n")

    def entity_line(self, triple: str) -> None:
        """An N-Triples line, put into the entities graph."""
        self.lines.append(f"{triple[:-3]} {self.entities} .\n")

    def committee(self, name: str) -> str:
        """A committee of the minutes' municipality, described once in the entities graph."""
        node = iri(self.minter.committee(self.municipality, name))
        label = committee_label(name)
        if (node, label, None) in self.described:
            return node
        self.described.add((node, label, None))
        self.entity(node, RDF_TYPE, iri(RG.Committee))
        self.entity(node, RDFS_LABEL, literal(label, lang="da"))
        self.entity(node, iri(RG.municipality), self._municipality_node)
        return node

    def person(self, name: str, party: str | None) -> str:
        """One person per municipality: the folded name is the key."""
        node = iri(self.minter.person(self.municipality, name))
        label = person_label(name)
        if (node, label, None) not in self.described:
            self.described.add((node, label, None))
            self.entity(node, RDF_TYPE, iri(RG.Person))
            self.entity(node, RDFS_LABEL, literal(label, lang="da"))
            self.entity(node, iri(RG.municipality), self._municipality_node)
        if party and (node, "", party) not in self.described:
            self.described.add((node, "", party))
            self.entity(node, iri(RG.party), literal(party))
            party_node = party_term(self, party)  # the party the letter stands for
            if party_node is not None:
                self.entity(node, iri(RG.politicalParty), party_node)
        return node


_FIRST_LINE = iri(RG.firstLine)
_LAST_LINE = iri(RG.lastLine)
_BEGIN = iri(RG.beginOffset)
_END = iri(RG.endOffset)

__all__ = ["RDFS_LABEL", "RDF_TYPE", "QuadWriter", "iri", "iri_value", "literal"]
