"""The page of a concept: a subject of KL's journal plan (KLE, under ``<base>kle/``) or a decision
outcome (``def/outcome/...``). Both are ``skos:Concept``; their ``skos:inScheme`` tells them
apart, and a concept of any other scheme is left to the generic page.

- KLE subject: notation, title, the chain of broader subjects, the narrower ones, and the agenda
  items filed under it (``rg:kle``, from their case numbers), newest meeting first;
- decision outcome: label, definition, the other outcomes, and the decisions with this outcome,
  newest meeting first.

The lists are SPARQL from ``queries/`` with the concept bound by ``VALUES`` (a ``substitutions=``
binding is joined last, after every item of the store), paged with LIMIT/OFFSET: one query for
the page's IRIs and dates, then a pattern lookup per row for its details.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from pyoxigraph import Literal, NamedNode, QuerySolutions

from graph.labels import danish_date
from graph.terms import RG
from loaders.reference.model import KleConcept
from web.pages import PER_PAGE, Page, register
from web.pages.entity_facts import (
    RDFS_LABEL,
    SKOS,
    Props,
    first,
    label_of,
    props_of,
    types_of,
)
from web.pages.page_sparql import bound_text, page_query, python_value

if TYPE_CHECKING:
    from graph.store import MinutesStore
    from web.site import Site

TEMPLATE = "pages/concept.html"
SKOS_CONCEPT = SKOS + "Concept"
SNIPPET = 240  # characters of a decision's text shown in the list


@register("Concept")
def concept_page(site: Site, iri: str, number: int) -> Page | None:
    """The page of a KLE subject or a decision outcome; ``None`` for other concepts."""
    store = site.store()
    props = props_of(store, iri)
    if SKOS_CONCEPT not in types_of(props):
        return None
    schemes = {v.value for v in props.get(SKOS + "inScheme", ())}
    number = max(number, 1)
    if RG.outcomes in schemes:
        return _outcome_page(site, iri, props, number)
    if site.base + "kle" in schemes:
        return _kle_page(site, iri, props, number)
    return None


def _labels(props: Props, iri: str) -> tuple[str, str]:
    """The concept's Danish preferred label and its ``rdfs:label``."""
    label = first(props, RDFS_LABEL) or iri.rsplit("/", 1)[-1]
    return first(props, SKOS + "prefLabel") or label, label


def _link(site: Site, iri: str, label: str | None = None) -> dict[str, str]:
    name = label if label is not None else label_of(site.store(), iri)
    return {"iri": iri, "label": name, "href": site.path_for_iri(iri) or iri}


def _kle_page(site: Site, iri: str, props: Props, number: int) -> Page:
    store = site.store()
    _, label = _labels(props, iri)
    title = first(props, SKOS + "prefLabel")
    notation = first(props, SKOS + "notation") or iri.rsplit("/", 1)[-1]
    concept = KleConcept(notation=notation, source="")
    chain: list[dict[str, str]] = []
    broader = first(props, SKOS + "broader")
    while broader and len(chain) < 5:
        chain.insert(0, _link(site, broader))
        broader = first(props_of(store, broader), SKOS + "broader")
    below = store.quads_matching(None, NamedNode(SKOS + "broader"), NamedNode(iri))
    narrower_iris = sorted({q.subject.value for q in below if isinstance(q.subject, NamedNode)})
    items, more, text = _page_rows(store, "concept_kle_page", iri, number)
    data: dict[str, Any] = {
        "kind": "kle",
        "label": label,
        "title": title,
        "notation": notation,
        "level": concept.level,
        "note": first(props, SKOS + "scopeNote"),
        "kle_online": concept.url,
        "broader": chain,
        "narrower": [_link(site, n) for n in narrower_iris],
        "rows": [_item_row(site, row) for row in items],
        **_paging(number, more, len(items)),
    }
    scheme = {"@id": site.base + "kle", "@type": "DefinedTermSet", "name": "KL's journalplan (KLE)"}
    return Page(
        title=label,
        template=TEMPLATE,
        data=data,
        jsonld=_defined_term(iri, label, notation, scheme),
        queries=(text, *_queries(iri, ("concept_kle_items", "concept_narrower"))),
    )


def _outcome_page(site: Site, iri: str, props: Props, number: int) -> Page:
    store = site.store()
    title, _ = _labels(props, iri)
    comments = props.get("http://www.w3.org/2000/01/rdf-schema#comment", [])
    danish = [v.value for v in comments if isinstance(v, Literal) and v.language == "da"]
    others = sorted(
        (
            _link(site, q.subject.value, _labels(props_of(store, q.subject.value), "")[0])
            for q in store.quads_matching(
                None, NamedNode(SKOS + "inScheme"), NamedNode(RG.outcomes)
            )
            if isinstance(q.subject, NamedNode) and q.subject.value != iri
        ),
        key=lambda link: link["label"],
    )
    decisions, more, text = _page_rows(store, "concept_outcome_page", iri, number)
    data: dict[str, Any] = {
        "kind": "outcome",
        "label": title,
        "title": title,
        "notation": first(props, SKOS + "notation"),
        "definition": danish[0] if danish else None,
        "others": others,
        "rows": [_decision_row(site, row) for row in decisions],
        **_paging(number, more, len(decisions)),
    }
    scheme = {"@id": RG.outcomes, "@type": "DefinedTermSet", "name": "Beslutningsudfald"}
    jsonld = _defined_term(iri, title, data["notation"], scheme)
    if data["definition"]:
        jsonld["description"] = data["definition"]
    return Page(
        title=f"Udfald: {title}",
        template=TEMPLATE,
        data=data,
        jsonld=jsonld,
        queries=(text, *_queries(iri, ("concept_outcome_decisions",))),
    )


def _defined_term(
    iri: str, name: str | None, notation: str | None, scheme: dict[str, str]
) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@id": iri,
        "@type": "DefinedTerm",
        "name": name or notation or iri,
        "inDefinedTermSet": scheme,
        "inLanguage": "da",
    }
    if notation:
        node["termCode"] = notation
    return node


def _page_rows(
    store: MinutesStore, name: str, iri: str, number: int
) -> tuple[list[dict[str, Any]], bool, str]:
    """One page of a list: its rows, whether a next page exists, and the query text (with
    the concept bound by VALUES, and the page's LIMIT/OFFSET)."""
    text = bound_text(page_query(name), {"concept": NamedNode(iri)})
    text = f"{text.rstrip()}\nLIMIT {PER_PAGE + 1} OFFSET {(number - 1) * PER_PAGE}\n"
    result = store.query(text)
    assert isinstance(result, QuerySolutions)
    names = [variable.value for variable in result.variables]
    rows = [{n: python_value(solution[n]) for n in names} for solution in result]
    return rows[:PER_PAGE], len(rows) > PER_PAGE, text


def _paging(number: int, more: bool, shown: int) -> dict[str, Any]:
    first_row = (number - 1) * PER_PAGE + 1 if shown else 0
    return {
        "paging": {"page": number, "first": first_row, "last": first_row + shown - 1},
        "previous": f"?side={number - 1}" if number > 1 else None,
        "next": f"?side={number + 1}" if more else None,
    }


def _queries(iri: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """The page's other SPARQL, with the concept bound: the list with every detail shown."""
    return tuple(bound_text(page_query(name), {"concept": NamedNode(iri)}) for name in names)


def _item_row(site: Site, row: dict[str, Any]) -> dict[str, Any]:
    """An agenda item of the page with its meeting, municipality and committee, by lookups."""
    return _item_details(site, str(row["punkt"]), row.get("dato"))


def _decision_row(site: Site, row: dict[str, Any]) -> dict[str, Any]:
    found = _item_details(site, str(row["punkt"]), row.get("dato"))
    text = first(props_of(site.store(), str(row["beslutning"])), RG.text) or ""
    text = " ".join(text.split())
    found["decision"] = text if len(text) <= SNIPPET else text[: SNIPPET - 1].rstrip() + "…"
    return found


def _item_details(site: Site, item: str, date: object) -> dict[str, Any]:
    store = site.store()
    props = props_of(store, item)
    number, title = first(props, RG.number), first(props, RG.title)
    meeting = first(props, RG.meeting)
    meeting_props = props_of(store, meeting) if meeting else {}
    municipality = first(meeting_props, RG.municipality)
    committee = first(meeting_props, RG.committee)
    label = f"Punkt {number}: {title}" if title else f"Punkt {number or '?'}"
    return {
        "item": _link(site, item, label),
        "date": danish_date(date) if isinstance(date, dt.date) else None,
        "date_iso": date.isoformat() if isinstance(date, dt.date) else None,
        "municipality": _link(site, municipality) if municipality else None,
        "committee": _link(site, committee) if committee else None,
        "meeting": _link(site, meeting) if meeting else None,
    }
