import doctest

import pytest

from loaders import inline_html
from loaders.inline_html import (
    count_tag_lines,
    decode_entities,
    has_inline_html,
    looks_like_html_page,
    strip_tags,
)


def test_doctests() -> None:
    assert doctest.testmod(inline_html).failed == 0


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("<b>Mødedato</b>", True),
        ("før <BR/> efter", True),
        ('<span style="x">a</span>', True),
        ("<!-- kommentar -->", True),
        ("Hammer &amp; Søn", True),
        ("K&#248;ge", True),
        ("<udvalg> og <Navn>", False),
        ("under < 5 år og > 2 år", False),
        ("R&D og &bogus;", False),
        ("<https://lejre.dk>", False),
    ],
)
def test_has_inline_html(text: str, found: bool) -> None:
    assert has_inline_html(text) is found


def test_count_tag_lines() -> None:
    text = "<p>a</p><p>b</p>\n\ntekst\n<b>c</b>\n<udvalg>\n"
    assert count_tag_lines(text) == (2, 4, True)
    assert count_tag_lines("<b>a</b>\n<i>b</i>") == (2, 2, False)
    assert count_tag_lines("") == (0, 0, False)


def test_strip_tags_adds_a_space_only_where_words_would_touch() -> None:
    assert strip_tags("a</p><p>b") == "a b"
    assert strip_tags("a</p> <p>b") == "a b"
    assert strip_tags("a</td>\t<td>b") == "a\tb"
    assert strip_tags("<p>a</p>") == "a"
    assert strip_tags("a<b>b</b>c") == "abc"


def test_strip_tags_keeps_newlines_of_what_it_removes() -> None:
    assert strip_tags("a<!--\n\n-->b\n<p\nclass='x'>c") == "a\n\nb\n\nc"
    assert strip_tags("a<script>\nx\n</script>b") == "a\n\nb"


def test_strip_tags_leaves_an_unclosed_comment_as_text() -> None:
    assert strip_tags("a <!-- b <p>c") == "a <!-- b c"


def test_decode_entities() -> None:
    assert decode_entities("&lt;b&gt; &quot;x&quot; &#x2013; &AElig;&oslash;&aring;") == (
        '<b> "x" – Æøå'
    )
    assert decode_entities("&#10;&#13;&#x2028;") == "   "
    assert decode_entities("&amp;amp;") == "&amp;"
    assert decode_entities("AT&T og &copy2020") == "AT&T og &copy2020"


@pytest.mark.parametrize(
    ("text", "page"),
    [
        ("<!doctype html>\n<p>x</p>", True),
        ("<HTML><p>x</p></HTML>", True),
        ("tekst\n<body class='x'>\n", True),
        ("<h1>a</h1>\n<p>b</p>\ntekst", True),
        ("<b>a</b>\n<i>b</i>\n", False),  # inline tags only: text with stray HTML
        ("<p>a</p>\ntekst\ntekst\ntekst", False),
        ("ingen tags", False),
    ],
)
def test_looks_like_html_page(text: str, page: bool) -> None:
    assert looks_like_html_page(text) is page
