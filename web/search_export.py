"""The results of ``/soeg`` as files: ``format=csv`` and ``format=json`` (every result, up to
:data:`EXPORT_LIMIT` agenda items, in the page's order: the names found first, then the
items), and ``format=atom`` (a feed of the newest :data:`FEED_ENTRIES` items that match,
newest meeting first, so that a reader can follow a search).

Rows are flat, with Danish column names (the same in CSV and JSON): ``type`` (``dagsordenspunkt``
or the kind of name: ``lov``, ``program`` ...), ``titel``, ``dato`` (ISO), ``kommune``,
``udvalg``, ``moede``, ``udfald`` (the decisions' outcomes, ``; ``-separated), ``omtaler``
(for names: how often mentioned), ``uddrag`` (the passage that matched), ``adresse`` (its page on
this server) and ``iri``. Links are made with the request's origin, so they work wherever the
server runs. Nothing comes from the clock: the same index gives the same bytes.

>>> csv_text([{"type": "lov", "titel": 'Lov "om" x', "iri": "i"}]).splitlines()[1]
'lov,"Lov ""om"" x",,,,,,,,,i'
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Final
from xml.sax.saxutils import escape as _escape
from xml.sax.saxutils import quoteattr as _quoteattr

from graph.labels import item_label
from web.atom import ATOM_NS
from web.browse_data import KIND_NAMES, href
from web.search_page import run_search

if TYPE_CHECKING:
    from searchindex import SiteIndex
    from searchindex.records import SearchResult
    from web.search_params import SearchParams
    from web.site_readers import Site

EXPORT_LIMIT: Final = 5000
FEED_ENTRIES: Final = 50
COLUMNS: Final = (
    "type", "titel", "dato", "kommune", "udvalg", "moede", "udfald", "omtaler", "uddrag",
    "adresse", "iri",
)  # fmt: skip
MEDIA_TYPES: Final = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "atom": "application/atom+xml; charset=utf-8",
}
EPOCH: Final = "1970-01-01T00:00:00Z"
_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def export_rows(
    site: Site, index: SiteIndex, params: SearchParams, origin: str
) -> tuple[list[dict[str, Any]], int, bool]:
    """Every result of ``params`` as rows (names first), how many there are, and whether the
    rows stop short of them (at :data:`EXPORT_LIMIT` items)."""
    whole = replace(params, page=1)
    result = run_search(site, index, whole, EXPORT_LIMIT)
    rows = [
        {
            "type": KIND_NAMES.get(e.kind, e.kind.lower()),
            "titel": e.label,
            "omtaler": e.mentions,
            "adresse": origin + href(site, e.iri),
            "iri": e.iri,
        }
        for e in result.entities
    ]
    rows += _item_rows(site, result, origin)
    total = result.total + result.entity_total
    return [{c: row.get(c, "") for c in COLUMNS} for row in rows], total, len(rows) < total


def _item_rows(site: Site, result: SearchResult, origin: str) -> list[dict[str, Any]]:
    rows = []
    for meeting in result.meetings:
        for item in meeting.items:
            rows.append(
                {
                    "type": "dagsordenspunkt",
                    "titel": item_label(item.number, item.title),
                    "dato": meeting.date or "",
                    "kommune": meeting.municipality_label,
                    "udvalg": meeting.committee_label or "",
                    "moede": meeting.label,
                    "udfald": "; ".join(label for _, label in item.outcomes),
                    "uddrag": "".join(text for text, _ in item.snippet),
                    "adresse": origin + href(site, item.iri),
                    "iri": item.iri,
                }
            )
    return rows


def csv_text(rows: list[dict[str, Any]], columns: tuple[str, ...] = COLUMNS) -> str:
    """The rows as CSV (RFC 4180: comma-separated, CRLF line ends), with a header row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def json_text(
    params: SearchParams, rows: list[dict[str, Any]], total: int, *, cut: bool, origin: str
) -> str:
    """The rows as a JSON object: the search, how many results in all, and the rows."""
    body = {
        "soegning": params.values() | {"format": "json"},
        "adresse": origin + params.href(),
        "antal": total,
        "afkortet": cut,
        "resultater": rows,
    }
    return json.dumps(body, ensure_ascii=False, indent=1)


def atom_text(site: Site, index: SiteIndex, params: SearchParams, origin: str) -> str:
    """The newest items that match as an Atom feed (RFC 4287)."""
    newest = replace(params, order="dato", page=1, kind="punkter")
    result = run_search(site, index, newest, FEED_ENTRIES)
    rows = _item_rows(site, result, origin)
    updated = max((f"{r['dato']}T00:00:00Z" for r in rows if r["dato"]), default=EPOCH)
    page = origin + params.href()
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="{ATOM_NS}" xml:lang="da">',
        f"  <id>{escape(page)}</id>",
        f"  <title>{escape(f'Søgning i referatgraf: {params.q}')}</title>",
        f'  <link rel="alternate" type="text/html" href={quoteattr(page)}/>',
        f'  <link rel="self" href={quoteattr(origin + params.href(format="atom"))}/>',
        f"  <updated>{updated}</updated>",
        "  <author><name>referatgraf</name></author>",
    ]
    for row in rows:
        summary = row["uddrag"] + (f" Udfald: {row['udfald']}." if row["udfald"] else "")
        when = f"{row['dato']}T00:00:00Z" if row["dato"] else EPOCH
        lines += [
            "  <entry>",
            f"    <id>{escape(row['iri'])}</id>",
            f"    <title>{escape(row['titel'] + ' · ' + row['moede'])}</title>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(row["adresse"])}/>',
            f"    <updated>{when}</updated>",
            f"    <summary>{escape(summary)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def escape(text: str) -> str:
    """Text as XML character data, without the characters XML cannot hold."""
    return _escape(_NOT_XML.sub("", text))


def quoteattr(text: str) -> str:
    return _quoteattr(_NOT_XML.sub("", text))
