"""The parts of a generated web page of minutes, as meeting systems print them: the meeting
header, an item's number and title, its case number, its sections, and the site's furniture
around the minutes. Used by :mod:`tests.loaders.html_strategies`, which draws the choices."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from .html_item_styles import BUTTONS, committee_sidebar

# Footers of the municipality's site: its name and address.
FOOTERS = (
    "Lejre Kommune · Møllebjergvej 4 · 4330 Hvalsø · Tlf. 46 46 46 46",
    "Køge Kommune, Torvet 1, 4600 Køge. Telefon 56 67 67 67",
)
# Where the item's number is printed before its title, as a separate element.
NUMBER_ELEMENTS = ("{n}.", "{n}", "Punkt {n}", "Pkt. {n}")


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def _rows(pairs: list[tuple[str, str]], row: str) -> str:
    return "".join(row.format(label=label, value=esc(value)) for label, value in pairs)


def header(  # noqa: PLR0911 - one return per header style
    style: str, committee: str | None, date: str | None, fields: list[tuple[str, str]]
) -> str:
    """The meeting header in ``style``; ``committee`` and ``date`` None when not printed,
    ``fields`` the other labelled fields (place, time, absences) in their order."""
    named = [("Udvalg", committee)] if committee else []
    dated = [("Mødedato", date)] if date else []
    shown = [*named, *dated, *fields]
    if style == "upper-label-rows":
        shown = [(label.upper(), value) for label, value in shown]
    if style == "paragraphs":
        return "<h1>Referat</h1>\n" + _rows(shown, "<p><strong>{label}:</strong> {value}</p>\n")
    if style == "br-paragraph":
        lines = "<br>\n".join(f"{label}: {esc(value)}" for label, value in shown)
        return f"<h1>Referat</h1>\n<p>{lines}</p>"
    if style == "definitions":
        rows = _rows(shown, "<dt>{label}</dt><dd>{value}</dd>")
        return f"<h1>Referat</h1>\n<dl class='details'>{rows}</dl>"
    if style == "committee-heading":
        heading = f"<h1>{esc(committee)}</h1>\n" if committee else ""
        rows = _rows([*dated, *fields], "<dt>{label}</dt><dd>{value}</dd>")
        return f"{heading}<p class='type'>Referat</p>\n<dl>{rows}</dl>"
    if style == "title-heading":
        words = " ".join(esc(part) for part in (committee, date) if part)
        title = f"Referat fra {words}" if words else "Referat"
        return f"<h1 class='page-title'>{title}</h1>\n" + _rows(
            fields, "<p><strong>{label}:</strong> {value}</p>\n"
        )
    if style == "columns":
        heads = "".join(f"<th>{label}</th>" for label, _ in shown)
        cells = "".join(f"<td>{esc(value)}</td>" for _, value in shown)
        table = f"<table class='meetingheader'><tr>{heads}</tr><tr>{cells}</tr></table>"
        return f"<h1>Referat</h1>\n{table}"
    if style in ("label-rows", "upper-label-rows"):
        rows = _rows(shown, "<tr><th>{label}</th><td>{value}</td></tr>")
        return f"<h1>Referat</h1>\n<table class='meeting-info'><tbody>{rows}</tbody></table>"
    if style == "br-lines":
        lines = [f"<b>{esc(committee)}</b>"] if committee else []
        lines += [f"{label}: {esc(value)}" for label, value in [*dated, *fields]]
        body = "<br>\n".join(lines)
        title = '<font face="Verdana" size="4"><b>Referat</b></font>'
        return f'{title}<br>\n<font size="2">{body}<br>\n</font>'
    raise ValueError(style)


def section(style: str, label: str, text: str, level: int) -> str:
    """A section of an item: its label in ``style``, then its text."""
    if style in ("heading", "decision-heading"):
        return f"<h{level}>{esc(label)}</h{level}>\n<p>{esc(text)}</p>"
    if style == "strong-br":
        return f"<p><strong>{esc(label)}</strong><br>{esc(text)}</p>"
    if style == "strong-colon":
        return f"<p><strong>{esc(label)}:</strong> {esc(text)}</p>"
    if style == "strong-own":
        return f"<p><strong>{esc(label)}</strong></p>\n<p>{esc(text)}</p>"
    if style == "bold-colon":
        return f"<b>{esc(label)}:</b><br>\n{esc(text)}<br>\n<br>"
    raise ValueError(style)


def attachments(names: list[str], level: int, old: bool) -> str:
    """The item's attachments: a list of links under ``Bilag``."""
    if old:
        return "<b>Bilag:</b><br>\n" + "".join(f"<a href='/b'>{esc(n)}</a><br>\n" for n in names)
    links = "".join(f"<li><a href='/bilag/{i}.pdf'>{esc(n)}</a></li>" for i, n in enumerate(names))
    return f"<h{level}>Bilag</h{level}>\n<ul class='attachments'>{links}</ul>"


def case(style: str, value: str, closed: bool) -> str:
    """The item's case number (and, in a definition list, its access)."""
    access = "Lukket sag" if closed else "Åben sag"
    if style == "paragraph":
        return f"<p class='sagsnr'>Sagsnr.: {value}</p>"
    if style == "definitions":
        rows = f"<dt>Sagsnr.</dt><dd>{value}</dd><dt>Adgang</dt><dd>{access}</dd>"
        return f"<dl class='sagsdata'>{rows}</dl>"
    if style == "label-row":
        return f"<table class='punkt-info'><tr><td>Sagsnr.</td><td>{value}</td></tr></table>"
    return ""


@dataclass(frozen=True, slots=True)
class Heading:
    """How an item's number and title are printed."""

    style: str  # in-heading, number-element, number-heading, unnumbered
    text: str  # the heading as one line ("Punkt 3: Budget"), for in-heading
    number_form: str  # one of NUMBER_ELEMENTS
    level: int
    space: str  # between number and title inside the heading: " " or "&nbsp;"
    linked: bool  # the heading's text is a link to the item's own page
    badge: str  # printed after the title in an element of its own ("Lukket punkt")


def numbered(h: Heading, number: int | None, title: str) -> str:
    """An item's number and title (not a number in a table cell: that is the item's layout)."""
    lv = h.level
    if h.style == "unnumbered" or number is None:
        inner = esc(title)
    elif h.style == "in-heading":
        inner = esc(h.text).replace(" ", h.space, 1)
    elif h.style == "number-element":
        nr = h.number_form.format(n=number)
        if h.number_form.startswith("{n}"):
            inner = f"<span class='nr'>{nr}</span><span class='name'>{esc(title)}</span>"
        else:
            return f"<div class='punkt-nummer'>{nr}</div>\n<h{lv}>{esc(title)}</h{lv}>"
    elif h.style == "number-heading":
        nr = h.number_form.format(n=number)
        return f"<h{lv}>{nr}</h{lv}>\n<h{lv + 1}>{esc(title)}</h{lv + 1}>"
    else:
        raise ValueError(h.style)
    if h.linked:
        inner = f"<a href='/punkt/{number}'>{inner}</a>"
    if h.badge:
        inner += f" <span class='badge'>{h.badge}</span>"
    return f"<h{lv}>{inner}</h{lv}>"


@dataclass(frozen=True, slots=True)
class Furniture:
    """The site around the minutes: which parts it has, and what they say."""

    parts: frozenset[str]
    committee: str | None  # as the breadcrumbs print it, if they do
    menu: tuple[str, ...]  # committees in the site's menu or a sidebar
    footer: str
    updated: dt.date
    old: bool  # an old table layout: its footer is a table


def frame(content: str, f: Furniture, toc: str) -> str:
    """The minutes on a site's page: its furniture before and after them."""
    before: list[str] = [button for name, button in BUTTONS.items() if name in f.parts]
    after: list[str] = []
    if "cookie-banner" in f.parts:
        before.append(
            "<div class='cookie-banner'>Vi bruger cookies til statistik. "
            "<a href='/cookies'>Læs mere</a> <a href='#' class='btn'>Accepter</a></div>"
        )
    links = "".join(
        f"<li><a href='/udvalg/{i}'>{esc(name)}</a></li>" for i, name in enumerate(f.menu)
    )
    if "committee-menu" in f.parts:
        before.append(
            f"<nav class='hovedmenu'><ul><li><a href='/'>Forside</a></li>{links}</ul></nav>"
        )
    if "committee-list" in f.parts:
        before.append(f"<div class='udvalg'><h2>Politiske udvalg</h2><ul>{links}</ul></div>")
    if "sidebar-before" in f.parts:
        before.append(committee_sidebar(f.menu))
    if "breadcrumbs" in f.parts:
        crumbs = ["<a href='/'>Forside</a>", "<a href='/politik'>Politik</a>"]
        crumbs += [f"<a href='/udvalg'>{esc(f.committee)}</a>"] if f.committee else []
        before.append(
            "<ol class='breadcrumb'>" + "".join(f"<li>{c}</li>" for c in crumbs) + "</ol>"
        )
    if "print" in f.parts:
        before.append(
            "<div class='tools'><a href='javascript:window.print()'>Udskriv</a> | "
            "<a href='/pdf/1'>Hent som PDF</a></div>"
        )
    if "share" in f.parts:
        after.append(
            "<div class='social-share'><a href='https://www.facebook.com/sharer'>"
            "Del på Facebook</a> <a href='mailto:?subject=Referat'>Del via e-mail</a></div>"
        )
    if "sidebar" in f.parts:
        after.append(f"<aside class='sidebar'><h2>Se også</h2><ul>{links}</ul></aside>")
    if "page-date" in f.parts:
        after.append(f"<div class='node-meta'>Senest opdateret {f.updated:%d.%m.%Y}</div>")
    if "footer" in f.parts:
        address = esc(f.footer)
        after.append(
            f"<table width='640'><tr><td><font size='1'>{address}</font></td></tr></table>"
            if f.old
            else f"<footer class='site-footer'><p>{address}</p></footer>"
        )
    main = content if f.old else f"<main id='main'>\n{toc}{content}\n</main>"
    return "\n".join([*before, main, *after])


def table_of_contents(entries: list[tuple[int | None, str]], numbered_list: bool) -> str:
    """The agenda at the top of the page: a list of links to the items."""
    if numbered_list:
        rows = "".join(
            f"<li><a href='#punkt-{i}'>{esc(t)}</a></li>" for i, (_, t) in enumerate(entries)
        )
        return f"<h2>Dagsorden</h2>\n<ol>{rows}</ol>\n"
    rows = "".join(
        f"<li><a href='#punkt-{i}'>{'' if n is None else f'{n}. '}{esc(t)}</a></li>"
        for i, (n, t) in enumerate(entries)
    )
    return f"<h2>Dagsorden</h2>\n<ul class='toc'>{rows}</ul>\n"


def document(body: str, title: str, charset: str) -> str:
    """The whole page: its head (the charset as the page states it, if it does) and body."""
    head = {
        "utf-8": '<meta charset="utf-8">',
        "windows-1252": (
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        ),
        "windows-1252-unstated": "",
        "entities": "",
    }[charset]
    return (
        f"<!DOCTYPE html>\n<html lang='da'>\n<head>\n{head}\n<title>{title}</title>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
