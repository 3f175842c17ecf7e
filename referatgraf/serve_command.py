"""``referatgraf serve`` (and ``demo``, which serves after loading): builds what the web app
routes to from the settings ``referatgraf/`` resolved (the command line, the environment, the
defaults) and hands it to :func:`web.app.create_app`, in one process or in several.

Several processes (``--processes``) are spawned by uvicorn's supervisor (:mod:`web.server`):
each builds its own app through :func:`app_from_environment`, from the settings passed in
``$REFERATGRAF_SERVE``.
"""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from graph.index_location import IndexLocation, index_location
from graph.location import StoreLocation, index_path_for, store_location
from publishing.publication import PublishSettings
from sparql.limits import LOOKUP_ROWS, Limits
from sparql.lookups import Lookups
from sparql.query_worker import store_state
from sparql.sandbox import die_with_parent, spawned_by
from sparql.store_state import CurrentState
from sparql.worker_pool import WorkerPool
from web.app import create_app
from web.app_parts import AppParts
from web.front_door import front_door
from web.index_refresh import IndexRefresher
from web.page_pool import PagePool
from web.server import log_to_stderr, run, run_processes
from web.site_readers import Site

SERVE_ENV = "REFERATGRAF_SERVE"


@dataclass(frozen=True)
class ServeSettings:
    """What each process needs to build the app (``referatgraf.settings.Settings``'s fields)."""

    store: StoreLocation
    base: str
    dumps: Path
    state_ttl: float
    """Seconds the store's state is kept before it is read again (a store server's)."""
    index: IndexLocation | None
    """The side index (a SQLite file or a PostgreSQL URL); ``None``: beside the store."""
    publish: PublishSettings
    """Who publishes, and the server's public URL (what the catalog and the feeds say)."""


def build_app(
    settings: ServeSettings, limits: Limits | None = None, *, page_workers: int = 0
) -> FastAPI:
    """The app over the store of ``settings``: queries evaluated under ``limits`` (default:
    :class:`~sparql.limits.Limits`'), the dataset's pages rendered by ``page_workers``
    processes (0: in the server process). Nothing is started until the app is."""
    resolved = (limits or Limits()).resolved()
    index = index_path_for(settings.store) if settings.index is None else settings.index
    site = Site(base=settings.base, store_path=settings.store, index_path=index)
    # a read-only store folder does not see later writes: its state is read once
    ttl = None if isinstance(settings.store, Path) else settings.state_ttl
    parts = AppParts(
        site=site,
        current=CurrentState(lambda: store_state(site.store()), ttl),
        queries=WorkerPool(settings.store, resolved),
        lookups=Lookups(site.store, resolved.lookup_rows or 0),
        pages=PagePool(site, page_workers),
        refresher=IndexRefresher(site),
        limits=resolved,
        dumps=settings.dumps,
        publish=settings.publish,
    )
    return create_app(parts)


def serve(
    settings: ServeSettings,
    limits: Limits,
    host: str,
    port: int,
    *,
    page_workers: int,
    processes: int = 1,
) -> None:
    """Serve the app over ``settings`` in ``processes`` processes until interrupted."""
    if limits.lookup_rows is None:  # lookups in the server process pay only with several
        limits = dataclasses.replace(limits, lookup_rows=LOOKUP_ROWS if processes > 1 else 0)
    if processes <= 1:
        run(build_app(settings, limits, page_workers=page_workers), host, port)
        return
    os.environ[SERVE_ENV] = json.dumps(
        {
            "store": str(settings.store),
            "base": settings.base,
            "index": None if settings.index is None else str(settings.index),
            "dumps": str(settings.dumps),
            "state_ttl": settings.state_ttl,
            "publish": dataclasses.asdict(settings.publish),
            "limits": dataclasses.asdict(limits),
            "page_workers": page_workers,
        }
    )
    run_processes("referatgraf.serve_command:app_from_environment", host, port, processes)


def app_from_environment() -> Any:
    """The app of one of several processes (uvicorn calls this in each; see :func:`serve`)."""
    die_with_parent(spawned_by())
    given = json.loads(os.environ[SERVE_ENV])
    settings = ServeSettings(
        store_location(given["store"]),
        given["base"],
        Path(given["dumps"]),
        given["state_ttl"],
        index_location(given["index"]) if given["index"] else None,
        PublishSettings(**given["publish"]),
    )
    log_to_stderr(access_log=True)
    app = build_app(settings, Limits(**given["limits"]), page_workers=given["page_workers"])
    return front_door(app)
