import doctest

import pytest

from loaders import html_text
from loaders.html_text import html_to_text, read_html
from loaders.page_evidence import PageEvidence
from loaders.read import read_minutes


def test_doctests() -> None:
    assert doctest.testmod(html_text).failed == 0


def test_blocks_lists_and_tables() -> None:
    page = (
        "<h2>Punkt 1</h2>tekst direkte i body<div>blok <span>med</span>\n  span</div>"
        "<ul><li>a<ul><li>b</li></ul></li><li><p>c</p><p>d</p></li></ul>"
        '<ol start="3"><li>tre</li><li value="7">syv</li><li>otte</li></ol>'
        "<dl><dt>Sted</dt><dd>Rådhuset</dd></dl>"
        "<table><tr><td>a</td><td></td><td>c</td></tr><tr><th> b </th></tr></table>"
        "<p>før<br>efter<hr>sidst</p>"
    )
    assert html_to_text(page) == (
        "Punkt 1\n\ntekst direkte i body\n\nblok med span\n\n"
        "- a\n  - b\n- c\nd\n\n"
        "3. tre\n7. syv\n8. otte\n\n"
        "Sted: Rådhuset\n\n"
        "a\t\tc\nb\n\n"
        "før\nefter\n\nsidst\n"
    )


def test_nothing_readable() -> None:
    assert html_to_text("") == ""
    assert html_to_text("<script>x</script><style>y</style>") == ""


@pytest.mark.parametrize(
    ("page", "text"),
    [
        # a definition list with short values: "Label: value", the form the header reads
        (
            "<dl><dt>Mødedato</dt><dd>12. marts 2024</dd><dt>Sted:</dt><dd><p>Rådhuset</p></dd>"
            "</dl>",
            "Mødedato: 12. marts 2024\nSted: Rådhuset\n",
        ),
        # a long or many-paragraph value keeps its own lines
        (
            "<dl><dt>Sagsfremstilling</dt><dd><p>Første afsnit.</p><p>Andet afsnit.</p></dd></dl>",
            "Sagsfremstilling\n\nFørste afsnit.\n\nAndet afsnit.\n",
        ),
        # a two-column table of header labels
        (
            "<table><tr><th>UDVALG</th><td>Økonomiudvalget</td></tr>"
            "<tr><th>STARTTIDSPUNKT</th><td>14-11-2019 08:15:00</td></tr>"
            "<tr><td>Sagsnr.:</td><td>19/21544</td></tr></table>",
            "UDVALG: Økonomiudvalget\nSTARTTIDSPUNKT: 14-11-2019 08:15:00\nSagsnr.: 19/21544\n",
        ),
        # a table of figures, and column headings, keep their tabs
        (
            "<table><tr><th>Bilag</th><th>Sagsnr.</th></tr><tr><td>Budget</td><td>3.800</td></tr>"
            "<tr><td>Tid</td><td>Sted</td></tr></table>",
            "Bilag\tSagsnr.\nBudget\t3.800\nTid\tSted\n",
        ),
        # number and title in spans of one heading, glued by the markup
        ("<h2><span>1.</span><span>Godkendelse</span></h2>", "1. Godkendelse\n"),
        ("<h2><span>Punkt</span><span>3</span>: Budget</h2>", "Punkt 3: Budget\n"),
        ("<h2>Ø<span>konomi</span></h2>", "Økonomi\n"),
        # an item's number in an element of its own before the title heading
        (
            "<div class='item'><div class='nr'>Punkt 2</div><div><h2>Budget 2020</h2></div>"
            "<p>Tekst.</p></div>",
            "Punkt 2 Budget 2020\n\nTekst.\n",
        ),
        ("<span>4.</span><h3>Eventuelt</h3>", "4. Eventuelt\n"),
        # outside a heading too: number and title in spans the page's CSS spaces (FirstAgenda,
        # an accordion's button); found by the page generator ("1. 3.Budget 2024" before)
        (
            "<ol><li class='agenda-item'><div><span class='number'>3.</span>"
            "<span class='title'>Budget 2024</span></div></li></ol>",
            "3. Budget 2024\n",
        ),
        (
            "<ul><li><span>Punkt</span><span>3</span><span>: Budget</span></li></ul>",
            "Punkt 3: Budget\n",
        ),
        # but not a subscript, a sub-item's letter, a number within a line
        (
            "<p>CO<sub>2</sub>-udledning og 3<span>a</span> og 40 m<sup>2</sup></p>"
            "<p><b>3</b>a. Bolig</p>",
            "CO2-udledning og 3a og 40 m2\n\n3a. Bolig\n",
        ),
        # a number paragraph not followed by a heading stays as printed
        ("<p>12</p><p>Tekst.</p>", "12\n\nTekst.\n"),
        # an ordered list whose items print their own numbers (FirstAgenda's publication):
        # the list's numbers are not printed over them, and a heading in an item is a block of
        # its own (found by the page generator)
        (
            "<ol><li class='agenda-item'><h2><span class='number'>23</span> "
            "<span class='title'>Budget 2020</span></h2></li><li><span>Punkt 24</span> "
            "<span>Eventuelt</span></li><li>2. at planen evalueres.</li></ol>",
            "23 Budget 2020\n\nPunkt 24 Eventuelt\n3. 2. at planen evalueres.\n",
        ),
        (
            "<ol><li>at forslaget godkendes</li><li>12</li></ol>",
            "1. at forslaget godkendes\n2. 12\n",
        ),
        (
            "<ul><li><div><span>Punkt 3</span> <span>Budget</span></div><p>Godkendt.</p></li>"
            "<li>12 boliger nedrives</li><li>1. at forslaget godkendes</li>"
            "<li><span class='number'>4</span> <span class='title'>Eventuelt</span></li>"
            "<li><b>3</b> boliger nedrives</li></ul>",
            "Punkt 3 Budget\nGodkendt.\n- 12 boliger nedrives\n- 1. at forslaget godkendes\n"
            "4 Eventuelt\n- 3 boliger nedrives\n",
        ),
    ],
)
def test_structure_of_meeting_systems(page: str, text: str) -> None:
    assert html_to_text(page) == text


MEETING_LIST = """<!DOCTYPE html><html><body>
<header class="site-header"><a href="/">Syddjurs Kommune</a><nav><a>Politik</a></nav></header>
<main><nav class="breadcrumb"><a href="/">Forside</a> / <a href="/politik">Politik</a></nav>
<h1>Dagsordener og referater</h1>
<form class="meeting-filter" role="search"><select><option>Alle udvalg</option></select></form>
<h2>Økonomiudvalget</h2>
<table><tr><th>Dato</th><th>Møde</th><th>Dokument</th></tr>
<tr><td>14-03-2023</td><td><a href="/m/1201">Økonomiudvalget</a></td><td><a>Referat</a></td></tr>
<tr><td>14-02-2023</td><td><a href="/m/1188">Økonomiudvalget</a></td><td><a>Referat</a></td></tr>
</table>
<h2>Byrådet</h2>
<ul><li><a href="/m/1210">Byrådet 29. marts 2023</a> - <a>Dagsorden</a></li>
<li><a href="/m/1195">Byrådet 22. februar 2023</a> - <a>Referat</a></li></ul>
</main><footer><p>Syddjurs Kommune, Lundbergsvej 2, 8400 Ebeltoft</p></footer></body></html>
"""


def test_a_list_of_meetings_keeps_only_its_headings_and_rows() -> None:
    # What the parser is given for a list of meetings: no furniture, and no agenda items.
    assert html_to_text(MEETING_LIST) == (
        "Dagsordener og referater\n\nØkonomiudvalget\n\n"
        "Dato\tMøde\tDokument\n14-03-2023\tØkonomiudvalget\tReferat\n"
        "14-02-2023\tØkonomiudvalget\tReferat\n\nByrådet\n\n"
        "- Byrådet 29. marts 2023 - Dagsorden\n- Byrådet 22. februar 2023 - Referat\n"
    )


# What the page says about itself, kept apart from the text (read_html)

PAGE_WITH_FRAME = """<!DOCTYPE html><html><head>
<title>Referat - Økonomiudvalget - Køge Kommune</title>
<meta property="og:site_name" content="Køge Kommune">
<meta property="og:title" content="Referat - Økonomiudvalget - Køge Kommune">
<meta name="author" content="Sekretariatet">
<meta name="publisher" content="Køge Kommune, Torvet 1">
<meta name="description" content="Roskilde Kommune">
<meta property="og:url" content="https://www.koege.dk/og">
<link rel="alternate" href="https://www.roskilde.dk/alternate">
<link rel="Canonical" href="https://www.koege.dk/referat">
</head><body>
<div id="cookie-banner" role="banner">Roskilde Kommune bruger cookies</div>
<header class="site-header"><span>Køge Kommune</span><nav><a href="/">Forside</a></nav>
<div class="share"><a href="#">Del på Facebook</a> Roskilde Kommune</div></header>
<main><header><h2>Økonomiudvalget</h2></header><h1>Referat</h1><p>Punkt 1</p>
<footer>Mødets egen fodnote</footer></main>
<footer><p>Torvet 1, <a href="https://www.koege.dk">4600 Køge</a></p><p>Tlf. 56 67 67 67</p>
</footer></body></html>"""


def test_the_page_frame_and_head_are_evidence_not_text() -> None:
    text, page = read_html(PAGE_WITH_FRAME)
    assert text == "Økonomiudvalget\n\nReferat\n\nPunkt 1\n\nMødets egen fodnote\n"
    assert [(line.part, line.text) for line in page.lines] == [
        ("title", "Referat - Økonomiudvalget - Køge Kommune"),
        ("address", "https://www.koege.dk/referat"),
        ("site name", "Køge Kommune"),
        ("author", "Sekretariatet"),
        ("publisher", "Køge Kommune, Torvet 1"),
        ("address", "https://www.koege.dk/og"),
        ("footer", "Torvet 1, 4600 Køge"),
        ("footer", "Tlf. 56 67 67 67"),
    ]
    assert page.url == "https://www.koege.dk/referat"


def test_no_attribute_value_and_no_evidence_reaches_the_text() -> None:
    page = (
        '<html><head><title>T1tel</title><meta property="og:site_name" content="S1te">'
        '<link rel="canonical" href="https://c4nonical.dk/"></head><body>'
        '<header><img alt="L0go"></header><p onclick="x()">Referat</p>'
        "<footer>F00ter</footer></body></html>"
    )
    text, evidence = read_html(page)
    assert text == "Referat\n"
    assert [line.text for line in evidence.lines] == [
        "T1tel",
        "https://c4nonical.dk/",
        "S1te",
        "F00ter",
    ]


def test_hostile_addresses_are_not_kept() -> None:
    page = (
        '<html><head><link rel="canonical" href="javascript:alert(1)">'
        '<meta property="og:url" content="data:text/html,x">'
        '<link rel="canonical" href=" https://www.koege.dk/ok "></head><body><p>x</p></body></html>'
    )
    _, evidence = read_html(page)
    assert evidence.url == "https://www.koege.dk/ok"
    assert [line.text for line in evidence.lines] == ["https://www.koege.dk/ok"]


def test_a_page_without_a_head_or_frame_has_no_evidence() -> None:
    assert read_html("<p>Referat</p>") == ("Referat\n", PageEvidence())


def test_an_access_badge_after_the_title_is_the_items_access() -> None:
    # found by tests/loaders/test_generated_pages.py: the badge's words ended the title
    # ("Køb af ejendom Lukket punkt") and the item was open
    page = (
        "<h2>Punkt 1: Køb af ejendom <span class='badge'>Lukket punkt</span></h2>"
        "<h3>Beslutning</h3><p>Godkendt.</p>"
    )
    assert html_to_text(page).splitlines()[0] == "Punkt 1: Køb af ejendom (Lukket punkt)"
    item = read_minutes(page.encode(), "x.html").meeting.items[0]
    assert (item.number, item.title, item.closed) == (1, "Køb af ejendom", True)
    # a badge before the title, or with words after it, stays where it is printed
    assert html_to_text("<h2><span>Lukket</span> Køb af ejendom</h2>") == "Lukket Køb af ejendom\n"
    assert html_to_text("<h2>Lejr <span>Åben</span> 2</h2>") == "Lejr Åben 2\n"
