"""Pages rendered in worker processes, so that a server on two cores renders two at once.

A page costs milliseconds of Python (its queries, the highlighting, the templates), and one
process runs Python on one core at a time: at eight concurrent readers the eighth waits for the
seven before it. :class:`PagePool` keeps ``processes`` workers, each with its own read-only view
of the store and the side index (:class:`~web.resources.Resources` over a
:class:`~web.site_readers.Site` of the same paths), and hands each request for a dataset path to one
of them; the server process keeps the connections, the middleware (compression, security
headers, the access log) and everything else.

What crosses to a worker is the request's ASGI scope (method, path, query string, headers: no
body, as pages are ``GET`` and ``HEAD``), the token of the store's state the server holds (for
the ``ETag``: :mod:`sparql.store_state`; a worker reads no state of its own) and the generation of
the side index: when the server switches to a rebuilt index
(:meth:`web.site_readers.Site.reopen_index`),
the next request tells each worker to switch too. What comes back is the response's status,
headers and body, byte for byte what the server process would have made itself.

The workers are started with ``spawn`` (the server runs threads, which ``fork`` does not carry
safely) when the app starts, and used once each has opened the store; until then, and after a
worker dies (the pool is then started afresh), requests are answered in the server process, as
they are with ``processes=0``.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import Response

from graph.index_location import index_location
from graph.location import store_location
from sparql.sandbox import die_with_parent, spawned_by
from web.resources import Resources, load_builders
from web.site_readers import Site

log = logging.getLogger("referatgraf.pages")

SCOPE_KEYS: Final = (
    "type", "asgi", "http_version", "method", "scheme", "path", "raw_path", "root_path",
    "query_string", "headers", "server", "client",
)  # fmt: skip
"""What of a request's scope a worker needs to answer it (all of it plain data)."""

Answer = tuple[int, list[tuple[bytes, bytes]], bytes]
"""A response as it crosses back: status, raw headers, body."""


@dataclass(frozen=True, slots=True)
class SiteParts:
    """What a worker needs to open the same site: the base and the two files' paths."""

    base: str
    store_path: str
    index_path: str

    @classmethod
    def of(cls, site: Site) -> SiteParts:
        return cls(site.base, str(site.store_path), str(site.index_path))


class PagePool:
    """``processes`` workers answering the dataset's paths (see the module's docstring)."""

    def __init__(self, site: Site, processes: int) -> None:
        self.site = site
        self.processes = processes
        self._executor: ProcessPoolExecutor | None = None
        self._ready = False

    @property
    def ready(self) -> bool:
        """Whether requests go to the workers now."""
        return self._ready

    async def start(self) -> None:
        """Start the workers and wait until each has opened the store (a few seconds); from
        then on, :meth:`answer` uses them."""
        if self.processes < 1:
            return
        executor = ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(SiteParts.of(self.site),),
        )
        self._executor = executor
        try:
            # One job per worker: a pool started with spawn adds a process while none is idle
            await asyncio.gather(
                *(asyncio.wrap_future(executor.submit(_warm)) for _ in range(self.processes))
            )
        except (BrokenProcessPool, OSError) as error:
            log.warning("page workers did not start (%s); pages are rendered in the server", error)
            self._executor = None
            executor.shutdown(wait=False, cancel_futures=True)
            return
        self._ready = executor is self._executor

    async def answer(self, request: Request, token: str) -> Response | None:
        """The response to ``request`` over the store state ``token``, made by a worker;
        ``None`` when no worker can take it (not started, or broken: the pool is then
        restarted in the background)."""
        executor = self._executor
        if not self._ready or executor is None:
            return None
        scope = {key: request.scope[key] for key in SCOPE_KEYS if key in request.scope}
        try:
            future: Future[Answer] = executor.submit(_answer, scope, self.site.generation, token)
            status, headers, body = await asyncio.wrap_future(future)
        except BrokenProcessPool:
            self._restart(executor)
            return None
        response = Response(body, status_code=status)
        response.raw_headers = headers
        return response

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        if self._executor is not broken:
            return  # another request saw it first
        log.warning("a page worker died; starting the page workers again")
        self._ready, self._executor = False, None
        broken.shutdown(wait=False, cancel_futures=True)
        asyncio.get_running_loop().create_task(self.start())

    async def close(self) -> None:
        executor, self._executor, self._ready = self._executor, None, False
        if executor is not None:
            await asyncio.to_thread(executor.shutdown, wait=True, cancel_futures=True)


@dataclass(slots=True)
class _Opened:
    """What a worker process has open: its own resources, and the generation of the side
    index they read (the server's, as the latest request said)."""

    resources: Resources
    generation: int = 0


_opened: list[_Opened] = []
"""This worker's (one, once :func:`_start_worker` has run; none in the server process)."""


def _start_worker(parts: SiteParts) -> None:
    # a server that is killed takes its page workers with it: their queue's pipe stays open
    # in the sibling workers, so they would not see it go
    die_with_parent(spawned_by())
    load_builders()
    index = index_location(parts.index_path)
    site = Site(base=parts.base, store_path=store_location(parts.store_path), index_path=index)
    _opened[:] = [_Opened(Resources(site))]


def _warm() -> bool:
    site = _opened[0].resources.site
    site.store()
    site.index()
    return True


def _answer(scope: dict[str, Any], generation: int, token: str) -> Answer:
    opened = _opened[0]
    if generation != opened.generation:
        opened.resources.site.reopen_index()
        opened.generation = generation
    response = opened.resources.answer(Request(scope), token)
    return response.status_code, response.raw_headers, bytes(response.body)
