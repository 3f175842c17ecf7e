"""Blocks for :mod:`tests.loaders.pdf_fixtures` from minutes text, and from the small markup
the PDF layout fixtures (``tests/loaders/pdf_layouts/*.txt``) are written in.

``blocks_from_minutes`` sets a minutes text (a sample, or one from
:mod:`tests.loaders.minutes_strategies`) as an exported PDF would show it: markdown and HTML
markup become fonts, item headings (the lines that print a given item's number and title) bold
and large, section labels bold, a table of contents a title column and a page-number column,
tab-separated lines a ruled table, and the page footers an earlier text extraction left in the
text (``... Side 2``) are dropped: the PDF prints its own on every page.

The markup of the layout fixtures, one block per line:

==================  =========================================================================
``%header TEXT``    the running header; ``%logo TEXT`` the footer's left side; ``%title``,
                    ``%producer``, ``%creator`` the metadata; ``%created ISO`` the creation
                    date; ``%margin MM``, ``%mirrored yes``, ``%page_in_header yes`` the
                    layout variants of :class:`~tests.loaders.pdf_fixtures.Furniture`
``# TEXT``          the document's title line
``## KEY | TEXT``   an item heading (its page recorded under KEY); ``### TEXT`` a section label
``- TEXT``          a list entry (indented, set as printed with its dash)
``| A | B |``       a table row (consecutive rows make one table, the first row bold)
``@toc``            a table of contents of the item headings, pages from where they landed
``@columns``        the lines up to ``@end`` set in two columns
``@page``           a page break
``@filler N SEED``  N paragraphs of case text made from fixed sentences (deterministic)
``TEXT``            a paragraph; a blank line or ``%`` comment line is nothing
==================  =========================================================================
"""

from __future__ import annotations

import datetime as dt
import html
import random
import re
from collections.abc import Sequence

from .pdf_fixtures import (
    Block,
    Break,
    Columns,
    Furniture,
    Grid,
    ItemHeading,
    Label,
    Para,
    Title,
    Toc,
)

SECTION_LABELS = frozenset(
    label.casefold()
    for label in (
        "Resume", "Resumé", "Sagsfremstilling", "Indstilling", "Beslutning", "Økonomi",
        "Bilag", "Lovgrundlag", "Lovgrundlag og juridisk vurdering", "Effektvurdering",
        "Sagen afgøres endelig af", "Kommunikation", "Sagens forløb", "Deltagere",
        "Fraværende", "Afbud", "Beslutning:", "Høring", "Baggrund", "Vurdering",
    )
)  # fmt: skip
_MARKUP = re.compile(r"</?(?:b|p|strong|em|i)>|\*\*")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_TOC_LINE = re.compile(r"^(?P<title>.+?)(?:\s*\.{3,}\s*|\t+)(?P<page>\d{1,3})\s*$")
_OLD_FOOTER = re.compile(r"\bSide \d+(?: af \d+)?\s*$|^[-|\s]+$")
_LIST = re.compile(r"^\s*(?:[•\-*]|\d+\.)\s")
_SPACES = re.compile(r"\s+")


def _plain(line: str) -> tuple[str, bool]:
    """The line without markdown and HTML markup, and whether it was a markdown heading."""
    heading = bool(_MD_HEADING.match(line))
    text = _MARKUP.sub("", _MD_HEADING.sub("", line))
    return html.unescape(text).strip(), heading


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _is_item_heading(line: str, items: Sequence[tuple[int | None, str]]) -> bool:
    """Whether the line prints one of the items' number and title (a heading, not a mention)."""
    flat = _collapse(line)
    for number, title in items:
        wanted = _collapse(title)
        if number is not None and not wanted:  # printed without a title: "Punkt 3: Lukket:"
            if re.match(rf"^(?:Punkt |Pkt\. |Sag nr\. )?{number}\s*[.:)]\D{{0,12}}$", flat):
                return True
            continue
        if number is None or not flat.endswith(wanted):
            continue
        head = flat[: len(flat) - len(wanted)]
        if len(head) <= 30 and re.search(rf"(?<!\d){number}(?!\d)", head):
            return True
    return False


def blocks_from_minutes(text: str, items: Sequence[tuple[int | None, str]]) -> list[Block]:
    """A minutes text as blocks; ``items`` are the (number, title) pairs its headings print."""
    blocks: list[Block] = []
    lines = text.splitlines()
    in_toc, first = False, True
    toc: list[tuple[str, str | None, str]] = []
    grid: list[tuple[str, ...]] = []
    for index, raw in enumerate(lines):
        line, md_heading = _plain(raw)
        if grid and "\t" not in raw:
            blocks.append(Grid(tuple(grid)))
            grid = []
        if not line or _OLD_FOOTER.search(line):
            continue
        if in_toc and (entry := _TOC_LINE.match(line)):
            toc.append((entry["title"].strip(), entry["page"], ""))
            continue
        if toc:
            blocks.append(Toc(tuple(toc)))
            toc, in_toc = [], False
        if line.casefold().rstrip(":") == "indholdsfortegnelse":
            in_toc = True
            continue
        following = next((_plain(n)[0] for n in lines[index + 1 :] if n.strip()), "")
        alone = line.isdigit() and _is_item_heading(f"{line} {following}", items)
        if _is_item_heading(line, items) or alone or (blocks and _after_alone(blocks, line, items)):
            blocks.append(ItemHeading(line, key=str(len(blocks))))
        elif first:
            blocks.append(Title(line))
        elif "\t" in raw:
            grid.append(tuple(_plain(cell)[0] for cell in raw.split("\t")))
        elif md_heading or line.casefold().rstrip(":") in SECTION_LABELS:
            blocks.append(Label(line))
        elif _LIST.match(raw):
            blocks.append(Para(line, indent=12))
        else:
            blocks.append(Para(line))
        first = False
    if grid:
        blocks.append(Grid(tuple(grid)))
    return blocks


def _after_alone(blocks: list[Block], line: str, items: Sequence[tuple[int | None, str]]) -> bool:
    """The title line after a number printed alone on its line is part of the heading."""
    last = blocks[-1]
    return (
        isinstance(last, ItemHeading)
        and last.text.isdigit()
        and _is_item_heading(f"{last.text} {line}", items)
    )


FILLER = (
    "Administrationen har udarbejdet et notat, der beskriver sagens baggrund og de mulige "
    "løsninger, som udvalget kan vælge imellem.",
    "Forslaget har været drøftet med de berørte foreninger, institutioner og borgere, og "
    "høringssvarene er samlet i vedlagte bilag.",
    "Udgifterne afholdes inden for den eksisterende budgetramme for beskæftigelsesindsatsen, "
    "og der forventes ingen afledte driftsudgifter.",
    "Kommunen har siden 2019 arbejdet målrettet med at styrke samarbejdet mellem "
    "virksomhederne, uddannelsesinstitutionerne og jobcentret.",
    "Den foreløbige evaluering viser, at flere borgere er kommet i ordinær beskæftigelse, og "
    "at ventetiden på en afklaring er nedbragt væsentligt.",
    "Sagen har betydning for bosætningen, erhvervsudviklingen og mulighederne for at "
    "tiltrække kvalificeret arbejdskraft til lokalområdet.",
    "Forvaltningen vurderer, at projektet kan gennemføres inden for tidsplanen, såfremt "
    "myndighedsbehandlingen afsluttes i løbet af efteråret.",
    "Der er ved udarbejdelsen af forslaget taget højde for de bemærkninger, som blev afgivet "
    "under den forudgående offentlighedsfase.",
)


def filler(count: int, seed: int) -> list[str]:
    """``count`` paragraphs of case text, four to six fixed sentences each, in a seeded order."""
    rng = random.Random(seed)
    return [" ".join(rng.sample(FILLER, rng.randint(4, 6))) for _ in range(count)]


def _metadata(furniture: dict[str, object], key: str, value: str) -> None:
    if key == "created":
        furniture[key] = dt.datetime.fromisoformat(value)
    elif key == "margin":
        furniture["margin_mm"] = float(value)
    elif key in {"mirrored", "page_in_header"}:
        furniture[key] = value == "yes"
    elif key in {"header", "logo", "title", "producer", "creator"}:
        furniture[key] = value
    else:
        raise ValueError(f"unknown furniture {key!r}")


def blocks_from_markup(source: str) -> tuple[list[Block], Furniture]:
    """A layout fixture's markup (see the module's docstring) as blocks and furniture."""
    blocks: list[Block] = []
    furniture: dict[str, object] = {}
    rows: list[tuple[str, ...]] = []
    columns: list[str] | None = None
    for raw in source.splitlines():
        line = raw.strip()
        if rows and not line.startswith("|"):
            blocks.append(Grid(tuple(rows), header=True))
            rows = []
        if columns is not None:
            if line == "@end":
                blocks.append(Columns(tuple(columns)))
                columns = None
            elif line:
                columns.append(line)
            continue
        if not line or line.startswith("%%"):
            continue
        word, _, rest = line.partition(" ")
        if word.startswith("%"):
            _metadata(furniture, word[1:], rest.strip())
        elif word == "#":
            blocks.append(Title(rest))
        elif word == "##":
            key, _, text = rest.partition(" | ")
            blocks.append(ItemHeading(text, key=key))
        elif word == "###":
            blocks.append(Label(rest))
        elif word == "-":
            blocks.append(Para(line, indent=12))
        elif line.startswith("|"):
            rows.append(tuple(cell.strip() for cell in line.strip("|").split("|")))
        elif word == "@toc":
            headings = blocks_from_markup_headings(source)
            blocks.append(Toc(tuple((text, None, key) for key, text in headings)))
        elif word == "@columns":
            columns = []
        elif word == "@page":
            blocks.append(Break())
        elif word == "@filler":
            count, seed = (int(part) for part in rest.split())
            blocks.extend(Para(text) for text in filler(count, seed))
        else:
            blocks.append(Para(line))
    if rows:
        blocks.append(Grid(tuple(rows), header=True))
    return blocks, Furniture(**furniture)  # type: ignore[arg-type]


def blocks_from_markup_headings(source: str) -> list[tuple[str, str]]:
    """The (key, text) of every item heading of a layout fixture's markup, in order."""
    found = []
    for raw in source.splitlines():
        word, _, rest = raw.strip().partition(" ")
        if word == "##":
            key, _, text = rest.partition(" | ")
            found.append((key, text))
    return found


def text_from_blocks(blocks: Sequence[Block], pages: dict[str, int]) -> str:
    """The blocks as the plain text a text export of the same minutes gives: one line per
    block (a paragraph on one line), a blank line between blocks, table of contents entries
    as ``title<TAB>page`` and table rows with their cells tab-separated."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Toc):
            out.append(block.heading)
            out.append(
                "\n".join(
                    f"{title}\t{page or pages.get(key, 0)}" for title, page, key in block.entries
                )
            )
        elif isinstance(block, Grid):
            out.append("\n".join("\t".join(row) for row in block.rows))
        elif isinstance(block, Columns):
            out.append("\n".join(block.lines))
        elif not isinstance(block, Break):
            out.append(block.text)
    return "\n\n".join(out) + "\n"
