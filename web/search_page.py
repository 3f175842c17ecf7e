"""``/soeg``: full-text search over the side index, narrowed and sorted as the URL asks
(:mod:`web.search_params`). Entities whose names match come first (laws, programmes,
organisations, persons ...: links to their pages, with their kind and how often they are
mentioned), then the agenda items that match, grouped by meeting, each with the passage that
matched (the matched words marked) and the outcome of its decision. A search that finds nothing
suggests a spelling from the index's own words. The same results are also CSV, JSON and an
Atom feed (:mod:`web.search_export`), linked from the page.

Whatever ``q`` holds, the page is a normal page: the index turns the query into plain quoted
words (no FTS5 syntax gets through), the passage is a list of ``(text, is_match)`` segments that
the template escapes, and ``q`` is cut at :data:`MAX_QUERY_CHARS` characters (the page says so).

>>> cut_query("  KLAPjob  ")
('KLAPjob', False)
>>> text, cut = cut_query("x" * 500)
>>> len(text), cut
(200, True)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from graph.labels import counted, danish_date, item_label
from graph.uris import Minter
from ontology.namespace import OUTCOME_NS
from searchindex.folding import MAX_QUERY_WORDS, fold
from web.browse_data import BUILD_HINT, KIND_NAMES, href, index_of
from web.pages import Page
from web.pages.derived_values import PerIndex
from web.pages.page_values import pagination
from web.schema_org import CONTEXT, item_list
from web.search_params import KINDS, MAX_QUERY_CHARS, ORDERS, SearchParams

if TYPE_CHECKING:
    from searchindex import SiteIndex
    from searchindex.records import FacetRow, MeetingHits, SearchResult
    from web.site_readers import Site

TEMPLATE: Final = "pages/search.html"
_WORD: Final = re.compile(r"\w+")
RESULTS_PER_PAGE: Final = 20
"""Matching agenda items (or, with ``type=`` an entity kind, entities) per page."""
PARAMETER_NAMES: Final = {
    "kommune": "kommune",
    "udvalg": "udvalg",
    "fra": "fra dato",
    "til": "til dato",
    "udfald": "udfald",
    "type": "type",
    "sortering": "sortering",
    "format": "format",
}
_FACETS: Final = PerIndex[dict[str, list[dict[str, str]]]](8)


def cut_query(q: str) -> tuple[str, bool]:
    """``q`` without surrounding white space, cut at :data:`MAX_QUERY_CHARS`; and whether it
    was cut."""
    q = q.strip()
    return q[:MAX_QUERY_CHARS], len(q) > MAX_QUERY_CHARS


def search_href(q: str, number: int = 1) -> str:
    """The URL of page ``number`` of the results for ``q``.

    >>> search_href("æ&b", 2)
    '/soeg?q=%C3%A6%26b&side=2'
    """
    return SearchParams(q=q).href(side=number)


def run_search(site: Site, index: SiteIndex, params: SearchParams, limit: int) -> SearchResult:
    """The results of ``params`` from page ``params.page`` (``limit`` a page)."""
    filters = params.filters(site.base)
    return index.search(params.q, offset=(params.page - 1) * limit, limit=limit, filters=filters)


def search_page(site: Site, params: SearchParams) -> Page:
    """The search page for ``params``."""
    q = params.q
    index = index_of(site)
    data: dict[str, Any] = {
        "q": q,
        "cut": params.cut,
        "max_chars": MAX_QUERY_CHARS,
        "words_cut": len(_WORD.findall(q)) > MAX_QUERY_WORDS,
        "max_words": MAX_QUERY_WORDS,
        "indexed": index is not None,
        "build_hint": BUILD_HINT,
        "searched": bool(q),
        "ignored": [PARAMETER_NAMES.get(name, name) for name in params.ignored],
        "form": _form(site, index, params),
        "entities": [],
        "meetings": [],
        "total": 0,
    }
    title = f"Søgning: {q}" if q else "Søg"
    if index is None or not q:
        return Page(title=title, template=TEMPLATE, data=data, jsonld=_jsonld(title, q, None))
    result = run_search(site, index, params, RESULTS_PER_PAGE)
    entity_list = params.kind is not None and params.kind != "punkter"
    listed = result.entity_total if entity_list else result.total
    paging = pagination(params.page, listed, RESULTS_PER_PAGE)
    shown_entities = result.entities if params.page == 1 or entity_list else []
    data |= {
        "entity_list": entity_list,
        "entities": [
            {
                "href": href(site, e.iri),
                "label": e.label,
                "kind": KIND_NAMES.get(e.kind, e.kind.lower()).capitalize(),
                "mentions": counted(e.mentions, "omtale", "omtaler") if e.mentions else "",
            }
            for e in shown_entities
        ],
        "entity_total_text": counted(result.entity_total, "navn", "navne"),
        "meetings": [_meeting_view(site, m) for m in result.meetings],
        "total": result.total,
        "total_text": counted(result.total, "dagsordenspunkt", "dagsordenspunkter"),
        "paging": paging,
        "what": "navn" if entity_list else "punkt",
        "previous": params.href(side=params.page - 1) if params.page > 1 else None,
        "next": params.href(side=params.page + 1) if params.page < paging["pages"] else None,
        "none_found": not result.entities and not result.total and not result.entity_total,
        "exports": {name: params.href(format=name) for name in ("csv", "json", "atom")},
        "first": params.href(),
    }
    if data["none_found"]:
        data["suggestion"] = _suggestion(site, index, params)
    return Page(title=title, template=TEMPLATE, data=data, jsonld=_jsonld(title, q, result))


def _suggestion(site: Site, index: SiteIndex, params: SearchParams) -> dict[str, str] | None:
    """Another spelling of the words, from the index's own, written as the texts write it;
    linked to that search with the same filters."""
    folded = index.suggest(params.q)
    if folded is None:
        return None
    written = _as_written(site, index, params.with_query(folded), folded)
    return {"text": written, "href": params.with_query(written).href()}


def _as_written(site: Site, index: SiteIndex, params: SearchParams, folded: str) -> str:
    """``folded`` (the index's spelling: "aeldreomraadet") as the first text that has each of
    its words writes it ("ældreområdet"), in lower case; a word not found stays folded."""
    result = index.search(folded, limit=1, filters=params.filters(site.base))
    seen = [text for m in result.meetings for i in m.items for text, hit in i.snippet if hit]
    seen += [w for e in result.entities for w in _WORD.findall(e.label)]
    words = []
    for word in folded.split():
        written = next(
            (s for s in seen if fold(s).startswith(word) and len(fold(s)) == len(word)), None
        )
        words.append(written.lower() if written else word)
    return " ".join(words)


def _meeting_view(site: Site, hits: MeetingHits) -> dict[str, Any]:
    committee: dict[str, str] | None = None
    municipality: dict[str, str | None] | None = None
    if hits.committee and hits.committee_label:
        committee = {"href": href(site, hits.committee), "label": hits.committee_label}
    if hits.municipality:
        municipality = {"href": href(site, hits.municipality), "label": hits.municipality_label}
    elif hits.municipality_label:
        municipality = {"href": None, "label": hits.municipality_label}
    return {
        "href": href(site, hits.meeting),
        "label": hits.label,
        "date": danish_date(dt.date.fromisoformat(hits.date)) if hits.date else None,
        "date_iso": hits.date,
        "committee": committee,
        "municipality": municipality,
        "hits": [
            {
                "href": href(site, item.iri),
                "label": item_label(item.number, item.title),
                "segments": [{"text": text, "match": match} for text, match in item.snippet],
                "outcomes": [{"href": href(site, iri), "label": lbl} for iri, lbl in item.outcomes],
            }
            for item in hits.items
        ],
    }


def _form(site: Site, index: SiteIndex | None, params: SearchParams) -> dict[str, Any]:
    """The filters' fields, each option with whether it is chosen."""
    facets = _facets(site, index) if index is not None else {}

    def options(name: str, chosen: str | None) -> list[dict[str, Any]]:
        return [o | {"selected": o["value"] == chosen} for o in facets.get(name, [])]

    return {
        "municipalities": options("municipalities", params.municipality),
        "committees": [  # of the municipality chosen, if one is
            o
            for o in options("committees", params.committee)
            if not params.municipality or o["value"].startswith(params.municipality + "/")
        ],
        "outcomes": options("outcomes", params.outcome),
        "kinds": [
            {"value": value, "label": label, "selected": value == params.kind}
            for value, (_, label) in KINDS.items()
        ],
        "orders": [
            {"value": value, "label": label, "selected": value == params.order}
            for value, label in ORDERS.items()
        ],
        "date_from": params.date_from or "",
        "date_to": params.date_to or "",
        "narrowed": params.narrowed(),
        "clear": params.href(
            kommune=None, udvalg=None, fra=None, til=None, udfald=None, type=None, sortering=None
        ),
    }


def _facets(site: Site, index: SiteIndex) -> dict[str, list[dict[str, str]]]:
    """The values the filters offer (from the index, once per index state)."""

    def compute() -> dict[str, list[dict[str, str]]]:
        meetings, iris = index.meeting_facets(), Minter(site.base)
        return {
            "municipalities": _values(meetings["municipalities"], iris.municipality_key),
            "committees": _values(meetings["committees"], iris.committee_key),
            "outcomes": _values(
                index.outcome_facets(),
                lambda iri: iri.removeprefix(OUTCOME_NS) if iri.startswith(OUTCOME_NS) else None,
            ),
        }

    return _FACETS.get((index.token(), site.base), compute)


def _values(rows: list[FacetRow], key: Callable[[str], str | None]) -> list[dict[str, str]]:
    """The rows whose IRI has a key (its part of a page's filter), with the key as value."""
    keyed = ((key(row.value), row.label) for row in rows)
    return [{"value": value, "label": label} for value, label in keyed if value is not None]


def _jsonld(title: str, q: str, result: SearchResult | None) -> dict[str, Any]:
    """The page as a schema.org ``SearchResultsPage``; its results an ``ItemList`` of the
    entities and items found (their dataset IRIs)."""
    node: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "SearchResultsPage",
        "name": title,
        "inLanguage": "da",
    }
    if q:
        node["about"] = q
    if result is not None:
        found = [(e.iri, e.label) for e in result.entities]
        found += [(i.iri, item_label(i.number, i.title)) for m in result.meetings for i in m.items]
        node["mainEntity"] = item_list(found, len(result.entities) + result.total)
    return node
