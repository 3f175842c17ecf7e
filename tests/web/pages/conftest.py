"""The entity pages over the five samples: a :class:`~web.site_readers.Site` on the store that
``tests/web/conftest.py`` loads once, and the pages rendered as the server renders them."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from starlette.templating import Jinja2Templates

from graph.location import index_path_for
from web.pages import Page
from web.site_readers import Site

BASE = "https://w3id.org/referatgraf/"
TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parents[3] / "web" / "templates")


@pytest.fixture(scope="session")
def site(samples_store: Path) -> Site:
    return Site(base=BASE, store_path=samples_store, index_path=index_path_for(samples_store))


def render(page: Page, iri: str) -> str:
    """The page's HTML (its template inside ``base.html``), as the server renders it."""
    template = TEMPLATES.env.get_template(page.template)
    return template.render(title=page.title, data=page.data, iri=iri)


def visible_text(html: str) -> str:
    """The text a reader sees, tags dropped and white space folded."""
    body = html.split("<main", 1)[-1]
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split())
