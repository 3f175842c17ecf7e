"""Keeping the side index in step when the server starts (web/index_refresh.py): an index that
was deleted is built again, a stale one (``load --no-index``) is updated, and the pages switch
to the new file. In process over a store of its own, then the real server, within a bounded
wait."""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3
import time
from pathlib import Path

import httpx
import pytest

from graph.ingest import LoadOptions, load_files
from graph.location import index_path_for
from graph.store import MinutesStore
from graph.uris import Minter
from searchindex import SiteIndex, build_index, default_index_path
from tests.conftest import SAMPLES
from tests.web.conftest import start_server
from web.index_refresh import refresh_index
from web.site_readers import Site

BASE = "https://w3id.org/referatgraf/"
WAIT_SECONDS = 60
serving = contextlib.contextmanager(start_server)
FIGURE = re.compile(r'<th scope="row">([^<]+)</th><td class="number">([^<]+)</td>')


def _load(store_path: Path, files: list[Path], *, index: bool) -> None:
    """Minutes into the store, as ``referatgraf load`` does (with or without the index)."""
    store, _ = MinutesStore.open(store_path)
    load_files(store, files, LoadOptions(Minter()))
    if index:
        build_index(store, default_index_path(store_path))
    store.flush()
    del store


def _figures(html: str) -> dict[str, str]:
    return dict(FIGURE.findall(html))


def test_a_deleted_index_is_built_and_the_site_switches_to_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store_path = tmp_path / "store"
    _load(store_path, SAMPLES[:2], index=False)
    site = Site(base=BASE, store_path=store_path, index_path=index_path_for(store_path))
    assert site.index() is None
    with caplog.at_level(logging.INFO, logger="referatgraf.index"):
        report = refresh_index(site)
    assert report is not None
    assert (report.full, report.added, report.documents) == (True, 2, 2)
    index = site.index()
    assert index is not None
    assert index.is_current(site.store())
    assert index.summary().meetings == 2
    (line,) = [r.getMessage() for r in caplog.records if r.name == "referatgraf.index"]
    assert line.startswith("side index missing (or of another schema), built: 2 documents")
    assert refresh_index(site) is None  # current now: nothing to do


def test_a_stale_index_is_updated_and_one_held_open_stays_readable(tmp_path: Path) -> None:
    store_path = tmp_path / "store"
    _load(store_path, SAMPLES[:3], index=True)
    _load(store_path, SAMPLES[3:], index=False)
    site = Site(base=BASE, store_path=store_path, index_path=index_path_for(store_path))
    stale = site.index()
    assert stale is not None
    assert not stale.is_current(site.store())
    assert stale.summary().meetings == 3
    report = refresh_index(site)
    assert report is not None
    assert (report.full, report.added, report.removed, report.documents) == (False, 2, 0, 5)
    fresh = site.index()
    assert fresh is not None
    assert fresh is not stale
    assert (fresh.summary().meetings, fresh.summary().items) == (5, 46)
    assert stale.summary().meetings == 3  # a request still holding the old one finishes with it


def test_an_index_of_another_schema_is_rebuilt(tmp_path: Path) -> None:
    store_path = tmp_path / "store"
    _load(store_path, SAMPLES[:1], index=True)
    path = default_index_path(store_path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    connection.commit()
    connection.close()
    site = Site(base=BASE, store_path=store_path, index_path=index_path_for(store_path))
    assert site.index() is None
    report = refresh_index(site)
    assert report is not None
    assert report.full
    index = SiteIndex.open(path)
    assert index.summary().meetings == 1
    index.close()


def _wait_for_figures(url: str, wanted: dict[str, str]) -> dict[str, str]:
    """The home page's figures, once they are ``wanted`` (or the last seen, after the wait)."""
    deadline = time.monotonic() + WAIT_SECONDS
    found: dict[str, str] = {}  # no figures while the page says the index is missing
    while time.monotonic() < deadline:
        found = _figures(httpx.get(url + "/", headers={"Accept": "text/html"}).text)
        if all(found.get(k) == v for k, v in wanted.items()):
            break
        time.sleep(0.25)
    return found


@pytest.mark.slow
def test_a_server_over_a_deleted_index_gets_one(tmp_path: Path) -> None:
    store_path = tmp_path / "store"
    _load(store_path, SAMPLES, index=True)
    default_index_path(store_path).unlink()
    with serving(store_path, tmp_path / "server.log", "--workers=2") as server:
        found = _wait_for_figures(server.url, {"Møder": "5", "Dagsordenspunkter": "46"})
        assert (found["Møder"], found["Dagsordenspunkter"]) == ("5", "46")
        assert found["Kommuner med møder"] == "4"
        assert default_index_path(store_path).is_file()
        assert "side index missing (or of another schema), built: 5 documents" in (
            server.log.read_text(encoding="utf-8")
        )


@pytest.mark.slow
def test_a_server_over_a_stale_index_picks_up_the_new_counts(tmp_path: Path) -> None:
    store_path = tmp_path / "store"
    _load(store_path, SAMPLES[:2], index=True)
    _load(store_path, SAMPLES[2:], index=False)  # load --no-index: the index says 2 meetings
    with serving(store_path, tmp_path / "server.log", "--workers=2") as server:
        found = _wait_for_figures(server.url, {"Møder": "5", "Dagsordenspunkter": "46"})
        assert (found["Møder"], found["Dagsordenspunkter"]) == ("5", "46")
        assert "side index stale, updated: 5 documents (3 read)" in server.log.read_text(
            encoding="utf-8"
        )
