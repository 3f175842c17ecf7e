"""Tests for ontology/vocabularies.py and ontology/generate_vocabularies.py: the module is up to
date, every term is its vocabulary's (checked against rdflib's definitions), and a misspelled
term fails loudly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import namespace

from ontology import VOCABULARIES_MODULE_PATH, generate, generate_vocabularies, vocabularies
from ontology.generate_vocabularies import VOCABULARIES, Vocabulary, check_terms, render
from ontology.vocabularies import DCTERMS, PROV, RDF, RDFS, SKOS, VOID, XSD, XSD_NS


def _constants(vocabulary_class: type) -> dict[str, str]:
    return {
        name: value
        for name, value in vars(vocabulary_class).items()
        if not name.startswith("_") and isinstance(value, str)
    }


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.prefix)
def test_each_class_holds_exactly_the_listed_terms(vocabulary: Vocabulary) -> None:
    assert getattr(vocabularies, f"{vocabulary.name}_NS") == vocabulary.namespace
    if not vocabulary.terms:
        assert not hasattr(vocabularies, vocabulary.name)
        return
    constants = _constants(getattr(vocabularies, vocabulary.name))
    assert set(constants.values()) == {vocabulary.namespace + t for t in vocabulary.terms.split()}
    for name, iri in constants.items():  # the local name, "-" written "_" (JSON-LD: JSON_LD)
        local = iri.removeprefix(vocabulary.namespace)
        assert name.removesuffix("_") == local.replace("-", "_")


@pytest.mark.parametrize(
    "vocabulary", [v for v in VOCABULARIES if v.rdflib_name], ids=lambda v: v.prefix
)
def test_every_term_is_defined_by_its_vocabulary(vocabulary: Vocabulary) -> None:
    assert vocabulary.rdflib_name
    defined = getattr(namespace, vocabulary.rdflib_name)
    for local in vocabulary.terms.split():
        assert str(getattr(defined, local)) == vocabulary.namespace + local


def test_known_terms() -> None:
    assert RDF.type == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    assert RDFS.label == "http://www.w3.org/2000/01/rdf-schema#label"
    assert XSD.dateTime == XSD_NS + "dateTime" == "http://www.w3.org/2001/XMLSchema#dateTime"
    assert PROV.wasGeneratedBy == "http://www.w3.org/ns/prov#wasGeneratedBy"
    assert SKOS.prefLabel == "http://www.w3.org/2004/02/skos/core#prefLabel"
    assert DCTERMS.source == "http://purl.org/dc/terms/source"
    assert VOID.class_ == "http://rdfs.org/ns/void#class"


def test_misspelled_term_raises_attribute_error() -> None:
    with pytest.raises(AttributeError):
        getattr(RDF, "typ")  # noqa: B009 - spelled out to show what a typo does
    with pytest.raises(AttributeError):
        getattr(SKOS, "preflabel")  # noqa: B009


def test_generation_refuses_a_term_the_vocabulary_does_not_define() -> None:
    typo = Vocabulary("SKOS", "skos", "http://www.w3.org/2004/02/skos/core#", "prefLable", "SKOS")
    with pytest.raises(generate.GenerationError, match="skos:prefLable is not a term"):
        check_terms(typo)
    with pytest.raises(generate.GenerationError, match="skos:prefLable is not a term"):
        render((typo,))


def test_generation_refuses_a_namespace_rdflib_disagrees_with() -> None:
    wrong = Vocabulary("SKOS", "skos", "http://www.w3.org/2004/02/skos/core/", "Concept", "SKOS")
    with pytest.raises(generate.GenerationError, match="rdflib has"):
        check_terms(wrong)


def test_regenerating_gives_an_identical_module() -> None:
    assert render() == VOCABULARIES_MODULE_PATH.read_text(encoding="utf-8")


def test_generate_check_and_write(tmp_path: Path) -> None:
    assert generate_vocabularies.main(["--check"]) == 0
    out = tmp_path / "vocabularies.py"
    assert generate_vocabularies.main(["--check", "--out", str(out)]) == 1
    assert generate_vocabularies.main(["--out", str(out)]) == 0
    assert out.read_bytes() == VOCABULARIES_MODULE_PATH.read_bytes()


@pytest.mark.slow
def test_vocabularies_import_neither_rdflib_nor_pyoxigraph() -> None:
    code = (
        "import sys, ontology.vocabularies\n"
        "loaded = sorted(m for m in ('rdflib', 'pyoxigraph') if m in sys.modules)\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == ""
