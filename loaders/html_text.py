"""A web page of minutes as plain text with its structure kept.

The page is parsed with selectolax (Lexbor, an HTML5 parser, tolerant of broken markup). Block
elements start lines of their own, with a blank line between blocks; headings are lines of
their own; list items become ``- `` lines (``1. `` in an ordered list); table rows become cells
joined by a tab. The structure that meeting systems use for the meeting header and the items is
read as such:

- a definition list entry ``<dt>Sted</dt><dd>Rådhuset</dd>`` with a short value is one line
  ``Sted: Rådhuset``; a two-column table row whose first cell is a header label (``UDVALG``,
  ``Mødedato``, ``Sagsnr.``, see :data:`LABELS`) is ``UDVALG: Økonomiudvalget``: the forms the
  header rules read;
- an item's number printed in an element of its own just before the heading
  (``<span>1.</span><h2>Godkendelse</h2>``, or two spans glued together in one heading) joins
  the heading's line: ``1. Godkendelse``;
- a header laid out in columns (``Udvalg | Mødedato`` above one row of values) is one
  ``Label: value`` line per column; a table that lays out the page rather than holding data
  (:mod:`loaders.html_tables`) is read as blocks, and an item's number in a cell of its own
  joins the first line of the next cell: ``23. Godkendelse``.

Page furniture (cookie banners, navigation, breadcrumbs, share and print buttons, translation
widgets, a site footer: :mod:`loaders.page_furniture`; a line of three links or more with only
separators between them) is dropped, as are scripts and the like, with their content. An item's
access printed apart after its title in the heading is written ``(Lukket punkt)``. Attributes
are read only to classify an element (``role``, ``class``, ``aria-hidden``, ``<ol start>``); no
attribute value ever reaches the text, so ``onerror=`` handlers and ``javascript:`` URLs cannot.

What the page says about itself is collected aside, as :class:`~loaders.page_evidence.PageEvidence`
(:func:`read_html`): the text of the site's dropped header and footer, the ``<title>``, the
``og:site_name``, ``og:title``, ``author`` and ``publisher`` meta tags, and the canonical address
(``<link rel="canonical">``, else ``og:url``). None of it enters the text.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from loaders import html_labels
from loaders.html_labels import is_label_row, is_labelled_cell, joins_its_definition, label_pairs
from loaders.html_lines import TextBuilder
from loaders.html_tables import column_pairs, is_layout_table
from loaders.page_evidence import PageEvidence, PageEvidenceBuilder, PagePart, read_head
from loaders.page_furniture import is_furniture, is_furniture_control, site_frame


def _words(names: str) -> list[str]:
    return names.split()


_DROPPED = frozenset(
    _words("script style noscript template head title nav iframe object embed svg canvas math")
)
# Blocks separated from what surrounds them by a blank line.
_PARAGRAPHS = frozenset(
    _words(
        """address article aside blockquote center details dialog dir div dl fieldset figure footer
        form h1 h2 h3 h4 h5 h6 header hgroup hr main menu ol p pre search section table ul"""
    )
)
# Blocks that only start a line of their own (rows of a list, a table, a definition list).
_ROWS = frozenset(["li", "tr", "dt", "dd", "caption", "figcaption", "legend", "summary", "option"])
_CELLS = frozenset(("td", "th"))
_TABLE_PARTS = frozenset(("tr", "td", "th"))
_LISTS = frozenset(("ul", "ol", "menu", "dir"))
_HEADINGS = frozenset(_words("h1 h2 h3 h4 h5 h6"))
# Inside these a <header> or <footer> is the content's own, not the site's.
_CONTENT = frozenset(_words("main article section"))


def _number(value: str | None, default: int) -> int:
    """An ``<ol start>`` or ``<li value>`` number as printed; 0 and garbage mean the default."""
    value = (value or "").strip()
    return int(value) if value.isdigit() and 0 < int(value) < 10**6 else default


# Blocks an item number may wait through on its way to the heading.
_WRAPPERS = frozenset(_words("div section article header hgroup"))


class _Walker:
    """Walks the parsed page once, without recursion (deep nesting cannot exhaust the stack)."""

    def __init__(self, frames: list[tuple[PagePart, LexborNode]] | None = None) -> None:
        self.out = TextBuilder()
        self.frames = frames  # the site's dropped header and footer, read apart afterwards
        self.lists: list[list[int]] = []  # [next number] of an ordered list, [0] for bullets
        self.in_cell = 0
        self.in_flat = 0  # inside a definition joined to its term: blocks are spaces
        self.in_pre = 0
        self.in_item = 0
        self.in_heading = 0
        self.in_content = 0
        self.cell_count: list[int] = []
        self.label_rows: list[bool] = []
        self.terms: list[bool] = []  # per open <dt>: its <dd> joins its line
        self.definitions: list[bool] = []  # per open <dd>: joined to its term's line
        self.joining = False  # a <dt> ended with ":", its <dd> comes next
        self.tables: list[bool] = []  # per open <table>: it lays out the page
        self.number_cell = False  # a layout cell held only an item number: the next goes on

    def enter(self, tag: str, node: LexborNode) -> None:
        out = self.out
        if tag in _CONTENT:
            self.in_content += 1
        if out.held and tag not in _HEADINGS and tag not in _WRAPPERS:
            out.end_block()
        if self.in_heading and tag not in _PARAGRAPHS:
            out.boundary = True
        if tag in _TABLE_PARTS and self._in_layout_table():
            self._enter_layout_part(tag)
            return
        if (self.in_cell or self.in_flat) and tag in _PARAGRAPHS | _ROWS | {"br"}:
            self._enter_flat(tag)
        elif tag == "br":
            self.number_cell = False
            out.end_line()
        elif tag in _CELLS:
            if self.cell_count and self.cell_count[-1]:
                self._cell_separator(node)
            if self.cell_count:
                self.cell_count[-1] += 1
        elif tag in _PARAGRAPHS:
            self._enter_block(tag)
        elif tag in _ROWS:
            self._enter_row(tag, node)
        self._count_depths(tag, node)

    def _enter_flat(self, tag: str) -> None:
        """A block inside a cell, or inside a definition joined to its term: one line."""
        if self._in_label_value():
            self.out.list_separator()  # "Fraværende | A<br>B": "Fraværende: A, B"
        else:
            self.out.word_text(" ")
        if tag == "dd":
            self.joining = False
            self.definitions.append(False)

    def _in_label_value(self) -> bool:
        """Inside the value cell of a ``label | value`` row (not in a table inside it)."""
        in_row = bool(self.label_rows) and self.label_rows[-1] and self.in_cell == 1
        return in_row and self.cell_count[-1] == 2

    def _in_layout_table(self) -> bool:
        return bool(self.tables) and self.tables[-1]

    def _enter_layout_part(self, tag: str) -> None:
        """A row or cell of a layout table is a block; the cell after an item's number goes
        on in the number's line (``23.`` | ``Godkendelse ...``)."""
        if self.number_cell and tag in _CELLS:
            return
        self.number_cell = False
        self._end_paragraph()

    def _leave_layout_part(self, tag: str) -> None:
        out = self.out
        if tag in _CELLS and not self.number_cell and not self.in_item and out.holds_number():
            self.number_cell = True
            out.word_text(" ")
            return
        self.number_cell = False
        self._end_paragraph()

    def _enter_block(self, tag: str) -> None:
        out = self.out
        if self.number_cell:
            return  # "<td>23.</td><td><p>Godkendelse</p>": one line
        if tag in _HEADINGS and (out.held or out.holds_number()):
            out.held = False
            out.word_text(" ")  # the item's number and its heading make one line
        elif not (out.held and tag in _WRAPPERS):
            self._end_paragraph(tag)

    def _enter_row(self, tag: str, node: LexborNode) -> None:
        out = self.out
        if tag == "dd" and self.joining:
            self.joining = False
            self.definitions.append(True)
            self.in_flat += 1
            out.word_text(" ")
            return
        out.end_line()
        if tag == "tr":
            self.cell_count.append(0)
            self.label_rows.append(is_label_row(node))
        elif tag == "li":
            self._start_item(node)
        elif tag == "dt":
            self.terms.append(joins_its_definition(node))
        elif tag == "dd":
            self.definitions.append(False)

    def _count_depths(self, tag: str, node: LexborNode) -> None:
        if tag == "a":
            self.out.start_link()
        if tag in _HEADINGS:
            self.in_heading += 1
        if tag in _CELLS:
            self.in_cell += 1
        if tag == "pre" and not self.in_cell:
            self.in_pre += 1
            self.out.preformatted = True
        if tag in _LISTS:
            self.lists.append([_number(node.attributes.get("start"), 1) if tag == "ol" else 0])
        if tag == "table":
            flat = self.in_cell or self.in_flat
            self.tables.append(not flat and is_layout_table(node))

    def _cell_separator(self, cell: LexborNode) -> None:
        out = self.out
        if not (self.label_rows and self.label_rows[-1]):
            if is_labelled_cell(cell):
                out.end_line()  # "1. | Godkendelse | Sagsnr.: 24/1001": the case on its line
            else:
                out.separator("\t")
        elif out.content().endswith(":"):
            out.word_text(" ")
        else:
            out.separator(":")
            out.word_text(" ")

    def _end_paragraph(self, tag: str = "") -> None:
        # inside a list item a paragraph is one more line of the item, not a block apart; a
        # heading is a block (<li class="agenda-item"><h2>1. Budget</h2>...: a list of items)
        if self.in_item and tag not in _HEADINGS:
            self.out.end_line()
        else:
            self.out.end_block(heading=tag in _HEADINGS)

    def _start_item(self, node: LexborNode) -> None:
        self.in_item += 1
        depth = max(len(self.lists), 1)
        counter = self.lists[-1] if self.lists else [0]
        if counter[0]:
            counter[0] = _number(node.attributes.get("value"), counter[0])
            self.out.prefix = "  " * (depth - 1) + f"{counter[0]}. "
            counter[0] += 1
        else:
            self.out.prefix = "  " * (depth - 1) + "- "

    def leave(self, tag: str) -> None:
        out = self.out
        if tag in _TABLE_PARTS and self._in_layout_table():
            self._leave_layout_part(tag)
            return
        self._uncount_depths(tag)
        if tag == "dd" and self.definitions and self.definitions.pop():
            self.in_flat -= 1
            out.end_line()
            return
        if self.in_cell or self.in_flat:
            if tag in _PARAGRAPHS | _ROWS:
                out.word_text(" ")
            return
        if tag == "tr" and self.cell_count:
            self.cell_count.pop()
            self.label_rows.pop()
        if tag == "li":
            self.in_item -= 1
        if tag == "dt" and self.terms and self.terms.pop() and out.content():
            if not out.content().endswith(":"):
                out.word_text(":")
            self.joining = True
        elif out.held and tag in _WRAPPERS:
            pass  # the number still waits for its heading
        elif tag in _PARAGRAPHS and not self.in_item and out.holds_number():
            out.held = True  # "<div>1.</div><h2>Godkendelse</h2>": wait for the heading
        elif tag in _PARAGRAPHS:
            self._end_paragraph(tag)
        elif tag in _ROWS:
            out.end_line()

    def _uncount_depths(self, tag: str) -> None:
        out = self.out
        if tag == "a":
            out.end_link()
        if tag in _CONTENT:
            self.in_content -= 1
        if tag in _HEADINGS:
            self.in_heading -= 1
        if self.in_heading:
            out.boundary = True
        if tag in _CELLS:
            self.in_cell -= 1
        if tag == "pre" and not self.in_cell:
            self.in_pre -= 1
            out.end_line()
            out.preformatted = self.in_pre > 0
        if tag in _LISTS and self.lists:
            self.lists.pop()
        if tag == "table" and self.tables:
            self.tables.pop()

    def text(self, text: str) -> None:
        if text.strip():
            self.number_cell = False
        if self.out.held and text.strip():
            self.out.end_block()
        if self.in_pre and not self.in_cell:
            self.out.raw_text(text)
        else:
            self.out.word_text(text)

    def skipped(self, node: LexborNode, tag: str) -> bool:
        """Elements whose content is never read: scripts and the like, and page furniture."""
        if node.is_comment_node or tag in _DROPPED or tag.startswith("-"):
            return True
        in_content = self.in_content > 0
        if is_furniture(node, tag, in_content=in_content):
            if self.frames is not None:
                part = site_frame(node, tag, in_content=in_content)
                if part is not None:
                    self.frames.append((part, node))
            return True
        return is_furniture_control(node, tag)

    def _labelled(self, node: LexborNode, tag: str) -> bool:
        """A header laid out in columns, or a row of label/value pairs side by side: written
        as ``Label: value`` lines, a line per pair printed."""
        if tag not in ("table", "tr") or self.in_cell or self.in_flat:
            return False
        pairs = column_pairs(node) if tag == "table" else label_pairs(node)
        if pairs is None:
            return False
        self.out.end_line()
        if tag == "table":
            self._end_paragraph()
        for label, cell in pairs:
            value = " ".join(_Walker().walk(*cell.iter(include_text=True)).split())
            if value:
                self.out.word_text(f"{label}: {value}")
                self.out.end_line()
        if tag == "table":
            self._end_paragraph()
        return True

    def _badge(self, node: LexborNode, tag: str) -> bool:
        """The item's access printed after its title in the heading: ``(Lukket punkt)``."""
        badge = self.in_heading and self.out.content() and html_labels.access_badge(node)
        if badge and tag not in _HEADINGS:
            self.out.word_text(f" {badge}")
        return bool(badge) and tag not in _HEADINGS

    def walk(self, *roots: LexborNode) -> str:
        stack: list[tuple[LexborNode, bool]] = [(root, True) for root in reversed(roots)]
        while stack:
            node, entering = stack.pop()
            tag = (node.tag or "").lower()
            if not entering:
                self.leave(tag)
            elif node.is_text_node:
                self.text(node.text_content or "")
            elif self.skipped(node, tag) or self._labelled(node, tag) or self._badge(node, tag):
                continue
            else:
                self.enter(tag, node)
                stack.append((node, False))
                children = list(node.iter(include_text=True))
                stack.extend((child, True) for child in reversed(children))
        return self.out.text()


def html_to_text(page: str) -> str:
    """The readable text of an HTML page, one block per line (see the module docstring).

    >>> html_to_text("<h1>Referat</h1><ul><li>Godkendt</li><li>Udsat</li></ul><script>x</script>")
    'Referat\\n\\n- Godkendt\\n- Udsat\\n'
    """
    return read_html(page)[0]


def read_html(page: str) -> tuple[str, PageEvidence]:
    """The readable text of an HTML page and, apart from it, what the page says about itself.

    >>> text, page = read_html(
    ...     "<title>Referat - Køge Kommune</title><link rel=canonical href='https://www.koege.dk/r'>"
    ...     "<h1>Referat</h1><footer><a href='#'>Køge Kommune</a>, 4600 Køge</footer>"
    ... )
    >>> text
    'Referat\\n'
    >>> [(line.part, line.text) for line in page.lines]
    [('title', 'Referat - Køge Kommune'), ('address', 'https://www.koege.dk/r'), \
('footer', 'Køge Kommune, 4600 Køge')]
    >>> page.url
    'https://www.koege.dk/r'
    """
    parser = LexborHTMLParser(page)
    root = parser.root
    if root is None:
        return "", PageEvidence()
    frames: list[tuple[PagePart, LexborNode]] = []
    text = _Walker(frames).walk(root)
    evidence = PageEvidenceBuilder()
    head = parser.head
    if head is not None:
        read_head(head, evidence)
    for part, node in frames:
        children = list(node.iter(include_text=True))
        evidence.add(part, _Walker().walk(*children))
    return text, evidence.build()
