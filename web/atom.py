"""Atom feeds: the new meetings of a municipality or a committee, and the new mentions of a
law, programme, organisation or person, so that a person or a portal can follow them.

A feed is named by its subject's IRI under the base: ``kommune/lejre`` has the feed
``kommune/lejre.atom`` (served at ``/feeds/kommune/lejre.atom``), ``program/klapjob`` has
``program/klapjob.atom``. A municipality's or committee's feed lists its meetings; any other
subject's feed lists the agenda items that mention it.

Entries have stable ids (the meeting's IRI; the item's IRI with the subject after ``#omtale-``),
``updated`` is when the source document was loaded and ``published`` the meeting date. Nothing
comes from the clock, so a feed changes only when the graph does: rendering it twice from the
same store gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from pyoxigraph import Literal, NamedNode

from graph.labels import item_label
from graph.store import MinutesStore
from graph.uris import Minter
from ontology.namespace import RG
from publishing.facts import load_times, solutions
from publishing.publication import LICENCE_NAME, PublishSettings

ATOM_MEDIA_TYPE = "application/atom+xml"
ATOM_NS = "http://www.w3.org/2005/Atom"  # an XML namespace (RFC 4287), not RDF
FEED_SUFFIX = ".atom"
MEETING_FEEDS = (RG.Municipality, RG.Committee)
FEED_ENTRIES = 50
CONTEXT = 280  # characters of a mention's sentence shown at most
EPOCH = "1970-01-01T00:00:00Z"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    title: str
    link: str
    updated: str
    published: str | None
    summary: str


def feed_path(iri: str, base: str) -> str | None:
    """The feed of a resource, relative to ``/feeds/``; ``None`` outside the base.

    >>> feed_path("https://w3id.org/referatgraf/program/klapjob", "https://w3id.org/referatgraf/")
    'program/klapjob.atom'
    """
    path = Minter(base).path_of(iri)
    return None if path is None else path + FEED_SUFFIX


def feed_subject(path: str, base: str) -> str | None:
    """The resource a feed path is about (the inverse of :func:`feed_path`)."""
    if not path.endswith(FEED_SUFFIX) or len(path) == len(FEED_SUFFIX):
        return None
    return Minter(base).at(path.removesuffix(FEED_SUFFIX))


def feed_index(store: MinutesStore, base: str) -> list[tuple[str, str, str]]:
    """(IRI, label, feed path) of every municipality and committee with meetings."""
    found = []
    for row in solutions(store, "feed_index"):
        scope = row["scope"]
        path = feed_path(scope.value, base) if isinstance(scope, NamedNode) else None
        if path is not None:
            found.append((scope.value, _value(row["label"]) or scope.value, path))
    return found


Documents = Mapping[str, tuple[dt.datetime, str]]
"""Source graph IRI -> (when it was loaded, its meeting's ISO date or "")."""


def document_times(store: MinutesStore) -> dict[str, tuple[dt.datetime, str]]:
    """When each source document was loaded, and its meeting's date: what feeds order by.
    One query for the whole store; a server keeps the answer (:func:`render_feed` takes it)."""
    found: dict[str, tuple[dt.datetime, str]] = {}
    for row in solutions(store, "feed_documents"):
        graph = row["graph"]
        if isinstance(graph, NamedNode):
            found[graph.value] = (_moment(row["loaded"]), _value(row["date"])[:10])
    return found


def render_feed(
    store: MinutesStore,
    subject: str,
    base: str,
    settings: PublishSettings,
    documents: Documents | None = None,
    *,
    pages: str | None = None,
) -> bytes | None:
    """The Atom feed of ``subject``, or ``None`` when the store knows nothing of it. Its
    links name the IRIs themselves, or with ``pages`` (a server's URL) the pages where they
    dereference there: ``pages`` followed by the IRI's path under ``base``. Ids stay IRIs."""
    path = feed_path(subject, base)
    node = NamedNode(subject)
    types, label = _describe(store, node)
    if path is None or (not types and label is None):
        return None
    times = document_times(store) if documents is None else documents
    name = label or subject

    def page(iri: str) -> str:
        return pages + iri[len(base) :] if pages is not None and iri.startswith(base) else iri

    if types & set(MEETING_FEEDS):
        entries = list(_meeting_entries(store, node, times))
        title = f"{name}: nye møder"
        subtitle = f"Nye referater fra {name} i referatgraf."
    else:
        subject_path = path.removesuffix(FEED_SUFFIX)
        entries = list(_mention_entries(store, node, subject_path, times))
        title = f"Omtaler af {name}"
        subtitle = f"Dagsordenspunkter i kommunale udvalg, der omtaler {name}."
    updated = max((e.updated for e in entries), default=None) or _fallback(store)
    head = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="{ATOM_NS}" xml:lang="da">',
        f"  <id>{_text(Minter(base).feed(path))}</id>",
        f"  <title>{_text(title)}</title>",
        f"  <subtitle>{_text(subtitle)}</subtitle>",
        f"  <updated>{updated}</updated>",
        f'  <link rel="self" type="{ATOM_MEDIA_TYPE}" href={_attr(settings.feed_url(path))}/>',
        f'  <link rel="alternate" href={_attr(page(subject))}/>',
        f"  <author><name>{_text(settings.publisher)}</name>"
        f"<email>{_text(settings.contact_email)}</email></author>",
        '  <generator uri="https://w3id.org/referatgraf/">referatgraf</generator>',
        f"  <rights>{_text(LICENCE_NAME)}</rights>",
    ]
    body = [line for entry in entries for line in _entry(entry, page(entry.link))]
    return "\n".join([*head, *body, "</feed>", ""]).encode()


def newest(found: Iterable[tuple[str, str]], documents: Documents) -> list[tuple[str, str]]:
    """The :data:`FEED_ENTRIES` newest (resource, graph) pairs: latest loaded first, then
    latest meeting, then by IRI."""
    known = [(iri, graph) for iri, graph in found if graph in documents]
    known.sort()
    known.sort(key=lambda pair: documents[pair[1]], reverse=True)
    return known[:FEED_ENTRIES]


def _describe(store: MinutesStore, node: NamedNode) -> tuple[set[str], str | None]:
    types: set[str] = set()
    labels: list[tuple[bool, str]] = []
    for row in solutions(store, "feed_subject", subject=node):
        if isinstance(row["type"], NamedNode):
            types.add(row["type"].value)
        label = row["label"]
        if isinstance(label, Literal):
            labels.append((label.language != "da", label.value))
    return types, min(labels)[1] if labels else None


def _meeting_entries(
    store: MinutesStore, scope: NamedNode, documents: Documents
) -> Iterable[Entry]:
    found = _pairs(solutions(store, "feed_meetings", scope=scope), "meeting")
    for meeting, graph in newest(found, documents):
        node = NamedNode(meeting)
        labels = sorted(
            _value(row["label"]) for row in solutions(store, "feed_meeting", meeting=node)
        )
        agenda = [
            f"{_value(item['number'])}. {_value(item['title'])}".rstrip()
            if _value(item["number"])
            else _value(item["title"]) or "punkt uden nummer"
            for item in solutions(store, "feed_items", meeting=node)
        ]
        loaded, day = documents[graph]
        yield Entry(
            id=meeting,
            title=labels[0] if labels else meeting,
            link=meeting,
            updated=_format(loaded),
            published=_day(day),
            summary="Dagsorden: " + "; ".join(agenda) if agenda else "",
        )


def _mention_entries(
    store: MinutesStore, entity: NamedNode, entity_path: str, documents: Documents
) -> Iterable[Entry]:
    found = _pairs(solutions(store, "feed_mentions", entity=entity), "item")
    for item, graph in newest(found, documents):
        node = NamedNode(item)
        rows = list(solutions(store, "feed_item", item=node))
        title = min((_value(r["title"]) for r in rows), default="")
        if not title:  # an item printed without a title: "Punkt 4", "Punkt uden nummer"
            numbers = sorted(int(_value(r["number"])) for r in rows if _value(r["number"]))
            title = item_label(numbers[0] if numbers else None, "")
        municipality = min((_value(r["municipality"]) for r in rows), default="")
        committee = min((_value(r["committee"]) for r in rows), default="")
        loaded, day = documents[graph]
        where = " – ".join(v for v in (municipality, committee) if v)
        context = next(
            iter(solutions(store, "feed_mention_context", item=node, entity=entity)), None
        )
        summary = ""
        if context is not None:
            text = _value(context["text"])
            begin, end = int(_value(context["begin"]) or 0), int(_value(context["end"]) or 0)
            summary = sentence_around(text, begin, end)
        yield Entry(
            id=Minter.mention_entry(item, entity_path),
            title=f"{municipality}: {title}" if municipality else title,
            link=item,
            updated=_format(loaded),
            published=_day(day),
            summary=f"{', '.join(v for v in (where, day) if v)}: {summary}" if where else summary,
        )


def _pairs(rows: Iterable[Any], name: str) -> list[tuple[str, str]]:
    found = []
    for row in rows:
        resource, graph = row[name], row["graph"]
        if isinstance(resource, NamedNode) and isinstance(graph, NamedNode):
            found.append((resource.value, graph.value))
    return found


def sentence_around(text: str, begin: int, end: int, limit: int = CONTEXT) -> str:
    """The sentence of ``text`` that holds ``text[begin:end]`` (code points), cut to about
    ``limit`` characters around it.

    >>> sentence_around("Første. Vi bruger KLAPjob her. Sidste.", 18, 25)
    'Vi bruger KLAPjob her.'
    """
    start = 0
    for found in _SENTENCE_END.finditer(text, 0, begin):
        start = found.end()
    stop = _SENTENCE_END.search(text, end)
    finish = stop.end() if stop is not None else len(text)
    sentence = " ".join(text[start:finish].split())
    if len(sentence) <= limit:
        return sentence
    anchor = " ".join(text[start:begin].split())
    left = max(0, len(anchor) - limit // 2)
    cut = sentence[left : left + limit]
    return ("…" if left else "") + cut + ("…" if left + limit < len(sentence) else "")


def _entry(entry: Entry, link: str) -> list[str]:
    lines = [
        "  <entry>",
        f"    <id>{_text(entry.id)}</id>",
        f"    <title>{_text(entry.title)}</title>",
        f'    <link rel="alternate" href={_attr(link)}/>',
        f"    <updated>{entry.updated}</updated>",
    ]
    if entry.published:
        lines.append(f"    <published>{entry.published}</published>")
    if entry.summary:
        lines.append(f"    <summary>{_text(entry.summary)}</summary>")
    lines.append("  </entry>")
    return lines


def _fallback(store: MinutesStore) -> str:
    """``updated`` of a feed without entries: when the data was first loaded."""
    times = load_times(store)
    return _format(times.first) if times is not None else EPOCH


def _value(term: object) -> str:
    return term.value if isinstance(term, Literal | NamedNode) else ""


def _moment(term: object) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(_value(term).replace("Z", "+00:00"))
    except ValueError:
        return dt.datetime.fromtimestamp(0, dt.UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _format(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _day(value: str) -> str | None:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return None
    return f"{day.isoformat()}T00:00:00Z"


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _attr(value: str) -> str:
    return quoteattr(_NOT_XML.sub("", value))
