"""Stateless web servers (sparql/store_state.py): two ``referatgraf serve`` processes over one store
server answer byte for byte alike, and what ``referatgraf load`` puts into the store while they
run shows on both within a few seconds, without a restart, under new ETags. Twice: over an
``oxigraph serve`` with the side index in SQLite (``data/127.0.0.1-PORT.index.sqlite`` of the
folder they run in), and over a Virtuoso 7 with the side index in a PostgreSQL, as several
machines would share them (``$REFERATGRAF_INDEX``; writes log in to Virtuoso).

Everything runs as a user runs it, in subprocesses from one folder: the
store server, ``load`` twice (Lemvig's minutes of 8 June 2022, then Lejre's of 4 May 2022,
both of which mention KLAPjob) and the two web servers, one rendering pages in a page worker
and one in its own process. Every request names the same public ``Host``, as the proxy in
front of them would (pages build their self-links from it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from graph.backends.virtuoso import PASSWORD_ENV, USER_ENV
from graph.location import StoreUrl
from referatgraf.settings import INDEX_ENV
from tests.conftest import ROOT
from tests.graph.oxigraph_server import oxigraph_serve
from tests.graph.postgres_server import postgres_server
from tests.graph.virtuoso_server import DBA, virtuoso_serve
from tests.servers import free_port, running_server

pytestmark = pytest.mark.slow

REFERATGRAF = Path(sys.executable).with_name("referatgraf")
SAMPLES = ROOT / "referatgraf" / "samples"
LEMVIG = SAMPLES / "000_dccc08daabfe9e2b.txt"  # 8 June 2022, mentions KLAPjob
LEJRE = SAMPLES / "002_5e003f0efdc1cc02.txt"  # 4 May 2022, mentions KLAPjob
HOST = {"Host": "referatgraf.example"}
STARTUP_SECONDS = 120
FOLLOW_SECONDS = 10  # the state is read again after 1 s (the default); the index is rebuilt
MEETINGS = (
    "PREFIX rg: <https://w3id.org/referatgraf/def#> "
    "SELECT ?date WHERE { ?m a rg:Meeting ; rg:date ?date } ORDER BY ?date"
)
JSON = "application/sparql-results+json"
PAGES = {
    "program": ("/program/klapjob", {}),
    "kommune": ("/kommune/lejre", {}),
    "search": ("/soeg?q=klapjob", {}),
    "sparql": (f"/sparql?query={quote(MEETINGS)}", {"Accept": JSON}),
    "feed": ("/feeds/program/klapjob.atom", {}),
}


Answer = tuple[int, bytes, str | None]
"""Status, body and ETag."""


SETUPS = ["oxigraph+sqlite", "virtuoso+postgresql"]


@contextmanager
def backends(setup: str, folder: Path) -> Iterator[tuple[StoreUrl, dict[str, str]]]:
    """The store server and side index of ``setup``, running; the store's URL and the
    environment every command runs with."""
    if setup == "oxigraph+sqlite":
        with oxigraph_serve(folder) as store:
            yield store, dict(os.environ)
        return
    with virtuoso_serve(folder) as http, postgres_server() as postgres:
        env = {**os.environ, USER_ENV: DBA[0], PASSWORD_ENV: DBA[1]}
        env[INDEX_ENV] = postgres.database()
        yield StoreUrl(f"virtuoso+{http}"), env


def load(store: StoreUrl, folder: Path, sample: Path, env: dict[str, str]) -> None:
    """``referatgraf load --store URL SAMPLE`` from ``folder`` (its side index goes there, or
    to the database in the environment)."""
    done = subprocess.run(
        [str(REFERATGRAF), "load", "--store", store, str(sample)],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"loaded     {sample}" in done.stdout


@contextmanager
def web_server(
    store: StoreUrl, folder: Path, env: dict[str, str], name: str, *options: str
) -> Iterator[str]:
    port = free_port()
    command = [str(REFERATGRAF), "serve", "--store", store, "--port", str(port)]
    command += ["--workers", "1", *options]
    url = f"http://127.0.0.1:{port}"
    log = folder / f"{name}.log"
    ready = f"{url}/healthz"
    with running_server(command, ready, log, STARTUP_SECONDS, name=name, cwd=folder, env=env):
        yield url


def fetch(client: httpx.Client, url: str) -> dict[str, Answer]:
    """Each page of :data:`PAGES` from the server at ``url``."""
    answers = {}
    for name, (path, headers) in PAGES.items():
        response = client.get(url + path, headers={**HOST, **headers})
        answers[name] = (response.status_code, response.content, response.headers.get("etag"))
    return answers


def meeting_dates(answers: dict[str, Answer]) -> list[str]:
    status, body, _ = answers["sparql"]
    rows = json.loads(body)["results"]["bindings"] if status == 200 else []
    return [row["date"]["value"] for row in rows]


LEJRE_MEETING = (
    "/kommune/lejre/udvalg/udvalget-for-job-arbejdsmarked-og-integration/moede/2022-05-04"
)
SHOWN_BEFORE = {
    "program": "1 omtale i 1 dagsordenspunkt fra 1 kommune.",
    "kommune": "Ingen møder indlæst endnu.",
    "search": "1 dagsordenspunkt passer på søgningen",
    "feed": "<title>Lemvig Kommune: De beskæftigelsespolitiske mål for 2023</title>",
}
SHOWN_AFTER = {
    "program": "2 omtaler i 2 dagsordenspunkter fra 2 kommuner.",
    "kommune": f'href="{LEJRE_MEETING}"',
    "search": "2 dagsordenspunkter passer på søgningen",
    "feed": "<title>Lejre Kommune: Orientering maj 2022</title>",
}


def shows(answers: dict[str, Answer], texts: dict[str, str]) -> bool:
    return all(text.encode() in answers[name][1] for name, text in texts.items())


def settled(
    client: httpx.Client, servers: list[str], done: Callable[[dict[str, Answer]], bool]
) -> list[dict[str, Answer]]:
    """The pages of every server once ``done`` holds for each and all servers agree (or as
    they are after :data:`FOLLOW_SECONDS`)."""
    deadline = time.monotonic() + FOLLOW_SECONDS
    while True:
        answers = [fetch(client, url) for url in servers]
        if all(done(a) for a in answers) and all(a == answers[0] for a in answers):
            return answers
        if time.monotonic() > deadline:
            return answers
        time.sleep(0.25)


@pytest.mark.parametrize("setup", SETUPS)
def test_two_servers_answer_alike_and_follow_a_load_without_restart(
    setup: str, tmp_path: Path
) -> None:
    with ExitStack() as running, httpx.Client(timeout=30) as client:
        store, env = running.enter_context(backends(setup, tmp_path))
        load(store, tmp_path, LEMVIG, env)
        servers = [
            running.enter_context(web_server(store, tmp_path, env, "paged", "--page-workers", "1")),
            running.enter_context(
                web_server(store, tmp_path, env, "inline", "--page-workers", "0")
            ),
        ]

        before = settled(client, servers, lambda a: meeting_dates(a) == ["2022-06-08"])
        assert before[0] == before[1]  # status, body and ETag of every page
        first = before[0]
        assert {name: answer[0] for name, answer in first.items()} == dict.fromkeys(PAGES, 200)
        assert all(answer[2] for answer in first.values())  # every answer has an ETag
        assert meeting_dates(first) == ["2022-06-08"]
        assert shows(first, SHOWN_BEFORE)
        assert not shows(first, {"kommune": SHOWN_AFTER["kommune"]})

        load(store, tmp_path, LEJRE, env)  # while both servers run
        after = settled(client, servers, lambda a: shows(a, SHOWN_AFTER))
        assert after[0] == after[1]
        second = after[0]
        assert meeting_dates(second) == ["2022-05-04", "2022-06-08"]
        assert shows(second, SHOWN_AFTER)
        assert shows(second, {"feed": SHOWN_BEFORE["feed"]})  # the earlier entry stays
        for name in PAGES:
            assert second[name][0] == 200
            assert second[name][2] != first[name][2], name
