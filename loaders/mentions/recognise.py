"""Mentions of laws, programmes, organisations and persons in item texts: an ordered list of
small rules over one text, then overlaps resolved (the longest wins).

The passes, in order: reference aliases (:mod:`~loaders.mentions.gazetteer`,
laws resolved by date and widened by the provisions they cite), law citations in other forms
and printed enactments (:mod:`~loaders.mentions.citations`), municipalities in a list,
people from the attendance lists, people by role, people "fra" an organisation; these compete,
the longest winning and a reference mention winning a tie. New-name proposals
(:mod:`~loaders.mentions.candidates`) and candidate acts then fill only what is left; citations
the text says are of one act are linked; last, every further occurrence of a proposed name
(not an act's: the citation rules find every spelling) becomes a candidate mention too
(``propagated``).

>>> import datetime as dt
>>> text = "Jf. § 91 i beskæftigelsesloven samarbejder Jobcenter Lemvig med KLAPjob og STAR."
>>> for m in find_mentions(text, on=dt.date(2022, 6, 8)):
...     print(m.entity_key, repr(m.anchor_text), m.rule)
lab-2019 '§ 91 i beskæftigelsesloven' alias+provision
jobcenter-665 'Jobcenter Lemvig' alias
klapjob 'KLAPjob' alias
star 'STAR' alias
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from loaders.mentions import candidates, persons
from loaders.mentions.boundaries import is_start, strip_genitive
from loaders.mentions.citations import law_citations, law_mention, link_citations
from loaders.mentions.gazetteer import find_aliases, is_alias
from loaders.mentions.laws import resolve
from loaders.mentions.mention_model import CandidateSummary, Mention
from loaders.mentions.municipal import CONFIDENCE as LIST_CONFIDENCE
from loaders.mentions.municipal import listed_municipalities
from loaders.mentions.overlaps import longest_first
from loaders.reference.forms import slugify

DATED_FACTOR = 0.95  # a law alias several acts share, resolved by the date
PROPAGATED_FACTOR = 0.8
PARENTHESIS_CONFIDENCE = 0.5

# How sure each rule is compared with the others, for ties of equal length.
RANK = {
    "alias": 5,
    "alias+provision": 5,
    "enactment": 5,
    "law-variant": 4.5,
    "law-fuzzy": 4.5,
    "municipality-list": 4,
    "attendance": 3,
    "role-title": 2,
    "person-from-organisation": 1,
}

_PARENTHESIS = re.compile(r"[ \t]*\((?P<inner>[A-ZÆØÅÉÜÖÄ][^()\n]{2,60})\)")
_MAX_PARENTHESIS_WORDS = 6


def _reference(text: str, on: dt.date | None, law_starts: set[int]) -> list[Mention]:
    """The reference aliases in ``text``; where a law's alias begins is added to
    ``law_starts``."""
    found: list[Mention] = []
    for hit in find_aliases(text):
        if hit.entity_type != "law":
            found.append(
                Mention(
                    hit.target,
                    hit.entity_type,
                    hit.begin,
                    hit.end,
                    hit.anchor(text),
                    "alias",
                    hit.confidence,
                    alias=hit.alias.text,
                )
            )
            continue
        law_starts.add(hit.begin)
        act = resolve(hit.acts, on)
        if act is None:
            continue
        confidence = hit.confidence * (DATED_FACTOR if len(hit.acts) > 1 else 1)
        found.append(
            law_mention(
                (hit.begin, hit.end),
                text,
                "alias",
                confidence,
                key=act.key,
                cited_rule="alias+provision",
                alias=hit.alias.text,
            )
        )
    for key, begin, end in listed_municipalities(text):
        found.append(
            Mention(
                key,
                "organisation",
                begin,
                end,
                text[begin:end],
                "municipality-list",
                LIST_CONFIDENCE,
            )
        )
    return found


def _people(text: str, people: Sequence[str], reference: Sequence[Mention]) -> list[Mention]:
    organisation_starts = {m.begin for m in reference if m.entity_type == "organisation"}
    hits = persons.attendees(text, people) + persons.by_role(text)
    hits += persons.from_organisation(text, organisation_starts)
    return [
        Mention(
            h.key,
            "person",
            h.begin,
            h.end,
            text[h.begin : h.end],
            h.rule,
            h.confidence,
            role=h.role,
        )
        for h in hits
    ]


def _proposals(text: str) -> list[Mention]:
    found: list[Mention] = []
    for proposal in candidates.propose(text):
        name = strip_genitive(proposal.name(text))
        if is_alias(name):
            continue
        key = slugify(name)
        found.append(
            Mention(
                key,
                proposal.entity_type,
                proposal.begin,
                proposal.end,
                proposal.name(text),
                proposal.rule,
                proposal.confidence,
                candidate=True,
            )
        )
        after = _PARENTHESIS.match(text, proposal.end)  # "KIT-projektet (Kvindeindsats ...)"
        if (
            after
            and len(after["inner"].split()) <= _MAX_PARENTHESIS_WORDS
            and not is_alias(after["inner"])
        ):
            found.append(
                Mention(
                    key,
                    proposal.entity_type,
                    after.start("inner"),
                    after.end("inner"),
                    after["inner"],
                    "parenthesis",
                    PARENTHESIS_CONFIDENCE,
                    candidate=True,
                )
            )
    return found


def _rank(mention: Mention) -> float:
    return RANK.get(mention.rule, 0) + mention.confidence


def _first_pass(text: str, on: dt.date | None, people: Sequence[str]) -> list[Mention]:
    law_starts: set[int] = set()
    reference = _reference(text, on, law_starts)
    cited, new_acts = law_citations(text, on, law_starts)
    found = reference + cited + _people(text, people, reference)
    chosen = longest_first(found, _span, _rank)
    proposed = _proposals(text) + new_acts
    new = longest_first(proposed, _span, _rank, taken=[_span(m) for m in chosen])
    if not (cited or new_acts):
        return sorted(chosen + new, key=_span)
    return link_citations(text, sorted(chosen + new, key=_span))


def _span(mention: Mention) -> tuple[int, int]:
    return mention.begin, mention.end


def _spelled(name: str) -> str:
    """A name as a pattern, its first letter in either case ("Cykelprojektet",
    "cykelprojektet"; "Projekt Edison", "projekt Edison") unless nothing else in it is a
    capital: "Tid til det vigtigste" must not match the phrase "tid til det vigtigste"."""
    words = name.split()
    pattern = r"[ \t]+".join(map(re.escape, words))
    if not name[:1].isalpha() or (len(words) > 1 and not any(c.isupper() for c in name[1:])):
        return pattern
    return f"(?i:{re.escape(name[0])})" + pattern[len(re.escape(name[0])) :]


@functools.lru_cache(maxsize=64)
def _name_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(_spelled(n) for n in names)
    return re.compile(rf"(?:{alternation})(?:'s|’s|s)?(?![\w-])")


def _source(names: dict[str, Mention], found: str) -> Mention | None:
    """The proposal a further occurrence repeats (its first letter may differ in case)."""
    return names.get(found) or names.get(found[:1].swapcase() + found[1:])


def _propagate(text: str, chosen: list[Mention], names: dict[str, Mention]) -> list[Mention]:
    """Every further occurrence of a proposed name, where nothing else was found."""
    if not names:
        return chosen
    pattern = _name_pattern(tuple(sorted(names, key=lambda n: (-len(n), n))))
    more: list[Mention] = []
    for match in pattern.finditer(text):
        if not is_start(text, match.start()):
            continue
        found = match.group()
        source = _source(names, strip_genitive(found)) or _source(names, found[:-1])
        if source is None:
            continue
        more.append(
            Mention(
                source.entity_key,
                source.entity_type,
                match.start(),
                match.end(),
                found,
                "propagated",
                source.confidence * PROPAGATED_FACTOR,
                candidate=True,
            )
        )
    added = longest_first(more, _span, _rank, taken=[_span(m) for m in chosen])
    return sorted(chosen + added, key=_span)


def find_item_mentions(
    texts: Sequence[str], *, on: dt.date | None, people: Iterable[str] = ()
) -> list[list[Mention]]:
    """The mentions in each of an item's texts (title, sections, decisions, attachment titles),
    offsets into that text. A new name proposed in one text is a candidate wherever else the
    item prints it.

    The texts are searched as one, joined by line breaks (no rule finds a name across a line
    break), which saves the fixed cost of each rule per text.
    """
    joined = "\n".join(texts)
    first = _first_pass(joined, on, tuple(people))
    # A candidate act is found wherever it is printed by its own rules, in any spelling.
    names = {
        strip_genitive(m.anchor_text): m
        for m in first
        if m.candidate and m.rule != "parenthesis" and m.entity_type != "law"
    }
    found = _propagate(joined, first, names)
    starts = list(itertools.accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    split: list[list[Mention]] = [[] for _ in texts]
    # The mentions come in text order, so each text's start is found by walking forward.
    at, last = 0, len(texts) - 1
    for mention in found:
        while at < last and starts[at + 1] <= mention.begin:
            at += 1
        start = starts[at]
        split[at].append(mention.shifted(start) if start else mention)
    return split


def find_mentions(text: str, *, on: dt.date | None, people: Iterable[str] = ()) -> list[Mention]:
    """Every mention in ``text``, in text order, none overlapping another.

    ``on`` is the meeting date: a law title several acts share resolves to the act in force
    then, and to nothing without a date. ``people`` are the names on the meeting's attendance
    lists. ``text[m.begin:m.end] == m.anchor_text`` for every mention ``m``.
    """
    return find_item_mentions([text], on=on, people=people)[0]


def summarise_candidates(mentions: Iterable[Mention]) -> list[CandidateSummary]:
    """The proposed new entities among ``mentions`` (from any number of texts and meetings),
    most mentioned first: what a person should review for the reference data."""
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.candidate:
            groups[(mention.entity_type, mention.entity_key)].append(mention)
    summaries = [
        CandidateSummary(
            entity_key=key,
            entity_type=found[0].entity_type,
            names=tuple(
                name for name, _ in Counter(m.name or m.anchor_text for m in found).most_common()
            ),
            count=len(found),
            confidence=max(m.confidence for m in found),
            rules=tuple(sorted({m.rule for m in found})),
        )
        for (_, key), found in groups.items()
    ]
    summaries.sort(key=lambda s: (-s.count, -s.confidence, s.entity_key))
    return summaries
