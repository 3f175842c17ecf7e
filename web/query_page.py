"""The query page: YASGUI at ``/sparql`` for browsers, with the gallery of example queries.

The ``/sparql`` endpoint's own GET handler calls :func:`render_query_page` when a browser asks
for the endpoint (``Accept`` prefers ``text/html``) without a ``query`` parameter, or with one
but without ``format=`` (a page's "Se forespørgslen" link): then the query is in the editor,
not run. The page
works without JavaScript too: a plain form sends the query to the endpoint (``GET ?query=``,
results as JSON, which browsers show, or as CSV, TSV or XML by ``format=``),
and each example's "Åbn i editoren" link reloads the page with that example in the form
(``?example=NAME``). With JavaScript, ``/static/query.js`` puts YASGUI (``/static/yasgui/``,
built from npm by ``make install``) in the form's place; nothing on the page comes from another
site.

:data:`router` serves the gallery as JSON at ``/sparql/examples``. The app mounts
:data:`STATIC_DIR` at ``/static``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, Final

from fastapi import APIRouter
from pyoxigraph import NamedNode, RdfFormat, parse
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.templating import Jinja2Templates

from ontology import ONTOLOGY_PATH
from ontology.namespace import NS
from ontology.vocabularies import (
    DCTERMS_NS,
    ELI_NS,
    FOAF_NS,
    ORG_NS,
    OWL,
    PROV,
    PROV_NS,
    RDF,
    RDF_NS,
    RDFS,
    RDFS_NS,
    SCHEMA_NS,
    SKOS,
    SKOS_NS,
    XSD_NS,
)
from sparql.gallery import Example, UnknownExampleError, example, examples

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "PREFIXES",
    "STATIC_DIR",
    "render_query_page",
    "router",
]

WEB_DIR: Final = Path(__file__).resolve().parent
STATIC_DIR: Final = WEB_DIR / "static"
TEMPLATES: Final = Jinja2Templates(directory=WEB_DIR / "templates")

PREFIXES: Final[dict[str, str]] = {
    "rg": NS,
    "rdf": RDF_NS,
    "rdfs": RDFS_NS,
    "xsd": XSD_NS,
    "skos": SKOS_NS,
    "prov": PROV_NS,
    "schema": SCHEMA_NS,
    "org": ORG_NS,
    "foaf": FOAF_NS,
    "eli": ELI_NS,
    "dcterms": DCTERMS_NS,
}
"""The prefixes every new query starts with and the editor completes: the ontology's own."""

# Terms of other vocabularies worth completing, besides every rg: term.
OTHER_PROPERTIES: Final = (
    RDF.type,
    RDFS.label,
    RDFS.comment,
    SKOS.prefLabel,
    SKOS.notation,
    SKOS.inScheme,
    PROV.wasGeneratedBy,
    PROV.generatedAtTime,
)
OTHER_CLASSES: Final = (SKOS.Concept, PROV.Entity)

# The stylesheet YASR's column resizer puts in <head> (a constant in @zazuko/yasgui 4.6.2), and
# the one style attribute YASQE writes (underlining in its syntax-error tooltip): allowed by hash
# so that no 'unsafe-inline' is needed. tests/web/test_query_page.py checks both against the
# built bundle, so an upgrade that changes them fails loudly.
COLUMN_RESIZER_STYLE_HASH: Final = "sha256-zCK2EVMoPc04mRF/g5CotUvxbJPWS+8V0b+s9ptqQIk="
SYNTAX_TOOLTIP_STYLE_HASH: Final = "sha256-EntWS0hFrz2vH7susM+dPUxvHlL6sBswmM8K80E5oUk="

# What the page needs, and nothing more: YASGUI runs without eval and without inline script.
CONTENT_SECURITY_POLICY: Final = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        f"style-src-elem 'self' '{COLUMN_RESIZER_STYLE_HASH}'",
        f"style-src-attr 'unsafe-hashes' '{SYNTAX_TOOLTIP_STYLE_HASH}'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    )
)

DEFAULT_QUERY_BODY: Final = """\
SELECT ?moede ?dato ?udvalg WHERE {
  ?moede a rg:Meeting ;
         rg:date ?dato ;
         rg:committee/rdfs:label ?udvalg .
}
ORDER BY DESC(?dato)
LIMIT 20
"""

GUIDE: Final = (
    ("Meeting", "et møde", "?moede a rg:Meeting ; rg:date ?dato ."),
    ("AgendaItem", "et punkt på dagsordenen", "?punkt rg:meeting ?moede ; rg:title ?titel ."),
    ("Decision", "beslutningen på et punkt", "?punkt rg:decision/rg:text ?beslutning ."),
    ("Committee", "et udvalg", "?moede rg:committee/rdfs:label ?udvalg ."),
    ("Municipality", "en kommune", "?moede rg:municipality/rg:kommunekode ?kode ."),
    ("Person", "en person", "?moede rg:attendee/rdfs:label ?navn ."),
    ("Law", "en lov", "?punkt rg:mentions ?lov . ?lov a rg:Law ."),
    ("Programme", "et program eller projekt", "?punkt rg:mentions ?p . ?p a rg:Programme ."),
)
"""The guide beside the editor: the main classes, what each is, and a pattern that uses it."""

router = APIRouter()


@router.get("/sparql/examples", name="sparql_examples")
def examples_json() -> JSONResponse:
    """The gallery as JSON: name, titles, description and query text of each example."""
    return JSONResponse([_example_json(e) for e in examples()])


def render_query_page(request: Request, *, base: str) -> Response:
    """The query page, with the query of ``?query=`` (a browser that follows a page's link to
    its SPARQL) or the example named by ``?example=`` in the editor, if there is one;
    ``base``: the dataset's IRI base, whose IRIs in the results link to their pages here."""
    chosen: Example | None = None
    status = 200
    name = request.query_params.get("example")
    if name:
        try:
            chosen = example(name)
        except UnknownExampleError:
            status = 404
    given = request.query_params.get("query")  # a page's "Se forespørgslen": open, not run
    endpoint = request.url.path
    root = str(request.scope.get("root_path", "")).rstrip("/")
    context: dict[str, Any] = {
        "endpoint": endpoint,
        "home": root + "/",
        "static": root + "/static",
        "examples": examples(),
        "guide": [{"name": n, "label": label, "example": e} for n, label, e in GUIDE],
        "chosen": chosen,
        "unknown_example": name if status == 404 else None,
        "query": given or (chosen.text if chosen else default_query()),
        "config": {
            "endpoint": endpoint,
            "base": base,  # results link IRIs under it to their pages here
            "defaultQuery": default_query(),
            "query": given,
            "example": chosen.name if chosen else None,
            "prefixes": PREFIXES,
            "classes": completions(classes=True),
            "properties": completions(classes=False),
        },
    }
    response = TEMPLATES.TemplateResponse(request, "query.html", context, status_code=status)
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["Vary"] = "Accept"
    return response


def default_query() -> str:
    """A first query: the prefixes, and the latest meetings."""
    lines = [f"PREFIX {prefix}: <{iri}>" for prefix, iri in PREFIXES.items()]
    return "\n".join(lines) + "\n\n" + DEFAULT_QUERY_BODY


@cache
def completions(*, classes: bool) -> tuple[str, ...]:
    """The IRIs the editor completes as classes (after ``a``) or as properties: the ontology's
    own, then a few of other vocabularies."""
    kinds = {OWL.Class} if classes else {OWL.ObjectProperty, OWL.DatatypeProperty}
    own = {
        t.subject.value
        for t in parse(path=ONTOLOGY_PATH, format=RdfFormat.TURTLE)
        if t.predicate.value == PREFIXES["rdf"] + "type"
        and t.object.value in kinds
        and isinstance(t.subject, NamedNode)
        and t.subject.value.startswith(NS)
    }
    return (*sorted(own), *(OTHER_CLASSES if classes else OTHER_PROPERTIES))


def _example_json(e: Example) -> dict[str, str | None]:
    return {
        "name": e.name,
        "title": e.title,
        "title_en": e.title_en,
        "description": e.description,
        "query": e.text,
    }
