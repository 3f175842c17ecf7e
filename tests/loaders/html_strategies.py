"""Hypothesis strategies that print generated minutes as the web pages of Danish meeting systems.

The words, dates, committees, titles and decisions are those of
:mod:`tests.loaders.minutes_strategies`, and so is the truth (:class:`GeneratedMinutes`, its
``text`` the page's HTML). The layouts are drawn at random:

- ``headings``: a heading per item (``<h2>``/``<h3>``), sections under ``<h3>``/``<h4>`` or
  ``<strong>`` labels, the header as labelled paragraphs, a definition list, the committee as
  the page's ``<h1>``, or the page title naming committee and date (CMS pages, FirstAgenda);
- ``agendaitem``: the header in a table (a row of labels above a row of values, or
  ``label | value`` rows) and every item in a ``<div class="agendaitem">`` (eDoc, Prepare);
- ``definitions``: an item's case number and access in a definition list
  (``<dt>Sagsnr.</dt><dd>...</dd><dt>Adgang</dt><dd>Åben sag</dd>``, SBSYS);
- ``old-table``: an old archive laid out in tables, ``<br>`` between lines, ``<font>`` and
  ``<b>`` markup, in windows-1252 with or without a ``<meta>`` that says so, or in ASCII with
  entities (``&oslash;``) (``styles["charset"]``; :func:`page_bytes` encodes the page);
- ``accordion``: the item's number and title only in the button that opens it (Bootstrap's
  ``accordion-button`` in an ``<h2>``, a bare button with spans, a button in a heading in a
  wrapper), its panel open or closed (``collapse``, ``hidden``, ``aria-hidden``), some panels
  one line long (``Beslutning: Intet.``);
- ``firstagenda``: FirstAgenda's publication, items in ``<li class="agenda-item">`` of an
  ``<ol>`` or ``<ul>`` with the number and title in ``<span class="number">`` and ``<span
  class="title">``, and a "Kopier link til punktet" button per item
  (:mod:`tests.loaders.html_item_styles`).

Around them, drawn at random: page furniture (cookie banner, a menu, sidebar or list of the
site's committees before or after the content, breadcrumbs, "Til toppen", "Udskriv", share
links, the municipality's footer, the page's own date, buttons that open a menu, a language
list or all items), the meeting header in an ``<aside>`` inside ``<main>`` or an ``<article>``,
a table of contents (a list, or a table: number | title | page), attachments, and dates that
are not the meeting's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from html.entities import codepoint2name

from hypothesis import strategies as st

from .html_item_styles import (
    ACCORDIONS,
    BUTTONS,
    CLOSED_PANELS,
    FIRSTAGENDA_NUMBERS,
    OPEN_ALL,
    Accordion,
    accordion_item,
    aside_header,
    details,
    firstagenda_item,
    toc_table,
)
from .html_page_parts import (
    FOOTERS,
    NUMBER_ELEMENTS,
    Furniture,
    Heading,
    attachments,
    case,
    document,
    esc,
    frame,
    header,
    numbered,
    section,
    table_of_contents,
)
from .minutes_strategies import (
    CLOSED,
    COMMITTEES,
    DATE_STYLES,
    DECISIONS,
    ELECTION_PERIODS,
    HEADINGS,
    PLACES,
    SECTION_LABELS,
    SENTENCES,
    TITLE_DATE_STYLES,
    GeneratedMinutes,
    TruthItem,
    titles,
)

LAYOUTS = ("headings", "agendaitem", "definitions", "old-table", "accordion", "firstagenda")
# How each layout may print the meeting header.
HEADERS = {
    "headings": ("paragraphs", "br-paragraph", "definitions", "committee-heading", "title-heading"),
    "agendaitem": ("columns", "label-rows", "upper-label-rows"),
    "definitions": ("paragraphs", "definitions", "label-rows"),
    "old-table": ("br-lines",),
    "accordion": ("paragraphs", "br-paragraph", "definitions", "title-heading"),
    "firstagenda": ("paragraphs", "definitions", "committee-heading", "title-heading"),
}
# How each layout may print an item's number with its title.
ITEM_NUMBERS = {
    "headings": ("in-heading", "number-element", "number-heading"),
    "agendaitem": ("number-cell", "number-element", "in-heading"),
    "definitions": ("in-heading", "number-element", "unnumbered"),
    "old-table": ("number-cell",),
    "accordion": ACCORDIONS,
    "firstagenda": ("spans-heading", "spans-div"),
}
# How each layout may print a section's label.
SECTION_STYLES = {
    "headings": ("heading", "strong-br", "strong-colon", "strong-own", "decision-heading"),
    "agendaitem": ("heading", "strong-br"),
    "definitions": ("heading", "strong-br", "strong-colon"),
    "old-table": ("bold-colon",),
    "accordion": ("heading", "strong-colon", "strong-br"),
    "firstagenda": ("heading", "strong-own", "strong-colon"),
}
# The item headings of minutes_strategies that a web page prints on one line.
ONE_LINE_HEADINGS = ("punkt", "dot", "colon", "paren", "pkt", "sag-nr")
FURNITURE = (
    "cookie-banner",
    "committee-menu",
    "sidebar",
    "committee-list",
    "breadcrumbs",
    "to-top",
    "print",
    "share",
    "footer",
    "page-date",
    "sidebar-before",
    "open-all",
    *BUTTONS,
)
# Where the meeting header stands: at the top of the content, or in a box of its own (<aside>)
# before the items inside <main> or an <article>. Not drawn: the box after the items (a right
# column printed last), whose header runs on into the last item's decision (at 400 examples,
# 23 of the pages so drawn); nothing in the text tells where the decision ends.
HEADER_PLACES = ("top", "aside-main", "aside-article")
EXTRAS = ("in-text", "earlier-meeting", "published", "toc", "attachments", "absences", "times")
EXTRAS += ("details",)  # the case number behind a "Vis detaljer" button (accordion, firstagenda)
CASE_VALUES = ("20/1234", "00.15.00G00-1-19", "19/11679", "01.02.05P20", "2023-001204")
CASE_STYLES = ("none", "paragraph", "definitions", "label-row")
# "entities": every letter beyond ASCII written as an entity (&oslash;), as old editors did.
CHARSETS = ("utf-8", "windows-1252", "windows-1252-unstated", "entities")
ATTACHMENTS = ("Notat om sagen", "Bilag 1: Oversigt", "Høringssvar fra 12. marts 2020", "Kort")
ABSENCES = ("Lis Holm (A)", "Kurt Bak (O)")
TO_TOP = "<p class='totop'><a href='#top'>Til toppen</a></p>"
OLD_TO_TOP = "<a href='#top'><font size='1'>Til toppen</font></a>"


def _other_date(draw: st.DrawFn, meeting: dt.date) -> dt.date:
    offset = draw(st.integers(1, 400))
    return meeting + dt.timedelta(days=offset if draw(st.booleans()) else -offset)


def _text(draw: st.DrawFn, label: str, extras: set[str], meeting: dt.date) -> str:
    """A section's text, with dates that are not the meeting's if drawn."""
    text = " ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3)))
    if label == "Sagsfremstilling" and "in-text" in extras:
        other = DATE_STYLES["long"](_other_date(draw, meeting), dt.time(0))
        text += f" Byrådet besluttede den {other} at igangsætte arbejdet."
    if label == "Sagsfremstilling" and "earlier-meeting" in extras:
        text += (
            f" Sagen blev behandlet i Økonomiudvalget den {_other_date(draw, meeting):%d-%m-%Y}."
        )
    return text


@st.composite
def _headings(draw: st.DrawFn, style: str) -> Heading:
    """How the page prints its items' headings: one way for all of them (``text`` the form)."""
    return Heading(
        style=style,
        text=HEADINGS[draw(st.sampled_from(ONE_LINE_HEADINGS))],
        number_form=draw(st.sampled_from(NUMBER_ELEMENTS)),
        level=draw(st.sampled_from((2, 3))),
        space=draw(st.sampled_from((" ", " ", "&nbsp;"))),
        linked=draw(st.booleans()),
        badge="",
    )


@st.composite
def pages(
    draw: st.DrawFn, *, layouts: tuple[str, ...] = LAYOUTS, unnumbered: bool = True
) -> GeneratedMinutes:
    """A web page of minutes in a random layout, with its truth; ``unnumbered`` False prints
    a number with every item."""
    layout = draw(st.sampled_from(layouts))
    old = layout == "old-table"
    meeting = draw(st.dates(dt.date(2006, 1, 1), dt.date(2025, 12, 31)))
    time = draw(st.sampled_from([dt.time(8, 15), dt.time(13, 0), dt.time(16, 30)]))
    committee = draw(st.sampled_from(COMMITTEES))
    printed_committee = committee + draw(st.sampled_from(ELECTION_PERIODS))
    header_style = draw(st.sampled_from(HEADERS[layout]))
    date_styles = TITLE_DATE_STYLES if header_style == "title-heading" else tuple(DATE_STYLES)
    date_style = draw(st.sampled_from(date_styles))
    named = draw(st.booleans()) or draw(st.booleans())
    dated = draw(st.booleans()) or draw(st.booleans())
    numbers = draw(
        st.sampled_from([n for n in ITEM_NUMBERS[layout] if unnumbered or n != "unnumbered"])
    )
    if numbers == "unnumbered":
        # Headings without numbers are items only under a meeting header (the loader refuses
        # a page of bare headings as not minutes, rightly: so is a news page).
        named = dated = True
    section_style = draw(st.sampled_from(SECTION_STYLES[layout]))
    case_style = "definitions" if layout == "definitions" else draw(st.sampled_from(CASE_STYLES))
    parts = frozenset(draw(st.lists(st.sampled_from(FURNITURE), unique=True)))
    extras = set(draw(st.lists(st.sampled_from(EXTRAS), unique=True)))
    container = draw(st.sampled_from(("div", "article", "details", "none")))
    charset = draw(st.sampled_from(CHARSETS)) if old else "utf-8"
    place = "top" if old else draw(st.sampled_from(HEADER_PLACES))
    accordion = Accordion(
        numbers,
        draw(st.sampled_from((2, 3))),
        draw(st.sampled_from(CLOSED_PANELS)),
        draw(st.sampled_from((" ", ""))),
    )
    styles = {
        "layout": layout,
        "header": header_style,
        "date_style": date_style,
        "named": str(named),
        "dated": str(dated),
        "numbers": numbers,
        "sections": section_style,
        "case": case_style,
        "container": container,
        "charset": charset,
        "place": place,
        "hiding": accordion.hiding,
        "gap": repr(accordion.gap),
    } | dict.fromkeys(sorted(parts | extras), "yes")

    date_text = DATE_STYLES[date_style](meeting, time)
    fields = [("Mødested", draw(st.sampled_from(PLACES)))]
    if "times" in extras:
        fields += [("Starttidspunkt", f"{time:%H:%M}"), ("Sluttidspunkt", "18:00")]
    if "absences" in extras:
        absent = draw(st.lists(st.sampled_from(ABSENCES), min_size=1, unique=True))
        fields.append(("Afbud", ", ".join(absent)))
    shown_committee = printed_committee if named else None
    top = header(header_style, shown_committee, date_text if dated else None, fields)
    if place != "top":
        top = aside_header(top, labelled=draw(st.booleans()))
    if "published" in extras:
        published = _other_date(draw, meeting)
        top = f"<p class='published'>Offentliggjort {published:%d-%m-%Y}</p>\n{top}"

    headings = draw(_headings(numbers))
    number_form = draw(st.sampled_from(FIRSTAGENDA_NUMBERS))  # one per page, as headings
    badges = draw(st.booleans())  # a closed item's access printed apart, after its title
    first = draw(st.sampled_from([1, 1, 1, 23, 117]))
    items: list[TruthItem] = []
    blocks: list[str] = []
    for n in range(first, first + draw(st.integers(1, 5))):
        printed_title = draw(titles())
        closed = printed_title.startswith(CLOSED)
        title = printed_title.removeprefix(CLOSED)
        short = ("Intet.",) if layout == "accordion" else ()  # a panel of one line
        decision = draw(st.sampled_from(DECISIONS + short))
        number = None if numbers == "unnumbered" else n
        items.append(TruthItem(number, title, decision))
        h = replace(
            headings,
            text=headings.text.format(n=n, t=title if closed and badges else printed_title),
            badge="Lukket punkt" if closed and badges else "",
        )
        if number is None or h.badge:
            printed_title = title  # the access is printed apart from the title
        sections = [
            (label, _text(draw, label, extras, meeting))
            for label in draw(st.lists(st.sampled_from(SECTION_LABELS), unique=True, max_size=3))
        ]
        decision_label = "Beslutning"
        if section_style == "decision-heading":
            decision_label = f"Beslutning i {committee} den {meeting:%d-%m-%Y}"
        sections.append((decision_label, decision))
        case_number = draw(st.sampled_from(CASE_VALUES))
        names = draw(st.lists(st.sampled_from(ATTACHMENTS), min_size=1, max_size=2, unique=True))
        bilag = attachments(names, h.level + 1, old) if "attachments" in extras else ""
        if old:
            lines = [f"<b>{esc(printed_title)}</b><br>"]
            lines += [f"J.nr.: {case_number}<br>", "<br>"] if case_style != "none" else ["<br>"]
            lines += [section("bold-colon", label, text, 0) for label, text in sections]
            lines += [bilag, OLD_TO_TOP if "to-top" in parts else ""]
            cells = "\n".join(lines)
            blocks.append(
                f"<tr><td valign='top' width='40'><font size='2'><b>{n}.</b></font></td>\n"
                f"<td valign='top'><font size='2'>{cells}</font></td></tr>"
            )
            continue
        body = "\n".join(
            section(section_style, label, text, h.level + 1) for label, text in sections
        )
        if layout in ("accordion", "firstagenda"):
            case_block = case(case_style, case_number, closed)
            if case_block and "details" in extras:
                case_block = details(n, case_block)
            panel = f"{case_block}\n{body}\n{bilag}"
            if layout == "accordion":
                number_text = headings.number_form.format(n=n)
                blocks.append(
                    accordion_item(
                        accordion,
                        n,
                        panel,
                        line=h.text,
                        number=number_text,
                        title=printed_title,
                        open_=draw(st.booleans()),
                    )
                )
            else:
                number_text = number_form.format(n=n)
                level = h.level if numbers == "spans-heading" else 0
                blocks.append(
                    firstagenda_item(
                        n, number_text, printed_title, panel, heading=level, gap=accordion.gap
                    )
                )
            continue
        if numbers == "number-cell":
            case_row = (
                "" if case_style == "none" else f"<tr><td></td><td>Sagsnr.: {case_number}</td></tr>"
            )
            cells = f"<td class='itemno'>{n}.</td><td class='itemtitle'>{esc(printed_title)}</td>"
            head = f"<table class='agendaitem'><tr>{cells}</tr>{case_row}</table>"
        else:
            head = numbered(h, number, printed_title) + "\n" + case(case_style, case_number, closed)
        block = f"{head}\n{body}\n{bilag}\n{TO_TOP if 'to-top' in parts else ''}"
        if container == "details" and numbers != "number-cell":
            block = f"<details open>\n<summary>{head}</summary>\n{body}\n{bilag}\n</details>"
        elif container != "none" or layout == "agendaitem":
            tag = "article" if container == "article" else "div"
            block = f"<{tag} class='agendaitem' id='punkt-{n}'>\n{block}\n</{tag}>"
        blocks.append(block)

    if old:
        content = (
            "<table width='640' border='0' cellspacing='0' cellpadding='2'>\n"
            f"<tr><td colspan='2'>{top}</td></tr>\n"
            "<tr><td colspan='2'><hr size='1' noshade></td></tr>\n"
            + "\n".join(blocks)
            + "\n</table>"
        )
    else:
        items_html = "\n\n".join(blocks)
        if layout == "accordion":
            items_html = f"<div class='accordion' id='dagsorden'>\n{items_html}\n</div>"
        elif layout == "firstagenda":
            listed = draw(st.sampled_from(("ol", "ul")))  # the list's markers hidden by CSS
            items_html = f"<{listed} class='agenda-items'>\n{items_html}\n</{listed}>"
        if "open-all" in parts:
            items_html = draw(st.sampled_from(OPEN_ALL)) + "\n" + items_html
        content = f"{top}\n{items_html}"
        if place == "aside-article":
            content = f"<article class='meeting'>\n{content}\n</article>"
    entries = [(i.number, i.title) for i in items]
    toc = ""
    if "toc" in extras and draw(st.booleans()):
        pages = sorted(
            draw(st.lists(st.integers(2, 40), min_size=len(entries), max_size=len(entries)))
        )
        toc = toc_table(entries, pages, head=draw(st.booleans()))
    elif "toc" in extras:
        toc = table_of_contents(entries, draw(st.booleans()))
    menu = tuple(draw(st.lists(st.sampled_from(COMMITTEES), min_size=2, max_size=5, unique=True)))
    site = Furniture(
        parts=parts,
        committee=shown_committee,
        menu=menu,
        footer=draw(st.sampled_from(FOOTERS)),
        updated=meeting + dt.timedelta(days=draw(st.integers(1, 30))),
        old=old,
    )
    page_title = "Referat"
    if named and dated:
        page_title = f"Referat - {esc(printed_committee)} - {esc(date_text)}"
    decided = section_style == "decision-heading"  # names committee and date
    return GeneratedMinutes(
        text=document(frame(content, site, toc), page_title, charset),
        date=meeting if dated or decided else None,
        committee=committee if named or decided else None,
        items=tuple(items),
        styles=styles,
    )


def page_bytes(generated: GeneratedMinutes) -> bytes:
    """The page as served: in the charset the layout was drawn with."""
    charset = generated.styles["charset"]
    if charset == "entities":
        text = generated.text
        return "".join(
            c if c.isascii() else f"&{codepoint2name.get(ord(c), f'#{ord(c)}')};" for c in text
        ).encode("ascii")
    return generated.text.encode(charset.removesuffix("-unstated"))
