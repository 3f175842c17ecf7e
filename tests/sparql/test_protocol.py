from __future__ import annotations

import pytest

from sparql.protocol import ProtocolError, parse_get, parse_post

DIRECT = "application/sparql-query"
FORM = "application/x-www-form-urlencoded"


def test_get_with_repeated_graphs_and_format() -> None:
    request = parse_get(
        b"query=ASK%7B%7D&default-graph-uri=http%3A%2F%2Fa&default-graph-uri=http%3A%2F%2Fb"
        b"&named-graph-uri=http%3A%2F%2Fc&format=json&format=xml"
    )
    assert request.query == "ASK{}"
    assert request.default_graphs == ("http://a", "http://b")
    assert request.named_graphs == ("http://c",)
    assert request.formats == ("json", "xml")
    assert request.has_dataset


def test_get_without_query_is_none() -> None:
    assert parse_get(b"").query is None


def test_form_post_merges_url_and_body() -> None:
    request = parse_post(b"default-graph-uri=http%3A%2F%2Fg", FORM, b"query=ASK+%7B%7D")
    assert request.query == "ASK {}"
    assert request.default_graphs == ("http://g",)


def test_direct_post_with_utf8_body() -> None:
    query = "SELECT * WHERE { ?s ?p 'Æbleø' }"
    assert parse_post(b"", f"{DIRECT};charset=UTF-8", query.encode()).query == query


@pytest.mark.parametrize(
    ("query_string", "content_type", "body", "status", "words"),
    [
        (b"", "text/plain", b"ASK {}", 415, "application/sparql-query"),
        (b"", None, b"query=ASK%20%7B%7D", 415, "no Content-Type"),
        (b"", f"{DIRECT}; charset=UTF-16", "ASK {}".encode("utf-16"), 415, "UTF-8"),
        (b"", DIRECT, "ASK { ?s ?p 'æ' }".encode("latin-1"), 400, "0xE6"),
        (b"", FORM, b"query=%E6", 400, "UTF-8"),
        (b"", FORM, b"query=\xe6", 400, "percent-encoded"),
        (b"", FORM, b"other=1", 400, "no query"),
        (b"", FORM, b"query=ASK%7B%7D&query=ASK%7B%7D", 400, "one query"),
        (b"", FORM, b"update=CLEAR%20ALL", 403, "read-only"),
        (b"", "application/sparql-update", b"CLEAR ALL", 403, "read-only"),
        (b"query=ASK%7B%7D", DIRECT, b"ASK {}", 400, "body"),
    ],
)
def test_post_refusals(
    query_string: bytes, content_type: str | None, body: bytes, status: int, words: str
) -> None:
    with pytest.raises(ProtocolError) as error:
        parse_post(query_string, content_type, body)
    assert error.value.status == status
    assert words in error.value.message


@pytest.mark.parametrize(
    ("query_string", "status"),
    [(b"update=CLEAR%20ALL", 403), (b"query=a&query=b", 400), (b"query=%FF", 400)],
)
def test_get_refusals(query_string: bytes, status: int) -> None:
    with pytest.raises(ProtocolError) as error:
        parse_get(query_string)
    assert error.value.status == status
