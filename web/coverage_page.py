"""``/daekning``: which meetings are loaded, per municipality and committee (dates, links), and
the files that the latest load runs could not read (file, reason). From the side index.

A committee with many meetings shows its latest :data:`MEETINGS_SHOWN` here; the committee's
own page lists them all.
"""

from __future__ import annotations

import datetime as dt
from itertools import groupby
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Final

from graph.labels import counted
from web.browse_data import BUILD_HINT, browse_query, href, index_of
from web.pages import Page
from web.pages.page_values import iso_day, utc_text
from web.schema_org import collection_page

if TYPE_CHECKING:
    from searchindex.records import CoverageRow, FailureRow
    from web.site_readers import Site

TEMPLATE: Final = "pages/coverage.html"
MEETINGS_SHOWN: Final = 100
LOAD_RUNS: Final = 5


def _moment(value: str) -> str:
    """An ISO date-time as "22. november 2026 kl. 23.13 UTC"; anything else as it is."""
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    return utc_text(moment)


def coverage_page(site: Site) -> Page:
    index = index_of(site)
    rows = index.coverage() if index is not None else []
    failures = index.load_failures(LOAD_RUNS) if index is not None else []
    warnings = index.read_warnings(LOAD_RUNS) if index is not None else []
    municipalities = _municipalities(site, rows)
    meetings = sum(len(r.meetings) for r in rows)
    data: dict[str, Any] = {
        "indexed": index is not None,
        "build_hint": BUILD_HINT,
        "text": f"{counted(meetings, 'møde', 'møder')} fra "
        f"{counted(len(municipalities), 'kommune', 'kommuner')} og "
        f"{counted(sum(1 for r in rows if r.committee), 'udvalg', 'udvalg')}.",
        "meetings": meetings,
        "municipalities": municipalities,
        "failures": _failures(site, failures),
        "warnings": _failures(site, warnings),
        "load_runs": LOAD_RUNS,
    }
    title = "Dækning: hvilke møder er indlæst"
    return Page(
        title=title,
        template=TEMPLATE,
        data=data,
        jsonld=_jsonld(title, rows, meetings),
        queries=(
            browse_query("coverage_meetings"),
            browse_query("coverage_failures"),
            browse_query("coverage_warnings"),
        ),
    )


def _municipalities(site: Site, rows: list[CoverageRow]) -> list[dict[str, Any]]:
    """The rows (by municipality) grouped under their municipality, with its count."""
    grouped: list[dict[str, Any]] = []
    for iri, group in groupby(rows, key=attrgetter("municipality")):
        committees = list(group)
        meetings = sum(len(row.meetings) for row in committees)
        grouped.append(
            {
                "iri": iri,
                "href": href(site, iri),
                "label": committees[0].municipality_label,
                "committees": [_committee(site, row) for row in committees],
                "meetings": meetings,
                "text": counted(meetings, "møde", "møder"),
            }
        )
    return grouped


def _committee(site: Site, row: CoverageRow) -> dict[str, Any]:
    shown = row.meetings[-MEETINGS_SHOWN:]  # by date: the latest are last
    first, last = row.meetings[0][1], row.meetings[-1][1]
    return {
        "href": href(site, row.committee) if row.committee else None,
        "label": row.committee_label or "Møder uden udvalg i referatet",
        "text": counted(len(row.meetings), "møde", "møder"),
        "span": f"{iso_day(first)} – {iso_day(last)}" if first and last and first != last else None,
        "hidden": len(row.meetings) - len(shown),
        "meetings": [
            {"href": href(site, iri), "date": iso_day(date) or "uden dato", "date_iso": date}
            for iri, date in shown
        ],
    }


def _failures(site: Site, failures: list[FailureRow]) -> list[dict[str, Any]]:
    """The files that failed (by load run) grouped under their run."""
    runs: list[dict[str, Any]] = []
    for iri, group in groupby(failures, key=attrgetter("run")):
        files = list(group)
        started = files[0].started
        runs.append(
            {
                "iri": iri,
                "label": files[0].run_label,
                "href": href(site, iri),
                "started": _moment(started) if started else "",
                "files": [{"file": f.file_name, "reason": f.reason} for f in files],
            }
        )
    return runs


def _jsonld(title: str, rows: list[CoverageRow], meetings: int) -> dict[str, Any]:
    """The page as a schema.org ``CollectionPage`` of the meetings loaded (the first
    :data:`MEETINGS_SHOWN` listed)."""
    listed = [iri for row in rows for iri, _ in row.meetings][:MEETINGS_SHOWN]
    return collection_page(title, [(iri, None) for iri in listed], meetings)
