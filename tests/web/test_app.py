"""The app takes every setting from the settings it is given (``referatgraf serve`` passes
them, resolved in ``referatgraf/`` from the command line, the environment or the defaults, and
builds the app's parts from them: ``referatgraf.serve_command``): nothing is read from the
environment nor defaulted in ``web/``."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pytest

from graph.index_location import index_location
from graph.location import store_location
from publishing.publication import PublishSettings
from referatgraf.serve_command import ServeSettings, build_app
from tests.web.conftest import start_server
from web.publish_state import PublishState

BASE = "https://example.org/graf/"


def test_the_app_is_built_from_the_settings_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFERATGRAF_DUMPS", str(tmp_path / "from-the-environment"))
    monkeypatch.setenv("REFERATGRAF_BASE", "https://example.org/other/")
    monkeypatch.setenv("REFERATGRAF_PUBLISHER", "Ikke os")
    settings = ServeSettings(
        store=store_location("http://127.0.0.1:7878"),
        base=BASE,
        dumps=tmp_path / "dumps",
        state_ttl=0.25,
        index=index_location(tmp_path / "side.sqlite"),
        publish=PublishSettings("https://data.example.dk", "KL", "data@example.dk"),
    )
    app = build_app(settings)
    publish = app.state.publish
    assert isinstance(publish, PublishState)
    assert (publish.dumps, publish.base, publish.store_path, publish.settings) == (
        tmp_path / "dumps",
        BASE,
        settings.store,
        PublishSettings("https://data.example.dk/", "KL", "data@example.dk"),
    )
    site = app.state.site
    assert (site.base, site.store_path, site.index_path) == (BASE, settings.store, settings.index)
    assert app.state.current.ttl == 0.25


def test_over_a_store_folder_the_state_is_read_once(tmp_path: Path) -> None:
    settings = ServeSettings(
        tmp_path / "store", BASE, tmp_path / "dumps", 0.25, None, PublishSettings()
    )
    assert build_app(settings).state.current.ttl is None


def test_without_an_index_given_the_site_reads_the_file_beside_the_store(tmp_path: Path) -> None:
    settings = ServeSettings(
        tmp_path / "store", BASE, tmp_path / "dumps", 0.25, None, PublishSettings()
    )
    assert build_app(settings).state.site.index_path == tmp_path / "store.index.sqlite"


def test_serve_in_several_processes_publishes_as_its_settings_say(
    samples_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFERATGRAF_PUBLIC_URL", "https://data.example.dk/")
    dumps = tmp_path / "dumps"
    dumps.mkdir()
    (dumps / "lejre.nq").write_bytes(b"")
    empty = hashlib.sha256(b"").hexdigest()
    (dumps / "SHA256SUMS").write_text(f"{empty}  lejre.nq\n", encoding="utf-8")
    monkeypatch.setenv("REFERATGRAF_DUMPS", str(dumps))
    started = start_server(samples_store, tmp_path / "server.log", "--processes=2", "--workers=1")
    server = next(started)
    try:
        for _ in range(4):  # whichever process answers
            catalog = httpx.get(f"{server.url}/catalog", headers={"Accept": "text/turtle"})
            assert catalog.status_code == 200
            assert "<https://data.example.dk/sparql>" in catalog.text
            assert str(tmp_path) not in catalog.text
            listing = httpx.get(f"{server.url}/dumps/", headers={"Accept": "application/json"})
            assert [(f["name"], f["sha256"]) for f in listing.json()["files"]] == [
                ("lejre.nq", empty)
            ]
    finally:
        started.close()
