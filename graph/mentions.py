"""Mentions -> quads: for every text of an item, each occurrence of a law, programme,
organisation or person, pointing at the exact characters of the text where it stands.

A mention is an ``rg:Mention`` with ``rg:inText`` (the node whose ``rg:text`` holds it),
``rg:beginIndex``/``rg:endIndex`` (code points, end exclusive) and ``rg:anchorText``; so
``SUBSTR(?text, ?begin + 1, ?end - ?begin) = ?anchorText`` holds for every one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from graph.entities import CANDIDATE_FLAG, EntityIris, entity_class, kle_concept_lines
from graph.ntriples import iri, literal
from graph.writer import RDF_TYPE, RDFS_LABEL, QuadWriter
from loaders.mentions import Mention, find_item_mentions
from loaders.mentions.boundaries import strip_genitive
from loaders.reference import reference_data
from ontology.namespace import RG

XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
_TYPE_LABEL = {
    "law": "lov",
    "programme": "program",
    "organisation": "organisation",
    "person": "person",
}


def mention_quads(
    out: QuadWriter,
    iris: EntityIris,
    item: str,
    texts: Sequence[tuple[str, str]],
    *,
    on: dt.date | None,
    people: Iterable[str],
) -> None:
    """Every mention in ``texts`` (pairs of text node and its text) of the item ``item``."""
    if not texts:
        return
    found = find_item_mentions([text for _, text in texts], on=on, people=people)
    number = 0
    mentioned: set[str] = set()
    for (node, _), mentions in zip(texts, found, strict=True):
        for mention in mentions:
            number += 1
            entity = _entity(out, iris, mention)
            if entity not in mentioned:
                mentioned.add(entity)
                out.add(item, iri(RG.mentions), entity)
            where = _Where(item, node)
            _mention(out, f"{item[1:-1]}/omtale/{number}", where, entity, mention)


class _Where(NamedTuple):
    item: str  # the item that mentions
    node: str  # the node whose rg:text holds the mention


def _mention(out: QuadWriter, mention_iri: str, where: _Where, entity: str, m: Mention) -> None:
    item, node = where
    label = f"Omtale af {m.anchor_text} ({_TYPE_LABEL[m.entity_type]})"
    mention = out.node(mention_iri, RG.Mention, label)
    out.add(item, iri(RG.mention), mention)
    out.add(mention, iri(RG.mentionOf), entity)
    out.add(mention, iri(RG.inText), node)
    out.integer(mention, iri(RG.beginIndex), m.begin)
    out.integer(mention, iri(RG.endIndex), m.end)
    out.add(mention, iri(RG.anchorText), literal(m.anchor_text))
    out.add(mention, iri(RG.matchedBy), literal(m.rule))
    out.add(mention, iri(RG.confidence), literal(f"{m.confidence:.2f}", datatype=XSD_DECIMAL))
    out.text(mention, iri(RG.matchedAlias), m.alias)
    out.text(mention, iri(RG.roleInText), m.role)
    for provision in m.provisions:
        out.add(mention, iri(RG.provision), literal(provision))
    if m.candidate:
        out.add(mention, iri(RG.candidate), CANDIDATE_FLAG)


def _entity(out: QuadWriter, iris: EntityIris, m: Mention) -> str:
    """The entity's IRI; persons and candidates get described in the entities graph here
    (reference entities are in the reference graph already)."""
    if m.entity_type == "person" and not m.candidate:
        return out.person(m.anchor_text, None)
    if not m.candidate:
        return iri(iris.reference(m.entity_type, m.entity_key))
    name = strip_genitive(m.anchor_text)
    node = iri(iris.candidate(m.entity_type, name))
    out.entity(node, RDF_TYPE, iri(entity_class(m.entity_type)))
    out.entity(node, RDFS_LABEL, literal(name, lang="da"))
    out.entity(node, iri(RG.candidate), CANDIDATE_FLAG)
    return node


def kle_link(out: QuadWriter, iris: EntityIris, code: str) -> str:
    """The concept of a KLE code, with its broader concepts described in the entities graph
    when the reference data does not list them."""
    data = reference_data()
    for concept in data.kle_chain(code):
        if concept.notation not in data.kle:
            for line in kle_concept_lines(iris, concept):
                out.entity_line(line)
    return iri(iris.kle(code))
