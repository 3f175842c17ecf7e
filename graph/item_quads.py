"""Agenda items -> quads: the item, its case numbers, sections, decisions with their outcome,
earlier treatments, attachments, absences, and the mentions in all its texts. Part of
:mod:`graph.mapping`."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from graph.entities import EntityIris
from graph.labels import danish_date, item_label, item_reference
from graph.mentions import kle_link, mention_quads
from graph.ntriples import iri, iri_value, literal
from graph.uris import Minter
from graph.vote_quads import vote_quads
from graph.writer import RDF_TYPE, QuadWriter
from loaders.model import Absence, AgendaItem, Decision, Span, TextRef
from ontology.namespace import OUTCOME_NS, RG
from ontology.vocabularies import XSD

_DECISION = TextRef("decision")


class ItemWriter:
    """Writes one item; remembers the node of each of its texts for the mentions."""

    def __init__(
        self,
        out: QuadWriter,
        iris: EntityIris,
        item_iri: str,
        item: AgendaItem,
        pages: Callable[[Span], tuple[int, ...]] | None = None,
    ):
        self.out = out
        self.iris = iris
        self.item = item
        self.node = iri(item_iri)
        self.nodes: dict[TextRef, str] = {}
        self.pages = pages  # the PDF pages a span stood on (MinutesDocument.pages_of)

    def write(self, meeting: str, position: int) -> None:
        """Write the item with the mentions the loader found in its texts."""
        out, item, node = self.out, self.item, self.node
        out.node(iri_value(node), RG.AgendaItem, item_label(item.number, item.title))
        out.add(meeting, iri(RG.agendaItem), node)
        out.add(node, iri(RG.meeting), meeting)
        if item.number is not None:  # printed without a number: none, never a made-up one
            out.integer(node, iri(RG.number), item.number)
        if item.title:  # printed without a title: none, never a made-up one
            out.add(node, iri(RG.title), literal(item.title))
        self._text(node, item.title, TextRef("title"))  # the heading is the item's own text
        out.integer(node, iri(RG.position), position)
        closed = literal("true" if item.closed else "false", datatype=XSD.boolean)
        out.add(node, iri(RG.closed), closed)
        out.text(node, iri(RG.itemPrefix), item.prefix)
        out.span(node, item.span)
        self._pdf_pages(node, item.span)
        self._case_numbers()
        self._sections()
        for i, other in enumerate(item.other_decisions, start=1):
            ref = TextRef("other_decision", i - 1)
            dec = self._decision(Minter.part(iri_value(node), "anden-beslutning", i), other, ref)
            out.add(node, iri(RG.otherDecision), dec)
        self._treatments()
        self._attachments()
        for person in absences(out, node, item.absences):
            out.add(node, iri(RG.absentee), person)
        if item.mentions:
            found = [(self.nodes[m.text], m.mentions) for m in item.mentions]
            mention_quads(out, self.iris, node, found)

    def _text(self, node: str, text: str, ref: TextRef) -> None:
        self.out.add(node, iri(RG.text), literal(text))
        self.nodes[ref] = node

    def _pdf_pages(self, node: str, span: Span) -> None:
        """The first and last page of the PDF the text at ``span`` stood on; nothing for a
        source without pages."""
        pages = self.pages(span) if self.pages else ()
        if pages:
            self.out.integer(node, iri(RG.firstPdfPage), pages[0])
            self.out.integer(node, iri(RG.lastPdfPage), pages[-1])

    def _case_numbers(self) -> None:
        out, node = self.out, self.node
        linked: set[str] = set()
        for i, case in enumerate(self.item.case_numbers, start=1):
            case_iri = Minter.part(iri_value(node), "sag", i)
            case_node = out.node(case_iri, RG.CaseNumber, f"Sagsnummer {case.raw}")
            out.add(node, iri(RG.caseNumber), case_node)
            out.add(case_node, iri(RG.rawCaseNumber), literal(case.raw))
            out.text(case_node, iri(RG.kleCode), case.kle)
            out.text(case_node, iri(RG.handlingFacet), case.facet)
            out.text(case_node, iri(RG.serial), case.serial)
            out.span(case_node, case.span)
            if case.kle:
                concept = kle_link(out, self.iris, case.kle)
                out.add(case_node, iri(RG.kle), concept)
                if concept not in linked:
                    linked.add(concept)
                    out.add(node, iri(RG.kle), concept)

    def _sections(self) -> None:
        """Every section in order; the decision's own section is the decision node itself, so
        its text is stored once."""
        out, item, node = self.out, self.item, self.node
        decision_span = item.decision.span if item.decision else None
        seen: dict[str, int] = {}
        for position, section in enumerate(item.sections, start=1):
            count = seen[section.label] = seen.get(section.label, 0) + 1
            if item.decision and section.span == decision_span:
                sec = self._decision(Minter.decision(iri_value(node)), item.decision, _DECISION)
                out.add(node, iri(RG.decision), sec)
                out.add(sec, RDF_TYPE, iri(RG.Section))  # the decision is also a section
            else:
                key = section.label if count == 1 else f"{section.label}-{count}"
                printed = section.heading or section.label.capitalize()  # "Tekst": none printed
                label = f"{printed}, {item_reference(item.number)}"
                sec = out.node(Minter.part(iri_value(node), "afsnit", key), RG.Section, label)
                self._text(sec, section.text, TextRef("section", position - 1))
                out.span(sec, section.span)
            self._pdf_pages(sec, section.span)
            if section.heading:
                out.add(sec, iri(RG.heading), literal(section.heading))
            out.add(node, iri(RG.section), sec)
            out.add(sec, iri(RG.sectionLabel), literal(section.label))
            out.integer(sec, iri(RG.position), position)
        if item.decision and not any(s.span == decision_span for s in item.sections):
            dec = self._decision(Minter.decision(iri_value(node)), item.decision, _DECISION)
            out.add(node, iri(RG.decision), dec)

    def _decision(self, decision_iri: str, decision: Decision, ref: TextRef) -> str:
        out = self.out
        dec = out.node(decision_iri, RG.Decision, f"Beslutning, {item_reference(self.item.number)}")
        self._text(dec, decision.text, ref)
        out.date(dec, iri(RG.decisionDate), decision.date)
        if decision.committee:
            out.add(dec, iri(RG.decidedBy), out.committee(decision.committee))
        if decision.outcome is not None:  # none where no rule recognised the text
            out.add(dec, iri(RG.outcome), iri(OUTCOME_NS + decision.outcome))
        out.span(dec, decision.span)
        vote_quads(out, dec, decision)
        return dec

    def _treatments(self) -> None:
        out, node = self.out, self.node
        for i, treatment in enumerate(self.item.treatments, start=1):
            who = treatment.committee or "ukendt udvalg"
            when = f" {danish_date(treatment.date)}" if treatment.date else ""
            tr_iri = Minter.part(iri_value(node), "forloeb", i)
            tr = out.node(tr_iri, RG.Treatment, f"Behandling i {who}{when}")
            out.add(node, iri(RG.treatment), tr)
            self._text(tr, treatment.text, TextRef("treatment", i - 1))
            if treatment.committee:
                out.add(tr, iri(RG.treatedBy), out.committee(treatment.committee))
            out.date(tr, iri(RG.treatmentDate), treatment.date)
            out.span(tr, treatment.span)

    def _attachments(self) -> None:
        out, node = self.out, self.node
        for i, attachment in enumerate(self.item.attachments, start=1):
            att_iri = Minter.part(iri_value(node), "bilag", i)
            att = out.node(att_iri, RG.Attachment, attachment.title)
            out.add(node, iri(RG.attachment), att)
            out.add(att, iri(RG.title), literal(attachment.title))
            self._text(att, attachment.title, TextRef("attachment", i - 1))
            out.integer(att, iri(RG.position), i)
            out.span(att, attachment.span)


def absences(out: QuadWriter, parent: str, found: Iterable[Absence]) -> list[str]:
    """Absence nodes under ``parent``; returns the persons absent, once each."""
    absent: dict[str, str] = {}
    seen: dict[str, int] = {}
    for absence in found:
        person = out.person(absence.name, absence.party)
        count = seen[person] = seen.get(person, 0) + 1
        key = absence.name if count == 1 else f"{absence.name}-{count}"
        reason = absence.reason or "fraværende"
        absence_iri = Minter.part(iri_value(parent), "fravaer", key)
        node = out.node(absence_iri, RG.Absence, f"{absence.name}: {reason}")
        out.add(parent, iri(RG.absence), node)
        out.add(node, iri(RG.person), person)
        out.text(node, iri(RG.absenceReason), absence.reason)
        out.span(node, absence.span)
        absent[person] = person
    return list(absent.values())
