"""Votes and attendance notes -> quads: who took which position on a decision, and who was
there, came late, left, stood in or was absent, per meeting and per item.

A vote is an ``rg:Vote`` of its decision (``<decision>/stemme/N``, in text order) with its
position (a concept of ``rg:positions``), the member (``rg:voter``) or the party
(``rg:voterParty``, with the letter as printed in ``rg:party``), the count where printed, and
its anchor as mentions have it: ``rg:anchorText`` and, where the anchor stands in the decision's
own text, ``rg:inText``/``rg:beginIndex``/``rg:endIndex`` into it; the span in the normalised
text besides. A member's vote names no party resource: the member's ``rg:politicalParty`` does.
A tally (``vedtaget med 15 stemmer mod 6``, or a number printed for a group) has a count and
neither member nor party.

An attendance note is an ``rg:Attendance`` of its meeting or item (``<parent>/fremmoede/N``)
with the person, its kind (``rg:attendanceKinds``), and what is printed with it: time, item
number (and the item, where one item of the meeting has it), whom a substitute stood in for,
role, party; its anchor text is the span's text. The ``rg:Absence`` nodes stay as they are.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from graph.ntriples import iri, iri_value, literal
from graph.party_quads import party_term
from graph.uris import Minter
from graph.writer import QuadWriter
from loaders.model import AgendaItem, Attendance, Decision, Vote
from ontology.namespace import ATTENDANCE_KIND_NS, POSITION_NS, RG

POSITION_LABELS = {
    "for": "for",
    "imod": "imod",
    "undlod": "undlod at stemme",
    "forbehold": "tog forbehold",
}
"""Danish words for a position in a vote's label (the concepts' ``skos:prefLabel``)."""

KIND_LABELS = {
    "present": "til stede",
    "absent": "fraværende",
    "arrived": "kom senere",
    "left": "gik tidligere",
    "substitute": "stedfortræder",
    "guest": "gæst eller embedsperson",
}
"""Danish words for an attendance kind in a note's label (the concepts' ``skos:prefLabel``)."""


def vote_quads(out: QuadWriter, decision_node: str, decision: Decision) -> None:
    """The votes of one decision (its node ``decision_node``)."""
    for number, vote in enumerate(decision.votes, start=1):
        who = vote.voter or vote.party or f"{vote.count or 'ukendt antal'} stemmer"  # a tally
        node = out.node(
            Minter.part(iri_value(decision_node), "stemme", number),
            RG.Vote,
            f"{who}: {POSITION_LABELS[vote.position]}",
        )
        out.add(decision_node, iri(RG.vote), node)
        out.add(node, iri(RG.votePosition), iri(POSITION_NS + vote.position))
        if vote.voter:
            out.add(node, iri(RG.voter), out.person(vote.voter, vote.party))
        out.text(node, iri(RG.party), vote.party)
        if vote.party and not vote.voter:
            party = party_term(out, vote.party)
            if party is not None:
                out.add(node, iri(RG.voterParty), party)
        if vote.count is not None:
            out.integer(node, iri(RG.count), vote.count)
        out.add(node, iri(RG.anchorText), literal(vote.anchor))
        begin = anchor_in_text(decision, vote)
        if begin is not None:
            out.add(node, iri(RG.inText), decision_node)
            out.integer(node, iri(RG.beginIndex), begin)
            out.integer(node, iri(RG.endIndex), begin + len(vote.anchor))
        out.span(node, vote.span)


def anchor_in_text(decision: Decision, vote: Vote) -> int | None:
    """Where the vote's anchor begins in the decision's text: at the offset its span gives,
    else where it occurs once; None where the text does not hold it (then only the span says
    where it was read).

    >>> from loaders.model import Span
    >>> d = Decision("Godkendt. F tog forbehold.", Span(9, 9, 100, 126))
    >>> anchor_in_text(d, Vote("forbehold", Span(9, 9, 110, 125), "F tog forbehold", party="F"))
    10
    >>> anchor_in_text(d, Vote("imod", Span(9, 9, 0, 4), "Imod", party="Ø")) is None
    True
    """
    anchor = vote.anchor
    if not anchor:
        return None
    begin = vote.span.begin - decision.span.begin
    if begin >= 0 and decision.text[begin : begin + len(anchor)] == anchor:
        return begin
    first = decision.text.find(anchor)
    if first >= 0 and decision.text.find(anchor, first + 1) < 0:
        return first
    return None


def attendance_quads(
    out: QuadWriter,
    parent: str,
    notes: Iterable[Attendance],
    *,
    meeting: str,
    text: str,
    items: Sequence[AgendaItem],
) -> None:
    """The attendance notes of a meeting or an item (``parent``): ``meeting`` is the meeting's
    IRI, ``text`` the document's normalised text (the anchors), ``items`` the meeting's items
    (for an item a note names)."""
    numbers = Counter(item.number for item in items if item.number is not None)
    for number, note in enumerate(notes, start=1):
        node = out.node(
            Minter.part(iri_value(parent), "fremmoede", number),
            RG.Attendance,
            f"{note.name}: {KIND_LABELS[note.kind]}",
        )
        out.add(parent, iri(RG.attendance), node)
        out.add(node, iri(RG.person), out.person(note.name, note.party))
        out.add(node, iri(RG.attendanceKind), iri(ATTENDANCE_KIND_NS + note.kind))
        out.time(node, iri(RG.attendanceTime), note.time)
        if note.item_number is not None:
            out.integer(node, iri(RG.attendanceItemNumber), note.item_number)
            if numbers[note.item_number] == 1:  # one item has it: its IRI is keyed by it
                out.add(node, iri(RG.attendanceItem), iri(Minter.item(meeting, note.item_number)))
        if note.substitute_for:
            out.add(node, iri(RG.substituteFor), out.person(note.substitute_for, None))
        out.text(node, iri(RG.role), note.role)
        out.text(node, iri(RG.party), note.party)
        out.add(node, iri(RG.anchorText), literal(text[note.span.begin : note.span.end]))
        out.span(node, note.span)
