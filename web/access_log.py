"""One log line per request (logger ``referatgraf.access``): method, path, status,
milliseconds, bytes."""

from __future__ import annotations

import logging
import time
from typing import Any

from web.endpoint import Receive, Scope, Send

log = logging.getLogger("referatgraf.access")


class AccessLog:
    """ASGI middleware writing the access log's line of each request as it ends."""

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
