"""The browsing lists: ``/moeder`` (every meeting, newest first, narrowed by ``kommune``,
``udvalg`` and ``aar``, paged by ``side``; the whole list as ``format=csv`` or ``json``) and
``/udvalg`` (the register of committees, by municipality, with their meetings). Both from the
side index.

Values the URL gives are read as ``/soeg`` reads them (:mod:`web.search_params`): a
municipality by its path's last part (``lejre``), a committee by its municipality's and its own
(``lejre/udvalget-for-job-og-arbejdsmarked``); a value that names nothing is left out, and the
page says so.

>>> MeetingParams.read({"kommune": "lejre", "aar": "2022", "side": "x"}).href(side=2)
'/moeder?kommune=lejre&aar=2022&side=2'
>>> MeetingParams.read({"aar": "20x2"}).ignored
['aar']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlencode

from graph.labels import counted, danish_date
from graph.uris import Minter
from web.browse_data import BUILD_HINT, href, index_of
from web.pages import PER_PAGE, Page
from web.pages.derived_values import PerIndex
from web.pages.page_values import pagination
from web.schema_org import collection_page

if TYPE_CHECKING:
    from searchindex import SiteIndex
    from searchindex.records import CommitteeRow, FacetRow, MeetingListRow
    from web.site_readers import Site

_SLUG: Final = re.compile(r"[a-z0-9][a-z0-9-]*")
_COMMITTEE: Final = re.compile(r"[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*")
_YEAR: Final = re.compile(r"[12][0-9]{3}")
_FORMAT: Final = re.compile(r"csv|json")
EXPORT_LIMIT: Final = 5000
# what the lists offer to narrow by, and the committees: a few hundred ms each on 10,000
# meetings, the same for every request until the index changes
_MEETING_FACETS: Final = PerIndex[dict[str, list["FacetRow"]]](64)
_COMMITTEES: Final = PerIndex[list["CommitteeRow"]](2)
EXPORT_COLUMNS: Final = ("dato", "moede", "udvalg", "kommune", "punkter", "adresse", "iri")


@dataclass(frozen=True, slots=True)
class MeetingParams:
    municipality: str | None = None
    committee: str | None = None
    year: int | None = None
    page: int = 1
    ignored: list[str] = field(default_factory=list)
    format: str | None = None  # csv or json: the whole list as a file

    @classmethod
    def read(cls, values: Mapping[str, str]) -> MeetingParams:
        ignored: list[str] = []

        def checked(name: str, pattern: re.Pattern[str]) -> str | None:
            value = values.get(name, "").strip()
            if value and not pattern.fullmatch(value):
                ignored.append(name)
                return None
            return value or None

        year = checked("aar", _YEAR)
        fmt = checked("format", _FORMAT)
        try:
            page = min(1_000_000, max(1, int(values.get("side", "1") or "1")))
        except ValueError:
            page = 1
        return cls(
            checked("kommune", _SLUG),
            checked("udvalg", _COMMITTEE),
            int(year) if year else None,
            page,
            ignored,
            fmt,
        )

    def href(self, **changes: str | int | None) -> str:
        """``/moeder?...`` with ``changes`` (``None`` removes one); a change but of the page
        starts at page 1."""
        values: dict[str, str] = {
            "kommune": self.municipality or "",
            "udvalg": self.committee or "",
            "aar": str(self.year or ""),
        }
        for name, value in changes.items():
            values[name] = "" if value is None or (value == 1 and name == "side") else str(value)
        kept = {k: v for k, v in values.items() if v}
        return "/moeder" + ("?" + urlencode(kept) if kept else "")

    def iris(self, base: str) -> tuple[str | None, str | None]:
        """The municipality's and the committee's IRIs."""
        iris = Minter(base)
        return (
            iris.municipality_at(self.municipality) if self.municipality else None,
            iris.committee_at(self.committee) if self.committee else None,
        )


def meetings_page(site: Site, params: MeetingParams) -> Page:
    """``/moeder``: one page of the meetings, newest first, with the filters' choices."""
    index = index_of(site)
    title = "Møder"
    data: dict[str, Any] = {"indexed": index is not None, "build_hint": BUILD_HINT}
    if index is None:
        return Page(title=title, template="pages/meetings.html", data=data)
    municipality, committee = params.iris(site.base)
    rows, total = index.meeting_list(
        municipality, committee, params.year, offset=(params.page - 1) * PER_PAGE, limit=PER_PAGE
    )
    paging = pagination(params.page, total, PER_PAGE)
    facets = _MEETING_FACETS.get(
        (index.token(), municipality, committee),
        lambda: index.meeting_facets(municipality, committee),
    )
    data |= {
        "ignored": params.ignored,
        "text": counted(total, "møde", "møder"),
        "meetings": [_meeting(site, row) for row in rows],
        "paging": paging,
        "previous": params.href(side=params.page - 1) if params.page > 1 else None,
        "next": params.href(side=params.page + 1) if params.page < paging["pages"] else None,
        "form": {
            "municipalities": _options(facets["municipalities"], site.base, params.municipality),
            "committees": _options(facets["committees"], site.base, params.committee),
            "years": [
                {
                    "value": y.value,
                    "label": f"{y.label} ({y.count})",
                    "selected": y.value == str(params.year),
                }
                for y in facets["years"]
            ],
            "narrowed": bool(params.municipality or params.committee or params.year),
        },
        "search": _search_href(params),
        "exports": {name: params.href(side=None, format=name) for name in ("csv", "json")},
    }
    return Page(
        title=title,
        template="pages/meetings.html",
        data=data,
        jsonld=collection_page(title, [(r.iri, r.label) for r in rows], total),
    )


def meeting_rows(
    site: Site, index: SiteIndex, params: MeetingParams, origin: str
) -> tuple[list[dict[str, Any]], int]:
    """The whole list (up to :data:`EXPORT_LIMIT` meetings) as rows of
    :data:`EXPORT_COLUMNS`, links on ``origin``; and how many meetings there are in all."""
    municipality, committee = params.iris(site.base)
    rows, total = index.meeting_list(municipality, committee, params.year, 0, EXPORT_LIMIT)
    found = [
        {
            "dato": row.date or "",
            "moede": row.label,
            "udvalg": row.committee_label or "",
            "kommune": row.municipality_label,
            "punkter": row.items,
            "adresse": origin + href(site, row.iri),
            "iri": row.iri,
        }
        for row in rows
    ]
    return found, total


def _options(rows: list[FacetRow], base: str, chosen: str | None) -> list[dict[str, Any]]:
    """The municipalities or committees to choose from, with how many meetings each has."""
    iris, found = Minter(base), []
    for row in rows:
        value = iris.committee_key(row.value) or row.value  # a municipality's key, for one
        found.append(
            {"value": value, "label": f"{row.label} ({row.count})", "selected": value == chosen}
        )
    return found


def _search_href(params: MeetingParams) -> str | None:
    """The search form of ``/soeg`` narrowed as this list is (no words yet)."""
    values = {"kommune": params.municipality or "", "udvalg": params.committee or ""}
    if params.year:
        values |= {"fra": f"{params.year}-01-01", "til": f"{params.year}-12-31"}
    kept = {k: v for k, v in values.items() if v}
    return "/soeg?" + urlencode(kept) if kept else None


def _meeting(site: Site, row: MeetingListRow) -> dict[str, Any]:
    return {
        "href": href(site, row.iri),
        "label": row.label,
        "date": _day(row.date),
        "date_iso": row.date,
        "committee": {"href": href(site, row.committee), "label": row.committee_label}
        if row.committee and row.committee_label
        else None,
        "municipality": {"href": href(site, row.municipality), "label": row.municipality_label},
        "items": row.items,
    }


def committees_page(site: Site) -> Page:
    """``/udvalg``: every committee, by municipality, with its meetings and the latest."""
    index = index_of(site)
    title = "Udvalg"
    data: dict[str, Any] = {"indexed": index is not None, "build_hint": BUILD_HINT, "groups": []}
    if index is None:
        return Page(title=title, template="pages/committees.html", data=data)
    groups: list[dict[str, Any]] = []
    rows = _COMMITTEES.get((index.token(),), index.committee_register)
    for row in rows:
        if not groups or groups[-1]["iri"] != row.municipality:
            groups.append(
                {
                    "iri": row.municipality,
                    "label": row.municipality_label or "Kommune ikke angivet",
                    "href": href(site, row.municipality) if row.municipality else None,
                    "committees": [],
                }
            )
        groups[-1]["committees"].append(
            _committee(site, row.iri, row.label, row.meetings, row.latest)
        )
    data |= {
        "groups": groups,
        "text": f"{counted(len(rows), 'udvalg', 'udvalg')} i "
        f"{counted(len(groups), 'kommune', 'kommuner')}.",
    }
    parts = [(r.iri, r.label) for r in rows]
    return Page(
        title=title,
        template="pages/committees.html",
        data=data,
        jsonld=collection_page(title, parts, len(parts)),
    )


def _committee(
    site: Site, iri: str, label: str, meetings: int, latest: str | None
) -> dict[str, Any]:
    return {
        "href": href(site, iri),
        "label": label,
        "meetings": counted(meetings, "møde", "møder") if meetings else "ingen møder indlæst",
        "latest": _day(latest),
        "latest_iso": latest,
        "list": meetings_list_href(site, iri) if meetings else None,
    }


def _day(iso: str | None) -> str | None:
    return danish_date(dt.date.fromisoformat(iso)) if iso else None


def meetings_list_href(site: Site, committee: str) -> str:
    """``/moeder`` narrowed to the committee ``committee``."""
    return f"/moeder?{urlencode({'udvalg': _committee_value(site, committee)})}"


def _committee_value(site: Site, iri: str) -> str:
    return Minter(site.base).committee_key(iri) or iri


def municipality_figures(site: Site, index: SiteIndex, municipality: str) -> dict[str, Any]:
    """What a municipality's page adds from the side index: its most mentioned laws and
    programmes (in its meetings), and the links to its meetings and its feed."""
    slug = Minter(site.base).municipality_key(municipality) or municipality
    top = index.most_mentioned_in(municipality, ("Law", "Programme"), limit=10)
    return {
        "top": [
            {
                "href": href(site, e.iri),
                "label": e.label,
                "kind": "lov" if e.kind == "Law" else "program",
                "text": counted(e.mentions, "omtale", "omtaler"),
            }
            for e in top
        ],
        "meetings_href": f"/moeder?{urlencode({'kommune': slug})}",
    }
