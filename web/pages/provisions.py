"""What a law's page says of the sections cited ("§ 91: 7 punkter", each with the items citing
it and the provisions they cite there), and what a candidate's page says about not being
confirmed yet.

The provisions come from the side index (:meth:`searchindex.SiteIndex.cited_provisions`),
computed once per index state with the rest of an entity's counts (``web.pages.entity``).

>>> provision_text(7, 9), provision_text(1, 1)
('7 punkter, 9 omtaler', '1 punkt')
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final

from graph.labels import counted, danish_date, item_label

if TYPE_CHECKING:
    from searchindex.provision_rows import CitedProvision, CitingItem
    from web.site_readers import Site

MAX_PROVISIONS: Final = 25
"""The provisions a law's page lists, most cited first; the rest are counted."""
MAX_ITEMS: Final = 10
"""The items listed under a provision, newest first; the rest are counted."""

CANDIDATE_NOTES: Final = {
    "Law": (
        "Loven er endnu ikke bekræftet. Den er fundet, fordi referaterne henviser til den, "
        "men den står ikke i projektets referencedata over love. Den bliver en bekræftet lov, "
        "når referencedata får en post for den med lovens officielle titel og en kilde, der "
        "oplyser den. Er loven trykt med nummer og dato (fx LOV nr 548 af 07/05/2019), hører "
        "dens ELI-adresse hos Retsinformation med; den sættes kun på, hvor en kilde oplyser "
        "den. Indtil da er det ikke sikkert, at alle omtalerne her gælder den samme lov, eller "
        "at navnet er lovens fulde titel."
    ),
    "Programme": (
        "Programmet er endnu ikke bekræftet. Det er fundet ud fra, hvordan referaterne skriver "
        "navnet, men det står ikke i projektets referencedata. Det bliver bekræftet, når "
        "referencedata får en post for det med navn og en kilde."
    ),
    "Organisation": (
        "Organisationen er endnu ikke bekræftet. Den er fundet ud fra, hvordan referaterne "
        "skriver navnet, men den står ikke i projektets referencedata. Den bliver bekræftet, "
        "når referencedata får en post for den med navn og en kilde."
    ),
}
"""What a candidate's page says, per kind: not yet confirmed, and what would confirm it."""


def provision_text(items: int, mentions: int) -> str:
    """How often a provision is cited: in how many items (and mentions, where more)."""
    text = counted(items, "punkt", "punkter")
    if mentions != items:
        text += f", {counted(mentions, 'omtale', 'omtaler')}"
    return text


def provisions_view(site: Site, cited: list[CitedProvision]) -> list[dict[str, Any]]:
    """The provisions a law's page lists, each with its count and the items citing it."""
    return [
        {
            "provision": p.provision,
            "text": provision_text(p.item_count, p.mentions),
            "citing": [_item_view(site, i, p.provision) for i in p.items[:MAX_ITEMS]],
            "more": counted(p.item_count - MAX_ITEMS, "punkt mere", "punkter mere")
            if p.item_count > MAX_ITEMS
            else "",
        }
        for p in cited[:MAX_PROVISIONS]
    ]


def provisions_more(cited: list[CitedProvision]) -> str:
    """A sentence on the provisions left out of the list, or "".

    >>> many = [None] * (MAX_PROVISIONS + 2)
    >>> provisions_more([]), provisions_more(many)  # type: ignore[arg-type]
    ('', 'Desuden henvises der til 2 andre paragraffer.')
    """
    rest = len(cited) - MAX_PROVISIONS
    if rest <= 0:
        return ""
    return f"Desuden henvises der til {counted(rest, 'anden paragraf', 'andre paragraffer')}."


def _item_view(site: Site, item: CitingItem, section: str) -> dict[str, Any]:
    """An item citing ``section``, with the provisions it cites there where they say more
    than the section ("§ 35, stk. 1")."""
    return {
        "href": site.path_for_iri(item.item) or item.item,
        "label": item_label(item.number, item.title),
        "municipality": item.municipality_label,
        "municipality_href": site.path_for_iri(item.municipality) or item.municipality,
        "committee": item.committee_label,
        "committee_href": (site.path_for_iri(item.committee) or item.committee)
        if item.committee
        else None,
        "date": danish_date(dt.date.fromisoformat(item.date)) if item.date else None,
        "date_iso": item.date,
        "cited": ", ".join(item.cited) if item.cited != (section,) else "",
    }
