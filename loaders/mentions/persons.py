"""People: members from the meeting's attendance lists, and officials and guests the text
names with their role ("Projektleder Rikke Præsius", "Borgmester Tina Mandrup") or with the
organisation they come from ("Flemming Hansen fra Sund Invest").

A person's key is the slug of the name (:func:`loaders.reference.forms.slugify`): the name as
the attendance list prints it for members, as the text prints it for others.

>>> text = "Projektleder Rikke Præsius og Tina Boel Van Ingen deltog."
>>> [(p.key, p.role, text[p.begin:p.end]) for p in attendees(text, ("Tina Boel van Ingen",))]
[('tina-boel-van-ingen', None, 'Tina Boel Van Ingen')]
>>> [(p.key, p.role, text[p.begin:p.end]) for p in by_role(text)]
[('rikke-praesius', 'projektleder', 'Rikke Præsius')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from loaders.mentions.boundaries import is_start, name_end
from loaders.reference.forms import fold, slugify

ATTENDANCE_CONFIDENCE = 0.95
ROLE_CONFIDENCE = 0.8
FROM_ORGANISATION_CONFIDENCE = 0.6

# Role words printed before a name. Compounds ending in these count too ("Jobcenterchef",
# "Projektleder", "Udvalgsformand", "Beskæftigelseskonsulent").
ROLE_WORDS = frozenset(
    {
        "borgmester",
        "viceborgmester",
        "rådmand",
        "erhvervsafklarer",
        "sagsbehandler",
        "sekretær",
        "psykolog",
        "jobformidler",
    }
)
ROLE_ENDINGS = ("leder", "chef", "direktør", "konsulent", "formand", "rådgiver", "koordinator")
ROLE_QUALIFIERS = frozenset({"daglig", "konstitueret", "fungerende"})  # "daglig leder"

_UPPER = "A-ZÆØÅÉÜÖÄ"
_WORD = rf"[{_UPPER}][a-zæøåéüöä]+(?:-[{_UPPER}][a-zæøåéüöä]+)?"
_PARTICLE = r"(?:van|von|de|la|du)"
# Starts with its character class (no look-behind first), so that the regex engine can skip
# ahead to the next capital; the boundary before it is checked in code.
_NAME = re.compile(rf"{_WORD}(?:[ \t]+(?:[{_UPPER}]\.|{_PARTICLE}|{_WORD})){{1,4}}(?![\w-])")
_FRA = re.compile(r"[ \t]+fra[ \t]+")
_LOOK_BEHIND = 40


@dataclass(frozen=True, slots=True)
class PersonHit:
    """A person found: key, span, the rule that found them, the role as printed."""

    key: str
    begin: int
    end: int
    rule: str
    confidence: float
    role: str | None = None


def is_role(word: str) -> bool:
    """Whether ``word`` names a role ("Projektleder", "fagchef", "Borgmester")."""
    lowered = word.lower()
    return lowered in ROLE_WORDS or lowered.endswith(ROLE_ENDINGS)


def _trim(words: list[str]) -> list[str]:
    """The name's words without trailing particles and initials, which cannot end a name."""
    while len(words) > 1 and (words[-1].endswith(".") or words[-1].islower()):
        words = words[:-1]
    return words


@functools.lru_cache(maxsize=256)
def _listed(people: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """``(folded name, key)`` for each listed name of two words or more, longest first."""
    names = {" ".join(n.split()) for n in people if len(n.split()) >= 2}
    forms = sorted(((fold(n), slugify(n)) for n in names), key=lambda f: (-len(f[0]), f[0]))
    return tuple((folded, key) for folded, key in forms if key)


def attendees(text: str, people: Iterable[str]) -> list[PersonHit]:
    """Every name of ``people`` (two words or more) in ``text``, in any case.

    The few names of one meeting are searched one by one with :meth:`str.find` in the folded
    text: faster than a regular expression here, and as linear in the text.
    """
    listed = _listed(tuple(people))
    if not listed:
        return []
    folded = fold(text)
    found: list[PersonHit] = []
    taken: set[int] = set()
    for name, key in listed:
        at = folded.find(name)
        while at >= 0:
            end = name_end(text, at + len(name))
            if end is not None and is_start(text, at) and at not in taken:
                taken.add(at)
                found.append(
                    PersonHit(key, at, at + len(name), "attendance", ATTENDANCE_CONFIDENCE)
                )
            at = folded.find(name, at + 1)
    found.sort(key=lambda h: h.begin)
    return found


@functools.lru_cache(maxsize=8)
def names_in(text: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Every run of two or more capitalised words (where a name may be), with where it begins."""
    return tuple(
        (match.start(), tuple(match.group().split()))
        for match in _NAME.finditer(text)
        if is_start(text, match.start())
    )


def _span(text: str, begin: int, words: list[str]) -> tuple[int, int]:
    """The span of ``words`` (the leading words of the run at ``begin``)."""
    end = begin
    for word in words:
        end = text.index(word, end) + len(word)
    return begin, end


def by_role(text: str) -> list[PersonHit]:
    """Every capitalised name of two to four words printed right after a role word."""
    found: list[PersonHit] = []
    for begin, run in names_in(text):
        words = list(run)
        if is_role(words[0]) and not words[0].endswith("."):
            role, name = words[0].lower(), _trim(words[1:])
            start = text.index(name[0], begin + len(words[0])) if name else begin
        else:
            line_start = text.rfind("\n", 0, begin) + 1
            before = text[max(line_start, begin - _LOOK_BEHIND) : begin]
            if not before.endswith((" ", "\t")):
                continue
            previous = before.split()[-2:]
            if not previous or not is_role(previous[-1]):
                continue
            role, name, start = previous[-1].lower(), _trim(words), begin
            if len(previous) == 2 and previous[0].lower() in ROLE_QUALIFIERS:
                role = f"{previous[0].lower()} {role}"
        if len(name) < 2:
            continue
        start, end = _span(text, start, name)
        found.append(
            PersonHit(slugify(" ".join(name)), start, end, "role-title", ROLE_CONFIDENCE, role)
        )
    return found


def from_organisation(text: str, organisation_starts: Collection[int]) -> list[PersonHit]:
    """A capitalised name of two to four words followed by "fra" and an organisation the
    recogniser found (``organisation_starts``: where those mentions begin)."""
    found: list[PersonHit] = []
    for begin, run in names_in(text):
        name = _trim(list(run))
        start, end = _span(text, begin, name)
        fra = _FRA.match(text, end)
        if fra is None or fra.end() not in organisation_starts or len(name) < 2 or is_role(name[0]):
            continue
        found.append(
            PersonHit(
                slugify(" ".join(name)),
                start,
                end,
                "person-from-organisation",
                FROM_ORGANISATION_CONFIDENCE,
            )
        )
    return found
