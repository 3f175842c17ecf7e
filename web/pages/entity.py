"""The pages of a law, a programme and an organisation: what it is, how often and where it is
mentioned (a timeline per year and municipality), and every mention as a sentence in context,
with the outcome of its item's decision, grouped by municipality and year, paged.

Thousands of mentions on a large store: every count, the timeline and the mentions come from
the side index (``site.index()``), computed when the minutes were loaded; the store is read
only for the entity's own triples (:mod:`web.pages.entity_facts`). ``Page.queries`` holds the
SPARQL that gives the same lists, for a reader to run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from pyoxigraph import NamedNode

from graph.labels import counted, danish_date, item_label
from searchindex.timelines import groups_timeline
from web.pages import PER_PAGE, Page, register
from web.pages.derived_values import PerIndex
from web.pages.entity_facts import EntityFacts, entity_facts
from web.pages.item import mention_anchor
from web.pages.page_sparql import bound_text, page_query
from web.pages.page_values import pagination
from web.pages.provisions import CANDIDATE_NOTES, MAX_ITEMS, provisions_more, provisions_view
from web.schema_org import CONTEXT
from web.timeline import timeline_chart, timeline_view

if TYPE_CHECKING:
    from searchindex import SiteIndex
    from searchindex.records import MentionRow
    from web.site_readers import Site

TEMPLATE = "pages/entity.html"
KIND_TITLES = {"Law": "Lov", "Programme": "Program", "Organisation": "Organisation"}
QUERIES: dict[str, tuple[str, ...]] = {
    "Law": ("entity_totals", "entity_provisions", "entity_timeline", "entity_mentions"),
    "Programme": ("entity_totals", "entity_timeline", "entity_mentions"),
    "Organisation": ("entity_totals", "entity_timeline", "entity_mentions"),
}


@register("Law")
def law_page(site: Site, iri: str, number: int) -> Page | None:
    return entity_page(site, iri, number, "Law")


@register("Programme")
def programme_page(site: Site, iri: str, number: int) -> Page | None:
    return entity_page(site, iri, number, "Programme")


@register("Organisation")
def organisation_page(site: Site, iri: str, number: int) -> Page | None:
    return entity_page(site, iri, number, "Organisation")


def entity_page(site: Site, iri: str, number: int, kind: str) -> Page | None:
    """The page of ``iri`` as a ``kind`` ("Law", "Programme", "Organisation"); page ``number``
    of its mentions (from 1)."""
    facts = entity_facts(site, iri, kind)
    if facts is None:
        return None
    number = max(number, 1)
    bound = {"entity": NamedNode(iri)}
    queries = tuple(bound_text(page_query(name), bound) for name in QUERIES[kind])
    path = site.path_for_iri(iri) or ""
    data: dict[str, Any] = {
        "kind": kind,
        "kind_title": KIND_TITLES[kind],
        "facts": _facts_view(facts),
        "feed": f"/feeds{path}.atom" if path else None,
        "indexed": False,
    }
    index = site.index()
    if index is not None:
        data |= {"indexed": True, **_mentions_view(site, index, facts, number)}
    return Page(
        title=facts.label,
        template=TEMPLATE,
        data=data,
        jsonld=entity_jsonld(facts),
        queries=queries,
    )


def _facts_view(facts: EntityFacts) -> dict[str, Any]:
    return {
        "label": facts.label,
        "names": facts.names,
        "kind_label": facts.kind_label,
        "candidate": facts.candidate,
        "candidate_note": CANDIDATE_NOTES[facts.kind] if facts.candidate else None,
        "source": facts.source,
        "eli": facts.eli,
        "enactment": facts.enactment,
        "enacted": facts.enacted,
        "in_force_from": facts.in_force_from,
        "in_force_to": facts.in_force_to,
        "parent": facts.parent,
        "owner": facts.owner,
        "same_work": facts.same_work,
    }


def _mentions_view(site: Site, index: SiteIndex, facts: EntityFacts, number: int) -> dict[str, Any]:
    """Totals, provisions, timeline and one page of mentions, all from the side index; all but
    the page of mentions computed once per index state (:func:`entity_counts`)."""
    counts = _COUNTS.get(
        (index.token(), site.base, facts.iri, facts.kind, facts.label),
        lambda: entity_counts(site, index, facts),
    )
    paging = pagination(number, counts.mentions, PER_PAGE)
    rows = index.mentions(facts.iri, offset=(number - 1) * PER_PAGE, limit=PER_PAGE)
    outcomes = index.outcomes_of_items(list(dict.fromkeys(row.item for row in rows)))
    return {
        "totals": {"mentions": counts.mentions, "text": counts.text},
        "provisions": counts.provisions,
        "provisions_more": counts.provisions_more,
        "timeline": counts.timeline,
        "groups": mention_groups(site, rows, counts, outcomes),
        "paging": paging,
        "previous": f"?side={number - 1}" if number > 1 else None,
        "next": f"?side={number + 1}" if number < paging["pages"] else None,
    }


@dataclass(frozen=True, slots=True)
class EntityCounts:
    """What every page of an entity's mentions shows the same: its totals, provisions and
    timeline (the SVG and its table), and its mentions per municipality and per year (the
    groups' counts). Shared between requests: read it, never change it."""

    mentions: int
    text: str
    provisions: list[dict[str, Any]]
    timeline: dict[str, Any]
    by_year: dict[tuple[str, int], int]
    by_municipality: dict[str, int]
    provisions_more: str = ""  # the provisions not listed, counted


_COUNTS: Final = PerIndex[EntityCounts](256)
"""The counts of the entities most recently shown, per index state."""


def entity_counts(site: Site, index: SiteIndex, facts: EntityFacts) -> EntityCounts:
    """An entity's :class:`EntityCounts`, from the side index (one read of its mentions per
    municipality and year gives the timeline and the groups' counts)."""
    totals = index.entity_totals(facts.iri)
    mentions = totals.mentions if totals else 0
    items = totals.items if totals else 0
    places = totals.municipalities if totals else 0
    groups = index.mention_groups(facts.iri)
    timeline = groups_timeline(groups)
    chart = timeline_chart(timeline.years, [(r.label, r.counts) for r in timeline.rows])
    provisions = index.cited_provisions(facts.iri, MAX_ITEMS) if facts.kind == "Law" else []
    by_municipality: dict[str, int] = {}
    for group in groups:
        by_municipality[group.municipality] = by_municipality.get(group.municipality, 0) + (
            group.count
        )
    return EntityCounts(
        mentions=mentions,
        text=f"{counted(mentions, 'omtale', 'omtaler')} i "
        f"{counted(items, 'dagsordenspunkt', 'dagsordenspunkter')} fra "
        f"{counted(places, 'kommune', 'kommuner')}.",
        provisions=provisions_view(site, provisions),
        timeline=timeline_view(chart, facts.label),
        by_year={(g.municipality, g.year): g.count for g in groups},
        by_municipality=by_municipality,
        provisions_more=provisions_more(provisions),
    )


def mention_groups(
    site: Site,
    rows: list[MentionRow],
    counts: EntityCounts | None,
    outcomes: dict[str, list[tuple[str, str]]] | None = None,
) -> list[dict[str, Any]]:
    """One page of mentions, grouped by municipality and then year (the rows come ordered so),
    each group with its count over all pages, each mention with the outcomes of its item's
    decisions (``outcomes``, by item IRI).

    >>> mention_groups(None, [], None)
    []
    """
    by_year = counts.by_year if counts else {}
    totals = counts.by_municipality if counts else {}
    grouped: list[dict[str, Any]] = []
    for row in rows:
        year = int(row.date[:4]) if row.date else None
        if not grouped or grouped[-1]["iri"] != row.municipality:
            grouped.append(
                {
                    "iri": row.municipality,
                    "label": row.municipality_label,
                    "href": site.path_for_iri(row.municipality) or row.municipality,
                    "text": counted(totals.get(row.municipality, 0), "omtale", "omtaler"),
                    "years": [],
                }
            )
        years = grouped[-1]["years"]
        if not years or years[-1]["year"] != year:
            count = by_year.get((row.municipality, year or 0), 0)
            years.append(
                {"year": year, "label": str(year or "Uden dato"), "mentions": []}
                | {"text": counted(count, "omtale", "omtaler") if count else ""}
            )
        view = _mention_view(site, row)
        view["outcomes"] = [
            {"href": site.path_for_iri(iri) or iri, "label": label}
            for iri, label in (outcomes or {}).get(row.item, [])
        ]
        years[-1]["mentions"].append(view)
    return grouped


def _mention_view(site: Site, row: MentionRow) -> dict[str, Any]:
    """A mention in context, linked to its mark on the item's page (``#omtale-N``)."""
    anchor = mention_anchor(row.mention)
    return {
        "item": row.item,
        "href": (site.path_for_iri(row.item) or row.item) + (f"#{anchor}" if anchor else ""),
        "item_label": item_label(row.item_number, row.item_title),
        "date": danish_date(dt.date.fromisoformat(row.date)) if row.date else None,
        "date_iso": row.date,
        "committee": row.committee_label,
        "committee_href": (site.path_for_iri(row.committee) or row.committee)
        if row.committee
        else None,
        "before": row.context_before,
        "anchor_text": row.anchor_text,
        "after": row.context_after,
        "provision": row.provision,
    }


_JSONLD_TYPES = {"Law": "Legislation", "Programme": "Project", "Organisation": "Organization"}
_PROGRAMME_TYPES = {"kursus": "Course", "forløb": "Course", "ordning": "GovernmentService"}
_ORGANISATION_TYPES = {
    "ministerium": "GovernmentOrganization",
    "styrelse": "GovernmentOrganization",
    "regering": "GovernmentOrganization",
    "parlament": "GovernmentOrganization",
    "jobcenter": "GovernmentOrganization",
    "uddannelsesinstitution": "EducationalOrganization",
    "virksomhed": "Corporation",
    "fagforbund": "WorkersUnion",
}


def entity_jsonld(facts: EntityFacts) -> dict[str, Any]:
    """The entity as schema.org JSON-LD: ``Legislation`` for a law (its ELI as ``sameAs`` and
    its enactment as ``legislationIdentifier``), a programme as ``Project`` (a course as
    ``Course``, a scheme as ``GovernmentService``), an organisation as ``Organization`` or
    its apt subtype."""
    kind = _JSONLD_TYPES[facts.kind]
    if facts.kind == "Programme":
        kind = _PROGRAMME_TYPES.get(facts.kind_label, kind)
    elif facts.kind == "Organisation":
        kind = _ORGANISATION_TYPES.get(facts.kind_label, kind)
    node: dict[str, Any] = {
        "@context": CONTEXT,
        "@id": facts.iri,
        "@type": kind,
        "name": facts.label,
        "inLanguage": "da",
    }
    if facts.names:
        node["alternateName"] = facts.names
    if facts.eli:
        node["sameAs"] = facts.eli
    if facts.kind == "Law":
        node["legislationIdentifier"] = facts.enactment or facts.eli or facts.iri
        node["legislationJurisdiction"] = "DK"
        if facts.enacted_iso:
            node["legislationDate"] = facts.enacted_iso
    if facts.parent:
        node["parentOrganization"] = {"@id": facts.parent["iri"], "name": facts.parent["label"]}
    if facts.owner:
        node["sponsor"] = {"@id": facts.owner["iri"], "name": facts.owner["label"]}
    return node
