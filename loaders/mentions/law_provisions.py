"""The provisions a law citation cites: sections, subsections, numbers and sentences, as
printed in any of the ways minutes write them, in one written form.

Every provision is written ``§ N[ x][, stk. N][, nr. N][, N. pkt.]``: "§3a,stk.2" is
"§ 3 a, stk. 2". A list continues at the level it is on ("§ 3, stk. 2 og 3" cites two
subsections of § 3; "§§ 103 og 104" two sections); a range of plain numbers is expanded
("§§ 103-105", "stk. 2-4") up to a width of 50, a wider one keeps its two ends.

>>> parse_provisions("§ 3, stk. 2 og 3")
('§ 3, stk. 2', '§ 3, stk. 3')
>>> parse_provisions("§§ 103-105, stk. 1")
('§ 103', '§ 104', '§ 105, stk. 1')
>>> parse_provisions("§ 3 a, stk. 2, nr. 1 og 4, 2. pkt.")
('§ 3 a, stk. 2, nr. 1', '§ 3 a, stk. 2, nr. 4, 2. pkt.')
>>> section_of("§ 3 a, stk. 2, nr. 1")
'§ 3 a'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

RANGE_LIMIT = 50  # "§§ 103-110" is expanded; a wider range keeps its two ends

# A letter after the number ("§ 3 a"), never "i", which starts "§ 19 i planloven".
_NUMBER = r"\d{1,4}(?:[ \t]?[a-hj-zæøå](?![\wæøå]))?"
# A bare number after a list word is cited only where nothing but a list, a law or the end of
# the sentence follows it ("§ 91 og 92 i loven", not "§ 91 og 2 borgere").
_BARE_END = (
    r"(?=[ \t]*(?:$|[,.;:)\n–-]|og\b|eller\b|samt\b|i\b|efter\b|jf\.|stk\.|nr\.|\d+\.[ \t]*pkt\.|"
    r"[a-zæøåA-ZÆØÅ][\wæøå-]*lov(?:en|ens|s)?\b))"
)
_PART = rf"(?:stk\.|nr\.)[ \t]*{_NUMBER}|\d{{1,2}}\.[ \t]*pkt\.|§[ \t]*{_NUMBER}"
# Possessive quantifiers (*+): white space is never given back, so that a long run of it after
# a provision costs one pass, not one per way of splitting it.
_SEPARATOR = r"[ \t]*+(?:,[ \t]*+(?:og|eller|samt)?|-|–|og|eller|samt)?[ \t]*+"
_RANGE_END = rf"[ \t]*+[-–][ \t]*+{_NUMBER}"  # after a dash, a number is a provision
PROVISIONS = (
    rf"§§?[ \t]*{_NUMBER}(?:{_RANGE_END}|{_SEPARATOR}(?:{_PART}|{_NUMBER}{_BARE_END}))*"
    r"(?<![ \t,])"
)
_TOKEN = re.compile(
    r"(?P<pkt>\d{1,2})\.[ \t]*pkt\.|(?P<sign>§§?)|(?P<level>stk\.|nr\.)"
    r"|(?P<number>\d{1,4})(?:[ \t]?(?P<letter>[a-hj-zæøå])(?![\wæøå]))?"
    r"|(?P<range>[-–])|(?P<list>,|og|eller|samt)"
)


@dataclass(frozen=True, slots=True)
class Provision:
    """One cited provision: a section, and the subsection, number and sentence if cited."""

    section: str  # "3", "3 a"
    stk: int | None = None
    nr: int | None = None
    pkt: int | None = None

    def label(self) -> str:
        """The provision as written on the graph: ``§ 3 a, stk. 2, nr. 1, 2. pkt.``."""
        text = f"§ {self.section}"
        if self.stk is not None:
            text += f", stk. {self.stk}"
        if self.nr is not None:
            text += f", nr. {self.nr}"
        if self.pkt is not None:
            text += f", {self.pkt}. pkt."
        return text


def _at(provision: Provision, level: str, value: str) -> Provision:
    """``provision`` with ``level`` set to ``value`` and every deeper level cleared."""
    if level == "section":
        return Provision(value)
    if not value.isdigit():
        return provision  # "nr. 1 og 3a": only a section has a letter; nothing is made up
    if level == "stk":
        return Provision(provision.section, int(value))
    return replace(provision, nr=int(value), pkt=None)


def _expanded(low: Provision, level: str, high: str) -> list[Provision]:
    """The provisions from after ``low`` up to ``high`` at ``level`` (its two ends if either
    end has a letter or the range is wider than :data:`RANGE_LIMIT`)."""
    start = getattr(low, level) if level != "section" else low.section
    if str(start).isdigit() and high.isdigit():
        first, last = int(start), int(high)
        if 0 < last - first <= RANGE_LIMIT and low.pkt is None:
            return [_at(low, level, str(n)) for n in range(first + 1, last + 1)]
    return [_at(low, level, high)]


def provisions_of(cited: str) -> list[Provision]:
    """The provisions a "§ ..." citation cites, in order, duplicates included."""
    found: list[Provision] = []
    level = "section"
    plural = cited.lstrip().startswith("§§")
    refine = False  # the next number details the last provision ("stk." or "nr." came)
    ranged = False
    for token in _TOKEN.finditer(cited):
        kind = "number" if token["number"] else token.lastgroup
        if kind == "sign":
            level, refine, ranged = "section", False, False
            plural = token["sign"] == "§§"
        elif kind == "level":
            level, refine = ("stk" if token["level"] == "stk." else "nr"), True
        elif kind == "range":
            ranged = True
        elif kind == "list":
            refine, ranged = False, False
            if plural and token["list"] != ",":
                level = "section"
        elif kind == "pkt" and found:
            found[-1] = replace(found[-1], pkt=int(token["pkt"]))
        elif kind == "number":
            value = token["number"] + (f" {token['letter']}" if token["letter"] else "")
            if not found:
                found.append(Provision(value))
            elif ranged:
                found += _expanded(found[-1], level, value)
            elif refine:
                found[-1] = _at(found[-1], level, value)
            else:
                found.append(_at(found[-1], level, value))
            refine, ranged = False, False
    return found


def parse_provisions(cited: str) -> tuple[str, ...]:
    """The provisions a "§ ..." citation cites, each once, in written form.

    >>> parse_provisions("§§ 5 a og 7")
    ('§ 5 a', '§ 7')
    >>> parse_provisions("§3,stk.2")
    ('§ 3, stk. 2',)
    >>> parse_provisions("§ 19, stk. 2, nr. 1 og 3a")
    ('§ 19, stk. 2, nr. 1',)
    """
    return tuple(dict.fromkeys(p.label() for p in provisions_of(cited)))


def section_of(provision: str) -> str:
    """The section a written provision belongs to: ``§ 3 a, stk. 2`` -> ``§ 3 a``."""
    return provision.split(",", 1)[0]


def sections(provisions: tuple[str, ...]) -> tuple[str, ...]:
    """The distinct sections of ``provisions``, in order.

    >>> sections(("§ 91", "§ 91, stk. 2", "§ 92"))
    ('§ 91', '§ 92')
    """
    return tuple(dict.fromkeys(section_of(p) for p in provisions))
