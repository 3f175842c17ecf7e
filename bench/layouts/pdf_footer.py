"""Text extracted from a PDF with page footers repeated mid-text (like seed 004).

A header block (``Sted``, ``Dato``, ``Start kl.``, ``Slut kl.``), members as ``Name (Party)
(Role)``, items as ``N. JA - <title>``, case numbers ``00.22.04.G01`` + ``19/11679``,
``Beslutning <committee> den DD-MM-YYYY`` lines, ``Afbud:`` blocks, and a footer
``<Municipality> Kommune <Committee>\\tDD-MM-YYYY\\tSide N`` wherever a page breaks.
"""

from __future__ import annotations

import datetime as dt

from bench.danish import digits
from bench.layouts.blocks import (
    absence_line,
    case_text,
    hhmm,
    kle_case,
    long_date,
    party_name,
    render_blocks,
    town,
)
from bench.meeting import Conventions, Item, Meeting
from bench.prose import Prose

NAME = "pdf-footer"
SUFFIX = ".txt"
RULES = Conventions(
    opening="Godkendelse af dagsorden",
    closing=("Eventuelt",),
    closed_items=False,
    overhead=2000,
    shared_items=True,
)
PAGE_CHARS = 1700
RULE = "--\t------------\t--------"


def render(meeting: Meeting, prose: Prose) -> str:
    rng = prose.rng
    footer = f"{meeting.kommune} {meeting.committee}\t{digits(meeting.date)}"
    body: list[str] = []
    pages: list[int] = []
    page, used = 1, 0
    for item in meeting.items:
        for index, paragraph in enumerate(_item(meeting, item, prose)):
            if used > PAGE_CHARS:
                page, used = page + 1, 0
                body.append(f"{footer}\tSide {page}\n{RULE}")
            if index == 0:
                pages.append(page)
            body.append(paragraph)
            used += len(paragraph) + 2
    toc = []
    for item, start in zip(meeting.items, pages, strict=True):
        leader = "....." if rng.random() < 0.1 else ""
        toc.append(f"{_heading(meeting, item)}{leader}\t{start}")
    members = [f"{party_name(m)} ({m.role})" for m in meeting.members]
    members.append(f"{meeting.secretary.name} (Sekretær)")
    head = [
        "\n\n",
        meeting.committee,
        "REFERAT",
        f"Sted: {meeting.room}, {meeting.street}, {meeting.postcode}, {town(meeting.municipality)}",
        f"Dato: {long_date(meeting.date, article='den', pad=False)}",
        f"Start kl.: {hhmm(meeting.start)}",
        f"Slut kl.: {hhmm(meeting.end)}",
        "Medlemmer: " + "\n".join(members),
    ]
    if meeting.absent:
        head.append("Fraværende: " + ", ".join(party_name(m) for m in meeting.absent))
    head += ["Indholdsfortegnelse", "\n".join(toc)]
    return "\n\n".join(head + body) + "\n"


def _heading(meeting: Meeting, item: Item) -> str:
    prefix = item.shared_with[1] if item.shared_with else meeting.prefix
    return f"{item.number}. {prefix} - {item.title}"


def _item(meeting: Meeting, item: Item, prose: Prose) -> list[str]:
    rng = prose.rng
    out = [_heading(meeting, item)]
    regular = item.kind == "regular"
    if regular:
        kle, facet, _ = kle_case(rng, item, joiner=".")
        out += [f"{kle}{facet}", f"{item.case_year % 100:02d}/{rng.randint(10000, 19999)}"]
    out.append("Åben sag")
    deciders = [meeting.committee]
    if regular:
        out += ["Resumé", prose.paragraph(1, 4)]
        out += ["Indstilling", "Direktionen indstiller:"]
        out.append("\n".join(f"{n}. {r}" for n, r in enumerate(prose.recommendations(), 1)))
        if item.shared_with:
            deciders.insert(0, item.shared_with[0])
        out += ["Beslutningskompetence", *deciders]
    for decider in deciders:
        day = meeting.date - dt.timedelta(days=0 if decider == meeting.committee else 1)
        out += [f"Beslutning {decider} den {digits(day)}", *item.decision]
        left = absence_line(item, meeting.absent, parties=True)
        if left and decider == meeting.committee:
            out.append(left)
        if meeting.absent:
            out += ["Afbud:", "\n".join(party_name(m) for m in meeting.absent)]
    if regular:
        out.append("Sagsfremstilling")
        out += render_blocks(case_text(meeting, item, prose))
        if item.attachments:
            out += ["Bilag:", *_attachments(item, prose)]
        out += ["Udtalelser", "Ingen", "Administrationens vurdering", prose.paragraph(1, 2)]
        out += ["Handicappolitik", prose.sentence()]
        out += ["Økonomi og finansiering", rng.choice(("Ingen", prose.sentence()))]
    return out


def _attachments(item: Item, prose: Prose) -> list[str]:
    """One attachment on lines of its own; several as the table the PDF text makes of them."""
    year = item.case_year % 100
    numbers = [f"{prose.rng.randint(1000, 199999)}/{year:02d}" for _ in item.attachments]
    if len(item.attachments) == 1:
        return [f"1 Åben {item.attachments[0]}", numbers[0]]
    rows = [
        f"| {n} Åben {title} | {number} |"
        for n, (title, number) in enumerate(zip(item.attachments, numbers, strict=True), start=1)
    ]
    return ["\n".join(["- | | |", "|---|----------|", *rows])]
