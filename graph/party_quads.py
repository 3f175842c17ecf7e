"""Parties as resources: the national parties of ``loaders/reference/parties.yaml`` in the
reference graph, and a local list (or a letter the reference data does not know) as printed,
one per municipality, in the entities graph.

A party is always also kept as printed (``rg:party``, the contract's literal); the resource lets
a page say "Socialdemokratiet" beside "A". A printed letter or name names a national party only
where the reference data lists it; anything else is a local list as printed, never a guess.

>>> from graph.uris import Minter
>>> national_party_iri(Minter("https://data.example.org/"), "Socialdemokraterne")
'https://data.example.org/parti/socialdemokratiet'
>>> national_party_iri(Minter("https://data.example.org/"), "L") is None
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ntriples import iri, literal, triple
from graph.terms import DCTERMS_SOURCE_NT, RDF_TYPE_NT, RDFS_LABEL_NT, described
from graph.uris import Minter
from loaders.reference.parties import Party, parties, party_of
from ontology.namespace import RG

if TYPE_CHECKING:
    from graph.writer import QuadWriter


def national_party(printed: str) -> Party | None:
    """The national party a printed letter or name stands for, if the reference data lists it."""
    return party_of(printed)


def national_party_iri(minter: Minter, printed: str) -> str | None:
    found = national_party(printed)
    return None if found is None else minter.party(found.name)


def party_lines(minter: Minter) -> list[str]:
    """Every national party as N-Triples: type, Danish label (its name), letter, source and
    the other names minutes print for it."""
    lines: list[str] = []
    for party in parties():
        node = iri(minter.party(party.name))
        lines += [
            *described(node, RG.Party, party.name),
            triple(node, iri(RG.partyLetter), literal(party.letter)),
            triple(node, DCTERMS_SOURCE_NT, literal(party.source)),
            *(triple(node, iri(RG.shortName), literal(alias)) for alias in party.aliases),
        ]
    return lines


def party_term(out: QuadWriter, printed: str) -> str | None:
    """The party resource for a party as printed, as an N-Triples term; a local one is
    described once per document in the entities graph. None for an empty text."""
    text = printed.strip()
    if not text:
        return None
    national = national_party_iri(out.minter, text)
    if national is not None:
        return iri(national)
    node = iri(out.minter.local_party(out.municipality, text))
    if (node, text, "party") not in out.described:
        out.described.add((node, text, "party"))
        out.entity(node, RDF_TYPE_NT, iri(RG.Party))
        out.entity(node, RDFS_LABEL_NT, literal(text, lang="da"))
    return node
