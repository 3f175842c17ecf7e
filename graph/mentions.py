"""Mentions -> quads: for every text of an item, each occurrence of a law, programme,
organisation or person, pointing at the exact characters of the text where it stands.

A mention is an ``rg:Mention`` with ``rg:inText`` (the node whose ``rg:text`` holds it),
``rg:beginIndex``/``rg:endIndex`` (code points, end exclusive) and ``rg:anchorText``; so
``SUBSTR(?text, ?begin + 1, ?end - ?begin) = ?anchorText`` holds for every one.

A law citation also gets its provisions (``rg:provision``) and their sections
(``rg:citedSection``), and where it prints an enactment, the enactment (``rg:citedEnactment``)
and its ELI (``rg:citedEli``). A candidate act is one resource per normalised name
(``kandidat/lov/planloven``), labelled with that name, whoever prints it in which spelling.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from graph.entities import CANDIDATE_FLAG, EntityIris, entity_class, kle_concept_lines
from graph.ntriples import iri, iri_value, literal
from graph.uris import Minter
from graph.writer import RDF_TYPE, RDFS_LABEL, QuadWriter
from loaders.mentions import Mention
from loaders.mentions.boundaries import strip_genitive
from loaders.mentions.law_provisions import sections
from loaders.reference import reference_data
from ontology.namespace import RG
from ontology.vocabularies import XSD

XSD_DECIMAL = XSD.decimal
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
    found: Sequence[tuple[str, Sequence[Mention]]],
) -> None:
    """The mentions of the item ``item``: pairs of a text node and the mentions the loader
    found in its text (offsets into it)."""
    tail = f" {out.graph} .\n"
    item_iri = iri_value(item)
    lines = out.lines
    number = 0
    mentioned: set[str] = set()
    for node, mentions in found:
        for mention in mentions:
            number += 1
            entity = _entity(out, iris, mention)
            if entity not in mentioned:
                mentioned.add(entity)
                lines.append(f"{item} {_MENTIONS} {entity}{tail}")
            # not iri(), which keeps every IRI it is given: each mention's is new
            iri_term = f"<{Minter.part(item_iri, 'omtale', number)}>"
            lines.append(_mention(mention, iri_term, entity, item=item, node=node, tail=tail))


# The predicates and fixed terms of a mention, as N-Triples terms, made once.
_MENTION_CLASS = iri(RG.Mention)
_MENTION = iri(RG.mention)
_MENTIONS = iri(RG.mentions)
_MENTION_OF = iri(RG.mentionOf)
_IN_TEXT = iri(RG.inText)
_BEGIN = iri(RG.beginIndex)
_END = iri(RG.endIndex)
_ANCHOR = iri(RG.anchorText)
_MATCHED_BY = iri(RG.matchedBy)
_CONFIDENCE = iri(RG.confidence)
_MATCHED_ALIAS = iri(RG.matchedAlias)
_ROLE_IN_TEXT = iri(RG.roleInText)
_PROVISION = iri(RG.provision)
_CANDIDATE = iri(RG.candidate)
_CITED_SECTION = iri(RG.citedSection)
_CITED_ENACTMENT = iri(RG.citedEnactment)
_CITED_ELI = iri(RG.citedEli)


@functools.lru_cache(maxsize=8192)
def _anchor_terms(anchor_text: str, entity_type: str) -> tuple[str, str]:
    """The mention's Danish label and its anchor text, as literals: the same names recur."""
    label = f"Omtale af {anchor_text} ({_TYPE_LABEL[entity_type]})"
    return literal(label, lang="da"), literal(anchor_text)


@functools.lru_cache(maxsize=1024)
def _text_term(value: str) -> str:
    return literal(value)


@functools.lru_cache(maxsize=256)
def _confidence_term(confidence: float) -> str:
    return literal(f"{confidence:.2f}", datatype=XSD_DECIMAL)


def _mention(m: Mention, mention: str, entity: str, *, item: str, node: str, tail: str) -> str:
    """The lines of one ``rg:Mention`` (``mention`` is its IRI term), as one string: the same
    quads as writing them one by one, formatted in one go."""
    label, anchor = _anchor_terms(m.anchor_text, m.entity_type)
    text = (
        f"{mention} {RDF_TYPE} {_MENTION_CLASS}{tail}"
        f"{mention} {RDFS_LABEL} {label}{tail}"
        f"{item} {_MENTION} {mention}{tail}"
        f"{mention} {_MENTION_OF} {entity}{tail}"
        f"{mention} {_IN_TEXT} {node}{tail}"
        f'{mention} {_BEGIN} "{m.begin}"^^<{XSD.integer}>{tail}'
        f'{mention} {_END} "{m.end}"^^<{XSD.integer}>{tail}'
        f"{mention} {_ANCHOR} {anchor}{tail}"
        f"{mention} {_MATCHED_BY} {_text_term(m.rule)}{tail}"
        f"{mention} {_CONFIDENCE} {_confidence_term(m.confidence)}{tail}"
    )
    if m.alias:
        text += f"{mention} {_MATCHED_ALIAS} {_text_term(m.alias)}{tail}"
    if m.role:
        text += f"{mention} {_ROLE_IN_TEXT} {literal(m.role)}{tail}"
    if m.provisions:
        for provision in m.provisions:
            text += f"{mention} {_PROVISION} {_text_term(provision)}{tail}"
        for section in sections(m.provisions):
            text += f"{mention} {_CITED_SECTION} {_text_term(section)}{tail}"
    if m.enactment:
        text += f"{mention} {_CITED_ENACTMENT} {_text_term(m.enactment)}{tail}"
    if m.eli:
        text += f"{mention} {_CITED_ELI} {iri(m.eli)}{tail}"
    if m.candidate:
        text += f"{mention} {_CANDIDATE} {CANDIDATE_FLAG}{tail}"
    return text


def _entity(out: QuadWriter, iris: EntityIris, m: Mention) -> str:
    """The entity's IRI; persons and candidates get described in the entities graph here
    (reference entities are in the reference graph already), once per document."""
    if m.entity_type == "person" and not m.candidate:
        return out.person(m.anchor_text, None)
    if not m.candidate:
        return iris.reference_term(m.entity_type, m.entity_key)
    if m.entity_type == "law" and m.name:
        # One act per normalised name: its key is the slug of it, in lower case.
        name = m.name
        node = iri(iris.candidate(m.entity_type, m.entity_key))
    else:
        name = strip_genitive(m.anchor_text)
        node = iri(iris.candidate(m.entity_type, name))
    if (node, name, "candidate") not in out.described:
        out.described.add((node, name, "candidate"))
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
