"""An item read from a PDF says on its page which pages of the PDF it came from: "side 3 i
PDF'en", "side 5–6 i PDF'en" for one that runs over two. The city council fixture
(``tests/loaders/pdf_layouts/pdfb_byraad``) is typeset, loaded with ``referatgraf load`` as a
user would, and its pages are asked for through the app's own route, as a browser would."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi import FastAPI

from graph.location import index_path_for
from sparql.query_worker import store_state
from sparql.store_state import CurrentState
from tests.conftest import referatgraf
from tests.loaders.pdf_fixtures import typeset
from tests.loaders.pdf_sources import blocks_from_markup
from web import resources
from web.pages.item import item_page
from web.site_readers import Site

from .conftest import BASE, render, visible_text
from .test_entity_pages_http import HTML, Client

FIXTURE = Path(__file__).resolve().parents[2] / "loaders" / "pdf_layouts" / "pdfb_byraad.txt"
MEETING = "kommune/viborg/udvalg/byraadet/moede/2025-06-24"


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    folder = tmp_path_factory.mktemp("pdf-site")
    blocks, furniture = blocks_from_markup(FIXTURE.read_text(encoding="utf-8"))
    pdf = folder / "byraad-2025-06-24.pdf"
    pdf.write_bytes(typeset(blocks, furniture).pdf)
    ran = referatgraf("load", "--store", folder / "store", pdf)
    assert ran.code == 0, ran.stdout + ran.stderr
    return Site(base=BASE, store_path=folder / "store", index_path=index_path_for(folder / "store"))


@pytest.mark.parametrize(("number", "pages"), [(1, "3"), (3, "5–6"), (18, "25"), (21, "28")])
def test_the_item_page_names_its_pdf_pages(pdf_site: Site, number: int, pages: str) -> None:
    iri = f"{BASE}{MEETING}/punkt/{number}"
    page = item_page(pdf_site, iri, 1)
    assert page is not None
    assert page.data["provenance"]["pdf_pages"] == pages
    assert page.data["provenance"]["file_name"] == "byraad-2025-06-24.pdf"
    text = visible_text(render(page, iri))
    assert f"Placering side {pages} i PDF'en" in text


def test_over_http(pdf_site: Site) -> None:
    app = FastAPI()
    resources.install(app, pdf_site, CurrentState(lambda: store_state(pdf_site.store()), ttl=None))
    response = Client(app).get(f"/{MEETING}/punkt/12", HTML)
    assert response.status_code == 200
    assert "side 17–18 i PDF&#39;en" in response.text or "side 17–18 i PDF'en" in response.text


def test_an_item_from_a_text_file_names_no_pdf_page(site: Site) -> None:
    iri = BASE + "kommune/lemvig/udvalg/arbejdsmarkeds-og-integrationsudvalget/moede/2022-06-08"
    page = item_page(site, iri + "/punkt/4", 1)
    assert page is not None
    assert page.data["provenance"]["pdf_pages"] is None
    assert "i PDF'en" not in visible_text(render(page, iri + "/punkt/4"))


def test_each_section_names_its_pdf_pages(pdf_site: Site) -> None:
    """Item 3 runs from page 5 onto page 6: its case text over both, the recommendation at the
    end on page 6 (the decision, headed 'Beslutning Byrådet den 24-06-2025', is shown apart)."""
    iri = f"{BASE}{MEETING}/punkt/3"
    page = item_page(pdf_site, iri, 1)
    assert page is not None
    found = [(s["label"], s["pdf_pages"]) for s in page.data["sections"]]
    assert found == [("sagsfremstilling", "5–6"), ("indstilling", "6")]
    text = visible_text(render(page, iri))
    assert "· side 5–6 i PDF'en" in text
