"""Laws: which act a law alias means on a date, and the provisions a reference cites.

Acts that share a title form a *work* (the 2003-era and the 2019 "lov om en aktiv
beskæftigelsesindsats"). A mention resolves to the act of the work in force on the meeting
date. Without a date, an alias that more than one act shares resolves to nothing: the
recogniser does not guess (an alias only one act has, such as "serviceloven", needs no date).

A reference to provisions is a mention of the law that also carries them, and its anchor spans
both: "§ 91 i beskæftigelsesloven", "servicelovens §§ 103-104", "retssikkerhedslovens § 3,
stk. 2", "Lov om organisering og understøttelse af beskæftigelsesindsatsen § 4".

>>> import datetime as dt
>>> both = ("lab-2003", "lab-2019")
>>> resolve(both, dt.date(2019, 10, 23)).key
'lab-2003'
>>> resolve(both, dt.date(2020, 1, 1)).key
'lab-2019'
>>> resolve(both, None) is None
True
>>> resolve(("lab-2019",), None).key
'lab-2019'
>>> text = "jf. § 91 i beskæftigelsesloven og servicelovens §§ 103-104."
>>> with_provisions(text, 11, 30)
(4, 30, ('§ 91',))
>>> with_provisions(text, 34, 47)
(34, 58, ('§ 103', '§ 104'))
"""

from __future__ import annotations

import datetime as dt
import re

from loaders.reference import Law, reference_data

_RANGE_LIMIT = 50  # "§§ 103-110" is expanded; a wider range keeps its two ends

_PROVISION = (
    r"\d+(?:\s?[a-zæøå](?![\wæøå]))?"
    r"(?:,\s*stk\.\s*\d+)?"
    r"(?:,\s*nr\.\s*\d+)?"
)
_PROVISIONS = rf"§§?\s*{_PROVISION}(?:\s*(?:-|–|,|og|eller)\s*{_PROVISION})*"
_AFTER = re.compile(rf"[ \t]*,?[ \t]*(?P<p>{_PROVISIONS})")
_BEFORE = re.compile(rf"(?P<p>{_PROVISIONS})[ \t]*,?[ \t]+(?:i|efter|jf\.)[ \t]+$")
_ONE = re.compile(
    r"(?P<n>\d+)(?:\s?(?P<letter>[a-zæøå])(?![\wæøå]))?"
    r"(?:,\s*stk\.\s*(?P<stk>\d+))?"
    r"(?:,\s*nr\.\s*(?P<nr>\d+))?"
)
_LOOK_BEHIND = 60  # characters before a law name searched for "§ N i"


def resolve(keys: tuple[str, ...], on: dt.date | None) -> Law | None:
    """The act a mention on ``on`` means, of the acts ``keys`` whose alias it is: the only
    one, or the one in force on that date."""
    laws = reference_data().laws
    acts = [laws[key] for key in keys if key in laws]
    if len(acts) == 1:
        return acts[0]
    if on is None:
        return None
    in_force = [act for act in acts if act.in_force_on(on)]
    return in_force[0] if len(in_force) == 1 else None


def _one(match: re.Match[str]) -> str:
    label = f"§ {match['n']}"
    if match["letter"]:
        label += f" {match['letter']}"
    if match["stk"]:
        label += f", stk. {match['stk']}"
    if match["nr"]:
        label += f", nr. {match['nr']}"
    return label


def parse_provisions(cited: str) -> tuple[str, ...]:
    """The provisions a "§ ..." reference cites, ranges of plain numbers expanded.

    >>> parse_provisions("§§ 103-104")
    ('§ 103', '§ 104')
    >>> parse_provisions("§ 3, stk. 2")
    ('§ 3, stk. 2',)
    >>> parse_provisions("§§ 5 a og 7")
    ('§ 5 a', '§ 7')
    """
    found: list[str] = []
    previous: re.Match[str] | None = None
    for match in _ONE.finditer(cited):
        between = cited[previous.end() : match.start()] if previous else ""
        is_range = previous is not None and between.strip() in {"-", "–"}
        if previous is not None and is_range and not previous["letter"] and not match["letter"]:
            low, high = int(previous["n"]), int(match["n"])
            if 0 < high - low <= _RANGE_LIMIT and not (previous["stk"] or match["stk"]):
                found += [f"§ {n}" for n in range(low + 1, high + 1)]
                previous = match
                continue
        found.append(_one(match))
        previous = match
    return tuple(dict.fromkeys(found))


def with_provisions(text: str, begin: int, end: int) -> tuple[int, int, tuple[str, ...]]:
    """The span of a law mention at ``begin..end`` widened by the provisions it cites, and
    those provisions; the span as given and ``()`` if it cites none."""
    after = _AFTER.match(text, end)
    if after is not None:
        return begin, after.end("p"), parse_provisions(after["p"])
    start = max(0, begin - _LOOK_BEHIND)
    before = _BEFORE.search(text[start:begin])
    if before is not None:
        return start + before.start("p"), end, parse_provisions(before["p"])
    return begin, end, ()
