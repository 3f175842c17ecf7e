"""Every IRI of the dataset dereferences, at its own path on this server (Cool URIs).

The pattern is **negotiation at the IRI itself** (no 303): ``GET /kommune/lejre`` answers 200
with the representation the client asks for, and says where that representation lives on its
own. Each representation also has a URL of its own, by suffix or by parameter:

=================  =====================  ==========  ===================
format             media type             suffix      parameter
=================  =====================  ==========  ===================
HTML (browsers)    text/html              ``.html``   ``?format=html``
Turtle             text/turtle            ``.ttl``    ``?format=ttl``
JSON-LD            application/ld+json    ``.jsonld`` ``?format=jsonld``
N-Triples          application/n-triples  ``.nt``     ``?format=nt``
RDF/XML            application/rdf+xml    ``.rdf``    ``?format=rdf``
=================  =====================  ==========  ===================

The suffix wins over ``?format=``, which wins over ``Accept`` (q-values and wildcards; a
client that accepts anything gets HTML). Every 200 carries ``Content-Location`` (the URL of
the representation sent, e.g. ``/kommune/lejre.ttl``), a ``Link: <...>; rel="alternate";
type=...`` for each representation, ``Vary: Accept`` when ``Accept`` chose, an ``ETag`` (the
store's content, the path, the format and the page; 304 on ``If-None-Match``) and
``Cache-Control: no-cache``. ``Accept`` that fits no format gets 406 and an unknown
``format=`` 400, each with a Danish message listing the formats; an IRI the store does not
know gets 404 (a Danish page for browsers).

The path maps to the IRI by :meth:`web.site_readers.Site.iri_for_path`, whatever origin the server
runs at: ``http://127.0.0.1:8000/kommune/lejre`` answers for
``https://w3id.org/referatgraf/kommune/lejre``. ``/def`` is the ontology, and with it every
``def#`` term. What the RDF says is in :mod:`web.rdf_views`.

The HTML: the resource's ``rdf:type`` local names pick a page builder
(:func:`web.pages.builder_for`, after :func:`load_builders` has imported every module of
``web.pages``), called as ``builder(site, iri, page_number)`` with ``?side=`` as the page
number; when there is none, or it returns ``None``, the generic page
(:mod:`web.pages.generic`) shows the resource by its links.

:func:`install` adds the catch-all route; call it after every other route is in place (the
routes are tried in order, and this one takes any path).
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import pkgutil
from collections.abc import Awaitable, Callable
from typing import Final, Protocol

from fastapi import FastAPI
from pyoxigraph import NamedNode
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from graph.store import StoreError
from graph.terms import RDF_TYPE
from sparql.negotiation import NotAcceptableError
from sparql.store_state import CurrentState
from web import pages
from web.conditional import not_modified
from web.pages import Page, builder_for
from web.pages.generic import generic_page
from web.rdf_views import (
    BY_SUFFIX,
    HTML,
    VARIANTS,
    Variant,
    choose,
    describe,
    exists,
    serialise,
)
from web.render import render_page
from web.site_readers import Site

log = logging.getLogger("referatgraf.pages")
PAGE_PARAMETER: Final = "side"
NOT_FOUND_TEMPLATE: Final = "pages/not_found.html"


class PageWorkers(Protocol):
    """Processes that answer requests for this route (:class:`web.page_pool.PagePool`, kept
    on ``app.state.page_pool``; it imports this module, so this one names only what it uses)."""

    async def answer(self, request: Request, token: str) -> Response | None: ...


def load_builders() -> list[str]:
    """Import every module of the ``web.pages`` package, so that each registers its
    builders; returns the modules' names."""
    names = [
        f"{pages.__name__}.{module.name}"
        for module in pkgutil.iter_modules(pages.__path__)
        if not module.ispkg
    ]
    for name in names:
        importlib.import_module(name)
    return names


class Resources:
    """What the catch-all route needs: the site. The store state's token, which is in every
    ``ETag``, comes with each request (the route reads it; a page worker is given it)."""

    def __init__(self, site: Site) -> None:
        self.site = site

    def answer(self, request: Request, token: str) -> Response:
        """The response to ``GET`` or ``HEAD`` of any path (see the module's docstring) over
        the store in the state ``token``."""
        try:
            store = self.site.store()
        except StoreError as error:
            return PlainTextResponse(str(error), status_code=503)
        iri, suffix_variant, path = self._resolve(request.url.path)
        try:
            variant = suffix_variant or choose(
                request.headers.get("accept"), request.query_params.get("format")
            )
        except NotAcceptableError as error:
            return PlainTextResponse(error.message, status_code=error.status)
        number = _page_number(request.query_params.get(PAGE_PARAMETER))
        # HTML needs only to know that the IRI is there; RDF needs the document itself
        triples = describe(store, iri) if iri is not None and variant is not HTML else None
        if iri is None or (triples is None and (variant is not HTML or not exists(store, iri))):
            return self._not_found(request, variant, iri or request.url.path)
        headers = {
            "Content-Location": _variant_path(path, variant, number),
            "Link": ", ".join(
                f'<{_variant_path(path, v, 1)}>; rel="alternate"; type="{v.media_type}"'
                for v in VARIANTS
            ),
            "ETag": self._etag(path, variant, number, token),
            "Cache-Control": "no-cache",
        }
        if suffix_variant is None and request.query_params.get("format") is None:
            headers["Vary"] = "Accept"
        if (unchanged := not_modified(request, headers)) is not None:
            return unchanged
        if triples is not None:
            body = serialise(triples, variant)
            return Response(body, media_type=variant.content_type, headers=headers)
        page = self.page_of(iri, number)
        links = [
            {"href": _variant_path(path, v, 1), "type": v.media_type, "label": v.label,
             "name": v.name}
            for v in VARIANTS
            if v is not HTML
        ]  # fmt: skip
        return render_page(request, page, iri=iri, rdf_links=links, headers=headers)

    def page_of(self, iri: str, number: int) -> Page:
        """The HTML page of ``iri``: its kind's builder, else the generic page."""
        store = self.site.store()
        types = {
            q.object.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
            for q in store.quads_matching(NamedNode(iri), RDF_TYPE, None)
            if isinstance(q.object, NamedNode)
        }
        builder = builder_for(types)
        page = builder(self.site, iri, number) if builder is not None else None
        return page if page is not None else generic_page(self.site, iri, number)

    def _resolve(self, path: str) -> tuple[str | None, Variant | None, str]:
        """The IRI a path stands for, the variant its suffix names (if any), and the path of
        the resource itself (without the suffix)."""
        store = self.site.store()
        for suffix, variant in BY_SUFFIX.items():
            stem = path.removesuffix(suffix)
            if stem != path and stem.strip("/"):
                iri = _iri(self.site, stem)
                if iri is not None and exists(store, iri):
                    return iri, variant, stem
        return _iri(self.site, path), None, path

    def _etag(self, path: str, variant: Variant, number: int, token: str) -> str:
        key = f"{path}\n{variant.name}\n{number}".encode()
        return f'W/"{token}-{hashlib.sha256(key).hexdigest()[:16]}"'

    def _not_found(self, request: Request, variant: Variant, what: str) -> Response:
        message = f"Grafen kender ikke {what}."
        if variant is not HTML:
            return PlainTextResponse(message, status_code=404)
        page = Page(
            title="Siden findes ikke",
            template=NOT_FOUND_TEMPLATE,
            data={"iri": what, "path": request.url.path},
        )
        return render_page(request, page, status_code=404)


def install(app: FastAPI, site: Site, current: CurrentState) -> Resources:
    """Serve every dataset IRI from ``app`` (the catch-all ``GET``/``HEAD`` route; add it
    last). ``current``: the store's state, whose token every answer is keyed by. Returns what
    the route uses, also kept on ``app.state.resources``."""
    load_builders()
    resources = Resources(site)
    app.state.resources = resources
    app.state.site = site
    app.add_api_route(
        "/{path:path}",
        _endpoint(resources, current),
        methods=["GET", "HEAD"],
        summary="Any IRI of the dataset: HTML, Turtle, JSON-LD, N-Triples or RDF/XML",
        response_class=Response,
        include_in_schema=True,
    )
    return resources


RENAMED: Final = {"/kandidat/law/": "/kandidat/lov/", "/kandidat/programme/": "/kandidat/program/"}
"""Paths of IRIs minted under English names before December 2026, and their Danish names."""


def renamed_path(path: str) -> str | None:
    """The path a page moved to, if it moved.

    >>> renamed_path("/kandidat/programme/KIT-projektet.ttl"), renamed_path("/lov/lab-2019")
    ('/kandidat/program/KIT-projektet.ttl', None)
    """
    for old, new in RENAMED.items():
        if path.startswith(old):
            return new + path[len(old) :]
    return None


def _endpoint(
    resources: Resources, current: CurrentState
) -> Callable[[Request], Awaitable[Response]]:
    async def resource(request: Request) -> Response:
        moved = renamed_path(request.url.path)
        if moved is not None:  # an old address keeps working, and says where it went
            query = f"?{request.url.query}" if request.url.query else ""
            return RedirectResponse(moved + query, status_code=301)
        token = (await current.now()).token
        pool: PageWorkers | None = getattr(request.app.state, "page_pool", None)
        if pool is not None:
            answered = await pool.answer(request, token)
            if answered is not None:
                return answered
        return await run_in_threadpool(resources.answer, request, token)

    return resource


def _iri(site: Site, path: str) -> str | None:
    """The IRI of ``path``, ``None`` when it is no IRI (spaces, ``<``, ``"`` ...)."""
    iri = site.iri_for_path(path)
    try:
        NamedNode(iri)
    except ValueError:
        return None
    return iri


def _page_number(value: str | None) -> int:
    """``?side=`` as a page number from 1; anything else is page 1."""
    try:
        return max(1, int(value or "1"))
    except ValueError:
        return 1


def _variant_path(path: str, variant: Variant, number: int) -> str:
    page = f"?{PAGE_PARAMETER}={number}" if number > 1 and variant is HTML else ""
    return f"{path}{variant.suffix}{page}"


__all__ = ["PAGE_PARAMETER", "PageWorkers", "Resources", "install", "load_builders"]
