"""Agenda items -> quads: the item, its case numbers, sections, decisions, earlier treatments,
attachments and absences. Part of :mod:`graph.mapping`."""

from __future__ import annotations

from collections.abc import Iterable

from graph.labels import danish_date, item_label
from graph.ntriples import XSD_BOOLEAN, iri, iri_value, literal
from graph.uris import Minter
from graph.writer import RDF_TYPE, QuadWriter
from loaders.model import Absence, AgendaItem, Decision
from ontology.namespace import RG


def item_quads(
    out: QuadWriter, meeting: str, item_iri: str, item: AgendaItem, position: int
) -> None:
    node = out.node(item_iri, RG.AgendaItem, item_label(item.number, item.title))
    out.add(meeting, iri(RG.agendaItem), node)
    out.add(node, iri(RG.meeting), meeting)
    out.integer(node, iri(RG.number), item.number)
    out.add(node, iri(RG.title), literal(item.title))
    out.integer(node, iri(RG.position), position)
    closed = literal("true" if item.closed else "false", datatype=XSD_BOOLEAN)
    out.add(node, iri(RG.closed), closed)
    out.text(node, iri(RG.itemPrefix), item.prefix)
    out.span(node, item.span)
    _case_numbers(out, node, item)
    _sections(out, node, item)
    for i, other in enumerate(item.other_decisions, start=1):
        dec = _decision(out, f"{item_iri}/anden-beslutning/{i}", other, item.number)
        out.add(node, iri(RG.otherDecision), dec)
    _treatments(out, node, item)
    for i, attachment in enumerate(item.attachments, start=1):
        att = out.node(Minter.part(item_iri, "bilag", i), RG.Attachment, attachment.title)
        out.add(node, iri(RG.attachment), att)
        out.add(att, iri(RG.title), literal(attachment.title))
        out.integer(att, iri(RG.position), i)
        out.span(att, attachment.span)
    for person in absences(out, node, item.absences):
        out.add(node, iri(RG.absentee), person)


def _case_numbers(out: QuadWriter, node: str, item: AgendaItem) -> None:
    for i, case in enumerate(item.case_numbers, start=1):
        case_node = out.node(
            Minter.part(iri_value(node), "sag", i), RG.CaseNumber, f"Sagsnummer {case.raw}"
        )
        out.add(node, iri(RG.caseNumber), case_node)
        out.add(case_node, iri(RG.rawCaseNumber), literal(case.raw))
        out.text(case_node, iri(RG.kleCode), case.kle)
        out.text(case_node, iri(RG.handlingFacet), case.facet)
        out.text(case_node, iri(RG.serial), case.serial)
        out.span(case_node, case.span)


def _sections(out: QuadWriter, node: str, item: AgendaItem) -> None:
    """Every section in order; the decision's own section is the decision node itself, so its
    text is stored once."""
    decision_span = item.decision.span if item.decision else None
    seen: dict[str, int] = {}
    for position, section in enumerate(item.sections, start=1):
        count = seen[section.label] = seen.get(section.label, 0) + 1
        if item.decision and section.span == decision_span:
            sec = _decision(out, f"{iri_value(node)}/beslutning", item.decision, item.number)
            out.add(node, iri(RG.decision), sec)
            out.add(sec, RDF_TYPE, iri(RG.Section))  # the decision is also the item's section
            out.add(sec, iri(RG.heading), literal(section.heading))
        else:
            key = section.label if count == 1 else f"{section.label}-{count}"
            label = f"{section.heading}, punkt {item.number}"
            sec = out.node(Minter.part(iri_value(node), "afsnit", key), RG.Section, label)
            out.add(sec, iri(RG.heading), literal(section.heading))
            out.add(sec, iri(RG.text), literal(section.text))
            out.span(sec, section.span)
        out.add(node, iri(RG.section), sec)
        out.add(sec, iri(RG.sectionLabel), literal(section.label))
        out.integer(sec, iri(RG.position), position)
    if item.decision and not any(s.span == decision_span for s in item.sections):
        dec = _decision(out, f"{iri_value(node)}/beslutning", item.decision, item.number)
        out.add(node, iri(RG.decision), dec)


def _decision(out: QuadWriter, decision_iri: str, decision: Decision, number: int) -> str:
    dec = out.node(decision_iri, RG.Decision, f"Beslutning, punkt {number}")
    out.add(dec, iri(RG.text), literal(decision.text))
    out.date(dec, iri(RG.decisionDate), decision.date)
    if decision.committee:
        out.add(dec, iri(RG.decidedBy), out.committee(decision.committee))
    out.span(dec, decision.span)
    return dec


def _treatments(out: QuadWriter, node: str, item: AgendaItem) -> None:
    for i, treatment in enumerate(item.treatments, start=1):
        who = treatment.committee or "ukendt udvalg"
        when = f" {danish_date(treatment.date)}" if treatment.date else ""
        tr = out.node(
            Minter.part(iri_value(node), "forloeb", i), RG.Treatment, f"Behandling i {who}{when}"
        )
        out.add(node, iri(RG.treatment), tr)
        out.add(tr, iri(RG.text), literal(treatment.text))
        if treatment.committee:
            out.add(tr, iri(RG.treatedBy), out.committee(treatment.committee))
        out.date(tr, iri(RG.treatmentDate), treatment.date)
        out.span(tr, treatment.span)


def absences(out: QuadWriter, parent: str, found: Iterable[Absence]) -> list[str]:
    """Absence nodes under ``parent``; returns the persons absent, once each."""
    absent: dict[str, str] = {}
    seen: dict[str, int] = {}
    for absence in found:
        person = out.person(absence.name, absence.party)
        count = seen[iri_value(person)] = seen.get(iri_value(person), 0) + 1
        key = absence.name if count == 1 else f"{absence.name}-{count}"
        reason = absence.reason or "fraværende"
        node = out.node(
            Minter.part(iri_value(parent), "fravaer", key), RG.Absence, f"{absence.name}: {reason}"
        )
        out.add(parent, iri(RG.absence), node)
        out.add(node, iri(RG.person), person)
        out.text(node, iri(RG.absenceReason), absence.reason)
        out.span(node, absence.span)
        absent[iri_value(person)] = person
    return list(absent.values())
