"""The 98 Danish municipalities, from ``loaders/data/kommuner.csv``, and how to find them in text:
by name (``Holstebro Kommune``), by their council's name (``Aarhus Byråd``), by the town of a
postal address (``4600 Køge``, from ``loaders/data/postnumre.csv``) and by their web and e-mail
domains (``www.kolding.dk``, ``@vejen.dk``).

>>> by_name("Lemvig Kommune").kode
'665'
>>> by_code("760").name
'Ringkøbing-Skjern'
>>> [(m.name, b, e) for m, b, e in find_in_text("Holstebro Kommunes jobcenter")]
[('Holstebro', 0, 18)]
>>> [(m.name, b, e) for m, b, e in find_councils("Referat af møde i Aarhus Byråd")]
[('Aarhus', 18, 30)]
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
    for start, end in _windows(text, _COUNCIL_WORDS, _COUNCIL_REACH):
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


def _windows(text: str, words: tuple[str, ...], reach: int) -> list[tuple[int, int]]:
    """Stretches of ``text`` around each of ``words`` (in any case), ``reach`` characters to
    either side, merged where they overlap: the big patterns only look there.

    >>> _windows("abc Byråd def byråd", ("byråd",), 2)
    [(2, 11), (12, 19)]
    >>> _windows("abc Byråd de byråd", ("byråd",), 2)
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
    names += [(former, _by_code()[code]) for former, code in _FORMER_NAMES.items()]
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
    for start, end in _windows(text, (".dk",), _HOST_REACH):
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
