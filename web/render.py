"""A :class:`~web.pages.Page` as HTML: its template inside the page shell (``base.html``).

Every page gets the same context, so the shell can show what all pages show:

- ``title``: the ``<title>`` and, by convention, the page's one ``<h1>``;
- ``data``: the page's dict (``Page.data``), all the template needs;
- ``jsonld``: ``Page.jsonld`` as JSON safe inside ``<script type="application/ld+json">``
  (``<``, ``>`` and ``&`` written as ``\\u003c`` ...), or ``""``;
- ``queries``: each SPARQL of the page as ``{"text", "href", "equivalent"}``, ``href`` opening
  it at ``/sparql?query=...``, ``equivalent`` true for a query the page answered from a fast
  reader instead (:mod:`web.shown_queries`: shown as "Tilsvarende SPARQL");
- ``rdf_links``: the RDF variants of the resource as ``{"href", "type", "label", "name"}``;
- ``iri``: the resource's IRI (``None`` for pages that are no resource: search, coverage);
- ``query``: the words searched for (``Page.data["q"]``, the search page's), which the header's
  search box shows; ``""`` on other pages.

Jinja2 escapes every value (autoescape on); the filters ``tal`` (``1.234``) and ``dato``
(``"2020-01-08"`` -> ``8. januar 2020``) write numbers and dates the Danish way.

>>> safe_json({"name": "</script><b>&"})
'{"name": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
>>> query_href("SELECT * WHERE { ?s ?p ?o }")
'/sparql?query=SELECT%20%2A%20WHERE%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D'
>>> dato("2020-01-08")
'8. januar 2020'
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

import jinja2
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from graph.labels import danish_date, danish_number
from web.pages import Page
from web.pages.page_values import iso_day
from web.shown_queries import is_equivalent


class PageEnvironment(jinja2.Environment):
    """Jinja2 as the pages use it: ``data.label`` on a page's dict (plain dicts all through)
    reads the key first. Jinja tries the attribute first, and raising and catching an
    ``AttributeError`` for each value was a fifth of the time a page of 50 mentions took;
    a template may still call a dict's methods, as no key is named after them."""

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


TEMPLATES: Final = Jinja2Templates(
    env=PageEnvironment(
        loader=jinja2.FileSystemLoader(Path(__file__).resolve().parent / "templates"),
        autoescape=jinja2.select_autoescape(),
        auto_reload=False,  # shipped with the code: no stat of every template on every page
    )
)


def dato(value: str | dt.date | None) -> str:
    """An ISO date (or a ``date``) as Danish prose; anything else as it is."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return danish_date(value)
    return iso_day(value) or ""


TEMPLATES.env.filters["tal"] = danish_number
TEMPLATES.env.filters["dato"] = dato


def safe_json(value: Any) -> str:
    """JSON that cannot end a ``<script>`` block nor start markup inside one."""
    text = json.dumps(value, ensure_ascii=False, indent=None)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def query_href(query: str) -> str:
    """Where a query opens in the query page."""
    # quoted line by line: the lines of a page's queries repeat from request to request (only
    # the VALUES line changes), and quote() costs a page of 50 mentions more than its links
    return "/sparql?query=" + "%0A".join(_quoted(line) for line in query.split("\n"))


@lru_cache(maxsize=4096)
def _quoted(line: str) -> str:
    return quote(line, safe="")


def search_words(page: Page) -> str:
    """What the header's search box shows: the search page's query (its ``data["q"]``).

    >>> search_words(Page("Søg", "pages/search.html", {"q": "ældre"}))
    'ældre'
    >>> search_words(Page("KLAPjob", "pages/entity.html", {}))
    ''
    """
    words = page.data.get("q")
    return words if isinstance(words, str) else ""


def render_page(
    request: Request,
    page: Page,
    *,
    iri: str | None = None,
    rdf_links: Iterable[dict[str, str]] = (),
    status_code: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    """The HTML of ``page``: ``page.template`` (which extends ``base.html``) with the shared
    context described in the module's docstring."""
    context: dict[str, Any] = {
        "title": page.title,
        "data": page.data,
        "jsonld": Markup(safe_json(page.jsonld)) if page.jsonld else "",  # noqa: S704 - escaped above
        "queries": [
            {"text": q, "href": query_href(q), "equivalent": is_equivalent(q)} for q in page.queries
        ],
        "rdf_links": list(rdf_links),
        "iri": iri,
        "query": search_words(page),
    }
    return TEMPLATES.TemplateResponse(
        request, page.template, context, status_code=status_code, headers=headers
    )
