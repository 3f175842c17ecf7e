"""web/app.py takes every setting from the settings it is given (``referatgraf serve`` passes
them, each with its default from ``referatgraf/settings.py``): nothing is read from the
environment nor defaulted in ``web/``."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.index_location import index_location
from graph.location import store_location
from web.app import create_app
from web.publish_state import PublishState
from web.server import ServeSettings

BASE = "https://example.org/graf/"


def test_the_app_is_built_from_the_settings_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFERATGRAF_DUMPS", str(tmp_path / "from-the-environment"))
    monkeypatch.setenv("REFERATGRAF_BASE", "https://example.org/other/")
    settings = ServeSettings(
        store=store_location("http://127.0.0.1:7878"),
        base=BASE,
        dumps=tmp_path / "dumps",
        state_ttl=0.25,
        index=index_location(tmp_path / "side.sqlite"),
    )
    app = create_app(settings)
    publish = app.state.publish
    assert isinstance(publish, PublishState)
    assert (publish.dumps, publish.base, publish.store_path) == (
        tmp_path / "dumps",
        BASE,
        settings.store,
    )
    site = app.state.site
    assert (site.base, site.store_path, site.index_path) == (BASE, settings.store, settings.index)
    assert app.state.current.ttl == 0.25


def test_over_a_store_folder_the_state_is_read_once(tmp_path: Path) -> None:
    settings = ServeSettings(tmp_path / "store", BASE, tmp_path / "dumps", 0.25, None)
    assert create_app(settings).state.current.ttl is None
