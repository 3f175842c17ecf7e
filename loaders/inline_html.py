"""Stray HTML inside text (Markdown exports, text copied from web pages): tags, comments,
``<script>``/``<style>`` elements and character entities.

Everything here keeps the line structure: a removed tag or comment that spans lines leaves its
newlines behind, and nothing creates a line. Only names of real HTML elements count as tags, so
``<udvalg>`` or ``< 5 år`` in a sentence stay as written. Whether a text is a whole web page
rather than text with stray tags (:func:`looks_like_html_page`) is decided here too.
"""

from __future__ import annotations

import html
import re


def _words(names: str) -> list[str]:
    return names.split()


HTML_ELEMENTS = frozenset(
    _words(
        """a abbr address area article aside audio b base bdi bdo big blink blockquote body br
        button canvas caption center cite code col colgroup data datalist dd del details dfn
        dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset
        h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li
        link main map mark marquee menu meta meter nav nobr noscript object ol optgroup option
        output p param picture pre progress q rp rt ruby s samp script search section select
        slot small source span strike strong style sub summary sup svg table tbody td template
        textarea tfoot th thead time title tr track tt u ul var video wbr"""
    )
)

# Elements that break the flow of text in a browser: removing one must not glue two words.
BLOCK_ELEMENTS = frozenset(
    _words(
        """address article aside blockquote body br caption center dd details dialog dir div dl dt
        fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup
        hr html legend li main menu nav ol option p pre search section summary table tbody td
        tfoot th thead title tr ul"""
    )
)

# Elements whose content is never text for a reader.
RAW_ELEMENTS = ("script", "style", "noscript", "template", "iframe")

_ATTRIBUTES = r"""(?:\s(?:[^<>"']|"[^"]*"|'[^']*')*)?"""
_MARKUP = re.compile(
    # a comment ends at the first "-->"; one that never ends is left as text
    r"(?P<comment><!--(?:(?!<!--).)*?-->)"
    # an unclosed <script> runs to the end, as in a browser: its content never becomes text
    rf"|(?P<raw><(?P<rawname>{'|'.join(RAW_ELEMENTS)}){_ATTRIBUTES}>"
    r"(?:.*?</(?P=rawname)\s*>|.*\Z))"
    rf"|(?P<tag></?(?P<name>[A-Za-z][A-Za-z0-9]*){_ATTRIBUTES}/?>)",
    re.IGNORECASE | re.DOTALL,
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# A decoded entity must not start a line: line numbers would drift from the source.
_BREAK_TO_SPACE = str.maketrans(dict.fromkeys("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029", " "))


def _is_markup(match: re.Match[str]) -> bool:
    name = match.group("name")
    return name is None or name.lower() in HTML_ELEMENTS


def has_inline_html(text: str) -> bool:
    """Whether ``text`` holds an HTML tag, comment or character entity.

    >>> has_inline_html("<b>Mødedato</b> 4. maj"), has_inline_html("under < 5 år og > 2 år")
    (True, False)
    """
    if any(_is_markup(m) for m in _MARKUP.finditer(text)):
        return True
    return any(_decode_entity(m) != m.group() for m in _ENTITY.finditer(text))


def count_tag_lines(text: str) -> tuple[int, int, bool]:
    """(lines holding an HTML tag, non-blank lines, whether a block-level tag occurs)."""
    tagged = 0
    block = False
    line = position = 0
    last_tagged_line = -1
    for match in _MARKUP.finditer(text):
        name = match.group("name")
        if name is not None and name.lower() not in HTML_ELEMENTS:
            continue
        line += text.count("\n", position, match.start())
        position = match.start()
        if line != last_tagged_line:
            tagged += 1
            last_tagged_line = line
        block = block or name is None or name.lower() in BLOCK_ELEMENTS
    return tagged, sum(1 for line in text.split("\n") if line.strip()), block


def strip_tags(text: str) -> str:
    """``text`` without HTML tags, comments and script/style elements; line count kept.

    A removed block tag (``<p>``, ``<br>``, ``</td>``) becomes one space where the words on
    both sides would otherwise touch; an inline tag (``<b>``, ``<span>``) just goes.

    >>> strip_tags("<p>Godkendt.</p><p>Bilag</p>\\n<b>Mødested</b>: Rådhuset<br>")
    'Godkendt. Bilag\\nMødested: Rådhuset'
    """
    out: list[str] = []
    last = 0
    need_space = False
    for match in _MARKUP.finditer(text):
        if not _is_markup(match):
            continue
        before = text[last : match.start()]
        if before:
            if need_space and out and not out[-1][-1].isspace() and not before[0].isspace():
                out.append(" ")
            out.append(before)
            need_space = False
        newlines = match.group().count("\n")
        if newlines:
            out.append("\n" * newlines)
            need_space = False
        name = match.group("name")
        if name is not None and name.lower() in BLOCK_ELEMENTS:
            need_space = True
        last = match.end()
    rest = text[last:]
    if rest and need_space and out and not out[-1][-1].isspace() and not rest[0].isspace():
        out.append(" ")
    out.append(rest)
    return "".join(out)


def _decode_entity(match: re.Match[str]) -> str:
    decoded = html.unescape(match.group())
    return decoded.translate(_BREAK_TO_SPACE)


def decode_entities(text: str) -> str:
    """``text`` with character entities (``&amp;``, ``&#230;``, ``&aelig;``) decoded; unknown
    names stay as written and a decoded line break becomes a space.

    >>> decode_entities("Hammer &amp; Søn, K&#248;ge &aelig;&nbsp;x &bogus;")
    'Hammer & Søn, Køge æ\\xa0x &bogus;'
    """
    if "&" not in text:
        return text
    return _ENTITY.sub(_decode_entity, text)


_PAGE_SIGNAL = re.compile(r"<!doctype\s+html|<html[\s>]|<body[\s>]", re.IGNORECASE)


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
