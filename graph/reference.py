"""Reference data shipped with the project, as quads: the 98 municipalities with their codes.

They live in a graph of their own, so that every document can link a municipality without
repeating its description, and every municipality is there even before minutes from it are.
"""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad

from graph.terms import RDF_TYPE, RDFS_LABEL, RG, term
from graph.uris import Minter
from loaders.municipalities import all_municipalities


def municipality_quads(minter: Minter) -> list[Quad]:
    """Type, Danish label and kommunekode of every municipality (graph set by the caller)."""
    quads: list[Quad] = []
    for municipality in all_municipalities():
        node = NamedNode(minter.municipality(municipality.name))
        quads += [
            Quad(node, RDF_TYPE, term(RG.Municipality)),
            Quad(node, RDFS_LABEL, Literal(f"{municipality.name} Kommune", language="da")),
            Quad(node, term(RG.kommunekode), Literal(municipality.kode)),
        ]
    return quads
