"""Danish municipalities found by where they are: the town of a postal address (``4600 Køge``,
from ``loaders/data/postnumre.csv``) and their web and e-mail domains (``www.kolding.dk``,
``@vejen.dk``).

>>> [([m.name for m in ms], b, e) for ms, b, e in find_postal_addresses("Torvet 1, 4600 Køge")]
[(['Køge'], 10, 19)]
>>> [(m.name, b, e) for m, b, e in find_domains("Se www.kolding.dk/politik")]
[('Kolding', 3, 17)]
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from loaders.municipalities import FORMER_NAMES, Municipality, all_municipalities, by_code, windows

_PACKAGE = "loaders"


# --- postal addresses ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PostalTown:
    """One Danish postal number: its town as the post names it, the municipalities it lies in."""

    number: str
    town: str
    municipalities: tuple[Municipality, ...]


@functools.cache
def postal_towns() -> dict[str, PostalTown]:
    """Every postal number of ``loaders/data/postnumre.csv`` (see its README for the source)."""
    text = (resources.files(_PACKAGE) / "data" / "postnumre.csv").read_text(encoding="utf-8")
    towns: dict[str, PostalTown] = {}
    for row in csv.DictReader(text.splitlines()):
        codes = row["kommunekoder"].split()
        found = tuple(m for code in codes if (m := by_code(code)) is not None)
        if len(found) != len(codes) or not found:
            raise ValueError(f"postnumre.csv: unknown kommunekode in {row}")
        number = row["postnummer"].strip()
        towns[number] = PostalTown(number, unicodedata.normalize("NFC", row["by"].strip()), found)
    return towns


# Four digits before a word; _stands_alone says whether they are not part of a longer number,
# an amount, a phone number ("45 4600"), a date ("1.4600") or a path ("DK-4600" is fine).
_POSTAL_NUMBER = re.compile(r"(\d{4})[ \u00a0]+(?=[^\W\d_])")
# A town printed without its district letters: "8000 Aarhus" for "Aarhus C".
_DISTRICT = re.compile(r"^(?P<base>.+?) (?:C|K|V|Ø|N|S|M|SV|SØ|NV|NØ)$")


def _key_of_town(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().replace("-", " ")


def _town_at(text: str, at: int, town: str) -> int | None:
    """The end of ``town`` printed at ``at`` (any case, a hyphen for a space), else None."""
    forms = [town]
    district = _DISTRICT.match(town)
    if district:
        forms.append(district["base"])
    for form in forms:
        end = at + len(form)
        if _key_of_town(text[at:end]) == _key_of_town(form) and not (
            end < len(text) and (text[end].isalnum() or text[end] in "-_")
        ):
            return end
    return None


def _stands_alone(text: str, at: int) -> bool:
    before = text[max(at - 3, 0) : at]
    if before and (before[-1].isalnum() or before[-1] in "_.,/:"):
        return False
    return not (
        len(before) == 3 and before[0].isdigit() and before[1].isdigit() and before[2] == " "
    )


def find_postal_addresses(text: str) -> list[tuple[tuple[Municipality, ...], int, int]]:
    """Every Danish postal number followed by its town (``4600 Køge``, ``5000 Odense C``,
    ``DK-1550 København V``), with the municipalities the number lies in and 0-based,
    end-exclusive offsets of number and town. A number followed by another word is no address.

    >>> text = "Torvet 1, DK-4330 Hvalsø. I 2020 Byrådet, 4600 kr. og 7400 HERNING"
    >>> [([m.name for m in ms], text[b:e]) for ms, b, e in find_postal_addresses(text)]
    [(['Lejre'], '4330 Hvalsø'), (['Herning'], '7400 HERNING')]
    """
    towns = postal_towns()
    found: list[tuple[tuple[Municipality, ...], int, int]] = []
    for match in _POSTAL_NUMBER.finditer(text):
        if not _stands_alone(text, match.start()):
            continue
        postal = towns.get(match.group(1))
        if postal is None:
            continue
        end = _town_at(text, match.end(), postal.town)
        if end is not None:
            found.append((postal.municipalities, match.start(), end))
    return found


# --- web and e-mail domains ----------------------------------------------------------------

_FOLDS = {"æ": ("ae",), "ø": ("oe", "o"), "å": ("aa", "a"), "é": ("e",), "ü": ("u", "ue")}
_HOST = re.compile(
    r"(?<![\w.@-])(?P<local>[\w.+-]+@)?(?:https?://)?(?P<host>(?:[\w-]+\.)*(?P<label>[\w-]+)\.dk)"
    r"(?![\w-])",
    re.IGNORECASE,
)


def _folded(name: str) -> set[str]:
    """The ways a name is written in a domain: lower case, Danish letters folded (``ø`` as
    ``oe`` or ``o``), with or without its hyphen.

    >>> sorted(_folded("Høje-Taastrup"))
    ['hoeje-taastrup', 'hoejetaastrup', 'hoje-taastrup', 'hojetaastrup']
    """
    forms = [""]
    for char in unicodedata.normalize("NFC", name).casefold():
        options = _FOLDS.get(char, (char,))
        forms = [form + option for form in forms for option in options]
    spaced = {form.replace(" ", "-") for form in forms}
    return spaced | {form.replace("-", "") for form in spaced}


@functools.cache
def _domains() -> dict[str, Municipality]:
    """Registrable ``.dk`` labels of the municipalities: the name folded (``koege``), with
    ``kommune`` after it (``aeroekommune``), a genitive "s" dropped (``vesthimmerland``), and
    the abbreviations of ``loaders/data/kommunedomaener.csv`` (``rksk``)."""
    table: dict[str, Municipality] = {}
    names = [(m.name, m) for m in all_municipalities()]
    names += [(former, m) for former, code in FORMER_NAMES.items() if (m := by_code(code))]
    for name, municipality in names:
        bases = _folded(name)
        if name.endswith("s"):
            bases |= _folded(name[:-1])
        for base in bases:
            for label in (base, f"{base}kommune", f"{base}-kommune"):
                if table.setdefault(label, municipality) != municipality:
                    raise ValueError(f"domain label {label} fits two municipalities")
    text = (resources.files(_PACKAGE) / "data" / "kommunedomaener.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(text.splitlines()):
        found = by_code(row["kommunekode"])
        if found is None:
            raise ValueError(f"kommunedomaener.csv: unknown kommunekode in {row}")
        table[row["domaene"].strip().casefold().removesuffix(".dk")] = found
    return table


def by_domain(host: str) -> Municipality | None:
    """The municipality whose own domain ``host`` is under; None for other bodies' domains.

    >>> [by_domain(h).name for h in ("www.rksk.dk", "dagsorden.aeroekommune.dk", "KØGE.DK")]
    ['Ringkøbing-Skjern', 'Ærø', 'Køge']
    >>> by_domain("www.kl.dk") is None and by_domain("borger.dk") is None
    True
    """
    host = host.casefold().rstrip(".")
    if not host.endswith(".dk"):
        return None
    label = host.removesuffix(".dk").rsplit(".", 1)[-1]
    table = _domains()
    return table.get(label) or next(
        (table[f] for f in _folded(label) if f in table and f != label), None
    )


def find_domains(text: str) -> list[tuple[Municipality, int, int]]:
    """Every web address or e-mail address under a municipality's domain, with 0-based,
    end-exclusive offsets of the host (the whole address for an e-mail address).

    >>> text = "Kontakt sbo@vejen.dk, https://www.aarhus.dk/demokrati og www.kl.dk"
    >>> [(m.name, text[b:e]) for m, b, e in find_domains(text)]
    [('Vejen', 'sbo@vejen.dk'), ('Aarhus', 'www.aarhus.dk')]
    """
    found: list[tuple[Municipality, int, int]] = []
    seen = -1
    for start, end in windows(text, (".dk",), _HOST_REACH):
        for match in _HOST.finditer(text, start, end):
            if match.start() > seen:
                seen = match.start()
                _add_domain(match, found)
    return found


_HOST_REACH = 120  # a host and an e-mail user name before ".dk"


def _add_domain(match: re.Match[str], found: list[tuple[Municipality, int, int]]) -> None:
    municipality = by_domain(match.group("host"))
    if municipality is not None:
        start = match.start() if match.group("local") else match.start("host")
        found.append((municipality, start, match.end("host")))
