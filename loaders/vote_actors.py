"""Who took a position on a decision: the subject of a vote sentence or the list after a
position, read as members (``Jens Hansen (A)``), party letters (``A``), party names
(``Venstre``, ``SF``, a local list ``Borgerlisten``), a majority or minority with its members
(``Et flertal bestående af A, B og C (4)``) and the numbers printed for them.

A number printed for one member or party is its count; one printed for a list of several is an
:class:`Actor` of its own without member or party.

>>> [(a.voter, a.party, a.count) for a in subject("Et flertal (A, V) (9)", group_only=False)]
[(None, 'A', None), (None, 'V', None), (None, None, 9)]
>>> subject("Udvalget", group_only=False) is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.reference.parties import party_by_name
from loaders.rules.people import parse_person

_GROUP = re.compile(
    r"(?:et\s+|det\s+)?(?P<kind>flertal|mindretal)(?:let)?"
    r"(?:\s+(?:i|af)\s+(?:[\wæøå-]*udvalget|byrådet|kommunalbestyrelsen|[\wæøå-]*rådet))?"
    r"(?:\s+på\s+(?P<n>\d+)(?:\s+(?:medlemmer|stemmer))?)?\s*,?\s*(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL,
)
_MEMBERS = re.compile(
    r"(?:partierne|partiet|medlemmerne|medlemmet|udvalgsmedlemmerne|byrådsmedlemmerne|"
    r"kommunalbestyrelsesmedlemmerne|gruppen|grupperne|repræsentanterne\s+for)\s+",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"(?:borgmester|borgmesteren|rådmand|rådmanden|formand|formanden|næstformand|"
    r"næstformanden|udvalgsformand|udvalgsformanden)\s+",
    re.IGNORECASE,
)
# Words of officials and bodies, never of a member who votes: "Direktør Bo Lund kunne anbefale",
# "Teknisk Forvaltning kunne tiltræde".
_NOT_A_VOTER = (
    "direktør",
    "direktøren",
    "chef",
    "chefen",
    "leder",
    "lederen",
    "konsulent",
    "konsulenten",
    "forvaltning",
    "forvaltningen",
    "administration",
    "administrationen",
    "afdeling",
    "afdelingen",
    "sekretariat",
    "sekretariatet",
    "center",
    "centret",
)
_COUNT = re.compile(r"\s*\(\s*(\d{1,3})(?:\s+(?:stemmer|medlemmer|mandater))?\s*\)\s*$")
_LETTER = re.compile(r"[A-ZÆØÅ]")
_LOCAL_LIST = re.compile(r"[A-ZÆØÅ][\wæøå-]*(?:listen|partiet)")
_NAMED_PARTY = re.compile(r"(?P<name>.+?)\s*\(\s*(?P<letter>[A-ZÆØÅ])\s*\)")
_SPLIT = re.compile(r"\s*,\s*(?:og\s+|samt\s+)?|\s+(?:og|samt|&)\s+")


@dataclass(frozen=True, slots=True)
class Actor:
    voter: str | None
    party: str | None
    count: int | None = None


def _split(text: str) -> list[str]:
    """Entries of a list, commas and ``og`` inside parentheses kept."""
    parts: list[str] = []
    depth, start = 0, 0
    position = 0
    while position < len(text):
        char = text[position]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            found = _SPLIT.match(text, position)
            if found is not None and found.end() > position:
                parts.append(text[start:position])
                start = position = found.end()
                continue
        position += 1
    parts.append(text[start:])
    return [p.strip() for p in parts]


def _party_name(text: str) -> bool:
    return party_by_name(text) is not None or _LOCAL_LIST.fullmatch(text) is not None


def _actor(entry: str, *, group: bool) -> Actor | None:
    """One entry of a list: a member, a party letter or a party name; None for anything else."""
    count = None
    found = _COUNT.search(entry)
    if found is not None:
        count, entry = int(found[1]), entry[: found.start()].strip()
    if _LETTER.fullmatch(entry) or _party_name(entry):
        return Actor(None, entry, count)
    named = _NAMED_PARTY.fullmatch(entry)
    if named is not None and _party_name(named["name"]):
        return Actor(None, named["letter"], count)
    if group or any(word.lower().endswith(_NOT_A_VOTER) for word in entry.split()):
        return None
    role = _ROLE.match(entry)
    person = parse_person(entry[role.end() :] if role else entry)
    return Actor(person.name, person.party, count) if person else None


def actors(text: str, *, group: bool) -> list[Actor] | None:
    """Who a list names, a number for the whole list as an actor without member or party;
    None unless every entry is a member or a party."""
    text = text.strip().strip(",")
    count = None
    found = _COUNT.search(text)
    if found is not None:
        count, text = int(found[1]), text[: found.start()].strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    if not text:
        return None
    if text.isdigit() and len(text) <= 3:  # "15 stemte for", "For stemte 15"
        return [Actor(None, None, int(text))] if count is None else None
    read = [_actor(e, group=group) for e in _split(text)]
    if any(a is None for a in read):
        return None
    found_actors = [a for a in read if a is not None]
    if count is not None:
        last = found_actors[-1]
        # one entry, or entries each with a number ("A (3), V (2)"): the number is the last's
        if last.count is None and (
            len(found_actors) == 1 or any(a.count is not None for a in found_actors)
        ):
            return [*found_actors[:-1], Actor(last.voter, last.party, count)]
        return [*found_actors, Actor(None, None, count)]
    return found_actors


def _group_members(rest: str) -> str | None:
    """The list after ``Et flertal``: ``bestående af A, B og C (4)`` or ``(A, B og C) (4)``."""
    rest = re.sub(r"^(?:bestående\s+af|af)\s+", "", rest.strip(), flags=re.IGNORECASE)
    if not rest.startswith("("):
        return rest.strip().rstrip(",")
    close = rest.find(")")
    after = rest[close + 1 :].strip().rstrip(",")
    if close < 0 or not re.fullmatch(r"(?:\(\d{1,3}\))?", after):
        return None
    return f"{rest[1:close]} {after}".strip()


def subject(text: str, *, group_only: bool) -> list[Actor] | None:
    """Who a clause's subject names: a majority or minority with its members, or a list."""
    text = text.strip().rstrip(",")
    majority = _GROUP.fullmatch(text)
    if majority is not None:
        members = _group_members(majority["rest"])
        found = actors(members, group=False) if members else None
        if found is None or not majority["n"]:
            return found
        count = int(majority["n"])
        if len(found) == 1 and found[0].count is None:
            return [Actor(found[0].voter, found[0].party, count)]
        named = [a for a in found if a.voter or a.party]
        return [*named, Actor(None, None, count)]
    stripped = _MEMBERS.sub("", text, count=1) if _MEMBERS.match(text) else text
    return actors(stripped, group=group_only)
