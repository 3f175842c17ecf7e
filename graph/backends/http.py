"""A small HTTP/1.1 client for store servers: one kept-alive connection per thread, the
standard library's :mod:`http.client` (no dependency for a handful of request kinds).

A request that finds its kept-alive connection closed by the server is sent once more on a
new one; every other failure is a :class:`~graph.backends.StoreError` naming the server.
"""

from __future__ import annotations

import http.client
import re
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from urllib.parse import urlencode

from graph.backends import StoreError
from graph.backends.digest import Digest

READ_CHUNK = 1 << 16


class HttpStore:
    """Requests to one server, ``http://HOST:PORT``."""

    def __init__(self, url: str, host: str, port: int, timeout: float | None = None) -> None:
        self.url = url
        self.host = host
        self.port = port
        self.timeout = timeout
        self._local = threading.local()

    def _connection(self) -> http.client.HTTPConnection:
        connection: http.client.HTTPConnection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self._local.connection = connection
        return connection

    def _drop(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
        self._local.connection = None

    @contextmanager
    def request(
        self,
        method: str,
        path: str,
        params: Mapping[str, str | list[str]] | None = None,
        *,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Iterator[http.client.HTTPResponse]:
        """Send a request and yield the response (its body unread); ``params`` go into the
        query string (a list repeats the name)."""
        target = path
        if params:
            target += "?" + urlencode(params, doseq=True)
        sent_headers = dict(headers or {})
        for attempt in (1, 2):
            fresh = getattr(self._local, "connection", None) is None
            connection = self._connection()
            try:
                connection.request(method, target, body=body, headers=sent_headers)
                response = connection.getresponse()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as error:
                self._drop()
                if attempt == 1 and not fresh:
                    continue  # the server closed a kept-alive connection: once more, anew
                raise StoreError(
                    f"the store at {self.url} closed the connection: {error}"
                ) from None
            except TimeoutError:
                self._drop()
                raise StoreError(f"the store at {self.url} did not answer in time") from None
            except OSError as error:
                self._drop()
                raise StoreError(f"cannot reach the store at {self.url}: {error}") from None
            try:
                yield response
            except BaseException:
                self._drop()  # the body may be half read: the connection cannot be reused
                raise
            if not response.isclosed():
                response.read()
            if response.will_close:
                self._drop()
            return

    def fetch(
        self,
        method: str,
        path: str,
        params: Mapping[str, str | list[str]] | None = None,
        *,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        auth: Digest | None = None,
    ) -> tuple[int, str, bytes]:
        """Status, content type and the whole body of a request; with ``auth``, the request
        answers the server's Digest challenge (fetched first, once, with a request that sends
        no body; asked again when the server calls the one kept stale)."""
        if auth is None:
            status, media, data, _ = self._fetch(method, path, params, body, headers)
            return status, media, data
        target = path + ("?" + urlencode(params, doseq=True) if params else "")
        if auth.challenge is None:
            self._challenge(path, auth)
        for attempt in (1, 2):
            signed = {**(headers or {}), "Authorization": auth.authorization(method, target)}
            status, media, data, challenge = self._fetch(method, path, params, body, signed)
            if status != 401 or attempt == 2 or not auth.accept(challenge):
                break
        if status == 401:
            raise StoreError(
                f"the store at {self.url} refused the user {auth.user!r}: check "
                "$REFERATGRAF_STORE_USER and $REFERATGRAF_STORE_PASSWORD"
            )
        return status, media, data

    def _challenge(self, path: str, auth: Digest) -> None:
        status, _, _, challenge = self._fetch("GET", path, None, None, None)
        if status != 401 or not auth.accept(challenge):
            raise StoreError(f"the store at {self.url} asks no Digest login at {path} ({status})")

    def _fetch(
        self,
        method: str,
        path: str,
        params: Mapping[str, str | list[str]] | None,
        body: bytes | None,
        headers: Mapping[str, str] | None,
    ) -> tuple[int, str, bytes, str]:
        with self.request(method, path, params, body=body, headers=headers) as response:
            try:
                data = response.read()
            except (OSError, http.client.HTTPException) as error:
                raise StoreError(f"the store at {self.url} broke off its answer: {error}") from None
            media = response.getheader("Content-Type") or ""
            return response.status, media, data, response.getheader("WWW-Authenticate") or ""

    def close(self) -> None:
        self._drop()


def form_body(fields: Mapping[str, str]) -> bytes:
    """Fields as an ``application/x-www-form-urlencoded`` body."""
    return urlencode(fields).encode("ascii")


_SPACE = re.compile(r"\s+")


def short_message(data: bytes) -> str:
    """The start of a server's error answer, on one line."""
    return _SPACE.sub(" ", data[:500].decode("utf-8", "replace")).strip()


__all__ = ["READ_CHUNK", "HttpStore", "form_body", "short_message"]
