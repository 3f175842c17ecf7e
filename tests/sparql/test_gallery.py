"""Tests for sparql/gallery.py: every listed example runs and returns rows on the five bundled
samples (with two hand-built meetings that record votes, which the samples do not); examples
waiting for data the loader does not write yet parse and stay unlisted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyoxigraph import QuerySolutions, Store

from graph.ingest import LoadOptions, load_files
from graph.mapping import LoadContext, document_quads
from graph.store import MinutesStore, PreparedDocument
from graph.uris import DEFAULT_BASE, Minter
from sparql.gallery import (
    Example,
    UnknownExampleError,
    example,
    examples,
    parse_example,
    pending_examples,
)
from tests.graph.votes_document import document_2020, document_2021

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "referatgraf" / "samples").glob("*.txt"))
LISTED = [e.name for e in examples()]
PENDING = [e.name for e in pending_examples()]
NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def samples_store() -> MinutesStore:
    """The five bundled samples, loaded once for this module (read it, never write it)."""
    store, _ = MinutesStore.open(None)
    report = load_files(store, SAMPLES, LoadOptions(minter=Minter(DEFAULT_BASE), workers=1))
    assert not report.failed, [r.reason for r in report.results if r.status == "failed"]
    assert report.count("loaded") == 5
    context = LoadContext(Minter(DEFAULT_BASE), "test", report.started, report.run)
    mapped = [document_quads(doc, context) for doc in (document_2020(), document_2021())]
    store.write_documents(  # the votes the samples do not record
        PreparedDocument(m.graph, m.meeting, m.sha256, m.nquads.encode(), m.commit.encode())
        for m in mapped
    )
    return store


def test_the_gallery_has_the_examples_of_the_issue() -> None:
    assert {
        "lov-omtaler",  # every mention of a given law by municipality and year
        "fravaer-for-person",  # meetings a given person missed
        "udfald-pr-udvalg",  # decisions by outcome per committee
        "programmer-i-flere-kommuner",  # programmes mentioned in more than one municipality
        "punkter-efter-kle",  # items by KLE code
        "flest-moeder",  # who attended most meetings
        "moeder-pr-kommune",
        "punkter-og-beslutninger",
        "fravaer",
        "sagsnumre-efter-kle-hovedgruppe",
        "stemmer-pr-parti-om-lov",  # votes by party on items that mention a given law
        "flest-fravaer",  # members with the most absences
        "parti-imod-flertallet",  # items where a party voted against the majority
    } <= set(LISTED)


def test_pending_examples_parse_and_are_not_listed() -> None:
    for waiting in pending_examples():
        Store().query(waiting.text)  # a SyntaxError fails the test
        assert waiting.name not in LISTED
        with pytest.raises(UnknownExampleError):
            example(waiting.name)


@pytest.mark.parametrize("name", LISTED)
def test_listed_example_returns_rows_on_the_samples(samples_store: MinutesStore, name: str) -> None:
    result = samples_store.query(example(name).text)
    assert isinstance(result, QuerySolutions)
    rows = list(result)
    assert rows, f"{name} returns no rows on the five samples"


@pytest.mark.parametrize("name", LISTED + PENDING)
def test_header_is_danish_and_complete(name: str) -> None:
    found = next(e for e in [*examples(), *pending_examples()] if e.name == name)
    assert NAME.match(found.name), "names are ASCII kebab-case, usable on the command line"
    assert found.title[0].isupper()
    assert found.description.endswith(".")
    assert found.title_en, "every example also has an English title"
    assert found.text.startswith("# title: ")


def test_example_looks_up_by_name() -> None:
    found = example("flest-moeder")
    assert found.title == "Hvem deltog i flest møder"
    assert "rg:attendee" in found.text


def test_unknown_example_names_the_known_ones() -> None:
    with pytest.raises(UnknownExampleError) as caught:
        example("findes-ikke")
    assert "findes-ikke" in str(caught.value)
    assert "flest-moeder" in str(caught.value)
    assert caught.value.known == LISTED


def test_header_continuation_lines_join_the_value_before() -> None:
    text = (
        "# title: Møder\n"
        "# title-en: Meetings\n"
        "# description: Alle møder,\n"
        "#   efter dato.\n"
        "PREFIX rg: <https://w3id.org/referatgraf/def#>\n"
        "# comment: not part of the header\n"
        "SELECT * WHERE { ?m a rg:Meeting }\n"
    )
    parsed = parse_example("moeder", text)
    assert parsed == Example("moeder", "Møder", "Alle møder, efter dato.", text, "Meetings")


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * WHERE { ?s ?p ?o }\n",
        "# title: Uden beskrivelse\nASK {}\n",
        "# description: Uden titel.\nASK {}\n",
    ],
)
def test_header_without_title_or_description_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="has no"):
        parse_example("x", text)
