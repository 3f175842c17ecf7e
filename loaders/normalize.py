"""Decoded minutes text to the normalised plain text every later rule reads.

:func:`normalize_text` detects what the text is from its content (never from a file name) and
strips the markup:

- ``text/html``, a web page: parsed, and its blocks written as lines (:mod:`loaders.html_text`);
- ``text/markdown``, Markdown or text with stray HTML: markup removed line by line
  (:mod:`loaders.markdown_text`, :mod:`loaders.inline_html`);
- ``text/plain``: only the character clean-up below.

For Markdown and plain text the line structure is kept: line N of the result is line N of the
input (lines as :meth:`str.splitlines` counts them), so a line number means the same in the file
and in the text. The one exception is text damaged by PDF extraction (pages run together on one
line, page numbers before every line): :func:`loaders.extraction.repair_extraction` repairs it
as a separate last step, which leaves text without such damage exactly as it is. Every kind
gets the same character clean-up: all line breaks become ``"\\n"``,
Unicode NFC, every space separator (no-break, narrow, thin, ...) becomes ``" "``, soft hyphens,
zero-width and other invisible format and control characters go (tabs stay), and lines lose
their trailing spaces and tabs.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from loaders.agenda_tables import expand_in_text
from loaders.extraction import repair_extraction
from loaders.html_text import read_html
from loaders.inline_html import has_inline_html, looks_like_html_page
from loaders.markdown_text import looks_like_markdown, markdown_to_text
from loaders.page_evidence import PageEvidence

HTML = "text/html"
MARKDOWN = "text/markdown"
PLAIN = "text/plain"

# What str.splitlines() breaks on, besides "\n" (and "\r\n", replaced first). Regular
# expressions rather than str.translate: they are many times faster when matches are rare.
_LINE_BREAKS = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f"  # control characters, but tab and newline
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\uffa0\ufeff\ufff9-\ufffb\ufffe\uffff"
    "\ufdd0-\ufdef]"  # noncharacters; markdown_text relies on their absence
)
_BLANK_RUNS = re.compile("\n{3,}")
_SPACE_SEPARATORS = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")


def clean_characters(text: str) -> str:
    """The character clean-up without markup handling; keeps the lines of ``text``.

    >>> clean_characters("Møde\\u00addato\\u00a0 kl.\\u200b 15\\r\\nLemvig\\u2028Punkt\\u00a01 \\t")
    'Mødedato  kl. 15\\nLemvig\\nPunkt 1'
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    text = _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", text))
    # NFC after the removals (a removed character may sit between a letter and its accent) and
    # before the spaces: NFC maps U+2000/U+2001 to U+2002/U+2003, which are spaces too.
    text = _SPACE_SEPARATORS.sub(" ", unicodedata.normalize("NFC", text))
    return "\n".join(line.rstrip(" \t") for line in text.split("\n"))


def detect_media_type(text: str) -> str:
    """``"text/html"``, ``"text/markdown"`` or ``"text/plain"`` for a cleaned text.

    >>> detect_media_type("<!DOCTYPE html><p>Referat</p>")
    'text/html'
    >>> detect_media_type("Referat\\n<b>Mødedato</b> 4. maj 2022")
    'text/markdown'
    >>> detect_media_type("Referat\\nMødedato 4. maj 2022")
    'text/plain'
    """
    if "<" in text and looks_like_html_page(text):
        return HTML
    if looks_like_markdown(text) or has_inline_html(text):
        return MARKDOWN
    return PLAIN


@dataclass(frozen=True, slots=True)
class Normalised:
    """A normalised text, its media type, and (for a web page) what the page says about itself
    outside the minutes: its title, meta tags, address and the site's header and footer."""

    text: str
    media_type: str
    page: PageEvidence = field(default_factory=PageEvidence)


def normalize_text(text: str) -> tuple[str, str]:
    """``(normalised plain text, media type)`` for a decoded minutes text.

    >>> normalize_text("# **Punkt 1: Godkendelse**\\r\\n<b>Beslutning</b>\\u00a0Godkendt.\\r\\n")
    ('Punkt 1: Godkendelse\\nBeslutning Godkendt.\\n', 'text/markdown')
    """
    normalised = normalize(text)
    return normalised.text, normalised.media_type


def normalize(text: str) -> Normalised:
    """:func:`normalize_text` with the evidence a web page gives about itself, kept apart.

    >>> found = normalize("<title>Referat - Vejle Kommune</title><p>Punkt 1</p>")
    >>> found.text, [line.text for line in found.page.lines]
    ('Punkt 1\\n', ['Referat - Vejle Kommune'])
    """
    text = clean_characters(text)
    media_type = detect_media_type(text)
    if media_type == HTML:
        page, evidence = read_html(text)
        # paragraphs of only &nbsp; or zero-width spaces are empty once cleaned
        page = _BLANK_RUNS.sub("\n\n", clean_characters(page))
        return Normalised(expand_in_text(page.lstrip("\n")), media_type, evidence)
    if media_type == MARKDOWN:
        text = clean_characters(markdown_to_text(text))
    return Normalised(expand_in_text(repair_extraction(text)), media_type)
