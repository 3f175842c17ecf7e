"""The meeting page names where its minutes were published, ``load --source-url`` (or the
address a web page states itself), as "Originalt referat"; and says how the minutes were read
in words, not rule names."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.location import index_path_for
from tests.conftest import ROOT, referatgraf
from web.pages.meeting import meeting_page
from web.site_readers import Site

from .conftest import BASE, render, visible_text

SAMPLE = ROOT / "referatgraf" / "samples" / "000_dccc08daabfe9e2b.txt"
LEMVIG = BASE + "kommune/lemvig/udvalg/arbejdsmarkeds-og-integrationsudvalget/moede/2022-06-08"
PUBLISHED = "https://www.lemvig.dk/politik/referat 8. juni"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Site:
    store = tmp_path_factory.mktemp("published") / "store"
    ran = referatgraf("load", "--store", store, "--source-url", PUBLISHED, SAMPLE)
    assert ran.code == 0, ran.out + ran.err
    return Site(base=BASE, store_path=store, index_path=index_path_for(store))


def test_the_page_links_the_original(published: Site) -> None:
    page = meeting_page(published, LEMVIG, 1)
    assert page is not None
    assert page.data["source"]["source_url"] == "https://www.lemvig.dk/politik/referat%208.%20juni"
    html = render(page, LEMVIG)
    assert (
        '<dt>Originalt referat</dt><dd><a href="https://www.lemvig.dk/politik/referat%208.%20juni"'
        in html
    )


def test_without_an_address_the_file_and_its_checksum_stand(site: Site) -> None:
    page = meeting_page(site, LEMVIG, 1)
    assert page is not None
    text = visible_text(render(page, LEMVIG))
    assert "Originalt referat" not in text
    assert "Kildefil 000_dccc08daabfe9e2b.txt" in text
    assert "SHA-256" in text


def test_the_layout_is_told_in_words_with_the_rule_names_kept(site: Site) -> None:
    page = meeting_page(site, LEMVIG, 1)
    assert page is not None
    # the rules punkt-number+labels-on-own-line+indstiller-lines+toc, in words
    assert page.data["source"]["layout_words"] == [
        "Læst efter 4 kendetegn ved referatets opbygning",
        "Punkterne begynder med ordet »Punkt« og et nummer.",
        "Afsnit som »Sagsfremstilling« og »Beslutning« står på egen linje.",
        "Indstillingen begynder med »… indstiller«.",
        "Referatet begynder med en indholdsfortegnelse, som er sprunget over.",
    ]
    text = visible_text(render(page, LEMVIG))
    assert "Opbygning" not in text
    assert "Sådan blev det læst" in text


@pytest.mark.parametrize(
    ("address", "files"),
    [("javascript:alert(1)", [SAMPLE]), ("https://www.lemvig.dk/a", [SAMPLE, SAMPLE])],
)
def test_a_bad_source_url_is_a_usage_error(tmp_path: Path, address: str, files: list[Path]) -> None:
    ran = referatgraf("load", "--store", tmp_path / "store", "--source-url", address, *files)
    assert ran.code == 2, ran.out + ran.err
    assert "--source-url" in ran.err
