"""What a request to the endpoint can end in before any query runs: a message for the client
and the HTTP status to answer with. The guard (:mod:`sparql.guard`), the protocol's reader
(:mod:`sparql.protocol`) and content negotiation (:mod:`sparql.negotiation`) each raise a kind
of their own, so that a caller can tell them apart.
"""

from __future__ import annotations


class RequestError(Exception):
    """The endpoint answers the request with ``status`` (a 4xx) and ``message``."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


__all__ = ["RequestError"]
