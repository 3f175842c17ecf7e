"""Which reference act a normalised act name means: by the name itself, or by a name a letter
or two away from it (a misspelling), guarded so that a misspelling never becomes a wrong act.

The reference data's law aliases are normalised like the names found in text
(:mod:`loaders.mentions.actnames`): compounds to "planloven", titles to "lov om x". A name
found resolves to the acts of the one work that has it. A name that no act has resolves to a
work whose name is within a small edit distance, only if all of these hold:

- the name is long enough for the distance: one edit from 9 letters on, two from 15 on (in a
  short name one letter is another word: "vejloven", "lejeloven");
- exactly one work is that close, and no other act's name (of the reference data, or of the
  acts that minutes often cite, :data:`loaders.mentions.known_acts.KNOWN_ACTS`) is within one
  more edit: "skovloven" is never "skoleloven";
- the name found is not itself the name of a known act.

Otherwise the name is a candidate act of its own: unsure is new, never wrong.

>>> index = act_index()
>>> index.exact("serviceloven")
(('serviceloven',),)
>>> index.fuzzy("servicelven"), index.fuzzy("sevicelovn")
((('serviceloven',),), None)
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from loaders.mentions.actnames import compound_key, title_key
from loaders.mentions.known_acts import KNOWN_ACTS
from loaders.reference import reference_data
from loaders.reference.forms import fold

_ONE_EDIT_FROM = 9
_TWO_EDITS_FROM = 15
_TITLE_ONE_EDIT_FROM = 14
_TITLE_TWO_EDITS_FROM = 24


def distance(a: str, b: str, limit: int) -> int:
    """The Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it exceeds ``limit``.

    >>> distance("planloven", "planlovn", 2), distance("skovloven", "skoleloven", 1)
    (1, 2)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


def _normalised(alias: str) -> str | None:
    """An alias in the form names found in text are normalised to, if it is a compound or a
    "lov om" title."""
    text = " ".join(fold(alias).split())
    if " " not in text and (text.endswith(("loven", "lov"))):
        stem = text[: -len("loven")] if text.endswith("loven") else text[: -len("lov")]
        return compound_key(stem) if stem.strip("-") else None
    for kind in ("lov om ", "loven om "):
        if text.startswith(kind):
            return title_key("lov", text[len(kind) :])[1]
    return None


@dataclass(frozen=True, slots=True)
class ActIndex:
    """The reference acts by normalised name: per name, the acts of each work that has it."""

    works: dict[str, tuple[tuple[str, ...], ...]]
    by_length: dict[int, tuple[str, ...]]  # the names of the works and of KNOWN_ACTS

    def near(self, key: str, limit: int) -> list[str]:
        """The names whose length is within ``limit`` of the key's: the only ones that can be
        ``limit`` edits from it."""
        size = len(key)
        return [n for d in range(size - limit, size + limit + 1) for n in self.by_length.get(d, ())]

    def exact(self, key: str) -> tuple[tuple[str, ...], ...] | None:
        """The works (each as its acts) that have this normalised name."""
        return self.works.get(key)

    def fuzzy(self, key: str) -> tuple[tuple[str, ...], ...] | None:
        """The one work whose name is a misspelling away from ``key`` (see the module), as a
        one-tuple of its acts; None where unsure."""
        title = key.startswith(("lov om ", "bekendtgørelse om ", "cirkulære om "))
        one, two = (
            (_TITLE_ONE_EDIT_FROM, _TITLE_TWO_EDITS_FROM)
            if title
            else (_ONE_EDIT_FROM, _TWO_EDITS_FROM)
        )
        allowed = 2 if len(key) >= two else 1 if len(key) >= one else 0
        if allowed == 0 or key in self.works or key in KNOWN_ACTS:
            return None
        return _fuzzy(key, allowed)


@functools.lru_cache(maxsize=4096)
def _fuzzy(key: str, allowed: int) -> tuple[tuple[str, ...], ...] | None:
    """:meth:`ActIndex.fuzzy` past its first checks, remembered: the same names recur."""
    index = act_index()
    scored = [(distance(key, name, allowed + 1), name) for name in index.near(key, allowed + 1)]
    listed = [(d, name) for d, name in scored if name in index.works]
    best = min((d for d, _ in listed), default=allowed + 1)
    if best > allowed:
        return None
    closest = {acts for d, name in listed if d == best for acts in index.works[name]}
    if len(closest) != 1:
        return None
    (acts,) = closest
    # Another act as close or one edit further (listed, or one minutes often cite): unsure.
    if any(
        d <= best + 1 and (name not in index.works or acts not in index.works[name])
        for d, name in scored
    ):
        return None
    return (acts,)


@functools.cache
def act_index() -> ActIndex:
    """The index of the reference data's acts, built once."""
    found: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for law in reference_data().laws.values():
        for alias in law.aliases:
            key = _normalised(alias.text)
            if key is not None:
                found[key][law.work].add(law.key)
    works = {
        key: tuple(tuple(sorted(acts)) for _, acts in sorted(by_work.items()))
        for key, by_work in found.items()
    }
    by_length: dict[int, list[str]] = defaultdict(list)
    for name in sorted(works.keys() | KNOWN_ACTS):
        by_length[len(name)].append(name)
    return ActIndex(works, {size: tuple(names) for size, names in by_length.items()})
