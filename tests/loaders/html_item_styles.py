"""Item styles of web pages of minutes drawn by :mod:`tests.loaders.html_strategies` beside
:mod:`tests.loaders.html_page_parts`: accordions (the item's number and title only in the
button that opens it, its panel open or closed), FirstAgenda's publication (``<li
class="agenda-item">`` with ``<span class="number">`` and ``<span class="title">``), a table of
contents written as a table, the meeting header in a box of its own (``<aside>``), and the
buttons of a site's furniture that open something (a menu toggle, "Åbn alle", a language
switch)."""

from __future__ import annotations

import html
from dataclasses import dataclass

# How an accordion prints an item's number and title:
# - bootstrap: <h2 class="accordion-header"><button class="accordion-button">1. Title</button>
# - spans: a bare <button aria-controls> with the number and the title in spans
# - wrapped: <div class="head"><h2><span><button>1. Title</button></span></h2></div>
ACCORDIONS = ("bootstrap", "spans", "wrapped")
# How a closed panel is hidden: Bootstrap's class alone (the panel names its button),
# the hidden attribute, aria-hidden.
CLOSED_PANELS = ("collapse", "hidden", "aria-hidden")
# How FirstAgenda's publication prints an item's number.
FIRSTAGENDA_NUMBERS = ("{n}.", "{n}", "Punkt {n}")
# Buttons of the site that open something: (drawn name, button).
BUTTONS = {
    "menu-toggle": (
        "<button class='navbar-toggler' type='button' aria-expanded='false' "
        "aria-controls='hovedmenu' aria-label='Åbn menu'>"
        "<span class='navbar-toggler-icon'></span> Menu</button>"
    ),
    "menu-icon": (
        "<button class='navbar-toggler' type='button' aria-expanded='false' "
        "aria-controls='hovedmenu' aria-label='Åbn menu'>"
        "<span class='navbar-toggler-icon'></span></button>"
    ),
    "language": (
        "<div class='language'><button class='lang-switch' type='button' aria-expanded='false' "
        "aria-controls='sprog'>Vælg sprog</button>"
        "<ul id='sprog' hidden><li><a href='/en'>English</a></li>"
        "<li><a href='/de'>Deutsch</a></li></ul></div>"
    ),
    "language-english": (
        "<div class='language'><button class='dropdown-toggle' type='button' "
        "data-bs-toggle='dropdown' aria-expanded='false' aria-controls='sprog'>Language</button>"
        "<ul id='sprog' class='dropdown-menu' hidden><li><a href='/en'>English</a></li>"
        "<li><a href='/de'>Deutsch</a></li></ul></div>"
    ),
}
OPEN_ALL = (
    "<button class='expand-all' type='button' aria-expanded='false' "
    "aria-controls='dagsorden'>Åbn alle</button>",
    "<div class='agenda-tools'><button type='button' class='btn btn-link' "
    "aria-expanded='false'>Fold alle ud</button></div>",
)


def esc(text: str) -> str:
    return html.escape(text, quote=False)


@dataclass(frozen=True, slots=True)
class Accordion:
    """How an accordion prints its items: one way for all of them."""

    style: str  # one of ACCORDIONS
    level: int
    hiding: str  # one of CLOSED_PANELS
    gap: str  # between the number's and the title's spans: " ", or "" (spaced by CSS)


def accordion_item(
    a: Accordion, n: int, body: str, *, line: str, number: str, title: str, open_: bool
) -> str:
    """Item ``n`` as an accordion: ``line`` the number and title as one line ("1. Title"),
    ``number`` and ``title`` apart for the spans style; ``body`` its panel, open or closed."""
    lv = a.level
    expanded = "true" if open_ else "false"
    controls = f"aria-expanded='{expanded}' aria-controls='c{n}'"
    if a.style == "bootstrap":
        collapsed = "" if open_ else " collapsed"
        button = (
            f"<button class='accordion-button{collapsed}' type='button' data-bs-toggle='collapse' "
            f"data-bs-target='#c{n}' {controls}>{esc(line)}</button>"
        )
        head = f"<h{lv} class='accordion-header' id='h{n}'>{button}</h{lv}>"
    elif a.style == "spans":
        head = (
            f"<button class='agenda-toggle' type='button' {controls}><span class='no'>"
            f"{esc(number)}</span>{a.gap}<span class='title'>{esc(title)}</span></button>"
        )
    else:
        button = f"<button type='button' class='toggle' {controls}>{esc(line)}</button>"
        head = f"<div class='agenda-head'><h{lv}><span>{button}</span></h{lv}></div>"
    show = " show" if open_ else ""
    hidden = "" if open_ or a.hiding == "collapse" else f" {a.hiding}"
    if hidden == " aria-hidden":
        hidden = " aria-hidden='true'"
    labelled = f" aria-labelledby='h{n}'" if a.style == "bootstrap" else ""
    panel = (
        f"<div id='c{n}' class='accordion-collapse collapse{show}'{labelled}{hidden}>"
        f"<div class='accordion-body'>\n{body}\n</div></div>"
    )
    return f"<div class='accordion-item'>\n{head}\n{panel}\n</div>"


def firstagenda_item(n: int, number: str, title: str, body: str, *, heading: int, gap: str) -> str:
    """Item ``n`` as FirstAgenda's publication prints it: number and title in spans (in a
    heading, or a header ``<div>`` when ``heading`` is 0), a "Kopier link til punktet"
    button, then the item's content; ``gap`` stands between the spans (" ", or "" when CSS
    spaces them)."""
    spans = f"<span class='number'>{esc(number)}</span>{gap}<span class='title'>{esc(title)}</span>"
    head = f"<h{heading}>{spans}</h{heading}>" if heading else spans
    copy = (
        f"<button type='button' class='copy-link' data-clipboard-text='#punkt-{n}'>"
        "Kopier link til punktet</button>"
    )
    return (
        f"<li class='agenda-item' id='punkt-{n}'>\n<div class='agenda-item__header'>{head}"
        f"{copy}</div>\n<div class='agenda-item__content'>\n{body}\n</div>\n</li>"
    )


def details(n: int, inner: str) -> str:
    """``inner`` (the case number) behind a button of its own, closed."""
    button = (
        f"<button type='button' class='btn-link' aria-expanded='false' aria-controls='d{n}'>"
        "Vis detaljer</button>"
    )
    return f"{button}\n<div id='d{n}' hidden>{inner}</div>"


def toc_table(entries: list[tuple[int | None, str]], pages: list[int], *, head: bool) -> str:
    """The agenda at the top of the page as a table: number | title | page."""
    rows = "".join(
        f"<tr><td>{'' if n is None else f'{n}.'}</td><td><a href='#punkt-{i}'>{esc(t)}</a></td>"
        f"<td>{p}</td></tr>"
        for i, ((n, t), p) in enumerate(zip(entries, pages, strict=True))
    )
    top = "<thead><tr><th>Nr.</th><th>Punkt</th><th>Side</th></tr></thead>" if head else ""
    return f"<h2>Indholdsfortegnelse</h2>\n<table class='toc'>{top}<tbody>{rows}</tbody></table>\n"


def aside_header(header: str, *, labelled: bool) -> str:
    """The meeting header in a box of its own inside the content."""
    title = "<h2>Mødeinformation</h2>\n" if labelled else ""
    return f"<aside class='meeting-info'>\n{title}{header}\n</aside>"


def committee_sidebar(menu: tuple[str, ...]) -> str:
    """The site's list of its committees in a sidebar before the content."""
    links = "".join(
        f"<li><a href='/udvalg/{i}'>{esc(name)}</a></li>" for i, name in enumerate(menu)
    )
    return f"<aside class='col-md-3'><h2>Udvalg</h2><ul>{links}</ul></aside>"
