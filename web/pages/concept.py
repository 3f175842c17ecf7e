"""The page of a concept: a subject of KL's journal plan (KLE, under ``<base>kle/``) or a decision
outcome (``def/outcome/...``). Both are ``skos:Concept``; their ``skos:inScheme`` tells them
apart, and a concept of any other scheme is left to the generic page.

- KLE subject: notation, title, the chain of broader subjects, the narrower ones, and the agenda
  items filed under it (``rg:kle``, from their case numbers), newest meeting first;
- decision outcome: label, definition, the other outcomes, and the decisions with this outcome,
  newest meeting first.

The lists and their totals come from the side index (``site.index()``: thousands of decisions
are "godkendt", and sorting them in the store took 0.6 s a page on 2,000 minutes); the store is
read only for the concept's own triples. ``Page.queries`` holds the SPARQL that gives the same
page of the list and the same totals, with the concept bound by ``VALUES``; without an index the
page runs that SPARQL itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pyoxigraph import Literal, NamedNode

from graph.labels import counted, danish_date, danish_number, item_label
from graph.terms import RG
from graph.uris import Minter
from loaders.reference.entry_model import KleConcept
from ontology.vocabularies import RDFS, SKOS
from searchindex import ConceptRow
from searchindex.documents import decision_snippet
from web.pages import PER_PAGE, Page, register
from web.pages.entity_facts import (
    Props,
    first,
    label_of,
    props_of,
    types_of,
)
from web.pages.page_sparql import bound_text, page_query, run
from web.pages.page_values import pagination
from web.schema_org import CONTEXT

if TYPE_CHECKING:
    from web.site_readers import Site

TEMPLATE = "pages/concept.html"
SKOS_CONCEPT = SKOS.Concept


@register("Concept")
def concept_page(site: Site, iri: str, number: int) -> Page | None:
    """The page of a KLE subject or a decision outcome; ``None`` for other concepts."""
    store = site.store()
    props = props_of(store, iri)
    if SKOS_CONCEPT not in types_of(props):
        return None
    schemes = {v.value for v in props.get(SKOS.inScheme, ())}
    number = max(number, 1)
    if RG.outcomes in schemes:
        return _outcome_page(site, iri, props, number)
    if Minter(site.base).kle_scheme() in schemes:
        return _kle_page(site, iri, props, number)
    return None


def _labels(props: Props, iri: str) -> tuple[str, str]:
    """The concept's Danish preferred label and its ``rdfs:label``."""
    label = first(props, RDFS.label) or iri.rsplit("/", 1)[-1]
    return first(props, SKOS.prefLabel) or label, label


def _link(site: Site, iri: str, label: str | None = None) -> dict[str, str]:
    name = label if label is not None else label_of(site.store(), iri)
    return {"iri": iri, "label": name, "href": site.path_for_iri(iri) or iri}


def _kle_page(site: Site, iri: str, props: Props, number: int) -> Page:
    store = site.store()
    _, label = _labels(props, iri)
    title = first(props, SKOS.prefLabel)
    notation = first(props, SKOS.notation) or iri.rsplit("/", 1)[-1]
    concept = KleConcept(notation=notation, source="")
    chain: list[dict[str, str]] = []
    broader = first(props, SKOS.broader)
    while broader and len(chain) < 5:
        chain.insert(0, _link(site, broader))
        broader = first(props_of(store, broader), SKOS.broader)
    below = store.quads_matching(None, NamedNode(SKOS.broader), NamedNode(iri))
    narrower_iris = sorted({q.subject.value for q in below if isinstance(q.subject, NamedNode)})
    listed = _listed(site, iri, number, outcome=False)
    data: dict[str, Any] = {
        "kind": "kle",
        "label": label,
        "title": title,
        "notation": notation,
        "level": concept.level,
        "note": first(props, SKOS.scopeNote),
        "kle_online": concept.url,
        "broader": chain,
        "narrower": [_link(site, n) for n in narrower_iris],
        **listed.data,
    }
    scheme = {
        "@id": Minter(site.base).kle_scheme(),
        "@type": "DefinedTermSet",
        "name": "KL's journalplan (KLE)",
    }
    return Page(
        title=label,
        template=TEMPLATE,
        data=data,
        jsonld=_defined_term(iri, label, notation, scheme),
        queries=(*listed.queries, *_queries(iri, ("concept_narrower",))),
    )


def _outcome_page(site: Site, iri: str, props: Props, number: int) -> Page:
    store = site.store()
    title, _ = _labels(props, iri)
    comments = props.get(RDFS.comment, [])
    danish = [v.value for v in comments if isinstance(v, Literal) and v.language == "da"]
    others = sorted(
        (
            _link(site, q.subject.value, _labels(props_of(store, q.subject.value), "")[0])
            for q in store.quads_matching(None, NamedNode(SKOS.inScheme), NamedNode(RG.outcomes))
            if isinstance(q.subject, NamedNode) and q.subject.value != iri
        ),
        key=lambda link: link["label"],
    )
    listed = _listed(site, iri, number, outcome=True)
    data: dict[str, Any] = {
        "kind": "outcome",
        "label": title,
        "title": title,
        "notation": first(props, SKOS.notation),
        "definition": danish[0] if danish else None,
        "others": others,
        **listed.data,
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
        queries=listed.queries,
    )


def _defined_term(
    iri: str, name: str | None, notation: str | None, scheme: dict[str, str]
) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@context": CONTEXT,
        "@id": iri,
        "@type": "DefinedTerm",
        "name": name or notation or iri,
        "inDefinedTermSet": scheme,
        "inLanguage": "da",
    }
    if notation:
        node["termCode"] = notation
    return node


@dataclass(frozen=True, slots=True)
class _Listed:
    data: dict[str, Any]  # rows, totals, paging
    queries: tuple[str, ...]  # this page of the list, the totals


def _listed(site: Site, iri: str, number: int, *, outcome: bool) -> _Listed:
    """One page of the concept's list with its totals: from the side index, or (without one)
    from the SPARQL the page shows."""
    names = ("concept_outcome_decisions", "concept_outcome_totals") if outcome else (
        "concept_kle_items", "concept_kle_totals",
    )  # fmt: skip
    bound = {"concept": NamedNode(iri)}
    offset = (number - 1) * PER_PAGE
    index = site.index()
    if index is not None:
        found = index.concept_totals(iri)
        total, items, places = found.rows, found.items, found.municipalities
        rows = [_index_row(site, row) for row in index.concept_items(iri, offset, PER_PAGE)]
        texts = (
            bound_text(_paged(page_query(names[0]), offset), bound),
            bound_text(page_query(names[1]), bound),
        )
    else:
        page = run(site.store(), names[0], bound, limit=PER_PAGE, offset=offset)
        totals = run(site.store(), names[1], bound).rows
        counts = totals[0] if totals else {}
        total = _int(counts.get("beslutninger" if outcome else "punkter"))
        items, places = _int(counts.get("punkter")), _int(counts.get("kommuner"))
        rows = [_sparql_row(site, iri, row) for row in page.rows]
        texts = (page.text, bound_text(page_query(names[1]), bound))
    paging = pagination(number, total, PER_PAGE)
    noun = ("beslutning", "beslutninger") if outcome else ("dagsordenspunkt", "dagsordenspunkter")
    text = counted(total, *noun)
    if outcome and total:
        text += f" i {counted(items, 'dagsordenspunkt', 'dagsordenspunkter')}"
    if total:
        text += f" fra {counted(places, 'kommune', 'kommuner')}"
    data = {
        "rows": rows,
        "totals": {
            "rows": total,
            "items": items,
            "municipalities": places,
            "shown": danish_number(total),  # "1.234", for the pager
            "text": text + ".",
        },
        "paging": paging,
        "previous": f"?side={number - 1}" if number > 1 else None,
        "next": f"?side={number + 1}" if number < paging["pages"] else None,
    }
    return _Listed(data, texts)


def _paged(query: str, offset: int) -> str:
    return f"{query.rstrip()}\nLIMIT {PER_PAGE} OFFSET {offset}\n"


def _text(value: object) -> str | None:
    return str(value) if value is not None else None


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


def _queries(iri: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """The page's other SPARQL, with the concept bound: the list with every detail shown."""
    return tuple(bound_text(page_query(name), {"concept": NamedNode(iri)}) for name in names)


def _index_row(site: Site, row: ConceptRow) -> dict[str, Any]:
    """An agenda item of the list (with its decision's text, on an outcome's page)."""
    title, number = row.item_title, row.item_number
    return {
        "item": _link(site, row.item, item_label(number, title)),
        "date": danish_date(dt.date.fromisoformat(row.date)) if row.date else None,
        "date_iso": row.date,
        "municipality": _link(site, row.municipality, row.municipality_label),
        "committee": _link(site, row.committee, row.committee_label) if row.committee else None,
        "meeting": {"iri": row.meeting, "href": site.path_for_iri(row.meeting) or row.meeting},
        "decision": row.decision_text,
    }


def _sparql_row(site: Site, iri: str, row: dict[str, Any]) -> dict[str, Any]:
    """A row of the list's SPARQL, as the index would have it."""
    date, text, decision = row.get("dato"), row.get("tekst"), row.get("beslutning")
    found = ConceptRow(
        iri, str(row["punkt"]), nr if isinstance(nr := row.get("nr"), int) else None,
        str(row.get("titel") or ""),
        str(decision) if decision else None,
        decision_snippet(text) if isinstance(text, str) else None, str(row["moede"]),
        date.isoformat() if isinstance(date, dt.date) else None, str(row["kommune"]),
        str(row["kommunenavn"]), _text(row.get("udvalg")), _text(row.get("udvalgsnavn")),
    )  # fmt: skip
    return _index_row(site, found)
