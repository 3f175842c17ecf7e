"""The page of a party: its name and letter (as the reference data gives them, with the source),
or a local list as printed; the persons whose printed letter stands for it; and how it voted,
position by position.

Three queries, each starting from the party's IRI: ``party_main``, ``party_members`` (at most
``MAX_MEMBERS``) and ``party_positions``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pyoxigraph import NamedNode

from graph.vote_quads import POSITION_LABELS
from web.pages import Page, register
from web.pages.page_sparql import run
from web.pages.page_values import first_rows, link, text_of
from web.pages.surnames import danish_key, surname_key
from web.schema_org import thing

if TYPE_CHECKING:
    from web.site_readers import Site

MAX_MEMBERS = 500
"""Members listed at most."""
POSITION_ORDER = ("for", "imod", "undlod", "forbehold")


@register("Party")
def party_page(site: Site, iri: str, number: int = 1) -> Page | None:
    """The page of the party ``iri`` (one page: ``number`` is not used)."""
    del number
    store, bound = site.store(), {"party": NamedNode(iri)}
    main = run(store, "party_main", bound)
    if not main.rows:
        return None
    party = main.rows[0]
    members = run(store, "party_members", bound, limit=MAX_MEMBERS)
    positions = run(store, "party_positions", bound)
    label = text_of(party["label"]) or "Parti"
    found = {text_of(row["position"]).rsplit("/", 1)[-1]: row for row in positions.rows}
    data: dict[str, Any] = {
        "iri": iri,
        "label": label,
        "letter": party["letter"],
        "source": party["source"],
        "short_names": [text_of(row["shortName"]) for row in main.rows if row["shortName"]],
        "members": [
            {
                "person": link(site, row["person"], row["personLabel"]),
                "municipality": link(site, row["municipality"], row["municipalityLabel"]),
            }
            for row in sorted(
                first_rows(members.rows, "person"),
                key=lambda r: (
                    danish_key(text_of(r["municipalityLabel"])),
                    surname_key(text_of(r["personLabel"])),
                ),
            )
        ],
        "positions": [
            {
                "position": POSITION_LABELS[name],
                "recorded": found[name]["recorded"],
                "votes": found[name]["votes"],
                "decisions": found[name]["decisions"],
            }
            for name in POSITION_ORDER
            if name in found
        ],
    }
    jsonld = thing("Organization", iri, label)
    if party["letter"]:
        jsonld["alternateName"] = party["letter"]
    return Page(
        title=label,
        template="pages/party.html",
        data=data,
        jsonld=jsonld,
        queries=(main.text, members.text, positions.text),
    )
