"""The sections of a law that the minutes cite ("§ 91", "§ 3 a"), most cited first, each with
the agenda items citing it and the provisions each item cites in it ("§ 3 a, stk. 2"): what a
law's page lists under "Paragraffer, der henvises til". Grouped by section, as
``rg:citedSection`` groups them, so that "§ 91" and "§ 91, stk. 2" count together.

Read from the mentions of the law (a mention keeps the provisions it cites, joined with ", ",
each starting with "§"), so that every item is the item of a mention the page also lists.
A mixin of :class:`searchindex.answers.SiteIndex`, which gives it its connection.

>>> split_provisions("§ 3, stk. 2, § 4")
['§ 3, stk. 2', '§ 4']
>>> sorted(["§ 10", "§ 9 a", "§ 9", "§ 3, stk. 2"], key=provision_order)
['§ 3, stk. 2', '§ 9', '§ 9 a', '§ 10']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.mentions.law_provisions import section_of
from searchindex.dialect import Connection

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
    """A section, how many mentions and items cite it, and the items (newest first; the
    first ``limit`` of them where a limit was asked for)."""

    provision: str  # the section: "§ 91", "§ 3 a"
    mentions: int
    item_count: int
    items: tuple[CitingItem, ...]


def split_provisions(joined: str) -> list[str]:
    """The provisions of a mention's ``provision`` column (each starts with "§")."""
    return [p.strip() for p in _SPLIT.split(joined) if p.strip()]


def provision_order(provision: str) -> tuple[tuple[int, ...], str]:
    """Sorts "§ 9" before "§ 9 a" before "§ 10": by its numbers, then as text."""
    return tuple(int(n) for n in _NUMBER.findall(provision)), provision


# (item, number, title, date, municipality, its label, committee, its label): a query row
_Row = tuple[str, int | None, str | None, str | None, str, str, str | None, str | None]


def _newest_first(rows: list[tuple[_Row, set[str]]]) -> list[tuple[_Row, set[str]]]:
    """Rows by meeting date, newest first and undated last; within a date by municipality,
    item number and IRI (two stable sorts: cheaper than one key that inverts the date)."""
    rows = sorted(rows, key=lambda r: (r[0][5], r[0][1] or 0, r[0][0]))
    return sorted(rows, key=lambda r: r[0][3] or "", reverse=True)


def _citing(row: _Row, cited: set[str]) -> CitingItem:
    item, number, title, date, mun, mun_label, com, com_label = row
    cited_in_order = tuple(sorted(cited, key=provision_order))
    return CitingItem(
        item, number, title or "", date, mun, mun_label, com, com_label, cited_in_order
    )


class ProvisionQueries:
    """What a law's page asks about the provisions cited."""

    def _connection(self) -> Connection:
        raise NotImplementedError  # the index's connection (SiteIndex has it)

    def cited_provisions(self, law_iri: str, limit: int | None = None) -> list[CitedProvision]:
        """Every section of the law that a mention cites, with the items citing it (the
        ``limit`` newest, if given): the section cited in most items first (then in most
        mentions, then in the law's order)."""
        mentions: dict[str, int] = {}
        items: dict[str, dict[str, tuple[_Row, set[str]]]] = {}
        sections: dict[str, str] = {}  # provision -> its section, each computed once
        for joined, *row in self._connection().execute(_CITING, (law_iri,)):
            by_section: dict[str, list[str]] = {}
            for provision in split_provisions(joined):
                section = sections.get(provision)
                if section is None:
                    section = sections[provision] = section_of(provision)
                by_section.setdefault(section, []).append(provision)
            for section, written in by_section.items():
                mentions[section] = mentions.get(section, 0) + 1
                found = items.setdefault(section, {}).get(row[0])
                if found is None:
                    items[section][row[0]] = (tuple(row), set(written))
                else:
                    found[1].update(written)
        cited = [
            CitedProvision(
                section,
                mentions[section],
                len(items[section]),
                tuple(_citing(*r) for r in _newest_first(list(items[section].values()))[:limit]),
            )
            for section in mentions
        ]
        return sorted(
            cited, key=lambda c: (-c.item_count, -c.mentions, provision_order(c.provision))
        )
