"""The text split of documents by graph (graph/backends/document_split.py) gives exactly the
triples a full N-Quads parse gives, for the samples' own documents and for generated quads with
every kind of term an N-Quads line can end in."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Triple, parse, serialize

from graph.backends import DocumentWrite, StoreError
from graph.backends.document_split import split_by_graph
from graph.ingest import _Job, _Prepared, prepare

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "referatgraf" / "samples").glob("*.*"))


def _parsed(documents: list[DocumentWrite]) -> dict[str, set[Triple]]:
    """The reference: every quad parsed, as triples per graph."""
    found: defaultdict[str, set[Triple]] = defaultdict(set)
    for doc in documents:
        for quad in parse(doc.nquads + doc.commit, format=RdfFormat.N_QUADS):
            assert isinstance(quad.graph_name, NamedNode)
            found[quad.graph_name.value].add(Triple(quad.subject, quad.predicate, quad.object))
    return dict(found)


def _split(documents: list[DocumentWrite]) -> tuple[dict[str, set[Triple]], set[str]]:
    own, shared = split_by_graph(documents)
    assert not set(own) & set(shared)
    every = {**own, **shared}
    return (
        {
            g: {q.triple for q in parse(text, format=RdfFormat.N_TRIPLES)}
            for g, text in every.items()
        },
        set(own),
    )


def _prepared(path: Path) -> DocumentWrite:
    job = _Job(
        str(path), None, "https://w3id.org/referatgraf/", "test",
        dt.datetime(2026, 12, 7, tzinfo=dt.UTC).isoformat(), "urn:x-test:run", True,
    )  # fmt: skip
    outcome = prepare(job)
    assert isinstance(outcome, _Prepared), outcome
    doc = outcome.document
    return DocumentWrite(doc.graph, doc.nquads, doc.commit)


@pytest.fixture(scope="module")
def samples() -> list[DocumentWrite]:
    return [_prepared(path) for path in SAMPLES]


def test_the_samples_split_as_a_full_parse_splits_them(samples: list[DocumentWrite]) -> None:
    assert len(samples) == 5
    triples, own = _split(samples)
    assert triples == _parsed(samples)
    assert own == {doc.graph for doc in samples}
    assert all(len(triples[doc.graph]) > 100 for doc in samples)  # each document's whole graph


_IRIS = st.sampled_from(["http://e/a", "http://e/b c".replace(" ", "%20"), "http://e/å"])
_TEXT = st.text(st.characters(codec="utf-8"), max_size=12)
_OBJECTS = st.one_of(
    _IRIS.map(NamedNode),
    st.builds(BlankNode, st.sampled_from(["b1", "b2"])),
    _TEXT.map(Literal),
    st.builds(lambda t: Literal(t, language="da"), _TEXT),
    st.builds(lambda t: Literal(t, datatype=NamedNode("http://e/dt")), _TEXT),
    st.sampled_from([Literal(" ."), Literal("<http://e/g> ."), Literal('a" <x> .')]),
)
_GRAPHS = st.sampled_from(["http://e/doc", "http://e/entities", "http://e/other"])


@given(st.lists(st.tuples(_IRIS, _IRIS, _OBJECTS, _GRAPHS), min_size=1, max_size=30))
def test_any_quads_split_as_a_full_parse_splits_them(
    rows: list[tuple[str, str, object, str]],
) -> None:
    quads = [Quad(NamedNode(s), NamedNode(p), o, NamedNode(g)) for s, p, o, g in rows]  # type: ignore[arg-type]
    doc = DocumentWrite("http://e/doc", serialize(quads, format=RdfFormat.N_QUADS) or b"", b"")
    triples, own = _split([doc])
    assert {g: found for g, found in triples.items() if found} == _parsed([doc])
    assert own == {"http://e/doc"}  # the document's own graph, even when it holds nothing


@pytest.mark.parametrize(
    "line",
    [
        b"<http://e/a> <http://e/p> <http://e/o> .\n",
        b'<http://e/a> <http://e/p> "x y" .\n',
        b'<http://e/a> <http://e/p> "x"^^<http://e/dt> .\n',
        b"_:b <http://e/p> _:c .\n",
    ],
)
def test_a_quad_outside_a_named_graph_is_refused(line: bytes) -> None:
    with pytest.raises(StoreError, match="http://e/doc: a quad outside a named graph"):
        split_by_graph([DocumentWrite("http://e/doc", line, b"")])
