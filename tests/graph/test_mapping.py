"""Document model -> quads: what lands in which graph, under which IRIs."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Store, parse

from graph.mapping import LoadContext, PlacementError, document_quads
from graph.uris import Minter
from loaders.model import MinutesDocument
from loaders.read import read_minutes

BASE = "https://example.org/rg/"
MEETING = BASE + "kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08"
RG = "https://w3id.org/referatgraf/def#"


def context() -> LoadContext:
    return LoadContext(
        minter=Minter(BASE),
        loader_version="test",
        loaded_at=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        run_iri=BASE + "indlaesning/test",
    )


def quads(nquads: str) -> list[Quad]:
    return list(parse(nquads.encode("utf-8"), format=RdfFormat.N_QUADS))


def store_of(document: MinutesDocument) -> Store:
    store = Store()
    mapped = document_quads(document, context())
    store.extend(quads(mapped.nquads + mapped.commit))
    return store


def ask(store: Store, query: str) -> bool:
    prefixes = f"PREFIX rg: <{RG}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
    return bool(store.query(f"{prefixes} ASK {{ {query} }}", use_default_graph_as_union=True))


def test_meeting_lands_in_the_graph_of_its_source(document: MinutesDocument) -> None:
    mapped = document_quads(document, context())
    assert mapped.meeting == MEETING
    assert mapped.graph == MEETING + "/kilde"
    graphs = {q.graph_name.value for q in quads(mapped.nquads)}
    assert graphs == {mapped.graph, BASE + "graf/entiteter"}
    assert [q.predicate.value for q in quads(mapped.commit)] == [RG + "sha256"]


def test_meeting_facts(document: MinutesDocument) -> None:
    store = store_of(document)
    assert ask(
        store,
        f'<{MEETING}> a rg:Meeting ; rg:date "2020-01-08"^^<http://www.w3.org/2001/XMLSchema#date>',
    )
    assert ask(
        store, f'<{MEETING}> rg:startTime "16:30:00"^^<http://www.w3.org/2001/XMLSchema#time>'
    )
    assert ask(store, f"<{MEETING}> rg:municipality <{BASE}kommune/lejre>")
    item = MEETING + "/punkt/1"
    assert ask(
        store,
        f'<{item}> rg:meeting <{MEETING}> ; rg:number 1 ; rg:title "Godkendelse af dagsorden"',
    )
    assert ask(store, f'<{item}> rg:decision/rg:text "Godkendt"')
    assert ask(store, f'<{item}> rg:caseNumber [ rg:kleCode "00.22.04" ; rg:handlingFacet "G01" ]')


def test_absent_member_is_no_attendee(document: MinutesDocument) -> None:
    store = store_of(document)
    steen = f"<{BASE}kommune/lejre/person/steen-hansen>"
    ole = f"<{BASE}kommune/lejre/person/ole-blickfeldt>"
    assert ask(store, f"<{MEETING}> rg:absentee {steen} ; rg:attendee {ole}")
    assert not ask(store, f"<{MEETING}> rg:attendee {steen}")
    assert ask(store, f'{ole} rg:party "O"')


def test_every_resource_has_a_danish_label(document: MinutesDocument) -> None:
    store = store_of(document)
    unlabelled = list(
        store.query(
            """SELECT DISTINCT ?s WHERE { ?s ?p ?o .
               FILTER NOT EXISTS { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l
                                   FILTER(LANG(?l) = "da") } }""",
            use_default_graph_as_union=True,
        )
    )
    assert unlabelled == []


def test_same_document_same_quads(document: MinutesDocument) -> None:
    first = document_quads(document, context())
    second = document_quads(document, context())
    assert sorted(first.nquads.splitlines()) == sorted(second.nquads.splitlines())


def test_without_date_the_meeting_is_keyed_by_content(document: MinutesDocument) -> None:
    undated = replace(document, meeting=replace(document.meeting, date=None))
    mapped = document_quads(undated, context())
    assert mapped.meeting.endswith("/moede/uden-dato-" + document.source.sha256[:12])
    assert not any(q.predicate == NamedNode(RG + "date") for q in quads(mapped.nquads))
    store = store_of(undated)
    assert ask(store, f"<{mapped.meeting}> rg:dateKnown false")
    assert not ask(store_of(document), "?m rg:dateKnown ?known")


def test_without_committee_the_meeting_hangs_on_its_municipality(
    document: MinutesDocument,
) -> None:
    nameless = replace(document, meeting=replace(document.meeting, committee=None))
    mapped = document_quads(nameless, context())
    key = document.source.sha256[:12]
    assert mapped.meeting == f"{BASE}kommune/lejre/moede/uden-udvalg-{key}"
    store = store_of(nameless)
    assert not ask(store, "?m rg:committee ?c")
    assert ask(store, f"<{mapped.meeting}> rg:municipality <{BASE}kommune/lejre>")
    label = 'rdfs:label "Lejre Kommune, møde 8. januar 2020"@da'
    assert ask(store, f"<{mapped.meeting}> {label}")


def test_items_without_number_or_title_get_neither(document: MinutesDocument) -> None:
    first = document.meeting.items[0]
    items = [replace(first, number=None, title=""), *document.meeting.items[1:]]
    bare = replace(document, meeting=replace(document.meeting, items=items))
    store = store_of(bare)
    item = f"<{MEETING}/punkt/uden-nummer-1>"
    assert ask(store, f"{item} a rg:AgendaItem ; rg:position 1")
    assert not ask(store, f"{item} rg:number ?n")
    assert not ask(store, f"{item} rg:title ?t")
    labelled = 'rdfs:label "Punkt uden nummer"@da'
    assert ask(store, f"{item} {labelled}")


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("municipality", None, "--municipality"),
        ("municipality", "Atlantis", "unknown municipality 'Atlantis'"),
    ],
)
def test_minutes_that_cannot_be_placed_fail_clearly(
    document: MinutesDocument, field: str, value: str | None, message: str
) -> None:
    broken = replace(document, meeting=replace(document.meeting, **{field: value}))
    with pytest.raises(PlacementError, match=message):
        document_quads(broken, context())


def test_text_literals_are_kept_exactly(document: MinutesDocument) -> None:
    mapped = document_quads(document, context())
    texts = {q.object for q in quads(mapped.nquads) if q.predicate.value == RG + "normalisedText"}
    assert texts == {Literal(document.text)}


def test_texts_with_quotes_newlines_and_control_characters_survive(
    document: MinutesDocument,
) -> None:
    odd = 'Han sagde "nej"\\n\tog gik.\r\nSlut\x0b\u2028æøå'
    mapped = document_quads(replace(document, text=odd), context())
    texts = {q.object for q in quads(mapped.nquads) if q.predicate.value == RG + "normalisedText"}
    assert texts == {Literal(odd)}


def test_the_same_name_in_two_municipalities_is_two_persons(document: MinutesDocument) -> None:
    elsewhere = replace(document, meeting=replace(document.meeting, municipality="Lemvig"))
    persons = {
        q.subject.value
        for doc in (document, elsewhere)
        for q in quads(document_quads(doc, context()).nquads)
        if q.object == NamedNode(RG + "Person")
    }
    assert persons == {
        BASE + "kommune/lejre/person/ole-blickfeldt",
        BASE + "kommune/lejre/person/steen-hansen",
        BASE + "kommune/lemvig/person/ole-blickfeldt",
        BASE + "kommune/lemvig/person/steen-hansen",
    }


def test_the_stated_url_is_where_the_source_was_published(document: MinutesDocument) -> None:
    url = "https://www.koege.dk/politik/referat%20%C3%B8konomiudvalget?id=7"
    published = replace(document, source=replace(document.source, stated_url=url))
    mapped = document_quads(published, context())
    found = [q for q in quads(mapped.nquads) if q.predicate.value == RG + "sourceUrl"]
    assert found == [
        Quad(
            NamedNode(mapped.graph),
            NamedNode(RG + "sourceUrl"),
            NamedNode(url),
            NamedNode(mapped.graph),
        )
    ]


def test_no_stated_url_no_source_url(document: MinutesDocument) -> None:
    mapped = document_quads(document, context())
    assert not [q for q in quads(mapped.nquads) if q.predicate.value == RG + "sourceUrl"]


def test_a_hostile_canonical_address_becomes_a_valid_iri() -> None:
    page = (
        "<html><head><title>Referat</title>"
        '<link rel="canonical" href="https://www.Koege.dk/møde 1/<x>\\&quot;{y}|^`?a=b c#top">'
        "</head><body><h1>Referat Økonomiudvalget 14. november 2019</h1>"
        "<h2>1. Godkendelse</h2><h3>Beslutning</h3><p>Godkendt.</p></body></html>"
    )
    doc = read_minutes(page.encode(), "referat.html", municipality="Køge")
    expected = "https://www.koege.dk/m%C3%B8de%201/%3Cx%3E%5C%22%7By%7D%7C%5E%60?a=b%20c"
    assert doc.source.stated_url == expected
    mapped = document_quads(doc, context())
    found = {q.object for q in quads(mapped.nquads) if q.predicate.value == RG + "sourceUrl"}
    assert found == {NamedNode(expected)}


def test_a_load_note_is_kept_in_danish_and_english() -> None:
    lemvig = Path(__file__).parent.parent / "fixtures" / "seeds" / "000_dccc08daabfe9e2b.txt"
    mapped = document_quads(read_minutes(lemvig.read_bytes(), lemvig.name), context())
    notes = {q.object for q in quads(mapped.nquads) if q.predicate.value == RG + "loadNote"}
    assert notes == {
        Literal("kommunen er udledt ud fra 6 omtaler af 'Lemvig Kommune'", language="da"),
        Literal("municipality inferred from 6 mentions of 'Lemvig Kommune'", language="en"),
    }
