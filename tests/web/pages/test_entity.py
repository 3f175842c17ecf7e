"""The law, programme and organisation pages (web/pages/entity.py) over the five samples: the
facts of the reference data, the counts, timeline and mentions of the side index, the JSON-LD,
and SPARQL that gives the same numbers as the index."""

from __future__ import annotations

import asyncio
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from pyoxigraph import QuerySolutions

from sparql.query_worker import store_state
from sparql.store_state import CurrentState
from web import resources
from web.pages import builder_for, entity
from web.pages.item import item_page
from web.site_readers import Site

from .conftest import BASE, render, visible_text

KLAPJOB = BASE + "program/klapjob"
LAB_2019 = BASE + "lov/lab-2019"
STAR = BASE + "organisation/star"
JOBCENTER_LEJRE = BASE + "kommune/lejre/jobcenter"
LEJRE_ITEM = (
    "/kommune/lejre/udvalg/udvalget-for-job-arbejdsmarked-og-integration/moede/2022-05-04/punkt/2"
)
LEMVIG_ITEM = (
    "/kommune/lemvig/udvalg/arbejdsmarkeds-og-integrationsudvalget/moede/2022-06-08/punkt/4"
)
RINGKOEBING_SKJERN_ITEM = (
    "/kommune/ringkoebing-skjern/udvalg/beskaeftigelsesudvalget/moede/2022-08-18/punkt/3"
)
SVG = "{http://www.w3.org/2000/svg}"


def mentions(data: dict[str, object]) -> list[dict[str, str]]:
    groups = data["groups"]
    assert isinstance(groups, list)
    return [m for g in groups for y in g["years"] for m in y["mentions"]]


def test_klapjob_lists_lemvig_and_lejre_with_links_to_the_exact_items(site: Site) -> None:
    page = entity.programme_page(site, KLAPJOB, 1)
    assert page is not None
    data = page.data
    assert page.title == "KLAPjob"
    assert data["facts"]["names"] == ["KLAP-job"]
    assert data["facts"]["kind_label"] == "projekt"
    assert data["totals"]["text"] == "2 omtaler i 2 dagsordenspunkter fra 2 kommuner."
    assert [(g["label"], g["href"], g["text"]) for g in data["groups"]] == [
        ("Lejre Kommune", "/kommune/lejre", "1 omtale"),
        ("Lemvig Kommune", "/kommune/lemvig", "1 omtale"),
    ]
    assert [[y["label"] for y in g["years"]] for g in data["groups"]] == [["2022"], ["2022"]]
    found = mentions(data)
    assert [(m["href"], m["date"], m["anchor_text"]) for m in found] == [
        (LEJRE_ITEM + "#omtale-2", "4. maj 2022", "KLAPjob"),
        (LEMVIG_ITEM + "#omtale-13", "8. juni 2022", "KLAPjob"),
    ]
    assert found[1]["before"] == "Jobcentret samarbejder med "
    assert found[1]["after"].startswith(" om at etablere skånejobs")
    assert found[1]["item_label"] == "Punkt 4: De beskæftigelsespolitiske mål for 2023"
    assert found[1]["committee"] == "Arbejdsmarkeds- og Integrationsudvalget"
    assert data["feed"] == "/feeds/program/klapjob.atom"
    assert (data["previous"], data["next"]) == (None, None)
    assert page.jsonld == {
        "@context": "https://schema.org/",
        "@id": KLAPJOB,
        "@type": "Project",
        "name": "KLAPjob",
        "inLanguage": "da",
        "alternateName": ["KLAP-job"],
    }


def test_klapjob_html_has_the_timeline_the_table_and_the_mentions(site: Site) -> None:
    page = entity.programme_page(site, KLAPJOB, 1)
    assert page is not None
    html = render(page, KLAPJOB)
    assert f'<a href="{LEJRE_ITEM}#omtale-2">Punkt 2: Orientering maj 2022</a>' in html
    assert f'<a href="{LEMVIG_ITEM}#omtale-13">' in html
    assert "<mark>KLAPjob</mark>" in html
    assert 'href="/feeds/program/klapjob.atom"' in html
    assert " style=" not in html
    svg = re.search(r"<svg .*?</svg>", html, re.DOTALL)
    assert svg is not None
    root = ET.fromstring(svg.group(0))
    assert len([r for r in root.iter(SVG + "rect") if r.get("class") == "bar"]) == 2
    assert "<caption>Omtaler af KLAPjob pr. år og kommune</caption>" in html
    text = visible_text(html)
    assert "Program · projekt" in text
    assert "2 omtaler i 2 dagsordenspunkter fra 2 kommuner." in text


def test_the_2019_act_has_mentions_from_three_municipalities(site: Site) -> None:
    builder = builder_for({"Law"})
    assert builder is not None
    page = builder(site, LAB_2019, 1)
    assert page is not None
    data = page.data
    facts = data["facts"]
    assert facts["enactment"] == "LOV nr 548 af 07/05/2019"
    assert facts["enacted"] == "7. maj 2019"
    assert facts["in_force_from"] == "1. januar 2020"
    assert facts["eli"] == "https://www.retsinformation.dk/eli/lta/2019/548"
    assert [(o["href"], o["enactment"], o["in_force_to"]) for o in facts["same_work"]] == [
        ("/lov/lab-2003", "LOV nr 419 af 10/06/2003", "31. december 2019")
    ]
    assert "beskæftigelsesloven" in facts["names"]
    assert data["totals"]["text"] == "10 omtaler i 8 dagsordenspunkter fra 3 kommuner."
    assert data["provisions"] == [
        {
            "provision": "§ 91",
            "text": "1 punkt",
            "citing": [
                {
                    "href": RINGKOEBING_SKJERN_ITEM,
                    "label": 'Punkt 3: Henvendelse fra Autismecenter Vest om "Klar til start" på '
                    "KRAMP",
                    "municipality": "Ringkøbing-Skjern Kommune",
                    "municipality_href": "/kommune/ringkoebing-skjern",
                    "committee": "Beskæftigelsesudvalget",
                    "committee_href": "/kommune/ringkoebing-skjern/udvalg/beskaeftigelsesudvalget",
                    "date": "18. august 2022",
                    "date_iso": "2022-08-18",
                    "cited": "",
                }
            ],
            "more": "",
        }
    ]
    assert data["provisions_more"] == ""
    assert facts["candidate_note"] is None
    assert [(g["label"], g["text"]) for g in data["groups"]] == [
        ("Lejre Kommune", "4 omtaler"),
        ("Lemvig Kommune", "5 omtaler"),
        ("Ringkøbing-Skjern Kommune", "1 omtale"),
    ]
    assert [(y["label"], y["text"]) for g in data["groups"] for y in g["years"]] == [
        ("2020", "4 omtaler"),
        ("2022", "5 omtaler"),
        ("2022", "1 omtale"),
    ]
    assert len(mentions(data)) == 10
    timeline = data["timeline"]
    assert timeline["years"] == [2020, 2021, 2022]
    assert [(r["label"], r["counts"]) for r in timeline["rows"]] == [
        ("Lemvig Kommune", ["0", "0", "5"]),
        ("Lejre Kommune", ["4", "0", "0"]),
        ("Ringkøbing-Skjern Kommune", ["0", "0", "1"]),
    ]
    root = ET.fromstring(timeline["svg"])
    assert len([r for r in root.iter(SVG + "rect") if r.get("class") == "bar"]) == 3
    assert page.jsonld["@type"] == "Legislation"
    assert page.jsonld["legislationIdentifier"] == "LOV nr 548 af 07/05/2019"
    assert page.jsonld["sameAs"] == "https://www.retsinformation.dk/eli/lta/2019/548"
    assert page.jsonld["legislationDate"] == "2019-05-07"


def test_the_page_sparql_gives_the_numbers_of_the_index(site: Site) -> None:
    page = entity.law_page(site, LAB_2019, 1)
    assert page is not None
    assert len(page.queries) == 4
    assert all(f"VALUES ?entity {{ <{LAB_2019}> }}" in q for q in page.queries)
    totals, provisions, timeline, listed = (_rows(site, q) for q in page.queries)
    assert totals == [{"omtaler": "10", "punkter": "8", "kommuner": "3"}]
    assert provisions == [{"paragraf": "§ 91", "punkter": "1", "omtaler": "1"}]
    assert [(r["kommune"], r["aar"], r["omtaler"]) for r in timeline] == [
        ("Lejre Kommune", "2020", "4"),
        ("Lemvig Kommune", "2022", "5"),
        ("Ringkøbing-Skjern Kommune", "2022", "1"),
    ]
    hrefs = [
        f"{site.path_for_iri(r['punkt'])}#omtale-{r['omtale'].rsplit('/', 1)[1]}" for r in listed
    ]
    assert sorted(hrefs) == sorted(m["href"] for m in mentions(page.data))
    # the same order, item by item (within an item the SPARQL sorts the mention IRIs as text)
    assert [h.split("#")[0] for h in hrefs] == [
        m["href"].split("#")[0] for m in mentions(page.data)
    ]


@pytest.mark.parametrize("iri", [KLAPJOB, LAB_2019])
def test_each_mention_links_to_its_mark_on_the_item_page(site: Site, iri: str) -> None:
    page = entity.entity_page(site, iri, 1, "Programme" if iri == KLAPJOB else "Law")
    assert page is not None
    found = mentions(page.data)
    assert len(found) == (2 if iri == KLAPJOB else 10)
    for mention in found:
        path, anchor = mention["href"].split("#")
        assert re.fullmatch(r"omtale-\d+", anchor)
        item = item_page(site, site.iri_for_path(path), 1)
        assert item is not None
        html = render(item, site.iri_for_path(path))
        marked = re.search(f'<mark id="{anchor}"><a href="([^"]+)"[^>]*>([^<]+)</a></mark>', html)
        assert marked is not None, mention["href"]
        assert marked.group(1) == site.path_for_iri(iri)
        assert " ".join(marked.group(2).split()) == " ".join(mention["anchor_text"].split())


def _rows(site: Site, query: str) -> list[dict[str, str]]:
    result = site.store().query(query)
    assert isinstance(result, QuerySolutions)
    names = [v.value for v in result.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in result]


def test_organisation_star_is_an_agency_under_the_ministry(site: Site) -> None:
    page = entity.organisation_page(site, STAR, 1)
    assert page is not None
    facts = page.data["facts"]
    assert facts["label"] == "Styrelsen for Arbejdsmarked og Rekruttering"
    assert facts["names"] == ["STAR"]
    assert facts["kind_label"] == "styrelse"
    assert facts["parent"]["href"] == "/organisation/beskaeftigelsesministeriet"
    assert facts["parent"]["label"] == "Beskæftigelsesministeriet"
    assert page.data["totals"]["mentions"] == 7
    assert page.data["provisions"] == []
    assert page.jsonld["@type"] == "GovernmentOrganization"
    assert (
        page.jsonld["parentOrganization"]["@id"] == BASE + "organisation/beskaeftigelsesministeriet"
    )


def test_mentions_are_paged_with_forrige_and_naeste(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(entity, "PER_PAGE", 3)
    first = entity.organisation_page(site, JOBCENTER_LEJRE, 1)
    assert first is not None
    assert first.data["facts"]["kind_label"] == "jobcenter"
    assert first.data["totals"]["mentions"] == 14
    assert first.data["paging"] == {"page": 1, "pages": 5, "total": 14, "first": 1, "last": 3}
    assert (first.data["previous"], first.data["next"]) == (None, "?side=2")
    assert len(mentions(first.data)) == 3
    last = entity.organisation_page(site, JOBCENTER_LEJRE, 5)
    assert last is not None
    assert (last.data["previous"], last.data["next"]) == ("?side=4", None)
    assert len(mentions(last.data)) == 2
    seen = [m["href"] + m["before"] for n in range(1, 6) for m in _page_mentions(site, n)]
    assert len(seen) == 14
    html = render(first, JOBCENTER_LEJRE)
    assert '<a rel="next" href="?side=2">Næste →</a>' in html
    assert "Side 1 af 5 (omtale 1–3 af 14)" in html


def _page_mentions(site: Site, number: int) -> list[dict[str, str]]:
    page = entity.organisation_page(site, JOBCENTER_LEJRE, number)
    assert page is not None
    return mentions(page.data)


def test_a_builder_declines_what_is_not_its_kind(site: Site) -> None:
    assert entity.law_page(site, KLAPJOB, 1) is None
    assert entity.programme_page(site, LAB_2019, 1) is None
    assert entity.organisation_page(site, BASE + "kommune/lejre/person/steen-hansen", 1) is None


def test_without_the_side_index_the_page_shows_the_facts(site: Site, tmp_path: Path) -> None:
    bare = Site(base=BASE, store_path=site.store_path, index_path=tmp_path / "none.sqlite")
    page = entity.programme_page(bare, KLAPJOB, 1)
    assert page is not None
    assert page.data["indexed"] is False
    assert "groups" not in page.data
    text = visible_text(render(page, KLAPJOB))
    assert "Sideindekset er ikke bygget" in text
    assert "KLAP-job" in text


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/program/klapjob", "Project"),
        ("/lov/lab-2019", "Legislation"),
        ("/organisation/star", "GovernmentOrganization"),
        ("/kle/15.00.15", "DefinedTerm"),
        ("/def/outcome/godkendt", "DefinedTerm"),
    ],
)
def test_pages_through_the_app(site: Site, path: str, kind: str) -> None:
    app = FastAPI()
    resources.install(app, site, CurrentState(lambda: store_state(site.store()), ttl=None))

    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get(path, headers={"Accept": "text/html"})

    response = asyncio.run(send())
    assert response.status_code == 200, response.text
    html = response.text
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    assert found is not None
    jsonld = json.loads(found.group(1))
    assert (jsonld["@id"], jsonld["@type"]) == (site.iri_for_path(path), kind)
    assert 'href="/sparql?query=' in html
    assert " style=" not in html
