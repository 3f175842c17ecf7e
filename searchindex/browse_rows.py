"""The browsing pages' questions to the side index: the list of meetings (narrowed by
municipality, committee and year, newest first), the register of committees, the figures of a
municipality's page (its most mentioned laws and programmes), which municipalities have
meetings, and the outcomes of agenda items (beside the quotes on an entity's page).

A mixin of :class:`searchindex.answers.SiteIndex`, which gives it its connection.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from searchindex.dialect import Connection
from searchindex.records import CommitteeRow, EntityHit, FacetRow, MeetingListRow
from searchindex.search import item_outcomes

# a page of meetings is a walk along resources_date (kind, date) backwards, newest first
# (NULL, no date, sorts last going down); its items are counted for that page only
_MEETINGS = (
    "SELECT r.iri, r.label, r.date, co.iri, co.label, mu.iri, mu.label,"
    " (SELECT COUNT(*) FROM resources i WHERE i.meeting = r.id AND i.kind = 'AgendaItem')"
    " FROM (SELECT r.id FROM resources r{where} ORDER BY r.date DESC, r.id DESC LIMIT ? OFFSET ?)"
    " p JOIN resources r ON r.id = p.id JOIN resources mu ON mu.id = r.municipality"
    " LEFT JOIN resources co ON co.id = r.committee ORDER BY r.date DESC, r.id DESC"
)


class BrowseQueries:
    """What the lists of meetings and committees and the municipality pages ask."""

    def _connection(self) -> Connection:
        raise NotImplementedError  # the index's connection (SiteIndex has it)

    def _select(self, sql: str, parameters: Sequence[Any] = ()) -> list[Any]:
        return self._connection().execute(sql, parameters).fetchall()

    def meeting_list(
        self,
        municipality: str | None = None,
        committee: str | None = None,
        year: int | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> tuple[list[MeetingListRow], int]:
        """One page of the meetings (of a municipality, a committee, a year), newest first
        (the latest loaded first on the same day; meetings without a date last), and how many
        there are in all."""
        where, values = _meeting_conditions(municipality, committee, year)
        total = self._select("SELECT COUNT(*) FROM resources r" + where, values)[0][0]  # noqa: S608
        rows = self._select(_MEETINGS.format(where=where), (*values, max(0, limit), max(0, offset)))
        return [MeetingListRow(*row) for row in rows], int(total)

    def meeting_facets(
        self, municipality: str | None = None, committee: str | None = None
    ) -> dict[str, list[FacetRow]]:
        """What the list of meetings can be narrowed to, with how many meetings each keeps:
        ``"municipalities"`` (all), ``"committees"`` (of ``municipality`` if given) and
        ``"years"`` (of ``municipality`` and ``committee`` if given), in Danish order and
        newest year first."""
        municipalities = self._select(
            "SELECT mu.iri, mu.label, COUNT(*) FROM resources r"
            " JOIN resources mu ON mu.id = r.municipality WHERE r.kind = 'Meeting'"
            " GROUP BY mu.id ORDER BY mu.sort_key"
        )
        where, values = _meeting_conditions(municipality, None, None)
        committees = self._select(
            "SELECT co.iri, co.label || ' (' || mu.label || ')', COUNT(*) FROM resources r"  # noqa: S608
            " JOIN resources co ON co.id = r.committee"
            " JOIN resources mu ON mu.id = r.municipality" + where + " GROUP BY co.id, mu.id"
            " ORDER BY co.sort_key, mu.sort_key",
            values,
        )
        where, values = _meeting_conditions(municipality, committee, None)
        years = self._select(
            "SELECT substr(r.date, 1, 4) AS y, COUNT(*) FROM resources r"  # noqa: S608
            + where
            + " AND r.date IS NOT NULL GROUP BY y ORDER BY y DESC",
            values,
        )
        return {
            "municipalities": [FacetRow(*row) for row in municipalities],
            "committees": [FacetRow(*row) for row in committees],
            "years": [FacetRow(str(y), str(y), n) for y, n in years],
        }

    def outcome_facets(self) -> list[FacetRow]:
        """The outcomes decisions have, with how many items have a decision with each, in
        Danish order."""
        rows = self._select(
            "SELECT o.iri, o.label, COUNT(DISTINCT c.item) FROM concept_rows c"
            " JOIN resources o ON o.id = c.concept WHERE c.decision IS NOT NULL"
            " GROUP BY o.id ORDER BY o.sort_key"
        )
        return [FacetRow(*row) for row in rows]

    def committee_register(self) -> list[CommitteeRow]:
        """Every committee, by municipality and name (Danish order), with its meetings."""
        rows = self._select(
            "SELECT co.iri, co.label, mu.iri, mu.label, COUNT(r.id), MAX(r.date)"
            " FROM resources co LEFT JOIN resources mu ON mu.id = co.municipality"
            " LEFT JOIN resources r ON r.committee = co.id AND r.kind = 'Meeting'"
            " WHERE co.kind = 'Committee' GROUP BY co.id, mu.id"
            " ORDER BY mu.sort_key IS NULL, mu.sort_key, co.sort_key, co.iri"
        )
        return [CommitteeRow(*row) for row in rows]

    def meetings_per_municipality(self) -> dict[str, int]:
        """How many meetings each municipality with any has."""
        rows = self._select(
            "SELECT mu.iri, COUNT(*) FROM resources r JOIN resources mu ON mu.id = r.municipality"
            " WHERE r.kind = 'Meeting' GROUP BY mu.id"
        )
        return {str(iri): int(n) for iri, n in rows}

    def most_mentioned_in(
        self, municipality: str, kinds: Sequence[str], limit: int = 10
    ) -> list[EntityHit]:
        """The entities of ``kinds`` mentioned most in the municipality's meetings, with how
        many times (there); candidates left out."""
        marks = ", ".join("?" for _ in kinds)
        rows = self._select(
            "SELECT e.iri, e.label, e.kind, SUM(y.count) AS n FROM entity_years y"  # noqa: S608
            " JOIN resources e ON e.id = y.entity"
            " WHERE y.municipality = (SELECT id FROM resources WHERE iri = ?)"
            f" AND e.kind IN ({marks}) AND e.candidate = 0"
            " GROUP BY e.id ORDER BY n DESC, e.sort_key LIMIT ?",
            (municipality, *kinds, limit),
        )
        return [EntityHit(*row) for row in rows]

    def outcomes_of_items(self, items: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
        """The outcomes of the items' decisions: (IRI, Danish label) each, by item IRI."""
        if not items:
            return {}
        marks = ", ".join("?" for _ in items)
        ids = dict(
            self._select(f"SELECT id, iri FROM resources WHERE iri IN ({marks})", list(items))  # noqa: S608
        )
        found = item_outcomes(self._connection(), list(ids))
        return {str(ids[item]): pairs for item, pairs in found.items()}


def _meeting_conditions(
    municipality: str | None, committee: str | None, year: int | None
) -> tuple[str, list[Any]]:
    where = " WHERE r.kind = 'Meeting'"
    values: list[Any] = []
    if municipality:
        where += " AND r.municipality = (SELECT id FROM resources WHERE iri = ?)"
        values.append(municipality)
    if committee:
        where += " AND r.committee = (SELECT id FROM resources WHERE iri = ?)"
        values.append(committee)
    if year is not None:
        where += " AND r.date >= ? AND r.date < ?"
        values += [f"{year:04d}-01-01", f"{year + 1:04d}-01-01"]
    return where, values
