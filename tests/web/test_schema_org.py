"""web/schema_org.py: the JSON-LD nodes the pages embed, and their context."""

from __future__ import annotations

from ontology.vocabularies import SCHEMA_NS
from web.schema_org import CONTEXT, ENTITY_CONTEXT, collection_page, item_list, thing


def test_both_contexts_name_the_schema_org_namespace() -> None:
    assert CONTEXT == SCHEMA_NS == "https://schema.org/"
    assert ENTITY_CONTEXT == "https://schema.org"


def test_an_entity_node_starts_with_context_type_iri_and_name() -> None:
    node = thing(["GovernmentOrganization", "AdministrativeArea"], "https://example.org/k", "K")
    assert list(node.items()) == [
        ("@context", ENTITY_CONTEXT),
        ("@type", ["GovernmentOrganization", "AdministrativeArea"]),
        ("@id", "https://example.org/k"),
        ("name", "K"),
    ]


def test_a_list_numbers_its_parts_and_names_those_with_a_name() -> None:
    found = item_list([("https://example.org/a", "A"), ("https://example.org/b", None)], 7)
    assert found == {
        "@type": "ItemList",
        "numberOfItems": 7,
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "url": "https://example.org/a", "name": "A"},
            {"@type": "ListItem", "position": 2, "url": "https://example.org/b"},
        ],
    }


def test_a_collection_page_is_in_danish_with_the_list_as_main_entity() -> None:
    page = collection_page("Møder", [("https://example.org/a", "A")], 1)
    assert page == {
        "@context": CONTEXT,
        "@type": "CollectionPage",
        "name": "Møder",
        "inLanguage": "da",
        "mainEntity": item_list([("https://example.org/a", "A")], 1),
    }
