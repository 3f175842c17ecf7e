"""``/healthz`` of an app that has not started: no query workers idle, no figures, no page
workers nor lookups yet, over the store's current state (the running server's answers are
checked through the real server: ``test_endpoint_e2e``, ``test_page_workers``,
``test_lookups_e2e``)."""

from __future__ import annotations

import os
from pathlib import Path

from publishing.publication import PublishSettings
from referatgraf.serve_command import ServeSettings, build_app
from sparql.query_worker import store_state
from web.health_page import health_page


def test_an_app_not_started_says_what_it_has_not_started(samples_store: Path) -> None:
    settings = ServeSettings(
        samples_store, "https://w3id.org/referatgraf/", Path("dumps"), 1.0, None, PublishSettings()
    )
    app = build_app(settings, page_workers=2)
    parts = app.state.parts
    assert health_page(parts, app.state.endpoint) == {
        "status": "ok",
        "store": store_state(parts.site.store()).token,
        "idle": 0,
        "figures": False,
        "page_workers": 0,
        "lookups": {"on": False, "answered": 0},
        "pid": os.getpid(),
    }
