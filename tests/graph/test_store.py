"""The store: whole documents only, replacement of a graph, recovery after a cut-off write."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, RdfFormat

from graph.mapping import LoadContext, document_quads
from graph.store import MinutesStore, PreparedDocument, StoreError
from graph.uris import Minter
from loaders.model import MinutesDocument

from .conftest import make_document


def prepared(document: MinutesDocument) -> PreparedDocument:
    ctx = LoadContext(Minter(), "test", dt.datetime(2026, 1, 1, tzinfo=dt.UTC), "urn:run")
    mapped = document_quads(document, ctx)
    return PreparedDocument(
        graph=mapped.graph,
        meeting=mapped.meeting,
        sha256=mapped.sha256,
        nquads=mapped.nquads.encode("utf-8"),
        commit=mapped.commit.encode("utf-8"),
    )


def test_written_documents_are_listed_with_their_sha256(
    tmp_path: Path, document: MinutesDocument
) -> None:
    store, recovered = MinutesStore.open(tmp_path / "store")
    assert recovered == []
    doc = prepared(document)
    store.write_documents([doc])
    assert store.documents() == {doc.graph: document.source.sha256}


def test_a_document_without_its_commit_record_is_removed_on_open(
    tmp_path: Path, document: MinutesDocument
) -> None:
    path = tmp_path / "store"
    store, _ = MinutesStore.open(path)
    whole = prepared(document)
    store.write_documents([whole])
    other = make_document(document.text.replace("8. januar", "9. januar"))
    other.meeting.date = dt.date(2020, 1, 9)
    cut_off = prepared(other)
    store._store.store.bulk_load(
        input=cut_off.nquads, format=RdfFormat.N_QUADS
    )  # no commit: a kill
    assert cut_off.graph in store.named_graphs()
    del store
    reopened, recovered = MinutesStore.open(path)
    assert recovered == [cut_off.graph]
    assert cut_off.graph not in reopened.named_graphs()
    assert reopened.documents() == {whole.graph: document.source.sha256}


def test_a_changed_document_replaces_its_graph_and_nothing_else(
    tmp_path: Path, document: MinutesDocument
) -> None:
    store, _ = MinutesStore.open(tmp_path / "store")
    first = prepared(document)
    store.write_documents([first])
    changed_text = document.text.replace("Godkendt", "Godkendt med bemærkninger")
    changed = make_document(changed_text, decision="Godkendt med bemærkninger")
    second = prepared(changed)
    assert second.graph == first.graph
    assert second.sha256 != first.sha256
    store.write_documents([second])
    texts = {
        q.object.value
        for q in store.quads(NamedNode(first.graph))
        if q.predicate.value.endswith("#text") and q.subject.value.endswith("/beslutning")
    }
    assert texts == {"Godkendt med bemærkninger"}
    assert store.documents() == {first.graph: changed.source.sha256}


def test_read_only_open_of_a_missing_store_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="load minutes first"):
        MinutesStore.open_read_only(tmp_path / "nowhere")


def test_replace_graph_is_whole(tmp_path: Path, document: MinutesDocument) -> None:
    store, _ = MinutesStore.open(tmp_path / "store")
    doc = prepared(replace(document))
    store.write_documents([doc])
    before = len(store)
    store.replace_graph("urn:g", [])
    assert len(store) == before
