"""Municipalities named in a list that ends in "Kommune" or "kommuner": "Lemvig, Struer og
Holstebro Kommune" names three municipalities, "Lejre og Roskilde kommuner" two.

The last name with "Kommune" is found by the gazetteer as any "<Name> Kommune"; this rule adds
the bare names before it (and the last name before a plural "kommuner"). A bare town name
anywhere else is a place, not the municipality as an organisation.

>>> text = "med Lemvig, Struer og Holstebro Kommune samt Lejre og Roskilde kommuner"
>>> for key, b, e in listed_municipalities(text):
...     print(key, text[b:e])
kommune-665 Lemvig
kommune-671 Struer
kommune-350 Lejre
kommune-265 Roskilde
"""

from __future__ import annotations

import functools
import re

from loaders.municipalities import all_municipalities, by_name

CONFIDENCE = 0.85
_MAX_LIST = 300  # characters a list of names may take before its "og <name> kommune"
# A cheap first look: where a list could end. Only there does the alternation of 98 names run.
_LIST_END = re.compile(r"[ \t]og[ \t][^\n]{1,40}?[ \t][Kk]ommune")
_LIST_TAIL = 48  # characters of "og <name> " a list ending may take before "ommune"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = sorted({m.name for m in all_municipalities()}, key=lambda n: (-len(n), n))
    alternation = "|".join(re.escape(n) for n in names)
    listed = re.compile(
        rf"(?<![\w-])(?P<name>{alternation})"
        rf"(?=(?:,[ \t]+(?:{alternation}))*[ \t]+og[ \t]+(?:{alternation})[ \t]+[Kk]ommune)"
    )
    last_of_plural = re.compile(
        rf"(?<=[ \t]og[ \t])(?P<name>{alternation})(?=[ \t]+[Kk]ommuner(?![\w-]))"
    )
    return listed, last_of_plural


def _windows(text: str) -> list[tuple[int, int]]:
    """The stretches that can hold such a list: the line up to each "og <name> kommune".
    Found from the rare "ommune" backwards, not by scanning for the common word "og"."""
    spans: list[tuple[int, int]] = []
    at = text.find("ommune")
    while at >= 0:
        line_start = text.rfind("\n", 0, at) + 1
        head = max(line_start, at - _LIST_TAIL)
        if _LIST_END.search(text, head, at + len("ommune")):
            start = max(line_start, at - _MAX_LIST)
            stop = at + len("ommuner") + 1
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], stop)
            else:
                spans.append((start, stop))
        at = text.find("ommune", at + 1)
    return spans


def listed_municipalities(text: str) -> list[tuple[str, int, int]]:
    """``(kommune-NNN, begin, end)`` for every municipality named bare in such a list."""
    found: set[tuple[str, int, int]] = set()
    for start, stop in _windows(text):
        for pattern in _patterns():
            for match in pattern.finditer(text, start, stop):
                municipality = by_name(match["name"])
                if municipality is not None:
                    found.add((f"kommune-{municipality.kode}", match.start(), match.end()))
    return sorted(found, key=lambda f: f[1])
