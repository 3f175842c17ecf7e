"""The page of an agenda item: heading, meeting, committee and municipality, case numbers with
their KLE concept, the decision first (its words and its outcome in Danish, at the top), the
rest of the text by section with every mention marked and linked (the mark of
``<item>/omtale/N`` has the id ``omtale-N``, which the entity pages link to), attachments,
earlier treatments, absences, and where it all was read from.

Five queries, each starting from the item's IRI, are the page's data and are shown on it: the
item (``item_main``), its sections (``item_sections``), its other parts (``item_parts``), its
mentions (``item_mentions``, read from the item's source graph: on 1,000 minutes half the time
of the union graph) and the labels of what it mentions (``item_mentioned``). The first three
are read by direct lookups instead (:mod:`web.pages.item_facts`: the same rows, a test says,
in a third of the time), and the mentions and their labels from the side index when it read
the item's document from the same file as the store (the same rows, in a fraction of the
time). On 10,000 minutes the page took 14 ms of CPU with the five queries, 6 ms so.

A sixth, ``item_votes`` (:mod:`web.pages.vote_tables`), gives the vote table; it runs only when one
of
the item's decisions has a vote (a direct lookup each), and is shown either way.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from pyoxigraph import Literal, NamedNode

from graph.labels import item_label
from graph.terms import RG, term
from graph.uris import Minter
from web.browse_data import index_of
from web.pages import Page, register
from web.pages.highlight import Span, marked_text
from web.pages.item_facts import item_row, part_rows, section_rows
from web.pages.page_sparql import Row, bound_text, page_query, run
from web.pages.page_values import day, first_rows, iso, link, text_of, timestamp
from web.pages.vote_tables import item_votes
from web.schema_org import node, thing

if TYPE_CHECKING:
    from web.site_readers import Site

SHA256 = term(RG.sha256)
ITEM_QUERIES = ("item_main", "item_sections", "item_parts")
"""The queries whose rows :mod:`web.pages.item_facts` reads (the page shows them)."""


@register("AgendaItem")
def item_page(site: Site, iri: str, number: int = 1) -> Page | None:
    """The page of the agenda item ``iri`` (one page: ``number`` is not used)."""
    del number
    store, bound = site.store(), {"item": NamedNode(iri)}
    item = item_row(store, iri)  # the rows of the queries shown, by direct lookups
    if item is None:
        return None
    sections, parts = section_rows(store, iri), part_rows(store, iri)
    source = NamedNode(str(item["source"] or Minter.source(iri)))
    found, mention_queries = _item_mentions(site, iri, source)
    spans = _spans(site, found)
    title = text_of(item["title"])
    kinds: dict[str, list[Row]] = defaultdict(list)
    for row in first_rows(parts, "node"):
        kinds[str(row["kind"])].append(row)
    sections_by_node = {row["section"]: row for row in sections}
    decision_nodes = {row["node"] for row in kinds["beslutning"] + kinds["anden-beslutning"]}
    votes, votes_query = item_votes(site, iri, decision_nodes)  # where the minutes record any
    data: dict[str, Any] = {
        "iri": iri,
        "number": item["number"],
        "title": title,
        "heading": marked_text(title, spans.get(iri, [])),
        "closed": item["closed"] is True,
        "prefix": item["prefix"],
        "meeting": link(site, item["meeting"], item["meetingLabel"]),
        "date": day(item["date"]),
        "committee": link(site, item["committee"], item["committeeLabel"]),
        "municipality": link(site, item["municipality"], item["municipalityLabel"]),
        "cases": [_case(site, row) for row in kinds["sag"]],
        # the decision first, with its words: a section that is a decision shows at the top
        "sections": [
            _section(site, row, spans)
            for row in first_rows(sections, "section")
            # an empty section (a "Bilag" heading with nothing under it) is left out
            if row["section"] not in decision_nodes
            and (text_of(row["text"]).strip() or row["outcome"] is not None)
            # the attachments are listed under their own heading, not twice
            and not (kinds["bilag"] and text_of(row["label"]).casefold() == "bilag")
        ],
        "decisions": [
            _decision(site, row, spans, sections_by_node.get(row["node"]))
            for row in kinds["beslutning"] + kinds["anden-beslutning"]
        ],
        "attachments": [
            {"title": marked_text(text_of(row["label"]), spans.get(str(row["node"]), []))}
            for row in sorted(kinds["bilag"], key=lambda r: _int(r["position"]))
        ],
        "treatments": [_treatment(site, row, spans) for row in kinds["behandling"]],
        "absences": [
            {"person": link(site, row["other"], row["otherLabel"]), "reason": row["reason"]}
            for row in kinds["fravaer"]
        ],
        "mentioned": _mentioned(site, found),
        "provenance": _provenance(site, item),
        "votes": votes,
    }
    return Page(
        title=item_label(_number(item["number"]), title),
        template="pages/item.html",
        data=data,
        jsonld=_jsonld(iri, item, data),
        queries=(
            *(bound_text(page_query(name), bound) for name in ITEM_QUERIES),
            *mention_queries,
            votes_query,
        ),
    )


def _item_mentions(site: Site, iri: str, source: NamedNode) -> tuple[list[Row], tuple[str, str]]:
    """The item's mentions with their entities' labels, and the two queries that give them.

    From the side index when it read the item's document from the same file as the store
    (the sha256 of each agrees): a quarter of the page's time when they come from the store,
    which looks up each mention's five facts one by one. Else from the store, by the queries.
    """
    bound = {"item": NamedNode(iri)}
    mentions_query = bound_text(page_query("item_mentions"), {**bound, "source": source})
    mentioned_query = bound_text(page_query("item_mentioned"), bound)
    index = index_of(site)
    if index is not None and index.document_sha256(source.value) == _sha256(site, source):
        rows: list[Row] = [
            {
                "mention": m.mention,
                "node": m.node,
                "begin": m.begin,
                "end": m.end,
                "entity": m.entity,
                "entityLabel": m.entity_label,
            }
            for m in index.item_mentions(iri)
        ]
        return rows, (mentions_query, mentioned_query)
    store = site.store()
    mentions = run(store, "item_mentions", {**bound, "source": source})
    mentioned = run(store, "item_mentioned", bound)
    labels = {r["entity"]: r["entityLabel"] for r in first_rows(mentioned.rows, "entity")}
    found = [{**r, "entityLabel": labels.get(r["entity"])} for r in mentions.rows]
    return found, (mentions.text, mentioned.text)


def _sha256(site: Site, source: NamedNode) -> str | None:
    """The sha256 of the file the store read the document ``source`` from."""
    for quad in site.store().quads_matching(source, SHA256, None, source):
        if isinstance(quad.object, Literal):
            return quad.object.value
    return None


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


def _number(value: object) -> int | None:
    """An item's number; ``None`` for one printed without."""
    return value if isinstance(value, int) else None


def _spans(site: Site, rows: list[Row]) -> dict[str, list[Span]]:
    """The mentions of each text node, as spans linking to the mentioned entity's page."""
    spans: dict[str, list[Span]] = defaultdict(list)
    for row in first_rows(rows, "mention"):
        target = link(site, row["entity"], row["entityLabel"])
        begin, end = row["begin"], row["end"]
        if target is None or not isinstance(begin, int) or not isinstance(end, int):
            continue
        anchor = mention_anchor(str(row["mention"]))
        spans[str(row["node"])].append(Span(begin, end, target["href"], target["label"], anchor))
    return spans


def mention_anchor(mention: str) -> str | None:
    """The id of a mention's mark on its item's page: ``omtale-N`` for ``<item>/omtale/N``
    (the entity pages link to ``<item path>#omtale-N``).

    >>> mention_anchor("https://w3id.org/referatgraf/kommune/lejre/.../punkt/2/omtale/7")
    'omtale-7'
    >>> mention_anchor("https://example.org/x") is None
    True
    """
    head, _, number = mention.rpartition("/omtale/")
    return f"omtale-{number}" if head and number.isdigit() else None


def _case(site: Site, row: Row) -> dict[str, Any]:
    return {
        "number": row["label"],
        "kle_code": row["code"],
        "kle": link(site, row["other"], row["otherLabel"]),
    }


def _section(site: Site, row: Row, spans: dict[str, list[Span]]) -> dict[str, Any]:
    node = str(row["section"])
    return {
        "iri": node,
        "heading": text_of(row["heading"]) or text_of(row["label"]).capitalize(),
        "label": row["label"],
        "text": marked_text(text_of(row["text"]), spans.get(node, [])),
        "lines": _range(row["firstLine"], row["lastLine"]),
        "offsets": _range(row["beginOffset"], row["endOffset"]),
        "pdf_pages": _range(row["firstPdfPage"], row["lastPdfPage"]),
        "outcome": link(site, row["outcome"], row["outcomeLabel"]),
    }


def _decision(
    site: Site, row: Row, spans: dict[str, list[Span]], section: Row | None
) -> dict[str, Any]:
    """A decision with its words and outcome, shown at the top of the page; when it is also
    a section of the item's text, with that section's heading and place in the source (the
    section is then left out of the text below)."""
    node = str(row["node"])
    text = text_of(row["text"]) or (text_of(section["text"]) if section else "")
    return {
        "iri": node,
        "other": row["kind"] == "anden-beslutning",
        "heading": text_of(section["heading"]) if section else "",
        "text": marked_text(text, spans.get(node, [])),
        "outcome": link(site, row["outcome"], row["outcomeLabel"]),
        "date": day(row["date"]),
        "decided_by": link(site, row["other"], row["otherLabel"]),
        "lines": _range(section["firstLine"], section["lastLine"]) if section else None,
        "offsets": _range(section["beginOffset"], section["endOffset"]) if section else None,
        "pdf_pages": _range(section["firstPdfPage"], section["lastPdfPage"]) if section else None,
    }


def _treatment(site: Site, row: Row, spans: dict[str, list[Span]]) -> dict[str, Any]:
    node = str(row["node"])
    return {
        "label": row["label"],
        "committee": link(site, row["other"], row["otherLabel"]),
        "date": day(row["date"]),
        "text": marked_text(text_of(row["text"]), spans.get(node, [])),
    }


def _mentioned(site: Site, rows: list[Row]) -> list[dict[str, Any]]:
    """Each entity mentioned in the item, once, with how many times, in order of first mention."""
    counts: dict[str, int] = defaultdict(int)
    labels: dict[str, Any] = {}
    for row in first_rows(rows, "mention"):
        entity = str(row["entity"])
        counts[entity] += 1
        labels.setdefault(entity, row["entityLabel"])
    return [{"entity": link(site, e, labels[e]), "count": n} for e, n in counts.items()]


def _range(first: object, last: object) -> str | None:
    if not isinstance(first, int) or not isinstance(last, int):
        return None
    return str(first) if first == last else f"{first}–{last}"


def _provenance(site: Site, item: Row) -> dict[str, Any]:
    return {
        "source": link(site, item["source"], item["fileName"]),
        "file_name": item["fileName"],
        "lines": _range(item["firstLine"], item["lastLine"]),
        "offsets": _range(item["beginOffset"], item["endOffset"]),
        "pdf_pages": _range(item["firstPdfPage"], item["lastPdfPage"]),  # "7" or "7–8"
        "loaded_at": timestamp(item["loadedAt"]),
        "loaded_at_iso": iso(item["loadedAt"]),
        "run": link(site, item["run"], "indlæsningen"),
    }


def _jsonld(iri: str, item: Row, data: dict[str, Any]) -> dict[str, Any]:
    """schema.org: a CreativeWork, part of the meeting (an Event), about its KLE subjects."""
    found = thing("CreativeWork", iri, item_label(_number(item["number"]), data["title"]))
    found |= {
        "inLanguage": "da",
        "isPartOf": node("Event", item["meeting"], item["meetingLabel"]),
    }
    if data["title"]:
        found["headline"] = data["title"]
    if data["number"] is not None:
        found["position"] = data["number"]
    if item["date"] is not None:
        found["datePublished"] = iso(item["date"])
    if item["municipality"]:
        found["publisher"] = node(
            "GovernmentOrganization", item["municipality"], item["municipalityLabel"]
        )
    about = [{"@id": c["kle"]["iri"], "name": c["kle"]["label"]} for c in data["cases"] if c["kle"]]
    if about:
        found["about"] = about
    mentions = [
        {"@id": m["entity"]["iri"], "name": m["entity"]["label"]} for m in data["mentioned"]
    ]
    if mentions:
        found["mentions"] = mentions
    if data["closed"]:
        found["conditionsOfAccess"] = "Lukket punkt"
    return found
