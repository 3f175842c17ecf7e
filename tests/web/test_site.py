"""What every page reads (web/site_readers.py): the store read-only, the side index when there is a
usable one, and the switch to a new index file while pages are being served."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from graph.ingest import LoadOptions, load_files
from graph.location import index_path_for
from graph.store import MinutesStore
from graph.uris import Minter
from searchindex import build_index, default_index_path
from tests.conftest import SAMPLES
from web.site_readers import Site

BASE = "https://w3id.org/referatgraf/"


def test_the_site_switches_to_a_new_index_while_threads_read(tmp_path: Path) -> None:
    store_path = tmp_path / "store"
    writer, _ = MinutesStore.open(store_path)
    load_files(writer, SAMPLES[:2], LoadOptions(Minter()))
    index_path = default_index_path(store_path)
    site = Site(base=BASE, store_path=store_path, index_path=index_path_for(store_path))
    assert site.index_path == index_path
    assert site.index() is None  # not built yet
    build_index(writer, index_path)
    first = site.index()  # found once it is there
    assert first is not None
    assert first.summary().meetings == 2
    assert site.index() is first  # opened once

    load_files(writer, SAMPLES[2:], LoadOptions(Minter()))
    build_index(writer, index_path)
    assert site.index() is first  # until the site is told
    assert first.summary().meetings == 2  # a connection already open reads the file it opened

    def meetings() -> int:
        index = site.index()
        assert index is not None
        return index.summary().meetings

    with ThreadPoolExecutor(max_workers=4) as pool:
        reading = [pool.submit(meetings) for _ in range(200)]
        second = site.reopen_index()
        assert {r.result() for r in reading} <= {2, 5}  # one or the other, never an error
    assert second is not None
    assert site.index() is second
    assert (second.summary().meetings, second.summary().items) == (5, 46)
    first.close()
    second.close()


def test_a_file_that_is_no_index_is_no_index(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite"
    path.write_bytes(b"no database" * 100)
    site = Site(base=BASE, store_path=tmp_path / "store", index_path=path)
    assert site.index() is None
    assert site.reopen_index() is None
