"""Text of a minutes web page (like seed 001).

The date and place first, then the committee, a ``Deltagere`` bullet list, items as
``N: <title>`` after a ``Kopier link til punktet  -   Print`` line, ``Sagsnr:`` lines, the glued
label ``BilagBeslutning`` where the attachment links were, price tables flattened to one cell
per line. The municipality is named only inside the case texts.
"""

from __future__ import annotations

from bench.danish import month
from bench.layouts.blocks import absence_line, case_text, hhmm, render_blocks, serial_case
from bench.meeting import Conventions, Item, Meeting
from bench.prose import Prose

NAME = "web"
SUFFIX = ".txt"
RULES = Conventions(
    opening="Godkendelse af dagsorden",
    closing=("Gensidig orientering", "Underskriftsside"),
    closed_items=False,
    overhead=1000,
)
BULLET = "  • "
LINK = "Kopier link til punktet  -   Print"
ASKS = (
    "tager punktet til orientering",
    "godkender, at {p} fortsætter året ud",
    "drøfter og tager stilling til sagen",
    "godkender handleplanen for beskæftigelsesområdet",
    "på mødet i {m} behandler et punkt om fortsættelse af {p}",
    "anbefaler sagen over for Økonomiudvalget",
)
OFFERS = ("Job-bro", "Unge på Broen", "Klar til start", "KLAPjob", "Projekt PLUS", "Genstart")


def render(meeting: Meeting, prose: Prose) -> str:
    day = meeting.date
    head = [
        f"Referat: {day.day}. {month(day)} {day.year} kl. {hhmm(meeting.start)}",
        f"{meeting.room}, {meeting.building}, {meeting.street}\n{meeting.committee}",
        "Deltagere",
        "\n".join(BULLET + m.name for m in meeting.members),
    ]
    if meeting.absent:
        head += ["Fraværende", "\n".join(BULLET + m.name for m in meeting.absent)]
    body: list[str] = []
    regular = [item.number for item in meeting.items if item.kind == "regular"]
    table = prose.rng.choice(regular) if prose.rng.random() < 0.4 else None  # once at most
    for item in meeting.items:
        body += [LINK, *_item(meeting, item, prose, table=item.number == table)]
    return "\n\n".join(head + body) + "\n"


def _item(meeting: Meeting, item: Item, prose: Prose, *, table: bool) -> list[str]:
    rng = prose.rng
    out = [f"{item.number}: {item.title}"]
    if item.kind != "regular":
        out.append("Sagsnr:" if rng.random() < 0.7 else f"Sagsnr: {serial_case(rng, item)}")
        if item.title == "Underskriftsside":
            return [*out, "Bilag", "Ingen bilag.", "Kontaktoplysninger"]
        if item.kind == "closing":
            out += ["Sagsfremstilling", "Herunder:", BULLET + "Orientering om Borgerservice"]
        return [*out, "Bilag", "Ingen bilag.", "Beslutning", *_decision(meeting, item)]
    out += [f"Sagsnr: {serial_case(rng, item)}", "Sagsfremstilling"]
    out += render_blocks(case_text(meeting, item, prose), bullet=BULLET)
    out += [
        "Lovgrundlag og juridisk vurdering",
        rng.choice(("Ingen bemærkninger.", prose.sentence())),
    ]
    out += ["Økonomi", rng.choice(("Ingen bemærkninger.", prose.sentence()))]
    if table:
        out += _price_table(prose)
    out += ["Effektvurdering", rng.choice(("Ingen bemærkninger.", prose.paragraph(1, 3)))]
    recommendation = f"Administrationen indstiller, at {meeting.committee}"
    lines = [prose.fill(a, capital=False) for a in rng.sample(ASKS, rng.randint(1, 3))]
    if len(lines) == 1:
        out += ["Indstilling", f"{recommendation} {lines[0]}."]
    else:
        out += ["Indstilling", recommendation, "\n".join(BULLET + line for line in lines)]
    if item.attachments:
        out.append("BilagBeslutning")  # the attachment links vanished with the markup
    else:
        out += ["Bilag", "Ingen bilag.", "Beslutning"]
    return out + _decision(meeting, item)


def _decision(meeting: Meeting, item: Item) -> list[str]:
    left = absence_line(item, meeting.absent, parties=False)
    return item.decision + ([left] if left else [])


def _price_table(prose: Prose) -> list[str]:
    """A table of offers and prices, one cell per line as the page text has it."""
    rng = prose.rng
    cells = ["Oversigt over prisen for de typiske tilbud:", "Tilbud", "Pris pr. uge", "Pris pr. år"]
    for offer in rng.sample(OFFERS, rng.randint(3, 6)):
        week = rng.randint(900, 4000)
        cells += [offer, f"{week:,}".replace(",", "."), f"{week * 52:,}".replace(",", ".")]
    return [*cells, "\n\n \n\n "]
