"""``/catalog`` (the DCAT-AP catalog) and ``/.well-known/void`` (the VoID description), for
programs and for people (installed by :func:`web.publish_routes.install`).

- RDF by ``Accept`` or ``format=``: Turtle by default, JSON-LD, RDF/XML or N-Triples, with
  ``Vary: Accept``; a Danish HTML page when a browser asks (``web.catalog_page``,
  ``web.void_page``); a format we do not have is a 406 in Danish.
- The documents are the dump's (``catalog.ttl``, ``void.ttl``), so they describe the files
  that are there; before any dump they are built from the store (:mod:`publishing.undumped`):
  the dataset, reached through the SPARQL endpoint.
- Self-links (the catalog's and the endpoint's URLs, the download URLs) name the server's
  public URL, ``$REFERATGRAF_PUBLIC_URL``; while it is unset they name the origin the request
  came to, so that every link in them works on the server that answered, whatever its host or
  port (a dump written without a public URL names the default, ``http://127.0.0.1:8000/``,
  which is replaced here).
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from email.utils import formatdate
from pathlib import Path

from fastapi import APIRouter
from pyoxigraph import NamedNode, RdfFormat, Triple, parse
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from graph.store import StoreError
from publishing.dump import CATALOG_JSONLD, CATALOG_TTL, VOID_FILE
from publishing.namespaces import CATALOG_PREFIXES
from publishing.publication import DEFAULT_BASE_URL, PublishSettings
from publishing.rdfdoc import convert_turtle, turtle
from publishing.undumped import catalog_without_dump, void_without_dump
from publishing.void import VOID_PREFIXES
from sparql.negotiation import NotAcceptableError, negotiate, wants_html
from web.catalog_page import Links, catalog_body
from web.conditional import not_modified
from web.publish_state import PublishState, html_page, public_settings, state_of
from web.rdf_views import RDF_VARIANTS
from web.void_page import void_body

router = APIRouter()
FORMATS_DA = "Turtle (ttl), JSON-LD (jsonld), RDF/XML (rdf) eller N-Triples (nt)"


@dataclasses.dataclass(frozen=True, slots=True)
class Described:
    """One of the two documents: its file in the dump, how to build it without one, its
    prefixes, and its page for people."""

    title: str
    turtle_name: str
    jsonld_name: str | None
    prefixes: dict[str, str]
    page: Callable[[bytes, Links], str]
    build: Callable[[PublishState, PublishSettings], bytes]


CATALOG = Described(
    "DCAT-katalog",
    CATALOG_TTL,
    CATALOG_JSONLD,
    dict(CATALOG_PREFIXES),
    catalog_body,
    lambda state, settings: catalog_without_dump(state.minutes(), settings),
)
VOID = Described(
    "VoID-beskrivelse",
    VOID_FILE,
    None,
    dict(VOID_PREFIXES),
    void_body,
    lambda state, settings: void_without_dump(state.minutes(), settings, state.base),
)


@router.api_route("/catalog", methods=["GET", "HEAD"], summary="The DCAT-AP catalog")
def catalog(request: Request) -> Response:
    return _answer(request, CATALOG)


@router.api_route("/.well-known/void", methods=["GET", "HEAD"], summary="The VoID description")
def void(request: Request) -> Response:
    return _answer(request, VOID)


def rebase(data: bytes, old: str, new: str, prefixes: dict[str, str]) -> bytes:
    """Turtle ``data`` with every IRI under ``old`` moved under ``new``.

    >>> doc = b"<http://127.0.0.1:8000/catalog> <http://x/p> <https://w3id.org/a> ."
    >>> rebase(doc, "http://127.0.0.1:8000/", "http://h:1/", {}).decode().split()[:3]
    ['<http://h:1/catalog>', '<http://x/p>', '<https://w3id.org/a>']
    """
    if old == new:
        return data

    def moved(term: object) -> object:
        if isinstance(term, NamedNode) and term.value.startswith(old):
            return NamedNode(new + term.value[len(old) :])
        return term

    triples = [
        Triple(moved(q.subject), moved(q.predicate), moved(q.object))  # type: ignore[arg-type]
        for q in parse(data, format=RdfFormat.TURTLE)
    ]
    return turtle(triples, prefixes)


def _answer(request: Request, described: Described) -> Response:
    state = state_of(request)
    settings = public_settings(state, request)
    source = state.dumps / described.turtle_name
    dumped = source.is_file()
    html = _wants_html(request.headers.get("accept"), request.query_params.get("format"))
    if html:
        name, content_type = "html", "text/html; charset=utf-8"
    else:
        try:
            choice = negotiate(
                request.headers.get("accept"),
                request.query_params.getlist("format") or None,
                "DESCRIBE",
            ).graph
        except NotAcceptableError as error:
            return PlainTextResponse(
                f"{described.title} findes som {FORMATS_DA}; det bedte format findes ikke.",
                status_code=error.status,
            )
        assert choice is not None
        name, content_type = choice.name, choice.content_type
    mtime = source.stat().st_mtime if dumped else None
    key = (described.turtle_name, source.stat().st_mtime_ns if dumped else 0,
           settings.base_url, name)  # fmt: skip
    if key not in state._converted:
        for stale in [k for k in state._converted if k[0] == key[0] and k[1] != key[1]]:
            del state._converted[stale]  # an earlier dump's
        try:
            body = _render(state, settings, described, source, name=name, request=request)
            state._converted[key] = (content_type, body)
        except (LookupError, StoreError):
            return PlainTextResponse("Lageret kan ikke læses lige nu.", status_code=503)
    content_type, body = state._converted[key]
    etag = f'"{hashlib.sha256(body).hexdigest()}"'
    headers = {"ETag": etag, "Vary": "Accept", "Cache-Control": "no-cache"}
    if mtime is not None:
        headers["Last-Modified"] = formatdate(mtime, usegmt=True)
    if (unchanged := not_modified(request, headers, mtime)) is not None:
        return unchanged
    return Response(body, media_type=content_type, headers=headers)


def _wants_html(accept: str | None, format_value: str | None) -> bool:
    """Whether a client asked for HTML by name (``?format=html``, or ``Accept`` with
    ``text/html`` ranked first): a program that accepts anything still gets RDF."""
    if format_value is not None:
        return format_value.strip().lower() == "html"
    return wants_html(accept, RDF_VARIANTS)


def _render(
    state: PublishState,
    settings: PublishSettings,
    described: Described,
    source: Path,
    *,
    name: str,
    request: Request,
) -> bytes:
    if source.is_file():
        written = source.read_bytes()
        data = rebase(written, DEFAULT_BASE_URL, settings.base_url, described.prefixes)
        jsonld_file = source.parent / (described.jsonld_name or "")
        if name == "jsonld" and data is written and described.jsonld_name and jsonld_file.is_file():
            return jsonld_file.read_bytes()
    else:
        data = described.build(state, settings)
    if name == "html":
        note = "" if source.is_file() else _NO_DUMP
        page = html_page(
            described.title, described.page(data, Links(state.base, str(request.base_url))) + note
        )
        return bytes(page.body)
    return convert_turtle(data, name, described.prefixes)


_NO_DUMP = (
    '<p class="notice">Der er ikke lavet en datadump endnu, så der er ingen filer at hente: '
    'data kan hentes gennem <a href="/sparql">SPARQL-endepunktet</a>. Filerne kommer, når '
    "udgiveren har kørt <code>referatgraf dump</code>.</p>"
)
