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

from loaders.mentions.law_provisions import PROVISIONS, parse_provisions
from loaders.reference import Law, reference_data

__all__ = ["parse_provisions", "resolve", "with_provisions"]

_AFTER = re.compile(rf"[ \t]*+,?[ \t]*+(?P<p>{PROVISIONS})")
_BEFORE = re.compile(
    rf"(?P<p>{PROVISIONS})(?:[ \t]*+,)?[ \t]++(?:i|efter|jf\.|jævnfør|ifølge|af)[ \t]++$"
)
_NEXT_LAW = re.compile(r"(?:[ \t]*+,)?[ \t]++(?:i|efter)[ \t]++[\wæøåÆØÅ]")
_TRAILING_SEPARATOR = re.compile(r"[ \t]*(?:,[ \t]*(?:og|eller|samt)?|og|eller|samt)?[ \t]*$")
_LAW_BEFORE = re.compile(r"(?i:lov)(?:ens|en|s)?[ \t]*,?[ \t]*$")
_LOOK_BEHIND = 120  # characters before a law name searched for "§ N i"


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


def with_provisions(text: str, begin: int, end: int) -> tuple[int, int, tuple[str, ...]]:
    """The span of a law mention at ``begin..end`` widened by the provisions it cites, and
    those provisions; the span as given and ``()`` if it cites none."""
    after = _AFTER.match(text, end)
    if after is not None:
        cited, cited_end = after["p"], after.end("p")
        # "kommunestyrelseslovens § 38, og § 39 i kommunestyrelsesloven": the last "§" group
        # cites the law after it.
        last = cited.rfind("§", 1)
        if last > 0 and _NEXT_LAW.match(text, cited_end) and cited[last - 1] != "§":
            cited = _TRAILING_SEPARATOR.sub("", cited[:last])
            cited_end = after.start("p") + len(cited)
        return begin, cited_end, parse_provisions(cited)
    start = max(0, begin - _LOOK_BEHIND)
    before = _BEFORE.search(text[start:begin])
    if before is not None:
        cited, cited_begin = before["p"], start + before.start("p")
        # "kommunestyrelseslovens § 38 og § 39 i kommunestyrelsesloven": the first "§" group
        # cites the law before it.
        if _LAW_BEFORE.search(text, max(0, cited_begin - 10), cited_begin):
            last = cited.rfind("§", 1)
            if last <= 0 or cited[last - 1] == "§":
                return begin, end, ()  # "miljøbeskyttelseslovens §§ 30-32, jf. ..."
            cited_begin += last
            cited = cited[last:]
        return cited_begin, end, parse_provisions(cited)
    return begin, end, ()
