"""``referatgraf index`` builds the side index of the web pages; ``load`` keeps it in step."""

from __future__ import annotations

import re
from pathlib import Path

from graph.store import MinutesStore
from searchindex import SiteIndex, default_index_path
from tests.cli.conftest import SAMPLE_FILES, referatgraf


def test_load_builds_the_index_and_index_updates_it(tmp_path: Path) -> None:
    store = tmp_path / "store"
    index_path = default_index_path(store)
    ran = referatgraf("load", "--no-index", "--store", store, *SAMPLE_FILES[:3])
    assert ran.code == 0, ran.out + ran.err
    assert "index " not in ran.out
    assert not index_path.exists()

    built = referatgraf("index", "--store", store)
    assert built.code == 0, built.out + built.err
    where = re.escape(str(index_path))
    line = rf"index {{6}}built: 3 documents, \d+ mentions in [\d.]+ s -> {where}\n"
    assert re.fullmatch(line, built.out), built.out
    again = referatgraf("index", "--store", store)
    assert again.out.startswith("index      updated (0 new, 0 dropped): 3 documents"), again.out

    loaded = referatgraf("load", "--store", store, *SAMPLE_FILES)
    assert loaded.code == 0, loaded.out + loaded.err
    lines = loaded.out.splitlines()
    assert lines[-2] == "2 loaded, 3 skipped, 0 failed in " + lines[-2].rsplit(" in ", 1)[1]
    assert lines[-1].startswith("index      updated (2 new, 0 dropped): 5 documents, 318 mentions")
    index = SiteIndex.open(index_path)
    assert index.is_current(MinutesStore.open_read_only(store))
    assert index.summary().meetings == 5
    index.close()

    full = referatgraf("index", "--full", "--store", store)
    assert full.out.startswith("index      built: 5 documents, 318 mentions"), full.out


def test_index_without_a_store_is_a_usage_error(tmp_path: Path) -> None:
    ran = referatgraf("index", "--store", tmp_path / "nothing")
    assert ran.code == 2
    assert "no store at" in ran.err
    assert not default_index_path(tmp_path / "nothing").exists()
