"""The real server, started as a user would (``python -m referatgraf serve``) on a free
loopback port, over the five samples or over the W3C protocol tests' data. Every process is
stopped at the end, and the port with it."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest
from pyoxigraph import Quad, RdfFormat, parse
from selenium.webdriver.chrome.webdriver import WebDriver

from graph.store import MinutesStore
from tests.conftest import ROOT, referatgraf
from tests.web.chrome import chrome

if TYPE_CHECKING:
    from tests.web.crawler import Crawl

PROTOCOL_TESTS = ROOT / "tests" / "data" / "sparql11-protocol"  # copied from shared/specs
STARTUP_SECONDS = 90


@dataclass(frozen=True)
class Server:
    url: str
    log: Path
    store: Path
    pid: int = 0

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(store: Path, log: Path, *options: str) -> Iterator[Server]:
    port = free_port()
    command = [sys.executable, "-m", "referatgraf", "serve", "--store", str(store)]
    command += ["--port", str(port), *options]
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, cwd=ROOT)
    server = Server(f"http://127.0.0.1:{port}", log, store, process.pid)
    try:
        _wait_until_ready(process, server)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _wait_until_ready(process: subprocess.Popen[bytes], server: Server) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}:\n{server.log.read_text()}")
        try:
            if httpx.get(server.url + "/healthz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    pytest.fail(f"the server did not answer within {STARTUP_SECONDS} s:\n{server.log.read_text()}")


def descendants(pid: int) -> set[int]:
    """Every process below ``pid``, from ``/proc``."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat[stat.rindex(")") + 2 :].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def outliving(pids: set[int], seconds: float = 10) -> dict[int, str]:
    """Those of ``pids`` still running (not zombies) after up to ``seconds``, with their
    command lines: what a stopped server left behind."""
    deadline = time.monotonic() + seconds
    while True:
        alive = {}
        for pid in pids:
            try:
                stat = Path(f"/proc/{pid}/stat").read_text()
                command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
            except OSError:
                continue
            if stat[stat.rindex(")") + 2] != "Z":
                alive[pid] = command.decode(errors="replace")
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


@pytest.fixture(scope="session")
def server(samples_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The server over the samples: 2 workers, a 3 s time limit, 2,000 rows, 32 KiB requests."""
    log = tmp_path_factory.mktemp("server") / "server.log"
    yield from start_server(
        samples_store,
        log,
        "--workers=2",
        "--query-timeout=3",
        "--max-rows=2000",
        "--max-request-bytes=32768",
    )


@pytest.fixture(scope="session")
def published(samples_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The server over the samples, with their dumps in ``$REFERATGRAF_DUMPS`` (so the
    catalog and the dump listing that every page links to are there)."""
    dumps = tmp_path_factory.mktemp("published") / "dumps"
    ran = referatgraf("dump", "--store", samples_store, "--out", dumps)
    assert ran.code == 0, ran.out + ran.err
    log = tmp_path_factory.mktemp("published-server") / "server.log"
    with pytest.MonkeyPatch.context() as environment:
        environment.setenv("REFERATGRAF_DUMPS", str(dumps))
        yield from start_server(samples_store, log, "--workers=2")


@pytest.fixture(scope="session")
def crawl(published: Server) -> Crawl:
    """Every page the home page leads to on ``published``, crawled once for the crawl tests
    (over HTTP in test_crawl.py, in Chromium in test_crawl_browser.py)."""
    from tests.web.crawler import Crawler  # noqa: PLC0415 - the crawler imports this module

    crawler = Crawler(published)
    try:
        return crawler.crawl()
    finally:
        crawler.client.close()


@pytest.fixture(scope="session")
def protocol_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The server over the W3C protocol tests' data: each data file a named graph."""
    store = tmp_path_factory.mktemp("protocol") / "store"
    minutes, _ = MinutesStore.open(store)
    for name in ("data1", "data2", "data3"):
        graph = f"http://kasei.us/2009/09/sparql/data/{name}.rdf"
        triples = parse(path=PROTOCOL_TESTS / f"{name}.nt", format=RdfFormat.N_TRIPLES)
        minutes.replace_graph(graph, (Quad(t.subject, t.predicate, t.object) for t in triples))
    minutes.flush()
    del minutes
    log = tmp_path_factory.mktemp("protocol-server") / "server.log"
    yield from start_server(store, log, "--workers=2")


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[WebDriver]:
    driver = chrome(tmp_path / "profile")
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def browser_without_javascript(tmp_path: Path) -> Iterator[WebDriver]:
    driver = chrome(tmp_path / "profile", javascript=False)
    try:
        yield driver
    finally:
        driver.quit()
