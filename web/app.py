"""The web app: ``/sparql`` (the endpoint and, for browsers, the query page), ``/`` (the home
page), ``/healthz``, the query page's examples and static files, the published files
(``web.publish``), and every IRI of the dataset at its own path (``web.resources``, the
catch-all route: added last).

``create_app`` builds it; starting it (the lifespan) starts the query workers and then counts
the store's figures for the service description and the home page in the background.

Everything the app keeps or tags with an ``ETag`` is keyed by the store's current state
(:mod:`sparql.state`): read once over a store folder, again after ``state_ttl`` seconds over a
store server. When another process has loaded into the store server meanwhile, the figures are
counted again and the side index is brought in step (:class:`~web.index_refresh.IndexRefresher`),
so every web server over the same store answers alike, without a restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import logging
import os
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, Protocol

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from graph.index_location import IndexLocation
from graph.location import StoreLocation
from graph.publish.settings import PublishSettings
from sparql.limits import Limits
from sparql.lookups import Lookups
from sparql.service_description import Description
from sparql.state import CurrentState, State
from sparql.worker import store_state
from sparql.workers import PoolError, WorkerPool
from web import browse, publish, query_page, resources
from web.conditional import not_modified
from web.endpoint import EndpointState, Receive, Scope, Send, SparqlEndpoint
from web.home import StoreFigures, home_page
from web.index_refresh import IndexRefresher
from web.openapi import sparql_paths
from web.page_workers import PagePool
from web.render import render_page
from web.security import SecurityHeaders
from web.site import Site
from web.site_index import index_token

log = logging.getLogger("referatgraf.access")


class StoreSettings(Protocol):
    """What the app needs to know of the installation: ``referatgraf.settings.Settings``,
    where each has its default, as ``referatgraf serve`` passes them (``web.server``)."""

    @property
    def store(self) -> StoreLocation: ...

    @property
    def base(self) -> str: ...

    @property
    def index(self) -> IndexLocation | None:
        """The side index; ``None``: the SQLite file beside the store."""

    @property
    def dumps(self) -> Path: ...

    @property
    def state_ttl(self) -> float: ...

    @property
    def publish(self) -> PublishSettings: ...


def site_of(settings: StoreSettings) -> Site:
    """The pages' view of the installation: the store, the base its IRIs live under, and its
    side index."""
    return Site(base=settings.base, store_path=settings.store, index_path=settings.index)


def current_state_of(settings: StoreSettings, site: Site) -> CurrentState:
    """The store's state as the app reads it: once over a store folder (a read-only store does
    not see later writes), else again after ``settings.state_ttl`` seconds."""
    ttl = None if isinstance(settings.store, Path) else settings.state_ttl
    return CurrentState(lambda: store_state(site.store()), ttl)


def create_app(
    settings: StoreSettings, limits: Limits | None = None, *, page_workers: int = 0
) -> FastAPI:
    """The app over the store of ``settings``: queries evaluated under ``limits``, the
    dataset's pages rendered by ``page_workers`` processes (0: in the server process)."""
    resolved = (limits or Limits()).resolved()
    pool = WorkerPool(settings.store, resolved)
    site = site_of(settings)
    current = current_state_of(settings, site)
    lookups = Lookups(site.store, resolved.lookup_rows or 0)
    query_page_of_site = functools.partial(_query_page, base=site.base)
    state = EndpointState(
        pool, Description(resolved, sandboxed=False), query_page_of_site, lookups, current
    )
    pages = PagePool(site, page_workers)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await pool.start()
        await lookups.start(pool.state.token)
        state.set_description(Description(resolved, sandboxed=pool.sandboxed))
        counting = _follow_store(state, current, IndexRefresher(site))
        starting_pages = asyncio.create_task(pages.start())  # meanwhile, pages render here
        try:
            yield
        finally:
            for task in (*counting, starting_pages):
                task.cancel()
            await pages.close()
            await pool.close()

    app = FastAPI(
        title="referatgraf",
        summary="Danish municipal committee minutes as linked data, with a SPARQL endpoint",
        lifespan=lifespan,
        docs_url="/api",
        redoc_url=None,
    )
    app.state.endpoint = state
    app.state.site = site
    app.state.current = current
    app.state.page_pool = pages
    app.include_router(query_page.router)
    app.include_router(browse.router)  # /soeg, /register/, /daekning, /sitemap.xml, /robots.txt
    # /dumps/, /catalog, /.well-known/void, /feeds/
    publish.install(app, settings, publish=settings.publish, current=current)
    app.mount("/static", StaticFiles(directory=query_page.STATIC_DIR), name="static")

    @app.api_route("/", methods=["GET", "HEAD"], response_class=Response, summary="Home page")
    def home(request: Request) -> Response:
        held = current.get()
        figures = state.description.figures
        key = f"{held.token}-{index_token(site)}-{'f' if figures else 'p'}"
        etag = f'W/"home-{hashlib.sha256(key.encode()).hexdigest()[:24]}"'
        headers = {"ETag": etag, "Cache-Control": "no-cache"}
        if (unchanged := not_modified(request, headers)) is not None:
            return unchanged
        store = StoreFigures(figures, resolved, held.modified)
        page = home_page(site, store, str(request.base_url))
        return render_page(request, page, headers=headers)

    @app.get("/healthz", summary="200 while the server answers queries")
    def healthz() -> JSONResponse:
        return JSONResponse(
            {
                "status": "ok",
                "store": current.token(),
                "idle": pool.ready,
                "figures": state.description.figures is not None,
                "page_workers": pages.processes if pages.ready else 0,
                "lookups": {"on": lookups.ready, "answered": lookups.answered},
                "pid": os.getpid(),
            }
        )

    # Every other route before this line: the resources' route takes any path.
    resources.install(app, site, current)
    # level 6 (zlib's default), not Starlette's 9: a third less time on a 60 KB page, 1% larger
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)
    app.add_middleware(
        CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "HEAD", "POST", "OPTIONS"]
    )
    app.add_middleware(SecurityHeaders)
    app.add_middleware(AccessLog)
    endpoint = SparqlEndpoint(state)
    app.state.sparql = endpoint
    app.add_middleware(SparqlShortcut, endpoint=endpoint)
    _document_sparql(app)
    return app


def front_door(app: FastAPI) -> Any:
    """``app`` with ``/sparql`` taken before FastAPI's own middleware (error pages, body limits,
    telemetry), which cost a query more than the endpoint itself; ``web.server`` serves this."""
    return SparqlShortcut(app, app.state.sparql)


class SparqlShortcut:
    """Sends ``/sparql`` straight to the endpoint, past the other middleware (the endpoint does
    its own CORS, compression and logging, with less work per request)."""

    def __init__(self, app: Any, endpoint: SparqlEndpoint) -> None:
        self.app = app
        self.endpoint = endpoint

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["path"] == "/sparql":
            await self.endpoint(scope, receive, send)
        else:
            await self.app(scope, receive, send)


class AccessLog:
    """One log line per request: method, path, status, milliseconds, bytes."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status, size = 0, 0

        async def logged(message: dict[str, Any]) -> None:
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, logged)
        finally:
            log.info(
                "%s %s %d %.1fms %dB",
                scope["method"],
                scope["path"],
                status,
                (time.perf_counter() - started) * 1000,
                size,
            )


async def _query_page(scope: Scope, receive: Receive, send: Send, *, base: str) -> None:
    response = query_page.render_query_page(Request(scope, receive), base=base)
    await response(scope, receive, send)


def _follow_store(
    state: EndpointState, current: CurrentState, refresher: IndexRefresher
) -> set[asyncio.Task[None]]:
    """Count the store's figures now, and again each time the store changes (unknown meanwhile:
    the pages and the service description say they are being counted); bring the side index in
    step now (a missing or stale one is rebuilt in the background), and again on each change.
    Returns the counting tasks, to cancel when the server stops."""
    loop = asyncio.get_running_loop()
    current.seed(state.pool.state)  # what the query workers read as they started
    tasks: set[asyncio.Task[None]] = set()

    def count(token: str) -> None:
        for task in list(tasks):
            task.cancel()
        task = loop.create_task(_count_figures(state, current, token))
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    def changed(_old: State, new: State) -> None:  # in the thread that read the new state
        description = state.description
        state.set_description(Description(description.limits, description.sandboxed))
        loop.call_soon_threadsafe(count, new.token)

    current.on_change(changed)
    current.on_change(lambda _old, _new: refresher.request())
    count(state.pool.state.token)
    refresher.request()
    return tasks


async def _count_figures(state: EndpointState, current: CurrentState, token: str) -> None:
    try:
        figures = await state.pool.internal("figures")
    except PoolError as error:
        logging.getLogger("referatgraf.workers").warning("no store figures: %s", error.message)
        return
    if (current.fresh() or State(token)).token != token:
        return  # counted for a state that has passed: the count of the new one follows
    description = state.description
    state.set_description(Description(description.limits, description.sandboxed, figures))


def _document_sparql(app: FastAPI) -> None:
    """Adds ``/sparql`` (served by :class:`SparqlShortcut`) to the OpenAPI description."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        schema = original()
        schema.setdefault("paths", {}).update(sparql_paths())
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
