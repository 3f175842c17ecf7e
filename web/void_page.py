"""The VoID description for a person: ``/.well-known/void`` in a browser shows the dataset's
size, where to download and query it, and how many things of each kind it holds, in Danish.

Read from the description's own Turtle, like the catalog's page (``web.catalog_page``): a
description written before any dump has no figures, and the page then shows none.
"""

from __future__ import annotations

from html import escape
from typing import Final

from pyoxigraph import Literal, NamedNode, RdfFormat, Store

from graph.labels import danish_number
from graph.terms import RDF_TYPE
from ontology.vocabularies import DCTERMS, VOID
from web.catalog_page import Links
from web.query_page import PREFIXES

FIGURES: Final = (
    (VOID.triples, "tripler"),
    (VOID.distinctSubjects, "forskellige subjekter"),
    (VOID.classes, "klasser"),
    (VOID.properties, "egenskaber"),
)


def void_body(turtle: bytes, links: Links) -> str:
    """The page's ``<main>`` content."""
    store = Store()
    store.load(turtle, format=RdfFormat.TURTLE)
    datasets = [q.subject for q in store.quads_for_pattern(None, RDF_TYPE, NamedNode(VOID.Dataset))]
    whole = [d for d in datasets if _values(store, d, VOID.sparqlEndpoint)]
    dataset = whole[0] if whole else (datasets[0] if datasets else None)
    parts = [
        "<h1>VoID-beskrivelse</h1>",
        "<p>Hvad datasættet rummer, og hvor det kan hentes og forespørges, beskrevet med "
        "ordforrådet VoID, så programmer kan finde det. Beskrivelsen selv findes som "
        '<a href="/.well-known/void?format=ttl">Turtle</a>, '
        '<a href="/.well-known/void?format=jsonld">JSON-LD</a>, '
        '<a href="/.well-known/void?format=rdf">RDF/XML</a> og '
        '<a href="/.well-known/void?format=nt">N-Triples</a>.</p>',
    ]
    if dataset is not None:
        parts.append(_facts(store, dataset, links))
        parts.append(_partitions(store, dataset, links))
    return "".join(parts)


def _facts(store: Store, dataset: object, links: Links) -> str:
    rows = []
    title = _first(store, dataset, DCTERMS.title)
    if title:
        rows.append(("Datasæt", escape(title)))
    modified = _first(store, dataset, DCTERMS.modified)
    if modified:
        rows.append(("Senest opdateret", escape(modified[:10])))
    for prop, label in FIGURES:
        value = _first(store, dataset, prop)
        if value:
            rows.append((label.capitalize(), danish_number(int(value))))
    for prop, label in ((VOID.sparqlEndpoint, "SPARQL-endepunkt"), (VOID.vocabulary, "Ordforråd")):
        for url in _values(store, dataset, prop):
            rows.append((label, _link(url, links)))
    space = _first(store, dataset, VOID.uriSpace)
    if space:
        rows.append(("IRI'er begynder med", f"<code>{escape(space)}</code>"))
    dumps = _values(store, dataset, VOID.dataDump)
    rows.append(
        ("Datadumps", " · ".join(_link(u, links) for u in dumps) if dumps else "ingen endnu")
    )
    body = "".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return f'<dl class="facts">{body}</dl>'


def _partitions(store: Store, dataset: object, links: Links) -> str:
    sections = []
    for kind, key, counted, label, one, unit in (
        (VOID.classPartition, VOID.class_, VOID.entities, "Klasser", "klasse", "ting"),
        (VOID.propertyPartition, VOID.property, VOID.triples, "Egenskaber", "egenskab", "tripler"),
    ):
        rows = []
        for partition in _nodes(store, dataset, kind):
            term = _first(store, partition, key)
            count = _first(store, partition, counted)
            if term:
                rows.append((_short(term), term, int(count) if count else 0))
        if not rows:
            continue
        cells = "".join(
            f"<tr><td>{_link(iri, links, short, code=True)}</td>"
            f'<td class="number">{danish_number(count)}</td></tr>'
            for short, iri, count in sorted(rows, key=lambda r: (-r[2], r[0]))
        )
        sections.append(
            f'<section><h2>{label}</h2><table><thead><tr><th scope="col">{one}'
            f'</th><th scope="col" class="number">{unit}</th></tr></thead>'
            f"<tbody>{cells}</tbody></table></section>"
        )
    subsets = []
    for subset in _nodes(store, dataset, VOID.subset):
        for url in _values(store, subset, VOID.dataDump):
            subsets.append(f"<li>{_link(url, links)}</li>")
    if subsets:
        sections.append(
            f"<section><h2>Dele af datasættet</h2><ul>{''.join(subsets)}</ul></section>"
        )
    return "".join(sections)


def _short(iri: str) -> str:
    """A term by its prefixed name (``rg:Meeting``, ``skos:Concept``), else its IRI.

    >>> _short("https://w3id.org/referatgraf/def#Meeting"), _short("http://x.dk/y")
    ('rg:Meeting', 'http://x.dk/y')
    """
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _link(url: str, links: Links, text: str | None = None, *, code: bool = False) -> str:
    href = links.href(url)
    shown = escape(text if text is not None else (href if href and href.startswith("/") else url))
    if code:
        shown = f"<code>{shown}</code>"
    return f'<a href="{escape(href)}">{shown}</a>' if href else shown


def _nodes(store: Store, subject: object, predicate: str) -> list[object]:
    if not isinstance(subject, NamedNode):
        return []
    return [q.object for q in store.quads_for_pattern(subject, NamedNode(predicate), None)]


def _values(store: Store, subject: object, predicate: str) -> list[str]:
    return sorted(
        term.value for term in _nodes(store, subject, predicate) if isinstance(term, NamedNode)
    )


def _first(store: Store, subject: object, predicate: str) -> str:
    for term in _nodes(store, subject, predicate):
        if isinstance(term, Literal | NamedNode):
            return str(term.value)
    return ""
