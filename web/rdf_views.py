"""A resource of the dataset as an RDF document, and which of its formats a client gets.

The document of an IRI is what a reader needs to understand it, read with direct index
lookups (no query):

- every triple with the IRI as subject, from every named graph (each triple once);
- the ``rdfs:label`` of every IRI it links to, so the names show without a second request;
- for the ontology (``<base>def``, an ``owl:Ontology``): the whole graph that declares it, so
  ``/def`` serves every ``def#`` term (a browser never sends the fragment of ``/def#Meeting``);
- for a named graph that says nothing of itself (``graf/reference``): ``<g> a sd:Graph``;
- for a municipality: the triples that link its committees and meetings to it, with their
  types and labels.

An IRI that is only ever an object gets an empty document (its page lists what links to it);
one that occurs nowhere has no document at all (``None``: the server answers 404).

>>> [v.name for v in VARIANTS]
['html', 'ttl', 'jsonld', 'nt', 'rdf']
>>> choose("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", None).name
'html'
>>> choose("application/ld+json, text/turtle;q=0.5", None).name
'jsonld'
>>> choose("*/*", "ttl").media_type
'text/turtle'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final

from pyoxigraph import NamedNode, RdfFormat, Triple, serialize

from graph.store import MinutesStore
from graph.terms import RDF_TYPE, RDFS_LABEL
from ontology.namespace import RG
from ontology.vocabularies import OWL, SD, SD_NS
from publishing.namespaces import DATA_PREFIXES
from publishing.rdfdoc import jsonld, turtle
from sparql.negotiation import BY_NAME, NotAcceptableError, parse_accept

OWL_ONTOLOGY: Final = NamedNode(OWL.Ontology)
SD_GRAPH: Final = NamedNode(SD.Graph)
RG_MUNICIPALITY: Final = NamedNode(RG.municipality)
MUNICIPALITY: Final = NamedNode(RG.Municipality)
MUNICIPALITY_PARTS: Final = (NamedNode(RG.Committee), NamedNode(RG.Meeting))
PREFIXES: Final = {**DATA_PREFIXES, "sd": SD_NS}


@dataclass(frozen=True, slots=True)
class Variant:
    """One representation of a resource: ``name`` is the ``format=`` value, ``suffix`` the
    extension of its own URL (``/kommune/lejre.ttl``), ``label`` what the page calls it."""

    name: str
    suffix: str
    media_type: str
    label: str
    aliases: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        textual = self.media_type.startswith("text/")
        return f"{self.media_type}; charset=utf-8" if textual else self.media_type


def _graph_variant(name: str, suffix: str, sparql_name: str, label: str) -> Variant:
    known = BY_NAME[sparql_name]  # the endpoint's media types and aliases, one source of truth
    return Variant(name, suffix, known.media_type, label, known.aliases)


HTML: Final = Variant("html", ".html", "text/html", "HTML", ("application/xhtml+xml",))
VARIANTS: Final = (
    HTML,  # first: what a client that accepts anything (*/*) gets
    _graph_variant("ttl", ".ttl", "ttl", "Turtle"),
    _graph_variant("jsonld", ".jsonld", "jsonld", "JSON-LD"),
    _graph_variant("nt", ".nt", "nt", "N-Triples"),
    _graph_variant("rdf", ".rdf", "rdfxml", "RDF/XML"),
)
RDF_VARIANTS: Final = VARIANTS[1:]
BY_SUFFIX: Final = {v.suffix: v for v in VARIANTS}
_FORMAT_VALUES: Final = {
    **{v.name: v for v in VARIANTS},
    "turtle": VARIANTS[1],
    "json-ld": VARIANTS[2],
    "ntriples": VARIANTS[3],
    "rdfxml": VARIANTS[4],
    **{v.media_type: v for v in VARIANTS},
}


def offered() -> str:
    """The formats, as the 406 and 400 messages list them (Danish)."""
    return ", ".join(f"{v.media_type} ({v.suffix} eller ?format={v.name})" for v in VARIANTS)


def choose(accept: str | None, format_value: str | None) -> Variant:
    """The variant for ``?format=`` if given, else for ``Accept`` (q-values, wildcards, the
    most specific range decides; ties go to the order of :data:`VARIANTS`).

    >>> choose("application/xml", None).name
    'rdf'
    >>> try:
    ...     choose("image/png", None)
    ... except NotAcceptableError as error:
    ...     print(error.status, error.message.split(' Den ')[0])
    406 Ingen af ressourcens formater passer til Accept: image/png.
    """
    if format_value is not None:
        found = _FORMAT_VALUES.get(format_value.strip().lower())
        if found is None:
            raise NotAcceptableError(
                f"Ukendt format={format_value}. Ressourcen findes som {offered()}.", 400
            )
        return found
    ranges = parse_accept(accept or "*/*")
    best, best_q = None, 0.0
    for variant in VARIANTS:
        named = (q for r, q in ranges if r in variant.aliases)  # an alias counts when named
        q = max(_quality(ranges, variant.media_type), *named, 0.0)
        if q > best_q:
            best, best_q = variant, q
    if best is None:
        raise NotAcceptableError(
            f"Ingen af ressourcens formater passer til Accept: {accept}. "
            f"Den findes som {offered()}.",
            406,
        )
    return best


def _quality(ranges: list[tuple[str, float]], media_type: str) -> float:
    """The q of ``media_type``: from the most specific range that matches it (RFC 9110)."""
    kind = media_type.split("/", maxsplit=1)[0]
    specificity = {media_type: 2, f"{kind}/*": 1, "*/*": 0}
    matches = [(specificity[r], q) for r, q in ranges if r in specificity]
    return max(matches)[1] if matches else 0.0


# -- the document -------------------------------------------------------------------------


def exists(store: MinutesStore, iri: str) -> bool:
    """Whether the IRI occurs in the store at all: as subject, object or graph name."""
    node = NamedNode(iri)
    return any(
        next(found, None) is not None
        for found in (
            store.quads_matching(node, None, None),
            store.quads_matching(None, None, None, node),
            store.quads_matching(None, None, node),
        )
    )


def is_named_graph(store: MinutesStore, iri: str) -> bool:
    return next(store.quads_matching(None, None, None, NamedNode(iri)), None) is not None


def subject_triples(store: MinutesStore, iri: str) -> list[Triple]:
    """Every triple about ``iri`` in the union of the graphs, each once, in index order."""
    return list(_unique(q.triple for q in store.quads_matching(NamedNode(iri), None, None)))


def incoming_triples(store: MinutesStore, node: NamedNode) -> Iterator[Triple]:
    """Each triple with ``node`` as object once, whatever the number of graphs stating it
    (the object index gives a triple's copies in different graphs one after the other)."""
    previous: Triple | None = None
    for quad in store.quads_matching(None, None, node):
        triple = quad.triple
        if triple != previous:
            yield triple
        previous = triple


def describe(store: MinutesStore, iri: str) -> list[Triple] | None:
    """The triples of the document of ``iri`` (see the module's docstring), or ``None`` when
    the store knows nothing of it."""
    node = NamedNode(iri)
    own = subject_triples(store, iri)
    if not own:
        if is_named_graph(store, iri):
            return [Triple(node, RDF_TYPE, SD_GRAPH)]
        return [] if exists(store, iri) else None
    triples = list(own)
    for declared in store.quads_matching(node, RDF_TYPE, OWL_ONTOLOGY):
        graph = declared.graph_name
        if isinstance(graph, NamedNode):
            triples += [q.triple for q in store.quads_matching(None, None, None, graph)]
    if Triple(node, RDF_TYPE, MUNICIPALITY) in own:
        triples += municipality_parts(store, node)
    unique = list(_unique(triples))
    return unique + labels_of_objects(store, unique) + labels_of_subjects(store, unique, node)


def municipality_parts(store: MinutesStore, municipality: NamedNode) -> list[Triple]:
    """The triples that link a municipality's committees and meetings to it
    (``<committee> rg:municipality <municipality>``), with their types: so that its document
    leads to them, as its page does."""
    found: list[Triple] = []
    for quad in store.quads_matching(None, RG_MUNICIPALITY, municipality):
        part = quad.subject
        if not isinstance(part, NamedNode):
            continue
        for kind in MUNICIPALITY_PARTS:
            if next(store.quads_matching(part, RDF_TYPE, kind), None) is not None:
                found += [quad.triple, Triple(part, RDF_TYPE, kind)]
                break
    return found


def labels_of_subjects(
    store: MinutesStore, triples: Iterable[Triple], node: NamedNode
) -> list[Triple]:
    """The ``rdfs:label`` triples of the other subjects of ``triples`` (a municipality's
    committees and meetings)."""
    subjects = {t.subject for t in triples if isinstance(t.subject, NamedNode)} - {node}
    found: list[Triple] = []
    for subject in sorted(subjects, key=str):
        found += _unique(q.triple for q in store.quads_matching(subject, RDFS_LABEL, None))
    return found


def labels_of_objects(store: MinutesStore, triples: Iterable[Triple]) -> list[Triple]:
    """The ``rdfs:label`` triples of the IRIs that ``triples`` link to (not already there)."""
    subjects = {t.subject for t in triples}
    objects = {t.object for t in triples if isinstance(t.object, NamedNode)}
    found: list[Triple] = []
    for obj in sorted(objects - subjects, key=str):
        found += _unique(q.triple for q in store.quads_matching(obj, RDFS_LABEL, None))
    return found


def _unique(triples: Iterable[Triple]) -> Iterator[Triple]:
    seen: set[Triple] = set()
    for triple in triples:
        if triple not in seen:
            seen.add(triple)
            yield triple


def serialise(triples: list[Triple], variant: Variant) -> bytes:
    """The document in an RDF variant; sorted, so the same triples give the same bytes.
    JSON-LD is compacted with the graph's prefixes (``rg:date``, ``@type``)."""
    if variant.name == "ttl":
        return turtle(triples, PREFIXES)
    if variant.name == "jsonld":
        return jsonld(triples, PREFIXES)
    formats = {"nt": RdfFormat.N_TRIPLES, "rdf": RdfFormat.RDF_XML}
    if variant.name not in formats:
        raise ValueError(f"{variant.name} is not an RDF variant")
    ordered = sorted(triples, key=str)
    return serialize(ordered, format=formats[variant.name], prefixes=dict(PREFIXES)) or b""
