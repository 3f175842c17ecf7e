"""Markdown to plain text, line for line: line N of the result is line N of the source.

Only the markup goes (heading markers, emphasis, links, images, code ticks, quotes, rules,
table pipes, backslash escapes, stray HTML); words, indentation and bullets stay. A ``*`` or
``+`` bullet becomes ``-`` so that lists look alike whatever exported them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from loaders.inline_html import decode_entities, strip_tags

_ESCAPABLE = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
# Escaped characters wait out the markup rules as Unicode noncharacters U+FDD0..U+FDEF (exactly
# 32 of them, one per ASCII punctuation mark); normalisation removes any from the input first.
_PLACEHOLDER_BASE = 0xFDD0
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_RESTORE = {_PLACEHOLDER_BASE + i: c for i, c in enumerate(_ESCAPABLE)}

_HEADING_SIGNAL = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_EMPHASIS_SIGNAL = re.compile(r"\*\*[^\s*][^\n]*?\*\*|(?<!\w)__[^\s_][^\n]*?__(?!\w)")
_LINK_SIGNAL = re.compile(r"\[[^\[\]\n]+\]\([^()\[\]\s]+\)")
_FENCE_SIGNAL = re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE)

_FENCE = re.compile(r"^ {0,3}(```+|~~~+)")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
_TABLE_DELIMITER = re.compile(  # |---|:--:| ; written so that no blank run is tried twice
    r"[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+(?:\|[ \t]*)?$"
)
_TABLE_ROW = re.compile(r"^(\s*(?:- )?)\|(.*)\|\s*$")
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+")
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_HEADING_CLOSE = re.compile(r"(?<![ \t])[ \t]+#+[ \t]*$")
_BULLET = re.compile(r"^([ \t]*)[*+](?=[ \t])")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+.*$")
# Character classes exclude their own openers so that no match attempt runs past the next one:
# every rule stays linear on long lines full of brackets or stars.
_IMAGE = re.compile(r"!\[[^\[\]]*\](?:\([^()\[\]]*\)|\[[^\[\]]*\])")
_LINK = re.compile(r"\[([^\[\]]*)\](?:\([^()\[\]\s]*(?:[ \t]+\"[^\"()]*\")?\)|\[[^\[\]]*\])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^\s<>]*)>", re.IGNORECASE)
_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")
_STRONG_STARS = re.compile(r"\*\*(?=[^\s*])((?:(?!\*\*).)+?)(?<=[^\s*])\*\*")
_STRONG_UNDERSCORES = re.compile(r"(?<!\w)__(?=[^\s_])((?:(?!__).)+?)(?<=[^\s_])__(?!\w)")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*]+?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDERSCORE = re.compile(r"(?<!\w)_(?=[^\s_])([^_]+?)(?<=[^\s_])_(?!\w)")
# Bold that the exporter opened on one line and closed on another.
_DANGLING_STRONG = re.compile(r"^([ \t]*(?:- )?)\*\*(?=\S)|(?<=\S)\*\*$")


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` uses Markdown: ATX headings, ``**bold**``, links or code fences.

    >>> looks_like_markdown("## **Punkt 1: Godkendelse**"), looks_like_markdown("* a\\n* b")
    (True, False)
    """
    signals = (_HEADING_SIGNAL, _EMPHASIS_SIGNAL, _LINK_SIGNAL, _FENCE_SIGNAL)
    return any(signal.search(text) for signal in signals)


def _code_span(match: re.Match[str]) -> str:
    code = match.group(2)
    if len(code) > 2 and code[0] == " " and code[-1] == " ":
        return code[1:-1]
    return code


def _table_row(match: re.Match[str]) -> str:
    cells = [cell.strip() for cell in match.group(2).split("|")]
    return match.group(1) + "\t".join(cells) if any(cells) else ""


def _strip_emphasis(line: str) -> str:
    if "*" not in line and "_" not in line:
        return line
    for _ in range(2):  # twice, for nesting such as ***x*** or **_x_**
        line = _STRONG_STARS.sub(r"\1", line)
        line = _STRONG_UNDERSCORES.sub(r"\1", line)
        line = _EM_STAR.sub(r"\1", line)
        line = _EM_UNDERSCORE.sub(r"\1", line)
    return _DANGLING_STRONG.sub(r"\1", line)


_LINE_RULES: tuple[Callable[[str], str], ...] = (
    lambda line: "" if _RULE.match(line) or _TABLE_DELIMITER.match(line) else line,
    lambda line: "" if _REFERENCE_DEFINITION.match(line) else line,
    lambda line: _QUOTE.sub("", line, count=1),
    lambda line: _HEADING_CLOSE.sub("", _HEADING.sub("", line)) if _HEADING.match(line) else line,
    lambda line: _BULLET.sub(r"\1-", line, count=1),
    lambda line: _TABLE_ROW.sub(_table_row, line, count=1),
    lambda line: _CODE.sub(_code_span, line) if "`" in line else line,
    lambda line: _AUTOLINK.sub(r"\1", line) if "<" in line else line,
    lambda line: _LINK.sub(r"\1", _IMAGE.sub("", line)) if "[" in line else line,
    _strip_emphasis,
)


def markdown_line_to_text(line: str) -> str:
    """One line of Markdown (not inside a code fence) as plain text.

    >>> markdown_line_to_text("## **Punkt 1: JAI - Godkendelse af dagsorden**")
    'Punkt 1: JAI - Godkendelse af dagsorden'
    >>> markdown_line_to_text("* Se [bilag](https://x.dk/b.pdf) og \\\\*noter\\\\*")
    '- Se bilag og *noter*'
    """
    escaped = "\\" in line
    if escaped:
        line = _ESCAPE.sub(lambda m: chr(_PLACEHOLDER_BASE + _ESCAPABLE.index(m.group(1))), line)
    for rule in _LINE_RULES:
        line = rule(line)
    return line.translate(_RESTORE) if escaped else line


def markdown_to_text(text: str) -> str:
    """Markdown with stray HTML as plain text with the same lines.

    Tags and comments go first (they may span lines), then each line loses its Markdown, then
    character entities are decoded, last, so that ``&lt;b&gt;`` or ``&#42;`` stay literal.
    """
    out: list[str] = []
    fence: str | None = None
    for line in strip_tags(text).split("\n"):
        opening = _FENCE.match(line)
        if fence is not None:
            closing = opening is not None and opening.group(1).startswith(fence)
            out.append("" if closing else line)
            fence = None if closing else fence
        elif opening:
            fence = opening.group(1)
            out.append("")
        else:
            out.append(markdown_line_to_text(line))
    return decode_entities("\n".join(out))
