"""The lists of the concept pages from the side index: the agenda items filed under a KLE
subject and the decisions with an outcome, newest meeting first, paged along an index (a page
costs the same whichever page it is), and their totals."""

from __future__ import annotations

from typing import Any

from searchindex.dialect import Connection
from searchindex.records import ConceptRow, ConceptTotals
from searchindex.write import absolute

# a page is a walk along concept_rows_concept (concept, date DESC, place, number, item, id)
_ROWS = (
    "SELECT i.iri, i.number, i.title, c.decision, c.text, me.iri, c.date, mu.iri, mu.label,"
    " co.iri, co.label FROM (SELECT * FROM concept_rows"
    " WHERE concept = (SELECT id FROM resources WHERE iri = ?)"
    " ORDER BY date DESC, place, number, item, id LIMIT ? OFFSET ?) c"
    " JOIN resources i ON i.id = c.item JOIN resources me ON me.id = c.meeting"
    " JOIN resources mu ON mu.id = c.municipality LEFT JOIN resources co ON co.id = c.committee"
    " ORDER BY c.date DESC, c.place, c.number, c.item, c.id"
)
_TOTALS = (
    "SELECT rows, items, municipalities, first_date, last_date FROM concept_totals"
    " WHERE concept = (SELECT id FROM resources WHERE iri = ?)"
)


def concept_rows(connection: Connection, concept: str, offset: int, limit: int) -> list[ConceptRow]:
    """One page of the concept's list, newest meeting first, then by municipality (in Danish
    order), item number and decision."""
    found = connection.execute(_ROWS, (concept, max(0, limit), max(0, offset))).fetchall()
    return [_row(concept, row) for row in found]


def concept_totals(connection: Connection, concept: str) -> ConceptTotals:
    """The totals of the concept's list (all 0 for a concept with none)."""
    row = connection.execute(_TOTALS, (concept,)).fetchone()
    if row is None:
        return ConceptTotals(concept, 0, 0, 0, None, None)
    return ConceptTotals(concept, *row)


def _row(concept: str, row: tuple[Any, ...]) -> ConceptRow:
    (item, number, title, decision, text, meeting, date, mun, mun_label, com, com_label) = row
    return ConceptRow(
        concept, item, number, title or "", absolute(decision, item) if decision else None,
        text, meeting, date, mun, mun_label, com, com_label,
    )  # fmt: skip
