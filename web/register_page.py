"""The A-Å registers: ``/register/`` (the overview) and ``/register/<kind>?bogstav=A&side=N`` for
laws, programmes, organisations, persons and municipalities (``love``, ``programmer``,
``organisationer``, ``personer``, ``kommuner``), in Danish alphabetical order (Æ, Ø, Å last,
"Aa" filed as Å), with a link per letter and how many names each has. Names that only a
pattern proposed (candidates) are left out. The municipalities say how many meetings of each
are loaded (most have none). All of it from the side index.

>>> letter_of("ø"), letter_of("Æ"), letter_of("#"), letter_of("AB"), letter_of(None)
('Ø', 'Æ', '#', None, None)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlencode

from graph.labels import counted
from web.browse_data import (
    ALPHABET,
    BUILD_HINT,
    REGISTER_KINDS,
    RegisterKind,
    class_query,
    href,
    index_of,
)
from web.pages import Page
from web.pages.page_values import pagination
from web.schema_org import collection_page

if TYPE_CHECKING:
    from searchindex.records import Resource
    from web.site_readers import Site

OVERVIEW_TEMPLATE: Final = "pages/register.html"
PER_PAGE: Final = 100


def letter_of(value: str | None) -> str | None:
    """``?bogstav=`` as one of :data:`ALPHABET`, ``None`` for anything else."""
    if value is None:
        return None
    letter = value.strip().upper()
    return letter if letter in ALPHABET else None


def _letters(kind: RegisterKind, counts: dict[str, int], chosen: str | None) -> list[Any]:
    path = f"/register/{kind.slug}"
    return [
        {
            "letter": letter,
            "count": counts.get(letter, 0),
            "title": counted(counts.get(letter, 0), kind.singular, kind.plural),
            "href": f"{path}?{urlencode({'bogstav': letter})}" if counts.get(letter) else None,
            "current": letter == chosen,
        }
        for letter in ALPHABET
        if letter != "#" or counts.get("#")
    ]


def overview_page(site: Site) -> Page:
    """``/register/``: each register with its size and its letters."""
    index = index_of(site)
    registers: list[dict[str, Any]] = []
    for kind in REGISTER_KINDS.values():
        counts = dict(index.letters(kind.kind)) if index is not None else {}
        registers.append(
            {
                "slug": kind.slug,
                "title": kind.title,
                "href": f"/register/{kind.slug}",
                "text": counted(sum(counts.values()), kind.singular, kind.plural),
                "letters": _letters(kind, counts, None),
            }
        )
    data = {"overview": True, "indexed": index is not None, "build_hint": BUILD_HINT}
    data |= {"registers": registers}
    title = "Register A-Å"
    return Page(
        title=title,
        template=OVERVIEW_TEMPLATE,
        data=data,
        jsonld=collection_page(
            title, [(str(r["href"]), str(r["title"])) for r in registers], len(registers)
        ),
    )


def register_page(site: Site, slug: str, bogstav: str | None, number: int) -> Page | None:
    """``/register/<slug>``: ``None`` for a slug that names no register. An unknown letter
    shows the whole register, with a note saying so."""
    kind = REGISTER_KINDS.get(slug)
    if kind is None:
        return None
    letter = letter_of(bogstav)
    index = index_of(site)
    counts = dict(index.letters(kind.kind)) if index is not None else {}
    total = counts.get(letter, 0) if letter else sum(counts.values())
    paging = pagination(max(1, number), total, PER_PAGE)
    found = (
        index.az(kind.kind, letter, offset=(paging["page"] - 1) * PER_PAGE, limit=PER_PAGE)
        if index is not None
        else []
    )
    base = f"/register/{kind.slug}"
    meetings = (
        index.meetings_per_municipality()
        if index is not None and kind.kind == "Municipality"
        else None
    )

    def page_href(n: int) -> str:
        parameters: dict[str, str | int] = {"bogstav": letter} if letter else {}
        if n > 1:
            parameters["side"] = n
        return base + ("?" + urlencode(parameters) if parameters else "")

    title = f"{kind.title} A-Å" + (f": {letter}" if letter else "")
    data: dict[str, Any] = {
        "overview": False,
        "indexed": index is not None,
        "build_hint": BUILD_HINT,
        "kind": {"slug": kind.slug, "title": kind.title, "plural": kind.plural},
        "letter": letter,
        "unknown_letter": bogstav if bogstav is not None and letter is None else None,
        "letters": _letters(kind, counts, letter),
        "all_href": base,
        "text": counted(total, kind.singular, kind.plural),
        "entries": [_entry(site, kind, r, meetings) for r in found],
        "with_data": None if meetings is None else counted(len(meetings), "kommune", "kommuner"),
        "paging": paging,
        "previous": page_href(paging["page"] - 1) if paging["page"] > 1 else None,
        "next": page_href(paging["page"] + 1) if paging["page"] < paging["pages"] else None,
        "others": [
            {"href": f"/register/{k.slug}", "title": k.title}
            for k in REGISTER_KINDS.values()
            if k is not kind
        ],
    }
    return Page(
        title=title,
        template=OVERVIEW_TEMPLATE,
        data=data,
        jsonld=collection_page(title, [(r.iri, r.label) for r in found], total),
        queries=(class_query("register", kind.kind),),
    )


def _entry(
    site: Site, kind: RegisterKind, resource: Resource, meetings: dict[str, int] | None
) -> dict[str, Any]:
    details = []
    if resource.party:
        details.append(resource.party)
    if resource.municipality_label and kind.kind != "Municipality":
        details.append(resource.municipality_label)
    if kind.kind in {"Law", "Programme", "Organisation"}:
        details.append(counted(resource.mentions, "omtale", "omtaler"))
    has_data = None
    if meetings is not None:  # municipalities: whether any of their minutes are loaded
        found = meetings.get(resource.iri, 0)
        has_data = found > 0
        details.append(counted(found, "møde", "møder") if found else "ingen referater indlæst")
    return {
        "href": href(site, resource.iri),
        "label": resource.label,
        "details": ", ".join(details),
        "has_data": has_data,
    }
