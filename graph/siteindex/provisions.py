"""The sections of a law that the minutes cite ("§ 91", "§ 3 a"), most cited first, each with
the agenda items citing it and the provisions each item cites in it ("§ 3 a, stk. 2"): what a
law's page lists under "Paragraffer, der henvises til". Grouped by section, as
``rg:citedSection`` groups them, so that "§ 91" and "§ 91, stk. 2" count together.

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
from dataclasses import dataclass, replace

from loaders.mentions.provisions import section_of

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
    cited: tuple[str, ...] = ()  # the provisions of the section it cites, in the law's order


@dataclass(frozen=True, slots=True)
class CitedProvision:
    """A section, how many mentions cite it, and the items they are in (newest first)."""

    provision: str  # the section: "§ 91", "§ 3 a"
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


def _items(citing: dict[str, tuple[CitingItem, set[str]]]) -> tuple[CitingItem, ...]:
    """The items citing a section, each with the provisions it cites there, newest first."""
    found = [replace(c, cited=tuple(sorted(p, key=provision_order))) for c, p in citing.values()]
    return tuple(sorted(found, key=_newest_first))


class ProvisionQueries:
    """What a law's page asks about the provisions cited."""

    def _connection(self) -> sqlite3.Connection:
        raise NotImplementedError  # the index's connection (SiteIndex has it)

    def cited_provisions(self, law_iri: str) -> list[CitedProvision]:
        """Every section of the law that a mention cites, with the items citing it: the
        section cited in most items first (then in most mentions, then in the law's order)."""
        mentions: dict[str, int] = {}
        items: dict[str, dict[str, tuple[CitingItem, set[str]]]] = {}
        rows = self._connection().execute(_CITING, (law_iri,)).fetchall()
        for joined, item, number, title, date, mun, mun_label, com, com_label in rows:
            citing = CitingItem(item, number, title or "", date, mun, mun_label, com, com_label)
            provisions = split_provisions(str(joined))
            for section in dict.fromkeys(section_of(p) for p in provisions):
                mentions[section] = mentions.get(section, 0) + 1
                _, cited = items.setdefault(section, {}).setdefault(item, (citing, set()))
                cited.update(p for p in provisions if section_of(p) == section)
        found = [
            CitedProvision(section, mentions[section], _items(items[section]))
            for section in mentions
        ]
        return sorted(
            found, key=lambda c: (-len(c.items), -c.mentions, provision_order(c.provision))
        )
