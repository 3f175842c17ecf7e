"""Lookups over real HTTP: the server that answers them itself gives, header for header and
byte for byte, what a server that sends every query to a worker gives; and only lookups take
that way. And the server in several processes sharing one port."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.web.conftest import Server, descendants, outliving, start_server

ITEM = (
    "https://w3id.org/referatgraf/kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked/"
    "moede/2020-01-08/punkt/1"
)
RG = "PREFIX rg: <https://w3id.org/referatgraf/def#>\n"
LOOKUPS = [
    ("SELECT ?s ?p WHERE { ?s ?p <https://w3id.org/referatgraf/kommune/lejre> } LIMIT 50",
     "application/sparql-results+json"),
    (RG + "SELECT * WHERE { ?m a rg:Meeting } LIMIT 3 OFFSET 1", "application/sparql-results+xml"),
    (RG + "SELECT ?o WHERE { ?s rg:anchorText ?o } LIMIT 40", "text/csv"),
    ("SELECT ?s WHERE { ?s ?p 'KLAPjob' } LIMIT 10", "text/tab-separated-values"),
    (RG + "ASK { ?s rg:anchorText 'KLAPjob' }", "application/sparql-results+json"),
    (RG + "ASK { ?s rg:anchorText 'no such words' }", "application/sparql-results+xml"),
]  # fmt: skip
NOT_LOOKUPS = [
    "SELECT DISTINCT ?p WHERE { ?s ?p ?o } LIMIT 10",
    RG + "SELECT ?m WHERE { ?m a rg:Meeting ; rg:date ?d } LIMIT 10",
    "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1500",  # more than the 1,000 rows of a lookup
]
SAME_HEADERS = ("content-type", "etag", "last-modified", "vary", "content-encoding")


LIMITS = ("--workers=2", "--query-timeout=3", "--max-rows=2000", "--max-request-bytes=32768")


@pytest.fixture(scope="module")
def lookup_server(
    samples_store: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """The ``server`` fixture's limits, answering lookups itself (one process does not by
    default: ``--lookup-rows``)."""
    log = tmp_path_factory.mktemp("lookups") / "server.log"
    yield from start_server(samples_store, log, *LIMITS, "--lookup-rows=1000")


@pytest.fixture(scope="module")
def worker_only_server(
    samples_store: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """The same limits, as served by default in one process: every query to a worker."""
    log = tmp_path_factory.mktemp("workers-only") / "server.log"
    yield from start_server(samples_store, log, *LIMITS, "--result-cache-bytes=0")


def _lookups(server: Server) -> dict[str, int]:
    counts: dict[str, int] = httpx.get(server.url + "/healthz").json()["lookups"]
    return counts


@pytest.mark.parametrize("gzip", [False, True])
def test_a_lookup_is_answered_as_a_worker_answers_it(
    lookup_server: Server, worker_only_server: Server, gzip: bool
) -> None:
    server = lookup_server
    assert _lookups(server)["on"]
    assert not _lookups(worker_only_server)["on"]
    before = _lookups(server)["answered"]
    headers = {"Accept-Encoding": "gzip" if gzip else "identity"}
    for number, (query, accept) in enumerate(LOOKUPS):
        # a comment of its own makes each text new to the answer cache of ``server``
        text = f"{query}\n# lookup {number} gzip={gzip}"
        answers = [
            httpx.get(s.sparql, params={"query": text}, headers={"Accept": accept, **headers})
            for s in (server, worker_only_server)
        ]
        ours, theirs = answers
        assert ours.status_code == theirs.status_code == 200, (query, ours.text)
        assert ours.content == theirs.content, query
        for name in SAME_HEADERS:
            assert ours.headers.get(name) == theirs.headers.get(name), (query, name)
        assert ours.content  # every one of them has rows on the samples
    assert _lookups(server)["answered"] == before + len(LOOKUPS)
    assert _lookups(worker_only_server)["answered"] == 0


def test_only_lookups_take_the_lane(lookup_server: Server) -> None:
    server = lookup_server
    before = _lookups(server)["answered"]
    for number, query in enumerate(NOT_LOOKUPS):
        text = f"{query}\n# not a lookup {number}"
        answer = httpx.get(server.sparql, params={"query": text},
                           headers={"Accept": "application/sparql-results+json"})  # fmt: skip
        assert answer.status_code == 200, answer.text
        assert answer.json()["results"]["bindings"]
    assert _lookups(server)["answered"] == before


def test_a_bad_lookup_is_a_400_from_the_lane_too(lookup_server: Server) -> None:
    server = lookup_server
    before = _lookups(server)["answered"]
    answer = httpx.get(server.sparql, params={"query": "SELECT ?s WHERE { ?s nope:p ?o } LIMIT 3"})
    assert answer.status_code == 400
    assert answer.text.startswith("the query is not valid SPARQL: error at 1:28")
    assert _lookups(server)["answered"] == before + 1


def test_several_processes_share_the_port_and_stop_together(
    samples_store: Path, tmp_path: Path
) -> None:
    started = start_server(samples_store, tmp_path / "server.log", "--processes=2", "--workers=2")
    server = next(started)
    try:
        below = descendants(server.pid)
        health = [httpx.get(server.url + "/healthz").json() for _ in range(40)]
        pids = {answer["pid"] for answer in health}
        assert len(pids) == 2, pids  # the kernel spreads connections over both
        assert all(answer["lookups"]["on"] for answer in health)  # on by default with two
        assert pids <= below
        for query, accept in LOOKUPS[:2]:
            answer = httpx.get(server.sparql, params={"query": query}, headers={"Accept": accept})
            assert answer.status_code == 200
        query = RG + "SELECT ?m WHERE { ?m a rg:Meeting ; rg:date ?d }"
        answer = httpx.get(server.sparql, params={"query": query}, headers={"Accept": "text/csv"})
        assert answer.text.count("\n") == 6  # a header and the five meetings, from a worker
        page = httpx.get(server.url + "/kommune/lejre")
        assert page.status_code == 200
        assert "Lejre" in page.text
    finally:
        next(started, None)  # SIGTERM to the supervisor, which stops the rest
    assert not outliving(below)
