"""Signature pages: ``Underskriftsside``, ``Underskrifter``, ``Underskrevet af``, or a block of
names with lines to sign on.

They are not items, and they end the last item: its decision must not run into the names. The
signature block is marked as noise (left out of every text), from its first line to the end of
the text. A *numbered* heading ``10: Underskriftsside`` is an agenda item of its own (the
council approves the minutes there) and stays one: only what follows the last heading is read
here.
"""

from __future__ import annotations

import re

from loaders.rules.parse_state import ParseState

_HEADINGS = frozenset(
    {
        "underskriftsside",
        "underskriftside",
        "underskriftsblad",
        "underskrifter",
        "underskrift",
        "underskrevet af",
        "underskrevet",
        "signaturer",
        "signatur",
    }
)
# "Underskrevet af Jens Hansen", "Underskrevet digitalt af ...".
_SIGNED = re.compile(r"Underskrevet(?: digitalt| elektronisk)? af\b.*", re.IGNORECASE)
# A line to sign on, alone or beside or under a name: "______", "Jens Hansen ..........".
_SIGN_LINE = re.compile(r"(?:[^_.]{0,60}\s)?(?:_{5,}|\.{8,}|-{8,}\s+\S.*)(?:\s.{0,60})?")
_NAME = re.compile(r"[A-ZÆØÅ][\w'.-]+(?:\s+[A-ZÆØÅa-zæøå][\w'.()-]*){1,5}")
_DIGIT = re.compile(r"\d")
_MIN_SIGN_LINES = 2


def is_signature_heading(plain: str) -> bool:
    """``Underskriftsside``, ``Underskrifter:``, ``Underskrevet af ...``.

    >>> is_signature_heading("Underskrifter:"), is_signature_heading("Underskrevet af Jens Bo")
    (True, True)
    >>> is_signature_heading("Underskriftsindsamling")
    False
    """
    if not plain or plain[0] not in "UuSs":
        return False
    return plain.rstrip(":").lower() in _HEADINGS or _SIGNED.fullmatch(plain) is not None


def _signature_start(state: ParseState, first: int) -> int | None:
    """The first line of the signature block after line ``first``, if there is one."""
    sign_lines: list[int] = []
    for index in range(first, len(state.lines)):
        # A line of underscores has no plain form (underscores are emphasis there): look at
        # the line as printed.
        plain = state.plain[index] or state.lines[index].text.strip()
        if not plain or state.noise[index]:
            continue
        if is_signature_heading(plain):
            return index
        if (
            ("___" in plain or "...." in plain or "----" in plain)
            and not _DIGIT.search(plain)  # "Beløb ........ 300 kr." is a table
            and _SIGN_LINE.fullmatch(plain)
        ):
            sign_lines.append(index)
    if len(sign_lines) < _MIN_SIGN_LINES:
        return None
    start = sign_lines[0]
    # The name printed right above the first line to sign on belongs to the block.
    above = state.previous_content(start, first)
    if above is not None and above == start - 1 and _NAME.fullmatch(state.plain[above]):
        return above
    return start


def mark_signatures(state: ParseState) -> bool:
    """Mark the signature block after the last item heading as noise."""
    if not state.headings:
        return False
    start = _signature_start(state, state.headings[-1].last_line + 1)
    if start is None:
        return False
    for index in range(start, len(state.lines)):
        state.noise[index] = True
        state.labels.pop(index, None)
    state.layout.append("signatures")
    return True
