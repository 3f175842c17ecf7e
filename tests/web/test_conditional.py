"""web/conditional.py: when an answer may be 304 Not Modified, on its own, without a server."""

from __future__ import annotations

from email.utils import formatdate

import pytest
from starlette.requests import Request

from web.conditional import etag_matches, is_fresh, not_modified, unchanged_since

# 1 000 000 s after the epoch, as an HTTP date: Mon, 12 Jan 1970 13:46:40 GMT
SECOND = 1_000_000
DATE = formatdate(SECOND, usegmt=True)
HEADERS = {"ETag": 'W/"abc"', "Cache-Control": "no-cache"}


def _request(method: str = "GET", **headers: str) -> Request:
    raw = [(name.replace("_", "-").encode(), value.encode()) for name, value in headers.items()]
    return Request({"type": "http", "method": method, "headers": raw})


@pytest.mark.parametrize(
    ("if_none_match", "etag", "matches"),
    [
        ('"abc"', '"abc"', True),
        ('W/"abc"', '"abc"', True),  # weak comparison both ways
        ('"abc"', 'W/"abc"', True),
        ('"x", W/"abc" ,"y"', 'W/"abc"', True),  # a list, with spaces
        ("*", '"anything"', True),
        ('"abd"', '"abc"', False),
        ('"ABC"', '"abc"', False),  # case matters
        ("abc", '"abc"', False),  # the quotes are part of the tag
        ("", '"abc"', False),
        (None, '"abc"', False),
    ],
)
def test_etag_matches(if_none_match: str | None, etag: str, matches: bool) -> None:
    assert etag_matches(if_none_match, etag) is matches


@pytest.mark.parametrize(
    ("modified", "unchanged"),
    [
        (SECOND - 1, True),
        (SECOND, True),
        (SECOND + 0.999, True),  # whole seconds: the date cannot say more
        (SECOND + 1, False),
        (None, False),  # the route does not know when its content changed
    ],
)
def test_unchanged_since(modified: float | None, unchanged: bool) -> None:
    assert unchanged_since(DATE, modified) is unchanged


@pytest.mark.parametrize("since", [None, "", "yesterday", "Mon, 99 Foo 1970 25:61:61 GMT"])
def test_no_date_or_an_unreadable_one_is_not_unchanged(since: str | None) -> None:
    assert unchanged_since(since, 0) is False


def test_if_none_match_decides_alone_when_sent() -> None:
    assert is_fresh('"abc"', None, '"abc"', None) is True
    assert is_fresh('"abc"', formatdate(0, usegmt=True), '"abc"', SECOND) is True
    assert is_fresh('"other"', DATE, '"abc"', SECOND) is False
    assert is_fresh(None, DATE, '"abc"', SECOND) is True
    assert is_fresh(None, DATE, '"abc"', SECOND + 1) is False
    assert is_fresh(None, None, '"abc"', SECOND) is False


def test_not_modified_is_a_304_with_the_validators() -> None:
    answer = not_modified(_request(if_none_match='"abc"'), HEADERS)
    assert answer is not None
    assert answer.status_code == 304
    assert answer.body == b""
    assert answer.headers["etag"] == 'W/"abc"'
    assert answer.headers["cache-control"] == "no-cache"


def test_not_modified_by_date_where_the_route_knows_it() -> None:
    request = _request(if_modified_since=DATE)
    answer = not_modified(request, HEADERS, SECOND)
    assert answer is not None
    assert answer.status_code == 304
    assert not_modified(request, HEADERS) is None
    assert not_modified(request, HEADERS, SECOND + 1) is None


def test_head_is_conditional_and_other_methods_are_not() -> None:
    answer = not_modified(_request("HEAD", if_none_match="*"), HEADERS)
    assert answer is not None
    assert answer.status_code == 304
    assert not_modified(_request("POST", if_none_match="*"), HEADERS) is None


def test_no_validators_sent_means_the_full_answer() -> None:
    assert not_modified(_request(), HEADERS, SECOND) is None
    assert not_modified(_request(if_none_match='"other"'), HEADERS, SECOND) is None
