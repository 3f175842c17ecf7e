"""Pages rendered by page workers (``serve --page-workers``, by default one per core): what a
worker answers is byte for byte what the server process answers itself, the workers do the
work, and a worker that dies is replaced while the pages go on being answered."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import web.page_pool
from graph.location import index_path_for
from sparql.query_worker import store_state
from tests.web.conftest import Server, descendants, outliving, start_server
from web.page_pool import _answer, _Opened
from web.resources import Resources, load_builders
from web.site_readers import Site

ITEM = (
    "/kommune/lejre/udvalg/udvalget-for-job-arbejdsmarked-og-integration/moede/2022-05-04/punkt/4"
)
PATHS = (  # the dataset's paths (the home page and the others are the server's own)
    ITEM,
    ITEM + ".ttl",
    "/lov/lab-2019",
    "/lov/lab-2019?side=2",
    "/program/klapjob",
    "/kommune/lejre",
    "/findes/ikke",
    "/def",
)
SAME_HEADERS = (
    "content-type", "content-length", "etag", "vary", "content-location", "link",
    "content-security-policy", "cache-control",
)  # fmt: skip


@pytest.fixture(scope="module")
def in_process(samples_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The same store, every page rendered in the server process."""
    log = tmp_path_factory.mktemp("in-process") / "server.log"
    yield from start_server(samples_store, log, "--workers=2", "--page-workers=0")


def settled(server: Server, workers: int, seconds: float = 60) -> dict[str, object]:
    """The server's health once ``workers`` page workers are at work."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state: dict[str, object] = httpx.get(server.url + "/healthz").json()
        if state["page_workers"] == workers:
            return state
        time.sleep(0.2)
    pytest.fail(f"{server.url} had not {workers} page workers after {seconds} s")


def page_workers(server: Server) -> list[int]:
    """The processes of ``server`` that render pages (started by multiprocessing's spawn)."""
    found = []
    for pid in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split():
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
        if b"spawn_main" in command:
            found.append(int(pid))
    return sorted(found)


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def test_a_worker_answers_what_the_server_process_answers(
    server: Server, in_process: Server
) -> None:
    settled(server, 2)
    settled(in_process, 0)
    for path in PATHS:
        for accept in ("text/html", "text/turtle", "application/ld+json"):
            for method in ("GET", "HEAD"):
                a = httpx.request(method, server.url + path, headers={"Accept": accept})
                b = httpx.request(method, in_process.url + path, headers={"Accept": accept})
                assert (a.status_code, a.content) == (b.status_code, b.content), (path, accept)
                for name in SAME_HEADERS:
                    assert a.headers.get(name) == b.headers.get(name), (path, accept, name)
    item = httpx.get(server.url + ITEM, headers={"Accept": "text/html"})
    assert item.status_code == 200
    assert "Beslutning" in item.text
    again = httpx.get(server.url + ITEM, headers={"If-None-Match": item.headers["etag"]})
    assert again.status_code == 304


def test_the_workers_render_the_pages(server: Server) -> None:
    settled(server, 2)
    workers = page_workers(server)
    assert len(workers) == 2
    before = sum(cpu_ticks(pid) for pid in workers)
    server_before = cpu_ticks(server.pid)
    for _ in range(40):
        assert httpx.get(server.url + "/lov/lab-2019", headers={"Accept": "text/html"}).is_success
    used = sum(cpu_ticks(pid) for pid in workers) - before
    assert used > 0, "the page workers did no work"
    assert used > (cpu_ticks(server.pid) - server_before) / 4  # the pages' share, not the HTTP


def test_a_worker_that_dies_is_replaced_and_no_request_fails(
    samples_store: Path, tmp_path: Path
) -> None:
    for server in start_server(samples_store, tmp_path / "server.log", "--workers=2"):
        settled(server, 2)
        first = page_workers(server)
        os.kill(first[0], signal.SIGKILL)
        for _ in range(20):  # answered by the server process until the workers are back
            response = httpx.get(server.url + ITEM, headers={"Accept": "text/html"})
            assert response.status_code == 200
        settled(server, 2)
        replaced = page_workers(server)
        assert len(replaced) == 2
        assert first[0] not in replaced
        assert httpx.get(server.url + ITEM, headers={"Accept": "text/html"}).status_code == 200
        assert "a page worker died" in server.log.read_text()


def test_a_killed_server_leaves_no_worker_behind(samples_store: Path, tmp_path: Path) -> None:
    for server in start_server(samples_store, tmp_path / "server.log", "--workers=2"):
        settled(server, 2)
        children = descendants(server.pid)
        assert len(children) >= 4  # two query workers, two page workers
        os.kill(server.pid, signal.SIGKILL)
        assert not outliving(children)


def test_a_worker_follows_the_index_the_server_switched_to(
    samples_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a worker does with a request, run in this process: it answers over its own site,
    and reopens the side index when the request carries a generation it has not seen."""
    load_builders()
    site = Site(
        base="https://w3id.org/referatgraf/",
        store_path=samples_store,
        index_path=index_path_for(samples_store),
    )
    opened = _Opened(Resources(site))
    monkeypatch.setattr(web.page_pool, "_opened", [opened])
    token = store_state(site.store()).token
    scope = {
        "type": "http", "method": "GET", "scheme": "http", "path": "/kommune/lejre",
        "raw_path": b"/kommune/lejre", "root_path": "", "query_string": b"",
        "headers": [(b"host", b"127.0.0.1"), (b"accept", b"text/html")],
        "server": ("127.0.0.1", 80),
    }  # fmt: skip
    status, _, first = _answer(scope, 0, token)
    assert (status, site.generation, opened.generation) == (200, 0, 0)
    assert b"Lejre" in first
    status, _, again = _answer(scope, 3, token)
    assert (status, site.generation, opened.generation) == (200, 1, 3)
    assert again == first
