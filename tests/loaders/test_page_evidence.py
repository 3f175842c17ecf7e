"""What a web page says about itself: bounded pieces, and only safe http(s) addresses."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import NamedNode

from loaders import page_evidence
from loaders.page_evidence import (
    LONGEST_LINE,
    LONGEST_URL,
    MOST_LINES,
    PageEvidenceBuilder,
    PageLine,
    page_lines,
    safe_url,
)


def test_doctests() -> None:
    assert doctest.testmod(page_evidence).failed == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://www.koege.dk/politik", "https://www.koege.dk/politik"),
        ("http://KOEGE.dk", "http://koege.dk/"),
        ("https://www.koege.dk/a%20b?x=1#frag", "https://www.koege.dk/a%20b?x=1"),
        ("https://www.koege.dk/100%", "https://www.koege.dk/100%25"),
        ("https://www.koege.dk/a%zz", "https://www.koege.dk/a%25zz"),
        ("https://www.koege.dk/a b\"c'", "https://www.koege.dk/a%20b%22c'"),
        ("https://københavn.dk/referat", "https://xn--kbenhavn-54a.dk/referat"),
        ("https://www.koege.dk:8080/x", "https://www.koege.dk:8080/x"),
    ],
)
def test_safe_url_keeps_http_addresses(value: str, expected: str) -> None:
    assert safe_url(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        "javascript:alert(1)",
        " JavaScript:alert('https://www.koege.dk')",
        "data:text/html,<script>x</script>",
        "vbscript:x",
        "mailto:post@koege.dk",
        "file:///etc/passwd",
        "/politik/referat",
        "//www.koege.dk/referat",
        "https://",
        "https://user:secret@www.koege.dk/",
        "https://www.koege.dk:99999/",
        "https://www.koe ge.dk/",
        "https://www.koege.dk/\nreferat",
        "https://[::1]/",
        "https://www.koege.dk/" + "a" * 2000,
        "https://www.koege.dk/" + "ø" * 400,  # 2400 characters once percent-encoded
        "",
    ],
)
def test_safe_url_refuses_the_rest(value: str) -> None:
    assert safe_url(value) is None


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=80),
        st.builds(lambda rest: "https://www.koege.dk/" + rest, st.text(max_size=60)),
        st.builds(lambda host, rest: f"http://{host}/{rest}", st.text(max_size=20), st.text()),
    )
)
def test_safe_url_gives_a_valid_iri_or_nothing(value: str) -> None:
    url = safe_url(value)
    if url is not None:
        assert url.startswith(("http://", "https://"))
        assert url.isascii()
        assert len(url) <= LONGEST_URL
        assert NamedNode(url).value == url
        assert safe_url(url) == url


def test_page_lines_are_bounded_and_cleaned() -> None:
    lines = page_lines("footer", "  Kø\u00adge\tKommune \x00\n\n\u200b\n" + "x" * 1000)
    assert lines == [PageLine("footer", "Køge Kommune"), PageLine("footer", "x" * LONGEST_LINE)]


def test_the_builder_keeps_each_text_once_and_at_most_the_limit() -> None:
    builder = PageEvidenceBuilder()
    builder.add("title", "Referat - Køge Kommune")
    builder.add("title", "REFERAT - KØGE KOMMUNE")
    builder.add_url("javascript:alert(1)")
    builder.add_url("https://www.koege.dk/a")
    builder.add_url("https://www.roskilde.dk/b")
    builder.add("footer", "\n".join(f"linje {n}" for n in range(100)))
    found = builder.build()
    assert found.url == "https://www.koege.dk/a"
    assert found.lines[:3] == (
        PageLine("title", "Referat - Køge Kommune"),
        PageLine("address", "https://www.koege.dk/a"),
        PageLine("address", "https://www.roskilde.dk/b"),
    )
    assert len(found.lines) == MOST_LINES
    assert found.lines[-1] == PageLine("footer", f"linje {MOST_LINES - 4}")
