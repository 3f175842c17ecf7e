"""Page furniture: found by structure (element, role, aria-hidden, class and id words) and by
the phrases controls print; the minutes around it are untouched."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from loaders import page_furniture
from loaders.html_text import html_to_text, read_html
from loaders.page_furniture import furniture_words, is_furniture_phrase, site_frame
from loaders.read import read_minutes


def test_doctests() -> None:
    assert doctest.testmod(page_furniture).failed == 0


@pytest.mark.parametrize(
    ("names", "words"),
    [
        ("skipLink", ["skip", "link"]),
        ("region-breadcrumb", ["region", "breadcrumb"]),
        ("google_translate_element", ["google", "translate", "element"]),
        ("CybotCookiebotDialogBodyButtonAccept", ["cybot", "cookiebot", "dialog", "body"]),
        ("", []),
    ],
)
def test_furniture_words(names: str, words: list[str]) -> None:
    assert furniture_words(names)[: len(words)] == words


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("Til toppen", True),
        ("Udskriv", True),
        ("Kopier link til punktet  -   Print", True),
        ("Del | Print", True),
        ("Translate this page", True),
        ("Spring til hovedindhold", True),
        ("Sidst opdateret: 01.02.2023", True),
        ("Senest opdateret 23. september 2022", True),
        ("Del 2 af sagen", False),
        ("Print af bilag 3", False),
        ("Godkendt.", False),
        ("Til toppen af listen står", False),
        ("Beslutning", False),
        ("", False),
    ],
)
def test_furniture_phrases(line: str, furniture: bool) -> None:
    assert is_furniture_phrase(line) is furniture


@pytest.mark.parametrize(
    "element",
    [
        "<nav><a href='/'>Forside</a></nav>",
        "<div role='navigation'><a href='/'>Forside</a></div>",
        "<div role='banner'>Kommunen</div>",
        "<div role='contentinfo'>Kommunen, Torvet 1</div>",
        "<div role='dialog'><p>Vi bruger cookies</p></div>",
        "<div class='cookie-banner'><p>Vi bruger cookies til statistik.</p></div>",
        "<div id='CybotCookiebotDialog'><p>Denne hjemmeside bruger cookies</p></div>",
        "<section class='coi-banner__wrapper'><p>Vi passer på dine data</p></section>",
        "<ol class='breadcrumb'><li><a>Forside</a></li><li>Politik</li></ol>",
        "<div id='google_translate_element'><span>Oversæt</span></div>",
        "<div class='social-share'><a>Facebook-side</a></div>",
        "<a class='skip-link' href='#c'>Hop videre</a>",
        "<form role='search'><input name='q'><span>Søg her</span></form>",
        "<button>Vis mere</button>",
        "<span aria-hidden='true'>»</span>",
        "<div hidden>skjult tekst</div>",
        "<a href='javascript:window.print()'>Udskriv denne side</a>",
        "<div class='print-button'><a>Udskriv punktet</a></div>",
        "<header class='site-header'><a href='/'>Kommunen</a></header>",
        "<footer>Kommunen, Torvet 1, 4600 Køge</footer>",
        "<p><a href='#top'>Til toppen</a></p>",
        # found by tests/loaders/test_generated_pages.py: a sidebar after the minutes ran on
        # into the last item's decision
        "<aside class='sidebar'><h2>Se også</h2><ul><li><a>Byrådet</a></li></ul></aside>",
        # buttons that open something but are controls: by their names or their words
        "<button class='navbar-toggler' aria-expanded='false'>Menu</button>",
        "<button class='main-menu-toggle' aria-expanded='false'>Politik og demokrati</button>",
        "<button type='button' aria-expanded='false' aria-controls='x'>Vis detaljer</button>",
        "<button type='button'>Godkendelse af dagsorden</button>",
    ],
)
def test_furniture_is_dropped(element: str) -> None:
    page = f"<html><body><p>Før.</p>{element}<p>Efter.</p></body></html>"
    assert html_to_text(page) == "Før.\n\nEfter.\n"


@pytest.mark.parametrize(
    ("element", "text"),
    [
        # an accordion hides a whole item until it is opened: that is minutes
        (
            "<div class='accordion-panel' aria-hidden='true'><h2>Punkt 1: Godkendelse</h2>"
            "<p>" + "Sagsfremstilling med lang tekst. " * 8 + "</p></div>",
            "Punkt 1: Godkendelse\n\n" + ("Sagsfremstilling med lang tekst. " * 8).strip(),
        ),
        # a print area around the minutes is not a print button
        (
            "<div class='print-area'><p>" + "Referatets tekst står her. " * 4 + "</p></div>",
            ("Referatets tekst står her. " * 4).strip(),
        ),
        # the article's own header names the meeting
        (
            "<article><header><h2>Byrådet</h2><p>Mødedato: 1. marts 2023</p></header></article>",
            "Byrådet\n\nMødedato: 1. marts 2023",
        ),
        # a page header with the page's h1
        ("<header><h1>Referat Byrådet</h1></header>", "Referat Byrådet"),
        # ASP.NET pages wrap the whole page in one form
        ("<form id='aspnetForm'><p>Punkt 1: Godkendelse</p></form>", "Punkt 1: Godkendelse"),
        ("<p>Del 2 af sagen behandles senere.</p>", "Del 2 af sagen behandles senere."),
        # a box of the article's own
        ("<article><aside><p>Fakta: 48 boliger</p></aside></article>", "Fakta: 48 boliger"),
        # an accordion prints the item's number and title only in the button that opens it,
        # and its closed panel may be short
        (
            "<h2><button type='button' aria-expanded='false'>2. Vejbelysning</button></h2>",
            "2. Vejbelysning",
        ),
        (
            "<button type='button' aria-controls='c3'><span>3.</span> <span>Budget</span>"
            "</button><div id='c3' hidden><p>Godkendt.</p></div>",
            "3. Budget\n\nGodkendt.",
        ),
        (
            "<div class='head'><h3>4. Eventuelt</h3></div><div aria-hidden='true'><p>Intet.</p>"
            "</div>",
            "4. Eventuelt\n\nIntet.",
        ),
    ],
)
def test_content_is_kept(element: str, text: str) -> None:
    page = f"<html><body><p>Før.</p>{element}<p>Efter.</p></body></html>"
    assert html_to_text(page) == f"Før.\n\n{text}\n\nEfter.\n"


# --- properties: furniture anywhere around the minutes never changes what is read ---

MINUTES = [
    "<h1>Økonomiudvalget</h1><p>Referat</p>",
    "<dl><dt>Mødedato</dt><dd>Tirsdag den 12. marts 2024</dd>"
    "<dt>Mødested</dt><dd>Mødelokale 1, Rådhuset</dd></dl>",
    "<h2>1. Godkendelse af dagsorden</h2><p>Sagsnr.: 24-001201</p>"
    "<h3>Beslutning</h3><p>Godkendt.</p>",
    "<h2>2. Budgetopfølgning</h2><p>Sagsnr.: 24-000318</p><h3>Sagsfremstilling</h3>"
    "<p>Køge Kommune har et mindreforbrug.</p><h3>Beslutning</h3><p>Taget til efterretning.</p>",
    "<h2>3. Eventuelt</h2><p>Sagsnr.: 24-000013</p><h3>Beslutning</h3><p>Intet.</p>",
]
FURNITURE = [
    "<div class='cookie-consent'><p>Vi bruger cookies.</p><button>Accepter</button></div>",
    "<div id='CybotCookiebotDialog'><h2>Denne hjemmeside bruger cookies</h2></div>",
    "<nav><ul><li><a>Forside</a></li><li><a>Politik</a></li></ul></nav>",
    "<ol class='breadcrumb'><li>Forside</li><li>Udvalg</li></ol>",
    "<p><a href='#top'>Til toppen</a></p>",
    "<div class='actions'><a>Kopier link til punktet</a> - <a>Print</a></div>",
    "<p><a href='javascript:print()'>Udskriv</a></p>",
    "<div class='share'><a>Del på Facebook</a><a>Del på LinkedIn</a></div>",
    "<div id='google_translate_element'><span>Translate this page</span></div>",
    "<a class='skip-link' href='#main'>Spring til indhold</a>",
    "<div role='search'><input><button>Søg</button></div>",
    "<span aria-hidden='true'>&#9660;</span>",
    "<p>Sidst opdateret: 13.03.2024</p>",
]


def _page(parts: list[str]) -> bytes:
    return ("<!DOCTYPE html><html><body>" + "".join(parts) + "</body></html>").encode()


_CLEAN = read_minutes(_page(MINUTES), "clean.html")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(MINUTES)), st.sampled_from(FURNITURE)), max_size=8))
def test_furniture_around_minutes_changes_nothing(placed: list[tuple[int, str]]) -> None:
    parts: list[str] = []
    for index, block in enumerate([*MINUTES, ""]):
        parts.extend(f for at, f in placed if at == index)
        parts.append(block)
    doc = read_minutes(_page(parts), "page.html")
    assert doc.text == _CLEAN.text
    items = [(i.number, i.title, i.decision and i.decision.text) for i in doc.meeting.items]
    assert items == [
        (1, "Godkendelse af dagsorden", "Godkendt."),
        (2, "Budgetopfølgning", "Taget til efterretning."),
        (3, "Eventuelt", "Intet."),
    ]
    assert (doc.meeting.committee, str(doc.meeting.date)) == ("Økonomiudvalget", "2024-03-12")


def test_a_hidden_cookie_dialog_of_any_size_is_dropped() -> None:
    dialog = "<div class='cookie-declaration' aria-hidden='true'>" + "<p>Cookie x.</p>" * 50
    page = f"<html><body><p>Før.</p>{dialog}</div><p>Efter.</p></body></html>"
    assert html_to_text(page) == "Før.\n\nEfter.\n"


@pytest.mark.parametrize(
    ("html", "in_content", "expected"),
    [
        ("<footer>Køge Kommune</footer>", False, "footer"),
        ("<footer>Mødets fodnote</footer>", True, None),
        ("<header><a>Logo</a></header>", False, "header"),
        ('<div role="contentinfo">Køge Kommune</div>', True, "footer"),
        ('<div role="banner" class="site-top">Køge Kommune</div>', False, "header"),
        ('<div role="banner" class="cookie-banner">Vi bruger cookies</div>', False, None),
        ('<div role="contentinfo" id="CybotCookiebotDialog">Cookies</div>', False, None),
        ('<footer class="share-bar">Del</footer>', False, None),
        ('<div role="navigation">Menu</div>', False, None),
        ("<div>Køge Kommune</div>", False, None),
        # a footer by its class, with nothing after it on the page
        ('<div class="page-footer">Køge Kommune</div>', False, "footer"),
        ('<div class="page-footer">Køge Kommune</div><p>Mere</p>', False, None),
    ],
)
def test_site_frame(html: str, *, in_content: bool, expected: str | None) -> None:
    node = LexborHTMLParser(html).body
    assert node is not None
    element = node.child
    assert element is not None
    tag = (element.tag or "").lower()
    assert site_frame(element, tag, in_content=in_content) == expected


@pytest.mark.parametrize(
    "after",
    ["", "<script>var x = 1;</script>", "<div class='cookie-banner'>Vi bruger cookies</div>"],
)
def test_a_footer_div_at_the_end_of_the_page_is_the_sites(after: str) -> None:
    page = (
        "<html><body><div id='content'><p>Beslutning</p><p>Godkendt.</p></div>"
        f"<div class='edoc-footer'>Udgivet med eDoc · 4600 Køge</div>{after}</body></html>"
    )
    text, evidence = read_html(page)
    assert text == "Beslutning\n\nGodkendt.\n"
    assert [(line.part, line.text) for line in evidence.lines] == [
        ("footer", "Udgivet med eDoc · 4600 Køge")
    ]


@pytest.mark.parametrize(
    "page",
    [
        # among the items, or with a heading: the meeting's own
        "<div class='item'><p>Godkendt.</p><div class='item-footer'>Mødet hævet kl. 17</div></div>"
        "<div class='item'><p>Intet.</p></div>",
        "<p>Godkendt.</p><div class='footer'><h3>Underskrifter</h3><p>Mødet hævet kl. 17</p></div>",
        # inside the content: the article's own
        "<main><p>Godkendt.</p><div class='footer'>Mødet hævet kl. 17</div></main>",
    ],
)
def test_a_footer_div_of_the_minutes_is_kept(page: str) -> None:
    assert "Mødet hævet kl. 17" in html_to_text(f"<html><body>{page}</body></html>")
