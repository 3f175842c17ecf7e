"""Label and value pairs in a web page's markup, read as the header rules read them.

A definition list entry ``<dt>Sted</dt><dd>Rådhuset</dd>`` with a short value, and a two-column
table row whose first cell is a header label (``UDVALG``, ``Mødedato``, ``Sagsnr.``, see
:data:`LABELS`), are one line ``Label: value`` in the page's text (:mod:`loaders.html_text`); a
row of several such pairs side by side is one line per pair.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

CELLS = frozenset(("td", "th"))

# Labels of the meeting header and of an item's case, as printed in the first column of a
# label/value table (compared case-folded, a trailing colon ignored).
LABELS = frozenset(
    label.casefold()
    for label in (  # noqa: SIM905 - a list of words reads best as words
        "Udvalg Møde Mødedato Mødedag Mødetidspunkt Mødetid Mødested Mødestart Mødeslut "
        "Starttidspunkt Sluttidspunkt Start Slut Dato Tidspunkt Tid Sted Lokale Mødelokale "
        "Afsluttet Kommune Mødeleder Formand Næstformand Sekretær Referent Deltagere "
        "Mødedeltagere Medlemmer Afbud Fraværende Fravær Sagsnr Sagsnr. Sagsnummer Sagsid "
        "J.nr. Journalnr. Journalnummer Dok.nr. Dokumentnr. Beslutning Indstilling "
        "Sagsfremstilling Resumé Resume Bilag"
    ).split()
) | {"start kl.", "slut kl.", "sags nr.", "åben/lukket"}
# Blocks that make a definition's value more than one line.
_BLOCKS_IN_VALUE = "p, div, ul, ol, table, br, h1, h2, h3, h4, h5, h6, dl, blockquote, pre"
_LONGEST_JOINED = 300


def is_label(text: str) -> bool:
    """Whether a table cell holds a header label (``UDVALG``, ``Sted:``).

    >>> is_label("STARTTIDSPUNKT"), is_label("Sagsnr.:"), is_label("Budget 2023")
    (True, True, False)
    """
    return " ".join(text.split()).rstrip(":").rstrip().casefold() in LABELS


def is_labelled_cell(cell: LexborNode) -> bool:
    """A table cell that prints a label and its value (``Sagsnr.: 24/1001``): in a row beside
    an item's number and title, a line of its own.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> def cell(html): return LexborHTMLParser(f"<table><tr>{html}</tr></table>").css_first("td")
    >>> is_labelled_cell(cell("<td>Sagsnr.: 24/1001</td>")), is_labelled_cell(cell("<td>Sag:</td>"))
    (True, False)
    >>> is_labelled_cell(cell("<td>Budget: 3.800</td>"))
    False
    """
    text = cell.text(deep=True, separator=" ", strip=True)
    label, colon, value = text.partition(":")
    return bool(colon) and bool(value.strip()) and len(label) <= _SHORT_TERM and is_label(label)


def _element_children(node: LexborNode) -> list[LexborNode]:
    return [child for child in node.iter() if not child.is_text_node]


def _short_value(node: LexborNode) -> bool:
    """A ``<dd>`` or cell that reads as one line: short, at most one paragraph."""
    blocks = node.css(_BLOCKS_IN_VALUE)
    if len(blocks) > 1 or (blocks and (blocks[0].tag or "").lower() not in ("p", "div")):
        return False
    return len(node.text(deep=True, separator=" ", strip=True)) <= _LONGEST_JOINED


def _next_element(node: LexborNode) -> LexborNode | None:
    following = node.next
    while following is not None and (following.is_text_node or following.is_comment_node):
        if (following.text_content or "").strip():
            return None
        following = following.next
    return following


_SHORT_TERM = 60


def joins_its_definition(term: LexborNode) -> bool:
    """A short ``<dt>`` followed by a short ``<dd>``: one line ``term: definition``."""
    following = _next_element(term)
    return (
        following is not None
        and (following.tag or "").lower() == "dd"
        and len(term.text(deep=True, separator=" ", strip=True)) <= _SHORT_TERM
        and _short_value(following)
    )


def is_label_row(row: LexborNode) -> bool:
    """A table row ``label | value`` whose label is a header label (:func:`is_label`)."""
    cells = [c for c in _element_children(row) if (c.tag or "").lower() in CELLS]
    if len(cells) != 2:
        return False
    if all((c.tag or "").lower() == "th" for c in cells):
        return False  # the column headings of a table
    label = cells[0].text(deep=True, separator=" ", strip=True)
    value = cells[1].text(deep=True, separator=" ", strip=True)
    return bool(value) and is_label(label) and not is_label(value)


def label_pairs(row: LexborNode) -> list[tuple[str, LexborNode]] | None:
    """``[(label, value cell), ...]`` for a table row of two or more ``label | value`` pairs
    side by side (``Udvalg | Byrådet | Mødedato | 7. februar 2023``): every other cell a header
    label, the cells between them values that are no labels, some value printed; None for any
    other row (a row of one pair is :func:`is_label_row`'s)."""
    cells = [c for c in _element_children(row) if (c.tag or "").lower() in CELLS]
    if len(cells) < 4 or len(cells) % 2:
        return None
    pairs: list[tuple[str, LexborNode]] = []
    printed = False
    for label_cell, value_cell in zip(cells[::2], cells[1::2], strict=True):
        label = label_cell.text(deep=True, separator=" ", strip=True)
        value = value_cell.text(deep=True, separator=" ", strip=True)
        if not is_label(label) or is_label(value):
            return None
        printed = printed or bool(value)
        pairs.append((" ".join(label.split()).rstrip(":").rstrip(), value_cell))
    return pairs if printed else None


# An item's access as a badge: "Lukket", "Lukket punkt", "Åben sag".
_ACCESS = re.compile(r"(?:lukket|åben|åbent)(?:\s+(?:punkt|sag))?", re.IGNORECASE)


def access_badge(node: LexborNode) -> str | None:
    """``(Lukket punkt)`` for an element of a heading that prints only the item's access and
    ends the heading (``<h2>5. Salg af grund <span class="badge">Lukket punkt</span></h2>``):
    written in parentheses after the title, as a line of text prints it, it is read as the
    access and not as words of the title. None for any other element.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> def badge(h): return access_badge(LexborHTMLParser(h).css_first("span"))
    >>> badge("<h2>5. Salg <span>Lukket punkt</span></h2>")
    '(Lukket punkt)'
    >>> badge("<h2><span>Lukket</span> Salg</h2>"), badge("<h2>Salg <span>Lukket</span> 2</h2>")
    (None, None)
    """
    text = " ".join(node.text(deep=True, separator=" ", strip=True).split())
    if not _ACCESS.fullmatch(text):
        return None
    following = node.next
    while following is not None:
        if following.text(deep=True, strip=True):
            return None
        following = following.next
    return f"({text})"
