"""New names: patterns that propose entities the reference data lacks, each a named rule with
a confidence. The recogniser keeps a proposal only where no reference mention overlaps it, and
drops one whose name is a reference alias (then it is not new).

Rules, in order:

- ``projekt-x``: "Projekt Ny-Start", "projekt Edison": "projekt" and a capitalised name;
- ``x-projektet``: "KIT-projektet", "Cykelprojektet" (mid-sentence), "X-forsøget";
- ``quoted-name``: a capitalised name in quotes, "'Stil dit forslag'" (a quote followed by a
  space is not one: "” Jobcentres ...”" quotes a title loosely);
- ``aftale-om``: "Aftale om ..." where the capital is not a sentence's, or a date follows.

New acts are proposed by the law citation rules (:mod:`loaders.mentions.citations`).

>>> text = "Vi deltager i Projekt Edison og 'Stil dit forslag' samt KIT-projektet."
>>> for c in propose(text):
...     print(c.rule, text[c.begin:c.end])
projekt-x Projekt Edison
quoted-name Stil dit forslag
x-projektet KIT-projektet
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from loaders.mentions.boundaries import is_start, sentence_initial
from loaders.reference.entry_model import EntityType

_CAP = r"[A-ZÆØÅÉÜÖÄ0-9][\wæøåÆØÅ]*(?:-[\wæøåÆØÅ]+)*"
_PROJEKT = re.compile(rf"[Pp]rojekt[ \t]+(?P<name>{_CAP}(?:[ \t]+{_CAP}){{0,4}})(?![\w-])")
_SUFFIX = re.compile(r"(?:projektet|forsøget)s?(?![\w-])")
_WORD_START = re.compile(r"[\wæøåÆØÅ-]+$")
_QUOTED = re.compile(
    r"(?P<open>['’‘\"“”„«])(?P<name>[A-ZÆØÅÉÜÖÄ0-9][^'’‘\"“”„«»\n]{1,70}?)"
    r"(?<=[\wæøåÆØÅ)])(?P<close>['’‘\"“”»])(?![\w])"
)
_STOP = r"(?:som|der|hvor|hvilket|blev|er|var|skal|har|kan|vil|og\s+har)"
# Up to eleven words, none of them a word that ends a title ("som", "der", a verb).
_TITLE_WORD = rf"(?!{_STOP}\b)[\wæøåÆØÅ](?:[\wæøåÆØÅ./-]*[\wæøåÆØÅ])?"
_TITLE = rf"(?P<title>(?:{_TITLE_WORD}[ \t]+){{0,10}}?{_TITLE_WORD})"
_AFTALE = re.compile(
    rf"(?P<name>(?P<word>[Aa]ftale)[ \t]+om[ \t]+{_TITLE})"
    r"(?=(?P<dated>[ \t]+af[ \t]+\d{1,2}\.[ \t]*[a-zæøå]+[ \t]+\d{4})"
    r"|[ \t]*[,.;:()\n'’\"”]|[ \t]+til[ \t]+at|[ \t]+(?:som|der|hvor)\b|$)"
)
_MAX_QUOTED_WORDS = 8
_QUOTES = "'’‘\"“”„«"


@dataclass(frozen=True, slots=True)
class Proposal:
    """A proposed new name: its span, type, rule and confidence."""

    begin: int
    end: int
    entity_type: EntityType
    rule: str
    confidence: float

    def name(self, text: str) -> str:
        """The proposed name as printed."""
        return text[self.begin : self.end]


def _word_matches(text: str, hint: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` that start a word; none in a text without ``hint``, which
    every match holds (a test that skips most texts at once)."""
    if hint in text:
        yield from (match for match in pattern.finditer(text) if is_start(text, match.start()))


def _projekt(text: str) -> Iterator[Proposal]:
    for match in _word_matches(text, "rojekt ", _PROJEKT):
        yield Proposal(match.start(), match.end("name"), "programme", "projekt-x", 0.7)


def _suffixed(text: str) -> Iterator[Proposal]:
    if "projekt" not in text and "forsøg" not in text:
        return
    for match in _SUFFIX.finditer(text):
        before = _WORD_START.search(text, max(0, match.start() - 40), match.start())
        if before is None or not before.group()[0].isupper():
            continue
        begin = before.start()
        stem = before.group()
        hyphenated = stem.endswith("-")
        stem = stem.rstrip("-")
        if not is_start(text, begin) or len(stem) < 2:
            continue
        if not hyphenated and (len(stem) < 3 or sentence_initial(text, begin)):
            continue
        end = match.end() - (1 if match.group().endswith("s") else 0)
        yield Proposal(begin, end, "programme", "x-projektet", 0.6)


def _quoted(text: str) -> Iterator[Proposal]:
    if not any(q in text for q in _QUOTES):
        return
    for match in _QUOTED.finditer(text):
        if match.start() > 0 and text[match.start() - 1].isalnum():
            continue
        name = match["name"]
        if len(name.split()) > _MAX_QUOTED_WORDS or name.rstrip()[-1:] in ".?!":
            continue
        yield Proposal(match.start("name"), match.end("name"), "programme", "quoted-name", 0.5)


def _aftale(text: str) -> Iterator[Proposal]:
    for match in _word_matches(text, "ftale om", _AFTALE):
        capital = match["word"][0] == "A"
        named = capital and not sentence_initial(text, match.start())
        if named or match["dated"]:
            yield Proposal(match.start(), match.end("name"), "programme", "aftale-om", 0.5)


CANDIDATE_RULES: tuple[tuple[str, Callable[[str], Iterator[Proposal]]], ...] = (
    ("projekt-x", _projekt),
    ("x-projektet", _suffixed),
    ("quoted-name", _quoted),
    ("aftale-om", _aftale),
)


def propose(text: str) -> list[Proposal]:
    """Every proposal of every rule, in text order (overlaps included)."""
    found = [p for _, rule in CANDIDATE_RULES for p in rule(text)]
    found.sort(key=lambda p: (p.begin, -p.end))
    return found
