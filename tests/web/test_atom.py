"""web/atom.py: Atom feeds of municipalities, committees and entities, read with
feedparser (the parser feed readers use) and checked to change only when the graph does."""

from __future__ import annotations

import shutil
from pathlib import Path

import feedparser
import pytest

from graph.ingest import LoadOptions, load_files
from graph.store import MinutesStore
from graph.uris import Minter
from publishing.publication import PublishSettings
from web.atom import feed_index, feed_path, feed_subject, render_feed, sentence_around

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "referatgraf" / "samples").glob("*.txt"))
BASE = "https://w3id.org/referatgraf/"
SETTINGS = PublishSettings("https://data.example.dk/", "Testudgiver", "data@example.dk")
LEMVIG = BASE + "kommune/lemvig"
FEEDS = {
    "municipality": BASE + "kommune/lejre",
    "committee": BASE + "kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked",
    "law": BASE + "lov/lab-2019",  # lov om en aktiv beskæftigelsesindsats
    "programme": BASE + "program/klapjob",
    "organisation": BASE + "organisation/dansk-metal",
}


def loaded(files: list[Path]) -> MinutesStore:
    minutes, _ = MinutesStore.open(None)
    load_files(minutes, files, LoadOptions(Minter(BASE), workers=1))
    return minutes


@pytest.fixture(scope="module")
def store() -> MinutesStore:
    return loaded(SAMPLES)


def feed(store: MinutesStore, subject: str) -> bytes:
    body = render_feed(store, subject, BASE, SETTINGS)
    assert body is not None
    return body


@pytest.mark.parametrize("kind", sorted(FEEDS))
def test_feeds_are_valid_atom(store: MinutesStore, kind: str) -> None:
    parsed = feedparser.parse(feed(store, FEEDS[kind]))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title
    assert parsed.feed.updated
    assert parsed.entries
    for entry in parsed.entries:
        assert entry.id.startswith(BASE)
        assert entry.link.startswith(BASE)
        assert entry.updated
        assert entry.title


def test_a_municipality_feed_lists_its_meetings_with_their_agenda(store: MinutesStore) -> None:
    parsed = feedparser.parse(feed(store, FEEDS["municipality"]))
    ids = {e.id for e in parsed.entries}
    assert ids == {
        BASE + "kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08",
        BASE
        + "kommune/lejre/udvalg/udvalget-for-job-arbejdsmarked-og-integration/moede/2022-05-04",
    }
    first = next(e for e in parsed.entries if e.id.endswith("2020-01-08"))
    assert first.published.startswith("2020-01-08")
    assert "1. Godkendelse af dagsorden" in first.summary
    assert parsed.feed.links[0].href == "https://data.example.dk/feeds/kommune/lejre.atom"


def test_an_entity_feed_lists_the_items_that_mention_it(store: MinutesStore) -> None:
    parsed = feedparser.parse(feed(store, FEEDS["programme"]))
    titles = {e.title for e in parsed.entries}
    assert "Lemvig Kommune: De beskæftigelsespolitiske mål for 2023" in titles
    lemvig = next(e for e in parsed.entries if e.title.startswith("Lemvig"))
    assert lemvig.id.endswith("/punkt/4#omtale-program/klapjob")
    assert "KLAPjob" in lemvig.summary
    assert len({e.id for e in parsed.entries}) == len(parsed.entries)


def test_the_same_store_renders_the_same_bytes(store: MinutesStore) -> None:
    for subject in FEEDS.values():
        assert feed(store, subject) == feed(store, subject)


def test_unknown_resources_have_no_feed(store: MinutesStore) -> None:
    assert render_feed(store, BASE + "program/findes-ikke", BASE, SETTINGS) is None
    assert render_feed(store, "https://example.org/other", BASE, SETTINGS) is None


def test_a_feed_changes_when_its_minutes_change_and_only_then(tmp_path: Path) -> None:
    folder = tmp_path / "minutes"
    folder.mkdir()
    for sample in SAMPLES:
        shutil.copy(sample, folder / sample.name)
    files = sorted(folder.iterdir())
    minutes = loaded(files)
    before = {s: feed(minutes, s) for s in (LEMVIG, FEEDS["municipality"])}
    load_files(minutes, files, LoadOptions(Minter(BASE), workers=1))  # the same files again
    assert {s: feed(minutes, s) for s in before} == before
    lemvig = next(p for p in files if "Lemvig" in p.read_text(encoding="utf-8"))
    text = lemvig.read_text(encoding="utf-8")
    lemvig.write_text(text.replace("beskæftigelsespolitiske mål", "beskæftigelsesmål", 1))
    load_files(minutes, [lemvig], LoadOptions(Minter(BASE), workers=1))
    assert feed(minutes, LEMVIG) != before[LEMVIG]
    assert feed(minutes, FEEDS["municipality"]) == before[FEEDS["municipality"]]
    assert feedparser.parse(feed(minutes, LEMVIG)).bozo == 0


def test_the_index_lists_municipalities_and_committees(store: MinutesStore) -> None:
    listed = {iri: path for iri, _, path in feed_index(store, BASE)}
    assert listed[FEEDS["municipality"]] == "kommune/lejre.atom"
    assert listed[FEEDS["committee"]].startswith("kommune/lejre/udvalg/")
    assert len(listed) == 4 + 5  # four municipalities, five committees


def test_feed_paths_are_the_iri_under_the_base() -> None:
    assert feed_path(BASE + "kommune/lejre", BASE) == "kommune/lejre.atom"
    assert feed_subject("kommune/lejre.atom", BASE) == BASE + "kommune/lejre"
    assert feed_path("https://example.org/x", BASE) is None
    assert feed_subject("kommune/lejre", BASE) is None


def test_the_summary_is_the_sentence_around_the_mention() -> None:
    text = "Indledning.\nJobcentret samarbejder med KLAPjob om skånejob. Næste sætning."
    begin = text.index("KLAPjob")
    assert sentence_around(text, begin, begin + 7) == (
        "Jobcentret samarbejder med KLAPjob om skånejob."
    )
    long = "ord " * 200 + "KLAPjob " + "ord " * 200
    begin = long.index("KLAPjob")
    cut = sentence_around(long, begin, begin + 7, limit=60)
    assert "KLAPjob" in cut
    assert cut.startswith("…")
    assert cut.endswith("…")
    assert len(cut) <= 62
