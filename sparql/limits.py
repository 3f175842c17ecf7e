"""The endpoint's limits, their defaults, and what happens at each (also in the README and in
the service description, as terms of :data:`graph.uris.SERVICE_NS`)."""

from __future__ import annotations

import os
from dataclasses import dataclass

LOOKUP_ROWS = 1_000
"""The rows of a lookup by default, when the server runs in several processes."""


def default_workers() -> int:
    """One query worker per core, and at least two, so one slow query never blocks the rest."""
    return max(2, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class Limits:
    query_timeout: float = 30.0
    """Seconds a query may evaluate; then its worker is killed and the client gets a 422."""
    workers: int = 0
    """Worker processes evaluating queries in parallel (0: one per core, at least 2)."""
    max_concurrent: int = 0
    """Queries admitted at once, evaluating or waiting for a worker (0: 8 per worker); one
    more gets 503 with Retry-After. A query waits for a worker at most ``query_timeout``."""
    max_rows: int = 10_000
    """Rows (solutions, or triples of a graph) in one answer; more are cut, and the response
    says so in the ``Referatgraf-Result-Truncated`` and ``X-SPARQL-MaxRows`` headers."""
    max_request_bytes: int = 1 << 20
    """Bytes of a request body or query string; more gets 413 (body) or 414 (URL)."""
    result_cache_bytes: int = 64 << 20
    """Bytes of answers kept in the server to answer the same query again (0: none)."""
    lookup_rows: int | None = None
    """Lookups (a SELECT of one triple pattern with LIMIT + OFFSET up to this, or an ASK of one
    pattern: ``sparql.lookups``) are answered by the server process without a worker (0: every
    query goes to a worker). ``None``: :data:`LOOKUP_ROWS` when the server runs in several
    processes, else 0: one process answering lookups itself uses one core for them, where the
    workers use them all (measured: 0.37x Oxigraph's rate against 0.45-0.55x)."""

    def resolved(self) -> Limits:
        workers = self.workers or default_workers()
        return Limits(
            query_timeout=self.query_timeout,
            workers=workers,
            max_concurrent=self.max_concurrent or 8 * workers,
            max_rows=self.max_rows,
            max_request_bytes=self.max_request_bytes,
            result_cache_bytes=self.result_cache_bytes,
            lookup_rows=self.lookup_rows or 0,
        )


# (service vocabulary term, Limits attribute, rdfs:comment) for the service description
LIMIT_TERMS = (
    ("queryTimeout", "query_timeout", "Seconds a query may evaluate before it is stopped."),
    ("workers", "workers", "Queries evaluated in parallel, each in its own process."),
    ("maxConcurrentQueries", "max_concurrent", "Queries admitted at once; more get 503."),
    ("maxResultRows", "max_rows", "Rows or triples in one answer; more are cut, and marked."),
    ("maxRequestBytes", "max_request_bytes", "Bytes of a request body or query string."),
    ("resultCacheBytes", "result_cache_bytes", "Bytes of answers kept to answer a query again."),
    (
        "lookupRows",
        "lookup_rows",
        "Rows (LIMIT + OFFSET) up to which a SELECT or ASK of one triple pattern is answered "
        "without a worker process.",
    ),
)
