"""The entity pages: one data function per kind of resource, and the registry that picks one.

A page builder takes the :class:`~web.site_readers.Site` and an IRI and returns a :class:`Page`: the
one
dict the page shows, plus its schema.org JSON-LD and the SPARQL that produced it. The HTML is a
thin rendering of ``Page.data`` by ``Page.template``; the RDF renderings (Turtle, JSON-LD,
N-Triples, RDF/XML) come from the store, not from the dict (``web.resources``).

Builders register themselves by the local name of the class they render (``"AgendaItem"``,
``"Law"`` ...); :func:`builder_for` picks the first registered class among a resource's types,
in the order of :data:`CLASS_ORDER`, and the generic page (outgoing and incoming links) serves
everything else. KLE subjects and decision outcomes are both ``skos:Concept``; the ``"Concept"``
builder tells them apart by their ``skos:inScheme``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from web.site_readers import Site

PER_PAGE = 50
"""Rows per page of any paginated list (mentions, links, meetings)."""


@dataclass(frozen=True, slots=True)
class Page:
    """What one page shows.

    - ``title``: the ``<title>`` and ``<h1>`` (Danish);
    - ``template``: the Jinja2 template under ``web/templates`` that renders ``data``;
    - ``data``: the one dict the page is made of (plain values: str, int, lists, dicts);
    - ``jsonld``: schema.org-compatible JSON-LD, embedded in the page;
    - ``queries``: the SPARQL that produced the page, each openable in the query page.
    """

    title: str
    template: str
    data: dict[str, Any]
    jsonld: dict[str, Any] = field(default_factory=dict)
    queries: tuple[str, ...] = ()


Builder = Callable[["Site", str, int], "Page | None"]
"""``builder(site, iri, page_number)``: the page of ``iri`` (page numbers start at 1), or
``None`` when the resource is not of the builder's kind after all."""

CLASS_ORDER: tuple[str, ...] = (
    "AgendaItem",
    "Meeting",
    "Committee",
    "Municipality",
    "Person",
    "Law",
    "Programme",
    "Organisation",
    "Concept",
)
"""Which builder wins when a resource has several types: the first in this order."""

_BUILDERS: dict[str, Builder] = {}


def register(class_name: str) -> Callable[[Builder], Builder]:
    """Decorator: ``@register("Law")`` makes the function the page of every ``rg:Law``."""

    def decorate(builder: Builder) -> Builder:
        _BUILDERS[class_name] = builder
        return builder

    return decorate


def builder_for(class_names: set[str]) -> Builder | None:
    """The registered builder for a resource with these class local names, if any.

    >>> @register("Doctest")
    ... def page(site, iri, number): return None
    >>> builder_for({"Thing", "Doctest"}) is page
    True
    >>> _ = _BUILDERS.pop("Doctest")
    """
    for name in (*CLASS_ORDER, *sorted(class_names)):
        if name in class_names and name in _BUILDERS:
            return _BUILDERS[name]
    return None
