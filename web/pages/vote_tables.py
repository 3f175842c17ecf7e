"""Who decided what, for the pages: an item's vote table, a person's votes and attendance (per
meeting and a rate per year), and a committee's attendance per member.

Each function runs one query of ``queries/`` bound to the page's resource and returns the rows
as the templates show them, with the query text (the page shows it). A party is shown by its
letter as printed and, where the reference data knows the letter, its name beside it.

>>> party_text("A"), party_text("Borgerlisten"), party_text(None)
('A (Socialdemokratiet)', 'Borgerlisten', None)
>>> rate(3, 1), rate(0, 0)
('75 %', None)
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pyoxigraph import NamedNode

from graph.labels import item_label
from graph.party_quads import national_party, national_party_iri
from graph.terms import RG, term
from graph.uris import Minter
from graph.vote_quads import KIND_LABELS, POSITION_LABELS
from web.pages.page_sparql import Row, Value, bound_text, page_query, run
from web.pages.page_values import clock, day, first_rows, iso, link, text_of

if TYPE_CHECKING:
    from web.site_readers import Site

MAX_VOTES = 500
"""A person's votes read at most."""
MAX_NOTES = 2000
"""A person's attendance rows read at most (a few per meeting)."""
_VOTE = term(RG.vote)
PRESENT_KINDS = frozenset({"present", "arrived", "left", "substitute", "guest"})
"""Notes of a meeting that say the person took part in it."""


def party_text(printed: Value, name: Value = None) -> str | None:
    """A party as printed, with its name beside a letter: "A (Socialdemokratiet)". ``name``
    is the party resource's label where the graph has it, else the reference data's."""
    text = text_of(printed).strip()
    if not text:
        return None
    if not name:
        found = national_party(text)
        name = found.name if found is not None else None
    if not name or text_of(name).casefold() == text.casefold():
        return text
    return f"{text} ({text_of(name)})"


def party_link(site: Site, printed: Value, party: Value = None, name: Value = None) -> Any:
    """The party as :func:`party_text` shows it, linked to the party's page: ``party`` is the
    party resource where the graph names it, else the national party the text stands for; a
    local list the graph does not name is text only (``{"label": ...}`` without ``href``)."""
    label = party_text(printed, name)
    if label is None:
        return None
    target = party if isinstance(party, str) else None
    if target is None:
        target = national_party_iri(Minter(site.base), text_of(printed))
    return link(site, target, label) or {"label": label}


def rate(present: int, absent: int) -> str | None:
    """The share of meetings attended, in whole per cent; None without meetings."""
    total = present + absent
    return f"{round(100 * present / total)} %" if total else None


def _local(iri: Value) -> str:
    return text_of(iri).rsplit("/", 1)[-1]


def _order(iri: Value) -> tuple[str, int]:
    """Votes in text order: ``.../stemme/10`` after ``.../stemme/9``."""
    head, _, number = text_of(iri).rpartition("/")
    return head, int(number) if number.isdigit() else 0


def _item_text(row: Row) -> str:
    number = row.get("itemNumber")
    return item_label(number if isinstance(number, int) else None, text_of(row.get("itemTitle")))


def item_votes(
    site: Site, iri: str, decisions: Iterable[Value] | None = None
) -> tuple[list[dict[str, Any]], str]:
    """The vote table of an item: one row per vote, its own decision first and then those of
    other bodies under it, each in text order; ``body`` is the body that decided.

    ``decisions`` are the item's decision nodes where the page knows them: when none has a
    vote (most items: few minutes record votes) the query is shown but not run."""
    store, bound = site.store(), {"item": NamedNode(iri)}
    if decisions is not None and not any(
        next(store.quads_matching(NamedNode(node), _VOTE, None, None), None)
        for node in decisions
        if isinstance(node, str)
    ):
        return [], bound_text(page_query("item_votes"), bound)
    ran = run(store, "item_votes", bound)
    rows: dict[Value, Row] = {}
    for row in ran.rows:
        rows.setdefault(row["vote"], row)
    table = [
        {
            "position": POSITION_LABELS.get(_local(row["position"]), _local(row["position"])),
            "voter": link(site, row["voter"], row["voterLabel"]),
            "party": party_link(site, row["party"], row["voterParty"], row["partyLabel"]),
            "count": row["count"],
            "body": link(site, row["body"], row["bodyLabel"]),
            "decision": row["decision"],
        }
        for row in sorted(rows.values(), key=lambda r: (r["rank"], *_order(r["vote"])))
    ]
    return table, ran.text


def person_votes(site: Site, iri: str) -> tuple[list[dict[str, Any]], str]:
    """The positions the person took, newest first, with the item and the meeting."""
    ran = run(site.store(), "person_votes", {"person": NamedNode(iri)}, limit=MAX_VOTES)
    return [
        {
            "position": POSITION_LABELS.get(_local(row["position"]), _local(row["position"])),
            "count": row["count"],
            "item": link(site, row["item"], _item_text(row)),
            "meeting": link(site, row["meeting"], day(row["date"]) or "møde uden dato"),
            "date_iso": iso(row["date"]),
        }
        for row in first_rows(ran.rows, "vote")
    ], ran.text


def person_attendance(site: Site, iri: str) -> tuple[dict[str, Any], str]:
    """``{"years": [...], "notes": [...]}``: per year the meetings attended and missed and the
    rate; and the attendance notes about the person that the page does not show otherwise
    (came late, left early, stood in, took part as a guest), newest first. A meeting counts as
    attended when the person is listed as attending or a note of the meeting says so (came
    late, left early, stood in, took part as a guest), as missed when the person was absent
    from all of it; absent from an item is not absent from the meeting."""
    ran = run(site.store(), "person_attendance", {"person": NamedNode(iri)}, limit=MAX_NOTES)
    attended: dict[Value, Value] = {}
    missed: dict[Value, Value] = {}
    notes: dict[Value, dict[str, Any]] = {}
    for row in ran.rows:
        meeting, kind = row["meeting"], _local(row["kind"]) if row["kind"] else None
        whole_meeting = row["item"] is None
        if row["status"] == "attended" or (whole_meeting and kind in PRESENT_KINDS):
            attended[meeting] = row["date"]
        elif row["status"] == "absent" or (whole_meeting and kind == "absent"):
            missed[meeting] = row["date"]
        # a meeting's "present" notes are the attendance list, shown as the meetings attended,
        # and "absent" notes the absences, shown with their reasons: neither is repeated
        listed = (whole_meeting and kind == "present") or kind == "absent"
        if row["status"] == "note" and not listed and row["note"] not in notes:
            notes[row["note"]] = _note(site, row, kind)
    for meeting in attended:
        missed.pop(meeting, None)
    return {"years": _years(attended, missed), "notes": list(notes.values())}, ran.text


def _years(attended: dict[Value, Value], missed: dict[Value, Value]) -> list[dict[str, Any]]:
    """Per year, newest first (undated meetings last): attended, missed, the rate."""
    counts: dict[int | None, list[int]] = defaultdict(lambda: [0, 0])
    for found, index in ((attended, 0), (missed, 1)):
        for date in found.values():
            counts[date.year if isinstance(date, dt.date) else None][index] += 1
    return [
        {
            "year": year,
            "attended": present,
            "missed": absent,
            "rate": rate(present, absent),
        }
        for year, (present, absent) in sorted(
            counts.items(), key=lambda pair: (pair[0] is None, -(pair[0] or 0))
        )
    ]


def _note(site: Site, row: Row, kind: str | None) -> dict[str, Any]:
    """One attendance note of a person's page: where, and what in words."""
    return {
        "meeting": link(site, row["meeting"], day(row["date"]) or "møde uden dato"),
        "date_iso": iso(row["date"]),
        "committee": link(site, row["committee"], row["committeeLabel"]),
        "item": link(site, row["item"], _item_text(row)) if row["item"] else None,
        **_what(site, row, kind),
    }


def _what(site: Site, row: Row, kind: str | None) -> dict[str, Any]:
    """What a note says: the kind in words with its time and item number ("kom senere
    kl. 16.30 (punkt 2)"), whom a substitute stood in for, a guest's role."""
    words = KIND_LABELS.get(kind or "", "notat")
    if row["time"] is not None:
        words += f" kl. {clock(row['time'])}"
    if isinstance(row["noteItemNumber"], int):
        words += f" (punkt {row['noteItemNumber']})"
    return {
        "what": words,
        "substitute_for": link(site, row["substituteFor"], row["substituteForLabel"]),
        "role": row["role"],
    }


def committee_attendance(site: Site, iri: str) -> tuple[list[dict[str, Any]], str]:
    """Per member: meetings attended, meetings missed, and the rate."""
    ran = run(site.store(), "committee_attendance", {"committee": NamedNode(iri)})
    return [
        {
            "person": link(site, row["person"], row["personLabel"]),
            "attended": row["present"],
            "missed": row["absent"],
            "rate": rate(_int(row["present"]), _int(row["absent"])),
        }
        for row in first_rows(ran.rows, "person")
    ], ran.text


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


def meeting_notes(site: Site, iri: str) -> tuple[list[dict[str, Any]], str]:
    """The meeting's attendance notes beyond its attendance list and absences (which the
    meeting page shows already): the meeting's own first, then each item's, in text order."""
    ran = run(site.store(), "meeting_attendance", {"meeting": NamedNode(iri)})
    rows = first_rows(ran.rows, "note")
    rows.sort(key=lambda r: (_int(r["position"]), *_order(r["note"])))
    return [
        {
            "person": link(site, row["person"], row["personLabel"]),
            "item": link(site, row["item"], _item_text(row)) if row["item"] else None,
            **_what(site, row, _local(row["kind"])),
        }
        for row in rows
    ], ran.text
