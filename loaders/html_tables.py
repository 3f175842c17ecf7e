"""What a web page's ``<table>`` is for: data, layout, or a header laid out in columns.

Old agenda archives and some exports lay the whole page out in tables: the header in one cell
with ``<br>`` between its lines, every item a row with its number in one cell and the title,
the sections and the decision in the next. Such a *layout table* is read as blocks, like
``<div>`` elements (:mod:`loaders.html_text`); a *data table* (figures, a list of meetings, a
label/value header) keeps one line per row, its cells separated by tabs. The tests are those of
the browsers' accessibility code, cut down: a table that says it is for layout
(``role="presentation"``), or one without column headings or caption whose cells hold lines of
their own (``<br>``, paragraphs, lists, headings, other tables) or long text, is layout; a
``label | value`` row of the header (:func:`loaders.html_labels.is_label_row`,
:func:`~loaders.html_labels.label_pairs`) does not count.

A header in columns (``Udvalg | Mødedato | Mødested`` above one row of values) is read as one
``Label: value`` line per column (:func:`column_pairs`), the form the header rules read.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from loaders.html_labels import CELLS, is_label, is_label_row, label_pairs

_LAYOUT_ROLES = frozenset(("presentation", "none"))
_DATA_PARTS = "th, caption, thead"
# What makes a cell more than one line of a data table.
_BLOCKS_IN_CELL = "br, p, div, ul, ol, dl, table, h1, h2, h3, h4, h5, h6, blockquote, pre, hr"
_LONG_CELL = 300
_MOST_CELLS = 500  # cells looked at to decide; a layout table has a few dozen


def _cell_text(cell: LexborNode) -> str:
    return cell.text(deep=True, separator=" ", strip=True)


def is_layout_table(table: LexborNode) -> bool:
    """Whether ``table`` lays out the page rather than holding data (see the module docstring).

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> def first(page): return LexborHTMLParser(page).css_first("table")
    >>> is_layout_table(first("<table><tr><td>1.</td><td><b>Budget</b><br>Godkendt.</td></tr>"))
    True
    >>> is_layout_table(first("<table><tr><td>Budget</td><td>3.800</td></tr></table>"))
    False
    >>> is_layout_table(first("<table><tr><td>Sted</td><td>Rådhuset<br>lokale 2</td></tr>"))
    False
    """
    role = (table.attributes.get("role") or "").strip().lower()
    if role in _LAYOUT_ROLES:
        return True
    if table.css_first(_DATA_PARTS) is not None:
        return False
    other_rows = (row for row in _rows(table) if not (is_label_row(row) or label_pairs(row)))
    cells = [cell for row in other_rows for cell in _cells(row)][:_MOST_CELLS]
    return any(
        cell.css_first(_BLOCKS_IN_CELL) is not None or len(_cell_text(cell)) > _LONG_CELL
        for cell in cells
    )


def _rows(table: LexborNode) -> list[LexborNode]:
    """The table's own rows, through ``<thead>``/``<tbody>``/``<tfoot>``, not a nested table's."""
    rows: list[LexborNode] = []
    for child in table.iter():
        tag = (child.tag or "").lower()
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child.iter() if (c.tag or "").lower() == "tr")
    return rows


def _cells(row: LexborNode) -> list[LexborNode]:
    return [c for c in row.iter() if (c.tag or "").lower() in CELLS]


def column_pairs(table: LexborNode) -> list[tuple[str, LexborNode]] | None:
    """``[(label, value cell), ...]`` for a header laid out in columns: a row of at least two
    header labels (:func:`loaders.html_labels.is_label`) above exactly one row of as many
    values, none of them a label; None for any other table.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> table = LexborHTMLParser(
    ...     "<table><tr><th>Udvalg</th><th>Mødedato</th></tr>"
    ...     "<tr><td>Byrådet</td><td>7. februar 2023</td></tr></table>"
    ... ).css_first("table")
    >>> [(label, cell.text()) for label, cell in column_pairs(table)]
    [('Udvalg', 'Byrådet'), ('Mødedato', '7. februar 2023')]
    """
    rows = _rows(table)
    if len(rows) != 2:
        return None
    heads, values = _cells(rows[0]), _cells(rows[1])
    if len(heads) < 2 or len(heads) != len(values):
        return None
    labels = [_cell_text(cell) for cell in heads]
    if not all(is_label(label) for label in labels):
        return None
    if any(is_label(_cell_text(cell)) for cell in values):
        return None
    return [(label.rstrip(":").rstrip(), cell) for label, cell in zip(labels, values, strict=True)]
