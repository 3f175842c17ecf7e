"""Tables of a web page: data, layout, or a header in columns (loaders/html_tables.py), and how
the page's text reads each (loaders/html_text.py)."""

from __future__ import annotations

import doctest

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from loaders import html_tables
from loaders.html_tables import column_pairs, is_layout_table
from loaders.html_text import html_to_text


def test_doctests() -> None:
    assert doctest.testmod(html_tables).failed == 0


def _table(page: str) -> LexborNode:
    table = LexborHTMLParser(page).css_first("table")
    assert table is not None
    return table


@pytest.mark.parametrize(
    ("page", "layout"),
    [
        ("<table role='presentation'><tr><td>a</td></tr></table>", True),
        ("<table><tr><td><p>Tekst.</p></td></tr></table>", True),
        ("<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>", True),
        ("<table><tr><td>" + "Lang tekst. " * 30 + "</td></tr></table>", True),
        # figures, a list of meetings, column headings, a caption: data
        ("<table><tr><td>Budget</td><td>3.800</td></tr></table>", False),
        ("<table><tr><th>Dato</th></tr><tr><td>1.<br>2.</td></tr></table>", False),
        ("<table><caption>Takster</caption><tr><td>a<br>b</td></tr></table>", False),
        # a label/value row of the header keeps its line, whatever its value holds
        ("<table><tr><td>Mødested</td><td>Rådhuset<br>lokale 2</td></tr></table>", False),
    ],
)
def test_is_layout_table(page: str, *, layout: bool) -> None:
    assert is_layout_table(_table(page)) is layout


@pytest.mark.parametrize(
    "page",
    [
        # three rows, values that are labels, different counts, one column: no header
        "<table><tr><th>Udvalg</th><th>Dato</th></tr><tr><td>a</td><td>b</td></tr>"
        "<tr><td>c</td><td>d</td></tr></table>",
        "<table><tr><th>Udvalg</th><th>Dato</th></tr><tr><td>Sted</td><td>b</td></tr></table>",
        "<table><tr><th>Udvalg</th><th>Dato</th></tr><tr><td>a</td></tr></table>",
        "<table><tr><th>Udvalg</th></tr><tr><td>Byrådet</td></tr></table>",
        "<table><tr><th>Bilag</th><th>Beløb</th></tr><tr><td>a</td><td>3</td></tr></table>",
    ],
)
def test_no_column_pairs(page: str) -> None:
    assert column_pairs(_table(page)) is None


def test_a_header_in_columns_is_read_as_labelled_lines() -> None:
    page = (
        "<h1>Referat</h1><table><thead><tr><th>Udvalg</th><th>Mødedato:</th><th>Mødested</th>"
        "<th>Starttidspunkt</th></tr></thead><tbody><tr><td>Byrådet</td><td>7. februar 2023</td>"
        "<td>Rådhuset,<br>Byrådssalen</td><td></td></tr></tbody></table><p>Afbud: Ingen</p>"
    )
    assert html_to_text(page) == (
        "Referat\n\nUdvalg: Byrådet\nMødedato: 7. februar 2023\n"
        "Mødested: Rådhuset, Byrådssalen\n\nAfbud: Ingen\n"
    )


def test_a_layout_table_is_read_as_blocks() -> None:
    page = (
        "<table><tr><td colspan=2><b>Referat</b><br>Miljøudvalget<br>Mødedato: 12.03.2008</td>"
        "</tr><tr><td><b>23.</b></td><td><b>Godkendelse af dagsorden</b><br>J.nr.: 00.01.00"
        "<br><br><b>Beslutning:</b><br>Godkendt.</td></tr>"
        "<tr><td>24.</td><td><p>Eventuelt</p><p>Intet.</p></td></tr>"
        "<tr><td>I alt</td><td>3.800</td></tr></table>"
    )
    assert html_to_text(page) == (
        "Referat\nMiljøudvalget\nMødedato: 12.03.2008\n\n"
        "23. Godkendelse af dagsorden\nJ.nr.: 00.01.00\nBeslutning:\nGodkendt.\n\n"
        "24. Eventuelt\n\nIntet.\n\nI alt\n\n3.800\n"
    )


def test_a_data_table_inside_a_layout_table_keeps_its_rows() -> None:
    page = (
        "<table><tr><td><p>Økonomi:</p><table><tr><td>Drift</td><td>3.800</td></tr>"
        "<tr><td>Anlæg</td><td>1.200</td></tr></table></td></tr></table>"
    )
    assert html_to_text(page) == "Økonomi:\n\nDrift\t3.800\nAnlæg\t1.200\n"


@pytest.mark.parametrize(
    ("page", "text"),
    [
        # three links or more with only separators between them: a bar of links
        ("<p><a>Forside</a> | <a>Arkiv</a> | <a>Udvalg</a></p><p>Referat</p>", "Referat\n"),
        ("<td><a>Forside</a> » <a>Politik</a> » <a>Udvalg</a></td><p>Referat</p>", "Referat\n"),
        # two links, words between them, links in a sentence: text
        ("<p><a>Bilag 1</a> | <a>Bilag 2</a></p>", "Bilag 1 | Bilag 2\n"),
        (
            "<p><a>Bilag 1</a>, <a>Bilag 2</a> og <a>Bilag 3</a></p>",
            "Bilag 1, Bilag 2 og Bilag 3\n",
        ),
        (
            "<li><a>Notat</a></li><li><a>Kort</a></li><li><a>Plan</a></li>",
            "- Notat\n- Kort\n- Plan\n",
        ),
    ],
)
def test_link_bars(page: str, text: str) -> None:
    assert html_to_text(page) == text


def test_label_value_pairs_side_by_side_are_read_a_line_each() -> None:
    page = (
        "<table><tr><th>Udvalg</th><td>Byrådet</td><th>Mødedato</th><td>7. februar 2023</td>"
        "</tr><tr><td>Mødested:</td><td>Rådhuset</td><td>Sluttidspunkt</td><td></td></tr>"
        "<tr><td>Dato</td><td>Sted</td><td>Tid</td><td>Udvalg</td></tr></table>"
    )
    # an empty value is left out; a row of labels alone is no pairs
    assert html_to_text(page) == (
        "Udvalg: Byrådet\nMødedato: 7. februar 2023\nMødested: Rådhuset\nDato\tSted\tTid\tUdvalg\n"
    )


def test_a_labelled_cell_beside_an_items_heading_is_a_line_of_its_own() -> None:
    page = (
        "<table><tr><td>1.</td><td>Godkendelse af dagsorden</td><td>Sagsnr.: 24/1001</td></tr>"
        "</table><table><tr><td>Drift</td><td>Budget: 3.800</td></tr></table>"
    )
    assert html_to_text(page) == (
        "1.\tGodkendelse af dagsorden\nSagsnr.: 24/1001\n\nDrift\tBudget: 3.800\n"
    )


def test_the_lines_of_a_labelled_value_are_joined_by_commas() -> None:
    page = (
        "<table><tr><td>Fraværende</td><td>Lis Holm (A)<br>Kurt Bak (O)<br></td></tr>"
        "<tr><td>Mødested<br></td><td><p>Rådhuset</p><p>Torvet 1</p></td></tr>"
        "<tr><td>Beslutning:</td><td>Godkendt.<br>Bilag vedlagt</td></tr></table>"
    )
    assert html_to_text(page) == (
        "Fraværende: Lis Holm (A), Kurt Bak (O)\nMødested: Rådhuset, Torvet 1\n"
        "Beslutning: Godkendt. Bilag vedlagt\n"
    )
