"""The item page's facts read by lookups are the rows its queries give, on every item of the
five samples (the page shows the queries; a reader who runs them must get what it shows)."""

from __future__ import annotations

from collections import Counter

from pyoxigraph import NamedNode

from graph.terms import RDF_TYPE, RG, term
from web.pages.item_facts import item_row, part_rows, section_rows
from web.pages.page_sparql import run
from web.pages.page_values import first_rows
from web.site_readers import Site


def _items(site: Site) -> list[str]:
    store = site.store()
    found = {q.subject.value for q in store.quads_matching(None, RDF_TYPE, term(RG.AgendaItem))}
    return sorted(found)


def test_the_samples_have_their_46_items(site: Site) -> None:
    assert len(_items(site)) == 10 + 10 + 8 + 7 + 11


def test_lookups_give_the_rows_of_the_queries_for_every_item(site: Site) -> None:
    store = site.store()
    compared: Counter[str] = Counter()
    for iri in _items(site):
        bound = {"item": NamedNode(iri)}
        main = run(store, "item_main", bound).rows
        assert item_row(store, iri) == main[0], iri
        sections = first_rows(run(store, "item_sections", bound).rows, "section")
        assert section_rows(store, iri) == sections, iri
        parts = first_rows(run(store, "item_parts", bound).rows, "node")
        assert part_rows(store, iri) == parts, iri
        compared["items"] += 1
        compared["sections"] += len(sections)
        compared.update(str(row["kind"]) for row in parts)
    # every kind of row was compared, not only empty lists
    assert compared == {
        "items": 46, "sections": 241, "sag": 48, "fravaer": 48, "beslutning": 42, "bilag": 19,
        "behandling": 2, "anden-beslutning": 1,
    }  # fmt: skip


def test_a_resource_that_is_no_item_has_no_item_row(site: Site) -> None:
    store = site.store()
    assert item_row(store, "https://w3id.org/referatgraf/kommune/lejre") is None
    assert item_row(store, "https://w3id.org/referatgraf/findes/ikke") is None
    assert section_rows(store, "https://w3id.org/referatgraf/findes/ikke") == []
    assert part_rows(store, "https://w3id.org/referatgraf/findes/ikke") == []
