"""The Atom feeds over HTTP (installed by :func:`web.publish_routes.install`):

- ``/feeds/``: the feeds of every municipality and committee (HTML, or JSON);
- ``/feeds/<path of the IRI under the base>.atom``: one feed, e.g. ``/feeds/kommune/lejre.atom``,
  ``/feeds/program/klapjob.atom``; rendered from the store once and kept
  (:data:`web.publish_state.FEED_CACHE`).
"""

from __future__ import annotations

from html import escape

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response

from graph.store import StoreError
from web.atom import ATOM_MEDIA_TYPE, feed_index, feed_subject
from web.conditional import not_modified
from web.publish_state import (
    html_page,
    not_found_page,
    public_settings,
    state_of,
    wants_json,
)

router = APIRouter()


@router.api_route(
    "/feeds/", methods=["GET", "HEAD"], summary="The feeds of municipalities and committees"
)
def feeds(request: Request) -> Response:
    state = state_of(request)
    try:
        listed = feed_index(state.minutes(), state.base)
    except StoreError as error:
        return PlainTextResponse(str(error), status_code=503)
    if wants_json(request):
        body = [{"iri": i, "label": label, "feed": f"/feeds/{p}"} for i, label, p in listed]
        return JSONResponse(body, headers={"Vary": "Accept"})
    items = "".join(
        f'<li><a href="/feeds/{escape(p)}">{escape(label)}</a></li>' for _, label, p in listed
    )
    return html_page(
        "feeds",
        "<h1>Atom-feeds</h1><p>Nye møder i en kommune eller et udvalg. Enhver lov, ethvert "
        "program, enhver organisation og person har også sit feed med nye omtaler: "
        "<code>/feeds/</code> efterfulgt af IRI'ens sti og <code>.atom</code>, fx "
        '<a href="/feeds/program/klapjob.atom"><code>/feeds/program/klapjob.atom</code></a>.'
        f"</p><ul>{items}</ul>",
    )


@router.api_route("/feeds/{path:path}", methods=["GET", "HEAD"], summary="One Atom feed")
def feed(path: str, request: Request) -> Response:
    state = state_of(request)
    subject = feed_subject(path, state.base)
    if subject is None:
        return not_found_page(request, "Et feeds adresse ender på .atom", "/feeds/", "feedene")
    try:
        cached = state.feed(path, subject, public_settings(state, request))
    except StoreError as error:
        return PlainTextResponse(str(error), status_code=503)
    if cached is None:
        return not_found_page(request, f"Grafen kender ikke {subject}", "/feeds/", "feedene")
    etag, body = cached
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if (unchanged := not_modified(request, headers)) is not None:
        return unchanged
    return Response(body, media_type=f"{ATOM_MEDIA_TYPE}; charset=utf-8", headers=headers)
