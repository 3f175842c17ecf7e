"""web/header_middleware.py: only the start of an HTTP response has its headers changed; the
body and other kinds of connection pass as they came."""

from __future__ import annotations

import asyncio
from typing import Any

from web.header_middleware import Headers, ResponseHeaders


class Tagged(ResponseHeaders):
    def changed(self, headers: Headers) -> Headers:
        headers.append((b"x-tag", b"1"))
        return headers


def sent_by(scope_type: str) -> list[dict[str, Any]]:
    """What an app that starts a response with one header and sends a body hands on, under
    :class:`Tagged`, for a connection of ``scope_type``."""
    start = {"type": "http.response.start", "status": 200, "headers": [(b"a", b"b")]}
    body = {"type": "http.response.body", "body": b"x"}

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        await send(start)
        await send(body)

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(Tagged(app)({"type": scope_type}, None, send))
    assert start["headers"] == [(b"a", b"b")]  # the app's own message is not changed
    return sent


def test_an_http_response_start_gets_the_changed_headers_and_the_body_passes() -> None:
    start, body = sent_by("http")
    assert start == {
        "type": "http.response.start",
        "status": 200,
        "headers": [(b"a", b"b"), (b"x-tag", b"1")],
    }
    assert body == {"type": "http.response.body", "body": b"x"}


def test_other_connections_pass_untouched() -> None:
    start, _ = sent_by("lifespan")
    assert start["headers"] == [(b"a", b"b")]
