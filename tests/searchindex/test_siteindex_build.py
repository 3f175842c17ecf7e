"""Keeping the side index in step with the store: the token, updates per changed document,
atomic replacement, load failures, and files that are no index."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from graph.ingest import LoadOptions, load_files
from graph.store import MinutesStore
from graph.uris import Minter
from searchindex import SiteIndex, SiteIndexError, build_index, store_token
from tests.cli.conftest import SAMPLE_FILES

BASE = "https://w3id.org/referatgraf/"
KLAPJOB = BASE + "program/klapjob"
LEMVIG = BASE + "kommune/lemvig"
LEJRE = BASE + "kommune/lejre"
ENTITIES = (KLAPJOB, BASE + "lov/lab-2019", BASE + "organisation/star", LEJRE + "/jobcenter")
OUTCOME = "https://w3id.org/referatgraf/def/outcome/"
CONCEPTS = (OUTCOME + "godkendt", OUTCOME + "taget-til-efterretning", BASE + "kle/15.20.00")


def _store(tmp_path: Path, files: list[Path]) -> MinutesStore:
    store, _ = MinutesStore.open(tmp_path / "store")
    load_files(store, files, LoadOptions(Minter()))
    return store


def _changed_lemvig(folder: Path) -> Path:
    """The Lemvig minutes with KLAPjob renamed: the same meeting, so it replaces the first."""
    text = SAMPLE_FILES[0].read_text(encoding="utf-8")
    assert text.count("KLAPjob") == 1
    changed = folder / "lemvig-rettet.txt"
    changed.write_text(text.replace("KLAPjob", "Zebrafinkeprojektet"), encoding="utf-8")
    return changed


def _answers(index: SiteIndex) -> dict[str, object]:
    """What the pages would show, to compare two indexes by."""
    return {
        "summary": index.summary(),
        "mentions": [index.mentions(e, limit=1000) for e in ENTITIES],
        "totals": [index.entity_totals(e) for e in ENTITIES],
        "timelines": [index.timeline(e) for e in ENTITIES],
        "top": index.top_entities(limit=20),
        "search": [index.search(q, limit=100) for q in ("borger", "klapjob", "zebrafinke")],
        "az": [index.az(kind) for kind in ("Municipality", "Person", "Law", "Programme")],
        "coverage": index.coverage(),
        "pages": sorted(index.pages()),
        "concepts": [index.concept_items(c, limit=1000) for c in CONCEPTS],
        "concept_totals": [index.concept_totals(c) for c in CONCEPTS],
        "suggestions": [index.suggest(q) for q in ("klapjbo", "borgr", "zebrafinkeprojektat")],
        "meetings": index.meeting_list(),
        "facets": index.meeting_facets(LEJRE),
        "outcomes": index.outcome_facets(),
        "committees": index.committee_register(),
    }


def test_an_update_follows_a_changed_document_and_matches_a_rebuild(tmp_path: Path) -> None:
    store = _store(tmp_path, SAMPLE_FILES)
    path = tmp_path / "store.index.sqlite"
    first = build_index(store, path)
    assert (first.full, first.added, first.removed, first.documents) == (True, 5, 0, 5)
    before = SiteIndex.open(path)
    assert before.is_current(store)
    assert [m.municipality for m in before.mentions(KLAPJOB)] == [LEJRE, LEMVIG]
    assert before.search("zebrafinke").total == 0
    assert before.suggest("Zebrafinkeprojektat") is None

    load_files(store, [_changed_lemvig(tmp_path)], LoadOptions(Minter()))
    assert not before.is_current(store)  # the token moved with the document
    assert before.token() != store_token(store)

    update = build_index(store, path)
    assert (update.full, update.added, update.removed, update.documents) == (False, 1, 1, 5)
    after = SiteIndex.open(path)
    assert after.is_current(store)
    assert [m.municipality for m in after.mentions(KLAPJOB)] == [LEJRE]
    totals = after.entity_totals(KLAPJOB)
    assert totals is not None
    assert (totals.mentions, totals.municipalities) == (1, 1)
    found = after.search("Zebrafinkeprojektet")
    assert [(m.municipality_label, len(m.items)) for m in found.meetings] == [("Lemvig Kommune", 1)]
    assert (after.summary().meetings, after.summary().items) == (5, 46)
    # the words of the changed text are there to be suggested; those of others stay
    assert after.suggest("Zebrafinkeprojektat") == "zebrafinkeprojektet"
    assert after.suggest("klapjbo") == "klapjob"  # Lejre's item still names it
    godkendt = after.concept_totals(OUTCOME + "godkendt")
    assert (godkendt.rows, godkendt.municipalities) == (9, 4)  # the replaced Lemvig rows once
    # the old index, still open, reads the file it opened: never half of the new one
    assert [m.municipality for m in before.mentions(KLAPJOB)] == [LEJRE, LEMVIG]

    rebuilt = build_index(store, tmp_path / "rebuilt.sqlite", incremental=False)
    assert rebuilt.token == update.token
    fresh = SiteIndex.open(tmp_path / "rebuilt.sqlite")
    assert _answers(fresh) == _answers(after)
    for index in (before, after, fresh):
        index.close()
    assert sorted(p.name for p in tmp_path.glob("*.sqlite*")) == [
        "rebuilt.sqlite", "store.index.sqlite",
    ]  # fmt: skip


def test_an_update_without_changes_reads_no_document(tmp_path: Path) -> None:
    store = _store(tmp_path, SAMPLE_FILES[:2])
    path = tmp_path / "index.sqlite"
    build_index(store, path)
    again = build_index(store, path)
    assert (again.full, again.added, again.removed, again.documents) == (False, 0, 0, 2)
    load_files(store, SAMPLE_FILES[2:], LoadOptions(Minter()))
    more = build_index(store, path)
    # 318: the attendance notes under 004's decisions ("Afbud: Steen Hansen (O)", "Ole
    # Blickfeldt (O) deltog ikke ...") are absences, not decision text, so not 12 person mentions
    assert (more.added, more.removed, more.documents, more.mentions) == (3, 0, 5, 318)


def test_the_failures_of_the_load_runs_are_indexed(tmp_path: Path) -> None:
    empty = tmp_path / "tom.txt"
    empty.write_text("", encoding="utf-8")
    store = _store(tmp_path, [SAMPLE_FILES[0], empty])
    leftover = tmp_path / "index.sqlite.tmp-4194305"  # a killed build's (no such process)
    leftover.write_bytes(b"half")
    build_index(store, tmp_path / "index.sqlite")
    assert not leftover.exists()
    index = SiteIndex.open(tmp_path / "index.sqlite")
    (failure,) = index.load_failures()
    assert failure.file_name == "tom.txt"
    assert "empty" in failure.reason
    assert failure.run_label.startswith("Indlæsning ")
    assert failure.started[:4].isdigit()
    index.close()


def test_a_file_that_is_no_index_is_refused_and_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite"
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(SiteIndexError):
        SiteIndex.open(path)
    store = _store(tmp_path, SAMPLE_FILES[:1])
    assert build_index(store, path).full
    index = SiteIndex.open(path)
    assert index.summary().meetings == 1
    index.close()


def test_an_index_of_an_older_schema_is_refused_and_rebuilt_whole(tmp_path: Path) -> None:
    store = _store(tmp_path, SAMPLE_FILES[:2])
    path = tmp_path / "index.sqlite"
    build_index(store, path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    connection.commit()
    connection.close()
    with pytest.raises(SiteIndexError, match="another version"):
        SiteIndex.open(path)
    report = build_index(store, path)  # not an update of the old file: a build from nothing
    assert (report.full, report.added, report.documents) == (True, 2, 2)
    index = SiteIndex.open(path)
    assert index.concept_totals(OUTCOME + "godkendt").rows > 0
    index.close()
