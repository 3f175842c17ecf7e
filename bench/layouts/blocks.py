"""Pieces every layout writes in its own dress: lists, times, case numbers, page numbers."""

from __future__ import annotations

import datetime as dt
import random

from bench.danish import month, weekday
from bench.meeting import Item, Meeting, Member
from bench.prose import Prose

Block = str | list[str]

KLE_OPEN = (
    "15.00.00", "15.00.10", "15.00.15", "15.20.00", "15.20.24", "15.25.00", "00.15.00",
    "00.15.10", "00.22.04", "00.01.00", "27.36.00", "32.18.00", "00.16.00",
)  # fmt: skip
KLE_CLOSED = ("00.30.00", "81.00.00", "27.24.00")
FACETS = ("A00", "A00", "A00", "G00", "G01", "A26", "I02", "P35")


def town(municipality: str) -> str:
    """The town a municipality's hall stands in, as far as its name tells:
    ``Vesthimmerlands`` -> ``Vesthimmerland``."""
    return (
        municipality.removesuffix("s")
        if municipality.endswith("lands") or municipality == "Nordfyns"
        else municipality
    )


def hhmm(time: dt.time) -> str:
    return f"{time.hour:02d}:{time.minute:02d}"


def long_date(day: dt.date, *, article: str = "d.", pad: bool = True) -> str:
    """``Onsdag d. 08. juni 2022`` or, with ``article="den", pad=False``, ``Onsdag den 8. juni``."""
    number = f"{day.day:02d}" if pad else str(day.day)
    return f"{weekday(day).capitalize()} {article} {number}. {month(day)} {day.year}"


def render_blocks(blocks: list[Block], bullet: str = "- ", numbered: bool = False) -> list[str]:
    """Paragraphs as they are; a list as one paragraph, one entry per line."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            out.append(block)
        elif numbered:
            out.append("\n".join(f"{n}. {line}" for n, line in enumerate(block, start=1)))
        else:
            out.append("\n".join(bullet + line for line in block))
    return out


def join_names(names: list[str]) -> str:
    """``A``, ``A og B``, ``A, B og C``."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " og " + names[-1]


def party_name(member: Member) -> str:
    return f"{member.name} ({member.party})" if member.party else member.name


def kle_case(rng: random.Random, item: Item, joiner: str = "") -> tuple[str, str, str]:
    """``(kle, facet, serial)`` for a journal-plan case number; the layout glues them."""
    kle = rng.choice(KLE_CLOSED if item.kind == "closed" else KLE_OPEN)
    facet = rng.choice(("Ø00", "000")) if item.kind == "closed" else rng.choice(FACETS)
    serial = f"{rng.randint(1, 30)}-{item.case_year % 100:02d}"
    return kle, joiner + facet, serial


def serial_case(rng: random.Random, item: Item) -> str:
    """``22-016257``: two-digit year and a running number."""
    return f"{item.case_year % 100:02d}-{rng.randint(100, 29999):06d}"


def start_pages(lengths: list[int], first: int, page_chars: int) -> list[int]:
    """The page each item starts on, when every item starts a new page.

    >>> start_pages([100, 5000, 100], first=3, page_chars=2600)
    [3, 4, 6]
    """
    pages = []
    page = first
    for length in lengths:
        pages.append(page)
        page += 1 + length // page_chars
    return pages


def absence_line(item: Item, absent: list[Member], *, parties: bool) -> str | None:
    """``X deltog ikke i behandlingen af punktet.`` for whoever left the room for this item."""
    if not item.absent:
        return None
    names = [party_name(m) if parties else m.name for m in item.absent if m not in absent]
    if not names:
        return None
    return f"{join_names(names)} deltog ikke i behandlingen af punktet."


def case_text(meeting: Meeting, item: Item, prose: Prose) -> list[Block]:
    """The case text of a regular item; the meeting's first case names the municipality."""
    blocks = prose.body(item.budget)
    if item.number == meeting.first_case or prose.rng.random() < 0.3:
        blocks.insert(0, prose.local_paragraph())
    return blocks
