import doctest

import pytest

from loaders import html_text
from loaders.html_text import html_to_text, looks_like_html_page


def test_doctests() -> None:
    assert doctest.testmod(html_text).failed == 0


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


def test_blocks_lists_and_tables() -> None:
    page = (
        "<h2>Punkt 1</h2>tekst direkte i body<div>blok <span>med</span>\n  span</div>"
        "<ul><li>a<ul><li>b</li></ul></li><li><p>c</p><p>d</p></li></ul>"
        '<ol start="3"><li>tre</li><li value="7">syv</li><li>otte</li></ol>'
        "<dl><dt>Sted</dt><dd>Rådhuset</dd></dl>"
        "<table><tr><td>a</td><td></td><td>c</td></tr><tr><th> b </th></tr></table>"
        "<p>før<br>efter<hr>sidst</p>"
    )
    assert html_to_text(page) == (
        "Punkt 1\n\ntekst direkte i body\n\nblok med span\n\n"
        "- a\n  - b\n- c\nd\n\n"
        "3. tre\n7. syv\n8. otte\n\n"
        "Sted\nRådhuset\n\n"
        "a\t\tc\nb\n\n"
        "før\nefter\n\nsidst\n"
    )


def test_nothing_readable() -> None:
    assert html_to_text("") == ""
    assert html_to_text("<script>x</script><style>y</style>") == ""
