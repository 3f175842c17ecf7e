"""The page of a meeting: date, time and place, the kind of document (referat or dagsorden),
committee and municipality, the agenda with each item's outcome and the start of its decision,
attendance with party and role, absence from the whole meeting and from single items, the
attendance notes (came late, left, stood in, guests), and the source document.

Four queries, each starting from the meeting's IRI: ``meeting_main``, ``meeting_agenda``,
``meeting_people`` and ``meeting_attendance`` (by :mod:`web.pages.vote_tables`).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from graph.labels import item_label, item_reference
from ontology.vocabularies import SCHEMA_NS
from searchindex.documents import decision_snippet
from web.pages import Page
from web.pages.layout_words import layout_in_words
from web.pages.opening import Opened, opening
from web.pages.page_sparql import Row
from web.pages.page_values import clock, day, first_rows, iso, link, text_of, timestamp
from web.pages.surnames import surname_key
from web.pages.vote_tables import meeting_notes
from web.schema_org import node, thing

if TYPE_CHECKING:
    from web.site_readers import Site

KINDS = {"referat": "Referat", "dagsorden": "Dagsorden"}
DECISION_START = 160
"""Characters of each decision's words the agenda shows (cut at a word)."""


@opening("Meeting", "meeting")
def meeting_page(opened: Opened, number: int) -> Page:
    """The page of the meeting (one page: ``number`` is not used)."""
    del number
    site, iri, meeting = opened.site, opened.iri, opened.row
    agenda = opened.run("meeting_agenda")
    people = opened.run("meeting_people")
    notes, notes_query = meeting_notes(site, iri)
    by_kind: dict[str, list[Row]] = defaultdict(list)
    for row in sorted(people.rows, key=lambda r: surname_key(text_of(r["personLabel"]))):
        by_kind[str(row["kind"])].append(row)
    present = {row["person"] for row in by_kind["til-stede"]}
    absent = {row["person"] for row in by_kind["fravaer"]}
    data: dict[str, Any] = {
        "date": day(meeting["date"]),
        "date_iso": iso(meeting["date"]),
        "start": clock(meeting["startTime"]),
        "end": clock(meeting["endTime"]),
        "place": meeting["place"],
        "kind": KINDS.get(text_of(meeting["kind"]), text_of(meeting["kind"]) or None),
        "committee": link(site, meeting["committee"], meeting["committeeLabel"]),
        "municipality": link(site, meeting["municipality"], meeting["municipalityLabel"]),
        "agenda": [_agenda_row(site, row) for row in first_rows(agenda.rows, "item")],
        "participants": [
            _participant(site, row, present=row["person"] in present, absent=absent)
            for row in first_rows(by_kind["deltager"], "person")
        ],
        "attendees": [
            link(site, row["person"], row["personLabel"])
            for row in first_rows(by_kind["til-stede"], "person")
        ],
        "absences": [
            {
                "person": link(site, row["person"], row["personLabel"]),
                "party": row["party"],
                "reason": row["reason"],
            }
            for row in first_rows(by_kind["fravaer"], "person")
        ],
        "item_absences": _item_absences(site, by_kind["fravaer-punkt"]),
        "attendance_notes": notes,  # came late, left, stood in, guests and officials
        "source": _source(site, meeting),
    }
    label = text_of(meeting["label"]) or text_of(meeting["committeeLabel"]) or "Møde"
    jsonld = _jsonld(iri, meeting, label, data)
    return opened.page(label, data, jsonld, (agenda.text, people.text, notes_query))


def _agenda_row(site: Site, row: Row) -> dict[str, Any]:
    return {
        "item": link(site, row["item"], text_of(row["title"]) or item_label(_number(row), "")),
        "number": row["number"],
        "title": row["title"],
        "closed": row["closed"] is True,
        "outcome": link(site, row["outcome"], row["outcomeLabel"]),
        "decision": decision_snippet(text_of(row["decisionText"]), DECISION_START),
    }


def _number(row: Row, column: str = "number") -> int | None:
    """An item's number; ``None`` for one printed without."""
    number = row[column]
    return number if isinstance(number, int) else None


def _participant(site: Site, row: Row, *, present: bool, absent: set[Any]) -> dict[str, Any]:
    return {
        "person": link(site, row["person"], row["personLabel"]),
        "party": row["party"],
        "role": row["role"],
        "present": present,
        "absent": row["person"] in absent,
    }


def _item_absences(site: Site, rows: list[Row]) -> list[dict[str, Any]]:
    """Absences from single items, one entry per person and reason with the items in order."""
    grouped: dict[tuple[Any, Any], dict[str, Any]] = {}
    for row in rows:
        key = (row["person"], row["reason"])
        entry = grouped.setdefault(
            key,
            {
                "person": link(site, row["person"], row["personLabel"]),
                "reason": row["reason"],
                "agenda_items": [],
            },
        )
        target = link(site, row["item"], item_reference(_number(row, "itemNumber")))
        if target is not None and target not in entry["agenda_items"]:
            entry["agenda_items"].append(target)
    return list(grouped.values())


def _source(site: Site, meeting: Row) -> dict[str, Any]:
    return {
        "document": link(site, meeting["source"], meeting["fileName"]),
        "file_name": meeting["fileName"],
        "media_type": meeting["mediaType"],
        "encoding": meeting["encoding"],
        "byte_size": meeting["byteSize"],
        "layout": meeting["layout"],
        "layout_words": layout_in_words(meeting["layout"]),
        "source_url": meeting["sourceUrl"],
        "sha256": meeting["sha256"],
        "loaded_at": timestamp(meeting["loadedAt"]),
        "loaded_at_iso": iso(meeting["loadedAt"]),
        "run": link(site, meeting["run"], "indlæsningen"),
        "municipality_inferred": meeting["municipalitySource"] == "inferred",
    }


def _moment(date: object, time: object) -> str | None:
    """A schema.org date: the date, with the time when the minutes state one."""
    if not isinstance(date, dt.date):
        return None
    if isinstance(time, dt.time):
        return dt.datetime.combine(date, time).isoformat()
    return date.isoformat()


def _jsonld(iri: str, meeting: Row, label: str, data: dict[str, Any]) -> dict[str, Any]:
    """schema.org: an Event organised by the committee, with its attendees and agenda items."""
    found = thing("Event", iri, label)
    found |= {"inLanguage": "da", "eventStatus": f"{SCHEMA_NS}EventScheduled"}
    start = _moment(meeting["date"], meeting["startTime"])
    if start:
        found["startDate"] = start
    end = _moment(meeting["date"], meeting["endTime"])
    if end and meeting["endTime"] is not None:
        found["endDate"] = end
    if meeting["place"]:
        found["location"] = {"@type": "Place", "name": meeting["place"]}
    if meeting["committee"]:
        found["organizer"] = node(
            "GovernmentOrganization", meeting["committee"], meeting["committeeLabel"]
        )
    found["attendee"] = [node("Person", a["iri"], a["label"]) for a in data["attendees"] if a]
    found["subjectOf"] = [
        node("CreativeWork", row["item"]["iri"], row["item"]["label"])
        for row in data["agenda"]
        if row["item"]
    ]
    return found
