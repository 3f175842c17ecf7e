"""Enactments printed in minutes, and the ELI each gives: ``lov nr. 548 af 7. maj 2019``,
``LBK nr 701 af 22/06/2022``, ``bekendtgørelse nr. 1234 af 1. december 2022``.

Acts (LOV), consolidations (LBK) and executive orders (BEK) share one series of numbers per
year in Lovtidende A, so the ELI follows from the kind-independent number and the year of the
date: ``https://www.retsinformation.dk/eli/lta/{year}/{number}``. Nothing else gives an ELI:
an enactment without a date that exists is no enactment.

>>> text = "jf. LBK nr 701 af 22/06/2022 og lov nr. 548 af 7. maj 2019"
>>> for e in find_enactments(text):
...     print(text[e.begin:e.end], "|", e.written, "|", e.eli)
LBK nr 701 af 22/06/2022 | LBK nr 701 af 22/06/2022 | https://www.retsinformation.dk/eli/lta/2022/701
lov nr. 548 af 7. maj 2019 | LOV nr 548 af 07/05/2019 | https://www.retsinformation.dk/eli/lta/2019/548
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from loaders.dates import MONTHS, parse_date
from loaders.reference import reference_data

ELI_BASE = "https://www.retsinformation.dk/eli/lta"
_KINDS = {
    "lov": "LOV",
    "lbk": "LBK",
    "lovbekendtgørelse": "LBK",
    "bek": "BEK",
    "bekendtgørelse": "BEK",
}
_MONTH = "|".join([*MONTHS, *(m[:3] for m in MONTHS), "sept"])
_DATE = (
    rf"\d{{1,2}}\.?[ \t]*(?i:{_MONTH})\.?[ \t]+\d{{4}}"
    r"|\d{1,2}(?P<sep>[./-])\d{1,2}(?P=sep)\d{4}"
    r"|\d{1,2}/\d{1,2}[ -]\d{4}"
)
_ENACTMENT = re.compile(
    r"(?<![\wæøå-])(?P<kind>(?i:lovbekendtgørelse|bekendtgørelse|lov|lbk|bek))[ \t]+"
    r"(?i:nr)\.?[ \t]*(?P<number>\d{1,4})[ \t]*,?[ \t]+af[ \t]+(?:den[ \t]+)?"
    rf"(?P<date>{_DATE})(?!\d)"
)

_AF = re.compile(r"af[ \t]+(?:den[ \t]+)?\d")  # a literal first: searched for fast
_BEFORE_AF = 40  # "lovbekendtgørelse nr. 1234 ," before " af"
_AFTER_AF = 30  # "den 12. september 2023" after it


@dataclass(frozen=True, slots=True)
class Enactment:
    """An enactment as printed at ``begin..end``: its kind, number and date."""

    begin: int
    end: int
    kind: str  # LOV, LBK or BEK
    number: int
    date: dt.date

    @property
    def written(self) -> str:
        """As retsinformation.dk writes it: ``LOV nr 548 af 07/05/2019``."""
        return f"{self.kind} nr {self.number} af {self.date:%d/%m/%Y}"

    @property
    def eli(self) -> str:
        """The ELI the number and the year of the date give."""
        return eli(self.date.year, self.number)


def eli(year: int, number: int) -> str:
    """The ELI of number ``number`` of Lovtidende A in ``year``.

    >>> eli(2019, 548)
    'https://www.retsinformation.dk/eli/lta/2019/548'
    """
    return f"{ELI_BASE}/{year}/{number}"


def _matches(text: str) -> list[re.Match[str]]:
    """The enactment pattern tried only around each " af <number>": a literal the search
    finds fast, where the full pattern tried at every position of a long text is slow."""
    found: list[re.Match[str]] = []
    end = 0
    for af in _AF.finditer(text):
        if af.start() < end:
            continue
        match = _ENACTMENT.search(text, max(end, af.start() - _BEFORE_AF), af.end() + _AFTER_AF)
        if match is not None and match.start() <= af.start():
            found.append(match)
            end = match.end()
    return found


def find_enactments(text: str) -> list[Enactment]:
    """Every enactment printed in ``text`` whose date exists, in text order."""
    found: list[Enactment] = []
    for match in _matches(text):
        day = parse_date(match["date"])
        number = int(match["number"])
        if day is None or number == 0:
            continue
        kind = _KINDS[match["kind"].lower()]
        found.append(Enactment(match.start(), match.end(), kind, number, day))
    return found


def enacted_act(enactment: Enactment) -> str | None:
    """The key of the reference act this enactment is (same kind, number and date), if any.

    >>> enacted_act(find_enactments("lov nr. 548 af 7. maj 2019")[0])
    'lab-2019'
    >>> enacted_act(find_enactments("LBK nr. 548 af 7. maj 2019")[0]) is None
    True
    """
    for law in reference_data().laws.values():
        if (law.kind, law.number, law.enacted) == (
            enactment.kind,
            enactment.number,
            enactment.date,
        ):
            return law.key
    return None
