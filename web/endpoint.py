"""``/sparql`` as a plain ASGI handler: the SPARQL 1.1 Protocol, read-only, with limits.

It sits in front of the FastAPI routes (see ``app.py``) so that a query costs as little Python
as possible: no request objects, no dependency injection, headers built as bytes. The work is
done elsewhere: reading the request (``sparql.protocol``), refusing what must not run
(``sparql.guard``), choosing the format (``sparql.negotiation``), evaluating in a worker
process with a time limit (``sparql.worker_pool``).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sparql.cache import ResultCache
from sparql.evaluate import Job, Outcome
from sparql.guard import QueryShape, RefusedError, inspect
from sparql.lookups import Lookups
from sparql.negotiation import GRAPH_FORMATS, NotAcceptableError, negotiate, wants_html
from sparql.protocol import ProtocolError, QueryRequest, parse_get, parse_post
from sparql.service_description import Description, render
from sparql.store_state import CurrentState, State
from sparql.worker_pool import PoolError, WorkerPool
from web.conditional import is_fresh

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
HtmlPage = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger("referatgraf.access")
TEXT = b"text/plain; charset=utf-8"
VARY = (b"vary", b"Accept, Accept-Encoding")
NO_CACHE = (b"cache-control", b"no-cache")
EXPOSE = (
    b"access-control-expose-headers",
    b"ETag, Last-Modified, Referatgraf-Result-Truncated, X-SPARQL-MaxRows, Retry-After",
)
ALLOW = (b"allow", b"GET, HEAD, POST, OPTIONS")
FALLBACK_ENDPOINT = "http://localhost/sparql"


@dataclass
class EndpointState:
    """What the endpoint shares with the rest of the app."""

    pool: WorkerPool
    description: Description
    html_page: HtmlPage | None = None
    lookups: Lookups | None = None
    current: CurrentState | None = None
    """The store's state, which answers are kept under and ETags made of (``None``: the state
    the query workers read when they started)."""
    _described: dict[tuple[str, str], bytes] = field(default_factory=dict)

    def service_description(self, endpoint: str, format_name: str) -> bytes:
        key = (endpoint, format_name)
        if key not in self._described:
            if len(self._described) > 64:
                self._described.clear()
            try:
                self._described[key] = render(endpoint, self.description, format_name)
            except ValueError:  # a Host header that makes no IRI
                self._described[key] = render(FALLBACK_ENDPOINT, self.description, format_name)
        return self._described[key]

    def set_description(self, description: Description) -> None:
        self.description = description
        self._described.clear()

    async def store_state(self) -> State:
        if self.current is None:
            return self.pool.state
        return await self.current.now()


@dataclass(frozen=True, slots=True)
class Reply:
    """A finished answer (a result, an error, a 304, the service description), returned by
    each step as soon as it knows it."""

    status: int
    body: bytes
    headers: list[tuple[bytes, bytes]]


def _error(status: int, message: str, *extra: tuple[bytes, bytes]) -> Reply:
    return Reply(status, message.encode() + b"\n", [(b"content-type", TEXT), *extra])


class SparqlEndpoint:
    def __init__(self, state: EndpointState) -> None:
        self.state = state
        self.limits = state.pool.limits
        self.cache = ResultCache(self.limits.result_cache_bytes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = time.perf_counter()
        headers: dict[bytes, bytes] = dict(scope["headers"])
        method: str = scope["method"]
        reply = await self._answer(scope, receive, send, method, headers)
        if reply is None:  # answered by the query page
            return
        status, body, extra = reply.status, reply.body, reply.headers
        response_headers = [(b"content-length", str(len(body)).encode()), *extra]
        if b"origin" in headers:
            response_headers += [(b"access-control-allow-origin", b"*"), EXPOSE]
        await send({"type": "http.response.start", "status": status, "headers": response_headers})
        await send({"type": "http.response.body", "body": b"" if method == "HEAD" else body})
        log.info(
            "%s %s %d %.1fms %dB",
            method,
            scope["path"],
            status,
            (time.perf_counter() - started) * 1000,
            len(body),
        )

    async def _answer(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        method: str,
        headers: dict[bytes, bytes],
    ) -> Reply | None:
        """The answer to the request; ``None`` when the query page gave it."""
        request = await self._request(scope, receive, method, headers)
        if isinstance(request, Reply):
            return request
        accept = headers.get(b"accept", b"").decode("latin-1") or None
        if request.query is None:
            return await self._description(scope, receive, send, request=request, headers=headers)
        page = self.state.html_page
        if page is not None and method != "POST" and not request.formats and _wants_html(accept):
            # a browser following a page's "Se forespørgslen": the query page, query filled in
            await page(scope, receive, send)
            return None
        return await self._query(scope, receive, method, headers, request)

    async def _query(
        self,
        scope: Scope,
        receive: Receive,
        method: str,
        headers: dict[bytes, bytes],
        request: QueryRequest,
    ) -> Reply:
        query = request.query or ""  # a request without one is for the service description
        accept = headers.get(b"accept", b"").decode("latin-1") or None
        if not query.strip():
            return _error(400, "the query is empty; send a SPARQL query in the query parameter")
        try:
            shape = inspect(query)
            choice = negotiate(accept, list(request.formats), shape.form)
        except (RefusedError, NotAcceptableError) as error:
            return _error(error.status, error.message)
        gzip = b"gzip" in headers.get(b"accept-encoding", b"")
        job = Job(
            query,
            shape.form,
            request.default_graphs,
            request.named_graphs,
            choice.results.name if choice.results else None,
            choice.graph.name if choice.graph else None,
            gzip,
            self.limits.max_rows,
            _endpoint_url(scope, headers),
        )
        store_state = await self.state.store_state()
        if method != "POST" and (
            unchanged := self._not_modified(headers, store_state, choice_tag(job))
        ):
            return unchanged
        evaluated = await self._outcome(job, shape, receive, store_state.token)
        if isinstance(evaluated, Reply):
            return evaluated
        outcome, body = evaluated
        if outcome.status != 200:
            return _error(outcome.status, outcome.message)
        return self._result(outcome, body, store_state)

    def _result(self, outcome: Outcome, body: bytes, store_state: State) -> Reply:
        extra = [
            (b"content-type", outcome.content_type.encode()),
            VARY,
            NO_CACHE,
            *_validators(store_state, f"{outcome.format}{'-gz' if outcome.gzipped else ''}"),
        ]
        if outcome.gzipped:
            extra.append((b"content-encoding", b"gzip"))
        if outcome.truncated:
            rows = f"{self.limits.max_rows:,}"
            extra += [
                (b"x-sparql-maxrows", str(self.limits.max_rows).encode()),
                (
                    b"referatgraf-result-truncated",
                    f"the result was cut at {rows} rows (--max-rows); page with LIMIT and "
                    "OFFSET".encode(),
                ),
            ]
        return Reply(200, body, extra)

    async def _outcome(
        self, job: Job, shape: QueryShape, receive: Receive, token: str
    ) -> tuple[Outcome, bytes] | Reply:
        """The result kept for this state of the store, else evaluated (and kept if it can)."""
        key = (job, token) if shape.deterministic else None
        cached = self.cache.get(key) if key is not None and self.cache.max_bytes else None
        if cached is not None:
            return cached
        evaluated = await self._evaluate(job, shape, receive)
        if isinstance(evaluated, Reply):
            return evaluated
        outcome, body = evaluated
        if key is not None and outcome.status == 200 and self.cache.max_bytes:
            self.cache.put(key, outcome, body)
        return evaluated

    async def _evaluate(
        self, job: Job, shape: QueryShape, receive: Receive
    ) -> tuple[Outcome, bytes] | Reply:
        """A lookup here, in the event loop (a few milliseconds at most), any other query by a
        worker; the error when the workers cannot take it."""
        lookups = self.state.lookups
        if lookups is not None:
            answered = lookups.answer(job, shape)
            if answered is not None:
                return answered
        try:
            outcome, body, _ = await self.state.pool.run(job, _disconnected(receive))
            return outcome, body
        except PoolError as error:
            retry = error.retry_after
            extra = [(b"retry-after", str(retry).encode())] if retry else []
            return _error(error.status, error.message, *extra)

    async def _request(
        self, scope: Scope, receive: Receive, method: str, headers: dict[bytes, bytes]
    ) -> QueryRequest | Reply:
        """The request as read, or the answer when there is nothing to run (error, preflight)."""
        limit = self.limits.max_request_bytes
        try:
            if method in {"GET", "HEAD"}:
                if len(scope["query_string"]) > limit:
                    return _error(
                        414, f"the URL is longer than {limit:,} bytes; send the query with POST"
                    )
                return parse_get(scope["query_string"])
            if method == "POST":
                return await _post(scope, receive, headers, limit)
        except ProtocolError as error:
            return _error(error.status, error.message)
        if method == "OPTIONS":
            return Reply(204, b"", _preflight(headers))
        return _error(405, f"{method} is not a SPARQL query method; use GET or POST", ALLOW)

    async def _description(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        *,
        request: QueryRequest,
        headers: dict[bytes, bytes],
    ) -> Reply | None:
        accept = headers.get(b"accept", b"").decode("latin-1") or None
        if scope["method"] == "POST":
            return _error(
                400, "no query: send query=... or a body of type application/sparql-query"
            )
        page = self.state.html_page
        if page is not None and not request.formats and _wants_html(accept):
            await page(scope, receive, send)
            return None
        try:
            choice = negotiate(accept, list(request.formats), "CONSTRUCT")
        except NotAcceptableError as error:
            return _error(error.status, error.message)
        assert choice.graph is not None
        store_state = await self.state.store_state()
        ready = "f" if self.state.description.figures is not None else "p"
        tag = f"sd-{ready}-{choice.graph.name}"
        if (unchanged := self._not_modified(headers, store_state, tag)) is not None:
            return unchanged
        body = self.state.service_description(_endpoint_url(scope, headers), choice.graph.name)
        extra = [
            (b"content-type", choice.graph.content_type.encode()),
            (b"vary", b"Accept"),
            NO_CACHE,
            *_validators(store_state, tag),
        ]
        return Reply(200, body, extra)

    def _not_modified(self, headers: dict[bytes, bytes], state: State, tag: str) -> Reply | None:
        """304 when the client holds this answer already."""
        validators = _validators(state, tag)
        match, since = (headers.get(name) for name in (b"if-none-match", b"if-modified-since"))
        modified = state.modified
        if is_fresh(
            None if match is None else match.decode("latin-1"),
            None if since is None else since.decode("latin-1"),
            validators[0][1].decode("latin-1"),
            None if modified is None else modified.timestamp(),
        ):
            return Reply(304, b"", [VARY, *validators])
        return None


def _disconnected(receive: Receive) -> Callable[[], Awaitable[None]]:
    async def disconnected() -> None:
        while (await receive())["type"] != "http.disconnect":
            pass

    return disconnected


def choice_tag(job: Job) -> str:
    name = job.results_format if job.form in {"SELECT", "ASK"} else job.graph_format
    return f"{name}{'-gz' if job.gzip else ''}"


def _validators(state: State, tag: str) -> tuple[tuple[bytes, bytes], ...]:
    return _validators_of(state.token, state.modified, tag)


@lru_cache(maxsize=256)
def _validators_of(
    token: str, modified: dt.datetime | None, tag: str
) -> tuple[tuple[bytes, bytes], ...]:
    etag = (b"etag", f'W/"{token}-{tag}"'.encode())
    if modified is None:
        return (etag,)
    http_date = email.utils.format_datetime(modified, usegmt=True)
    return etag, (b"last-modified", http_date.encode())


async def _post(
    scope: Scope, receive: Receive, headers: dict[bytes, bytes], limit: int
) -> QueryRequest | Reply:
    content_type = headers.get(b"content-type", b"").decode("latin-1") or None
    body = await _read_body(receive, headers, limit)
    if isinstance(body, Reply):
        return body
    return parse_post(scope["query_string"], content_type, body)


async def _read_body(receive: Receive, headers: dict[bytes, bytes], limit: int) -> bytes | Reply:
    declared = headers.get(b"content-length")
    too_big = (
        f"the request body is larger than {limit:,} bytes, this endpoint's limit "
        "(--max-request-bytes)"
    )
    if declared is not None and declared.isdigit() and int(declared) > limit:
        return _error(413, too_big)
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return _error(413, too_big)
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _preflight(headers: dict[bytes, bytes]) -> list[tuple[bytes, bytes]]:
    asked = headers.get(b"access-control-request-headers", b"")
    return [
        ALLOW,
        (b"access-control-allow-origin", b"*"),
        (b"access-control-allow-methods", b"GET, HEAD, POST, OPTIONS"),
        (b"access-control-allow-headers", asked or b"Accept, Content-Type"),
        (b"access-control-max-age", b"86400"),
    ]


def _wants_html(accept: str | None) -> bool:
    """True when ``Accept`` names HTML at least as high as anything RDF (a browser)."""
    return wants_html(accept, GRAPH_FORMATS)


def _endpoint_url(scope: Scope, headers: dict[bytes, bytes]) -> str:
    host = headers.get(b"host", b"").decode("latin-1")
    if not host and scope.get("server"):
        server_host, port = scope["server"]
        host = f"{server_host}:{port}"
    return f"{scope.get('scheme', 'http')}://{host}{scope.get('root_path', '')}{scope['path']}"
