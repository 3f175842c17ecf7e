"""Mentions -> quads (graph/mentions.py): the lines formatted in one go per mention are the
quads that writing each fact on its own gives, and shared entities are described once per
document, not once per mention."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from pyoxigraph import Literal, Quad, RdfFormat, Store, parse

from graph.entities import CANDIDATE_FLAG, EntityIris, entity_class
from graph.mapping import LoadContext, document_quads
from graph.mentions import XSD_DECIMAL, mention_quads
from graph.ntriples import iri, literal
from graph.uris import Minter
from graph.writer import RDF_TYPE, RDFS_LABEL, QuadWriter
from loaders.mentions import Mention, find_item_mentions
from loaders.mentions.boundaries import strip_genitive
from loaders.read import read_minutes
from ontology.namespace import RG

SAMPLES = Path(__file__).resolve().parents[2] / "referatgraf" / "samples"
BASE = "https://example.org/rg/"
ITEM = f"<{BASE}kommune/lemvig/udvalg/x/moede/2022-06-08/punkt/1>"
_TYPE_LABEL = {"law": "lov", "programme": "program", "organisation": "organisation"}
TEXTS = [
    (
        f"{ITEM[:-1]}/afsnit/sagsfremstilling>",
        "Jf. § 91 i beskæftigelsesloven samarbejder Jobcenter Lemvig med KLAPjob og STAR. "
        "Projektleder Rikke Præsius fortalte om Projekt Edison; STARs tal og KL's aftale.",
    ),
    (
        f"{ITEM[:-1]}/beslutning>",
        "Godkendt. Ole Hansen og projektleder Rikke Præsius følger Projekt Edison og "
        "servicelovens §§ 103-104.",
    ),
    (
        f"{ITEM[:-1]}/afsnit/lovgrundlag>",
        "Efter mediestøttelovens § 3, stk. 2 og 4 og Mediestøtte-loven (LBK nr. 1017 af "
        "11/10/2023).",
    ),
]
ON = dt.date(2022, 6, 8)
PEOPLE = ("Ole Hansen",)


def _found() -> list[tuple[str, list[Mention]]]:
    """Each text node with the mentions the loader finds in its text."""
    found = find_item_mentions([t for _, t in TEXTS], on=ON, people=PEOPLE)
    return [(node, mentions) for (node, _), mentions in zip(TEXTS, found, strict=True)]


def _one_by_one(out: QuadWriter, iris: EntityIris) -> None:
    """The mentions' quads written fact by fact with the writer's helpers: the reference the
    fast path must equal."""
    number = 0
    mentioned: set[str] = set()
    for node, mentions in _found():
        for m in mentions:
            number += 1
            entity = _entity(out, iris, m)
            if entity not in mentioned:
                mentioned.add(entity)
                out.add(ITEM, iri(RG.mentions), entity)
            kind = _TYPE_LABEL.get(m.entity_type, "person")
            label = f"Omtale af {m.anchor_text} ({kind})"
            mention = out.node(f"{ITEM[1:-1]}/omtale/{number}", RG.Mention, label)
            out.add(ITEM, iri(RG.mention), mention)
            out.add(mention, iri(RG.mentionOf), entity)
            out.add(mention, iri(RG.inText), node)
            out.integer(mention, iri(RG.beginIndex), m.begin)
            out.integer(mention, iri(RG.endIndex), m.end)
            out.add(mention, iri(RG.anchorText), literal(m.anchor_text))
            out.add(mention, iri(RG.matchedBy), literal(m.rule))
            confidence = literal(f"{m.confidence:.2f}", datatype=XSD_DECIMAL)
            out.add(mention, iri(RG.confidence), confidence)
            out.text(mention, iri(RG.matchedAlias), m.alias)
            out.text(mention, iri(RG.roleInText), m.role)
            for provision in m.provisions:
                out.add(mention, iri(RG.provision), literal(provision))
            for section in dict.fromkeys(p.split(",")[0] for p in m.provisions):
                out.add(mention, iri(RG.citedSection), literal(section))
            out.text(mention, iri(RG.citedEnactment), m.enactment)
            if m.eli:
                out.add(mention, iri(RG.citedEli), iri(m.eli))
            if m.candidate:
                out.add(mention, iri(RG.candidate), CANDIDATE_FLAG)


def _entity(out: QuadWriter, iris: EntityIris, m: Mention) -> str:
    if m.entity_type == "person" and not m.candidate:
        return out.person(m.anchor_text, None)
    if not m.candidate:
        return iri(iris.reference(m.entity_type, m.entity_key))
    name = m.name if m.entity_type == "law" and m.name else strip_genitive(m.anchor_text)
    key = m.entity_key if m.entity_type == "law" and m.name else name
    node = iri(iris.candidate(m.entity_type, key))
    out.entity(node, RDF_TYPE, iri(entity_class(m.entity_type)))
    out.entity(node, RDFS_LABEL, literal(name, lang="da"))
    out.entity(node, iri(RG.candidate), CANDIDATE_FLAG)
    return node


def _writer() -> tuple[QuadWriter, EntityIris]:
    minter = Minter(BASE)
    out = QuadWriter(f"{BASE}g", f"{BASE}graf/entiteter", minter, "Lemvig")
    return out, EntityIris(minter)


def _quads(lines: list[str]) -> list[Quad]:
    return list(parse("".join(lines).encode("utf-8"), format=RdfFormat.N_QUADS))


def test_the_fast_lines_are_the_quads_written_one_by_one() -> None:
    fast, iris = _writer()
    mention_quads(fast, iris, ITEM, _found())
    slow, iris = _writer()
    _one_by_one(slow, iris)
    assert set(_quads(fast.lines)) == set(_quads(slow.lines))
    rules = Counter(
        q.object.value
        for q in _quads(fast.lines)
        if q.predicate.value == RG.matchedBy and isinstance(q.object, Literal)
    )
    # a law with provisions twice; the jobcentre, KLAPjob, STAR twice and KL; the project
    # leader twice by her title; Projekt Edison twice; the member from the attendance list
    # and a candidate act twice, once more by the enactment printed after it
    assert rules == Counter(
        {
            "alias": 5,
            "alias+provision": 2,
            "role-title": 2,
            "projekt-x": 2,
            "attendance": 1,
            "law-compound": 2,
            "enactment": 1,
        }
    )


def test_a_person_mentioned_again_is_described_once() -> None:
    out, iris = _writer()
    mention_quads(out, iris, ITEM, _found())
    assert len(out.lines) == len(set(out.lines))  # no line twice (each mention is one chunk)
    people = [q for q in _quads(out.lines) if str(q.subject).endswith("/person/rikke-praesius>")]
    assert sorted(q.predicate.value for q in people) == sorted(
        [RDF_TYPE[1:-1], RDFS_LABEL[1:-1], RG.municipality]
    )


def test_a_candidate_mentioned_again_is_described_once() -> None:
    out, iris = _writer()
    mention_quads(out, iris, ITEM, _found())
    edison = [q for q in _quads(out.lines) if str(q.subject).endswith("/Projekt-Edison>")]
    assert len(edison) == 3  # type, label, rg:candidate, though mentioned twice


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_no_document_line_is_written_twice(path: Path) -> None:
    doc = read_minutes(path.read_bytes(), path.name)
    context = LoadContext(
        minter=Minter(BASE),
        loader_version="test",
        loaded_at=dt.datetime(2026, 1, 2, tzinfo=dt.UTC),
        run_iri=f"{BASE}indlaesning/test",
    )
    lines = document_quads(doc, context).nquads.splitlines()
    # A person's or committee's label, party and candidate flag are written once, however
    # often the document names them (a person printed under two spellings of one name has
    # two labels, and their type is written with each).
    once = (RDFS_LABEL, f"<{RG.party}>", f"<{RG.candidate}>")
    described = [line for line in lines if line.split(" ", 2)[1] in once]
    assert [line for line, count in Counter(described).items() if count > 1] == []


def test_a_candidate_act_is_one_resource_with_the_enactment_and_sections_cited() -> None:
    out, iris = _writer()
    mention_quads(out, iris, ITEM, _found())
    quads = _quads(out.lines)
    act = f"{BASE}kandidat/lov/mediestoetteloven"
    described = {(q.predicate.value, q.object.value) for q in quads if q.subject.value == act}
    assert described == {
        (RDF_TYPE[1:-1], RG.Law),
        (RDFS_LABEL[1:-1], "mediestøtteloven"),
        (RG.candidate, "true"),
    }
    of_act = {
        q.subject for q in quads if q.predicate.value == RG.mentionOf and q.object.value == act
    }
    assert len(of_act) == 3
    cited = {
        (q.predicate.value, q.object.value)
        for q in quads
        if q.subject in of_act
        and q.predicate.value in (RG.provision, RG.citedSection, RG.citedEnactment, RG.citedEli)
    }
    assert cited == {
        (RG.provision, "§ 3, stk. 2"),
        (RG.provision, "§ 3, stk. 4"),
        (RG.citedSection, "§ 3"),
        (RG.citedEnactment, "LBK nr 1017 af 11/10/2023"),
        (RG.citedEli, "https://www.retsinformation.dk/eli/lta/2023/1017"),
    }


LAYOUTS = Path(__file__).resolve().parents[1] / "loaders" / "layouts"
CITES = """
PREFIX rg: <https://w3id.org/referatgraf/def#>
SELECT DISTINCT ?item ?act ?anchor WHERE {
    ?item rg:mention ?mention .
    ?mention rg:citedSection ?section ; rg:mentionOf ?act ; rg:anchorText ?anchor .
}
"""


def _store(*paths: Path) -> Store:
    store = Store()
    context = LoadContext(
        minter=Minter(BASE),
        loader_version="test",
        loaded_at=dt.datetime(2026, 1, 2, tzinfo=dt.UTC),
        run_iri=f"{BASE}indlaesning/test",
    )
    for path in paths:
        doc = read_minutes(path.read_bytes(), path.name)
        store.load(document_quads(doc, context).nquads.encode(), format=RdfFormat.N_QUADS)
    return store


def test_every_item_citing_a_section_is_one_query_away() -> None:
    """ "Every item citing § 91": the provisions' sections are data on each mention."""
    store = _store(SAMPLES / "001_1a03b5464bcda1a1.txt", LAYOUTS / "lawa_social.txt")
    query = CITES.replace("?section ;", '"§ 91" ;')
    rows = [
        (r["act"].value, r["anchor"].value)
        for r in store.query(query, use_default_graph_as_union=True)
    ]
    assert rows == [(f"{BASE}lov/lab-2019", "§ 91 i beskæftigelsesloven")]
    query = CITES.replace("?section ;", '"§ 83" ;')
    rows = [
        (r["act"].value, r["anchor"].value)
        for r in store.query(query, use_default_graph_as_union=True)
    ]
    assert rows == [(f"{BASE}lov/serviceloven", "servicelovens § 83, stk. 1, nr. 2, og § 83 a")]


def test_a_candidate_act_cited_in_two_municipalities_is_one_resource() -> None:
    """Køge's "hundeloven" and Aalborg's "hunde-lovens" are one act, labelled once."""
    store = _store(LAYOUTS / "lawa_technical.txt", LAYOUTS / "lawa_children.txt")
    query = """
    PREFIX rg: <https://w3id.org/referatgraf/def#>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT ?act ?label ?anchor WHERE {
        ?mention rg:mentionOf ?act ; rg:anchorText ?anchor .
        ?act rg:candidate true ; rdfs:label ?label .
        FILTER(CONTAINS(?anchor, "hunde"))
    } ORDER BY ?anchor
    """
    rows = [
        (r["act"].value, r["label"].value, r["anchor"].value)
        for r in store.query(query, use_default_graph_as_union=True)
    ]
    act = f"{BASE}kandidat/lov/hundeloven"
    assert rows == [(act, "hundeloven", "hunde-lovens"), (act, "hundeloven", "hundeloven")]


def test_an_enactment_is_read_where_it_is_printed() -> None:
    store = _store(LAYOUTS / "lawa_finance.txt")
    query = """
    PREFIX rg: <https://w3id.org/referatgraf/def#>
    SELECT ?act ?anchor ?enactment ?eli WHERE {
        ?mention rg:citedEli ?eli ; rg:citedEnactment ?enactment ; rg:mentionOf ?act ;
            rg:anchorText ?anchor .
    } ORDER BY ?eli
    """
    rows = [
        (r["act"].value, r["anchor"].value, r["enactment"].value, r["eli"].value)
        for r in store.query(query, use_default_graph_as_union=True)
    ]
    assert rows == [
        (
            f"{BASE}kandidat/lov/bekendtgoerelse-om-kommunernes-laantagning-og-meddelelse-af-garantier",
            "BEK nr. 1580 af 17/12/2013",
            "BEK nr 1580 af 17/12/2013",
            "https://www.retsinformation.dk/eli/lta/2013/1580",
        ),
        (
            f"{BASE}lov/databeskyttelsesloven",
            "lov nr. 502 af 23. maj 2018",
            "LOV nr 502 af 23/05/2018",
            "https://www.retsinformation.dk/eli/lta/2018/502",
        ),
    ]
