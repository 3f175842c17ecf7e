"""The provisions of a law that the minutes cite ("§ 91", "§ 3, stk. 2"), most cited first, each
with the agenda items citing it: what a law's page lists under "Paragraffer, der henvises til".

Read from the mentions of the law (a mention keeps the provisions it cites, joined with ", ",
each starting with "§"), so that every item is the item of a mention the page also lists.
A mixin of :class:`graph.siteindex.queries.SiteIndex`, which gives it its connection.

>>> split_provisions("§ 3, stk. 2, § 4")
['§ 3, stk. 2', '§ 4']
>>> sorted(["§ 10", "§ 9 a", "§ 9", "§ 3, stk. 2"], key=provision_order)
['§ 3, stk. 2', '§ 9', '§ 9 a', '§ 10']
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

_SPLIT = re.compile(r",\s*(?=§)")
_NUMBER = re.compile(r"\d+")
_CITING = (
    "SELECT m.provision, i.iri, i.number, i.title, m.date, mu.iri, mu.label, co.iri, co.label"
    " FROM mentions m JOIN resources i ON i.id = m.item"
    " JOIN resources mu ON mu.id = m.municipality"
    " LEFT JOIN resources co ON co.id = m.committee"
    " WHERE m.entity = (SELECT id FROM resources WHERE iri = ?) AND m.provision IS NOT NULL"
)


@dataclass(frozen=True, slots=True)
class CitingItem:
    """An agenda item that cites a provision, with where and when it was discussed."""

    item: str
    number: int | None  # None: printed without a number
    title: str
    date: str | None  # ISO date of the meeting; None: the minutes give none
    municipality: str
    municipality_label: str
    committee: str | None  # None: the minutes name no committee
    committee_label: str | None


@dataclass(frozen=True, slots=True)
class CitedProvision:
    """A provision, how many mentions cite it, and the items they are in (newest first)."""

    provision: str
    mentions: int
    items: tuple[CitingItem, ...]


def split_provisions(joined: str) -> list[str]:
    """The provisions of a mention's ``provision`` column (each starts with "§")."""
    return [p.strip() for p in _SPLIT.split(joined) if p.strip()]


def provision_order(provision: str) -> tuple[tuple[int, ...], str]:
    """Sorts "§ 9" before "§ 9 a" before "§ 10": by its numbers, then as text."""
    return tuple(int(n) for n in _NUMBER.findall(provision)), provision


def _newest_first(item: CitingItem) -> tuple[bool, str, str, int, str]:
    date = item.date or ""
    # ISO dates sort as text; inverting each digit puts the newest first, undated last
    inverted = "".join(chr(ord("9") - ord(c) + ord("0")) if c.isdigit() else c for c in date)
    return (not date, inverted, item.municipality_label, item.number or 0, item.item)


class ProvisionQueries:
    """What a law's page asks about the provisions cited."""

    def _connection(self) -> sqlite3.Connection:
        raise NotImplementedError  # the index's connection (SiteIndex has it)

    def cited_provisions(self, law_iri: str) -> list[CitedProvision]:
        """Every provision of the law that a mention cites, with the items citing it: the
        provision cited in most items first (then in most mentions, then in the law's order)."""
        mentions: dict[str, int] = {}
        items: dict[str, dict[str, CitingItem]] = {}
        rows = self._connection().execute(_CITING, (law_iri,)).fetchall()
        for joined, item, number, title, date, mun, mun_label, com, com_label in rows:
            citing = CitingItem(item, number, title or "", date, mun, mun_label, com, com_label)
            for provision in split_provisions(str(joined)):
                mentions[provision] = mentions.get(provision, 0) + 1
                items.setdefault(provision, {})[item] = citing
        found = [
            CitedProvision(p, mentions[p], tuple(sorted(items[p].values(), key=_newest_first)))
            for p in mentions
        ]
        return sorted(
            found, key=lambda c: (-len(c.items), -c.mentions, provision_order(c.provision))
        )
