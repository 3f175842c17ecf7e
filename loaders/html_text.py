"""A web page of minutes as plain text with its structure kept.

The page is parsed with selectolax (Lexbor, an HTML5 parser, tolerant of broken markup). Block
elements start lines of their own, with a blank line between blocks; list items become ``- ``
lines (``1. `` in an ordered list); table rows become cells joined by a tab. Script, style and
other elements that are never read are dropped with their content, and attributes are never
read at all, so ``onerror=`` handlers and ``javascript:`` URLs cannot reach the text.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from loaders.inline_html import count_tag_lines


def _words(names: str) -> list[str]:
    return names.split()


_PAGE_SIGNAL = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]", re.IGNORECASE)

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
_LISTS = frozenset(("ul", "ol", "menu", "dir"))
_SPACES = re.compile(r"[ \t\n\r\f]+")


def looks_like_html_page(text: str) -> bool:
    """Whether ``text`` is a web page rather than text with some stray tags: it has a doctype,
    ``<html>`` or ``<body>``, or most of its lines carry tags and some of them are blocks.

    >>> looks_like_html_page("<div><h1>Referat</h1><p>Godkendt.</p></div>")
    True
    >>> looks_like_html_page("<b>Mødedato</b> 4. maj 2022\\nGodkendt.\\nBilag\\n")
    False
    """
    if _PAGE_SIGNAL.search(text):
        return True
    tagged, non_blank, block = count_tag_lines(text)
    return block and non_blank > 0 and tagged * 2 > non_blank


def _number(value: str | None, default: int) -> int:
    """An ``<ol start>`` or ``<li value>`` number as printed; 0 and garbage mean the default."""
    value = (value or "").strip()
    return int(value) if value.isdigit() and 0 < int(value) < 10**6 else default


class _TextBuilder:
    """Collects lines: words within a line separated by one space, blank lines between blocks."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.parts: list[str] = []
        self.prefix = ""
        self.blank_wanted = False
        self.preformatted = False  # inside <pre>: leading spaces are layout

    def word_text(self, text: str) -> None:
        text = _SPACES.sub(" ", text)
        if not self.parts or self.parts[-1][-1] in " \t":
            text = text.lstrip(" ")
        if text:
            self.parts.append(text)

    def raw_text(self, text: str) -> None:
        first, *rest = text.split("\n")
        if first:
            self.parts.append(first)
        for line in rest:
            self.end_line(keep_empty=True)
            if line:
                self.parts.append(line)

    def separator(self, sep: str) -> None:
        while self.parts and self.parts[-1].endswith(" "):
            self.parts[-1] = self.parts[-1].rstrip(" ")
            if not self.parts[-1]:
                self.parts.pop()
        self.parts.append(sep)

    def end_line(self, *, keep_empty: bool = False) -> None:
        content = "".join(self.parts)
        content = content.rstrip(" ") if self.preformatted else content.strip(" ")
        self.parts = []
        if not content and not keep_empty:
            return  # a pending list marker waits for the item's text
        if self.blank_wanted and self.lines and self.lines[-1]:
            self.lines.append("")
        self.blank_wanted = False
        self.lines.append(self.prefix + content)
        self.prefix = ""

    def end_block(self) -> None:
        self.end_line()
        self.blank_wanted = True

    def text(self) -> str:
        self.end_line()
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n" if self.lines else ""


class _Walker:
    """Walks the parsed page once, without recursion (deep nesting cannot exhaust the stack)."""

    def __init__(self) -> None:
        self.out = _TextBuilder()
        self.lists: list[list[int]] = []  # [next number] of an ordered list, [0] for bullets
        self.in_cell = 0
        self.in_pre = 0
        self.in_item = 0
        self.cell_count: list[int] = []

    def enter(self, tag: str, node: LexborNode) -> None:
        out = self.out
        if self.in_cell and tag in _PARAGRAPHS | _ROWS | {"br"}:
            out.word_text(" ")
        elif tag == "br":
            out.end_line()
        elif tag in _CELLS:
            if self.cell_count and self.cell_count[-1]:
                out.separator("\t")
            if self.cell_count:
                self.cell_count[-1] += 1
        elif tag in _PARAGRAPHS:
            self._end_paragraph()
        elif tag in _ROWS:
            out.end_line()
            if tag == "tr":
                self.cell_count.append(0)
            elif tag == "li":
                self._start_item(node)
        if tag in _CELLS:
            self.in_cell += 1
        if tag == "pre" and not self.in_cell:
            self.in_pre += 1
            out.preformatted = True
        if tag in _LISTS:
            self.lists.append([_number(node.attributes.get("start"), 1) if tag == "ol" else 0])

    def _end_paragraph(self) -> None:
        # inside a list item a paragraph is one more line of the item, not a block apart
        if self.in_item:
            self.out.end_line()
        else:
            self.out.end_block()

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
        if tag in _CELLS:
            self.in_cell -= 1
        if tag == "pre" and not self.in_cell:
            self.in_pre -= 1
            out.end_line()
            out.preformatted = self.in_pre > 0
        if tag in _LISTS and self.lists:
            self.lists.pop()
        if self.in_cell:
            if tag in _PARAGRAPHS | _ROWS:
                out.word_text(" ")
            return
        if tag == "tr" and self.cell_count:
            self.cell_count.pop()
        if tag == "li":
            self.in_item -= 1
        if tag in _PARAGRAPHS:
            self._end_paragraph()
        elif tag in _ROWS:
            out.end_line()

    def text(self, text: str) -> None:
        if self.in_pre and not self.in_cell:
            self.out.raw_text(text)
        else:
            self.out.word_text(text)

    def walk(self, root: LexborNode) -> str:
        stack: list[tuple[LexborNode, bool]] = [(root, True)]
        while stack:
            node, entering = stack.pop()
            tag = (node.tag or "").lower()
            if not entering:
                self.leave(tag)
            elif node.is_text_node:
                self.text(node.text_content or "")
            elif not node.is_comment_node and tag not in _DROPPED and not tag.startswith("-"):
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
    root = LexborHTMLParser(page).root
    return _Walker().walk(root) if root is not None else ""
