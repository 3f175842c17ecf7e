"""The rules the reference data files keep, as a list of problems (empty when all is well).

Keys are unique; every entry says where its facts come from, in Danish (a source is shown on
the entry's page) and without naming a file of this project; no two entities share an alias
(acts of one work may: they share a title, their dates tell them apart, so their periods in
force must not overlap); an act's alias names a law; an act's number and date come together,
its source states them as retsinformation.dk prints them ("LOV nr 548 af 07/05/2019") and
states its dates in force, and its ELI agrees with them; links point at listed entries; every
broader KLE concept is listed.

>>> source_problems("Minutes: Lemvig 08-06-2022, punkt 4; see shared/NOTES.md")
['is not in Danish ("Minutes")', 'names a file of this project ("shared/NOTES.md")']
>>> source_problems("Referat: Lemvig 08-06-2022, punkt 4 (retsinformation.dk)")
[]
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from loaders.dates import MONTHS
from loaders.reference.entry_model import KleConcept, Law, Organisation, Programme
from loaders.reference.forms import fold_words

ELI_PREFIX = "https://www.retsinformation.dk/eli/lta/"
_NOTATION = re.compile(r"\d{2}(?:\.\d{2}){0,2}")
_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_EARLIEST = dt.date.min
# A file of ours (a path or a file name with one of our extensions; web addresses such as
# "retsinformation.dk" or "kl.dk" are not files).
_OUR_FILE = re.compile(
    r"\b[a-z][\w.-]*(?:/[\w.-]+)+|[\w-]+\.(?:ya?ml|csv|md|py|txt|json|rq|ttl)\b", re.IGNORECASE
)
# English words that Danish does not share (not "for", "national", "union", "by" ...).
_ENGLISH = re.compile(
    r"\b(?:the|and|of|minutes|confirmed|in force|replaced|repealed|published|not|from|with|"
    r"which|agency|project|trial|scheme|association|fund|insurance|government|parliament|"
    r"ministry|umbrella|employers|unemployment|social workers|price table|named|case numbers)\b",
    re.IGNORECASE,
)
_ACRONYM = 3  # an act's alias without "lov" is an acronym written exactly, of 3 letters or more


def _entries(
    laws: Sequence[Law], programmes: Sequence[Programme], organisations: Sequence[Organisation]
) -> Iterable[tuple[str, str, str, Iterable[str]]]:
    """(type, key, owner of its aliases, alias texts) for every entry."""
    for law in laws:
        yield "law", law.key, f"law:{law.work}", (a.text for a in law.aliases)
    for p in programmes:
        yield "programme", p.key, f"programme:{p.key}", (a.text for a in p.aliases)
    for o in organisations:
        yield "organisation", o.key, f"organisation:{o.key}", (a.text for a in o.aliases)


def _alias_problems(entries: Iterable[tuple[str, str, str, Iterable[str]]]) -> list[str]:
    owners: dict[str, set[str]] = defaultdict(set)
    for _, _, owner, texts in entries:
        for text in texts:
            owners[fold_words(text)].add(owner)
    return [
        f"alias {text!r} is shared by {', '.join(sorted(found))}"
        for text, found in sorted(owners.items())
        if len(found) > 1
    ]


def danish_date(day: dt.date) -> str:
    """A date as a Danish source writes it: ``1. januar 2020``."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def source_problems(source: str) -> list[str]:
    """What is wrong with a source note shown to people: English words, our file names."""
    found: list[str] = []
    english = _ENGLISH.search(source)
    if english:
        found.append(f"is not in Danish ({english.group(0)!r})".replace("'", '"'))
    ours = next((m for m in _OUR_FILE.finditer(source) if not _is_web_address(m.group(0))), None)
    if ours:
        found.append(f"names a file of this project ({ours.group(0)!r})".replace("'", '"'))
    return found


def _is_web_address(text: str) -> bool:
    """ "star.dk", "www.kle-online.dk/emneplan/15" and the like: a host name first."""
    host = text.split("/", 1)[0].lower()
    return bool(re.fullmatch(r"(?:[a-z0-9-]+\.)+(?:dk|com|org|eu|net|int)", host))


def _stated_facts(law: Law) -> list[str]:
    """An act's number, date and dates in force must be stated by its source."""
    found: list[str] = []
    if (law.number is None) != (law.enacted is None):
        found.append(f"law {law.key}: a number and a date of enactment come together")
    if law.enactment and law.enactment not in law.source:
        found.append(f"law {law.key}: the source does not state {law.enactment!r}")
    for what, day in (("in force from", law.in_force_from), ("in force to", law.in_force_to)):
        if day is not None and danish_date(day) not in law.source:
            found.append(f"law {law.key}: the source does not state {what} {danish_date(day)!r}")
    found += [
        f"law {law.key}: alias {a.text!r} does not name a law"
        for a in law.aliases
        if "lov" not in a.text.lower() and not (a.case == "exact" and len(a.text) >= _ACRONYM)
    ]
    return found


def _law_problems(laws: Sequence[Law]) -> list[str]:
    found: list[str] = []
    for law in laws:
        found += _stated_facts(law)
        if law.eli is not None:
            if law.number is None or law.enacted is None:
                found.append(f"law {law.key}: an ELI needs the number and date it is made of")
            elif law.eli != f"{ELI_PREFIX}{law.enacted.year}/{law.number}":
                found.append(f"law {law.key}: ELI {law.eli} does not match its number and date")
        if law.in_force_from and law.in_force_to and law.in_force_from > law.in_force_to:
            found.append(f"law {law.key}: in force to a date before it is in force from")
    works: dict[str, list[Law]] = defaultdict(list)
    for law in laws:
        works[law.work].append(law)
    for work, acts in works.items():
        if len({act.title for act in acts}) > 1:
            found.append(f"work {work}: its acts do not share a title")
        ordered = sorted(acts, key=lambda a: a.in_force_from or _EARLIEST)
        for earlier, later in itertools.pairwise(ordered):
            if earlier.in_force_to is None or later.in_force_from is None:
                found.append(f"work {work}: {earlier.key} and {later.key} need dates apart")
            elif earlier.in_force_to >= later.in_force_from:
                found.append(f"work {work}: {earlier.key} and {later.key} overlap in force")
    return found


def _kle_problems(kle: Sequence[KleConcept]) -> list[str]:
    listed = {c.notation for c in kle}
    found = [
        f"KLE notation {c.notation!r} is malformed"
        for c in kle
        if not _NOTATION.fullmatch(c.notation)
    ]
    found += [
        f"KLE {c.notation}: broader concept {c.broader} is not listed"
        for c in kle
        if c.broader is not None and c.broader not in listed
    ]
    found += [f"KLE {c.notation}: no source" for c in kle if not c.source.strip()]
    if len(listed) != len(kle):
        found.append("KLE: a notation is listed twice")
    return found


def problems(
    laws: Sequence[Law],
    programmes: Sequence[Programme],
    organisations: Sequence[Organisation],
    kle: Sequence[KleConcept],
) -> list[str]:
    """Everything wrong with these entries, one sentence each."""
    entries = list(_entries(laws, programmes, organisations))
    found: list[str] = []
    seen: set[str] = set()
    for kind, key, _, _ in entries:
        if key in seen:
            found.append(f"key {key!r} is used twice")
        seen.add(key)
        if not _KEY.fullmatch(key):
            found.append(f"{kind} {key!r}: a key is lower-case ASCII words joined by hyphens")
    sources = [(f"law {e.key}", e.source) for e in laws]
    sources += [(f"programme {e.key}", e.source) for e in programmes]
    sources += [(f"organisation {e.key}", e.source) for e in organisations]
    sources += [(f"KLE {c.notation}", c.source) for c in kle]
    sources += [(f"KLE {c.notation} note", c.note) for c in kle if c.note]
    found += [f"{what}: no source" for what, source in sources if not source.strip()]
    found += [f"{what}: source {p}" for what, source in sources for p in source_problems(source)]
    found += _alias_problems(entries)
    found += _law_problems(laws)
    org_keys = {o.key for o in organisations}
    found += [
        f"programme {p.key}: owner {p.owner!r} is not a listed organisation"
        for p in programmes
        if p.owner is not None and p.owner not in org_keys
    ]
    found += [
        f"organisation {o.key}: part_of {o.part_of!r} is not a listed organisation"
        for o in organisations
        if o.part_of is not None and o.part_of not in org_keys
    ]
    found += _kle_problems(kle)
    return found
