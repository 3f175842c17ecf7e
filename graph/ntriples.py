"""N-Quads terms as strings: the loader's fast path writes text straight for the bulk loader.

Building pyoxigraph objects costs several microseconds a quad; a formatted line costs a
fraction of that, and Oxigraph's parser checks every line on the way in all the same.

>>> literal('Han sagde "ja"\\n')
'"Han sagde \\\\"ja\\\\"\\\\n"'
>>> literal("Godkendt", lang="da")
'"Godkendt"@da'
>>> from ontology.vocabularies import XSD
>>> literal("3", datatype=XSD.integer)
'"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
>>> iri("https://example.org/a")
'<https://example.org/a>'
"""

from __future__ import annotations

from functools import cache


@cache
def iri(value: str) -> str:
    """An IRI term. Every IRI written this way is minted by us (ASCII slugs) or a vocabulary's."""
    return f"<{value}>"


def _escape(text: str) -> str:
    """The four characters a quoted N-Triples literal may not hold raw (other control
    characters are allowed); chained replaces run in C and beat ``str.translate``."""
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def literal(text: str, *, lang: str | None = None, datatype: str | None = None) -> str:
    body = f'"{_escape(text)}"'
    if lang:
        return f"{body}@{lang}"
    if datatype:
        return f"{body}^^<{datatype}>"
    return body


def triple(subject: str, predicate: str, obj: str) -> str:
    """One N-Triples line of three terms."""
    return f"{subject} {predicate} {obj} .\n"


def iri_value(term: str) -> str:
    """The IRI inside an IRI term: ``iri_value("<a>") == "a"``."""
    return term[1:-1]
