"""Tests for graph/vote_quads.py and graph/party_quads.py: votes and attendance notes of hand-built
minutes as quads, the parties they name, and the whole passing the SHACL shapes."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions, RdfFormat, Store, parse

from graph.entities import reference_lines
from graph.ingest import LoadOptions, load_files, write_reference_graphs
from graph.mapping import LoadContext, document_quads
from graph.party_quads import party_lines
from graph.store import MinutesStore
from graph.uris import Minter
from graph.validate import validate_store
from graph.vote_quads import anchor_in_text
from loaders.model import MinutesDocument, Span, Vote
from tests.graph.votes_document import TEXT_2020, document_2020, document_2021

BASE = "https://example.org/rg/"
RG = "https://w3id.org/referatgraf/def#"
XSD = "http://www.w3.org/2001/XMLSchema#"
LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
MEETING = BASE + "kommune/lejre/udvalg/beskaeftigelsesudvalget/moede/2020-03-10"
GRAPH = NamedNode(MEETING + "/kilde")
PERSON = BASE + "kommune/lejre/person/"
POSITION = "https://w3id.org/referatgraf/def/position/"
KIND = "https://w3id.org/referatgraf/def/attendance-kind/"


def context() -> LoadContext:
    return LoadContext(
        minter=Minter(BASE),
        loader_version="test",
        loaded_at=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        run_iri=BASE + "indlaesning/test",
    )


def quads_of(doc: MinutesDocument) -> list[Quad]:
    mapped = document_quads(doc, context())
    return list(parse(mapped.nquads.encode("utf-8"), format=RdfFormat.N_QUADS))


def about(quads: list[Quad], subject: str) -> set[tuple[str, object]]:
    """(predicate, object) of every quad about ``subject``, in the document's graph."""
    return {
        (q.predicate.value, q.object)
        for q in quads
        if q.subject == NamedNode(subject) and q.graph_name == GRAPH
    }


def integer(value: int) -> Literal:
    return Literal(str(value), datatype=NamedNode(XSD + "integer"))


def test_a_members_reservation_is_a_vote_with_its_anchor_in_the_decision() -> None:
    quads = quads_of(document_2020())
    decision = MEETING + "/punkt/1/beslutning"
    vote = decision + "/stemme/5"
    line = TEXT_2020.split("Beslutning\n")[1].split("\n")[0]
    begin = line.index("Gitte Dahl tog forbehold")
    offset = TEXT_2020.index("Gitte Dahl tog forbehold")
    assert about(quads, vote) == {
        (TYPE.value, NamedNode(RG + "Vote")),
        (LABEL.value, Literal("Gitte Dahl: tog forbehold", language="da")),
        (RG + "votePosition", NamedNode(POSITION + "forbehold")),
        (RG + "voter", NamedNode(PERSON + "gitte-dahl")),
        (RG + "anchorText", Literal("Gitte Dahl tog forbehold")),
        (RG + "inText", NamedNode(decision)),
        (RG + "beginIndex", integer(begin)),
        (RG + "endIndex", integer(begin + 24)),
        (RG + "firstLine", integer(19)),
        (RG + "lastLine", integer(19)),
        (RG + "beginOffset", integer(offset)),
        (RG + "endOffset", integer(offset + 24)),
    }
    votes = [q.object for q in quads if q.predicate.value == RG + "vote"]
    assert votes == [NamedNode(f"{decision}/stemme/{n}") for n in range(1, 7)] + [
        NamedNode(f"{MEETING}/punkt/2/beslutning/stemme/{n}") for n in range(1, 4)
    ]


def test_a_partys_vote_names_the_party_and_its_count() -> None:
    quads = quads_of(document_2020())
    vote = MEETING + "/punkt/2/beslutning/stemme/3"
    facts = about(quads, vote)
    assert (RG + "votePosition", NamedNode(POSITION + "imod")) in facts
    assert (RG + "party", Literal("F")) in facts
    assert (RG + "voterParty", NamedNode(BASE + "parti/sf-socialistisk-folkeparti")) in facts
    assert (RG + "count", integer(1)) in facts
    assert (LABEL.value, Literal("F: imod", language="da")) in facts
    assert not any(p == RG + "voter" for p, _ in facts)


def test_attendance_notes_of_the_meeting_and_of_an_item() -> None:
    quads = quads_of(document_2020())
    substitute = MEETING + "/fremmoede/2"
    note = "Jens Vang (Ø) mødte for Ida Skov"
    offset = TEXT_2020.index(note)
    assert about(quads, substitute) == {
        (TYPE.value, NamedNode(RG + "Attendance")),
        (LABEL.value, Literal("Jens Vang: stedfortræder", language="da")),
        (RG + "person", NamedNode(PERSON + "jens-vang")),
        (RG + "attendanceKind", NamedNode(KIND + "substitute")),
        (RG + "substituteFor", NamedNode(PERSON + "ida-skov")),
        (RG + "party", Literal("Ø")),
        (RG + "anchorText", Literal(note)),
        (RG + "firstLine", integer(13)),
        (RG + "lastLine", integer(13)),
        (RG + "beginOffset", integer(offset)),
        (RG + "endOffset", integer(offset + len(note))),
    }
    arrived = about(quads, MEETING + "/fremmoede/3")
    assert (RG + "attendanceTime", Literal("16:30:00", datatype=NamedNode(XSD + "time"))) in arrived
    item = about(quads, MEETING + "/punkt/1")
    assert (RG + "attendance", NamedNode(MEETING + "/punkt/1/fremmoede/1")) in item
    eva = about(quads, MEETING + "/punkt/1/fremmoede/1")
    assert (RG + "attendanceKind", NamedNode(KIND + "absent")) in eva
    meeting = about(quads, MEETING)
    notes = {o for p, o in meeting if p == RG + "attendance"}
    assert notes == {NamedNode(f"{MEETING}/fremmoede/{n}") for n in (1, 2, 3)}
    # absent from one item is not absent from the meeting
    assert (RG + "attendee", NamedNode(PERSON + "eva-krogh")) in meeting
    assert (RG + "absentee", NamedNode(PERSON + "eva-krogh")) not in meeting


def test_a_note_naming_an_item_points_at_it_when_one_item_has_the_number() -> None:
    doc = document_2020()
    left = replace(doc.meeting.attendance[2], kind="left", time=None, item_number=2)
    twice = replace(doc.meeting.attendance[2], kind="left", time=None, item_number=7)
    doc = replace(doc, meeting=replace(doc.meeting, attendance=[left, twice]))
    quads = quads_of(doc)
    first = about(quads, MEETING + "/fremmoede/1")
    assert (RG + "attendanceItemNumber", integer(2)) in first
    assert (RG + "attendanceItem", NamedNode(MEETING + "/punkt/2")) in first
    second = about(quads, MEETING + "/fremmoede/2")
    assert (RG + "attendanceItemNumber", integer(7)) in second
    assert not any(p == RG + "attendanceItem" for p, _ in second)


def test_persons_name_their_party_beside_the_letter() -> None:
    quads = quads_of(document_2020())
    people = (NamedNode(PERSON + "anne-holm"), NamedNode(PERSON + "ida-skov"))
    entities = {
        (str(q.subject)[1:-1], q.predicate.value, q.object) for q in quads if q.subject in people
    }
    assert (PERSON + "anne-holm", RG + "party", Literal("A")) in entities
    assert (
        PERSON + "anne-holm",
        RG + "politicalParty",
        NamedNode(BASE + "parti/socialdemokratiet"),
    ) in entities
    assert (
        PERSON + "ida-skov",
        RG + "politicalParty",
        NamedNode(BASE + "parti/enhedslisten"),
    ) in entities


def test_a_local_list_is_a_party_as_printed_in_its_municipality() -> None:
    doc = document_2020()
    item = doc.meeting.items[1]
    assert item.decision is not None
    local = replace(item.decision.votes[2], party="Borgerlisten")
    decision = replace(item.decision, votes=(*item.decision.votes[:2], local))
    items = [doc.meeting.items[0], replace(item, decision=decision)]
    quads = quads_of(replace(doc, meeting=replace(doc.meeting, items=items)))
    party = NamedNode(BASE + "kommune/lejre/parti/Borgerlisten")
    facts = about(quads, MEETING + "/punkt/2/beslutning/stemme/3")
    assert (RG + "voterParty", party) in facts
    described = {(q.predicate.value, q.object) for q in quads if q.subject == party}
    assert described == {
        (TYPE.value, NamedNode(RG + "Party")),
        (LABEL.value, Literal("Borgerlisten", language="da")),
    }


def test_the_national_parties_are_reference_entities() -> None:
    lines = party_lines(Minter(BASE))
    assert set(lines) <= set(reference_lines(Minter(BASE)))
    a = "<https://example.org/rg/parti/socialdemokratiet>"
    assert f'{a} <{LABEL.value}> "Socialdemokratiet"@da .\n' in lines
    assert f'{a} <{RG}partyLetter> "A" .\n' in lines
    assert f'{a} <{RG}shortName> "Socialdemokraterne" .\n' in lines


def test_the_anchor_is_found_by_its_span_or_else_once_in_the_text() -> None:
    doc = document_2020()
    decision = doc.meeting.items[0].decision
    assert decision is not None
    shifted = replace(decision.votes[4], span=Span(18, 18, 0, 24))
    assert anchor_in_text(decision, shifted) == decision.text.index("Gitte Dahl tog forbehold")
    elsewhere = Vote("imod", Span(1, 1, 0, 4), "Ida Skov", party="Ø")
    assert anchor_in_text(decision, elsewhere) is None


@pytest.fixture(scope="module")
def votes_store() -> MinutesStore:
    raw = Store()
    store = MinutesStore(raw, None)
    write_reference_graphs(store, Minter(BASE))
    for doc in (document_2020(), document_2021()):
        mapped = document_quads(doc, context())
        raw.extend(parse((mapped.nquads + mapped.commit).encode("utf-8"), format=RdfFormat.N_QUADS))
    return store


def test_votes_and_attendance_pass_the_shapes(votes_store: MinutesStore) -> None:
    conforms, report = validate_store(votes_store)
    assert conforms, report


def test_every_vote_anchor_is_the_text_it_points_at(votes_store: MinutesStore) -> None:
    """The contract's invariant of mentions holds for votes too."""
    result = votes_store.query(
        f"""PREFIX rg: <{RG}>
            SELECT ?vote ?text ?begin ?end ?anchor WHERE {{
              ?vote a rg:Vote ; rg:inText ?node ; rg:beginIndex ?begin ; rg:endIndex ?end ;
                    rg:anchorText ?anchor .
              ?node rg:text ?text }}""",
    )
    assert isinstance(result, QuerySolutions)
    rows = list(result)
    assert len(rows) == 12
    for row in rows:
        begin, end = int(row["begin"].value), int(row["end"].value)
        assert row["text"].value[begin:end] == row["anchor"].value


LAYOUTS = Path(__file__).resolve().parents[1] / "loaders" / "layouts"


def test_the_loaders_vote_fixtures_pass_the_shapes() -> None:
    """What the loader reads from the vote layout fixtures (tallies, party lists, members,
    several bodies, attendance notes) is valid data."""
    store, _ = MinutesStore.open(None)
    files = sorted(LAYOUTS.glob("vote_*.txt"))
    assert len(files) >= 4
    report = load_files(store, files, LoadOptions(minter=Minter(BASE), workers=1))
    assert report.count("loaded") == len(files)
    votes = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?v a <" + RG + "Vote> }")
    assert isinstance(votes, QuerySolutions)
    assert int(next(iter(votes))["n"].value) > 10
    conforms, text = validate_store(store)
    assert conforms, text
