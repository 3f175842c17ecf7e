"""Parse RDF with rdflib, the standard parser the tests hold our output to."""

from __future__ import annotations

import warnings

import rdflib


def parse_rdf(body: bytes, rdflib_format: str) -> rdflib.Graph:
    """The triples (or quads, all graphs merged) of ``body``."""
    if rdflib_format not in {"nquads", "json-ld"}:
        return rdflib.Graph().parse(data=body, format=rdflib_format)
    dataset = rdflib.Dataset()
    with warnings.catch_warnings():  # rdflib's N-Quads and JSON-LD parsers use deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.parse(data=body, format=rdflib_format)
    merged = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    return merged
