"""The home page's route, ``/``: its data is :func:`web.home.home_page`'s, rendered in the
shared shell, with an ``ETag`` from the store's state, the side index's and whether the store's
figures are counted yet (304 on ``If-None-Match``) and ``Cache-Control: no-cache``."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from web.browse_data import index_token
from web.conditional import not_modified
from web.home import StoreFigures, home_page
from web.render import render_page

if TYPE_CHECKING:
    from web.app_parts import AppParts
    from web.endpoint import EndpointState

router = APIRouter()


@router.api_route("/", methods=["GET", "HEAD"], response_class=Response, summary="Home page")
def home(request: Request) -> Response:
    parts: AppParts = request.app.state.parts
    endpoint: EndpointState = request.app.state.endpoint
    held = parts.current.get()
    figures = endpoint.description.figures
    key = f"{held.token}-{index_token(parts.site)}-{'f' if figures else 'p'}"
    etag = f'W/"home-{hashlib.sha256(key.encode()).hexdigest()[:24]}"'
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if (unchanged := not_modified(request, headers)) is not None:
        return unchanged
    store = StoreFigures(figures, parts.limits, held.modified)
    page = home_page(parts.site, store, str(request.base_url))
    return render_page(request, page, headers=headers)
