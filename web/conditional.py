"""Conditional GET (RFC 9110, section 13): whether a client's copy is still current, so that the
answer is ``304 Not Modified`` with the validators and no body.

Every route that sends an ``ETag`` asks here: the pages, the resources, the browse pages, the
dumps, the catalog and the feeds through :func:`not_modified`; the SPARQL endpoint, which reads
its headers as bytes, through :func:`is_fresh`. ``If-None-Match`` is read first and, when sent,
alone; ``If-Modified-Since`` only without it and only where the route knows when its content
changed. ETags compare weakly (``W/"a"`` matches ``"a"``), as RFC 9110 asks for
``If-None-Match``, and ``*`` matches any.

>>> etag_matches('W/"a", W/"b"', 'W/"b"'), etag_matches("*", 'W/"x"'), etag_matches(None, 'W/"x"')
(True, True, False)
>>> since = "Thu, 01 Jan 1970 00:01:40 GMT"  # 100 s
>>> unchanged_since(since, 100.9), unchanged_since(since, 101.0), unchanged_since(since, None)
(True, False, False)
>>> is_fresh('"other"', since, '"a"', 100.0)  # a sent ETag decides alone
False
"""

from __future__ import annotations

from collections.abc import Mapping
from email.utils import parsedate_to_datetime

from starlette.requests import Request
from starlette.responses import Response

CONDITIONAL_METHODS = ("GET", "HEAD")


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether ``If-None-Match`` names ``etag`` (weak comparison) or is ``*``."""
    if if_none_match is None:
        return False
    tags = {t.strip().removeprefix("W/") for t in if_none_match.split(",")}
    return "*" in tags or etag.removeprefix("W/") in tags


def unchanged_since(if_modified_since: str | None, modified: float | None) -> bool:
    """Whether content last changed at ``modified`` (POSIX seconds) is no newer than the
    ``If-Modified-Since`` date, in whole seconds as HTTP dates go; an unreadable date is no
    date."""
    if if_modified_since is None or modified is None:
        return False
    try:
        return int(modified) <= int(parsedate_to_datetime(if_modified_since).timestamp())
    except (TypeError, ValueError):
        return False


def is_fresh(
    if_none_match: str | None, if_modified_since: str | None, etag: str, modified: float | None
) -> bool:
    """Whether the validators a client sent say its copy is current: ``If-None-Match`` when it
    is sent, else ``If-Modified-Since``."""
    if if_none_match is not None:
        return etag_matches(if_none_match, etag)
    return unchanged_since(if_modified_since, modified)


def not_modified(
    request: Request, headers: Mapping[str, str], modified: float | None = None
) -> Response | None:
    """``304 Not Modified`` with ``headers`` (which hold the ``ETag``) when a GET or HEAD may
    answer so; ``None`` when the full answer is due. ``modified``: when the content last
    changed (POSIX seconds), where the route knows it."""
    if request.method not in CONDITIONAL_METHODS:
        return None
    fresh = is_fresh(
        request.headers.get("if-none-match"),
        request.headers.get("if-modified-since"),
        headers["ETag"],
        modified,
    )
    return Response(status_code=304, headers=dict(headers)) if fresh else None


__all__ = ["etag_matches", "is_fresh", "not_modified", "unchanged_since"]
