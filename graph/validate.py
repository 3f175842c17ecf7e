"""Check the graph against the SHACL shapes of the ontology, with pySHACL."""

from __future__ import annotations

import pyshacl
from pyoxigraph import RdfFormat, serialize
from rdflib import Graph

from graph.store import MinutesStore
from ontology import ONTOLOGY_PATH, SHAPES_PATH


def union_graph(store: MinutesStore) -> Graph:
    """The union of all named graphs as one rdflib graph (shared triples once)."""
    data = Graph()
    triples = (q.triple for q in store.quads())
    data.parse(data=serialize(triples, format=RdfFormat.N_TRIPLES) or b"", format="nt")
    return data


def validate_graph(data: Graph) -> tuple[bool, str]:
    """Whether ``data`` conforms to the shapes, and pySHACL's report in words."""
    shapes = Graph().parse(SHAPES_PATH, format="turtle")
    ontology = Graph().parse(ONTOLOGY_PATH, format="turtle")
    conforms, _, text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True
    )
    return bool(conforms), str(text)


def validate_store(store: MinutesStore) -> tuple[bool, str]:
    return validate_graph(union_graph(store))
