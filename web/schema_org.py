"""The schema.org JSON-LD the pages embed for search engines (the graph does not hold it): its
``@context``, the node an entity page starts from, and the ``ItemList`` of a page that lists
things.

>>> thing("Organization", "https://example.org/p", "Partiet")["@context"]
'https://schema.org'
>>> collection_page("Møder", [("https://example.org/m", "8. januar 2020")], 12)["mainEntity"]
... # doctest: +NORMALIZE_WHITESPACE
{'@type': 'ItemList', 'numberOfItems': 12, 'itemListElement':
 [{'@type': 'ListItem', 'position': 1, 'url': 'https://example.org/m', 'name': '8. januar 2020'}]}
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from ontology.vocabularies import SCHEMA_NS

CONTEXT: Final = SCHEMA_NS
"""``@context`` of the browsing pages and of the law, programme, organisation and concept pages."""

ENTITY_CONTEXT: Final = SCHEMA_NS.rstrip("/")
"""``@context`` of the other entity pages (item, meeting, committee, municipality, person,
party, any other resource): the same context, written as they have always written it, so that
their pages stay as they were."""


def thing(kind: str | list[str], iri: str, name: str) -> dict[str, Any]:
    """An entity page's node: its schema.org type ``kind`` (or types), its IRI and its name."""
    return {"@context": ENTITY_CONTEXT, **node(kind, iri, name)}


def node(kind: str | list[str], iri: object, name: object) -> dict[str, Any]:
    """Another resource the page's node points to: its type ``kind``, its IRI and its name.

    >>> node("Person", "https://example.org/p", "Lis Holm")
    {'@type': 'Person', '@id': 'https://example.org/p', 'name': 'Lis Holm'}
    """
    return {"@type": kind, "@id": iri, "name": name}


def item_list(parts: Sequence[tuple[str, str | None]], total: int) -> dict[str, Any]:
    """An ``ItemList`` of ``total`` things, ``parts`` (url, name) of them listed in order; a
    part without a name is listed by its url alone."""
    return {
        "@type": "ItemList",
        "numberOfItems": total,
        "itemListElement": [
            {"@type": "ListItem", "position": n, "url": url}
            | ({} if name is None else {"name": name})
            for n, (url, name) in enumerate(parts, start=1)
        ],
    }


def collection_page(
    title: str, parts: Sequence[tuple[str, str | None]], total: int
) -> dict[str, Any]:
    """A list page as a ``CollectionPage`` in Danish whose main entity is the
    :func:`item_list` of ``parts``."""
    return {
        "@context": CONTEXT,
        "@type": "CollectionPage",
        "name": title,
        "inLanguage": "da",
        "mainEntity": item_list(parts, total),
    }
