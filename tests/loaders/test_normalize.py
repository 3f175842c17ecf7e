import doctest
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders import normalize
from loaders.normalize import normalize_text
from loaders.page_evidence import PageEvidence

SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"
LINE_BREAKS = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def _count_lines(text: str) -> int:
    """Lines as the input has them: one more than its line breaks."""
    return len(LINE_BREAKS.split(text))


def test_doctests() -> None:
    assert doctest.testmod(normalize).failed == 0


# --- characters, for every kind of text ---


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a\r\nb\rc\nd", "a\nb\nc\nd"),
        ("a\u2028b\u2029c\x0cd\x0be\x85f", "a\nb\nc\nd\ne\nf"),
        ("Mo\u0308de", "Möde"),  # NFC
        ("A\u030angstrøm", "Ångstrøm"),
        ("kl.\u00a015\u202f00\u2007x\u2009y\u3000z", "kl. 15 00 x y z"),
        ("Be\u00adslut\u00adning", "Beslutning"),
        ("\ufeffRe\u200bfe\u200cr\u200dat\u2060", "Referat"),
        ("Punkt 1   \t\nGodkendt \u00a0", "Punkt 1\nGodkendt"),
        ("Tab\tinde\tholdes", "Tab\tinde\tholdes"),
        ("  indrykning bevares", "  indrykning bevares"),
        ("styre\x00tegn\x07\x1b væk\x7f", "styretegn væk"),
    ],
)
def test_character_normalisation(raw: str, expected: str) -> None:
    assert normalize_text(raw) == (expected, "text/plain")


def test_plain_text_is_left_as_written() -> None:
    text = (
        "REFERAT\n\n  • Carsten Bjerg\n*Projektet udløber 5 * 3\n_x_ og <5 år & mere\n"
        "&bogus; og &amp <udvalg> a < b > c\n"
    )
    assert normalize_text(text) == (text, "text/plain")


# --- media type ---


@pytest.mark.parametrize(
    ("text", "media_type"),
    [
        ("<!DOCTYPE html><title>x</title><p>Referat</p>", "text/html"),
        ("<html><body>Referat</body></html>", "text/html"),
        ("Referat\n<body>\nPunkt 1\n", "text/html"),
        ("<div>\n<h1>Referat</h1>\n<p>Punkt 1</p>\n</div>", "text/html"),
        ("# Referat\nPunkt 1", "text/markdown"),
        ("Mødedato **Onsdag**", "text/markdown"),
        ("Se [bilag](https://x.dk/b.pdf)", "text/markdown"),
        ("Referat\n<b>Mødedato</b>\t4. maj\nPunkt 1\nGodkendt", "text/markdown"),
        ("Referat\nHammer &amp; Søn", "text/markdown"),
        ("Referat\n<td>celle</td>\nPunkt 1\nGodkendt", "text/markdown"),
        ("Referat\n  • Punkt 1\n* Punkt 2\n#1 på listen", "text/plain"),
        ("Beslutning <udvalg> den 8. januar", "text/plain"),
        ("Under <5 år og > 2 år; R&D", "text/plain"),
    ],
)
def test_media_type_from_content(text: str, media_type: str) -> None:
    assert normalize_text(text)[1] == media_type


# --- Markdown ---


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("# Referat", "Referat"),
        ("###### Bilag ###", "Bilag"),
        (
            "## **Punkt 1: JAI - Godkendelse af dagsorden**",
            "Punkt 1: JAI - Godkendelse af dagsorden",
        ),
        ("#### **A. Status på indsatsen**", "A. Status på indsatsen"),
        ("**Mødedato** Onsdag", "Mødedato Onsdag"),
        ("__Mødested__ Rådhuset", "Mødested Rådhuset"),
        ("visionen, *Vores Sted*. og _her_", "visionen, Vores Sted. og her"),
        ("***Vigtigt*** og **_begge_**", "Vigtigt og begge"),
        ("* Punkt med *fremhævning*", "- Punkt med fremhævning"),
        ("  + underpunkt", "  - underpunkt"),
        ("- allerede bindestreg", "- allerede bindestreg"),
        ("1. nummereret", "1. nummereret"),
        ("Faktaark_Den_Sociale og snake_case_navn", "Faktaark_Den_Sociale og snake_case_navn"),
        ("5 * 3 * 2 = 30", "5 * 3 * 2 = 30"),
        ("Vestjylland* - 30 timer", "Vestjylland* - 30 timer"),
        ('Se [bilag 1](https://x.dk/b.pdf "titel") nu', "Se bilag 1 nu"),
        ("Se [bilaget][1] nu", "Se bilaget nu"),
        ("[1]: https://x.dk/b.pdf", ""),
        ("Logo ![Lejre logo](logo.png) her", "Logo  her"),
        ("Link <https://lejre.dk/referat> her", "Link https://lejre.dk/referat her"),
        ("Kode `x = 1` og ``a`b``", "Kode x = 1 og a`b"),
        ("\\*ikke fremhævet\\* og \\# ikke overskrift", "*ikke fremhævet* og # ikke overskrift"),
        ("\\## ikke overskrift", "## ikke overskrift"),
        ("> Citat", "Citat"),
        ("> > dobbelt citat", "dobbelt citat"),
        ("---", ""),
        ("* * *", ""),
        ("___", ""),
        ("| 1 Åben - Lov | 97555/19 |", "1 Åben - Lov\t97555/19"),
        ("|---|:--------:|", ""),
        ("**Beslutning spredt", "Beslutning spredt"),
        ("over to linjer**", "over to linjer"),
        ("&lt;b&gt; er et tag, &#42;ikke&#42; fremhævet", "<b> er et tag, *ikke* fremhævet"),
    ],
)
def test_markdown_line(line: str, expected: str) -> None:
    text, media_type = normalize_text("# Referat\n" + line)
    assert media_type == "text/markdown"
    assert text == "Referat\n" + expected


def test_code_fence_lines_are_kept_verbatim_and_fences_emptied() -> None:
    text = "# Referat\n```\n**ikke fed** <b>\n```\nefter **fed**"
    assert normalize_text(text) == ("Referat\n\n**ikke fed**\n\nefter fed", "text/markdown")


# --- stray HTML in text ---


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<b>Mødedato</b>\tOnsdag", "Mødedato\tOnsdag"),
        ("<p>Godkendt.</p><p>Bilag</p>", "Godkendt. Bilag"),
        ("<p>a</p>\t<p>b</p> <p>c</p>", "a\tb c"),
        ("linje<br>stadig samme linje<br/>og<BR />her", "linje stadig samme linje og her"),
        ("<td>a</td><td>b</td>", "a b"),
        ('<span style="color: red">rød</span>tekst', "rødtekst"),
        ('<a href="javascript:alert(1)">klik</a>', "klik"),
        ('<img src=x onerror="alert(1)">billede', "billede"),
        ("Hammer &amp; Søn, K&#248;ge, &#xE6;, &aelig;&nbsp;x", "Hammer & Søn, Køge, æ, æ x"),
        ("før<script>alert(1)</script>efter", "førefter"),
        ("før<style>p {}</style> efter", "før efter"),
        ("før <!-- en kommentar --> efter", "før  efter"),
    ],
)
def test_stray_html(raw: str, expected: str) -> None:
    text, media_type = normalize_text("Referat\n" + raw + "\nSlut")
    assert media_type == "text/markdown"
    assert text == "Referat\n" + expected + "\nSlut"


def test_stray_html_spanning_lines_keeps_every_line() -> None:
    raw = (
        "Referat\n<!-- kommentar\nover\nlinjer -->Punkt 1\n<script>\nalert(1)\n</script>"
        '\n<span\nclass="x">Godkendt</span>\n&#10;ny&#x2028;linje?\n'
    )
    text, media_type = normalize_text(raw)
    assert media_type == "text/markdown"
    assert text == "Referat\n\n\nPunkt 1\n\n\n\n\nGodkendt\n ny linje?\n"
    assert "alert" not in text


def test_unclosed_script_runs_to_the_end() -> None:
    text, _ = normalize_text("Referat\n<b>x</b>\n<script>\nalert(1)\nmere")
    assert text == "Referat\nx\n\n\n"


# --- web pages ---

PAGE = """<!DOCTYPE html>
<html lang="da">
<head><title>Referat</title><style>p { color: red }</style>
<script>var x = "alert";</script></head>
<body>
<nav><a href="/">Forside</a> | <a href="/moeder">Møder</a></nav>
<h1>Referat   Beskæftigelsesudvalget</h1>
<p>Mødedato: Onsdag d. 8. juni 2022 kl.&nbsp;15:00<br>Mødested: Rådhuset</p>
<h2>Deltagere</h2>
<ul>
  <li>Carsten Bjerg (V)</li>
  <li>Lise Juhl   Hansen
      (A)</li>
</ul>
<h2>Punkt 1: Godkendelse af dagsorden</h2>
<div class="beslutning"><h3>Beslutning</h3><p>Dagsordenen blev <b>godkendt</b>.</p></div>
<table>
<tr><th>Bilag</th><th>Sagsnr.</th></tr>
<tr><td>Budget 2023</td><td>17-004875</td></tr>
<tr><td></td><td><p>17-1</p><p>andet</p></td></tr>
</table>
<ol><li>Første</li><li><p>Anden</p><ul><li>under</li></ul></li></ol>
<img src="x" onerror="alert(1)">
<p><a href="javascript:alert(1)">Print</a></p>
<noscript>Slå JavaScript til</noscript>
<script>alert(1)</script>
</body></html>
"""

PAGE_TEXT = """\
Referat Beskæftigelsesudvalget

Mødedato: Onsdag d. 8. juni 2022 kl. 15:00
Mødested: Rådhuset

Deltagere

- Carsten Bjerg (V)
- Lise Juhl Hansen (A)

Punkt 1: Godkendelse af dagsorden

Beslutning

Dagsordenen blev godkendt.

Bilag\tSagsnr.
Budget 2023\t17-004875
\t17-1 andet

1. Første
2. Anden
  - under
"""


def test_web_page_of_minutes() -> None:
    text, media_type = normalize_text(PAGE)
    assert media_type == "text/html"
    assert text == PAGE_TEXT
    assert "alert" not in text
    assert "JavaScript" not in text


def test_web_page_fragment_without_html_element() -> None:
    text = "<div>\n<h2>Punkt 1</h2>\n<p>Godkendt &amp; <i>afsluttet</i>.</p>\n</div>\n"
    assert normalize_text(text) == ("Punkt 1\n\nGodkendt & afsluttet.\n", "text/html")


def test_preformatted_text_keeps_its_lines() -> None:
    page = "<html><body><p>Før</p><pre>linje 1\n  linje 2</pre><p>Efter</p></body></html>"
    assert normalize_text(page)[0] == "Før\n\nlinje 1\n  linje 2\n\nEfter\n"


def test_hostile_page() -> None:
    page = (
        "<html><body onload=alert(1)><p>Referat<script>alert(2)</script>"
        "<img src=x onerror=alert(3)><a href='javascript:alert(4)'>link</a>"
        "<svg><script>alert(5)</script></svg><iframe src='javascript:alert(6)'>x</iframe>"
        "<template><p>alert(7)</p></template><style>@import 'alert(8)'</style></p>"
        "<noscript><p>alert(9)</p></noscript><object>alert(10)</object></body></html>"
    )
    text, media_type = normalize_text(page)
    assert media_type == "text/html"
    assert "alert" not in text
    # a javascript: link is a control, not text
    assert text == "Referat\n"


def test_deeply_nested_page_does_not_exhaust_the_stack() -> None:
    page = "<html><body>" + "<div>" * 5000 + "dybt" + "</div>" * 5000 + "</body></html>"
    assert normalize_text(page) == ("dybt\n", "text/html")


def test_paragraphs_of_invisible_space_leave_one_blank_line() -> None:
    page = "<html><p>&nbsp;</p><p>Punkt 1</p><p>\u200b</p><p>&nbsp;</p><p>Godkendt</p></html>"
    assert normalize_text(page) == ("Punkt 1\n\nGodkendt\n", "text/html")


def test_empty_page() -> None:
    assert normalize_text("<html><body><script>x</script></body></html>") == ("", "text/html")


# --- the Markdown samples ---


@pytest.mark.parametrize("name", ["002_5e003f0efdc1cc02.txt", "003_f24a77493ceefbba.txt"])
def test_markdown_samples(name: str) -> None:
    raw = (SEEDS / name).read_text(encoding="utf-8")
    text, media_type = normalize_text(raw)
    assert media_type == "text/markdown"
    assert text.count("\n") == raw.count("\n")
    assert "**" not in text
    assert "<b>" not in text
    assert "<p>" not in text
    assert "&amp;" not in text
    assert not re.search(r"^#", text, re.MULTILINE)


def test_sample_002_lines() -> None:
    raw = (SEEDS / "002_5e003f0efdc1cc02.txt").read_text(encoding="utf-8")
    lines = normalize_text(raw)[0].split("\n")
    assert raw.split("\n")[19] == "## **Punkt 1: JAI - Godkendelse af dagsorden**"
    assert lines[19] == "Punkt 1: JAI - Godkendelse af dagsorden"
    assert lines[2] == (
        "REFERAT Udvalget for Job, Arbejdsmarked og Integration - 2022-2025 d. 04-05-2022"
    )
    assert lines[4] == "Mødedato\tOnsdag d. 04. maj 2022 kl. 16:30"
    assert lines[21] == "Beslutning"
    assert lines[264].startswith("i 2022 være steget til 23 %. I 2021 var andelen 22,5 %.\t2022")
    assert "Hammer & Son" in lines[266]
    assert lines[284] == ""  # a "---" rule


def test_sample_003_lines() -> None:
    raw = (SEEDS / "003_f24a77493ceefbba.txt").read_text(encoding="utf-8")
    lines = normalize_text(raw)[0].split("\n")
    assert lines[2] == "REFERAT Arbejdsmarkedsudvalget d. 23-10-2019"
    assert lines[4] == "Mødedato Onsdag d. 23. oktober 2019 kl. 13:30"
    assert lines[8] == "Indholdsfortegnelse"
    assert lines[18] == "Punkt 1: Tema. Særlig jobformidlingsindsats for udsatte borgere"
    assert lines[171] == "Punkt 5: Budgetopfølgning pr. 30. september 2019"


@pytest.mark.parametrize(
    ("name", "media_type"),
    [
        ("000_dccc08daabfe9e2b.txt", "text/plain"),
        ("001_1a03b5464bcda1a1.txt", "text/plain"),
        ("004_78f46f7a40cfaabc.txt", "text/markdown"),  # <i>, <u> and *emphasis* in it
    ],
)
def test_other_samples_keep_their_lines(name: str, media_type: str) -> None:
    raw = (SEEDS / name).read_text(encoding="utf-8")
    text, found = normalize_text(raw)
    assert found == media_type
    assert _count_lines(text) == _count_lines(raw)
    assert "\u00a0" not in text


# --- properties ---

FRAGMENTS = [
    *"abcæøå 1.:-\t*_`[]()!<>&;\\|#",
    *["\n", "\r\n", "\r", "\u2028", "\x0c", "\x85", "\u00a0", "\u00ad", "\u200b", "\ufeff"],
    *["# ", "## ", "**", "__", "> ", "* ", "+ ", "- ", "---", "```", "https://x.dk"],
    *["<b>", "</b>", "<p>", "</p>", "<br>", "<td>", "<script>", "</script>", "<!--", "-->"],
    *["&amp;", "&#10;", "&#13;", "&#x2028;", "&nbsp;", "&#173;", "&aelig;", "&#0;", "&#x85;"],
    *["A\u030a", "o\u0308", "\u2000", "Punkt 1:", "Beslutning"],
]
markup_texts = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join)
any_texts = st.one_of(markup_texts, st.text(max_size=200))


@given(any_texts)
def test_markdown_and_plain_text_keep_their_lines(text: str) -> None:
    out, media_type = normalize_text(text)
    if media_type != "text/html":
        assert out.count("\n") == _count_lines(text) - 1


@given(any_texts)
def test_output_is_normalised(text: str) -> None:
    out, _ = normalize_text(text)
    assert "\r" not in out
    assert "\u00a0" not in out
    assert "\u00ad" not in out
    assert "\u200b" not in out
    assert not re.search(r"[ \t]$", out, re.MULTILINE)


@given(any_texts)
def test_plain_output_is_a_fixed_point(text: str) -> None:
    out, media_type = normalize_text(text)
    if media_type == "text/plain":
        assert normalize_text(out) == (out, "text/plain")


# U+1FEF (Greek varia) is a backtick after NFC
NO_MARKUP = st.characters(exclude_characters="<&#*_`[]\\>|!-+=~\u1fef")


@given(st.text(alphabet=NO_MARKUP, max_size=200))
def test_normalising_text_without_markup_twice_changes_nothing(text: str) -> None:
    out, media_type = normalize_text(text)
    assert media_type == "text/plain"
    assert normalize_text(out) == (out, "text/plain")


def test_normalize_keeps_what_the_page_says_about_itself_apart() -> None:
    page = "<html><head><title>Referat - Vejle Kommune</title></head><body><p>Punkt 1</p></body>"
    found = normalize.normalize(page)
    assert (found.text, found.media_type) == normalize_text(page) == ("Punkt 1\n", "text/html")
    assert [(line.part, line.text) for line in found.page.lines] == [
        ("title", "Referat - Vejle Kommune")
    ]


def test_text_and_markdown_have_no_page_evidence() -> None:
    for text in ("Referat\nPunkt 1\n", "# Referat\n**Punkt 1**\n"):
        assert normalize.normalize(text).page == PageEvidence()
