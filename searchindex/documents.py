"""Reading one source document's graph for the side index, with one pattern scan per
predicate the index needs (``GRAPH <g> { ?s p ?o }``, an index lookup each).

Reading the store costs about the same per quad however it is asked (a scan, SPARQL, a dump);
so the index reads only the quads it keeps: not the spans, labels and provenance of every node,
nor the document's whole normalised text, which together are more than half of a graph; nor
a mention's ``rg:anchorText``, which is its text's characters ``beginIndex`` to ``endIndex``
(:mod:`graph.mentions`; the tests check it).

The concepts of the items are read too: the KLE subjects each item is filed under (``rg:kle``)
and the outcome of each decision (``rg:outcome``), with the start of the decision's text, so
that a concept's page lists thousands of them without asking the store.
"""

from __future__ import annotations

from collections import defaultdict

from pyoxigraph import Literal, NamedNode

from graph.store import MinutesStore
from graph.terms import PROV_GENERATED_AT, RDFS_LABEL, RG, term
from searchindex.store_scan import (
    ConceptRecord,
    DocumentRecord,
    ItemRecord,
    MentionRecord,
    context,
)

_ITEM_PARTS = (RG.section, RG.decision, RG.otherDecision, RG.treatment, RG.attachment)
DECISION_CHARS = 240  # characters of a decision's text kept for the outcome pages' lists


class _Graph:
    """Pattern scans within one named graph, values as plain strings."""

    def __init__(self, store: MinutesStore, graph: str) -> None:
        self.store = store
        self.node = NamedNode(graph)

    def values(self, predicate: str) -> dict[str, str]:
        """Subject -> object of every quad with ``predicate`` (the last one, if several)."""
        return {
            q.subject.value: q.object.value
            for q in self.store.quads_matching(None, term(predicate), None, self.node)
            if isinstance(q.subject, NamedNode) and isinstance(q.object, NamedNode | Literal)
        }

    def lists(self, predicate: str) -> dict[str, list[str]]:
        """Subject -> objects, in the store's order."""
        found: dict[str, list[str]] = defaultdict(list)
        for q in self.store.quads_matching(None, term(predicate), None, self.node):
            if isinstance(q.subject, NamedNode) and isinstance(q.object, NamedNode | Literal):
                found[q.subject.value].append(q.object.value)
        return found

    def one(self, subject: str, predicate: NamedNode) -> str | None:
        """One value of one property of one subject."""
        for q in self.store.quads_matching(NamedNode(subject), predicate, None, self.node):
            if isinstance(q.object, NamedNode | Literal):
                return q.object.value
        return None

    def label(self, subject: str) -> str | None:
        """The Danish label of a subject, else any."""
        labels = [
            q.object
            for q in self.store.quads_matching(NamedNode(subject), RDFS_LABEL, None, self.node)
            if isinstance(q.object, Literal)
        ]
        danish = [label for label in labels if label.language == "da"]
        return (danish or labels)[0].value if labels else None


def read_document(store: MinutesStore, graph: str, sha256: str) -> DocumentRecord:
    """Everything the index keeps of one source document: its meeting, items with their texts,
    and the mentions, each cut from its text in context."""
    g = _Graph(store, graph)
    generated = g.one(graph, PROV_GENERATED_AT)
    record = DocumentRecord(graph, sha256, generated[:10] if generated else None)
    agenda = g.lists(RG.agendaItem)
    if not agenda:
        return record
    meeting = next(iter(agenda))
    record.meeting = meeting
    record.meeting_label = g.label(meeting) or meeting
    record.date = g.one(meeting, term(RG.date))
    record.committee = g.one(meeting, term(RG.committee))
    record.municipality = g.one(meeting, term(RG.municipality))
    texts = g.values(RG.text)
    positions = g.values(RG.position)
    numbers, titles = g.values(RG.number), g.values(RG.title)
    parts = [g.lists(predicate) for predicate in _ITEM_PARTS]
    # in printed order: items without a number list by it (the index's rows keep it in their ids)
    for item in sorted(agenda[meeting], key=lambda node: int(positions.get(node, 0))):
        ordered = sorted(
            (rank, int(positions.get(node, 0)), node)
            for rank, of in enumerate(parts)
            for node in of.get(item, ())
        )
        body: list[str] = []
        for node in dict.fromkeys(node for _, _, node in ordered):  # the decision is a section too
            if texts.get(node):
                body.append(texts[node])
        record.items.append(
            ItemRecord(
                item,
                g.label(item) or item,
                int(numbers[item]) if item in numbers else None,  # printed without one
                titles.get(item, ""),
                "\n\n".join(body),
            )
        )
    record.mentions = _mentions(g, texts)
    record.concepts = _concepts(g, agenda[meeting], parts[1], parts[2], texts)
    return record


def _concepts(
    g: _Graph,
    items: list[str],
    decisions: dict[str, list[str]],
    others: dict[str, list[str]],
    texts: dict[str, str],
) -> list[ConceptRecord]:
    """The KLE subjects of the items (not those of their case numbers: the item has each
    once) and the outcomes of their decisions."""
    kle, outcomes = g.lists(RG.kle), g.lists(RG.outcome)
    found: list[ConceptRecord] = []
    for item in items:
        found += [ConceptRecord(concept, item) for concept in dict.fromkeys(kle.get(item, ()))]
        for decision in dict.fromkeys([*decisions.get(item, ()), *others.get(item, ())]):
            text = decision_snippet(texts.get(decision, ""))
            found += [
                ConceptRecord(outcome, item, decision, text)
                for outcome in dict.fromkeys(outcomes.get(decision, ()))
            ]
    return found


def decision_snippet(text: str, size: int = DECISION_CHARS) -> str:
    """The start of a decision's text for a list: white space made single spaces, cut at a
    word before ``size`` characters with an ellipsis.

    >>> decision_snippet("Godkendt.\\n\\nSagen  genoptages.")
    'Godkendt. Sagen genoptages.'
    >>> decision_snippet("Udvalget godkendte indstillingen", 20)
    'Udvalget godkendte …'
    """
    text = " ".join(text.split())
    if len(text) <= size:
        return text
    cut = text.rfind(" ", 0, size - 1)
    return text[: cut if cut > 0 else size - 1].rstrip() + " …"


def _mentions(g: _Graph, texts: dict[str, str]) -> list[MentionRecord]:
    entities = g.values(RG.mentionOf)
    if not entities:
        return []
    nodes = g.values(RG.inText)
    begins, ends = g.values(RG.beginIndex), g.values(RG.endIndex)
    provisions = g.lists(RG.provision)
    found: list[MentionRecord] = []
    for item, mentions in g.lists(RG.mention).items():
        for mention in mentions:
            entity, node = entities.get(mention), nodes.get(mention)
            begin, end = begins.get(mention), ends.get(mention)
            if entity is None or node is None or begin is None or end is None:
                continue
            before, anchor_text, after = context(texts.get(node, ""), int(begin), int(end))
            cited = sorted(provisions.get(mention, ()))
            found.append(
                MentionRecord(
                    mention,
                    entity,
                    item,
                    anchor_text,  # rg:anchorText, by construction
                    before,
                    anchor_text,
                    after,
                    cited,
                    node,
                    int(begin),
                    int(end),
                )
            )
    return found
