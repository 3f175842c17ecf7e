"""The generic page: any resource without a page of its own kind, shown by its links.

The page shows the resource's name and types, what it says (outgoing: property -> value) and
what links to it (incoming: resource -> property), each list :data:`~web.pages.PER_PAGE` rows
to a page (``?side=2``). IRIs of the dataset link to their page on this server, other web
IRIs (``http``, ``https``) to themselves; literals are text, with their language or datatype.
Two more kinds of resource get a little more:

- the ontology (an ``owl:Ontology``, ``/def``): every term of it, each with an anchor, so that
  ``/def#Meeting`` lands on the class ``rg:Meeting``;
- a named graph that says nothing of itself (``graf/reference``): what it is, and a query that
  lists its triples.

The data comes from direct index lookups; :attr:`Page.queries` gives the SPARQL that returns
the same rows (``web/pages/page_queries/generic_*.rq``), openable in the query page.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, Any, Final

from pyoxigraph import Literal, NamedNode, Triple

from graph.terms import RDF_TYPE, RDFS_LABEL
from ontology.namespace import NS
from ontology.vocabularies import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD
from publishing.namespaces import compact
from web.pages import PER_PAGE, Page
from web.pages.page_sparql import bound_text, page_query, run
from web.pages.page_values import pagination
from web.rdf_views import incoming_triples, is_named_graph, subject_triples
from web.render import dato
from web.schema_org import thing

if TYPE_CHECKING:
    from graph.store import MinutesStore
    from web.site_readers import Site

TEMPLATE: Final = "pages/generic.html"
SKOS_PREF_LABEL: Final = NamedNode(SKOS.prefLabel)
LONG_TEXT: Final = 240  # characters from which a literal is shown as a block of text

# Danish names of the few properties of other vocabularies that the ontology does not label.
PROPERTY_NAMES: Final = {
    RDF.type: "type",
    RDFS.label: "navn",
    RDFS.comment: "beskrivelse",
    RDFS.subClassOf: "underklasse af",
    RDFS.subPropertyOf: "underegenskab af",
    RDFS.domain: "domæne",
    RDFS.range: "værdiområde",
    RDFS.isDefinedBy: "defineret af",
    RDFS.seeAlso: "se også",
    OWL.inverseOf: "omvendt af",
    OWL.equivalentClass: "samme klasse som",
    OWL.equivalentProperty: "samme egenskab som",
    OWL.sameAs: "samme som",
    SKOS.prefLabel: "foretrukken betegnelse",
    SKOS.altLabel: "alternativ betegnelse",
    SKOS.notation: "notation",
    SKOS.inScheme: "i begrebssystemet",
    SKOS.broader: "bredere begreb",
    SKOS.narrower: "snævrere begreb",
    SKOS.topConceptOf: "topbegreb i",
    SKOS.hasTopConcept: "har topbegrebet",
    SKOS.definition: "definition",
    PROV.wasGeneratedBy: "frembragt af",
    PROV.generatedAtTime: "frembragt",
    PROV.startedAtTime: "begyndt",
    PROV.endedAtTime: "afsluttet",
    DCTERMS.title: "titel",
    DCTERMS.source: "kilde",
}
CODE_VALUES: Final = frozenset({NS + "layout"})
"""Properties whose values are names the loader gives (its rules), shown as code."""
DATATYPE_NAMES: Final = {
    XSD.string: "",
    XSD.date: "dato",
    XSD.dateTime: "tidspunkt",
    XSD.time: "klokkeslæt",
    XSD.integer: "heltal",
    XSD.nonNegativeInteger: "heltal",
    XSD.decimal: "decimaltal",
    XSD.boolean: "sandhedsværdi",
    XSD.anyURI: "adresse",
}


def generic_page(site: Site, iri: str, number: int = 1) -> Page:
    """The generic page of ``iri``; page ``number`` of its outgoing and incoming links."""
    store = site.store()
    node = NamedNode(iri)
    own = subject_triples(store, iri)
    label = label_of(store, node, own) or _last_segment(iri)
    described = danish_first([t for t in own if t.predicate != RDF_TYPE])
    outgoing = sorted(
        (_outgoing_row(site, store, t) for t in described),
        key=lambda row: (row["property"]["text"], row["value"]["text"]),
    )
    start = (number - 1) * PER_PAGE
    incoming, incoming_total = _incoming(site, store, node, start)
    total = max(len(outgoing), incoming_total)
    types = [
        _resource(site, store, t.object) for t in own if t.predicate == RDF_TYPE
    ]  # fmt: skip
    data: dict[str, Any] = {
        "iri": iri,
        "label": label,
        "types": types,
        "outgoing": outgoing[start : start + PER_PAGE],
        "outgoing_total": len(outgoing),
        "incoming": incoming,
        "incoming_total": incoming_total,
        "pagination": pagination(number, total, PER_PAGE),
        "pages": _page_links(site.path_for_iri(iri) or "", number, total),
        "graph": not own and is_named_graph(store, iri),
        "terms": [],
    }
    bindings = {"ressource": node}
    queries = [
        bound_text(page_query("generic_outgoing"), bindings),
        bound_text(page_query("generic_incoming"), bindings),
    ]
    if data["graph"]:
        queries.append(bound_text(page_query("generic_graph"), {"graf": node}))
    if any(t.predicate == RDF_TYPE and t.object == NamedNode(OWL.Ontology) for t in own):
        terms = run(store, "ontology_terms", {"ontologi": node})
        data["terms"] = _terms(site, terms.rows)
        queries.append(terms.text)
    return Page(
        title=label,
        template=TEMPLATE,
        data=data,
        jsonld=_jsonld(iri, label, types),
        queries=tuple(queries),
    )


def label_of(store: MinutesStore, node: NamedNode, own: list[Triple] | None = None) -> str | None:
    """The name of a resource: its ``rdfs:label`` (Danish first), else ``skos:prefLabel``."""
    for predicate in (RDFS_LABEL, SKOS_PREF_LABEL):
        if own is not None:
            values = [t.object for t in own if t.predicate == predicate]
        else:
            values = [q.object for q in store.quads_matching(node, predicate, None)]
        literals = [v for v in values if isinstance(v, Literal)]
        if literals:
            return min(literals, key=_language_rank).value
    return None


def danish_first(triples: list[Triple]) -> list[Triple]:
    """``triples`` without the texts in other languages of a property that has a Danish one
    (the ontology's English comments beside its Danish ones)."""
    danish = {
        t.predicate
        for t in triples
        if isinstance(t.object, Literal) and (t.object.language or "").lower().startswith("da")
    }
    return [
        t
        for t in triples
        if t.predicate not in danish
        or not isinstance(t.object, Literal)
        or not t.object.language
        or t.object.language.lower().startswith("da")
    ]


def _language_rank(literal: Literal) -> tuple[int, str]:
    language = (literal.language or "").lower()
    rank = 0 if language.startswith("da") else 1 if not language else 2
    return rank, literal.value


def _last_segment(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1] or iri


def _property(site: Site, store: MinutesStore, predicate: NamedNode) -> dict[str, Any]:
    iri = predicate.value
    name = PROPERTY_NAMES.get(iri) or label_of(store, predicate) or compact(iri) or iri
    return {"text": name, "href": _href(site, iri), "iri": iri, "short": compact(iri) or iri}


def _resource(site: Site, store: MinutesStore, term: object) -> dict[str, Any]:
    """A value that is a resource (IRI or blank node): its name and where it links."""
    if isinstance(term, NamedNode):
        name = label_of(store, term) or compact(term.value) or term.value
        return {"text": name, "href": _href(site, term.value), "iri": term.value, "note": ""}
    return {"text": str(term), "href": None, "iri": None, "note": ""}


def _value(site: Site, store: MinutesStore, term: object) -> dict[str, Any]:
    if not isinstance(term, Literal):
        return {**_resource(site, store, term), "long": False}
    datatype = term.datatype.value
    text = dato(term.value) if datatype == XSD.date else term.value
    note = term.language or DATATYPE_NAMES.get(datatype, compact(datatype) or datatype)
    return {"text": text, "href": None, "iri": None, "note": note, "long": len(text) > LONG_TEXT}


def _outgoing_row(site: Site, store: MinutesStore, triple: Triple) -> dict[str, Any]:
    value = _value(site, store, triple.object)
    if triple.predicate.value in CODE_VALUES:
        value["code"] = True  # names of ours, not words
    return {"property": _property(site, store, triple.predicate), "value": value}


def _incoming(
    site: Site, store: MinutesStore, node: NamedNode, start: int
) -> tuple[list[dict[str, Any]], int]:
    """One page of what links to ``node``, in index order (by subject), and how many do."""
    rows: list[dict[str, Any]] = []
    total = 0
    for triple in incoming_triples(store, node):
        if start <= total < start + PER_PAGE:
            rows.append(
                {
                    "subject": _resource(site, store, triple.subject),
                    "property": _property(site, store, triple.predicate),
                }
            )
        total += 1
    return rows, total


def _href(site: Site, iri: str) -> str | None:
    """The page of a dataset IRI on this server; a web IRI as it is; nothing for others
    (a ``javascript:`` or ``data:`` IRI is a valid IRI, and must never become a link)."""
    local = site.path_for_iri(iri)
    if local is not None:
        return local
    return iri if iri.startswith(("http://", "https://")) else None


def _page_links(path: str, number: int, total: int) -> dict[str, str | None]:
    """Links to the previous and the next page (``?side=``) where there are such pages."""
    last = max(1, -(-total // PER_PAGE))
    return {
        "previous": (path if number == 2 else f"{path}?side={number - 1}") if number > 1 else None,
        "next": f"{path}?side={number + 1}" if number < last else None,
    }


def _terms(site: Site, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The ontology's terms, one entry each with all its types, by kind and name."""
    terms: list[dict[str, Any]] = []
    for iri, group in groupby(rows, key=lambda row: row["begreb"]):
        grouped = list(group)
        first = grouped[0]
        kinds = sorted({compact(str(r["type"])) or str(r["type"]) for r in grouped})
        terms.append(
            {
                "id": str(iri).rsplit("#", 1)[-1],
                "iri": iri,
                "href": site.path_for_iri(str(iri)),
                "label": first["navn"] or "",
                "comment": first["beskrivelse"] or "",
                "kinds": kinds,
                "is_class": "owl:Class" in kinds,
            }
        )
    return sorted(terms, key=lambda t: (not t["is_class"], t["id"].lower()))


def _jsonld(iri: str, label: str, types: list[dict[str, Any]]) -> dict[str, Any]:
    """schema.org's view of any resource: a ``Thing`` with a name, its classes as
    ``additionalType``."""
    found = thing("Thing", iri, label)
    found |= {"url": iri, "additionalType": [t["iri"] for t in types if t["iri"]]}
    return found
