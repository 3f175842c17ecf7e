"""Markdown with stray HTML (like seed 002).

``# **REFERAT <committee> - 2022-2025 d. DD-MM-YYYY**``, header lines with ``<b>`` labels and a
tab, items as ``## **Punkt N: JAI - <title>**`` (now and then ``# Punkt N: ...`` without bold),
bold section headings one level down, tables as tab-separated lines and as ``<p>`` cells, and a
``Sagens forløb`` section recording earlier treatment by other committees.
"""

from __future__ import annotations

import datetime as dt

from bench import vocabulary as v
from bench.danish import digits, election_period
from bench.layouts.blocks import (
    absence_line,
    case_text,
    hhmm,
    long_date,
    render_blocks,
    serial_case,
    start_pages,
    town,
)
from bench.meeting import Conventions, Item, Meeting
from bench.prose import Prose

NAME = "markdown-html"
SUFFIX = ".md"
RULES = Conventions(
    opening="Godkendelse af dagsorden",
    closing=("Eventuelt", "Godkendelse af referat"),
    closed_items=False,
    overhead=1600,
)


def render(meeting: Meeting, prose: Prose) -> str:
    period = election_period(meeting.date)
    items = ["\n\n".join(_item(meeting, item, prose, period)) for item in meeting.items]
    pages = start_pages([len(t) for t in items], first=3, page_chars=2600)
    toc = [
        f"{meeting.prefix} - {item.title}.....\t{page}"
        for item, page in zip(meeting.items, pages, strict=True)
    ]
    place = f"Rådhuset i {town(meeting.municipality)}, {meeting.street} - {meeting.room}"
    header = [
        f"<b>Mødedato</b>\t{long_date(meeting.date)} kl. {hhmm(meeting.start)}",
        f"<b>Mødested</b>\t{place}",
        "<b>Mødedeltagere</b>\t" + ", ".join(m.name for m in meeting.members),
    ]
    if meeting.absent:
        header.append("<b>Afbud</b>\t" + ", ".join(m.name for m in meeting.absent))
    head = [
        "",
        f"# **REFERAT {meeting.committee} - {period} d. {digits(meeting.date)}**",
        "\n".join(header),
        "## Indholdsfortegnelse",
        "\n".join(toc),
    ]
    return "\n\n".join(head + items) + "\n"


def _item(meeting: Meeting, item: Item, prose: Prose, period: str) -> list[str]:
    rng = prose.rng
    plain = rng.random() < 0.3
    title = f"Punkt {item.number}: {meeting.prefix} - {item.title}"
    if plain:
        out = [f"# {title}"]

        def label(text: str) -> str:
            return f"## {text}"
    else:
        out = [f"## **{title}**"]

        def label(text: str) -> str:
            return f"### **{text}**"

    if item.title == "Godkendelse af referat":
        return out
    if item.kind == "regular":
        out.append(
            serial_case(rng, item) if rng.random() < 0.9 else f"21-{rng.randint(1000, 9999)}A"
        )
    decision = item.decision if item.kind != "closing" else ["Intet til dette punkt"]
    left = absence_line(item, meeting.absent, parties=False)
    out += [label("Beslutning"), *decision, *([left] if left else [])]
    if item.kind != "regular":
        return out
    out += [label("Resumé"), prose.paragraph(1, 3)]
    recommendations = prose.recommendations(1, 2)
    out += [label("Indstilling"), "Direktionen indstiller:"]
    out.append("\n".join(f"{n}. {r}." for n, r in enumerate(recommendations, start=1)))
    out += [label("Beslutningskompetence"), meeting.committee]
    out.append(label("Sagsfremstilling"))
    blocks = render_blocks(case_text(meeting, item, prose))
    if rng.random() < 0.35:
        blocks.insert(rng.randint(1, len(blocks)), _table(prose))
    out += blocks
    if rng.random() < 0.5:
        out += ["## **Administrationens vurdering**", prose.paragraph(1, 3)]
    if item.attachments:
        out += [label("Bilag"), *item.attachments]
    if rng.random() < 0.2:
        out += [label("Sagens forløb"), *_history(meeting, prose, period)]
    return out


def _table(prose: Prose) -> str:
    """A status table: tab-separated cells, the later rows wrapped in ``<p>`` as exported."""
    rng = prose.rng
    rows = ["Målsætning\tStatus for perioden"]
    for n in range(rng.randint(2, 4)):
        goal, status = prose.sentence(), prose.sentence()
        rows.append(f"<p>{goal}</p>\t<p>{status}</p>" if n else f"{goal}\t{status}")
    return "\n".join(rows)


def _history(meeting: Meeting, prose: Prose, period: str) -> list[str]:
    out = []
    rng = prose.rng
    for other, _ in rng.sample(v.OTHER_COMMITTEES, rng.randint(1, 2)):
        day = meeting.date - dt.timedelta(days=rng.randint(1, 6))
        outcome = rng.choice(("Beslutning ikke frigivet", "Taget til efterretning", "Anbefalet"))
        out += [f"{digits(day)} {other} - {period}", outcome]
    return out
