"""The browsing pages' routes: ``/soeg`` (search, and its results as CSV, JSON and Atom),
``/moeder`` (the meetings) and ``/udvalg`` (the committees), ``/register/`` and
``/register/<kind>`` (A-Å), ``/daekning`` (coverage), ``/sitemap.xml`` (and its chunks
``/sitemap-N.xml``) and ``/robots.txt``. ``create_app`` includes :data:`router` before the
resources' catch-all route.

Each page is a data function (``web.search_page``, ``web.browse_pages``, ``web.register_page``,
``web.coverage_page``) rendered in the shared shell (:func:`web.render.render_page`).
Parameters are read by hand, not declared, so that no value a client sends (``side=abc``,
``q`` of 10 kB) gets a 422: each page makes the best of it. Every answer has an ``ETag`` from
the token of the store's current state (``app.state.current``: :mod:`sparql.store_state`), the side
index's token and the request URL (304 on ``If-None-Match``) and ``Cache-Control: no-cache``.

>>> page_number("3"), page_number("-2"), page_number("abc"), page_number(None)
(3, 1, 1, 1)
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Final

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from sparql.store_state import CurrentState
from web.browse_data import BUILD_HINT, index_of, index_token
from web.browse_pages import (
    EXPORT_COLUMNS,
    MeetingParams,
    committees_page,
    meeting_rows,
    meetings_page,
)
from web.conditional import not_modified
from web.coverage_page import coverage_page
from web.pages import Page
from web.register_page import overview_page, register_page
from web.render import render_page
from web.search_export import MEDIA_TYPES, atom_text, csv_text, export_rows, json_text
from web.search_page import search_page
from web.search_params import SearchParams
from web.site_readers import Site
from web.sitemap import chunk, chunk_count, robots_txt, sitemap_index, urlset

if TYPE_CHECKING:
    from searchindex import SiteIndex

router = APIRouter()
METHODS: Final = ["GET", "HEAD"]
MAX_PAGE: Final = 1_000_000
XML: Final = "application/xml"


def page_number(value: str | None) -> int:
    """``?side=`` as a page number from 1; anything else is page 1."""
    try:
        return min(MAX_PAGE, max(1, int(value or "1")))
    except ValueError:
        return 1


def _site(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


def _validators(request: Request) -> dict[str, str]:
    current: CurrentState | None = getattr(request.app.state, "current", None)
    store = "" if current is None else current.token()
    key = f"{store}\n{index_token(_site(request))}\n{request.url}".encode()
    etag = f'W/"b-{hashlib.sha256(key).hexdigest()[:24]}"'
    return {"ETag": etag, "Cache-Control": "no-cache"}


def _html(request: Request, build: Page | None) -> Response:
    headers = _validators(request)
    if build is None:
        page = Page(
            title="Siden findes ikke",
            template="pages/not_found.html",
            data={"iri": request.url.path, "path": request.url.path},
        )
        return render_page(request, page, status_code=404)
    return not_modified(request, headers) or render_page(request, build, headers=headers)


def _export(request: Request, write: Callable[[SiteIndex, dict[str, str]], Response]) -> Response:
    """A list as a file (CSV, JSON, Atom) from the side index: ``write(index, headers)``, unless
    the client's copy is current (304) or no index is built (503)."""
    headers = _validators(request)
    if (cached := not_modified(request, headers)) is not None:
        return cached
    index = index_of(_site(request))
    if index is None:
        return Response(f"Sideindekset er ikke bygget: {BUILD_HINT}\n", status_code=503)
    return write(index, headers)


@router.api_route("/soeg", methods=METHODS, summary="Søg i referaterne (HTML, CSV, JSON, Atom)")
@router.api_route("/search", methods=METHODS, summary="The same search, at the contract's path")
def search(request: Request) -> Response:
    params = SearchParams.read(request.query_params)
    if params.format is None:
        return _html(request, search_page(_site(request), params))
    return _export(request, partial(_search_file, request, params, params.format))


def _search_file(
    request: Request,
    params: SearchParams,
    file_format: str,
    index: SiteIndex,
    headers: dict[str, str],
) -> Response:
    site, origin = _site(request), _origin(request)
    if file_format == "atom":
        body = atom_text(site, index, params, origin)
    else:
        rows, total, cut = export_rows(site, index, params, origin)
        if file_format == "csv":
            body = csv_text(rows)
            headers["Content-Disposition"] = 'attachment; filename="soegning.csv"'
        else:
            body = json_text(params, rows, total, cut=cut, origin=origin)
    return Response(body, media_type=MEDIA_TYPES[file_format], headers=headers)


@router.api_route("/moeder", methods=METHODS, summary="Alle møder, nyeste først (HTML)")
def meetings(request: Request) -> Response:
    params = MeetingParams.read(request.query_params)
    if params.format is None:
        return _html(request, meetings_page(_site(request), params))
    return _export(request, partial(_meetings_file, request, params))


def _meetings_file(
    request: Request, params: MeetingParams, index: SiteIndex, headers: dict[str, str]
) -> Response:
    rows, total = meeting_rows(_site(request), index, params, _origin(request))
    if params.format == "csv":
        headers["Content-Disposition"] = 'attachment; filename="moeder.csv"'
        return Response(
            csv_text(rows, EXPORT_COLUMNS), media_type=MEDIA_TYPES["csv"], headers=headers
        )
    body = {"adresse": _origin(request) + params.href(), "antal": total, "moeder": rows}
    return JSONResponse(body, headers=headers)


@router.api_route("/udvalg", methods=METHODS, summary="Alle udvalg, efter kommune (HTML)")
def committees(request: Request) -> Response:
    return _html(request, committees_page(_site(request)))


@router.api_route("/register", methods=METHODS, include_in_schema=False)
def register_without_slash() -> Response:
    return RedirectResponse("/register/", status_code=308)


@router.api_route("/register/", methods=METHODS, summary="Registrene A-Å (HTML)")
def register_overview(request: Request) -> Response:
    return _html(request, overview_page(_site(request)))


@router.api_route("/register/{kind}", methods=METHODS, summary="Ét register A-Å (HTML)")
def register(request: Request, kind: str) -> Response:
    parameters = request.query_params
    page = register_page(
        _site(request), kind, parameters.get("bogstav"), page_number(parameters.get("side"))
    )
    return _html(request, page)


@router.api_route("/daekning", methods=METHODS, summary="Hvilke møder er indlæst (HTML)")
def coverage(request: Request) -> Response:
    return _html(request, coverage_page(_site(request)))


def _origin(request: Request) -> str:
    return f"{request.url.scheme}://{request.url.netloc}"


@router.api_route("/sitemap.xml", methods=METHODS, summary="Sitemap (sitemaps.org)")
def sitemap(request: Request) -> Response:
    headers = _validators(request)
    if (cached := not_modified(request, headers)) is not None:
        return cached
    site, origin = _site(request), _origin(request)
    chunks = chunk_count(site)
    if chunks > 1:
        urls = [f"{origin}/sitemap-{n}.xml" for n in range(1, chunks + 1)]
        return Response(sitemap_index(urls), media_type=XML, headers=headers)
    return Response(urlset(chunk(site, origin, 1)), media_type=XML, headers=headers)


@router.api_route("/sitemap-{number}.xml", methods=METHODS, include_in_schema=False)
def sitemap_chunk(request: Request, number: str) -> Response:
    headers = _validators(request)
    site = _site(request)
    if not number.isdigit() or not 1 <= int(number) <= chunk_count(site):
        return Response("Intet sådant sitemap.\n", status_code=404, media_type="text/plain")
    if (cached := not_modified(request, headers)) is not None:
        return cached
    urls = chunk(site, _origin(request), int(number))
    return Response(urlset(urls), media_type=XML, headers=headers)


@router.api_route("/robots.txt", methods=METHODS, include_in_schema=False)
def robots(request: Request) -> Response:
    return Response(robots_txt(_origin(request)), media_type="text/plain")
