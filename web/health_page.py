"""``/healthz``: 200 while the server answers, with what it is doing (JSON), for a load
balancer or an operator."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import JSONResponse

if TYPE_CHECKING:
    from web.app_parts import AppParts
    from web.endpoint import EndpointState

router = APIRouter()


def health_page(parts: AppParts, endpoint: EndpointState) -> dict[str, Any]:
    """The store's state, the idle query workers, whether the store's figures are counted, the
    page workers in use, the lookups, and this process's id (one of several: ``--processes``)."""
    pages, lookups = parts.pages, parts.lookups
    return {
        "status": "ok",
        "store": parts.current.token(),
        "idle": parts.queries.ready,
        "figures": endpoint.description.figures is not None,
        "page_workers": pages.processes if pages.ready else 0,
        "lookups": {"on": lookups.ready, "answered": lookups.answered},
        "pid": os.getpid(),
    }


@router.get("/healthz", summary="200 while the server answers queries")
def healthz(request: Request) -> JSONResponse:
    return JSONResponse(health_page(request.app.state.parts, request.app.state.endpoint))
