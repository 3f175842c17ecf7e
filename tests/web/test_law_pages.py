"""Law pages over real HTTP: the provisions cited most, each with the items citing it, and a
candidate act's page saying what would confirm it.

Over the five samples (the server of ``tests/web/conftest.py``) and over two small minutes of
technical and school committees (``tests/web/data/lawb_*.txt``, loaded with the real command
line), whose citations are read here from their text:

- Køge, Teknik- og Miljøudvalget, 12 September 2023: punkt 1 cites planlovens § 19, § 20 i
  planloven and § 19 i planloven; punkt 2 planlovens § 35, stk. 1; punkt 3 "Lov om hold af
  dyr", an act the reference data does not list (a candidate);
- Aalborg, By- og Landskabsudvalget, 5 October 2023: punkt 1 cites § 19 i planloven; punkt 2
  folkeskolelovens § 26 and privatvejsloven (no provision).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

import httpx
import pytest

from tests.conftest import ROOT, referatgraf
from tests.web.conftest import Server, start_server
from tests.web.test_browse import links, main_text

DATA = ROOT / "tests" / "web" / "data"
KOEGE = "/kommune/koege/udvalg/teknik-og-miljoeudvalget"
KOEGE_MEETING = KOEGE + "/moede/2023-09-12"
AALBORG = "/kommune/aalborg/udvalg/by-og-landskabsudvalget"
AALBORG_MEETING = AALBORG + "/moede/2023-10-05"
HOLSTEBRO_ITEM = "/kommune/holstebro/udvalg/arbejdsmarkedsudvalget/moede/2019-10-23/punkt/2"
HTML = {"Accept": "text/html"}


@dataclass
class Cited:
    """One provision as the page lists it: its name, its count, and each item citing it as
    (item link, item label, municipality link, committee link, ISO date)."""

    provision: str = ""
    count: str = ""
    items: list[tuple[str, ...]] = field(default_factory=list)


class Provisions(HTMLParser):
    """The list ``<ul class="provisions">`` of a law's page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[Cited] = []
        self._depth = 0  # inside the list: 1 in a provision, 2 in its items
        self._text: list[str] = []
        self._links: list[str] = []
        self._date = ""
        self._label = ""
        self._in_strong = False
        self._in_first_link = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "ul" and found.get("class") == "provisions":
            self._depth = 1
        elif self._depth and tag == "ul":
            self._depth = 2
        elif self._depth == 1 and tag == "li":
            self.found.append(Cited())
            self._text = []
        elif self._depth == 2 and tag == "li":
            self._links, self._date, self._label = [], "", ""
        elif self._depth and tag == "strong":
            self._in_strong = True
        elif self._depth == 2 and tag == "a":
            self._links.append(found.get("href") or "")
            self._in_first_link = len(self._links) == 1
        elif self._depth == 2 and tag == "time":
            self._date = found.get("datetime") or ""

    def handle_endtag(self, tag: str) -> None:
        if not self._depth:
            return
        if tag == "strong":
            self._in_strong = False
        elif tag == "a":
            self._in_first_link = False
        elif tag == "ul" and self._depth == 2:
            self._depth = 1
        elif tag == "ul":
            self._depth = 0
        elif tag == "li" and self._depth == 2 and self._links:
            item, municipality, *committee = self._links
            row = (item, self._label, municipality, *committee, self._date)
            self.found[-1].items.append(row)
            self._links = []

    def handle_data(self, data: str) -> None:
        if self._depth == 1 and self._in_strong:
            self.found[-1].provision += data
        elif self._depth == 1 and self.found and not self.found[-1].count:
            self.found[-1].count = data.strip(" :\n") if data.strip(" :\n") else ""
        elif self._depth == 2 and self._in_first_link:
            self._label += data


def provisions(html: str) -> list[Cited]:
    parser = Provisions()
    parser.feed(html)
    return parser.found


def get(server: Server, path: str) -> httpx.Response:
    return httpx.get(server.url + path, headers=HTML, timeout=30)


@pytest.fixture(scope="module")
def fields_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("lawb")
    store = folder / "store"
    ran = referatgraf("load", "--store", store, DATA / "lawb_koege.txt", DATA / "lawb_aalborg.txt")
    assert ran.code == 0, ran.out + ran.err
    yield from start_server(store, folder / "server.log")


def test_planloven_lists_paragraph_19_first_with_both_municipalities(
    fields_server: Server,
) -> None:
    response = get(fields_server, "/lov/planloven")
    assert response.status_code == 200
    text = main_text(response.text)
    assert "Lov om planlægning" in text
    assert "5 omtaler i 3 dagsordenspunkter fra 2 kommuner." in text
    found = provisions(response.text)
    assert [(c.provision, c.count) for c in found] == [
        ("§ 19", "2 punkter, 3 omtaler"),
        ("§ 20", "1 punkt"),
        ("§ 35", "1 punkt"),
    ]
    assert found[0].items == [
        (
            AALBORG_MEETING + "/punkt/1",
            "Punkt 1: Dispensation fra lokalplan 4-2-104",
            "/kommune/aalborg",
            AALBORG,
            "2023-10-05",
        ),
        (
            KOEGE_MEETING + "/punkt/1",
            "Punkt 1: Dispensation fra lokalplan 1012 til carport",
            "/kommune/koege",
            KOEGE,
            "2023-09-12",
        ),
    ]
    assert [c.items[0][0] for c in found[1:]] == [
        KOEGE_MEETING + "/punkt/1",
        KOEGE_MEETING + "/punkt/2",
    ]
    assert "Aalborg Kommune · By- og Landskabsudvalget · 5. oktober 2023" in text
    # § 35 as a section; the item says which subsection it cites
    assert (
        "Punkt 2: Landzonetilladelse til udstykning · Køge Kommune · Teknik- og Miljøudvalget "
        "· 12. september 2023 · § 35, stk. 1" in text
    )


def test_school_and_road_acts_of_the_new_reference_data(fields_server: Server) -> None:
    school = get(fields_server, "/lov/folkeskoleloven")
    assert school.status_code == 200
    assert "Lov om folkeskolen" in main_text(school.text)
    assert [(c.provision, c.count, [i[0] for i in c.items]) for c in provisions(school.text)] == [
        ("§ 26", "1 punkt", [AALBORG_MEETING + "/punkt/2"])
    ]
    roads = get(fields_server, "/lov/privatvejsloven")
    assert roads.status_code == 200
    text = main_text(roads.text)
    assert "Lov om private fællesveje" in text
    assert "1 omtale i 1 dagsordenspunkt fra 1 kommune." in text
    assert provisions(roads.text) == []  # cited without a provision
    assert "Paragraffer, der henvises til" not in text


def test_a_confirmed_act_says_where_its_facts_come_from_in_danish(fields_server: Server) -> None:
    text = main_text(get(fields_server, "/lov/planloven").text)
    assert (
        "Kilde retsinformation.dk, lovens titel og korte navn; nummer og dato er endnu ikke "
        "bekræftet" in text
    )
    assert "Loven er endnu ikke bekræftet" not in text  # the candidate notice
    assert "> Lov Lov om planlægning Også kaldt" in text  # the kicker says "Lov" once
    for english in ("in force", "confirmed", "replaced", "title as published", ".yaml", ".md"):
        assert english not in text


def test_a_candidate_act_says_it_is_not_confirmed_and_what_would_confirm_it(
    fields_server: Server,
) -> None:
    item = get(fields_server, KOEGE_MEETING + "/punkt/3").text
    marked = sorted({h for h in links(item) if h.startswith("/kandidat/")})
    assert len(marked) == 1, marked
    response = get(fields_server, marked[0])
    assert response.status_code == 200
    text = main_text(response.text)
    heading = re.search(r"<h1>([^<]*)</h1>", response.text)
    assert heading is not None
    assert heading.group(1).casefold() == "lov om hold af dyr"  # as printed, or normalised
    assert '<p class="kicker">Lov · endnu ikke bekræftet</p>' in response.text  # not "Lov · lov"
    assert "Loven er endnu ikke bekræftet." in text
    assert (
        "Den bliver en bekræftet lov, når referencedata får en post for den med lovens officielle "
        "titel og en kilde, der oplyser den." in text
    )
    assert "ELI-adresse hos Retsinformation" in text
    assert "1 omtale i 1 dagsordenspunkt fra 1 kommune." in text


def test_the_samples_provisions_on_their_law_pages(server: Server) -> None:
    # servicelovens §§ 103-104 (Holstebro), § 91 i beskæftigelsesloven (Ringkøbing-Skjern),
    # Lov om organisering og understøttelse af beskæftigelsesindsatsen § 4 (Lejre 2020)
    service = provisions(get(server, "/lov/serviceloven").text)
    assert [(c.provision, c.count) for c in service] == [("§ 103", "1 punkt"), ("§ 104", "1 punkt")]
    holstebro = (
        HOLSTEBRO_ITEM,
        "Punkt 2: Målretning af beskæftigelsestilbud",
        "/kommune/holstebro",
        "/kommune/holstebro/udvalg/arbejdsmarkedsudvalget",
        "2019-10-23",
    )
    assert [c.items for c in service] == [[holstebro], [holstebro]]
    lab = provisions(get(server, "/lov/lab-2019").text)
    assert [(c.provision, c.count, [i[0] for i in c.items]) for c in lab] == [
        (
            "§ 91",
            "1 punkt",
            ["/kommune/ringkoebing-skjern/udvalg/beskaeftigelsesudvalget/moede/2022-08-18/punkt/3"],
        )
    ]
    organising = provisions(
        get(server, "/lov/lov-om-organisering-af-beskaeftigelsesindsatsen").text
    )
    assert [(c.provision, [i[1:] for i in c.items]) for c in organising] == [
        (
            "§ 4",
            [
                (
                    "Punkt 7: Årshjul for styring af beskæftigelsesområdet 2020",
                    "/kommune/lejre",
                    "/kommune/lejre/udvalg/udvalget-for-job-og-arbejdsmarked",
                    "2020-01-08",
                )
            ],
        )
    ]
