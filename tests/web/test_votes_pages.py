"""Votes and attendance on the pages, over real HTTP: the item's vote table, a person's party,
votes and attendance per year, a committee's attendance per member. The store holds the two
hand-built meetings of ``tests/graph/votes_document.py`` (the five samples record no vote),
written as a load writes them, with the side index built after."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

import httpx
import pytest

from sparql.gallery import example
from tests.conftest import ROOT, referatgraf
from tests.graph.votes_document import VOTE_EXAMPLES, write_store
from tests.web.conftest import Server, start_server

LEJRE = "/kommune/lejre"
COMMITTEE = LEJRE + "/udvalg/beskaeftigelsesudvalget"
MEETING_2020 = COMMITTEE + "/moede/2020-03-10"
MEETING_2021 = COMMITTEE + "/moede/2021-03-09"
HTML = {"Accept": "text/html"}


@pytest.fixture(scope="module")
def votes_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    path = tmp_path_factory.mktemp("votes") / "store"
    write_store(path)
    log = tmp_path_factory.mktemp("votes-server") / "server.log"
    yield from start_server(path, log)


class Tables(HTMLParser):
    """The rows of each ``<table class="...">`` of a page, each cell's visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._table: str | None = None
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._table = dict(attrs).get("class") or ""
            self.tables[self._table] = []
        elif tag == "tr" and self._table is not None:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._table is not None and self._row is not None:
            self.tables[self._table].append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def tables(server: Server, path: str) -> dict[str, list[list[str]]]:
    response = httpx.get(server.url + path, headers=HTML, timeout=30)
    assert response.status_code == 200, response.text
    parser = Tables()
    parser.feed(response.text)
    return parser.tables


def page(server: Server, path: str) -> str:
    response = httpx.get(server.url + path, headers=HTML, timeout=30)
    assert response.status_code == 200, response.text
    return response.text


def test_the_divided_vote_is_the_items_vote_table(votes_server: Server) -> None:
    rows = tables(votes_server, MEETING_2020 + "/punkt/1")["votes"]
    assert rows == [
        ["Holdning", "Medlem", "Parti", "Stemmer"],
        ["for", "Anne Holm", "–", "–"],
        ["for", "Bent Lund", "–", "–"],
        ["for", "Carla Munk", "–", "–"],
        ["for", "Finn Berg", "–", "–"],
        ["tog forbehold", "Gitte Dahl", "–", "–"],
        ["imod", "Dan Friis", "–", "–"],
    ]
    html = page(votes_server, MEETING_2020 + "/punkt/1")
    assert "Eva Krogh" in html.split('id="fravaer"')[1]  # absent from this item


def test_a_vote_by_party_names_the_party_beside_its_letter(votes_server: Server) -> None:
    rows = tables(votes_server, MEETING_2020 + "/punkt/2")["votes"]
    assert rows[1:] == [
        ["for", "–", "A (Socialdemokratiet)", "3"],
        ["for", "–", "V (Venstre)", "2"],
        ["imod", "–", "F (SF – Socialistisk Folkeparti)", "1"],
    ]
    assert tables(votes_server, MEETING_2021 + "/punkt/1")["votes"][1:] == [
        ["for", "–", "A (Socialdemokratiet)", "3"],
        ["for", "–", "V (Venstre)", "2"],
        ["imod", "–", "O (Dansk Folkeparti)", "–"],
    ]


def test_a_persons_party_votes_and_attendance_per_year(votes_server: Server) -> None:
    path = LEJRE + "/person/dan-friis"
    found = tables(votes_server, path)
    assert found["attendance-years"] == [
        ["År", "Møder deltaget i", "Møder fraværende", "Fremmøde"],
        ["2021", "0", "1", "0 %"],
        ["2020", "1", "0", "100 %"],
    ]
    assert found["votes"] == [
        ["Møde", "Punkt", "Holdning"],
        ["10. marts 2020", "Punkt 1: Aktiv beskæftigelsesindsats 2020", "imod"],
    ]
    html = page(votes_server, path)
    party = '<dd><a href="/parti/sf-socialistisk-folkeparti">F (SF – Socialistisk Folkeparti)</a>'
    assert party in html
    assert f'href="{MEETING_2020}/punkt/1"' in html


def test_a_partys_page_lists_its_members_and_positions(votes_server: Server) -> None:
    found = tables(votes_server, "/parti/socialdemokratiet")
    assert found["positions"] == [
        ["Holdning", "Noteringer", "Stemmer", "Beslutninger"],
        ["for", "4", "8", "3"],  # Anne Holm and Carla Munk; A (3) twice
    ]
    assert found["members"][1:] == [["Anne Holm", "Lejre Kommune"], ["Carla Munk", "Lejre Kommune"]]
    html = page(votes_server, "/parti/socialdemokratiet")
    assert "<dd>A</dd>" in html
    assert "Socialdemokraterne" in html  # a name minutes print for it
    votes = tables(votes_server, MEETING_2020 + "/punkt/2")
    assert votes["votes"][1][2] == "A (Socialdemokratiet)"
    assert 'href="/parti/socialdemokratiet"' in page(votes_server, MEETING_2020 + "/punkt/2")


def test_absent_from_an_item_is_not_absent_from_the_meeting(votes_server: Server) -> None:
    path = LEJRE + "/person/eva-krogh"
    assert tables(votes_server, path)["attendance-years"][1:] == [
        ["2021", "1", "0", "100 %"],
        ["2020", "1", "0", "100 %"],
    ]
    html = page(votes_server, path)
    missed = html.split('id="fravaer"')[1].split("</section>")[0]
    assert "fraværende under" in missed
    assert "Punkt 1: Aktiv beskæftigelsesindsats 2020" in missed
    assert "hele mødet" not in missed
    assert 'class="attendance-notes"' not in html  # the absence is not repeated as a note


def test_attendance_notes_of_a_substitute_and_a_late_arrival(votes_server: Server) -> None:
    jens = page(votes_server, LEJRE + "/person/jens-vang")
    notes = jens.split('class="attendance-notes"')[1].split("</ul>")[0]
    assert "stedfortræder for" in notes
    assert f'href="{LEJRE}/person/ida-skov"' in notes
    assert tables(votes_server, LEJRE + "/person/jens-vang")["attendance-years"][1:] == [
        ["2020", "1", "0", "100 %"]
    ]
    hans = page(votes_server, LEJRE + "/person/hans-ravn")
    assert ": kom senere kl. 16.30</li>" in hans.split('class="attendance-notes"')[1]


def test_a_committees_attendance_per_member(votes_server: Server) -> None:
    rows = tables(votes_server, COMMITTEE)["attendance"]
    assert rows == [
        ["Navn", "Møder deltaget i", "Møder fraværende", "Fremmøde"],
        ["Anne Holm", "2", "0", "100 %"],
        ["Eva Krogh", "2", "0", "100 %"],
        ["Bent Lund", "1", "0", "100 %"],
        ["Carla Munk", "1", "0", "100 %"],
        ["Finn Berg", "1", "0", "100 %"],
        ["Gitte Dahl", "1", "0", "100 %"],
        ["Hans Ravn", "1", "0", "100 %"],
        ["Dan Friis", "1", "1", "50 %"],
        ["Ida Skov", "0", "1", "0 %"],
    ]


def test_the_pages_show_their_vote_and_attendance_queries(votes_server: Server) -> None:
    for path, name in (
        (MEETING_2020 + "/punkt/1", "rg%3Avote"),
        (LEJRE + "/person/dan-friis", "rg%3AvotePosition"),
        (COMMITTEE, "rg%3Aattendee"),
    ):
        assert name in page(votes_server, path), path


GALLERY_ROWS = {
    "stemmer-pr-parti-om-lov": [
        ["Dansk Folkeparti", "imod", "1", "1"],
        ["Det Konservative Folkeparti", "tog forbehold", "1", "1"],
        ["SF – Socialistisk Folkeparti", "imod", "1", "1"],
        ["Socialdemokratiet", "for", "5", "2"],  # Anne Holm, Carla Munk, and A (3) in 2021
        ["Venstre", "for", "4", "2"],
    ],
    "parti-imod-flertallet": [
        [
            "2020-03-10",
            "Beskæftigelsesudvalget",
            "1",
            "Aktiv beskæftigelsesindsats 2020",
            "SF – Socialistisk Folkeparti",
            "imod",
            "for",
        ],
        [
            "2020-03-10",
            "Beskæftigelsesudvalget",
            "2",
            "Budget 2021",
            "SF – Socialistisk Folkeparti",
            "imod",
            "for",
        ],
        [
            "2021-03-09",
            "Beskæftigelsesudvalget",
            "1",
            "Aktiv beskæftigelsesindsats 2021",
            "Dansk Folkeparti",
            "imod",
            "for",
        ],
    ],
    "flest-fravaer": [
        ["Dan Friis", "Lejre Kommune", "1", "1"],
        ["Ida Skov", "Lejre Kommune", "1", "0"],
    ],
}


@pytest.mark.parametrize("name", sorted(GALLERY_ROWS))
def test_the_gallerys_vote_examples_through_the_endpoint(votes_server: Server, name: str) -> None:
    """The examples that need votes (the samples record none; the browser test of the gallery
    runs the others on the samples) give these rows through /sparql."""
    assert set(VOTE_EXAMPLES) < set(GALLERY_ROWS)
    response = httpx.post(
        votes_server.sparql,
        data={"query": example(name).text},
        headers={"Accept": "application/sparql-results+json"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    names = body["head"]["vars"]
    rows = [
        [row[n]["value"] if n in row else "" for n in names] for row in body["results"]["bindings"]
    ]
    assert rows == GALLERY_ROWS[name]


COUNCIL = "/kommune/svendborg/udvalg/byraadet"
COUNCIL_ITEM = COUNCIL + "/moede/2024-09-24/punkt/2"
DIVIDED = ROOT / "tests" / "loaders" / "layouts" / "vote_divided_council.txt"


@pytest.fixture(scope="module")
def council_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The layout fixture of the acceptance case, loaded by the real command line."""
    path = tmp_path_factory.mktemp("council") / "store"
    ran = referatgraf("load", "--store", path, DIVIDED)
    assert ran.code == 0, ran.out + ran.err
    log = tmp_path_factory.mktemp("council-server") / "server.log"
    yield from start_server(path, log)


def test_the_divided_council_vote_from_the_loader(council_server: Server) -> None:
    """Read from the minutes: four members for, one reservation, one against (the council's
    decision), and the finance committee's earlier decision with its own vote."""
    assert tables(council_server, COUNCIL_ITEM)["votes"] == [
        ["Beslutning", "Holdning", "Medlem", "Parti", "Stemmer"],
        ["Byrådet", "for", "Anne Holm", "A (Socialdemokratiet)", "–"],
        ["Byrådet", "for", "Bent Lund", "A (Socialdemokratiet)", "–"],
        ["Byrådet", "for", "Carsten Møller", "C (Det Konservative Folkeparti)", "–"],
        ["Byrådet", "for", "Dorthe Krog", "B (Radikale Venstre)", "–"],
        ["Byrådet", "tog forbehold", "Erik Vang", "V (Venstre)", "–"],
        ["Byrådet", "imod", "Frida Nørgaard", "Ø (Enhedslisten)", "–"],
        ["Økonomiudvalget", "imod", "Frida Nørgaard", "Ø (Enhedslisten)", "–"],
    ]


def test_the_member_absent_from_the_item_attended_the_meeting(council_server: Server) -> None:
    path = "/kommune/svendborg/person/gustav-berg"
    assert tables(council_server, path)["attendance-years"] == [
        ["År", "Møder deltaget i", "Møder fraværende", "Fremmøde"],
        ["2024", "1", "0", "100 %"],
    ]
    html = page(council_server, path)
    missed = html.split('id="fravaer"')[1].split("</section>")[0]
    assert "fraværende under" in missed
    assert "Punkt 2: Budget 2025-2028, 2. behandling</a> (deltog ikke)" in missed
    # the attendance list is the meetings attended, the absence is under Fravær: no notes
    assert 'class="attendance-notes"' not in html


def test_a_member_who_voted_twice_on_one_item(council_server: Server) -> None:
    rows = tables(council_server, "/kommune/svendborg/person/frida-noergaard")["votes"]
    item = "Punkt 2: Budget 2025-2028, 2. behandling"
    assert rows == [
        ["Møde", "Punkt", "Holdning"],
        ["24. september 2024", item, "imod"],
        ["24. september 2024", item, "imod"],
    ]


def test_the_councils_attendance_per_member(council_server: Server) -> None:
    present = [
        "Anne Holm",
        "Bent Lund",
        "Carsten Møller",
        "Dorthe Krog",
        "Erik Vang",
        "Frida Nørgaard",
        "Gustav Berg",
    ]
    assert tables(council_server, COUNCIL)["attendance"][1:] == [
        *([name, "1", "0", "100 %"] for name in present),
        ["Ib Kragh", "0", "1", "0 %"],
    ]


def test_a_meetings_attendance_notes(votes_server: Server) -> None:
    assert tables(votes_server, MEETING_2020)["attendance-notes"] == [
        ["Navn", "Fremmøde", "Punkt"],
        ["Jens Vang", "stedfortræder for Ida Skov", "hele mødet"],
        ["Hans Ravn", "kom senere kl. 16.30", "hele mødet"],
    ]


NOTES = ROOT / "tests" / "loaders" / "layouts" / "vote_attendance_notes.txt"


@pytest.fixture(scope="module")
def notes_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """VOTE-A's layout fixture of attendance notes, loaded by the real command line."""
    path = tmp_path_factory.mktemp("notes") / "store"
    ran = referatgraf("load", "--store", path, NOTES)
    assert ran.code == 0, ran.out + ran.err
    log = tmp_path_factory.mktemp("notes-server") / "server.log"
    yield from start_server(path, log)


def test_guests_substitutes_arrivals_and_departures_from_the_loader(notes_server: Server) -> None:
    """The meeting's notes first, then each item's, as the minutes print them."""
    meeting = "/kommune/ikast-brande/udvalg/teknik-og-miljoeudvalget/moede/2025-03-03"
    assert tables(notes_server, meeting)["attendance-notes"][1:] == [
        ["Ulla Winther", "stedfortræder for Tom Lindholm", "hele mødet"],
        ["Vibeke Rask", "gæst eller embedsperson (direktør)", "hele mødet"],
        ["Niels Bach", "gæst eller embedsperson (vejchef)", "hele mødet"],
        ["Ole Krogh", "gæst eller embedsperson (referent)", "hele mødet"],
        ["Lone Mikkelsen", "kom senere kl. 15.30 (punkt 2)", "hele mødet"],
        ["Niels Bach", "gæst eller embedsperson (vejchef)", "Punkt 2: Cykelsti langs Strandvejen"],
        ["Per Holt", "gik tidligere kl. 16.10 (punkt 2)", "Punkt 2: Cykelsti langs Strandvejen"],
        ["Jens Kirk", "stedfortræder for Karl Berg", "Punkt 3: Trafiksikkerhedsplan 2025-2028"],
        ["Søs Dam", "kom senere kl. 16.45 (punkt 4)", "Punkt 4: Eventuelt"],
    ]


def test_votes_notes_and_parties_dereference(votes_server: Server) -> None:
    """Every IRI the loader mints dereferences: a vote, an attendance note, a party."""
    for path, fact in (
        (MEETING_2020 + "/punkt/1/beslutning/stemme/5", "def/position/forbehold"),
        (MEETING_2020 + "/fremmoede/2", "def/attendance-kind/substitute"),
        ("/parti/venstre", '"V"'),
    ):
        turtle = httpx.get(votes_server.url + path, headers={"Accept": "text/turtle"}, timeout=30)
        assert turtle.status_code == 200, path
        assert fact in turtle.text, path
        assert "<h1>" in page(votes_server, path)
