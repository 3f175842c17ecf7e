"""The vocabularies' terms in the two forms the graph code writes them, built once.

IRIs come from the typed classes of :mod:`ontology` (``RG.Meeting``, ``RDF.type``), so a
misspelled term fails at import time, not in a query months later. Here each is made a
pyoxigraph node for the store (``term(RG.Meeting)``, ``RDF_TYPE``), or an N-Triples term for the
loader's fast path, which writes N-Quads lines (``ntriples.iri(RG.Meeting)``, ``RDF_TYPE_NT``).

>>> RDF_TYPE.value == RDF.type and RDF_TYPE_NT == f"<{RDF.type}>"
True
>>> for line in described("<https://example.org/p>", RG.Party, "Venstre"):
...     print(line.replace(RDF.type, "rdf:type").replace(RDFS.label, "rdfs:label"), end="")
<https://example.org/p> <rdf:type> <https://w3id.org/referatgraf/def#Party> .
<https://example.org/p> <rdfs:label> "Venstre"@da .
"""

from __future__ import annotations

from functools import cache

from pyoxigraph import NamedNode

from graph import ntriples
from ontology.namespace import RG
from ontology.vocabularies import DCTERMS, PROV, RDF, RDFS, XSD


@cache
def term(iri: str) -> NamedNode:
    """A node for a vocabulary term, built once: ``term(RG.Meeting)``."""
    return NamedNode(iri)


# nodes, for pyoxigraph quads and patterns
RDF_TYPE = term(RDF.type)
RDFS_LABEL = term(RDFS.label)
XSD_DATE = term(XSD.date)
XSD_TIME = term(XSD.time)
XSD_DATETIME = term(XSD.dateTime)
XSD_INTEGER = term(XSD.integer)
XSD_BOOLEAN = term(XSD.boolean)
PROV_ENTITY = term(PROV.Entity)
PROV_GENERATED_AT = term(PROV.generatedAtTime)
PROV_WAS_GENERATED_BY = term(PROV.wasGeneratedBy)
PROV_STARTED = term(PROV.startedAtTime)
PROV_ENDED = term(PROV.endedAtTime)
PROV_USED = term(PROV.used)
PROV_WAS_DERIVED_FROM = term(PROV.wasDerivedFrom)

# N-Triples terms, for the N-Quads lines of graph.writer and the quads written beside it
RDF_TYPE_NT = ntriples.iri(RDF.type)
RDFS_LABEL_NT = ntriples.iri(RDFS.label)
DCTERMS_SOURCE_NT = ntriples.iri(DCTERMS.source)


def described(node: str, rdf_type: str, label: str) -> list[str]:
    """The N-Triples lines that say what the resource ``node`` (an N-Triples term) is: its
    type (a vocabulary IRI) and its Danish label."""
    return [
        ntriples.triple(node, RDF_TYPE_NT, ntriples.iri(rdf_type)),
        ntriples.triple(node, RDFS_LABEL_NT, ntriples.literal(label, lang="da")),
    ]


__all__ = ["RG", "term"]
