"""The facts of one synthetic meeting, drawn before any layout writes them out.

A layout decides how the facts look on the page; the facts themselves (who, when, which items,
who was absent) are the same kind for every layout, and are what the parse check compares.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from bench import vocabulary as v
from bench.danish import MONTHS

FIRST_DAY = dt.date(2015, 1, 1)
LAST_DAY = dt.date(2026, 12, 31)


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    party: str | None  # None for the secretary
    role: str  # "Formand", "Næstformand", "Medlem", "Sekretær"


@dataclass(slots=True)
class Item:
    number: int
    kind: str  # "opening", "regular", "closed", "closing"
    title: str
    case_year: int
    decision: list[str] = field(default_factory=list)
    absent: list[Member] = field(default_factory=list)  # left the room for this item
    attachments: list[str] = field(default_factory=list)
    shared_with: tuple[str, str] | None = None  # (committee, prefix) treating the same case
    budget: int = 0  # characters of case text to write


@dataclass(slots=True)
class Meeting:
    index: int
    layout: str
    kode: str
    municipality: str  # name as in kommuner.csv
    committee: str
    prefix: str  # the committee's initials, printed before item titles by some systems
    date: dt.date
    start: dt.time
    end: dt.time
    room: str
    building: str
    street: str
    postcode: str
    members: list[Member]
    secretary: Member
    absent: list[Member]
    items: list[Item]
    target_size: int
    council: str  # "Byrådet" or "Kommunalbestyrelsen"

    @property
    def first_case(self) -> int:
        """Number of the first regular item: its case text names the municipality."""
        return next(i.number for i in self.items if i.kind == "regular")

    @property
    def kommune(self) -> str:
        return v.kommune(self.municipality)

    def facts(self) -> dict[str, str]:
        """The fixed placeholders of :mod:`bench.prose`."""
        town = self.municipality
        return {
            "K": self.kommune,
            "Ks": self.kommune + "s",
            "J": f"Jobcenter {town}",
            "U": self.committee,
            "y": str(self.date.year),
            "y0": str(self.date.year - 1),
            "y1": str(self.date.year + 1),
            "y4": str(self.date.year + 4),
            "council": self.council,
        }


@dataclass(frozen=True, slots=True)
class Conventions:
    """What a meeting system puts on every agenda, and how big its text runs."""

    opening: str | None  # first item, e.g. "Godkendelse af dagsorden"
    closing: tuple[str, ...]  # last item(s)
    closed_items: bool  # prints closed items ("Lukket: ...")
    overhead: int  # characters the layout writes besides case text, per regular item
    shared_items: bool = False  # may hold an item shared with another committee


def draw_person(rng: random.Random) -> str:
    parts = [rng.choice(v.FIRST_NAMES)]
    if rng.random() < 0.35:
        parts.append(rng.choice(v.MIDDLE_NAMES))
    parts.append(rng.choice(v.SURNAMES))
    return " ".join(parts)


def draw_members(rng: random.Random, year: int) -> list[Member]:
    parties = v.PARTIES + (v.PARTIES_FROM_2022 if year >= 2022 else ())
    names: list[str] = []
    count = rng.randint(5, 9)
    while len(names) < count:
        name = draw_person(rng)
        if name not in names:
            names.append(name)
    roles = ["Formand", "Næstformand"] + ["Medlem"] * (len(names) - 2)
    return [Member(n, rng.choice(parties), r) for n, r in zip(names, roles, strict=True)]


def vote(rng: random.Random, present: list[Member]) -> list[str]:
    """A split vote, by party letter as minutes record it."""
    parties = sorted({m.party for m in present if m.party})
    if len(parties) < 2:
        return ["Indstillingen godkendt."]
    against = set(rng.sample(parties, max(1, len(parties) // 3)))
    yes = [m for m in present if m.party not in against]
    no = [m for m in present if m.party in against]
    letters = sorted({m.party or "" for m in yes})
    return [
        f"For stemte {_and(letters)} ({len(yes)}).",
        f"Imod stemte {_and(sorted(against))} ({len(no)}).",
        "Indstillingen er godkendt." if len(yes) > len(no) else "Indstillingen er faldet.",
    ]


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " og " + words[-1]


def draw_date(rng: random.Random) -> dt.date:
    day = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    while day.weekday() > 3:  # committees meet Monday to Thursday
        day -= dt.timedelta(days=1)
    return day


def title_facts(rng: random.Random, day: dt.date, council: str) -> dict[str, str]:
    return {
        "y": str(day.year),
        "y0": str(day.year - 1),
        "y1": str(day.year + 1),
        "y4": str(day.year + 4),
        "m": MONTHS[rng.randrange(12)],
        "p": rng.choice(v.PROGRAMMES),
        "o": rng.choice(v.ORGANISATIONS),
        "council": council,
    }


def draw_meeting(
    rng: random.Random, index: int, layout: str, municipality: tuple[str, str], rules: Conventions
) -> Meeting:
    kode, name = municipality
    committee, prefix = rng.choice(v.COMMITTEES)
    day = draw_date(rng)
    start_minutes = rng.choice(range(8 * 60, 17 * 60 + 1, 30))
    end_minutes = start_minutes + rng.choice(range(60, 181, 15))
    members = draw_members(rng, day.year)
    absent = rng.sample(members, rng.choice((0, 0, 1, 1, 2)))
    council = rng.choice(v.COUNCILS)
    present = [m for m in members if m not in absent]
    items = draw_items(rng, day, council, present, rules)
    target = rng.randint(17_000, 32_000)
    regular = [i for i in items if i.kind == "regular"]
    weights = [rng.uniform(0.5, 1.5) for _ in regular]
    case_text = target - rules.overhead * len(regular) - 400 * (len(items) - len(regular))
    for item, weight in zip(regular, weights, strict=True):
        item.budget = max(300, int(case_text * weight / sum(weights)))
    return Meeting(
        index=index,
        layout=layout,
        kode=kode,
        municipality=name,
        committee=committee,
        prefix=prefix,
        date=day,
        start=dt.time(start_minutes // 60, start_minutes % 60),
        end=dt.time(end_minutes // 60, end_minutes % 60),
        room=rng.choice(v.ROOMS),
        building=rng.choice(v.BUILDINGS),
        street=f"{rng.choice(v.STREETS)} {rng.randint(1, 40)}",
        postcode=str(rng.randint(1000, 9990)),
        members=members,
        secretary=Member(draw_person(rng), None, "Sekretær"),
        absent=absent,
        items=items,
        target_size=target,
        council=council,
    )


def draw_items(
    rng: random.Random, day: dt.date, council: str, present: list[Member], rules: Conventions
) -> list[Item]:
    """5 to 14 items: the system's opening item, regular (and closed) items, its closing items."""
    count = rng.randint(5, 14)
    closing = list(rules.closing)
    head = ["opening"] if rules.opening else []
    tail = ["closing"] * len(closing)
    kinds = head + ["regular"] * (count - len(head) - len(tail)) + tail
    if rules.closed_items:
        for position in rng.sample(range(len(head), count - len(tail)), rng.choice((0, 1, 2))):
            kinds[position] = "closed"
    titles = rng.sample(v.ITEM_TITLES, kinds.count("regular"))
    items: list[Item] = []
    used: set[str] = set()  # attachment titles: the same one twice would read as a heading
    for number, kind in enumerate(kinds, start=1):
        facts = title_facts(rng, day, council)
        if kind == "opening":
            title = rules.opening or ""
        elif kind == "closing":
            title = closing.pop(0)
        elif kind == "closed":
            title = rng.choice(v.CLOSED_TITLES).format_map(facts) if rng.random() < 0.8 else ""
        else:
            title = titles.pop().format_map(facts)
        item = Item(number, kind, title, case_year=day.year - rng.choice((0, 0, 0, 1, 1, 2, 3)))
        fill_item(rng, item, facts | {"t": title}, present, rules)
        item.attachments = [a for a in dict.fromkeys(item.attachments) if a not in used]
        used.update(item.attachments)
        items.append(item)
    return items


def fill_item(
    rng: random.Random, item: Item, facts: dict[str, str], present: list[Member], rules: Conventions
) -> None:
    """The decision, absences, attachments and sharing of one item."""
    if item.kind == "closed":
        return
    if item.kind == "opening":
        item.decision = [rng.choice(("Godkendt.", "Godkendt", "Dagsordenen blev godkendt."))]
        return
    item.decision = [rng.choice(v.DECISIONS).format_map(facts)]
    if present and rng.random() < 0.12:
        item.absent = [rng.choice(present)]
    if item.kind != "regular":
        return
    if rng.random() < 0.3:
        item.decision.append(rng.choice(v.DECISION_REMARKS).format_map(facts))
    if rng.random() < 0.08:
        item.decision = vote(rng, present)
    if rng.random() < 0.6:
        picked = rng.sample(v.ATTACHMENTS, rng.randint(1, 3))
        item.attachments = [a.format_map(facts) for a in picked]
    if rules.shared_items and rng.random() < 0.08:
        item.shared_with = rng.choice(v.OTHER_COMMITTEES)
