"""The national Danish parties by letter, from ``parties.yaml`` beside this file.

A member printed as ``Jens Hansen (A)`` or a vote ``For stemte: A, V og O`` keeps the letter as
printed; these records say which party a letter or a printed name stands for.

>>> party_by_letter("A").name
'Socialdemokratiet'
>>> party_by_name("Konservative").letter, party_by_name("sf").letter
('C', 'F')
>>> party_by_letter("S") is None, party_by_name("Lokallisten") is None
(True, True)
>>> party_of("Ø").name, party_of("Dansk Folkeparti").letter, party_of("Borgerlisten")
('Enhedslisten', 'O', None)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

_FILE = "parties.yaml"


class PartyDataError(ValueError):
    """``parties.yaml`` breaks its own rules (letters and names unique, a source each)."""


@dataclass(frozen=True, slots=True)
class Party:
    """A party: its letter (partibogstav), its registered name, other names printed for it,
    and where the facts come from."""

    letter: str
    name: str
    aliases: tuple[str, ...]
    source: str

    @property
    def names(self) -> tuple[str, ...]:
        """The name and the aliases, name first."""
        return (self.name, *self.aliases)


def _party(entry: Any) -> Party:
    if not isinstance(entry, dict):
        msg = f"{_FILE}: an entry is not a mapping: {entry!r}"
        raise PartyDataError(msg)
    letter = str(entry.get("letter") or "")
    name = str(entry.get("name") or "")
    source = str(entry.get("source") or "")
    aliases = tuple(str(a) for a in entry.get("aliases") or ())
    if len(letter) != 1 or not letter.isupper():
        msg = f"{_FILE}: {name or '?'}: the letter {letter!r} is not one upper-case letter"
        raise PartyDataError(msg)
    if not name or not source:
        msg = f"{_FILE}: {letter}: the name and the source are required"
        raise PartyDataError(msg)
    return Party(letter=letter, name=name, aliases=aliases, source=source)


def read_parties(text: str) -> tuple[Party, ...]:
    """The parties of a ``parties.yaml`` text, checked: one entry per letter, no name or alias
    given to two parties or twice to one (compared in lower case).

    >>> read_parties("parties: [{letter: A, name: X, aliases: [x], source: s}]")
    Traceback (most recent call last):
    ...
    loaders.reference.parties.PartyDataError: parties.yaml: the name 'x' is given twice
    """
    data = yaml.safe_load(text)
    entries = data.get("parties") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        msg = f"{_FILE}: no list under 'parties'"
        raise PartyDataError(msg)
    parties = tuple(_party(e) for e in entries)
    letters: set[str] = set()
    names: set[str] = set()
    for party in parties:
        if party.letter in letters:
            msg = f"{_FILE}: the letter {party.letter} is given twice"
            raise PartyDataError(msg)
        letters.add(party.letter)
        for name in party.names:
            if name.casefold() in names:
                msg = f"{_FILE}: the name {name.casefold()!r} is given twice"
                raise PartyDataError(msg)
            names.add(name.casefold())
    return parties


@functools.cache
def parties() -> tuple[Party, ...]:
    """The national parties of ``parties.yaml``, in the file's order (by letter)."""
    text = resources.files("loaders.reference").joinpath(_FILE).read_text(encoding="utf-8")
    return read_parties(text)


@functools.cache
def _by_letter() -> dict[str, Party]:
    return {p.letter: p for p in parties()}


@functools.cache
def _by_name() -> dict[str, Party]:
    return {name.casefold(): p for p in parties() for name in p.names}


def party_by_letter(letter: str) -> Party | None:
    """The national party with this letter as printed, or None (a local list, a typo)."""
    return _by_letter().get(letter)


def party_by_name(name: str) -> Party | None:
    """The national party with this name or alias (any case), or None."""
    return _by_name().get(name.strip().casefold())


def party_of(printed: str) -> Party | None:
    """The national party a vote's or a member's party stands for, printed as a letter
    (``A``) or a name (``Socialdemokraterne``); None for a local list or anything else."""
    return party_by_letter(printed.strip()) or party_by_name(printed)
