"""Markdown minutes (like seed 003).

``# REFERAT <committee> d. DD-MM-YYYY``, ``**Mødedato**``/``**Mødested**`` lines, a table of
contents with dot leaders, items as ``# Punkt N:`` or ``## Punkt N:`` (sometimes bold), section
labels as headings of varying depth and weight, case numbers like ``15.00.15-A00-1-18``, an
initials line opening the case text, and numbered lists inside sections.
"""

from __future__ import annotations

from bench.danish import digits
from bench.layouts.blocks import (
    absence_line,
    case_text,
    hhmm,
    kle_case,
    long_date,
    render_blocks,
    start_pages,
)
from bench.meeting import Conventions, Item, Meeting
from bench.prose import Prose

NAME = "markdown"
SUFFIX = ".md"
RULES = Conventions(opening=None, closing=("Meddelelser",), closed_items=False, overhead=700)
INITIALS = ("MH", "SL", "SGH", "AH", "DØN", "KB", "PJ", "LMN")
INDSTILLINGER = (
    "Til drøftelse og orientering.",
    "Status tages til efterretning.",
    "Forslaget indstilles til godkendelse.",
    "Til orientering.",
    "Det indstilles, at udvalget godkender forslaget.",
)


def render(meeting: Meeting, prose: Prose) -> str:
    items = ["\n\n".join(_item(meeting, item, prose)) for item in meeting.items]
    pages = start_pages([len(t) for t in items], first=3, page_chars=2400)
    toc = [f"{i.title}.....\t{p}" for i, p in zip(meeting.items, pages, strict=True)]
    head = [
        "",
        f"# REFERAT {meeting.committee} d. {digits(meeting.date)}",
        f"**Mødedato** {long_date(meeting.date)} kl. {hhmm(meeting.start)}",
        f"**Mødested** {meeting.building}, {meeting.room.lower()}",
    ]
    if meeting.absent:
        head.append("**Fraværende** " + ", ".join(m.name for m in meeting.absent))
    head += ["## **Indholdsfortegnelse**", "\n".join(toc)]
    return "\n\n".join(head + items) + "\n"


def _item(meeting: Meeting, item: Item, prose: Prose) -> list[str]:
    rng = prose.rng
    depth = rng.choice((1, 2, 2))
    title = f"Punkt {item.number}: {item.title}"
    bold_title = rng.random() < 0.3
    out = ["#" * depth + " " + (f"**{title}**" if bold_title else title)]
    kle, facet, serial = kle_case(rng, item, joiner="-")
    out.append(f"{kle}{facet}-{serial}")

    def label(text: str) -> str:
        bold = bold_title or rng.random() < 0.3
        return "#" * (depth + 1) + " " + (f"**{text}**" if bold else text)

    initials = "/".join(rng.sample(INITIALS, rng.randint(2, 3)))
    out += [label("Sagsfremstilling"), f"{initials} - {meeting.prefix}"]
    if item.kind == "regular":
        out += render_blocks(case_text(meeting, item, prose), numbered=rng.random() < 0.5)
    else:
        out += [
            "A. Meddelelser fra formanden/forvaltningen.",
            prose.paragraph(1, 2),
            "B. Orientering om invitationer/mødeindkaldelser.",
        ]
    out += [label("Indstilling"), rng.choice(INDSTILLINGER)]
    left = absence_line(item, meeting.absent, parties=False)
    out += [label("Beslutning"), *item.decision, *([left] if left else [])]
    if item.attachments and rng.random() < 0.5:
        out.append(f"{item.attachments[0]} er vedhæftet som bilag.")
    return out
