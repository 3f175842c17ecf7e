"""Run the app with uvicorn: one process, uvloop and httptools where installed (a worker
pool does the queries and another renders the pages, :mod:`web.page_workers`; uvicorn's own
--workers would multiply the query pool and its limits, and cost keep-alive latency)."""

from __future__ import annotations

import importlib.util
import logging
import sys

import uvicorn
from fastapi import FastAPI

from web.app import front_door

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def run(app: FastAPI, host: str, port: int, *, access_log: bool = True) -> None:
    """Serve ``app`` (from ``web.app.create_app``) until interrupted; one log line per request
    on stderr."""
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT, stream=sys.stderr)
    logging.getLogger("referatgraf.access").setLevel(
        logging.INFO if access_log else logging.WARNING
    )
    config = uvicorn.Config(
        front_door(app),
        host=host,
        port=port,
        loop="uvloop" if importlib.util.find_spec("uvloop") else "asyncio",
        http="httptools" if importlib.util.find_spec("httptools") else "h11",
        access_log=False,  # the app writes its own, with timings and sizes
        log_level="info",
        lifespan="on",
        proxy_headers=False,  # served directly; behind a proxy, run uvicorn with its own flags
        timeout_graceful_shutdown=5,
    )
    uvicorn.Server(config).run()
