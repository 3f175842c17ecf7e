"""The prefixes the dump files and the catalog are written with, and the compaction of IRIs
to prefixed names that Turtle and JSON-LD both accept.

>>> compact("https://w3id.org/referatgraf/def#Meeting")
'rg:Meeting'
>>> compact("https://w3id.org/referatgraf/kommune/lejre") is None
True
>>> compact("http://www.w3.org/2001/XMLSchema#dateTime")
'xsd:dateTime'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ontology.namespace import MEETING_KIND_NS, NS, OUTCOME_NS
from ontology.vocabularies import (
    BESLUIT_NS,
    DCAT_NS,
    DCTERMS_NS,
    ELI_NS,
    FOAF_NS,
    NIF_NS,
    ORG_NS,
    OWL_NS,
    PROV_NS,
    RDF,
    RDF_NS,
    RDFS_NS,
    SCHEMA_NS,
    SH_NS,
    SKOS_NS,
    SPDX_NS,
    VANN_NS,
    VCARD_NS,
    XSD_NS,
)

DATA_PREFIXES: Mapping[str, str] = {
    "rg": NS,
    "outcome": OUTCOME_NS,
    "kind": MEETING_KIND_NS,
    "rdf": RDF_NS,
    "rdfs": RDFS_NS,
    "xsd": XSD_NS,
    "owl": OWL_NS,
    "skos": SKOS_NS,
    "prov": PROV_NS,
    "org": ORG_NS,
    "foaf": FOAF_NS,
    "dcterms": DCTERMS_NS,
    "schema": SCHEMA_NS,
    "eli": ELI_NS,
    "vann": VANN_NS,
    "nif": NIF_NS,
    "besluit": BESLUIT_NS,
    "sh": SH_NS,
}
"""The vocabularies of the graph. Instance IRIs stay whole: they read better that way, and
gzip takes their repetition away."""

CATALOG_PREFIXES: Mapping[str, str] = {
    "dcat": DCAT_NS,
    "dcterms": DCTERMS_NS,
    "foaf": FOAF_NS,
    "vcard": VCARD_NS,
    "spdx": SPDX_NS,
    "skos": SKOS_NS,
    "xsd": XSD_NS,
    "rdf": RDF_NS,
    "rdfs": RDFS_NS,
}

# A local name both Turtle (PN_LOCAL) and a person read without escapes.
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


def compact(iri: str, prefixes: Mapping[str, str] = DATA_PREFIXES) -> str | None:
    """``prefix:local`` for an IRI in one of the namespaces (the longest that fits), or
    ``None``."""
    best: tuple[str, str] | None = None
    for prefix, namespace in prefixes.items():
        if iri.startswith(namespace) and (best is None or len(namespace) > len(best[1])):
            best = (prefix, namespace)
    if best is None:
        return None
    local = iri[len(best[1]) :]
    return f"{best[0]}:{local}" if _LOCAL.match(local) else None


class Compactor:
    """Compacts the IRI terms of N-Triples lines (``<...>``) with one set of prefixes: as
    Turtle terms (``rdf:type`` is ``a``) or as JSON-LD strings (the bare IRI where no prefix
    fits). Only vocabulary terms (predicates, classes, datatypes) should come here: the
    answers are kept, and there are few of those."""

    def __init__(self, prefixes: Mapping[str, str], *, turtle: bool) -> None:
        self.prefixes = prefixes
        self.turtle = turtle
        self._known: dict[bytes, bytes] = {}

    def __call__(self, term: bytes) -> bytes:
        found = self._known.get(term)
        if found is None:
            found = self._known[term] = self._compact(term)
        return found

    def _compact(self, term: bytes) -> bytes:
        iri = term[1:-1].decode()
        if self.turtle and iri == RDF.type:
            return b"a"
        short = compact(iri, self.prefixes)
        if short is not None:
            return short.encode()
        return term if self.turtle else term[1:-1]


def turtle_prefix_lines(prefixes: Mapping[str, str] = DATA_PREFIXES) -> bytes:
    return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in prefixes.items()).encode()
