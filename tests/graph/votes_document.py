"""Two meetings of one committee built by hand, with votes and attendance notes, for the tests
of the graph mapping, the pages and the gallery (the five samples record no vote).

10 March 2020: item 1 (which cites lov om en aktiv beskæftigelsesindsats) is a divided vote:
four members for, one reservation, one against, and one member absent from that item only;
item 2 is decided by party with counts (A 3 and V 2 for, F 1 against). Ida Skov sent apologies
and Jens Vang stood in for her; Hans Ravn arrived at 16.30. 9 March 2021: Dan Friis sent
apologies; A (3) and V (2) were for, a minority (O) against.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from graph.derived_facts import write_derived
from graph.ingest import write_reference_graphs
from graph.mapping import LoadContext, document_quads
from graph.store import MinutesStore, PreparedDocument
from graph.uris import DEFAULT_BASE, Minter
from loaders.mentions.mention_model import Mention
from loaders.model import (
    Absence,
    AgendaItem,
    Attendance,
    Decision,
    Meeting,
    MinutesDocument,
    Participant,
    Section,
    SourceInfo,
    Span,
    TextMentions,
    TextRef,
    Vote,
)
from searchindex import build_index, default_index_path

VOTE_EXAMPLES = ("stemmer-pr-parti-om-lov", "parti-imod-flertallet")
"""Gallery examples that need votes, which the five samples do not record: the tests run them on
these two meetings instead (tests/sparql/test_gallery.py, tests/web/test_votes_pages.py)."""

COMMITTEE = "Beskæftigelsesudvalget"
LAW = "lov om en aktiv beskæftigelsesindsats"

TEXT_2020 = """Beskæftigelsesudvalget
Dato: Tirsdag den 10. marts 2020
Medlemmer: Anne Holm (A) (Formand)
Bent Lund (V)
Carla Munk (A)
Dan Friis (F)
Eva Krogh (O)
Finn Berg (V)
Gitte Dahl (C)
Hans Ravn (B)
Ida Skov (Ø)
Afbud: Ida Skov (Ø)
Jens Vang (Ø) mødte for Ida Skov
Hans Ravn deltog fra kl. 16.30
1. Aktiv beskæftigelsesindsats 2020
Sagsfremstilling
Planen følger lov om en aktiv beskæftigelsesindsats.
Beslutning
Anne Holm, Bent Lund, Carla Munk og Finn Berg kunne tiltræde indstillingen. \
Gitte Dahl tog forbehold. Dan Friis kunne ikke tiltræde. \
Eva Krogh deltog ikke i behandlingen af punktet.
2. Budget 2021
Beslutning
For stemte: A (3) og V (2). Imod stemte: F (1). Indstillingen blev godkendt.
"""

TEXT_2021 = """Beskæftigelsesudvalget
Dato: Tirsdag den 9. marts 2021
Medlemmer: Anne Holm (A) (Formand)
Dan Friis (F)
Eva Krogh (O)
Afbud: Dan Friis (F)
1. Aktiv beskæftigelsesindsats 2021
Sagsfremstilling
Efter lov om en aktiv beskæftigelsesindsats.
Beslutning
For stemte: A (3) og V (2). Et mindretal (O) kunne ikke tiltræde.
"""


def span_in(text: str, needle: str, after: str = "") -> Span:
    """The span of ``needle`` in ``text`` (its first occurrence after ``after``)."""
    begin = text.index(needle, text.index(after) if after else 0)
    first = text.count("\n", 0, begin) + 1
    return Span(first, first + needle.count("\n"), begin, begin + len(needle))


def _source(name: str, text: str) -> SourceInfo:
    data = text.encode("utf-8")
    return SourceInfo(name, hashlib.sha256(data).hexdigest(), len(data), "utf-8", "text/plain")


def _decision(
    text: str, line: str, votes: list[tuple[str, str, str | None, str | None, int | None]]
) -> Decision:
    """A decision whose text is ``line``; each vote is (position, anchor, voter, party,
    count), its anchor found in that line."""
    span = span_in(text, line)
    found = []
    for position, anchor, voter, party, count in votes:
        begin = span.begin + line.index(anchor)
        vote_span = Span(span.first_line, span.first_line, begin, begin + len(anchor))
        found.append(Vote(position, vote_span, anchor, voter, party, count))  # type: ignore[arg-type]
    return Decision(line, span, outcome="godkendt", votes=tuple(found))


def _law_mention(section_text: str) -> TextMentions:
    begin = section_text.index(LAW)
    mention = Mention("lab-2019", "law", begin, begin + len(LAW), LAW, "alias", 1.0)
    return TextMentions(TextRef("section", 0), (mention,))


def document_2020() -> MinutesDocument:
    text = TEXT_2020
    case = "Planen følger lov om en aktiv beskæftigelsesindsats."
    line1 = text.split("Beslutning\n")[1].split("\n")[0]
    decision1 = _decision(
        text,
        line1,
        [
            ("for", "Anne Holm", "Anne Holm", None, None),
            ("for", "Bent Lund", "Bent Lund", None, None),
            ("for", "Carla Munk", "Carla Munk", None, None),
            ("for", "Finn Berg", "Finn Berg", None, None),
            ("forbehold", "Gitte Dahl tog forbehold", "Gitte Dahl", None, None),
            ("imod", "Dan Friis kunne ikke tiltræde", "Dan Friis", None, None),
        ],
    )
    line2 = "For stemte: A (3) og V (2). Imod stemte: F (1). Indstillingen blev godkendt."
    decision2 = _decision(
        text,
        line2,
        [
            ("for", "A (3)", None, "A", 3),
            ("for", "V (2)", None, "V", 2),
            ("imod", "F (1)", None, "F", 1),
        ],
    )
    absent_note = "Eva Krogh deltog ikke i behandlingen af punktet"
    item1 = AgendaItem(
        number=1,
        title="Aktiv beskæftigelsesindsats 2020",
        span=span_in(text, "1. Aktiv beskæftigelsesindsats 2020"),
        sections=[
            Section("sagsfremstilling", "Sagsfremstilling", case, span_in(text, case)),
            Section("beslutning", "Beslutning", line1, decision1.span),
        ],
        decision=decision1,
        absences=[Absence("Eva Krogh", "item", span_in(text, absent_note), None, "deltog ikke")],
        mentions=[_law_mention(case)],
        attendance=[Attendance("Eva Krogh", "absent", "item", span_in(text, absent_note))],
    )
    item2 = AgendaItem(
        number=2,
        title="Budget 2021",
        span=span_in(text, "2. Budget 2021"),
        sections=[Section("beslutning", "Beslutning", line2, decision2.span)],
        decision=decision2,
    )
    members = [
        ("Anne Holm", "A", "formand"),
        ("Bent Lund", "V", None),
        ("Carla Munk", "A", None),
        ("Dan Friis", "F", None),
        ("Eva Krogh", "O", None),
        ("Finn Berg", "V", None),
        ("Gitte Dahl", "C", None),
        ("Hans Ravn", "B", None),
        ("Ida Skov", "Ø", None),
    ]
    meeting = Meeting(
        municipality="Lejre",
        municipality_source="given",
        committee=COMMITTEE,
        date=dt.date(2020, 3, 10),
        kind="referat",
        participants=[
            Participant(name, span_in(text, f"{name} ({party})"), party, role)
            for name, party, role in members
        ],
        absences=[
            Absence("Ida Skov", "meeting", span_in(text, "Afbud: Ida Skov (Ø)"), "Ø", "afbud")
        ],
        items=[item1, item2],
        attendance=[
            Attendance("Ida Skov", "absent", "meeting", span_in(text, "Afbud: Ida Skov (Ø)"), "Ø"),
            Attendance(
                "Jens Vang",
                "substitute",
                "meeting",
                span_in(text, "Jens Vang (Ø) mødte for Ida Skov"),
                "Ø",
                substitute_for="Ida Skov",
            ),
            Attendance(
                "Hans Ravn",
                "arrived",
                "meeting",
                span_in(text, "Hans Ravn deltog fra kl. 16.30"),
                time=dt.time(16, 30),
            ),
        ],
    )
    return MinutesDocument(_source("referat-2020.txt", text), text, meeting, "test")


def document_2021() -> MinutesDocument:
    text = TEXT_2021
    case = "Efter lov om en aktiv beskæftigelsesindsats."
    line = "For stemte: A (3) og V (2). Et mindretal (O) kunne ikke tiltræde."
    decision = _decision(
        text,
        line,
        [
            ("for", "A (3)", None, "A", 3),
            ("for", "V (2)", None, "V", 2),
            ("imod", "Et mindretal (O) kunne ikke tiltræde", None, "O", None),
        ],
    )
    item = AgendaItem(
        number=1,
        title="Aktiv beskæftigelsesindsats 2021",
        span=span_in(text, "1. Aktiv beskæftigelsesindsats 2021"),
        sections=[
            Section("sagsfremstilling", "Sagsfremstilling", case, span_in(text, case)),
            Section("beslutning", "Beslutning", line, decision.span),
        ],
        decision=decision,
        mentions=[_law_mention(case)],
    )
    meeting = Meeting(
        municipality="Lejre",
        municipality_source="given",
        committee=COMMITTEE,
        date=dt.date(2021, 3, 9),
        kind="referat",
        participants=[
            Participant("Anne Holm", span_in(text, "Anne Holm (A)"), "A", "formand"),
            Participant("Dan Friis", span_in(text, "Dan Friis (F)"), "F"),
            Participant("Eva Krogh", span_in(text, "Eva Krogh (O)"), "O"),
        ],
        absences=[
            Absence("Dan Friis", "meeting", span_in(text, "Afbud: Dan Friis (F)"), "F", "afbud")
        ],
        items=[item],
        attendance=[
            Attendance("Dan Friis", "absent", "meeting", span_in(text, "Afbud: Dan Friis (F)"), "F")
        ],
    )
    return MinutesDocument(_source("referat-2021.txt", text), text, meeting, "test")


def write_store(path: Path) -> None:
    """A store at ``path`` with the two meetings, written as a load writes them (reference
    graphs, documents, derived memberships), with its side index."""
    store, _ = MinutesStore.open(path)
    minter = Minter(DEFAULT_BASE)
    write_reference_graphs(store, minter)
    context = LoadContext(minter, "test", dt.datetime(2026, 1, 2, tzinfo=dt.UTC), "urn:x:run")
    mapped = [document_quads(doc, context) for doc in (document_2020(), document_2021())]
    store.write_documents(
        PreparedDocument(m.graph, m.meeting, m.sha256, m.nquads.encode(), m.commit.encode())
        for m in mapped
    )
    write_derived(store, minter)
    store.flush()
    build_index(store, default_index_path(path))
