"""The home page: what is in the graph, the latest meetings, the most mentioned laws,
programmes and organisations with a timeline of them, a search box, and the ways in (register,
coverage, SPARQL, dumps).

Everything but the store's own figures (triples, graphs, resources per class, counted by the
query workers when the server starts) comes from the side index, so the page costs a few
SQLite reads however large the store. Without an index the page says how to build it
(``referatgraf index``) and shows the rest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from graph.labels import counted, danish_number
from web.browse_data import BUILD_HINT, browse_query, href, index_of
from web.pages import Page
from web.pages.derived_values import PerIndex
from web.pages.page_values import iso_day, utc_text
from web.schema_org import CONTEXT
from web.timeline import timeline_chart, timeline_svg

if TYPE_CHECKING:
    from searchindex import SiteIndex
    from sparql.limits import Limits
    from web.site_readers import Site

TEMPLATE: Final = "pages/home.html"
LATEST_MEETINGS: Final = 10
TOP_PER_KIND: Final = 5
TIMELINE_ENTITIES: Final = 5
TOP_LISTS: Final = (
    ("Law", "Mest omtalte love", "love"),
    ("Programme", "Mest omtalte programmer", "programmer"),
    ("Organisation", "Mest omtalte organisationer", "organisationer"),
)
REGISTERED: Final = ("Person", "Law", "Programme", "Organisation")
QUERIES: Final = ("home_figures", "home_latest_meetings", "home_top_entities")

CLASSES: Final = (
    ("Municipality", "kommuner"),
    ("Committee", "udvalg"),
    ("Meeting", "møder"),
    ("AgendaItem", "dagsordenspunkter"),
    ("Decision", "beslutninger"),
    ("Person", "personer"),
    ("SourceDocument", "kildedokumenter"),
)
"""The store's resources per class shown on the page, with Danish names, in reading order."""

_INDEX_VIEWS: Final = PerIndex[dict[str, Any]](4)
"""What the page shows from the side index (figures, latest meetings, top lists, timeline),
per index state: shared between requests, never changed."""


@dataclass(frozen=True, slots=True)
class StoreFigures:
    """What the query workers counted in the store (``None`` while they count) and the limits
    of the endpoint, as the app knows them."""

    figures: dict[str, Any] | None
    limits: Limits
    modified: dt.datetime | None = None


def home_page(site: Site, store: StoreFigures, base_url: str) -> Page:
    """The home page; ``base_url`` is where this server answers (``http://host/``), for the
    JSON-LD's search action."""
    index = index_of(site)
    data: dict[str, Any] = {
        "indexed": index is not None,
        "build_hint": BUILD_HINT,
        "store": _store_view(store),
    }
    if index is not None:
        # the same for every request until the next load: computed once per index state
        data |= _INDEX_VIEWS.get((index.token(), site.base), lambda: _index_view(site, index))
    return Page(
        title="referatgraf",
        template=TEMPLATE,
        data=data,
        jsonld=website_jsonld(base_url),
        queries=tuple(browse_query(name) for name in QUERIES),
    )


def _store_view(store: StoreFigures) -> dict[str, Any]:
    figures = store.figures
    counts: list[tuple[str, int]] = []
    if figures is not None:
        by_class = {
            iri.rsplit("#", 1)[-1]: n for iri, n, _ in figures["classes"] if "referatgraf" in iri
        }
        counts = [(label, by_class.get(name, 0)) for name, label in CLASSES]
    modified = store.modified
    return {
        "counted": figures is not None,
        "counts": [{"label": label, "count": danish_number(n)} for label, n in counts],
        "triples": danish_number(figures["triples"]) if figures else None,
        "graphs": danish_number(figures["graphs"]) if figures else None,
        "modified": utc_text(modified) if modified else None,
        "query_timeout": f"{store.limits.query_timeout:g}",
        "max_rows": danish_number(store.limits.max_rows),
    }


def _index_view(site: Site, index: SiteIndex) -> dict[str, Any]:
    summary = index.summary()
    # as many as the registers list: names only a pattern proposed (candidates) left out
    kinds = {kind: sum(n for _, n in index.letters(kind)) for kind in REGISTERED}
    figures = [
        ("Kommuner med møder", summary.municipalities),
        ("Udvalg med møder", summary.committees),
        ("Møder", summary.meetings),
        ("Dagsordenspunkter", summary.items),
        ("Personer", kinds.get("Person", 0)),
        ("Love", kinds.get("Law", 0)),
        ("Programmer", kinds.get("Programme", 0)),
        ("Organisationer", kinds.get("Organisation", 0)),
        ("Omtaler af love, programmer og organisationer", summary.mentions),
    ]
    first, last = iso_day(summary.first_date), iso_day(summary.last_date)
    return {
        "summary": {
            "figures": [{"label": label, "count": danish_number(n)} for label, n in figures],
            "first_date": first,
            "first_iso": summary.first_date,
            "last_date": last,
            "last_iso": summary.last_date,
            "years": [
                {"year": y, "meetings": danish_number(n)} for y, n in summary.meetings_per_year
            ],
        },
        "latest": [
            {
                "href": href(site, m.iri),
                "label": m.label,
                "date": iso_day(m.date),
                "date_iso": m.date,
                "committee": {"href": href(site, m.committee), "label": m.committee_label}
                if m.committee
                else None,
                "municipality": {"href": href(site, m.municipality), "label": m.municipality_label},
            }
            for m in index.latest_meetings(LATEST_MEETINGS)
        ],
        "top": [
            {
                "title": title,
                "slug": slug,
                "entities": [
                    {
                        "href": href(site, e.iri),
                        "label": e.label,
                        "mentions": danish_number(e.mentions),
                        "text": counted(e.mentions, "omtale", "omtaler")
                        + f" i {counted(e.municipalities, 'kommune', 'kommuner')}",
                    }
                    for e in index.top_entities((kind,), TOP_PER_KIND)
                ],
            }
            for kind, title, slug in TOP_LISTS
        ],
        "timeline": top_timeline_view(index),
    }


def top_timeline_view(index: SiteIndex) -> dict[str, Any]:
    """The most mentioned laws and programmes per year: the SVG and its numbers as a table."""
    timeline = index.top_timeline(TIMELINE_ENTITIES, kinds=("Law", "Programme"))
    chart = timeline_chart(timeline.years, [(r.label, r.counts) for r in timeline.rows])
    subject = "de mest omtalte love og programmer"
    title = f"Omtaler af {subject} pr. år"
    description = (
        f"Stablede søjler: omtaler pr. år af {subject}, "
        f"{', '.join(s.label for s in chart.series)}. "
        f"I alt {counted(chart.total, 'omtale', 'omtaler')}. Tabellen under har tallene."
    )
    svg = timeline_svg(chart, subject, "forside-tidslinje", title=title, description=description)
    return {
        "svg": svg,
        "empty": not chart.total,
        "caption": title,
        "years": list(chart.years),
        "rows": [
            {
                "label": s.label,
                "counts": [danish_number(c) for c in s.counts],
                "total": danish_number(s.total),
            }
            for s in chart.series
        ],
    }


def website_jsonld(base_url: str) -> dict[str, Any]:
    """The site as a schema.org ``WebSite`` with a ``SearchAction`` (``/soeg?q=``).

    >>> website_jsonld("http://localhost:8000/")["potentialAction"]["target"]["urlTemplate"]
    'http://localhost:8000/soeg?q={search_term_string}'
    """
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": "referatgraf",
        "description": "Referater fra danske kommunale udvalg som en vidensgraf: møder, "
        "dagsordenspunkter, beslutninger, personer, love og programmer.",
        "url": base_url,
        "inLanguage": "da",
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": base_url + "soeg?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


__all__ = ["StoreFigures", "home_page", "website_jsonld"]
