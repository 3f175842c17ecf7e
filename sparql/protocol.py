"""The three ways the SPARQL 1.1 Protocol sends a query, read into one :class:`QueryRequest`.

- GET ``/sparql?query=...``
- POST ``application/x-www-form-urlencoded`` with ``query=...`` in the body
- POST ``application/sparql-query`` with the query as the body

``default-graph-uri`` and ``named-graph-uri`` may repeat, in the URL or (form POST) the body.
Every refusal is a :class:`ProtocolError` with a 4xx status and a message saying what to do.

>>> parse_get(b"query=ASK%20%7B%7D&default-graph-uri=http%3A%2F%2Fex.org%2Fg").default_graphs
('http://ex.org/g',)
>>> parse_post(b"", "application/sparql-query; charset=utf-8", b"ASK {}").query
'ASK {}'
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

from sparql.refusals import RequestError
from sparql.short_cache import cached_up_to

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"
ACCEPTED_TYPES = f"{DIRECT} (the query as the body) or {FORM} (query=...)"


class ProtocolError(RequestError):
    """The request does not follow the protocol; ``status`` is a 4xx."""


@dataclass(frozen=True, slots=True)
class QueryRequest:
    query: str | None  # None: no query at all (GET: the service description)
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()  # values of the ``format`` parameter

    @property
    def has_dataset(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


@cached_up_to(4096, maxsize=256)  # bytes of query string worth remembering
def parse_get(query_string: bytes) -> QueryRequest:
    """The request a GET's query string makes (the same URL, read once: see the cache)."""
    pairs = _pairs(query_string, "URL")
    if any(name == "update" for name, _ in pairs):
        raise ProtocolError(
            "SPARQL Update is not accepted: this endpoint is read-only (and an update is never "
            "sent with GET)",
            403,
        )
    return _request(pairs)


def parse_post(query_string: bytes, content_type: str | None, body: bytes) -> QueryRequest:
    media_type, charset = _media_type(content_type)
    if media_type == UPDATE:
        raise ProtocolError("SPARQL Update is not accepted: this endpoint is read-only", 403)
    if media_type not in {FORM, DIRECT}:
        given = f"Content-Type {media_type}" if media_type else "no Content-Type"
        raise ProtocolError(f"a query POST needs {ACCEPTED_TYPES}; the request had {given}", 415)
    if charset not in {None, "utf-8", "utf8"}:
        raise ProtocolError(
            f"queries must be sent in UTF-8, not {charset}; use Content-Type {media_type}; "
            "charset=utf-8",
            415,
        )
    url_pairs = _pairs(query_string, "URL")
    if media_type == DIRECT:
        if any(name == "query" for name, _ in url_pairs):
            raise ProtocolError("the query is in the body; do not also send query= in the URL", 400)
        request = _request(url_pairs)
        query = _utf8(body, "the request body")
        return QueryRequest(query, request.default_graphs, request.named_graphs, request.formats)
    body_pairs = _pairs(body, "the form body")
    if any(name == "update" for name, _ in body_pairs):
        raise ProtocolError("SPARQL Update is not accepted: this endpoint is read-only", 403)
    request = _request(url_pairs + body_pairs)
    if request.query is None:
        raise ProtocolError("the form has no query parameter; send query=...", 400)
    return request


def _request(pairs: list[tuple[str, str]]) -> QueryRequest:
    queries = [value for name, value in pairs if name == "query"]
    if len(queries) > 1:
        raise ProtocolError(f"send one query per request, not {len(queries)}", 400)
    return QueryRequest(
        queries[0] if queries else None,
        tuple(value for name, value in pairs if name == "default-graph-uri"),
        tuple(value for name, value in pairs if name == "named-graph-uri"),
        tuple(value for name, value in pairs if name == "format"),
    )


def _pairs(encoded: bytes, where: str) -> list[tuple[str, str]]:
    if not encoded:
        return []
    try:
        text = encoded.decode("ascii")
    except UnicodeDecodeError as error:
        raise ProtocolError(
            f"{where} has a byte that is not percent-encoded (0x{encoded[error.start]:02X} at "
            f"position {error.start}); percent-encode the parameters as UTF-8",
            400,
        ) from None
    try:
        return parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError as error:
        raise ProtocolError(
            f"{where} decodes to bytes that are not UTF-8 ({error.reason}); percent-encode the "
            "parameters as UTF-8",
            400,
        ) from None


def _utf8(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ProtocolError(
            f"{where} is not UTF-8: byte 0x{data[error.start]:02X} at position {error.start} "
            f"(line {line}) {error.reason}; save or send the query as UTF-8",
            400,
        ) from None


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    if not content_type:
        return "", None
    media_type, *parameters = content_type.split(";")
    charset = None
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media_type.strip().lower(), charset
