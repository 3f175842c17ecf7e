"""``/soeg?q=...&side=N``: full-text search over the side index. Entities whose names match come
first (laws, programmes, organisations, persons ...: links to their pages, with their kind and
how often they are mentioned), then the agenda items that match, grouped by meeting, each with
the passage that matched, the matched words marked.

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
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlencode

from graph.labels import counted, danish_date, item_label
from graph.siteindex.folding import MAX_QUERY_WORDS
from web.pages import Page
from web.pages.page_values import pagination
from web.site_index import BUILD_HINT, KIND_NAMES, href, index_of

if TYPE_CHECKING:
    from graph.siteindex import SiteIndex
    from graph.siteindex.rows import MeetingHits, SearchResult
    from web.site import Site

TEMPLATE: Final = "pages/search.html"
MAX_QUERY_CHARS: Final = 200
_WORD: Final = re.compile(r"\w+")
RESULTS_PER_PAGE: Final = 20
"""Matching agenda items per page (grouped by meeting)."""


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
    parameters: dict[str, str | int] = {"q": q}
    if number > 1:
        parameters["side"] = number
    return "/soeg?" + urlencode(parameters)


def search_page(site: Site, raw_query: str, number: int) -> Page:
    """The search page for ``raw_query`` (as the client sent it), page ``number`` (from 1)."""
    q, cut = cut_query(raw_query)
    number = max(1, number)
    index = index_of(site)
    data: dict[str, Any] = {
        "q": q,
        "cut": cut,
        "max_chars": MAX_QUERY_CHARS,
        "words_cut": len(_WORD.findall(q)) > MAX_QUERY_WORDS,
        "max_words": MAX_QUERY_WORDS,
        "indexed": index is not None,
        "build_hint": BUILD_HINT,
        "searched": bool(q),
        "entities": [],
        "meetings": [],
        "total": 0,
    }
    title = f"Søgning: {q}" if q else "Søg"
    if index is None or not q:
        return Page(title=title, template=TEMPLATE, data=data, jsonld=_jsonld(title, q, None))
    result = index.search(q, offset=(number - 1) * RESULTS_PER_PAGE, limit=RESULTS_PER_PAGE)
    paging = pagination(number, result.total, RESULTS_PER_PAGE)
    data |= {
        "entities": [
            {
                "href": href(site, e.iri),
                "label": e.label,
                "kind": KIND_NAMES.get(e.kind, e.kind.lower()).capitalize(),
                "mentions": counted(e.mentions, "omtale", "omtaler") if e.mentions else "",
            }
            for e in (result.entities if number == 1 else [])
        ],
        "meetings": [_meeting_view(site, index, m) for m in result.meetings],
        "total": result.total,
        "total_text": counted(result.total, "dagsordenspunkt", "dagsordenspunkter"),
        "paging": paging,
        "previous": search_href(q, number - 1) if number > 1 else None,
        "next": search_href(q, number + 1) if number < paging["pages"] else None,
        "none_found": not result.entities and not result.total,
    }
    return Page(title=title, template=TEMPLATE, data=data, jsonld=_jsonld(title, q, result))


def _meeting_view(site: Site, index: SiteIndex, hits: MeetingHits) -> dict[str, Any]:
    meeting = index.resource(hits.meeting)
    committee: dict[str, str] | None = None
    municipality: dict[str, str | None] | None = None
    if meeting is not None and meeting.committee and meeting.committee_label:
        committee = {"href": href(site, meeting.committee), "label": meeting.committee_label}
    if meeting is not None and meeting.municipality and meeting.municipality_label:
        municipality = {
            "href": href(site, meeting.municipality),
            "label": meeting.municipality_label,
        }
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
            }
            for item in hits.items
        ],
    }


def _jsonld(title: str, q: str, result: SearchResult | None) -> dict[str, Any]:
    """The page as a schema.org ``SearchResultsPage``; its results an ``ItemList`` of the
    entities and items found (their dataset IRIs)."""
    node: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "SearchResultsPage",
        "name": title,
        "inLanguage": "da",
    }
    if q:
        node["about"] = q
    if result is not None:
        found = [(e.iri, e.label) for e in result.entities]
        found += [(i.iri, item_label(i.number, i.title)) for m in result.meetings for i in m.items]
        node["mainEntity"] = {
            "@type": "ItemList",
            "numberOfItems": len(result.entities) + result.total,
            "itemListElement": [
                {"@type": "ListItem", "position": n, "url": iri, "name": name}
                for n, (iri, name) in enumerate(found, start=1)
            ],
        }
    return node
