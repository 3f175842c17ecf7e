"""What ``/soeg`` reads from its URL, and the URLs it links to.

- ``q``: the words; ``side``: the page (from 1);
- ``kommune``: a municipality by the last part of its path (``lemvig`` for ``/kommune/lemvig``);
- ``udvalg``: a committee by its municipality and its own part (``lejre/udvalget-for-...`` for
  ``/kommune/lejre/udvalg/udvalget-for-...``);
- ``fra``, ``til``: meeting dates (``2022-01-31``), both included;
- ``udfald``: an outcome by its part of ``/def/outcome/...`` (``godkendt``);
- ``type``: ``punkter`` (agenda items only), or an entity kind: ``love``, ``programmer``,
  ``organisationer``, ``personer``, ``kommuner``, ``udvalg``;
- ``sortering``: ``relevans`` (the default) or ``dato`` (newest meeting first);
- ``format``: ``csv``, ``json`` or ``atom`` for the same results as a file or a feed.

A value that is not one of these is left out (the page says which), never an error.

>>> params = SearchParams.read({"q": "KLAPjob", "kommune": "lemvig", "fra": "2022-13-01"})
>>> params.municipality, params.date_from, params.ignored
('lemvig', None, ['fra'])
>>> params.href(sortering="dato")
'/soeg?q=KLAPjob&kommune=lemvig&sortering=dato'
>>> params.href(side=2, kommune=None)
'/soeg?q=KLAPjob&side=2'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Final
from urllib.parse import urlencode

from graph.uris import Minter
from ontology.namespace import OUTCOME_NS
from searchindex.search import SearchFilters

MAX_QUERY_CHARS: Final = 200
KINDS: Final[dict[str, tuple[str, str]]] = {
    "punkter": ("AgendaItem", "Dagsordenspunkter"),
    "love": ("Law", "Love"),
    "programmer": ("Programme", "Programmer"),
    "organisationer": ("Organisation", "Organisationer"),
    "personer": ("Person", "Personer"),
    "kommuner": ("Municipality", "Kommuner"),
    "udvalg": ("Committee", "Udvalg"),
}
"""``type=``: the kind of result (the index's class name) and its Danish name."""
ORDERS: Final = {"relevans": "Bedst passende først", "dato": "Nyeste møde først"}
FORMATS: Final = ("csv", "json", "atom")
_SLUG: Final = re.compile(r"[a-z0-9][a-z0-9-]*")
_COMMITTEE: Final = re.compile(r"[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*")
_ORDER: Final[tuple[str, ...]] = (
    "q", "kommune", "udvalg", "fra", "til", "udfald", "type", "sortering", "side",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class SearchParams:
    """The search as the URL asks for it (values checked; the rest in ``ignored``)."""

    q: str = ""
    cut: bool = False
    municipality: str | None = None
    committee: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    outcome: str | None = None
    kind: str | None = None
    order: str = "relevans"
    page: int = 1
    format: str | None = None
    ignored: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, values: Mapping[str, str]) -> SearchParams:
        ignored: list[str] = []

        def checked(name: str, ok: bool) -> str | None:
            value = values.get(name, "").strip()
            if value and not ok:
                ignored.append(name)
                return None
            return value or None

        raw_q = values.get("q", "").strip()
        municipality = values.get("kommune", "").strip()
        committee = values.get("udvalg", "").strip()
        outcome = values.get("udfald", "").strip()
        kind = values.get("type", "").strip()
        order = values.get("sortering", "").strip()
        fmt = values.get("format", "").strip()
        return cls(
            q=raw_q[:MAX_QUERY_CHARS],
            cut=len(raw_q) > MAX_QUERY_CHARS,
            municipality=checked("kommune", bool(_SLUG.fullmatch(municipality))),
            committee=checked("udvalg", bool(_COMMITTEE.fullmatch(committee))),
            date_from=checked("fra", _is_date(values.get("fra", "").strip())),
            date_to=checked("til", _is_date(values.get("til", "").strip())),
            outcome=checked("udfald", bool(_SLUG.fullmatch(outcome))),
            kind=checked("type", kind in KINDS),
            order=checked("sortering", order in ORDERS) or "relevans",
            page=_page(values.get("side")),
            format=checked("format", fmt in FORMATS),
            ignored=ignored,
        )

    def filters(self, base: str) -> SearchFilters:
        """The filters for the index, with the values as the dataset's IRIs under ``base``."""
        iris = Minter(base)
        return SearchFilters(
            municipality=iris.municipality_at(self.municipality) if self.municipality else None,
            committee=iris.committee_at(self.committee) if self.committee else None,
            date_from=self.date_from,
            date_to=self.date_to,
            outcome=OUTCOME_NS + self.outcome if self.outcome else None,
            kind=KINDS[self.kind][0] if self.kind else None,
            order=self.order,
        )

    def narrowed(self) -> bool:
        """Whether anything but the words narrows the search."""
        fields = (self.municipality, self.committee, self.date_from, self.date_to, self.outcome)
        return any(fields) or self.kind is not None

    def values(self) -> dict[str, str]:
        """The URL's parameters for this search (defaults left out), page included."""
        found = {
            "q": self.q,
            "kommune": self.municipality or "",
            "udvalg": self.committee or "",
            "fra": self.date_from or "",
            "til": self.date_to or "",
            "udfald": self.outcome or "",
            "type": self.kind or "",
            "sortering": "" if self.order == "relevans" else self.order,
            "side": str(self.page) if self.page > 1 else "",
        }
        return {k: v for k, v in found.items() if v}

    def href(self, **changes: str | int | None) -> str:
        """``/soeg?...`` for this search with ``changes`` (``None`` or ``""`` removes one);
        any change but of the page starts again at page 1."""
        values: dict[str, str] = self.values()
        if "side" not in changes:
            values.pop("side", None)
        for name, value in changes.items():
            if value is None or value == "" or (name == "side" and value == 1):
                values.pop(name, None)
            else:
                values[name] = str(value)
        ordered = [(k, values[k]) for k in _ORDER if k in values]
        ordered += [(k, v) for k, v in values.items() if k not in _ORDER]
        return "/soeg?" + urlencode(ordered)

    def with_query(self, q: str) -> SearchParams:
        return replace(self, q=q, page=1)


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == len("2020-01-08")


def _page(value: str | None) -> int:
    try:
        return min(1_000_000, max(1, int(value or "1")))
    except ValueError:
        return 1
