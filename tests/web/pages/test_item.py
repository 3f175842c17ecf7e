"""The agenda item page over the five samples: text by section with mentions marked and linked,
case number and KLE, decision and outcome, attachments, treatments, absences, provenance."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pyoxigraph import NamedNode, QuerySolutions

from web.pages import Page, item
from web.pages.highlight import Span, marked_text
from web.pages.item import item_page
from web.pages.page_sparql import bound_text, page_query, python_value
from web.site_readers import Site

from .conftest import BASE, render, visible_text

LEMVIG = BASE + "kommune/lemvig/udvalg/arbejdsmarkeds-og-integrationsudvalget/moede/2022-06-08"
LEJRE_2022 = (
    BASE + "kommune/lejre/udvalg/udvalget-for-job-arbejdsmarked-og-integration/moede/2022-05-04"
)
KLAPJOB_LINK = '><a href="/program/klapjob" title="KLAPjob">KLAPjob</a></mark>'
# each mark has the id of its mention (<item>/omtale/N), for the entity pages to link to
LEMVIG_KLAPJOB_MARK = '<mark id="omtale-13"' + KLAPJOB_LINK
LEJRE_KLAPJOB_MARK = '<mark id="omtale-2"' + KLAPJOB_LINK


def page_of(site: Site, iri: str) -> Page:
    page = item_page(site, iri, 1)
    assert page is not None
    return page


def marked_in(paragraphs: list[list[dict[str, Any]]]) -> list[tuple[str, str | None]]:
    return [(s["text"], s["href"]) for p in paragraphs for s in p if s["marked"]]


def plain(paragraphs: list[list[dict[str, Any]]]) -> str:
    return "\n\n".join("".join(s["text"] for s in p) for p in paragraphs)


def test_lemvig_item_4_heading_meeting_committee_and_municipality(site: Site) -> None:
    page = page_of(site, LEMVIG + "/punkt/4")
    assert page.title == "Punkt 4: De beskæftigelsespolitiske mål for 2023"
    assert page.template == "pages/item.html"
    data = page.data
    assert data["number"] == 4
    assert data["closed"] is False
    assert data["date"] == "8. juni 2022"
    assert data["meeting"]["href"] == LEMVIG.removeprefix(BASE[:-1])
    assert data["meeting"]["label"] == "Arbejdsmarkeds- og Integrationsudvalget, møde 8. juni 2022"
    assert data["committee"]["label"] == "Arbejdsmarkeds- og Integrationsudvalget"
    assert data["municipality"] == {
        "href": "/kommune/lemvig",
        "label": "Lemvig Kommune",
        "iri": BASE + "kommune/lemvig",
    }
    assert data["cases"] == [
        {
            "number": "15.20.00A00-1-22",
            "kle_code": "15.20.00",
            "kle": {"href": "/kle/15.20.00", "label": "KLE 15.20.00", "iri": BASE + "kle/15.20.00"},
        }
    ]


def test_lemvig_item_4_klapjob_is_marked_and_linked_in_the_sagsfremstilling(site: Site) -> None:
    data = page_of(site, LEMVIG + "/punkt/4").data
    headings = [s["heading"] for s in data["sections"]]
    assert headings == [
        "Resume",
        "Sagsfremstilling",
        "Sagen afgøres endelig af",
        "Lovgrundlag",
        "Vision, politikker og strategier",
        "Økonomi",
        "Direktøren for Social/Sundhed og Arbejdsmarked indstiller,",
    ]  # "Beslutning" is shown at the top, as the decision; "Bilag" as the list of attachments
    assert [plain(a["title"]) for a in data["attachments"]] == [
        "Brev til kommuner og jobcentre",
        "Beskæftigelsesplan 2022",
    ]
    by_heading = {s["heading"]: s for s in data["sections"]}
    sagsfremstilling = by_heading["Sagsfremstilling"]
    assert ("KLAPjob", "/program/klapjob") in marked_in(sagsfremstilling["text"])
    assert sagsfremstilling["lines"] == "89–131"
    assert sagsfremstilling["offsets"] == "2113–6506"
    assert marked_in(by_heading["Lovgrundlag"]["text"]) == [
        ("Lov om aktiv beskæftigelse", "/lov/lab-2019")
    ]
    html = render(page_of(site, LEMVIG + "/punkt/4"), LEMVIG + "/punkt/4")
    assert html.count(LEMVIG_KLAPJOB_MARK) == 1


def test_lejre_2022_item_2_klapjob_is_marked_in_the_resume(site: Site) -> None:
    page = page_of(site, LEJRE_2022 + "/punkt/2")
    # the decision first: its section "Beslutning" at the top, not among the others
    assert [s["heading"] for s in page.data["sections"]] == ["Resumé"]  # "Bilag": a list
    assert [d["heading"] for d in page.data["decisions"]] == ["Beslutning"]
    resume = page.data["sections"][0]
    assert resume["label"] == "resume"
    assert resume["lines"] == "34–58"
    assert ("KLAPjob", "/program/klapjob") in marked_in(resume["text"])
    assert LEJRE_KLAPJOB_MARK in render(page, LEJRE_2022 + "/punkt/2")


def test_the_marked_text_is_the_stored_text_and_offsets_index_code_points(site: Site) -> None:
    """For every mention in the samples, ``text[begin:end]`` is its anchor text; so the page
    cuts the text exactly where the mention stands."""
    query = """PREFIX rg: <https://w3id.org/referatgraf/def#>
    SELECT ?text ?begin ?end ?anchor WHERE {
      ?m a rg:Mention ; rg:inText ?node ; rg:beginIndex ?begin ; rg:endIndex ?end ;
         rg:anchorText ?anchor . ?node rg:text ?text }"""
    rows = site.store().query(query)
    assert isinstance(rows, QuerySolutions)
    checked = 0
    for row in rows:
        text, begin, end = row["text"].value, int(row["begin"].value), int(row["end"].value)
        assert text[begin:end] == row["anchor"].value
        checked += 1
    assert checked == 318  # 004's attendance notes are no longer decision text


def test_each_section_shows_its_whole_text(site: Site) -> None:
    page = page_of(site, LEMVIG + "/punkt/4")
    for section in [*page.data["sections"], *page.data["decisions"]]:  # the decision on top
        text = site.store().query(
            "SELECT ?s ?t WHERE { ?s <https://w3id.org/referatgraf/def#text> ?t }",
            substitutions={"s": NamedNode(section["iri"])},
        )
        assert isinstance(text, QuerySolutions)
        stored = next(iter(text))["t"].value
        shown = plain(section["text"])
        assert "".join(shown.split()) == "".join(stored.split())


def test_decision_outcome_attachments_and_absences(site: Site) -> None:
    data = page_of(site, LEMVIG + "/punkt/4").data
    assert len(data["decisions"]) == 1
    decision = data["decisions"][0]
    assert decision["outcome"]["href"] == "/def/outcome/taget-til-efterretning"
    assert decision["outcome"]["label"] == "taget til efterretning"
    # the decision's words at the top, with the heading and place of its section
    assert plain(decision["text"]) == "Taget til efterretning."
    assert (decision["heading"], decision["lines"]) == ("Beslutning", "155–157")
    assert "Beslutning" not in [s["heading"] for s in data["sections"]]
    assert [plain(a["title"]) for a in data["attachments"]] == [
        "Brev til kommuner og jobcentre",
        "Beskæftigelsesplan 2022",
    ]
    assert [(a["person"]["label"], a["reason"]) for a in data["absences"]] == [
        ("Jens Lønberg Pedersen", "deltog ikke"),
        ("Jens Lønberg Pedersen", "fraværende"),
        ("Tina Boel van Ingen", "deltog ikke"),
        ("Tina Boel van Ingen", "fraværende"),
    ]
    mentioned = {m["entity"]["href"]: m["count"] for m in data["mentioned"]}
    assert mentioned["/program/klapjob"] == 1
    assert mentioned["/kommune/lemvig"] == 4


def test_earlier_treatments(site: Site) -> None:
    data = page_of(site, LEJRE_2022 + "/punkt/6").data
    assert [(t["committee"]["label"], t["date"], plain(t["text"])) for t in data["treatments"]] == [
        (
            "Udvalget for Erhverv, Klima og Lokal udvikling",
            "2. maj 2022",
            "Beslutning ikke frigivet",
        ),
        ("Udvalget for Børn og Ungdom", "3. maj 2022", "Taget til efterretning"),
    ]


def test_a_closed_item_says_so(site: Site) -> None:
    page = page_of(site, LEMVIG + "/punkt/2")
    assert page.data["closed"] is True
    assert "Lukket punkt" in visible_text(render(page, LEMVIG + "/punkt/2"))
    untitled = page_of(site, LEMVIG + "/punkt/3")
    assert untitled.title == "Punkt 3"
    assert untitled.data["closed"] is True


def test_provenance_names_the_source_file_lines_offsets_and_load_time(site: Site) -> None:
    page = page_of(site, LEMVIG + "/punkt/4")
    provenance = page.data["provenance"]
    assert provenance["file_name"] == "000_dccc08daabfe9e2b.txt"
    assert provenance["source"]["href"] == LEMVIG.removeprefix(BASE[:-1]) + "/kilde"
    assert provenance["lines"] == "81–167"
    assert provenance["offsets"] == "1856–7158"
    assert provenance["loaded_at"].endswith(" UTC")
    assert provenance["run"]["href"].startswith("/indlaesning/")
    text = visible_text(render(page, LEMVIG + "/punkt/4"))
    assert "Kildefil 000_dccc08daabfe9e2b.txt" in text
    assert "Linjer 81–167" in text


def test_json_ld_is_a_creative_work_with_the_items_iri(site: Site) -> None:
    page = page_of(site, LEMVIG + "/punkt/4")
    found = json.loads(json.dumps(page.jsonld))
    assert found["@context"] == "https://schema.org"
    assert found["@type"] == "CreativeWork"
    assert found["@id"] == LEMVIG + "/punkt/4"
    assert found["isPartOf"]["@id"] == LEMVIG
    assert found["datePublished"] == "2022-06-08"
    assert {"@id": BASE + "program/klapjob", "name": "KLAPjob"} in found["mentions"]
    assert found["about"] == [{"@id": BASE + "kle/15.20.00", "name": "KLE 15.20.00"}]


def test_the_queries_shown_are_the_queries_run(site: Site) -> None:
    """A reader who runs a page's SPARQL as shown gets the rows the page got; the values are
    written in as VALUES, and give what ``substitutions=`` gives."""
    iri = LEMVIG + "/punkt/4"
    page = page_of(site, iri)
    assert len(page.queries) == 6
    # the sixth, the vote table, has no rows on the samples (tests/web/test_votes_pages.py)
    assert page.queries[5] == bound_text(page_query("item_votes"), {"item": NamedNode(iri)})
    names = ("item_main", "item_sections", "item_parts", "item_mentions", "item_mentioned")
    bindings = {"item": NamedNode(iri), "source": NamedNode(LEMVIG + "/kilde")}
    for name, shown in zip(names, page.queries[:5], strict=True):
        assert f"VALUES ?item {{ <{iri}> }}" in shown
        used = {k: v for k, v in bindings.items() if f"?{k}" in page_query(name)}
        bound = site.store().query(page_query(name), substitutions=used)
        as_shown = site.store().query(shown)
        assert isinstance(bound, QuerySolutions)
        assert isinstance(as_shown, QuerySolutions)
        rows = sorted(repr([python_value(v) for v in row]) for row in bound)
        assert rows == sorted(repr([python_value(v) for v in row]) for row in as_shown)
        assert rows


def test_the_mentions_from_the_side_index_are_the_mentions_in_the_store(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every item of the samples: the page that reads its mentions from the side index is the
    page that reads them from the store, and the side index is used only for a document it
    read from the same file as the store."""
    found = site.store().query(
        "SELECT ?i WHERE { ?i a <https://w3id.org/referatgraf/def#AgendaItem> }"
    )
    assert isinstance(found, QuerySolutions)
    items = sorted(str(row["i"].value) for row in found)
    assert len(items) == 46
    ran: list[str] = []
    real_run = item.run
    monkeypatch.setattr(
        item, "run", lambda store, name, *a, **k: ran.append(name) or real_run(store, name, *a, **k)
    )
    indexed = [page_of(site, iri) for iri in items]
    assert ran == []  # the item's facts by lookups (item_facts), its mentions from the index
    used: list[str] = []
    real_index_of = item.index_of
    monkeypatch.setattr(item, "index_of", lambda s: used.append("index") or real_index_of(s))
    monkeypatch.setattr(item, "_sha256", lambda s, source: "another file")
    from_store = [page_of(site, iri) for iri in items]
    assert len(used) == len(items)  # asked, and not used: the file differs
    assert sorted(set(ran)) == ["item_mentioned", "item_mentions"]  # so the store is asked
    assert len(ran) == 2 * len(items)
    for a, b in zip(indexed, from_store, strict=True):
        assert (a.data, a.queries) == (b.data, b.queries)
    assert sum(len(p.data["mentioned"]) for p in indexed) > 50


@pytest.mark.parametrize(
    "iri", [LEMVIG + "/punkt/99", BASE + "kommune/lejre", "https://example.org/x"]
)
def test_not_an_item_gives_none(site: Site, iri: str) -> None:
    assert item_page(site, iri, 1) is None


def test_markup_in_the_minutes_renders_inert(site: Site) -> None:
    page = page_of(site, LEMVIG + "/punkt/4")
    hostile = '<script>alert("x")</script> om <b>KLAPjob</b>'
    klapjob = Span(hostile.index("KLAPjob"), hostile.index("KLAPjob") + 7, "/program/klapjob")
    data = dict(page.data)
    data["heading"] = marked_text(hostile, [klapjob])
    data["sections"] = [{**page.data["sections"][0], "text": marked_text(hostile, [klapjob])}]
    html = render(Page(page.title, page.template, data), LEMVIG + "/punkt/4")
    assert "<script>alert" not in html
    assert "<b>" not in html
    assert html.count("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;") == 2
    assert html.count('<mark><a href="/program/klapjob" title="">KLAPjob</a></mark>') == 2


def test_no_item_page_shows_an_empty_section(site: Site) -> None:
    """A heading with nothing under it ("Bilag" and no attachment text) is left out."""
    found = site.store().query(
        "SELECT DISTINCT ?item WHERE { ?item a <https://w3id.org/referatgraf/def#AgendaItem> }"
    )
    assert isinstance(found, QuerySolutions)
    items = [str(row["item"].value) for row in found]
    assert len(items) > 30
    for iri in items:
        for section in page_of(site, iri).data["sections"]:
            assert plain(section["text"]).strip() or section["outcome"], (iri, section["heading"])


def test_attachments_are_listed_once(site: Site) -> None:
    """An item whose minutes list attachments under "Bilag" shows them in the list of
    attachments, not also as a section with the same heading."""
    found = site.store().query(
        "SELECT DISTINCT ?item WHERE { ?item a <https://w3id.org/referatgraf/def#AgendaItem> }"
    )
    assert isinstance(found, QuerySolutions)
    with_attachments = 0
    for iri in (str(row["item"].value) for row in found):
        data = page_of(site, iri).data
        headings = [section["heading"].casefold() for section in data["sections"]]
        if data["attachments"]:
            with_attachments += 1
            assert "bilag" not in headings, iri
    assert with_attachments == 12  # the items of the samples that list attachments
