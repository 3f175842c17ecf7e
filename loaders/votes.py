"""Votes and positions a decision's text records: who was for, against, abstained or took a
reservation, by member or by party, with the numbers where they are printed.

Three forms, the phrases of each in ``loaders/data/vote_phrases.csv``:

- who, then the position: ``X, Y og Z kunne tiltræde indstillingen``, ``X (A) stemte imod``,
  ``Et flertal bestående af A, B og C (4) kunne tiltræde``, ``Et mindretal (Ø) tog forbehold``;
- the position, then who: ``For stemte: A, V og O (15)``, ``Imod stemte: F og Ø (6)``;
- a tally: ``Indstillingen blev vedtaget med 15 stemmer mod 6``, ``Godkendt med 5 stemmer for
  (A, V) og 2 imod (Ø)``.

Who is a list (commas, ``og``, ``samt``) of members (``Jens Hansen (A)``), party letters
(``A``, ``Ø``) and party names (``Venstre``, ``SF``, a local list ``Borgerlisten``); a sentence
whose subject is anything else (``Udvalget``, ``Direktøren``) records no vote. A number printed
for one member or party is its count; a number printed for a list of several is the group's,
given as a vote of its own with neither member nor party (so nothing is counted twice).

>>> [(v.position, v.voter, v.party, v.count) for v in find_votes(
...     "Godkendt. Et flertal (A, V) kunne tiltræde. Bo Lund (Ø) stemte imod.")]
[('for', None, 'A', None), ('for', None, 'V', None), ('imod', 'Bo Lund', 'Ø', None)]
>>> [(v.position, v.count) for v in find_votes("Vedtaget med 15 stemmer mod 6.")]
[('for', 15), ('imod', 6)]
>>> find_votes("Udvalget kunne tiltræde indstillingen.")
[]
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import cast

from loaders.model import Position
from loaders.vote_actors import Actor, subject
from loaders.vote_actors import actors as listed_actors


@dataclass(frozen=True, slots=True)
class FoundVote:
    """One position found in a text: ``start..end`` is its anchor (the clause that states it)
    within the text; ``voter`` a member's name, ``party`` a letter or name as printed."""

    position: Position
    start: int
    end: int
    voter: str | None = None
    party: str | None = None
    count: int | None = None


@dataclass(frozen=True, slots=True)
class Phrase:
    """One row of ``vote_phrases.csv``."""

    position: Position
    form: str  # "after" or "before"
    group_only: bool
    phrase: str


@functools.cache
def phrases() -> tuple[Phrase, ...]:
    """The rows of ``loaders/data/vote_phrases.csv``, longest phrase first within each form."""
    text = (resources.files("loaders") / "data" / "vote_phrases.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    rows = [
        Phrase(
            position=cast("Position", row["position"]),
            form=row["form"],
            group_only=row["who"] == "group",
            phrase=" ".join(row["phrase"].lower().split()),
        )
        for row in csv.DictReader(lines)
    ]
    return tuple(sorted(rows, key=lambda p: -len(p.phrase)))


def _alternation(form: str) -> str:
    return "|".join(re.escape(p.phrase).replace(r"\ ", r"\s+") for p in phrases() if p.form == form)


_W = r"[\wæøåÆØÅ]"


@functools.cache
def _after() -> re.Pattern[str]:
    return re.compile(rf"(?<!{_W})(?:{_alternation('after')})(?!{_W})", re.IGNORECASE)


@functools.cache
def _before() -> re.Pattern[str]:
    # the phrase at a sentence start, an optional number, an optional colon, then the list up
    # to the end of the sentence (a list of parties has no full stop inside)
    return re.compile(
        rf"(?:^|(?<=[.!?;\n])|(?<=[.!?;:,]\s))\s*(?P<phrase>{_alternation('before')})"
        rf"(?!{_W})\s*(?P<number>\d+(?!\d))?\s*:?\s*"
        rf"(?P<list>(?:(?!,\s*(?:{_alternation('before')})(?!{_W}))[^.!?;:\n])+)",
        re.IGNORECASE,
    )


def _phrase(text: str, form: str) -> Phrase:
    key = " ".join(text.lower().split())
    return next(p for p in phrases() if p.form == form and p.phrase == key)


# Sentence ends: a full stop not after an initial ("Connie B. Jensen"), ! ? ; : and new lines.
_BOUNDARY = re.compile(
    r"(?<![A-ZÆØÅ][a-zæøå]\s[A-ZÆØÅ])(?<![A-ZÆØÅ][a-zæøå]{2}\s[A-ZÆØÅ])"
    r"(?<![A-ZÆØÅ][a-zæøå]{3}\s[A-ZÆØÅ])(?<![A-ZÆØÅ][a-zæøå]{4}\s[A-ZÆØÅ])"
    r"(?<![a-zæøå]{5}\s[A-ZÆØÅ])[.!?;:](?=\s|$)|\n"
)
# A line break is a sentence end unless the line was wrapped: a soft start looks past a break
# after a comma or a joining word, or before a line that goes on in lower case or with a
# party in parentheses ("Et flertal bestående af A, Bo Lund\n(V) og C kunne tiltræde").
_WRAPPED_BEFORE = re.compile(r"(?:,|\bog|\bsamt|\baf|\bbestående)[ \t]*$")
_WRAPPED_AFTER = re.compile(r"[ \t]*(?:[a-zæøå(])")
# Words after which a new clause starts within a sentence: "Godkendt, idet Ø tog forbehold",
# "15 stemte for, og 6 stemte imod" (never a bare "og": it joins a list).
_CONNECTOR = re.compile(r"(?:^|[\s,])(?:idet|mens|medens|men|hvorimod|dog|hvor)\s+|,\s*og\s+")


def _sentence_start(text: str, end: int, *, soft: bool = False) -> int:
    start = 0
    for found in _BOUNDARY.finditer(text, 0, end):
        if soft and found[0] == "\n":
            line_start = text.rfind("\n", 0, found.start()) + 1
            if _WRAPPED_BEFORE.search(text[line_start : found.start()]) or _WRAPPED_AFTER.match(
                text, found.end()
            ):
                continue
        start = found.end()
    return start


def _subject_first(text: str) -> list[FoundVote]:
    found: list[FoundVote] = []
    for match in _after().finditer(text):
        phrase = _phrase(match[0], "after")
        candidates: list[int] = []
        for start in (
            _sentence_start(text, match.start(), soft=True),
            _sentence_start(text, match.start()),
        ):
            candidates += [start] + [
                start + c.end() for c in _CONNECTOR.finditer(text[start : match.start()])
            ]
        for candidate in candidates:
            actors = subject(text[candidate : match.start()], group_only=phrase.group_only)
            if actors:
                begin = candidate + len(text[candidate:]) - len(text[candidate:].lstrip())
                found.extend(
                    FoundVote(phrase.position, begin, match.end(), a.voter, a.party, a.count)
                    for a in actors
                )
                break
    return found


def _position_first(text: str) -> list[FoundVote]:
    found: list[FoundVote] = []
    for match in _before().finditer(text):
        phrase = _phrase(match["phrase"], "before")
        listed = match["list"].rstrip()
        actors = listed_actors(listed, group=False)
        if not actors:
            continue
        if match["number"]:
            count = int(match["number"])
            if len(actors) == 1 and actors[0].count is None:
                actors = [Actor(actors[0].voter, actors[0].party, count)]
            elif all(a.voter or a.party for a in actors):
                actors = [*actors, Actor(None, None, count)]
        end = match.start("list") + len(listed)
        found.extend(
            FoundVote(phrase.position, match.start("phrase"), end, a.voter, a.party, a.count)
            for a in actors
        )
    return found


_TALLY_POSITION: dict[str, Position] = {
    "for": "for",
    "imod": "imod",
    "undlod at stemme": "undlod",
    "undlod": "undlod",
    "hverken for eller imod": "undlod",
    "blanke": "undlod",
    "blank": "undlod",
}
_TALLY_WORDS = r"hverken\s+for\s+eller\s+imod|undlod\s+at\s+stemme|undlod|blanke?|for|imod"
_TALLY = re.compile(
    r"(?<![\wæøå])med\s+(?P<n>\d{1,3})\s+stemmer?(?:\s+(?P<pos>for|imod))?(?![\wæøå])",
    re.IGNORECASE,
)
_TALLY_PART = re.compile(
    r"\s*(?:,\s*|(?P<sep>og|mod|imod)\s+)(?:(?P<against>mod|imod)\s+)?(?P<n>\d{1,3})"
    r"(?:\s+stemmer?)?(?:\s+(?P<pos>" + _TALLY_WORDS + r"))?(?![\wæøå])",
    re.IGNORECASE,
)
_TALLY_LIST = re.compile(r"\s*\((?P<list>[^()]{1,80})\)")
_REJECTED = re.compile(
    r"(?:forkastet|forkastes|afvist|afvises|faldt|bortfaldt|ikke\s+vedtaget|ikke\s+godkendt)"
    r"\s+$",
    re.IGNORECASE,
)
_MOST_PARTS = 4


def _tally_actors(names: str | None, count: int) -> list[Actor]:
    actors = listed_actors(names, group=False) if names else None
    if not actors:
        return [Actor(None, None, count)]
    if len(actors) == 1:
        return [Actor(actors[0].voter, actors[0].party, count)]
    return [*(a for a in actors if a.voter or a.party), Actor(None, None, count)]


def _tally(text: str) -> list[FoundVote]:
    """``vedtaget med 15 stemmer mod 6``; the first number is the majority, against the
    proposal when it was rejected (``forkastet med 15 stemmer mod 6``)."""
    found: list[FoundVote] = []
    for match in _TALLY.finditer(text):
        rejected = _REJECTED.search(text[max(0, match.start() - 40) : match.start()]) is not None
        majority: Position = "imod" if rejected else "for"
        minority: Position = "for" if rejected else "imod"
        first = _TALLY_POSITION[match["pos"].lower()] if match["pos"] else majority
        end = match.end()
        listed = _TALLY_LIST.match(text, end)
        if listed:
            end = listed.end()
        parts = [(first, int(match["n"]), listed["list"] if listed else None)]
        while len(parts) < _MOST_PARTS:
            part = _TALLY_PART.match(text, end)
            if part is None:
                break
            word = " ".join((part["pos"] or "").lower().split())
            position = _TALLY_POSITION.get(word, minority)
            end = part.end()
            listed = _TALLY_LIST.match(text, end)
            if listed:
                end = listed.end()
            parts.append((position, int(part["n"]), listed["list"] if listed else None))
        for position, count, names in parts:
            found.extend(
                FoundVote(position, match.start(), end, a.voter, a.party, a.count)
                for a in _tally_actors(names, count)
            )
    return found


_ANY_VOTE = re.compile(
    r"stem|tiltr|forbehold|godkend|anbefal|imod|støtte|afvis|undl|blank|hverken|for:",
    re.IGNORECASE,
)


def find_votes(text: str) -> list[FoundVote]:
    """Every position ``text`` records, in text order (one per member or party, and one per
    printed number of a list of several)."""
    if not text or not _ANY_VOTE.search(text):
        return []
    found = sorted(_subject_first(text) + _position_first(text) + _tally(text), key=_start)
    # a number stated twice ("vedtaget med 19 stemmer mod 8. For stemte: A, B, C og V (19)")
    # is one count: kept where it is first stated
    seen: set[tuple[str, int]] = set()
    kept: list[FoundVote] = []
    for vote in found:
        if vote.voter is None and vote.party is None and vote.count is not None:
            if (vote.position, vote.count) in seen:
                continue
            seen.add((vote.position, vote.count))
        kept.append(vote)
    return kept


def _start(vote: FoundVote) -> int:
    return vote.start
