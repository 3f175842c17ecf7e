"""The page of a municipality: kommunekode, its committees, its meetings newest first
(``PER_PAGE`` a page), its persons, and the counts of each; from the side index its most
mentioned laws and programmes, with links to its list of meetings and its Atom feed. Every one
of the 98 municipalities has a page, with or without meetings loaded.

Four queries, each starting from the municipality's IRI: ``municipality_main`` (the counts),
``municipality_committees``, ``municipality_meetings`` (one page) and ``municipality_persons``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from web.browse_data import index_of
from web.browse_pages import municipality_figures
from web.pages import PER_PAGE, Page
from web.pages.opening import Opened, opening
from web.pages.page_sparql import Row
from web.pages.page_values import day, first_rows, iso, link, pagination, text_of
from web.schema_org import node, thing

if TYPE_CHECKING:
    from web.site_readers import Site

MAX_PERSONS = 200
"""Persons listed on the page at most (the person pages and the A-Å register have the rest)."""


@opening("Municipality", "municipality")
def municipality_page(opened: Opened, number: int) -> Page:
    """Page ``number`` (from 1) of the municipality's meetings, with the rest."""
    site, iri, first = opened.site, opened.iri, opened.row
    counts = {str(r["kind"]): r["count"] for r in opened.main.rows if r["kind"] is not None}
    number = max(1, number)
    committees = opened.run("municipality_committees")
    offset = (number - 1) * PER_PAGE
    meetings = opened.run("municipality_meetings", limit=PER_PAGE, offset=offset)
    persons = opened.run("municipality_persons", limit=MAX_PERSONS)
    label = text_of(first["label"]) or "Kommune"
    total = {kind: _count(counts.get(kind)) for kind in ("meetings", "committees", "persons")}
    data: dict[str, Any] = {
        "label": label,
        "path": site.path_for_iri(iri) or "",
        "kommunekode": first["kommunekode"],
        "counts": total,
        "committees": [_committee(site, row) for row in first_rows(committees.rows, "committee")],
        "meetings": [_meeting(site, row) for row in first_rows(meetings.rows, "meeting")],
        "pages": pagination(number, total["meetings"], PER_PAGE),
        "persons": [
            {"person": link(site, row["person"], row["label"]), "party": row["party"]}
            for row in first_rows(persons.rows, "person")
        ],
        "persons_cut": total["persons"] > MAX_PERSONS,
        "feed": f"/feeds{data_path}.atom" if (data_path := site.path_for_iri(iri)) else None,
        "top": [],
        "meetings_href": None,
    }
    index = index_of(site)
    if index is not None:
        data |= municipality_figures(site, index, iri)
    queries = (committees.text, meetings.text, persons.text)
    return opened.page(label, data, _jsonld(iri, label, data), queries)


def _count(value: object) -> int:
    return value if isinstance(value, int) else 0


def _committee(site: Site, row: Row) -> dict[str, Any]:
    return {
        "committee": link(site, row["committee"], row["label"]),
        "meetings": _count(row["meetings"]),
        "latest": day(row["latest"]),
    }


def _meeting(site: Site, row: Row) -> dict[str, Any]:
    return {
        "meeting": link(site, row["meeting"], day(row["date"]) or "uden dato"),
        "date_iso": iso(row["date"]),
        "kind": row["kind"],
        "committee": link(site, row["committee"], row["committeeLabel"]),
    }


def _jsonld(iri: str, label: str, data: dict[str, Any]) -> dict[str, Any]:
    """schema.org: the municipality as the authority (GovernmentOrganization) and the area it
    governs (AdministrativeArea), one resource as in the graph."""
    found = thing(["GovernmentOrganization", "AdministrativeArea"], iri, label)
    found["containedInPlace"] = {"@type": "Country", "name": "Danmark"}
    if data["kommunekode"]:
        found["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "kommunekode",
            "value": data["kommunekode"],
        }
    found["subOrganization"] = [
        node("GovernmentOrganization", c["committee"]["iri"], c["committee"]["label"])
        for c in data["committees"]
        if c["committee"]
    ]
    return found
