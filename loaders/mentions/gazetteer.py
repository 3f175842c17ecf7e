"""Every alias of the reference data found in a text at once, by one Aho-Corasick automaton.

The automaton is built once per process from all aliases (laws, programmes, organisations, the
98 municipalities and their jobcentres) and searches the folded text
(:func:`loaders.reference.forms.fold_words`) in one pass, so its cost per text grows with the
text and the matches, not with the size of the reference data. Every key starts with a space,
and so does the searched text, so that raw matches begin only where a word does ("kl" is not
tried inside "klar"): that keeps the matches to check few. Each raw match is then checked: it
must stand alone as a word sequence (:mod:`loaders.mentions.boundaries`), may carry a genitive
ending, and must be written in the case its alias allows.

>>> text = "KL og STARs folk, ikke KLAPjob-klar eller STARt."
>>> [(h.entity_type, h.target, h.anchor(text)) for h in find_aliases(text)]
[('organisation', 'kl', 'KL'), ('organisation', 'star', 'STARs')]
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

# pyahocorasick is a C extension without type stubs.
import ahocorasick  # type: ignore[import-not-found,import-untyped,unused-ignore]

from loaders.mentions.boundaries import is_start, name_end
from loaders.reference import reference_data
from loaders.reference.entry_model import Alias, EntityType, Law
from loaders.reference.forms import fold_words, unify

EXACT_CONFIDENCE = 0.95  # written as the alias is listed
CASE_CONFIDENCE = 0.85  # found in another case than listed (allowed by the alias' policy)


@dataclass(frozen=True, slots=True)
class AliasHit:
    """One alias found: ``target`` is an entry's key; for a law, ``acts`` are the acts that
    have this alias, of which the one in force is chosen later (:mod:`loaders.mentions.laws`),
    and ``target`` is their work."""

    begin: int
    end: int  # after a genitive ending, if any
    entity_type: EntityType
    target: str
    alias: Alias
    confidence: float
    acts: tuple[str, ...] = ()

    def anchor(self, text: str) -> str:
        """The characters found."""
        return text[self.begin : self.end]


# (alias, entity type, key or work, acts having the alias)
_Payload = tuple[Alias, EntityType, str, tuple[str, ...]]


@functools.cache
def automaton() -> ahocorasick.Automaton:
    """The automaton over every folded alias; values are ``(length, payloads)``."""
    data = reference_data()
    table: dict[str, list[_Payload]] = {}
    for entity_type, entity in data.entities():
        for alias in entity.aliases:
            payloads = table.setdefault(" " + fold_words(alias.text), [])
            if isinstance(entity, Law):
                _add_act(payloads, alias, entity)
            elif not any(a == alias and t == entity.key for a, _, t, _ in payloads):
                payloads.append((alias, entity_type, entity.key, ()))
    made = ahocorasick.Automaton()
    for key, payloads in table.items():
        made.add_word(key, (len(key), tuple(payloads)))
    made.make_automaton()
    return made


def _add_act(payloads: list[_Payload], alias: Alias, law: Law) -> None:
    """Record that ``law`` has ``alias``: one payload per alias and work, listing its acts."""
    for at, (known, entity_type, work, acts) in enumerate(payloads):
        if known == alias and entity_type == "law" and work == law.work:
            if law.key not in acts:
                payloads[at] = (known, entity_type, work, (*acts, law.key))
            return
    payloads.append((alias, "law", law.work, (law.key,)))


def is_alias(name: str) -> bool:
    """Whether ``name`` is written like some alias of the reference data (in any case)."""
    return bool(automaton().exists(" " + fold_words(" ".join(name.split()))))


def _case_confidence(written: str, alias: Alias) -> float | None:
    """The confidence for ``written`` as a form of ``alias``, None if its case rules it out."""
    if written == alias.text:
        return EXACT_CONFIDENCE
    if alias.case == "exact":
        return None
    if alias.case == "initial" and written[1:] != alias.text[1:]:
        return None
    return CASE_CONFIDENCE


def find_aliases(text: str) -> list[AliasHit]:
    """Every alias standing alone in ``text``, overlapping ones included, in text order."""
    if not text:
        return []
    unified = unify(text)
    hits: list[AliasHit] = []
    # The text is searched with a space before it: offset i there is offset i - 1 here, and a
    # key's leading space sits on the character before the name. One pass of the automaton,
    # its raw matches checked in this loop (no generator between them: there are many).
    for last, (length, payloads) in automaton().iter(" " + fold_words(text)):
        begin = last + 1 - length
        if not is_start(text, begin) or text.find("\n", begin, last) >= 0:
            continue  # inside a word, or across a line break
        end = name_end(text, last)
        if end is None:
            continue
        written = unified[begin:last]
        for alias, entity_type, target, acts in payloads:
            confidence = _case_confidence(written, alias)
            if confidence is not None:
                hits.append(AliasHit(begin, end, entity_type, target, alias, confidence, acts))
    hits.sort(key=lambda h: (h.begin, -h.end))
    return hits
