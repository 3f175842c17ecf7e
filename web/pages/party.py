"""The page of a party: its name and letter (as the reference data gives them, with the source),
or a local list as printed; the persons whose printed letter stands for it; and how it voted,
position by position.

Three queries, each starting from the party's IRI: ``party_main``, ``party_members`` (at most
``MAX_MEMBERS``) and ``party_positions``.
"""

from __future__ import annotations

from typing import Any

from graph.vote_quads import POSITION_LABELS
from web.pages import Page
from web.pages.opening import Opened, opening
from web.pages.page_values import first_rows, link, text_of
from web.pages.surnames import danish_key, surname_key
from web.schema_org import thing

MAX_MEMBERS = 500
"""Members listed at most."""
POSITION_ORDER = ("for", "imod", "undlod", "forbehold")


@opening("Party", "party")
def party_page(opened: Opened, number: int) -> Page:
    """The page of the party (one page: ``number`` is not used)."""
    del number
    site, iri, party = opened.site, opened.iri, opened.row
    members = opened.run("party_members", limit=MAX_MEMBERS)
    positions = opened.run("party_positions")
    label = text_of(party["label"]) or "Parti"
    found = {text_of(row["position"]).rsplit("/", 1)[-1]: row for row in positions.rows}
    data: dict[str, Any] = {
        "label": label,
        "letter": party["letter"],
        "source": party["source"],
        "short_names": [text_of(row["shortName"]) for row in opened.main.rows if row["shortName"]],
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
    return opened.page(label, data, jsonld, (members.text, positions.text))
