import doctest

import pytest

from loaders import markdown_text
from loaders.markdown_text import looks_like_markdown, markdown_line_to_text, markdown_to_text


def test_doctests() -> None:
    assert doctest.testmod(markdown_text).failed == 0


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("# REFERAT", True),
        ("tekst\n### **Beslutning**", True),
        ("**Mødedato** Onsdag", True),
        ("Se [bilag](https://x.dk)", True),
        ("```\nkode\n```", True),
        ("#1 på listen", False),
        ("* punkt\n* punkt", False),
        ("5 ** 2 og *x*", False),
        ("Vestjylland* - 30 timer", False),
    ],
)
def test_looks_like_markdown(text: str, found: bool) -> None:
    assert looks_like_markdown(text) is found


def test_markdown_line_to_text_leaves_plain_lines_alone() -> None:
    line = "  • 48 % modtog sygedagpenge (se bilag 1) - 1/3 af 97556/19"
    assert markdown_line_to_text(line) == line


def test_markdown_to_text_keeps_lines() -> None:
    text = "# A\n\n<p>b</p>\n**c**\n~~~\n# d\n~~~\n"
    assert markdown_to_text(text) == "A\n\nb\nc\n\n# d\n\n"


def test_escaped_placeholders_never_leak() -> None:
    line = (
        "\\\\ \\! \\\" \\# \\$ \\% \\& \\' \\( \\) \\* \\+ \\, \\- \\. \\/ \\: \\; \\< \\= \\> \\?"
    )
    line += " \\@ \\[ \\] \\^ \\_ \\` \\{ \\| \\} \\~"
    assert markdown_line_to_text(line) == (
        "\\ ! \" # $ % & ' ( ) * + , - . / : ; < = > ? @ [ ] ^ _ ` { | } ~"
    )
