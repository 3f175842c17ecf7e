"""``/sparql`` taken before FastAPI's own middleware (error pages, body limits, telemetry),
which cost a query more than the endpoint itself."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from web.endpoint import Receive, Scope, Send, SparqlEndpoint


def front_door(app: FastAPI) -> Any:
    """``app`` with ``/sparql`` taken first (``app.state.sparql``, the endpoint
    :func:`web.app.create_app` made); ``web.server`` serves this."""
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
