"""The 98 Danish municipalities, from ``loaders/data/kommuner.csv``, and how to find them in text:
by name (``Holstebro Kommune``) and by their council's name (``Aarhus Byråd``); by postal
address and web domain in :mod:`loaders.municipal_addresses`.

>>> by_name("Lemvig Kommune").kode
'665'
>>> by_code("760").name
'Ringkøbing-Skjern'
>>> [(m.name, b, e) for m, b, e in find_in_text("Holstebro Kommunes jobcenter")]
[('Holstebro', 0, 18)]
>>> [(m.name, b, e) for m, b, e in find_councils("Referat af møde i Aarhus Byråd")]
[('Aarhus', 18, 30)]
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
FORMER_NAMES = {"Århus": "751", "Brønderslev-Dronninglund": "810"}  # name -> code


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
    for former, code in FORMER_NAMES.items():
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
    names += [(former, _by_code()[code]) for former, code in FORMER_NAMES.items()]
    for name, municipality in names:
        for form in _spellings(name):
            spelled[form] = municipality
    # Longest first, so "Ringkøbing-Skjern" wins over any shorter name it might contain.
    alternation = "|".join(re.escape(form) for form in sorted(spelled, key=lambda f: (-len(f), f)))
    # Bornholm's official name is "Bornholms Regionskommune".
    pattern = re.compile(
        rf"(?<![\w-])(?P<name>{alternation})\s+(?:[Kk]ommunes?|Regionskommunes?)(?![\w-])"
    )
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


# --- council names -------------------------------------------------------------------------

# "Aarhus Byråd", "Københavns Borgerrepræsentation", "Lejre Kommunalbestyrelse": the name first.
_COUNCIL_AFTER = (
    r"(?:byråd(?:ets|et|s)?|kommunalbestyrelse(?:ns|n|s)?|borgerrepræsentation(?:ens|en|s)?)"
)
# "Byrådet i Køge", "Kommunalbestyrelsen i Lejre": the council first. "Byrådet" alone says nothing.
_COUNCIL_BEFORE = r"(?:byrådet|kommunalbestyrelsen|borgerrepræsentationen)"
# Only København's council is called Borgerrepræsentationen; the word alone names it.
_OWN_NAMED_COUNCILS = {"borgerrepræsentation": "101"}
_COUNCIL_WORDS = ("byråd", "kommunalbestyrelse", "borgerrepræsentation")


@functools.cache
def _council_pattern() -> tuple[re.Pattern[str], dict[str, Municipality]]:
    _, spelled = _pattern()
    folded = {form.casefold(): m for form, m in spelled.items()}
    names = "|".join(re.escape(form) for form in sorted(folded, key=lambda f: (-len(f), f)))
    own = "|".join(_OWN_NAMED_COUNCILS)
    pattern = re.compile(
        rf"(?<![\w-])(?:(?P<name>{names})\s+{_COUNCIL_AFTER}"
        rf"|{_COUNCIL_BEFORE}\s+i\s+(?P<place>{names})"
        rf"|(?P<own>{own})(?:ens|en|s)?)(?![\w-])",
        re.IGNORECASE,
    )
    return pattern, folded


def find_councils(text: str) -> list[tuple[Municipality, int, int]]:
    """Every council named after its municipality (``Aarhus Byråd``, ``Byrådet i Køge``,
    ``Københavns Borgerrepræsentation``, ``Borgerrepræsentationen``), with 0-based,
    end-exclusive offsets of the whole phrase. ``Byrådet`` alone names no municipality.

    >>> text = "Byrådet i Køge og KØGE BYRÅDS udvalg; Byrådet; Borgerrepræsentationen"
    >>> [(m.name, text[b:e]) for m, b, e in find_councils(text)]
    [('Køge', 'Byrådet i Køge'), ('Køge', 'KØGE BYRÅDS'), ('København', 'Borgerrepræsentationen')]
    """
    pattern, folded = _council_pattern()
    found: list[tuple[Municipality, int, int]] = []
    seen = -1
    for start, end in windows(text, _COUNCIL_WORDS, _COUNCIL_REACH):
        for match in pattern.finditer(text, start, end):
            if match.start() <= seen:
                continue
            seen = match.start()
            name = match.group("name") or match.group("place")
            if name is not None:
                found.append((folded[name.casefold()], match.start(), match.end()))
            else:
                code = _OWN_NAMED_COUNCILS[match.group("own").casefold()]
                found.append((_by_code()[code], match.start(), match.end()))
    return found


_COUNCIL_REACH = 60  # longer than "Kommunalbestyrelsen i Ringkøbing-Skjern" and every name


def windows(text: str, words: tuple[str, ...], reach: int) -> list[tuple[int, int]]:
    """Stretches of ``text`` around each of ``words`` (in any case), ``reach`` characters to
    either side, merged where they overlap: the big patterns only look there.

    >>> windows("abc Byråd def byråd", ("byråd",), 2)
    [(2, 11), (12, 19)]
    >>> windows("abc Byråd de byråd", ("byråd",), 2)
    [(2, 18)]
    """
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: look everywhere
        return [(0, len(text))] if any(w in lowered for w in words) else []
    hits: list[tuple[int, int]] = []
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            hits.append((at, at + len(word)))
            at = lowered.find(word, at + 1)
    windows: list[tuple[int, int]] = []
    for at, after in sorted(hits):
        start, end = max(at - reach, 0), min(after + reach, len(text))
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows
