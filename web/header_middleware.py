"""An ASGI middleware that changes the headers of every HTTP response: a subclass says how in
:meth:`ResponseHeaders.changed` (the security headers, ``web.security``; the publishing
``Link`` header, ``web.publish_routes``).

>>> import asyncio
>>> class Tagged(ResponseHeaders):
...     def changed(self, headers):
...         return [*headers, (b"x-tag", b"1")]
>>> async def app(scope, receive, send):
...     await send({"type": "http.response.start", "status": 200, "headers": []})
>>> sent = []
>>> async def send(message):
...     sent.append(message)
>>> asyncio.run(Tagged(app)({"type": "http"}, None, send))
>>> sent[0]["headers"]
[(b'x-tag', b'1')]
"""

from __future__ import annotations

from typing import Any

Headers = list[tuple[bytes, bytes]]
"""A response's headers as ASGI gives them: (name, value) in bytes."""


class ResponseHeaders:
    """ASGI middleware: the headers of each HTTP response pass through :meth:`changed`; other
    messages and other kinds of connection (lifespan) pass untouched."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def changing(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = self.changed(list(message.get("headers", [])))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, changing)

    def changed(self, headers: Headers) -> Headers:
        """The headers to send instead of ``headers`` (a copy the method may change)."""
        raise NotImplementedError


__all__ = ["Headers", "ResponseHeaders"]
