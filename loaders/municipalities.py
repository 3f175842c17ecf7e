"""The 98 Danish municipalities, from ``loaders/data/kommuner.csv``, and how to find them in text.

>>> by_name("Lemvig Kommune").kode
'665'
>>> by_code("760").name
'Ringkøbing-Skjern'
>>> [(m.name, b, e) for m, b, e in find_in_text("Holstebro Kommunes jobcenter")]
[('Holstebro', 0, 18)]
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

_PACKAGE = "loaders"
_KOMMUNE_SUFFIXES = (" kommunes", " kommune")
# Names used since the 2007 reform that the municipalities have since changed (both in 2011);
# older minutes still print them.
_FORMER_NAMES = {"Århus": "751", "Brønderslev-Dronninglund": "810"}


@dataclass(frozen=True, slots=True)
class Municipality:
    """One municipality: its official three-digit code, its name without "Kommune", its region."""

    kode: str
    name: str
    region: str


@functools.cache
def all_municipalities() -> tuple[Municipality, ...]:
    """All 98 municipalities, in the order of their codes."""
    text = (resources.files(_PACKAGE) / "data" / "kommuner.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines())
    found = (
        Municipality(
            kode=row["kommunekode"].strip(),
            name=unicodedata.normalize("NFC", row["navn"].strip()),
            region=unicodedata.normalize("NFC", row["region"].strip()),
        )
        for row in rows
    )
    return tuple(sorted(found, key=lambda m: m.kode))


def _key(name: str) -> str:
    """The form names are compared in: NFC, case-folded, hyphens as spaces, single spaces."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().replace("-", " ").split())


@functools.cache
def _by_key() -> dict[str, Municipality]:
    table = {_key(m.name): m for m in all_municipalities()}
    for former, code in _FORMER_NAMES.items():
        table[_key(former)] = _by_code()[code]
    return table


@functools.cache
def _by_code() -> dict[str, Municipality]:
    return {m.kode: m for m in all_municipalities()}


def by_name(name: str) -> Municipality | None:
    """The municipality called ``name``, with or without "Kommune(s)", in any case.

    The genitive of the official name is accepted too ("Københavns Kommune" is København), and
    so is a name without the genitive "s" that some official names carry ("Vesthimmerland"),
    a space for a hyphen ("Høje Taastrup") and a former name ("Århus").

    >>> by_name("københavns kommune").kode
    '101'
    >>> by_name("Christiansø") is None
    True
    """
    key = _key(name)
    for suffix in _KOMMUNE_SUFFIXES:
        if key.endswith(suffix):
            key = key.removesuffix(suffix)
            break
    table = _by_key()
    candidates = [key, f"{key}s"]
    if key.endswith("s"):
        candidates.append(key[:-1])
    return next((table[c] for c in candidates if c in table), None)


def by_code(code: str | int) -> Municipality | None:
    """The municipality with this kommunekode; ``665``, ``"665"`` and ``"0665"`` are alike.

    >>> by_code(101).name
    'København'
    """
    digits = str(code).strip()
    if not digits.isdigit():
        return None
    return _by_code().get(f"{int(digits):03d}")


def _spellings(name: str) -> set[str]:
    """The ways a name may be printed before "Kommune": as is or genitive, NFC or NFD."""
    forms = {name} if name.endswith("s") else {name, f"{name}s"}
    return forms | {unicodedata.normalize("NFD", form) for form in forms}


@functools.cache
def _pattern() -> tuple[re.Pattern[str], dict[str, Municipality]]:
    spelled: dict[str, Municipality] = {}
    names = [(m.name, m) for m in all_municipalities()]
    names += [(former, _by_code()[code]) for former, code in _FORMER_NAMES.items()]
    for name, municipality in names:
        for form in _spellings(name):
            spelled[form] = municipality
    # Longest first, so "Ringkøbing-Skjern" wins over any shorter name it might contain.
    alternation = "|".join(re.escape(form) for form in sorted(spelled, key=lambda f: (-len(f), f)))
    pattern = re.compile(rf"(?<![\w-])(?P<name>{alternation})\s+[Kk]ommunes?(?![\w-])")
    return pattern, spelled


def find_in_text(text: str) -> list[tuple[Municipality, int, int]]:
    """Every "<Name> Kommune" and "<Name> Kommunes" in ``text``, with 0-based, end-exclusive
    offsets of the whole phrase, in order of occurrence.

    >>> [(m.kode, b, e) for m, b, e in find_in_text("Lejre Kommune og Lemvig kommunes borgere")]
    [('350', 0, 13), ('665', 17, 32)]
    """
    pattern, spelled = _pattern()
    return [
        (spelled[match.group("name")], match.start(), match.end())
        for match in pattern.finditer(text)
    ]
