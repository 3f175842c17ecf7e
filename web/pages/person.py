"""The page of a person: municipality and party (its name beside the letter), committees with
roles (the memberships derived from the attendance lists), the meetings attended (``PER_PAGE`` a
page), the meetings and items missed with the reason, attendance per year with the rate and the
notes about the person, the positions the person took, and the items that mention the person.

Seven queries, each starting from the person's IRI: ``person_main`` (with the number of meetings
attended, for the pages), ``person_memberships``, ``person_attended`` (one page),
``person_absences``, ``person_mentions``, ``person_votes`` and ``person_attendance`` (the last
two by :mod:`web.pages.vote_tables`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from graph.labels import item_label
from web.pages import PER_PAGE, Page
from web.pages.opening import Opened, opening
from web.pages.page_sparql import Row
from web.pages.page_values import day, first_rows, iso, link, pagination, text_of
from web.pages.vote_tables import party_link, party_text, person_attendance, person_votes
from web.schema_org import node, thing

if TYPE_CHECKING:
    from web.site_readers import Site

MAX_ABSENCES = 500
"""Absence rows read at most (a row per item missed, so a few hundred meetings' worth)."""


@opening("Person", "person")
def person_page(opened: Opened, number: int) -> Page:
    """Page ``number`` (from 1) of the meetings the person attended, with the rest."""
    site, iri, person = opened.site, opened.iri, opened.row
    number = max(1, number)
    attended_total = person["attended"] if isinstance(person["attended"], int) else 0
    memberships = opened.run("person_memberships")
    attended = opened.run("person_attended", limit=PER_PAGE, offset=(number - 1) * PER_PAGE)
    absences = opened.run("person_absences", limit=MAX_ABSENCES)
    mentions = opened.run("person_mentions", limit=PER_PAGE)
    votes, votes_query = person_votes(site, iri)
    attendance, attendance_query = person_attendance(site, iri)
    name = text_of(person["label"]) or "Person"
    data: dict[str, Any] = {
        "name": name,
        "path": site.path_for_iri(iri) or "",
        "party": person["party"],
        "party_text": party_text(person["party"]),  # the party's name beside the letter
        "party_link": party_link(site, person["party"]),
        "votes": votes,
        "attendance": attendance,
        "municipality": link(site, person["municipality"], person["municipalityLabel"]),
        "memberships": [
            _membership(site, row) for row in first_rows(memberships.rows, "membership")
        ],
        "attended": [_attended(site, row) for row in first_rows(attended.rows, "meeting")],
        "pages": pagination(number, attended_total, PER_PAGE),
        "missed": _missed(site, absences.rows),
        "mentioned_in": [
            {
                "item": link(site, row["item"], _item_text(row)),
                "meeting": link(site, row["meeting"], day(row["date"]) or "møde uden dato"),
            }
            for row in first_rows(mentions.rows, "item")
        ],
    }
    ran = (memberships, attended, absences, mentions)
    queries = (*(query.text for query in ran), votes_query, attendance_query)
    return opened.page(name, data, _jsonld(iri, name, data), queries)


def _item_text(row: Row) -> str:
    number = row.get("number") if "number" in row else row.get("itemNumber")
    title = row.get("title") if "title" in row else row.get("itemTitle")
    return item_label(number if isinstance(number, int) else None, text_of(title))


def _membership(site: Site, row: Row) -> dict[str, Any]:
    return {
        "committee": link(site, row["committee"], row["committeeLabel"]),
        "role": row["role"],
        "first_seen": day(row["firstSeen"]),
        "last_seen": day(row["lastSeen"]),
        "first_seen_iso": iso(row["firstSeen"]),
        "last_seen_iso": iso(row["lastSeen"]),
    }


def _attended(site: Site, row: Row) -> dict[str, Any]:
    return {
        "meeting": link(site, row["meeting"], day(row["date"]) or "møde uden dato"),
        "date_iso": iso(row["date"]),
        "committee": link(site, row["committee"], row["committeeLabel"]),
        "role": row["role"],
    }


def _missed(site: Site, rows: list[Row]) -> list[dict[str, Any]]:
    """One entry per meeting missed in whole or in part: the reason for the whole meeting, and
    the items missed with theirs."""
    meetings: dict[Any, dict[str, Any]] = {}
    for row in first_rows(rows, "absence"):
        entry = meetings.setdefault(
            row["meeting"],
            {
                "meeting": link(site, row["meeting"], day(row["date"]) or "møde uden dato"),
                "date_iso": iso(row["date"]),
                "committee": link(site, row["committee"], row["committeeLabel"]),
                "whole": False,
                "reason": None,
                "missed_items": [],
            },
        )
        if row["item"] is None:
            entry["whole"] = True
            entry["reason"] = row["reason"]
        else:
            entry["missed_items"].append(
                {"item": link(site, row["item"], _item_text(row)), "reason": row["reason"]}
            )
    return list(meetings.values())


def _jsonld(iri: str, name: str, data: dict[str, Any]) -> dict[str, Any]:
    """schema.org: a Person, member of committees (OrganizationRole with role and dates) and,
    where the minutes say, of a party."""
    roles: list[dict[str, Any]] = []
    for m in data["memberships"]:
        if not m["committee"]:
            continue
        role: dict[str, Any] = {
            "@type": "OrganizationRole",
            "memberOf": node(
                "GovernmentOrganization", m["committee"]["iri"], m["committee"]["label"]
            ),
        }
        if m["role"]:
            role["roleName"] = m["role"]
        if m["first_seen_iso"]:
            role["startDate"] = m["first_seen_iso"]
        if m["last_seen_iso"]:
            role["endDate"] = m["last_seen_iso"]
        roles.append(role)
    if data["party"]:
        roles.append({"@type": "PoliticalParty", "name": data["party"]})
    found = thing("Person", iri, name)
    if data["municipality"]:
        municipality = data["municipality"]
        found["workLocation"] = node(
            "AdministrativeArea", municipality["iri"], municipality["label"]
        )
    if roles:
        found["memberOf"] = roles
    return found
