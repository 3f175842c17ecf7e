"""Every IRI the loader mints, in one place: pure functions of the base and of the content.

IRIs are readable (Danish path words, ASCII slugs), deterministic (same input, same IRIs on any
machine) and stable (they depend on what the minutes say, never on file names or load time).

>>> iris = Minter("https://data.example.org/")
>>> iris.municipality("Ringkøbing-Skjern")
'https://data.example.org/kommune/ringkoebing-skjern'
>>> c = iris.committee("Lejre", "Udvalget for Job & Arbejdsmarked")
>>> c
'https://data.example.org/kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked'
>>> m = iris.meeting(c, "2020-01-08")
>>> m
'https://data.example.org/kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08'
>>> iris.item(m, 3)
'https://data.example.org/kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08/punkt/3'
>>> iris.person("Lejre", "Bjørn Lykke Sørensen")
'https://data.example.org/kommune/lejre/person/bjoern-lykke-soerensen'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

DEFAULT_BASE = "https://w3id.org/referatgraf/"
# ends the IRI of every source document, which is also its named graph (Minter.source)
SOURCE_GRAPH_SUFFIX = "/kilde"
# where a store server that cannot write a graph at once (Virtuoso) stages a document; no
# reader sees it, and a MOVE makes it the document's graph
STAGING_GRAPH = "urn:x-referatgraf:staging"
# The endpoint's own terms (its limits, in the service description): a vocabulary of ours, at
# the same IRI whatever the base of the data.
SERVICE_NS = "https://w3id.org/referatgraf/service#"


class SharedGraph(StrEnum):
    """The named graphs shared by all documents, under the base (:meth:`Minter.graph`); each
    but ``ENTITIES`` is written whole by the load."""

    ENTITIES = "graf/entiteter"
    """Committees, persons and parties as the documents name them, written by every document."""
    MUNICIPALITIES = "graf/kommuner"
    """The 98 municipalities."""
    REFERENCE = "graf/reference"
    """Laws, programmes, organisations and KLE."""
    DERIVED = "graf/afledt"
    """What a load derives across documents: each person's committee memberships."""
    ONTOLOGY = "graf/ontologi"
    """The ontology itself, so that the labels of its classes and outcomes are in the graph."""


_FOLDS = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa", "&": " og ", "ß": "ss"}
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A readable ASCII path segment: Danish letters folded the Danish way, the rest dropped.

    >>> slug("Arbejdsmarkeds- og Integrationsudvalget")
    'arbejdsmarkeds-og-integrationsudvalget'
    >>> slug("Tina Boel Van Ingen") == slug("Tina Boel van Ingen")
    True
    >>> slug("Økonomi & HR")
    'oekonomi-og-hr'
    >>> slug("§ 91")
    '91'
    """
    folded = unicodedata.normalize("NFKD", text.translate(_FOLDS))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_SLUG.sub("-", ascii_only).strip("-") or "x"


def cased_slug(text: str) -> str:
    """Like :func:`slug`, but keeping the case: names that differ only in case stay apart.

    >>> cased_slug("KIT-projektet"), cased_slug("Kit-projektet")
    ('KIT-projektet', 'Kit-projektet')
    """
    folded = unicodedata.normalize("NFKD", text.translate(_FOLDS_CASED))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii")
    return _NOT_CASED_SLUG.sub("-", ascii_only).strip("-") or "x"


_FOLDS_CASED = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "&": " og ", "ß": "ss"}
)
_NOT_CASED_SLUG = re.compile(r"[^A-Za-z0-9]+")


@dataclass(frozen=True, slots=True)
class Minter:
    """Mints IRIs under one base (must end with "/")."""

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if not self.base.endswith("/"):
            raise ValueError(f"the IRI base must end with '/': {self.base!r}")

    def municipality(self, name: str) -> str:
        return self.municipality_at(slug(name))

    def committee(self, municipality: str, name: str) -> str:
        return self.committee_at(f"{slug(municipality)}/{slug(name)}")

    def municipality_at(self, key: str) -> str:
        """A municipality by its path segment, as a page's filter names it (``kommune=lejre``);
        :meth:`municipality_key` reads it back.

        >>> iris = Minter("https://data.example.org/")
        >>> iris.municipality_at("lejre")
        'https://data.example.org/kommune/lejre'
        >>> iris.municipality_key("https://data.example.org/kommune/lejre")
        'lejre'
        >>> iris.municipality_key("https://data.example.org/parti/venstre") is None
        True
        """
        return f"{self.base}kommune/{key}"

    def municipality_key(self, iri: str) -> str | None:
        """What follows ``<base>kommune/`` in ``iri``, or ``None`` for an IRI elsewhere."""
        prefix = f"{self.base}kommune/"
        return iri[len(prefix) :] if iri.startswith(prefix) else None

    def committee_at(self, key: str) -> str:
        """A committee by the path segments of its municipality and its own, joined by "/" as
        a page's filter names it (``udvalg=lejre/oekonomiudvalget``); :meth:`committee_key`
        reads it back.

        >>> iris = Minter("https://data.example.org/")
        >>> iris.committee_at("lejre/oekonomiudvalget")
        'https://data.example.org/kommune/lejre/udvalg/oekonomiudvalget'
        >>> iris.committee_key("https://data.example.org/kommune/lejre/udvalg/oekonomiudvalget")
        'lejre/oekonomiudvalget'
        """
        municipality, own = key.split("/")
        return f"{self.municipality_at(municipality)}/udvalg/{own}"

    def committee_key(self, iri: str) -> str | None:
        """``<municipality>/<committee>`` for a committee's IRI (for a municipality's, its
        :meth:`municipality_key`), or ``None`` for an IRI that is not under ``<base>kommune/``."""
        key = self.municipality_key(iri)
        return None if key is None else key.replace("/udvalg/", "/", 1)

    def meeting(self, committee_iri: str, day: str) -> str:
        """``day`` is the ISO date, or ``uden-dato-<hash>`` when the minutes state none."""
        return f"{committee_iri}/moede/{day}"

    def meeting_without_committee(self, municipality: str, key: str) -> str:
        """A meeting whose minutes name no committee, under its municipality; ``key`` comes
        from the file's content, so that two such meetings on one day stay apart.

        >>> Minter("https://data.example.org/").meeting_without_committee("Lejre", "0a1b2c")
        'https://data.example.org/kommune/lejre/moede/uden-udvalg-0a1b2c'
        """
        return f"{self.municipality(municipality)}/moede/uden-udvalg-{key}"

    def person(self, municipality: str, name: str) -> str:
        """One person per municipality: the same name elsewhere is someone else."""
        return f"{self.municipality(municipality)}/person/{slug(name)}"

    def party(self, name: str) -> str:
        """A national party, by its registered name (letters are reassigned over the years).

        >>> Minter("https://data.example.org/").party("SF – Socialistisk Folkeparti")
        'https://data.example.org/parti/sf-socialistisk-folkeparti'
        """
        return f"{self.base}parti/{slug(name)}"

    def local_party(self, municipality: str, printed: str) -> str:
        """A local list or a party the reference data does not know, as printed, in its
        municipality (case kept: "L" and "l" may be two lists).

        >>> Minter("https://data.example.org/").local_party("Lejre", "Lokallisten")
        'https://data.example.org/kommune/lejre/parti/Lokallisten'
        """
        return f"{self.municipality(municipality)}/parti/{cased_slug(printed)}"

    @staticmethod
    def source(meeting_iri: str) -> str:
        """The source document, which is also the named graph of everything read from it.

        >>> Minter.source("https://data.example.org/kommune/lejre/moede/uden-udvalg-0a1b2c")
        'https://data.example.org/kommune/lejre/moede/uden-udvalg-0a1b2c/kilde'
        """
        return meeting_iri + SOURCE_GRAPH_SUFFIX

    def graph(self, shared: SharedGraph) -> str:
        """A named graph shared by all documents.

        >>> iris = Minter("https://data.example.org/")
        >>> iris.graph(SharedGraph.ENTITIES), iris.graph(SharedGraph.ONTOLOGY)
        ('https://data.example.org/graf/entiteter', 'https://data.example.org/graf/ontologi')
        >>> [iris.graph(shared).removeprefix(iris.base) for shared in SharedGraph][1:4]
        ['graf/kommuner', 'graf/reference', 'graf/afledt']
        """
        return self.base + shared.value

    @staticmethod
    def item(meeting_iri: str, number: int | str) -> str:
        """An agenda item by its number as printed, or a key made from it and its position
        when the number is missing or repeated (``3-7``, ``uden-nummer-2``)."""
        return f"{meeting_iri}/punkt/{number}"

    @staticmethod
    def decision(item_iri: str) -> str:
        """An item's decision (the section that holds it, when it has one); the others it
        records are :meth:`part` ``(item_iri, "anden-beslutning", n)``.

        >>> Minter.decision("https://x.dk/kommune/lejre/moede/2020-01-08/punkt/3")
        'https://x.dk/kommune/lejre/moede/2020-01-08/punkt/3/beslutning'
        """
        return f"{item_iri}/beslutning"

    @staticmethod
    def membership(person_iri: str, committee_iri: str, role: str | None) -> str:
        """A person's membership of a committee in a role (``deltager`` when none is printed).

        >>> person = "https://x.dk/kommune/lejre/person/ane-hansen"
        >>> committee = "https://x.dk/kommune/lejre/udvalg/oekonomiudvalget"
        >>> Minter.membership(person, committee, None)
        'https://x.dk/kommune/lejre/person/ane-hansen/medlemskab/oekonomiudvalget/deltager'
        >>> Minter.membership(person, committee, "Formand")
        'https://x.dk/kommune/lejre/person/ane-hansen/medlemskab/oekonomiudvalget/formand'
        """
        committee = slug(committee_iri.rsplit("/", 1)[-1])
        return f"{person_iri}/medlemskab/{committee}/{slug(role or 'deltager')}"

    def law(self, key: str) -> str:
        """A law of the reference data, by its key.

        >>> Minter("https://data.example.org/").law("planloven")
        'https://data.example.org/lov/planloven'
        """
        return f"{self.base}lov/{key}"

    def programme(self, key: str) -> str:
        return f"{self.base}program/{key}"

    def organisation(self, key: str) -> str:
        return f"{self.base}organisation/{key}"

    def jobcenter(self, municipality: str) -> str:
        """A municipality's jobcentre, under the municipality.

        >>> Minter("https://data.example.org/").jobcenter("Lejre")
        'https://data.example.org/kommune/lejre/jobcenter'
        """
        return f"{self.municipality(municipality)}/jobcenter"

    def candidate(self, folder: str, name: str) -> str:
        """An entity a pattern proposed, by its kind's folder and its name as printed (case
        kept, so that each has one label).

        >>> Minter("https://data.example.org/").candidate("program", "KIT-projektet")
        'https://data.example.org/kandidat/program/KIT-projektet'
        """
        return f"{self.base}kandidat/{folder}/{cased_slug(name)}"

    def kle(self, notation: str) -> str:
        """A subject of KL's journal plan (KLE), by its notation; :meth:`kle_scheme` is the plan.

        >>> iris = Minter("https://data.example.org/")
        >>> iris.kle("00.22.04"), iris.kle_scheme()
        ('https://data.example.org/kle/00.22.04', 'https://data.example.org/kle')
        """
        return f"{self.base}kle/{notation}"

    def kle_scheme(self) -> str:
        return f"{self.base}kle"

    @staticmethod
    def part(parent_iri: str, kind: str, key: str | int) -> str:
        """A node that exists only as part of another: ``<item>/afsnit/beslutning``."""
        return f"{parent_iri}/{kind}/{key if isinstance(key, int) else slug(key)}"

    @staticmethod
    def skolem(graph: str, number: int) -> str:
        """The IRI that stands for the ``number``th blank node (from 0, in document order) of a
        graph written whole, such as the ontology's OWL lists (RDF 1.1 skolemization).

        >>> Minter.skolem("https://data.example.org/graf/ontologi", 0)
        'https://data.example.org/graf/ontologi/.well-known/genid/0'
        """
        return f"{graph}/.well-known/genid/{number}"

    def load_run(self, started: str) -> str:
        """A load run, named by its start time (``2026-11-22T19:50:01.123456Z``)."""
        return f"{self.base}indlaesning/{slug(started)}"

    def at(self, path: str) -> str:
        """A resource by its path under the base, as a feed names it; :meth:`path_of` reads
        the path back, :meth:`feed` names the feed.

        >>> iris = Minter("https://data.example.org/")
        >>> iris.at("program/klapjob"), iris.path_of("https://data.example.org/program/klapjob")
        ('https://data.example.org/program/klapjob', 'program/klapjob')
        >>> iris.path_of("https://example.org/x"), iris.path_of(iris.base)
        (None, None)
        >>> iris.feed("program/klapjob.atom")
        'https://data.example.org/feeds/program/klapjob.atom'
        """
        return self.base + path

    def path_of(self, iri: str) -> str | None:
        """What follows the base in ``iri``; ``None`` for the base itself or an IRI elsewhere."""
        if not iri.startswith(self.base) or len(iri) == len(self.base):
            return None
        return iri[len(self.base) :]

    def feed(self, path: str) -> str:
        """An Atom feed (its id), by its path under ``feeds/`` (``kommune/lejre.atom``)."""
        return f"{self.base}feeds/{path}"

    @staticmethod
    def mention_entry(item_iri: str, subject_path: str) -> str:
        """The Atom entry of an item in the feed of a subject it mentions, by the subject's
        path under the base: one item is an entry in the feed of each subject it mentions.

        >>> Minter.mention_entry("https://x.dk/kommune/lejre/moede/2020-01-08/punkt/3", "lov/x")
        'https://x.dk/kommune/lejre/moede/2020-01-08/punkt/3#omtale-lov/x'
        """
        return f"{item_iri}#omtale-{subject_path}"


def catalog_node(catalog: str, key: str) -> str:
    """A node the DCAT catalog describes, in the catalog's document (``catalog`` is its URL,
    under the server's public URL, not the base): ``udgiver``, ``fil-referatgraf.nq.gz``.

    >>> catalog = "https://data.example.dk/catalog"
    >>> catalog_node(catalog, "udgiver")
    'https://data.example.dk/catalog#udgiver'
    >>> dataset(catalog), municipality_subset(catalog, "lejre")
    ('https://data.example.dk/catalog#datasaet', 'https://data.example.dk/catalog#kommune-lejre')
    """
    return f"{catalog}#{key}"


def dataset(catalog: str) -> str:
    """The whole dataset, in the catalog and in the VoID description alike."""
    return catalog_node(catalog, "datasaet")


def municipality_subset(catalog: str, key: str) -> str:
    """One municipality's part of the dataset, by the municipality's path segment."""
    return catalog_node(catalog, f"kommune-{key}")


def class_partition(description: str, number: int) -> str:
    """The ``number``th class partition (from 1) in a VoID description, by its URL.

    >>> void = "https://data.example.dk/.well-known/void"
    >>> class_partition(void, 1)
    'https://data.example.dk/.well-known/void#klasse-1'
    >>> property_partition(void, 2)
    'https://data.example.dk/.well-known/void#egenskab-2'
    """
    return f"{description}#klasse-{number}"


def property_partition(description: str, number: int) -> str:
    """The ``number``th property partition (from 1) in a VoID description, by its URL."""
    return f"{description}#egenskab-{number}"


def service_term(name: str) -> str:
    """A term of the endpoint's own vocabulary (:data:`SERVICE_NS`).

    >>> service_term("queryTimeout")
    'https://w3id.org/referatgraf/service#queryTimeout'
    """
    return SERVICE_NS + name
