"""Tests for ontology/namespace.py and ontology/generate.py: code and ontology agree both ways,
the generated module is up to date, and a misspelled term fails loudly."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, SKOS, Graph, URIRef

import ontology
from ontology import NAMESPACE_MODULE_PATH, ONTOLOGY_PATH, SHAPES_PATH, generate
from ontology.namespace import MEETING_KIND, MEETING_KIND_NS, NS, OUTCOME, OUTCOME_NS, RG

PROJECT_PACKAGES = {"referatgraf", "loaders", "graph", "sparql", "web"}


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def _constants(namespace_class: type) -> dict[str, str]:
    return {
        name: value
        for name, value in vars(namespace_class).items()
        if not name.startswith("_") and isinstance(value, str)
    }


def _declared(graph: Graph, namespace: str) -> set[str]:
    return {
        str(subject)
        for subject in graph.subjects(RDF.type, None)
        if isinstance(subject, URIRef) and str(subject).startswith(namespace)
    }


def test_every_declared_rg_term_is_in_rg(graph: Graph) -> None:
    assert _declared(graph, NS) <= set(_constants(RG).values())


def test_every_rg_attribute_is_declared_in_the_ontology(graph: Graph) -> None:
    declared = _declared(graph, NS)
    for name, iri in _constants(RG).items():
        assert iri == NS + name
        assert iri in declared, f"RG.{name} is not declared in {ONTOLOGY_PATH.name}"


def test_outcome_constants_are_the_outcome_concepts(graph: Graph) -> None:
    concepts = {str(c) for c in graph.subjects(SKOS.inScheme, URIRef(RG.outcomes))}
    assert set(_constants(OUTCOME).values()) == concepts == _declared(graph, OUTCOME_NS)
    for name, iri in _constants(OUTCOME).items():
        assert iri == OUTCOME_NS + name.replace("_", "-")
    assert len(concepts) == 11


def test_meeting_kind_constants_are_the_meeting_kind_concepts(graph: Graph) -> None:
    concepts = {str(c) for c in graph.subjects(SKOS.inScheme, URIRef(RG.meetingKinds))}
    assert set(_constants(MEETING_KIND).values()) == concepts
    assert {str(graph.value(URIRef(iri), SKOS.notation)) for iri in concepts} == {
        "referat",
        "dagsorden",
    }


def test_known_terms() -> None:
    assert RG.Meeting == "https://w3id.org/referatgraf/def#Meeting"
    assert RG.meeting == "https://w3id.org/referatgraf/def#meeting"
    assert RG.kommunekode == NS + "kommunekode"
    assert OUTCOME.taget_til_efterretning == (
        "https://w3id.org/referatgraf/def/outcome/taget-til-efterretning"
    )
    assert MEETING_KIND.referat == MEETING_KIND_NS + "referat"
    assert MEETING_KIND.referat == "https://w3id.org/referatgraf/def/meeting-kind/referat"


def test_misspelled_term_raises_attribute_error() -> None:
    with pytest.raises(AttributeError):
        getattr(RG, "Meetnig")  # noqa: B009 - spelled out to show what a typo does
    with pytest.raises(AttributeError):
        getattr(OUTCOME, "approved")  # noqa: B009


@pytest.mark.slow
def test_misspelled_term_is_a_mypy_error(tmp_path: Path) -> None:
    from mypy import api  # noqa: PLC0415 - only this test needs mypy

    snippet = tmp_path / "uses_namespace.py"
    snippet.write_text(
        "from ontology.namespace import RG\n\nok: str = RG.Meeting\nbad: str = RG.Meetnig\n",
        encoding="utf-8",
    )
    stdout, _, status = api.run(
        [
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / "cache"),
            "--config-file",
            "",
            str(snippet),
        ]
    )
    assert status == 1, stdout
    assert 'has no attribute "Meetnig"' in stdout
    assert "Found 1 error" in stdout


def test_regenerating_gives_an_identical_module() -> None:
    assert generate.generate() == NAMESPACE_MODULE_PATH.read_text(encoding="utf-8")


def test_generate_check_and_write(tmp_path: Path) -> None:
    assert generate.main(["--check"]) == 0
    out = tmp_path / "namespace.py"
    assert generate.main(["--check", "--out", str(out)]) == 1
    assert generate.main(["--out", str(out)]) == 0
    assert out.read_bytes() == NAMESPACE_MODULE_PATH.read_bytes()


def test_generation_refuses_a_term_that_is_not_an_identifier() -> None:
    graph = Graph().parse(
        data="""
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <https://w3id.org/referatgraf/def#not.valid> a owl:Class ;
            rdfs:comment "a class with a dot in its name"@en .
        """,
        format="turtle",
    )
    with pytest.raises(generate.GenerationError, match="identifier"):
        generate.render(graph)


def test_generation_refuses_a_term_without_an_english_comment() -> None:
    graph = Graph().parse(
        data="""
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <https://w3id.org/referatgraf/def#Thing> a owl:Class ; rdfs:comment "en ting"@da .
        """,
        format="turtle",
    )
    with pytest.raises(generate.GenerationError, match="English"):
        generate.render(graph)


def test_paths_point_at_the_turtle_files() -> None:
    assert ONTOLOGY_PATH.is_file()
    assert SHAPES_PATH.is_file()
    assert ONTOLOGY_PATH.parent == NAMESPACE_MODULE_PATH.parent


@pytest.mark.slow
def test_namespace_imports_neither_rdflib_nor_pyoxigraph() -> None:
    code = (
        "import sys, ontology, ontology.namespace\n"
        "loaded = sorted(m for m in ('rdflib', 'pyoxigraph') if m in sys.modules)\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""


def test_ontology_package_is_a_leaf() -> None:
    package_dir = Path(ontology.__file__).parent
    for module in sorted(package_dir.glob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots = {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                roots = {node.module.split(".")[0]}
            else:
                continue
            assert not roots & PROJECT_PACKAGES, f"{module.name} imports {roots}"
