"""An agenda item's facts read by direct lookups in the store: the rows of the item page's
three queries (``item_main``, ``item_sections``, ``item_parts``), without running them.

Each query is mostly ``OPTIONAL`` single patterns from the item and its parts, which Oxigraph
evaluates one by one with a query's overhead each: on 10,000 minutes the three took 7-8 ms of
a 14 ms page. The same facts read as index lookups (``quads_for_pattern``: a subject and a
predicate, any graph, as the union default graph of the queries) take about 2 ms. The page
still shows the queries (a reader who runs them gets these rows), as equivalent SPARQL:
:mod:`web.shown_queries` lists each beside its reader here, and a test compares both ways on
every item of the samples.

Where a property has several values, a query gives a row for each and the page keeps the first
of each node (:func:`~web.pages.page_values.first_rows`); here the first in the store's order.

>>> _position_key({"position": None}) < _position_key({"position": 1})
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from pyoxigraph import BlankNode, Literal, NamedNode

from graph.terms import PROV_GENERATED_AT, PROV_WAS_GENERATED_BY, RDF_TYPE, RDFS_LABEL, RG, term
from ontology.vocabularies import SKOS
from web.pages.page_sparql import Row, Value, python_value

if TYPE_CHECKING:
    from graph.store import MinutesStore

SKOS_PREF_LABEL: Final = term(SKOS.prefLabel)
AGENDA_ITEM: Final = term(RG.AgendaItem)
_P = {name: term(getattr(RG, name)) for name in (
    "meeting", "number", "title", "closed", "itemPrefix", "firstLine", "lastLine",
    "beginOffset", "endOffset", "date", "committee", "municipality", "sourceDocument",
    "fileName", "section", "position", "heading", "sectionLabel", "text", "outcome",
    "caseNumber", "rawCaseNumber", "kleCode", "kle", "decision", "otherDecision",
    "decisionDate", "decidedBy", "attachment", "treatment", "treatmentDate", "treatedBy",
    "absence", "person", "absenceReason", "firstPdfPage", "lastPdfPage",
)}  # fmt: skip
# where an item or a section stands in its source: lines and characters, and PDF pages (for a
# PDF source only)
_LOCATION = ("firstLine", "lastLine", "beginOffset", "endOffset", "firstPdfPage", "lastPdfPage")


class _Lookup:
    """Values of one subject's properties, from every graph."""

    def __init__(self, store: MinutesStore) -> None:
        self.store = store

    def terms(self, subject: str, predicate: NamedNode) -> list[object]:
        node = BlankNode(subject[2:]) if subject.startswith("_:") else NamedNode(subject)
        return [quad.object for quad in self.store.quads_matching(node, predicate, None)]

    def value(self, subject: Value, predicate: NamedNode) -> Value:
        """The first value (as the queries' rows hold it), ``None`` when there is none."""
        if not isinstance(subject, str):
            return None
        found = self.terms(subject, predicate)
        return python_value(found[0]) if found else None

    def columns(self, subject: str, names: tuple[str, ...]) -> Row:
        """The first value of each ``rg:<name>`` of ``subject``, by name."""
        return {name: self.value(subject, _P[name]) for name in names}

    def values(self, subject: str, predicate: NamedNode) -> list[Value]:
        return [python_value(t) for t in self.terms(subject, predicate)]

    def danish_label(self, subject: Value) -> Value:
        """``skos:prefLabel`` in Danish (an outcome's name)."""
        if not isinstance(subject, str):
            return None
        for found in self.terms(subject, SKOS_PREF_LABEL):
            if isinstance(found, Literal) and found.language == "da":
                return found.value
        return None

    def has_type(self, subject: str, kind: NamedNode) -> bool:
        return any(True for _ in self.store.quads_matching(NamedNode(subject), RDF_TYPE, kind))


def item_row(store: MinutesStore, item: str) -> Row | None:
    """The row of ``item_main.rq``; ``None`` when ``item`` is no agenda item with a meeting
    (the query's required patterns: an item printed without a number has a page too)."""
    look = _Lookup(store)
    meeting, number = look.value(item, _P["meeting"]), look.value(item, _P["number"])
    if meeting is None or not look.has_type(item, AGENDA_ITEM):
        return None
    committee = look.value(meeting, _P["committee"])
    municipality = look.value(meeting, _P["municipality"])
    source = look.value(meeting, _P["sourceDocument"])
    row: Row = {"item": item, "number": number, **look.columns(item, ("title", "closed"))}
    row["prefix"] = look.value(item, _P["itemPrefix"])
    row |= look.columns(item, _LOCATION)
    row.update(
        {
            "meeting": meeting,
            "meetingLabel": look.value(meeting, RDFS_LABEL),
            "date": look.value(meeting, _P["date"]),
            "committee": committee,
            "committeeLabel": look.value(committee, RDFS_LABEL),
            "municipality": municipality,
            "municipalityLabel": look.value(municipality, RDFS_LABEL),
            "source": source,
            "fileName": look.value(source, _P["fileName"]),
            "loadedAt": look.value(source, PROV_GENERATED_AT),
            "run": look.value(source, PROV_WAS_GENERATED_BY),
        }
    )
    return row


def section_rows(store: MinutesStore, item: str) -> list[Row]:
    """The rows of ``item_sections.rq``, one per section, by position."""
    look = _Lookup(store)
    rows: list[Row] = []
    for section in _nodes(look, item, "section"):
        outcome = look.value(section, _P["outcome"])
        row: Row = {"item": item, "section": section}
        row |= look.columns(section, ("position", "heading"))
        row["label"] = look.value(section, _P["sectionLabel"])
        row |= look.columns(section, ("text", *_LOCATION))
        row.update({"outcome": outcome, "outcomeLabel": look.danish_label(outcome)})
        rows.append(row)
    return sorted(rows, key=_position_key)


def part_rows(store: MinutesStore, item: str) -> list[Row]:
    """The rows of ``item_parts.rq``, one per part, by kind, position and node."""
    look = _Lookup(store)
    rows: list[Row] = []
    for node in _nodes(look, item, "caseNumber"):
        kle = look.value(node, _P["kle"])
        rows.append(
            _part(item, "sag", node, label=look.value(node, _P["rawCaseNumber"]),
                  code=look.value(node, _P["kleCode"]), other=kle,
                  otherLabel=look.value(kle, RDFS_LABEL))
        )  # fmt: skip
    for kind, predicate in (("beslutning", "decision"), ("anden-beslutning", "otherDecision")):
        for node in _nodes(look, item, predicate):
            by, outcome = look.value(node, _P["decidedBy"]), look.value(node, _P["outcome"])
            rows.append(
                _part(item, kind, node, text=look.value(node, _P["text"]),
                      date=look.value(node, _P["decisionDate"]), other=by,
                      otherLabel=look.value(by, RDFS_LABEL), outcome=outcome,
                      outcomeLabel=look.danish_label(outcome))
            )  # fmt: skip
    for node in _nodes(look, item, "attachment"):
        rows.append(
            _part(item, "bilag", node, label=look.value(node, _P["title"]),
                  position=look.value(node, _P["position"]))
        )  # fmt: skip
    for node in _nodes(look, item, "treatment"):
        by = look.value(node, _P["treatedBy"])
        rows.append(
            _part(item, "behandling", node, label=look.value(node, RDFS_LABEL),
                  text=look.value(node, _P["text"]), date=look.value(node, _P["treatmentDate"]),
                  other=by, otherLabel=look.value(by, RDFS_LABEL))
        )  # fmt: skip
    for node in _nodes(look, item, "absence"):
        for person in look.values(node, _P["person"]):  # required in the query
            rows.append(
                _part(item, "fravaer", node, other=person,
                      otherLabel=look.value(person, RDFS_LABEL),
                      reason=look.value(node, _P["absenceReason"]))
            )  # fmt: skip
    return sorted(rows, key=lambda r: (str(r["kind"]), *_position_key(r), str(r["node"])))


_PART_COLUMNS: Final = (
    "position", "label", "text", "date", "other", "otherLabel", "code", "reason", "outcome",
    "outcomeLabel",
)  # fmt: skip


def _part(item: str, kind: str, node: str, **values: Value) -> Row:
    row: Row = {"item": item, "kind": kind, "node": node}
    row.update({column: values.get(column) for column in _PART_COLUMNS})
    return row


def _nodes(look: _Lookup, item: str, predicate: str) -> list[str]:
    """The distinct IRIs ``item`` links to by ``rg:<predicate>``."""
    found = look.values(item, _P[predicate])
    return list(dict.fromkeys(v for v in found if isinstance(v, str)))


def _position_key(row: Row) -> tuple[int, int]:
    """SPARQL's order of ``?position``: unbound first, then by number."""
    position = row["position"]
    return (1, position) if isinstance(position, int) else (0, 0)
