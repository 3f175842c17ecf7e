"""The side index in PostgreSQL: Danish search (folding and stems), its answers beside
SQLite's over the same samples, and building and updating it in a database the tests start.

Every assertion of test_siteindex*.py runs on PostgreSQL too (their index fixtures are
parametrised); this file holds what is PostgreSQL's own."""

from __future__ import annotations

import gc
import random
import string
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from graph.index_location import IndexUrl
from graph.ingest import LoadOptions, load_files
from graph.store import MinutesStore
from graph.uris import Minter
from searchindex import SiteIndex, SiteIndexError, build_index, default_index_path
from searchindex import answers as queries
from searchindex.dialect import connect_postgres
from searchindex.fulltext import TextWriter, text_match
from searchindex.pg_schema import create_postgres
from tests.cli.conftest import SAMPLE_FILES
from tests.conftest import ROOT, referatgraf
from tests.graph.postgres_server import Postgres
from tests.searchindex.test_siteindex_build import OUTCOME, _answers, _changed_lemvig

BASE = "https://w3id.org/referatgraf/"
KLAPJOB = BASE + "program/klapjob"
LEJRE = BASE + "kommune/lejre"
LEMVIG = BASE + "kommune/lemvig"
DATA = ROOT / "tests" / "web" / "data"


@pytest.fixture(scope="module")
def samples(samples_store: Path, postgres: Postgres) -> Iterator[tuple[SiteIndex, SiteIndex]]:
    """The samples' index in SQLite (built by ``referatgraf load``) and in PostgreSQL."""
    lite = SiteIndex.open(default_index_path(samples_store))
    pg = SiteIndex.open(postgres.index_of(samples_store))
    yield lite, pg
    lite.close()
    pg.close()


@pytest.fixture(scope="module")
def koege(tmp_path_factory: pytest.TempPathFactory, postgres: Postgres) -> Iterator[SiteIndex]:
    """Køge's and Aalborg's minutes (tests/web/data) indexed in PostgreSQL."""
    store = tmp_path_factory.mktemp("koege") / "store"
    ran = referatgraf("load", "--store", store, DATA / "lawb_koege.txt", DATA / "lawb_aalborg.txt")
    assert ran.code == 0, ran.out + ran.err
    opened = SiteIndex.open(postgres.index_of(store))
    yield opened
    opened.close()


def _items(index: SiteIndex, query: str) -> list[str]:
    found = index.search(query, limit=1000)
    return [i.iri for m in found.meetings for i in m.items]


@pytest.mark.parametrize("spelling", ["Køge", "Koege", "KØGE", "koege"])
def test_koege_is_found_however_it_is_spelt(koege: SiteIndex, spelling: str) -> None:
    found = koege.search(spelling)
    assert sorted(e.label for e in found.entities) == ["Jobcenter Køge", "Køge Kommune"]
    assert [e.label for e in koege.search(spelling + " kommune").entities] == ["Køge Kommune"]


@pytest.mark.parametrize("spelling", ["søger", "soeger", "SØGER", "søg", "soeg"])
def test_words_of_koeges_items_are_found_however_they_are_spelt(
    koege: SiteIndex, spelling: str
) -> None:
    """The word is written once in Køge's minutes ("Ejeren søger om dispensation"); its stem
    "søg" finds it too."""
    found = koege.search(spelling)
    assert [m.municipality_label for m in found.meetings] == ["Køge Kommune"]
    assert found.total == 1
    (snippet,) = [i.snippet for m in found.meetings for i in m.items]
    assert [text for text, marked in snippet if marked] == ["søger"]


def test_aeldre_and_its_danish_letter_find_the_same_items(
    samples: tuple[SiteIndex, SiteIndex],
) -> None:
    lite, pg = samples
    for index in (lite, pg):
        assert _items(index, "ældre") == _items(index, "aeldre") == _items(index, "ÆLDRE")
    assert set(_items(pg, "ældre")) == set(_items(lite, "ældre"))
    assert len(_items(pg, "ældre")) == 2  # "Ældreområdet" (Lemvig), "ældrene" (Holstebro)


def test_a_stemmed_form_finds_the_other_forms_of_the_word(
    samples: tuple[SiteIndex, SiteIndex],
) -> None:
    """The words "borgerne" and "borgere" share the stem "borger": PostgreSQL finds the items
    with either for both; SQLite, without stems, finds "borgerne" only where it is written so
    (or longer)."""
    lite, pg = samples
    assert set(_items(pg, "borgerne")) == set(_items(pg, "borgere"))
    assert set(_items(lite, "borgere")) <= set(_items(pg, "borgerne"))
    assert (pg.search("borgerne").total, lite.search("borgerne").total) == (21, 9)
    snippet = next(m.items[0].snippet for m in pg.search("borgerne").meetings)
    assert any(marked for _, marked in snippet)


@pytest.mark.parametrize("query", ["og", "på", "PAA", "ikke"])
def test_stop_words_are_found_as_written(samples: tuple[SiteIndex, SiteIndex], query: str) -> None:
    lite, pg = samples
    assert pg.search(query).total == lite.search(query).total > 0


def test_postgresql_finds_every_item_sqlite_finds(samples: tuple[SiteIndex, SiteIndex]) -> None:
    """Over every 10th word of the index's vocabulary: the same items or more (other forms of
    the word), never fewer; the same spelling suggestions."""
    lite, pg = samples
    words = [w for (w,) in lite._rows("SELECT word FROM words ORDER BY word")][::10]
    assert len(words) > 300
    for word in words:
        assert set(_items(lite, word)) <= set(_items(pg, word)), word
        assert lite.suggest(word + "x") == pg.suggest(word + "x"), word


def _store(tmp_path: Path, files: list[Path]) -> MinutesStore:
    store, _ = MinutesStore.open(tmp_path / "store")
    load_files(store, files, LoadOptions(Minter()))
    return store


def test_an_update_follows_a_changed_document_and_matches_a_rebuild(
    tmp_path: Path, postgres: Postgres
) -> None:
    store = _store(tmp_path, SAMPLE_FILES)
    url = postgres.database()
    first = build_index(store, url)
    assert (first.full, first.added, first.removed, first.documents) == (True, 5, 0, 5)
    index = SiteIndex.open(url)
    assert [m.municipality for m in index.mentions(KLAPJOB)] == [LEJRE, LEMVIG]
    assert index.search("zebrafinke").total == 0

    load_files(store, [_changed_lemvig(tmp_path)], LoadOptions(Minter()))
    assert not index.is_current(store)
    update = build_index(store, url)
    assert (update.full, update.added, update.removed, update.documents) == (False, 1, 1, 5)
    # the same connections see the update once it is committed: one index for every server
    assert index.is_current(store)
    assert [m.municipality for m in index.mentions(KLAPJOB)] == [LEJRE]
    found = index.search("Zebrafinkeprojektet")
    assert [(m.municipality_label, len(m.items)) for m in found.meetings] == [("Lemvig Kommune", 1)]
    assert index.suggest("Zebrafinkeprojektat") == "zebrafinkeprojektet"
    godkendt = index.concept_totals(OUTCOME + "godkendt")
    assert (godkendt.rows, godkendt.municipalities) == (9, 4)
    updated = _answers(index)

    rebuilt_url = postgres.database()
    rebuilt = build_index(store, rebuilt_url, incremental=False)
    assert rebuilt.token == update.token
    fresh = SiteIndex.open(rebuilt_url)
    assert _answers(fresh) == updated
    # a full rebuild in place: readers keep their connections and see the new index whole
    again = build_index(store, url, incremental=False)
    assert (again.full, again.added, again.documents) == (True, 5, 5)
    assert _answers(index) == updated
    # and the same answers as SQLite's, but for the search (other forms of the words)
    lite_path = tmp_path / "index.sqlite"
    build_index(store, lite_path)
    lite = SiteIndex.open(lite_path)
    ours, theirs = _answers(index), _answers(lite)
    assert {k: v for k, v in ours.items() if k != "search"} == {
        k: v for k, v in theirs.items() if k != "search"
    }
    for index_open in (index, fresh, lite):
        index_open.close()
    store.close()


def test_an_update_without_changes_reads_no_document(tmp_path: Path, postgres: Postgres) -> None:
    store = _store(tmp_path, SAMPLE_FILES[:2])
    url = postgres.database()
    build_index(store, url)
    again = build_index(store, url)
    assert (again.full, again.added, again.removed, again.documents) == (False, 0, 0, 2)
    load_files(store, SAMPLE_FILES[2:], LoadOptions(Minter()))
    more = build_index(store, url)
    assert (more.added, more.removed, more.documents, more.mentions) == (3, 0, 5, 318)
    store.close()


def test_an_index_of_an_older_schema_is_refused_and_rebuilt_whole(
    tmp_path: Path, postgres: Postgres
) -> None:
    store = _store(tmp_path, SAMPLE_FILES[:2])
    url = postgres.database()
    build_index(store, url)
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("UPDATE siteindex.meta SET value = '3' WHERE key = 'schema_version'")
    with pytest.raises(SiteIndexError, match="another version"):
        SiteIndex.open(url)
    report = build_index(store, url)
    assert (report.full, report.added, report.documents) == (True, 2, 2)
    index = SiteIndex.open(url)
    assert index.concept_totals(OUTCOME + "godkendt").rows > 0
    index.close()
    store.close()


def test_a_database_without_an_index_or_a_server_is_refused(postgres: Postgres) -> None:
    with pytest.raises(SiteIndexError, match="no side index"):
        SiteIndex.open(postgres.database())
    gone = IndexUrl(f"postgresql://postgres:hemmelig@127.0.0.1:{postgres.port + 1}/x")
    with pytest.raises(SiteIndexError, match="no side index") as refused:
        SiteIndex.open(gone)
    assert "hemmelig" not in str(refused.value)


def test_an_index_let_go_without_close_closes_its_connections(
    samples_store: Path, postgres: Postgres
) -> None:
    """A web server that switches to a rebuilt index lets the old one go while requests may
    still read it; its connections close when it goes, without a ResourceWarning."""
    index = SiteIndex.open(postgres.index_of(samples_store))
    assert index.summary().meetings == 5
    del index
    gc.collect()


def test_pages_far_into_the_mentions_follow_an_update_in_place(
    tmp_path: Path, postgres: Postgres, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ids of an entity's mentions kept for far pages belong to one build of the index: an
    update in PostgreSQL (the same connections) is a new build, whose ids are read again."""
    monkeypatch.setattr(queries, "FAR", 0)  # every page from the kept ids
    store = _store(tmp_path, SAMPLE_FILES[1:])  # Lejre's KLAPjob, not yet Lemvig's
    url = postgres.database()
    build_index(store, url)
    index = SiteIndex.open(url)
    assert [m.municipality for m in index.mentions(KLAPJOB)] == [LEJRE]
    load_files(store, SAMPLE_FILES[:1], LoadOptions(Minter()))
    build_index(store, url)
    assert [m.municipality for m in index.mentions(KLAPJOB)] == [LEJRE, LEMVIG]
    index.close()
    store.close()


@pytest.mark.parametrize(("query", "seconds"), [("", "10"), ("?connect_timeout=3", "3")])
def test_a_connection_waits_at_most_ten_seconds_unless_the_url_says(
    postgres: Postgres, query: str, seconds: str
) -> None:
    connection = connect_postgres(postgres.url("postgres") + query, autocommit=True)
    try:
        assert connection.raw.info.get_parameters()["connect_timeout"] == seconds
    finally:
        connection.close()


def test_a_word_too_long_for_postgresql_is_left_out_and_the_rest_is_found(
    postgres: Postgres,
) -> None:
    """PostgreSQL keeps no word of more than 2,046 bytes (a run of letters in a scanned
    attachment, say): such a word is left out, and the item's other words are found."""
    connection = connect_postgres(postgres.database(), autocommit=True, schema="public")
    try:
        create_postgres(connection)
        TextWriter(connection).add_item(1, "Dispensation", "ø" * 1500 + " Ejeren søger om lov")
        match = text_match(connection, "soeger")
        assert match is not None
        sql = f"SELECT f.rowid FROM {match.source('item_fts')}"
        assert connection.execute(sql, match.values).fetchall() == [(1,)]
        lexemes = connection.execute(
            "SELECT array_length(tsvector_to_array(plain), 1) FROM item_fts"
        )
        assert lexemes.fetchone() == (5,)  # dispensation, ejeren, soeger, om, lov
    finally:
        connection.close()


def test_a_text_too_large_for_one_tsvector_is_indexed_by_its_first_words(
    postgres: Postgres,
) -> None:
    """100,000 different words (1 MB) pass PostgreSQL's 1 MB per tsvector: the item is
    indexed by as many of its first words as fit, and found by them."""
    letters = random.Random(16)
    words = ["".join(letters.choices(string.ascii_lowercase, k=9)) for _ in range(100_000)]
    connection = connect_postgres(postgres.database(), autocommit=False, schema="public")
    try:
        create_postgres(connection)
        writer = TextWriter(connection)
        writer.add_item(1, "Budget", " ".join(words))
        writer.add_item(2, "Budget", "Et kort punkt")
        kept = connection.execute(
            "SELECT array_length(tsvector_to_array(plain), 1) FROM item_fts WHERE rowid = 1"
        ).fetchone()[0]
        assert 25_000 <= kept < 100_000
        for query, found in ((words[0], [(1,)]), ("budget", [(1,), (2,)]), ("kort", [(2,)])):
            match = text_match(connection, query)
            assert match is not None
            sql = f"SELECT f.rowid FROM {match.source('item_fts')} ORDER BY f.rowid"
            assert connection.execute(sql, match.values).fetchall() == found
    finally:
        connection.close()
