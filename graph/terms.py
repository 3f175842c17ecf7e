"""pyoxigraph terms for the vocabularies the graph uses, built once.

The ontology's own terms come from the generated namespace (``ontology.namespace.RG``), so a
misspelled term fails at import time, not in a query months later.
"""

from __future__ import annotations

from functools import cache

from pyoxigraph import NamedNode

from ontology.namespace import RG

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_DATE = NamedNode(XSD + "date")
XSD_TIME = NamedNode(XSD + "time")
XSD_DATETIME = NamedNode(XSD + "dateTime")
XSD_INTEGER = NamedNode(XSD + "integer")
XSD_BOOLEAN = NamedNode(XSD + "boolean")
PROV = "http://www.w3.org/ns/prov#"
PROV_ENTITY = NamedNode(PROV + "Entity")
PROV_GENERATED_AT = NamedNode(PROV + "generatedAtTime")
PROV_WAS_GENERATED_BY = NamedNode(PROV + "wasGeneratedBy")
PROV_STARTED = NamedNode(PROV + "startedAtTime")
PROV_ENDED = NamedNode(PROV + "endedAtTime")
PROV_USED = NamedNode(PROV + "used")
PROV_WAS_DERIVED_FROM = NamedNode(PROV + "wasDerivedFrom")


@cache
def term(iri: str) -> NamedNode:
    """A node for a vocabulary term, built once: ``term(RG.Meeting)``."""
    return NamedNode(iri)


__all__ = ["RG", "term"]
