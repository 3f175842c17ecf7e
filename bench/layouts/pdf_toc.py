"""Text extracted from a PDF with a table of contents and ``Punkt N:`` items (like seed 000).

``REFERAT <committee> d. DD-MM-YYYY``, ``Mødedato``/``Mødested`` lines, dot leaders and page
numbers, a case number line such as ``15.20.00A00-1-22``, section labels alone on their lines,
closed items as ``Lukket: ...``, and a ``Fraværende`` line closing every item.
"""

from __future__ import annotations

from bench.danish import digits
from bench.layouts.blocks import (
    case_text,
    hhmm,
    join_names,
    kle_case,
    long_date,
    render_blocks,
    start_pages,
    town,
)
from bench.meeting import Conventions, Item, Meeting
from bench.prose import Prose

NAME = "pdf-toc"
SUFFIX = ".txt"
RULES = Conventions(
    opening=None, closing=("Meddelelser", "Underskriftside"), closed_items=True, overhead=1400
)
DIRECTORS = (
    "Direktøren for Social/Sundhed og Arbejdsmarked",
    "Direktøren for Arbejdsmarked og Borgerservice",
    "Forvaltningen",
    "Kommunaldirektøren",
)
STRATEGIES = ("Strategi for Beskæftigelse.", "Strategi for Integration.", "Beskæftigelsesplan {y}.")


def render(meeting: Meeting, prose: Prose) -> str:
    rng = prose.rng
    director = rng.choice(DIRECTORS)
    items = ["\n\n".join(_item(meeting, item, prose, director)) for item in meeting.items]
    pages = start_pages([len(t) for t in items], first=3, page_chars=2600)
    toc = []
    for item, page in zip(meeting.items, pages, strict=True):
        title = _title(item)
        toc.append(f"{title}\t{page}" if title.endswith(":") else f"{title}.....\t{page}")
    head = [
        "",
        f"REFERAT {meeting.committee} d. {digits(meeting.date)}",
        f"Mødedato {long_date(meeting.date)} kl. {hhmm(meeting.start)}",
        f"Mødested {meeting.room}, {town(meeting.municipality)} Rådhus",
        "Indholdsfortegnelse",
        "\n".join(toc),
    ]
    return "\n\n".join(head + items) + "\n"


def _title(item: Item) -> str:
    return f"Lukket: {item.title}".rstrip() if item.kind == "closed" else item.title


def _item(meeting: Meeting, item: Item, prose: Prose, director: str) -> list[str]:
    rng = prose.rng
    kle, facet, serial = kle_case(rng, item)
    out = [f"Punkt {item.number}: {_title(item)}", f"{kle}{facet}-{serial}"]
    absent = [m.name for m in meeting.absent]
    if item.kind != "closed":
        if item.kind == "regular":
            out += ["Resume", prose.paragraph(1, 3), "Sagsfremstilling"]
            out += render_blocks(case_text(meeting, item, prose))
            out += ["Sagen afgøres endelig af", meeting.committee + "."]
            out += ["Lovgrundlag", rng.choice(("Lov om aktiv beskæftigelse.", prose.sentence()))]
            if rng.random() < 0.5:
                out += ["Vision, politikker og strategier", prose.fill(rng.choice(STRATEGIES))]
            out += ["Økonomi", "Økonomi og HR har ingen bemærkninger."]
        elif item.title == "Meddelelser":
            out += ["Sagsfremstilling", "- Ingen."]
        out += [f"{director} indstiller,", _recommend(prose, item), "Beslutning", *item.decision]
        left = absent + [m.name for m in item.absent if m.name not in absent]
        if left:
            out.append(f"{join_names(left)} deltog ikke i sagens behandling.")
        if item.attachments:
            out += ["Bilag", *item.attachments]
    if absent:
        out.append("Fraværende " + ", ".join(absent))
    return out


def _recommend(prose: Prose, item: Item) -> str:
    if item.title == "Underskriftside":
        return "- At referatet godkendes."
    lines = prose.recommendations(1, 2)
    return "\n".join(f"- {line[0].upper()}{line[1:]}." for line in lines)
