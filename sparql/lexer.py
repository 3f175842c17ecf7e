"""A lexical scan of SPARQL query text: enough to find keywords in code, never a parser.

The scan splits the text into tokens with the terminals of the SPARQL 1.1 grammar (strings,
long strings, ``<IRIREF>``, variables, prefixed names, comments) and keeps every token's place
in the text. What :mod:`sparql.guard` looks at is the *code*: everything except comments,
strings, IRIs, variable names and the local part of prefixed names.

Where a token could be read two ways, the scan leans to showing more code, never less:
a ``#`` starts a comment only after whitespace, punctuation or a whole token (so a ``#`` that an
unrecognised construct might hold is scanned as code), and a prefixed name's local part stops
at its first ``.``.

>>> [t.kind for t in tokens('SELECT ?s { rdfs:label "x" } # done') if t.kind != "ws"]
['word', 'var', 'punct', 'pname', 'string', 'punct', 'comment']
>>> code_text('SELECT ?service { ?s ex:service "SERVICE" } # SERVICE')
'SELECT{ex:}'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_CHARS_U = _BASE + "_"
_CHARS = _CHARS_U + "\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"(?:%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%])"
_UCHAR = r"(?:\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})"

_TOKEN = re.compile(
    "|".join(
        (
            r"(?P<ws>\s+)",
            r"(?P<comment>\#[^\n\r]*)",
            r'(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""'
            r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
            r'|"(?:[^"\\\n\r]|\\.)*"'
            r"|'(?:[^'\\\n\r]|\\.)*')",
            rf'(?P<iri><(?:[^<>"{{}}|^`\\\x00-\x20]|{_UCHAR})*>)',
            rf"(?P<var>[?$][{_CHARS_U}0-9][{_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*)",
            # prefix (kept as code), colon, local part up to its first dot (hidden)
            rf"(?P<pname>(?P<prefix>[{_BASE}](?:[{_CHARS}.]*[{_CHARS}])?)?:"
            rf"(?P<local>(?:[{_CHARS_U}:0-9]|{_PLX})(?:[{_CHARS}:]|{_PLX})*)?)",
            r"(?P<word>[A-Za-z_][A-Za-z0-9_]*)",
            r"(?P<punct>[{}()\[\].,;*])",
            r"(?P<other>.)",
        )
    ),
    re.DOTALL,
)
# the tokens after which a '#' surely starts a comment
_COMMENT_MAY_FOLLOW = frozenset({"ws", "string", "iri", "var", "pname", "punct", "comment"})
HIDDEN = frozenset({"ws", "comment", "string", "iri", "var"})


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # ws comment string iri var pname word punct other
    text: str
    start: int
    prefix: str | None = None  # of a pname: the part before the colon
    local: str | None = None  # of a pname: the part after it

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def tokens(query: str) -> Iterator[Token]:
    """The tokens of ``query`` in order, whitespace and comments included."""
    previous = "ws"
    position = 0
    while position < len(query):
        match = _TOKEN.match(query, position)
        assert match is not None  # the last alternative matches any character
        kind = match.lastgroup or "other"
        if kind in {"prefix", "local"}:
            kind = "pname"
        text = match.group(0)
        if kind == "comment" and previous not in _COMMENT_MAY_FOLLOW:
            kind, text = "other", "#"  # not surely a comment: scan what follows as code
        if kind == "pname":
            yield Token(kind, text, position, match.group("prefix") or "", match.group("local"))
        else:
            yield Token(kind, text, position)
        previous = kind
        position += len(text)


def code_text(query: str) -> str:
    """The code of ``query`` run together: comments, strings, IRIs, variable names and local
    names left out, so a keyword inside them cannot be seen."""
    parts: list[str] = []
    for token in tokens(query):
        if token.kind in HIDDEN:
            continue
        if token.kind == "pname":
            parts.append(f"{token.prefix}:")  # the prefix stays code: `service:x` is refused
        else:
            parts.append(token.text)
    return "".join(parts)
