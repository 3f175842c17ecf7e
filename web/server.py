"""Run the app with uvicorn, uvloop and httptools where installed: in one process, or in
``processes`` processes that share one listening socket (the kernel hands each connection to
one of them).

Python serves one request at a time per process, so on a machine with several cores one process
leaves cores idle for everything it does itself: HTTP, the result cache, lookups (queries whose
text bounds their work, answered without a worker: :mod:`sparql.lookups`). With ``processes``
the whole app runs in each, with the same options: its own query workers and page workers, its
own admission limit and answer cache. (Sharing the workers out was tried: the kernel gives the
connections of one client unevenly to the processes, so one worker was left with most of the
queries and a process's share of the admission limit turned some away with 503.) uvicorn's
supervisor starts them (spawned: each imports the app afresh through
:func:`app_from_environment`, the settings passed in ``$REFERATGRAF_SERVE``), restarts one that
dies, and stops them all on SIGINT or SIGTERM; each also dies with the supervisor if that is
killed.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI
from uvicorn.supervisors import Multiprocess

from graph.index_location import IndexLocation, index_location
from graph.location import StoreLocation, store_location
from graph.publish.settings import PublishSettings
from sparql.limits import LOOKUP_ROWS, Limits
from sparql.sandbox import die_with_parent, spawned_by
from web.app import create_app, front_door

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
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


def run(app: FastAPI, host: str, port: int, *, access_log: bool = True) -> None:
    """Serve ``app`` (from ``web.app.create_app``) in this process until interrupted; one log
    line per request on stderr."""
    _logging(access_log)
    uvicorn.Server(_config(front_door(app), host, port)).run()


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
        run(create_app(settings, limits, page_workers=page_workers), host, port)
        return
    _logging(access_log=True)
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
    config = _config("web.server:app_from_environment", host, port, factory=True)
    config.workers = processes
    socket = config.bind_socket()
    Multiprocess(config, sockets=[socket]).run()


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
    _logging(access_log=True)
    app = create_app(settings, Limits(**given["limits"]), page_workers=given["page_workers"])
    return front_door(app)


def _logging(access_log: bool) -> None:
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT, stream=sys.stderr)
    logging.getLogger("referatgraf.access").setLevel(
        logging.INFO if access_log else logging.WARNING
    )


def _config(app: Any, host: str, port: int, *, factory: bool = False) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        factory=factory,
        loop="uvloop" if importlib.util.find_spec("uvloop") else "asyncio",
        http="httptools" if importlib.util.find_spec("httptools") else "h11",
        access_log=False,  # the app writes its own, with timings and sizes
        log_level="info",
        lifespan="on",
        proxy_headers=False,  # served directly; behind a proxy, run uvicorn with its own flags
        timeout_graceful_shutdown=5,
    )
