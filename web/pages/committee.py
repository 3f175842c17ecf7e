"""The page of a committee: its municipality, its meetings newest first (``PER_PAGE`` a page),
its members as the attendance lists show them, with roles, and attendance per member.

Four queries, each starting from the committee's IRI: ``committee_main`` (with the number of
meetings, for the pages), ``committee_meetings`` (one page of them), ``committee_members`` and
``committee_attendance`` (by :mod:`web.pages.vote_tables`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from web.browse_pages import meetings_list_href
from web.pages import PER_PAGE, Page
from web.pages.opening import Opened, opening
from web.pages.page_sparql import Row
from web.pages.page_values import day, first_rows, iso, link, pagination, text_of
from web.pages.surnames import surname_key
from web.pages.vote_tables import committee_attendance, party_text
from web.schema_org import node, thing

if TYPE_CHECKING:
    from web.site_readers import Site


@opening("Committee", "committee")
def committee_page(opened: Opened, number: int) -> Page:
    """Page ``number`` (from 1) of the committee's meetings, with its members."""
    site, iri, committee = opened.site, opened.iri, opened.row
    total = committee["meetings"] if isinstance(committee["meetings"], int) else 0
    number = max(1, number)
    offset = (number - 1) * PER_PAGE
    meetings = opened.run("committee_meetings", limit=PER_PAGE, offset=offset)
    members = opened.run("committee_members")
    attendance, attendance_query = committee_attendance(site, iri)
    label = text_of(committee["label"]) or "Udvalg"
    data: dict[str, Any] = {
        "label": label,
        "path": site.path_for_iri(iri) or "",
        "municipality": link(site, committee["municipality"], committee["municipalityLabel"]),
        "kommunekode": committee["kommunekode"],
        "meetings": [_meeting(site, row) for row in meetings.rows],
        "pages": pagination(number, total, PER_PAGE),
        "members": [
            _member(site, row)
            for row in sorted(
                first_rows(members.rows, "membership"),
                key=lambda r: surname_key(text_of(r["personLabel"])),
            )
        ],
        "attendance": attendance,  # per member: meetings attended and missed, the rate
    }
    path = data["path"]
    data["feed"] = f"/feeds{path}.atom" if total and path else None
    data["meetings_href"] = meetings_list_href(site, iri) if total else None
    jsonld = _jsonld(iri, label, committee, data)
    return opened.page(label, data, jsonld, (meetings.text, members.text, attendance_query))


def _meeting(site: Site, row: Row) -> dict[str, Any]:
    return {
        "meeting": link(site, row["meeting"], day(row["date"]) or row["label"]),
        "date": day(row["date"]),
        "date_iso": iso(row["date"]),
        "kind": row["kind"],
        "agenda_size": row["items"],
    }


def _member(site: Site, row: Row) -> dict[str, Any]:
    return {
        "person": link(site, row["person"], row["personLabel"]),
        "party": row["party"],
        "party_text": party_text(row["party"]),  # "A (Socialdemokratiet)"
        "role": row["role"],
        "first_seen": day(row["firstSeen"]),
        "last_seen": day(row["lastSeen"]),
        "first_seen_iso": iso(row["firstSeen"]),
        "last_seen_iso": iso(row["lastSeen"]),
    }


def _jsonld(iri: str, label: str, committee: Row, data: dict[str, Any]) -> dict[str, Any]:
    """schema.org: a GovernmentOrganization, part of its municipality, with member roles."""
    found = thing("GovernmentOrganization", iri, label)
    if committee["municipality"]:
        found["parentOrganization"] = node(
            "GovernmentOrganization", committee["municipality"], committee["municipalityLabel"]
        )
    found["member"] = [
        {
            "@type": "OrganizationRole",
            "member": node("Person", m["person"]["iri"], m["person"]["label"]),
            **({"roleName": m["role"]} if m["role"] else {}),
            **({"startDate": m["first_seen_iso"]} if m["first_seen_iso"] else {}),
            **({"endDate": m["last_seen_iso"]} if m["last_seen_iso"] else {}),
        }
        for m in data["members"]
        if m["person"]
    ]
    found["event"] = [
        {"@type": "Event", "@id": m["meeting"]["iri"], "startDate": m["date_iso"]}
        for m in data["meetings"]
        if m["meeting"]
    ]
    return found
