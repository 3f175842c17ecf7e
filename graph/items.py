"""Agenda items -> quads: the item, its case numbers, sections, decisions, earlier treatments,
attachments and absences. Part of :mod:`graph.mapping`."""

from __future__ import annotations

from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode

from graph.labels import danish_date, item_label
from graph.terms import RG, XSD_BOOLEAN, term
from graph.uris import Minter
from graph.writer import QuadWriter
from loaders.model import Absence, AgendaItem, Decision


def item_quads(
    out: QuadWriter, meeting: NamedNode, iri: str, item: AgendaItem, position: int
) -> None:
    node = out.node(iri, RG.AgendaItem, item_label(item.number, item.title))
    out.add(meeting, term(RG.agendaItem), node)
    out.add(node, term(RG.meeting), meeting)
    out.integer(node, term(RG.number), item.number)
    out.add(node, term(RG.title), Literal(item.title))
    out.integer(node, term(RG.position), position)
    closed = Literal("true" if item.closed else "false", datatype=XSD_BOOLEAN)
    out.add(node, term(RG.closed), closed)
    out.text(node, term(RG.itemPrefix), item.prefix)
    out.span(node, item.span)
    _case_numbers(out, node, item)
    _sections(out, node, item)
    for i, other in enumerate(item.other_decisions, start=1):
        dec = _decision(out, f"{iri}/anden-beslutning/{i}", other, item.number)
        out.add(node, term(RG.otherDecision), dec)
    _treatments(out, node, item)
    for i, attachment in enumerate(item.attachments, start=1):
        att = out.node(Minter.part(iri, "bilag", i), RG.Attachment, attachment.title)
        out.add(node, term(RG.attachment), att)
        out.add(att, term(RG.title), Literal(attachment.title))
        out.integer(att, term(RG.position), i)
        out.span(att, attachment.span)
    for person in absences(out, node, item.absences):
        out.add(node, term(RG.absentee), person)


def _case_numbers(out: QuadWriter, node: NamedNode, item: AgendaItem) -> None:
    for i, case in enumerate(item.case_numbers, start=1):
        case_node = out.node(
            Minter.part(node.value, "sag", i), RG.CaseNumber, f"Sagsnummer {case.raw}"
        )
        out.add(node, term(RG.caseNumber), case_node)
        out.add(case_node, term(RG.rawCaseNumber), Literal(case.raw))
        out.text(case_node, term(RG.kleCode), case.kle)
        out.text(case_node, term(RG.handlingFacet), case.facet)
        out.text(case_node, term(RG.serial), case.serial)
        out.span(case_node, case.span)


def _sections(out: QuadWriter, node: NamedNode, item: AgendaItem) -> None:
    """Every section in order; the decision's own section is the decision node itself, so its
    text is stored once."""
    decision_span = item.decision.span if item.decision else None
    seen: dict[str, int] = {}
    for position, section in enumerate(item.sections, start=1):
        count = seen[section.label] = seen.get(section.label, 0) + 1
        if item.decision and section.span == decision_span:
            sec = _decision(out, f"{node.value}/beslutning", item.decision, item.number)
            out.add(node, term(RG.decision), sec)
        else:
            key = section.label if count == 1 else f"{section.label}-{count}"
            label = f"{section.heading}, punkt {item.number}"
            sec = out.node(Minter.part(node.value, "afsnit", key), RG.Section, label)
            out.add(sec, term(RG.heading), Literal(section.heading))
            out.add(sec, term(RG.text), Literal(section.text))
            out.span(sec, section.span)
        out.add(node, term(RG.section), sec)
        out.add(sec, term(RG.sectionLabel), Literal(section.label))
        out.integer(sec, term(RG.position), position)
    if item.decision and not any(s.span == decision_span for s in item.sections):
        dec = _decision(out, f"{node.value}/beslutning", item.decision, item.number)
        out.add(node, term(RG.decision), dec)


def _decision(out: QuadWriter, iri: str, decision: Decision, number: int) -> NamedNode:
    dec = out.node(iri, RG.Decision, f"Beslutning, punkt {number}")
    out.add(dec, term(RG.text), Literal(decision.text))
    out.date(dec, term(RG.decisionDate), decision.date)
    if decision.committee:
        out.add(dec, term(RG.decidedBy), out.committee(decision.committee))
    out.span(dec, decision.span)
    return dec


def _treatments(out: QuadWriter, node: NamedNode, item: AgendaItem) -> None:
    for i, treatment in enumerate(item.treatments, start=1):
        who = treatment.committee or "ukendt udvalg"
        when = f" {danish_date(treatment.date)}" if treatment.date else ""
        tr = out.node(
            Minter.part(node.value, "forloeb", i), RG.Treatment, f"Behandling i {who}{when}"
        )
        out.add(node, term(RG.treatment), tr)
        out.add(tr, term(RG.text), Literal(treatment.text))
        if treatment.committee:
            out.add(tr, term(RG.treatedBy), out.committee(treatment.committee))
        out.date(tr, term(RG.treatmentDate), treatment.date)
        out.span(tr, treatment.span)


def absences(out: QuadWriter, parent: NamedNode, found: Iterable[Absence]) -> list[NamedNode]:
    """Absence nodes under ``parent``; returns the persons absent, once each."""
    absent: dict[str, NamedNode] = {}
    seen: dict[str, int] = {}
    for absence in found:
        person = out.person(absence.name, absence.party)
        count = seen[person.value] = seen.get(person.value, 0) + 1
        key = absence.name if count == 1 else f"{absence.name}-{count}"
        reason = absence.reason or "fraværende"
        node = out.node(
            Minter.part(parent.value, "fravaer", key), RG.Absence, f"{absence.name}: {reason}"
        )
        out.add(parent, term(RG.absence), node)
        out.add(node, term(RG.person), person)
        out.text(node, term(RG.absenceReason), absence.reason)
        out.span(node, absence.span)
        absent[person.value] = person
    return list(absent.values())
