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
supervisor starts them (spawned: each imports the app afresh through the factory it is named,
``referatgraf serve``'s: :mod:`referatgraf.serve_command`), restarts one that dies, and stops
them all on SIGINT or SIGTERM; each also dies with the supervisor if that is killed.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from typing import Any

import uvicorn
from fastapi import FastAPI
from uvicorn.supervisors import Multiprocess

from web.front_door import front_door

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def run(app: FastAPI, host: str, port: int, *, access_log: bool = True) -> None:
    """Serve ``app`` (from ``web.app.create_app``) in this process until interrupted; one log
    line per request on stderr."""
    log_to_stderr(access_log)
    uvicorn.Server(_config(front_door(app), host, port)).run()


def run_processes(factory: str, host: str, port: int, processes: int) -> None:
    """Serve the app that ``factory`` (``"module:function"``, called in each process, which
    serves :func:`~web.front_door.front_door` of the app) makes, in ``processes`` processes,
    until interrupted."""
    log_to_stderr(access_log=True)
    config = _config(factory, host, port, factory=True)
    config.workers = processes
    socket = config.bind_socket()
    Multiprocess(config, sockets=[socket]).run()


def log_to_stderr(access_log: bool) -> None:
    """Log lines on stderr; the access log's (one line per request) only if ``access_log``."""
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
