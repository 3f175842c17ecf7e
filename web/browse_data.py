"""What the browsing pages (home, search, register, coverage, sitemap) share: the side index
when there is a usable one, their SPARQL (``web/browse_queries/<name>.rq``, shown to the reader,
values bound as ``VALUES``), links to local pages, and the Danish names of the kinds of things.

>>> KIND_NAMES["Programme"], REGISTER_KINDS["love"].kind
('program', 'Law')
>>> [k.slug for k in REGISTER_KINDS.values()]
['love', 'programmer', 'organisationer', 'personer', 'kommuner']
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from pyoxigraph import NamedNode

from graph.query_files import read_query
from ontology.namespace import NS
from web.pages.page_sparql import bound_text

if TYPE_CHECKING:
    from searchindex import SiteIndex
    from web.site_readers import Site

log = logging.getLogger("referatgraf.pages")

BUILD_HINT: Final = "referatgraf index"
"""The command that builds the side index (``load`` keeps it in step once it is there)."""

KIND_NAMES: Final[dict[str, str]] = {
    "Law": "lov",
    "Programme": "program",
    "Organisation": "organisation",
    "Person": "person",
    "Municipality": "kommune",
    "Committee": "udvalg",
    "Meeting": "møde",
    "AgendaItem": "dagsordenspunkt",
    "Concept": "begreb",
}
"""A kind (the class's local name) as a Danish noun, for "Program · 2 omtaler"."""


@dataclass(frozen=True, slots=True)
class RegisterKind:
    slug: str  # the path segment: /register/<slug>
    kind: str  # the class's local name in the index
    title: str  # the page's heading
    singular: str
    plural: str


REGISTER_KINDS: Final[dict[str, RegisterKind]] = {
    k.slug: k
    for k in (
        RegisterKind("love", "Law", "Love", "lov", "love"),
        RegisterKind("programmer", "Programme", "Programmer", "program", "programmer"),
        RegisterKind(
            "organisationer", "Organisation", "Organisationer", "organisation", "organisationer"
        ),
        RegisterKind("personer", "Person", "Personer", "person", "personer"),
        RegisterKind("kommuner", "Municipality", "Kommuner", "kommune", "kommuner"),
    )
}
"""The A-Å registers, in the order the overview lists them."""

ALPHABET: Final = (*"ABCDEFGHIJKLMNOPQRSTUVWXYZÆØÅ", "#")
"""The Danish alphabet (Æ, Ø, Å last), then ``#`` for names that start with a digit or a sign."""


def index_of(site: Site) -> SiteIndex | None:
    """The side index, or ``None`` when it is missing or unreadable (the pages then say how to
    build it, and show what they can without it)."""
    from searchindex import INDEX_ERRORS, SiteIndexError  # noqa: PLC0415 - it is optional

    try:
        return site.index()
    except (SiteIndexError, *INDEX_ERRORS) as error:
        log.warning("the side index cannot be read: %s", error)
        return None


def index_token(site: Site) -> str:
    """The token of the store state the index was built from; ``"uden-indeks"`` without one."""
    index = index_of(site)
    if index is None:
        return "uden-indeks"
    from searchindex import INDEX_ERRORS  # noqa: PLC0415 - searchindex is optional

    try:
        return index.token() or "uden-indeks"
    except INDEX_ERRORS:
        return "uden-indeks"


def href(site: Site, iri: str) -> str:
    """The page of ``iri`` on this server (its IRI itself when it is not the dataset's)."""
    return site.path_for_iri(iri) or iri


def browse_query(name: str) -> str:
    """The text of ``web/browse_queries/<name>.rq``; a missing name fails loudly."""
    return read_query("web", "browse_queries", name)


def class_query(name: str, kind: str) -> str:
    """``name`` with ``?klasse`` bound to the ``rg:`` class ``kind``, as a reader runs it."""
    return bound_text(browse_query(name), {"klasse": NamedNode(NS + kind)})
