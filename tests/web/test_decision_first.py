"""The decision first: an item's page opens with its decision's words and outcome, the meeting's
agenda shows the start of each decision, and a quote on a law's or programme's page shows its
item's outcome; over the five samples through the real server. Expected values are read from
the samples: Lemvig's item 4 of 8 June 2022 ends "Beslutning / Taget til efterretning." (lines
155-157); Holstebro's item 1 of 23 October 2019 has a decision no rule gives an outcome."""

from __future__ import annotations

import re

import httpx

from tests.web.conftest import Server
from tests.web.test_browse import main_text

LEMVIG = "/kommune/lemvig/udvalg/arbejdsmarkeds-og-integrationsudvalget/moede/2022-06-08"
LEJRE = "/kommune/lejre/udvalg/udvalget-for-job-arbejdsmarked-og-integration/moede/2022-05-04"
HOLSTEBRO = "/kommune/holstebro/udvalg/arbejdsmarkedsudvalget/moede/2019-10-23"


def get(server: Server, path: str) -> str:
    response = httpx.get(server.url + path, timeout=30)
    assert response.status_code == 200, path
    return response.text


def test_the_item_page_opens_with_the_decision_and_its_outcome(server: Server) -> None:
    html = get(server, LEMVIG + "/punkt/4")
    text = main_text(html)
    decision = text.index("Beslutning Udfald: taget til efterretning Taget til efterretning.")
    assert decision < text.index("Punktets tekst") < text.index("Kilde")
    assert "Afsnittet «Beslutning» · linje 155–157 · tegn 6925–6960" in text
    assert '<strong><a href="/def/outcome/taget-til-efterretning">' in html
    # the decision's section is not repeated in the text below
    below = html.split('id="tekst"', 1)[1]
    assert "<h3>Beslutning</h3>" not in below
    assert "Taget til efterretning." not in below


def test_a_decision_without_a_recognised_outcome_shows_its_words_only(server: Server) -> None:
    html = get(server, HOLSTEBRO + "/punkt/1")
    box = html.split('<section class="decisions"', 1)[1].split("</section>", 1)[0]
    assert "Udfald" not in box
    assert "ikke genkendt" not in html
    assert main_text(box).startswith(
        'aria-labelledby="beslutning"> Beslutning Jobcenterleder orienterede bl.a. om, at der er'
        " fokus på kulturændring"
    )


def test_no_item_page_says_the_outcome_was_not_recognised(server: Server) -> None:
    pages = 0
    for meeting in (LEMVIG, LEJRE, HOLSTEBRO):
        agenda = get(server, meeting)
        for path in dict.fromkeys(re.findall(rf'href="({re.escape(meeting)}/punkt/\d+)"', agenda)):
            html = get(server, path)
            assert "ikke genkendt" not in html, path
            pages += 1
    assert pages == 10 + 8 + 7


def test_the_agenda_shows_the_outcome_and_the_start_of_each_decision(server: Server) -> None:
    html = get(server, LEMVIG)
    assert '<th scope="col">Beslutning</th>' in html
    rows = re.findall(r"<tr>(.*?)</tr>", html.split('class="agenda"', 1)[1], re.DOTALL)
    row = next(r for r in rows if f'href="{LEMVIG}/punkt/4"' in r)
    assert '<a href="/def/outcome/taget-til-efterretning">taget til efterretning</a>' in row
    assert '<td class="decision-start">Taget til efterretning.</td>' in row
    holstebro = get(server, HOLSTEBRO)
    start = re.findall(r'<td class="decision-start">([^<]*)</td>', holstebro)[0]
    assert start == (
        "Jobcenterleder orienterede bl.a. om, at der er fokus på kulturændring, herunder fælles"
        " sprog og mindset m.h.p. at udvikle tilgange/metoder, borgersamtaler og …"
    )


def test_the_quotes_on_a_programme_page_show_their_items_outcome(server: Server) -> None:
    html = get(server, "/program/klapjob")
    refs = re.findall(r'<p class="source-ref">(.*?)</p>', html, re.DOTALL)
    outcomes = [re.findall(r"Udfald: <a href=\"([^\"]+)\">([^<]+)</a>", ref) for ref in refs]
    assert outcomes == [
        [("/def/outcome/godkendt", "godkendt")],  # Lejre, item 2
        [("/def/outcome/taget-til-efterretning", "taget til efterretning")],  # Lemvig, item 4
    ]
