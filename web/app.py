"""The web app: ``/sparql`` (the endpoint and, for browsers, the query page), ``/`` (the home
page), ``/healthz``, the query page's examples and static files, the published files
(``web.publish_routes``), and every IRI of the dataset at its own path (``web.resources``, the
catch-all route: added last).

``create_app`` only assembles it: the parts it routes to (the store's view and state, the
query, lookup and page workers, the settings) are built by ``referatgraf serve``
(:mod:`referatgraf.serve_command`) and given as :class:`~web.app_parts.AppParts`; each page is
a module of its own; starting the app (:mod:`web.lifespan`) starts the workers.
"""

from __future__ import annotations

import functools
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles
from starlette.requests import Request

from sparql.service_description import Description
from web import browse, health_page, home_route, query_page, resources
from web import publish_routes as publish
from web.access_log import AccessLog
from web.app_parts import AppParts
from web.endpoint import EndpointState, Receive, Scope, Send, SparqlEndpoint
from web.front_door import SparqlShortcut
from web.lifespan import lifespan
from web.openapi import sparql_paths
from web.security import SecurityHeaders


def create_app(parts: AppParts) -> FastAPI:
    """The app routing requests to ``parts``."""
    query_page_of_site = functools.partial(_query_page, base=parts.base)
    state = EndpointState(
        parts.queries,
        Description(parts.limits, sandboxed=False),
        query_page_of_site,
        parts.lookups,
        parts.current,
    )
    app = FastAPI(
        title="referatgraf",
        summary="Danish municipal committee minutes as linked data, with a SPARQL endpoint",
        lifespan=lifespan(parts, state),
        docs_url="/api",
        redoc_url=None,
    )
    app.state.parts = parts
    app.state.endpoint = state
    app.state.site = parts.site
    app.state.current = parts.current
    app.state.page_pool = parts.pages
    app.include_router(query_page.router)
    app.include_router(browse.router)  # /soeg, /register/, /daekning, /sitemap.xml, /robots.txt
    # /dumps/, /catalog, /.well-known/void, /feeds/
    publish.install(app, parts, publish=parts.publish, current=parts.current)
    app.mount("/static", StaticFiles(directory=query_page.STATIC_DIR), name="static")
    app.include_router(home_route.router)  # /
    app.include_router(health_page.router)  # /healthz
    # Every other route before this line: the resources' route takes any path.
    resources.install(app, parts.site, parts.current)
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


async def _query_page(scope: Scope, receive: Receive, send: Send, *, base: str) -> None:
    response = query_page.render_query_page(Request(scope, receive), base=base)
    await response(scope, receive, send)


def _document_sparql(app: FastAPI) -> None:
    """Adds ``/sparql`` (served by :class:`~web.front_door.SparqlShortcut`) to the OpenAPI
    description."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        schema = original()
        schema.setdefault("paths", {}).update(sparql_paths())
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
