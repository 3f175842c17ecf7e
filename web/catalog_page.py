"""The DCAT catalog for a person: ``/catalog`` in a browser shows its datasets and, for each,
the files to download with their size and format, in Danish.

The page is read from the catalog's own Turtle (what ``referatgraf dump`` wrote, or what the
server built before a dump), so it says no more and no less than the catalog. A download URL
under ``/dumps/`` links to this server's copy, wherever the catalog says the public server is;
an IRI minted under the dataset's base links to its path here (:class:`Links`).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Store

from graph.terms import RDF_TYPE
from ontology.vocabularies import DCAT, DCTERMS


@dataclass(frozen=True, slots=True)
class Links:
    """Where a page's links go: IRIs under the dataset's ``iri_base`` and URLs of this
    server (``origin``) to their paths here, other web addresses as they are.

    >>> links = Links("https://w3id.org/referatgraf/", "http://127.0.0.1:8123/")
    >>> links.href("https://w3id.org/referatgraf/def"), links.href("http://127.0.0.1:8123/sparql")
    ('/def', '/sparql')
    >>> links.href("https://creativecommons.org/licenses/by/4.0/"), links.href("mailto:x@y.dk")
    ('https://creativecommons.org/licenses/by/4.0/', None)
    """

    iri_base: str
    origin: str

    def href(self, url: str) -> str | None:
        for prefix in (self.iri_base, self.origin):
            if url.startswith(prefix):
                return "/" + url[len(prefix) :]
        return _href(url)


def catalog_body(turtle: bytes, links: Links | None = None) -> str:
    """The page's ``<main>`` content: a section per dataset, the whole dataset first."""
    store = Store()
    store.load(turtle, format=RdfFormat.TURTLE)
    datasets = [q.subject for q in store.quads_for_pattern(None, RDF_TYPE, NamedNode(DCAT.Dataset))]
    datasets.sort(key=lambda d: (_first(store, d, DCTERMS.hasPart) is None, _title(store, d)))
    sections = "".join(_dataset(store, d, links) for d in datasets)
    return (
        "<h1>DCAT-katalog</h1>"
        "<p>Datasættene, som kataloget beskriver dem, med filerne at hente. Kataloget selv "
        'findes som <a href="/catalog?format=ttl">Turtle</a>, '
        '<a href="/catalog?format=jsonld">JSON-LD</a>, '
        '<a href="/catalog?format=rdf">RDF/XML</a> og '
        '<a href="/catalog?format=nt">N-Triples</a>.</p>' + sections
    )


def _dataset(store: Store, dataset: object, links: Links | None) -> str:
    title = escape(_title(store, dataset))
    description = _text(store, dataset, DCTERMS.description)
    rows = []
    for distribution in sorted(
        _all(store, dataset, DCAT.distribution), key=lambda d: _title(store, d)
    ):
        url = _first(store, distribution, DCAT.downloadURL) or _first(
            store, distribution, DCAT.accessURL
        )
        href = None
        if isinstance(url, NamedNode):
            href = links.href(url.value) if links is not None else _href(url.value)
        name = escape(_title(store, distribution))
        link = f'<a href="{escape(href)}">{name}</a>' if href else name
        size = _first(store, distribution, DCAT.byteSize)
        media = _first(store, distribution, DCAT.mediaType)
        rows.append(
            f"<tr><td>{link}</td>"
            f'<td class="number">{_bytes(size.value) if isinstance(size, Literal) else ""}</td>'
            f"<td>{escape(_media_type(media))}</td></tr>"
        )
    table = (
        '<div class="table-scroll"><table><thead><tr><th scope="col">fil</th>'
        '<th scope="col" class="number">størrelse</th><th scope="col">format</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
        if rows
        else "<p>Ingen filer.</p>"
    )
    return f"<section><h2>{title}</h2><p>{escape(description)}</p>{table}</section>"


def _all(store: Store, subject: object, predicate: str) -> list[object]:
    if not isinstance(subject, NamedNode | BlankNode):
        return []
    return [q.object for q in store.quads_for_pattern(subject, NamedNode(predicate), None)]


def _first(store: Store, subject: object, predicate: str) -> object | None:
    found = _all(store, subject, predicate)
    return found[0] if found else None


def _text(store: Store, subject: object, predicate: str) -> str:
    """A literal in Danish first, then without language, then any."""
    literals = [v for v in _all(store, subject, predicate) if isinstance(v, Literal)]
    literals.sort(key=lambda v: (v.language != "da", v.language is not None, v.value))
    return str(literals[0].value) if literals else ""


def _title(store: Store, subject: object) -> str:
    return _text(store, subject, DCTERMS.title) or str(subject)


def _href(url: str) -> str | None:
    """This server's copy of a dump file; another web URL as it is; nothing else."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        return None
    return parts.path if parts.path.startswith("/dumps/") else url


def _media_type(term: object) -> str:
    """``https://www.iana.org/assignments/media-types/text/turtle`` -> ``text/turtle``."""
    if not isinstance(term, NamedNode):
        return ""
    return term.value.split("/media-types/", 1)[-1]


def _bytes(value: str) -> str:
    """A byte count as a person reads it: ``82.473 bytes`` up to 1 MB, else ``1,2 MB``.

    >>> _bytes("82473"), _bytes("1234567")
    ('82.473 bytes', '1,2 MB')
    """
    size = int(value)
    if size < 1_000_000:
        return f"{size:,} bytes".replace(",", ".")
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")
