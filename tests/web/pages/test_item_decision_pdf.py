"""The decision at the top of an item's page keeps where it came from when the minutes are a
PDF: its section's lines and characters, and the pages of the PDF (the city council fixture of
test_item_pdf.py: item 3's decision, 'Beslutning Byrådet den 24-06-2025', on page 6)."""

from __future__ import annotations

from web.pages.item import item_page
from web.site_readers import Site

from .conftest import BASE, render, visible_text
from .test_item_pdf import MEETING, pdf_site  # noqa: F401 - the fixture, shared


def test_the_decision_names_its_pdf_page(pdf_site: Site) -> None:  # noqa: F811
    iri = f"{BASE}{MEETING}/punkt/3"
    page = item_page(pdf_site, iri, 1)
    assert page is not None
    (decision,) = page.data["decisions"]
    assert decision["heading"] == "Beslutning Byrådet den 24-06-2025"
    assert decision["pdf_pages"] == "6"
    text = visible_text(render(page, iri))
    assert "Afsnittet «Beslutning Byrådet den 24-06-2025»" in text
    assert text.index("Beslutning Byrådet den 24-06-2025") < text.index("Punktets tekst")
    box = text[text.index("Afsnittet «Beslutning") :].split("Punktets tekst", 1)[0]
    assert box.rstrip().endswith("· side 6 i PDF'en")
