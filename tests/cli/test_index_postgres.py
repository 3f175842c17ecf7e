"""``--index postgresql://...`` (and ``$REFERATGRAF_INDEX``): ``load`` keeps the side index in
a PostgreSQL database in step, ``index --full`` rebuilds it, and two ``serve`` processes read
the same index and answer the same search page. Against a PostgreSQL the tests start."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import pytest

from graph.index_location import IndexUrl
from searchindex import SiteIndex
from tests.cli.conftest import SAMPLE_FILES, referatgraf
from tests.conftest import ROOT, Ran
from tests.graph.postgres_server import Postgres, available, postgres_server
from tests.web.conftest import start_server


@pytest.fixture(scope="module")
def server() -> Iterator[Postgres]:
    assert available(), "PostgreSQL is not installed: make postgres-deps"
    with postgres_server() as running:
        yield running


def _with_env(url: str, *args: str | Path) -> Ran:
    """``referatgraf ARGS`` with ``$REFERATGRAF_INDEX`` set to ``url``."""
    env = {**os.environ, "REFERATGRAF_INDEX": url}
    done = subprocess.run(
        [sys.executable, "-m", "referatgraf", *map(str, args)],
        capture_output=True, text=True, timeout=300, check=False, cwd=ROOT, env=env,
    )  # fmt: skip
    return Ran(done.returncode, done.stdout, done.stderr)


def test_load_keeps_the_index_in_postgresql_and_index_rebuilds_it(
    tmp_path: Path, server: Postgres
) -> None:
    store, url = tmp_path / "store", server.database()
    ran = referatgraf("load", "--store", store, "--index", url, *SAMPLE_FILES[:3])
    assert ran.code == 0, ran.out + ran.err
    line = rf"index {{6}}built: 3 documents, \d+ mentions in [\d.]+ s -> {re.escape(url)}"
    assert re.fullmatch(line, ran.out.splitlines()[-1]), ran.out
    assert not (tmp_path / "store.index.sqlite").exists()  # no file beside the store

    loaded = _with_env(url, "load", "--store", store, *SAMPLE_FILES)
    assert loaded.code == 0, loaded.out + loaded.err
    last = loaded.out.splitlines()[-1]
    assert last.startswith("index      updated (2 new, 0 dropped): 5 documents, 318 mentions")
    again = _with_env(url, "index", "--store", store)
    assert again.out.startswith("index      updated (0 new, 0 dropped): 5 documents"), again.out
    full = referatgraf("index", "--full", "--store", store, "--index", url)
    assert full.out.startswith("index      built: 5 documents, 318 mentions"), full.out
    index = SiteIndex.open(IndexUrl(url))
    assert (index.summary().meetings, index.search("KLAPjob").total) == (5, 2)
    index.close()


def test_an_index_url_of_another_kind_or_a_database_away_is_refused(
    tmp_path: Path, server: Postgres
) -> None:
    other = referatgraf("index", "--store", tmp_path / "store", "--index", "mysql://x/y")
    assert other.code == 2
    assert "not a side index this version can use: 'mysql://x/y'" in other.err
    away = f"postgresql://postgres:hemmelig@127.0.0.1:{server.port + 1}/x"
    ran = referatgraf("load", "--store", tmp_path / "store", "--index", away, SAMPLE_FILES[0])
    assert ran.code == 1, ran.out + ran.err
    assert "the side index at postgresql://postgres:***@127.0.0.1:" in ran.err
    assert "cannot be written" in ran.err
    assert "hemmelig" not in ran.out + ran.err


def test_two_servers_over_one_index_answer_the_same_search(
    tmp_path: Path, server: Postgres
) -> None:
    store, url = tmp_path / "store", server.database()
    ran = referatgraf("load", "--store", store, "--index", url, *SAMPLE_FILES)
    assert ran.code == 0, ran.out + ran.err
    with ExitStack() as stack:
        servers = [
            stack.enter_context(serving(store, tmp_path / f"serve-{n}.log", "--index", url))
            for n in (1, 2)
        ]
        pages = [
            httpx.get(s.url + "/soeg", params={"q": q})
            for q in ("KLAPjob", "aeldre")
            for s in servers
        ]
    assert [p.status_code for p in pages] == [200] * 4
    assert pages[0].text == pages[1].text
    assert pages[2].text == pages[3].text
    assert "Orientering maj 2022" in pages[0].text  # Lejre's item that names KLAPjob
    assert "De beskæftigelsespolitiske mål for 2023" in pages[0].text  # and Lemvig's
    assert sorted(re.findall(r"<mark>(\w+)</mark>", pages[2].text)) == ["Ældre", "Ældreområdet"]


serving = contextmanager(start_server)
