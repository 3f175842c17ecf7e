"""No package module types out the namespace of a standard vocabulary: its terms come from
:mod:`ontology.vocabularies` (``RDFS.label``, ``XSD_NS``), so that a misspelled term fails at
import time and every namespace is written once, where it is generated.

The strings are read from the source with :mod:`ast`: comments are not strings, and docstrings
are left out, since their doctests show what the code writes and are checked against it. A
backslash is dropped before comparing, so an escaped regular expression
(``www\\.w3\\.org``) counts as typed out too.
"""

from __future__ import annotations

import ast

import ontology.vocabularies
from tests.test_architecture import PACKAGES, ROOT, modules

NAMESPACES = {
    name: iri for name, iri in vars(ontology.vocabularies).items() if name.endswith("_NS")
}
# Where a namespace is written on purpose.
OWNERS = ("ontology",)  # the generated module and the generator's term lists
ALLOWED: set[tuple[str, str]] = set()  # (package, namespace name) that may write one out


def _docstrings(tree: ast.Module) -> set[int]:
    """The ids of the docstrings' nodes."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def typed_namespaces(source: str) -> list[tuple[int, str]]:
    """(line, namespace's name) for each string or bytes constant of ``source``, docstrings
    apart, that holds a namespace of :data:`NAMESPACES`."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or id(node) in docstrings:
            continue
        value = node.value
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        if isinstance(value, str):
            text = value.replace("\\", "")
            found += [(node.lineno, name) for name, iri in NAMESPACES.items() if iri in text]
    return sorted(found)


def test_no_package_module_types_out_a_vocabulary_namespace() -> None:
    typed = []
    for name, (file, _) in modules(ROOT, PACKAGES).items():
        top = name.partition(".")[0]
        if top in OWNERS:
            continue
        for line, namespace in typed_namespaces(file.read_text(encoding="utf-8")):
            if (top, namespace) not in ALLOWED:
                typed.append(f"{file.relative_to(ROOT)}:{line}: {namespace}")
    assert typed == [], "use the term or namespace of ontology.vocabularies:\n" + "\n".join(typed)


def test_strings_count_but_docstrings_and_comments_do_not() -> None:
    source = '''"""The module: ``compact("http://www.w3.org/2001/XMLSchema#date")``."""
# a comment on http://www.w3.org/2000/01/rdf-schema#label
def f() -> str:
    """Returns http://www.w3.org/ns/prov#used."""
    return "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>"
BOOLEAN = rb'"http://www\\.w3\\.org/2001/XMLSchema#boolean"'
FORMAT = f"{BASE}http://www.w3.org/ns/formats/{name}"
'''
    assert typed_namespaces(source) == [(5, "SKOS_NS"), (6, "XSD_NS"), (7, "FORMATS_NS")]


def test_every_vocabulary_has_its_namespace() -> None:
    assert {"RDF_NS", "RDFS_NS", "XSD_NS", "PROV_NS", "SKOS_NS", "DCAT_NS"} <= NAMESPACES.keys()
    assert NAMESPACES["RDFS_NS"] == "http://www.w3.org/2000/01/rdf-schema#"
