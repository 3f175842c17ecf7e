"""The lines of text a web page becomes, built word by word as the page is walked
(:mod:`loaders.html_text`): one space between words, blank lines between blocks, leading
spaces only where ``<pre>`` keeps them, and a bar of page controls left out."""

from __future__ import annotations

import re

from loaders.page_furniture import is_furniture_phrase

_SPACES = re.compile(r"[ \t\n\r\f]+")
# A number printed on its own before an item's heading: "1", "1.", "Punkt 1", "Pkt. 12:".
_ITEM_NUMBER = re.compile(r"(?:(?:Punkt|Pkt\.?)\s*)?\d{1,3}[.:)]?", re.IGNORECASE)
_NUMBER_WORD = re.compile(r"Punkt|Pkt\.?", re.IGNORECASE)
# An ordered list's marker ("3. ", indented when nested); a list item that prints a number of
# its own before a title ("23 Godkendelse", "Punkt 3: Budget"; not "12 boliger nedrives" nor
# "1. at forslaget godkendes"); in a bulleted list, only a number as headings print it
# ("Punkt 3", "3.") or one in an element of its own ("<span>3</span> <span>Budget</span>").
_ORDINAL_MARKER = re.compile(r" *\d+\. ")
_TITLED = re.compile(r"(?:(?:[Pp]unkt|[Pp]kt\.?)\s*)?\d{1,3}[.:)]? [A-ZÆØÅ]")
_OWN_HEADING = re.compile(r"(?:(?:Punkt|Pkt\.?) ?\d{1,3}[.:)]?|\d{1,3}[.:)]) [A-ZÆØÅ]")
# What may stand between the links of a link bar: "Forside | Udvalg | Arkiv".
_BAR_SEPARATORS = frozenset(" \t|·•/-–>»›")
_LINKS_IN_A_BAR = 3


class TextBuilder:
    """Collects lines: words within a line separated by one space, blank lines between blocks."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.parts: list[str] = []
        self.prefix = ""
        self.blank_wanted = False
        self.preformatted = False  # inside <pre>: leading spaces are layout
        self.boundary = False  # an element ended or began inside a heading
        self.held = False  # an item number waiting for its heading
        self.links = 0  # links begun in the current line
        self.link_depth = 0
        self.unlinked: list[str] = []  # the current line's text outside links
        self.comma_wanted = False  # a value's lines go on after a comma if more text comes

    def word_text(self, text: str) -> None:
        text = _SPACES.sub(" ", text)
        if self.comma_wanted and text.strip():
            self.comma_wanted = False
            self.separator(",")
            text = " " + text.lstrip(" ")
        if not self.parts or self.parts[-1][-1] in " \t":
            text = text.lstrip(" ")
        if not text:
            return
        if self.boundary and self.parts and text[0] != " ":
            left, right = self.parts[-1][-1], text[0]
            # "1." + "Godkendelse", "Punkt" + "1": two elements that no space separates
            if (right.isalpha() and (left.isdigit() or left in ".:)")) or (
                left.isalpha() and right.isdigit()
            ):
                text = " " + text
        elif self.parts and " " not in (text[0], self.parts[-1][-1]) and self._glued(text[0]):
            text = " " + text
        self.boundary = False
        self.parts.append(text)
        if not self.link_depth:
            self.unlinked.append(text)

    def _glued(self, right: str) -> bool:
        """Outside a heading, an element after a line that is only an item's number (or
        "Punkt") begins a title (or the number): ``<span>3.</span><span>Budget</span>``, spaced
        by the page's CSS. Not "CO<sub>2</sub>" nor "3<span>a</span>": the line holds more, or
        no title begins."""
        so_far = self.content()
        if right.isupper():
            return _ITEM_NUMBER.fullmatch(so_far) is not None
        return right.isdigit() and _NUMBER_WORD.fullmatch(so_far) is not None

    def start_link(self) -> None:
        self.links += 1
        self.link_depth += 1

    def end_link(self) -> None:
        self.link_depth = max(self.link_depth - 1, 0)

    def _is_link_bar(self) -> bool:
        """The line is three links or more and nothing but separators between them: a menu
        or a bar of links in old pages that mark no navigation (``Forside | Arkiv | Udvalg``)."""
        return self.links >= _LINKS_IN_A_BAR and _BAR_SEPARATORS.issuperset("".join(self.unlinked))

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

    def list_separator(self) -> None:
        """A comma between the lines of a value written on one line (``A<br>B``: ``A, B``),
        when more text follows and the line so far ends in no punctuation."""
        content = self.content()
        self.comma_wanted = bool(content) and content[-1] not in ".,;:!?"
        self.word_text(" ")

    def content(self) -> str:
        return "".join(self.parts).strip(" ")

    def holds_number(self) -> bool:
        """The line so far is only an item number (``1.``, ``Punkt 3``)."""
        return not self.prefix and _ITEM_NUMBER.fullmatch(self.content()) is not None

    def end_line(self, *, keep_empty: bool = False) -> None:
        self.held = False
        content = "".join(self.parts)
        content = content.rstrip(" ") if self.preformatted else content.strip(" ")
        # the line begins with a number in an element of its own: "<span>3</span> <span>Budget"
        apart = len(self.parts) > 1 and _ITEM_NUMBER.fullmatch(self.parts[0].strip()) is not None
        link_bar = self._is_link_bar()
        self.comma_wanted = False
        self.parts = []
        self.links = 0
        self.unlinked = []
        if not content and not keep_empty:
            return  # a pending list marker waits for the item's text
        if content and not self.preformatted and (link_bar or is_furniture_phrase(content)):
            self.prefix = ""  # a bar of controls: "Kopier link til punktet - Print"
            return
        if self.blank_wanted and self.lines and self.lines[-1]:
            self.lines.append("")
        self.blank_wanted = False
        self.lines.append(self._marker(content, apart=apart) + content)
        self.prefix = ""

    def _marker(self, content: str, *, apart: bool) -> str:
        """The list marker before ``content``, left out when the item prints its own number
        (meeting systems hide the list's markers and print the item's: "1. 23 Godkendelse"
        would give item 1 the title "23 Godkendelse", "- Punkt 3 Budget" no item at all)."""
        own = _ORDINAL_MARKER.fullmatch(self.prefix) and _TITLED.match(content)
        heading = _OWN_HEADING.match(content) or (apart and _TITLED.match(content))
        if own or (self.prefix.strip() == "-" and heading):
            return self.prefix[: len(self.prefix) - len(self.prefix.lstrip(" "))]
        return self.prefix

    def end_block(self, *, heading: bool = False) -> None:
        self.end_line()
        self.blank_wanted = True
        if heading and self.prefix.strip() == "-":
            self.prefix = ""  # a heading in a bulleted item is no bullet line

    def text(self) -> str:
        self.end_line()
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return "\n".join(self.lines) + "\n" if self.lines else ""


__all__ = ["TextBuilder"]
