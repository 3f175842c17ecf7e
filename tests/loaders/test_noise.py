"""Noise: page footers, table rules, running headers and link bars, found by form and
repetition, left out of every text."""

from __future__ import annotations

from loaders.parse import CORE_RULES, parse_minutes
from loaders.rules.noise import (
    bare_page_numbers,
    contact_footer,
    link_bars,
    page_controls,
    page_footers,
    page_headers,
    running_headers,
    table_rules,
)
from loaders.rules.parse_state import ParseState


def _state(text: str) -> ParseState:
    state = ParseState.from_text(text)
    for name, rule in CORE_RULES:
        if name == "noise":
            break
        rule(state)
    return state


def test_page_footers() -> None:
    state = _state(
        "Tekst\nLejre Kommune Udvalget for Job & Arbejdsmarked\t08-01-2020\tSide 2\n"
        "Se side 2 i bilaget.\nSide 3 af 14\n- 4 -\n"
    )
    assert page_footers(state) == [1, 3, 4]


def test_table_rules() -> None:
    state = _state("--\t------------\t--------\n|---|----|\n- | | |\nEt - to\n---\n")
    assert table_rules(state) == [0, 1, 2, 4]


def _pages(header: str, count: int) -> str:
    page = "Sagsfremstilling\n" + "Tekst på siden.\n" * 12
    return "".join(f"{header.format(n)}\n{page}" for n in range(1, count + 1))


def test_running_headers_by_repetition_a_page_apart() -> None:
    state = _state(_pages("Byrådet 08-01-2020 Referat {}", 3))
    assert running_headers(state) == [0, 14, 28]


def test_a_title_before_every_case_number_is_no_running_header() -> None:
    # found by test_generated_pages at 400 examples: three unnumbered items titled alike
    # ("Godkendelse af budget 2021", each before its case number) were read as a page header
    item = "Godkendelse af budget 2021\nSagsnr.: 20/1234\nAdgang: Åben sag\n" + _pages("", 1)
    assert running_headers(_state(item * 3)) == []
    # a running header that a page's case number follows only now and then stays a header
    pages = _pages("Byrådet 08-01-2020 Referat {}", 3).split("\n")
    pages.insert(1, "Sagsnr.: 20/1234")
    assert running_headers(_state("\n".join(pages))) == [0, 15, 29]


def test_alike_lines_close_together_are_a_table_not_a_header() -> None:
    state = _state("Projekt 30 timer\n3.800\nProjekt 20 timer\n2.500\nProjekt 10 timer\n1.950\n")
    assert running_headers(state) == []


def test_link_bars_before_every_item() -> None:
    text = "".join(
        f"Kopier link til punktet - Print\n\n{n}: Punkt nummer {n}\n\nSagsnr: 22-00000{n}\n\n"
        "Beslutning\n\nGodkendt.\n\n"
        for n in range(1, 4)
    )
    state = _state(text)
    assert link_bars(state) == [0, 10, 20]
    meeting, layout, _ = parse_minutes(text, municipality="Lejre")
    assert "link-bars" in layout
    assert [i.decision.text for i in meeting.items if i.decision] == ["Godkendt."] * 3


def test_repeated_content_is_not_noise() -> None:
    text = "".join(
        f"{n}: Punkt {n}\nSagsnr:\nBeslutning\nTaget til efterretning.\n" for n in range(1, 5)
    )
    state = _state(text)
    assert link_bars(state) == []
    assert running_headers(state) == []


def test_noise_is_left_out_of_section_text() -> None:
    text = (
        "Punkt 1: Første\nBeslutning\nGodkendt.\n\nLejre Kommune Byrådet 08-01-2020 Side 2\n"
        "--\t----\nMere.\n"
    )
    meeting, _, _ = parse_minutes(text)
    decision = meeting.items[0].decision
    assert decision is not None
    assert decision.text == "Godkendt.\n\nMere."
    # A footer naming the municipality states it.
    assert (meeting.municipality, meeting.municipality_source) == ("Lejre", "stated")


def test_page_headers_right_after_page_footers() -> None:
    # pages split again from run-together text are short: the header repeats fewer than ten
    # lines apart, right after each footer
    page = "Punkt {n}: Sag {n}\nBeslutning\nGodkendt.\nSide {n} af 4\nByrådet 12-03-2024\n"
    text = "".join(page.format(n=n) for n in range(1, 5))
    state = _state(text)
    state.noise[3] = state.noise[8] = state.noise[13] = state.noise[18] = True
    assert page_headers(state) == [4, 9, 14, 19]
    meeting, layout, _ = parse_minutes(text, municipality="Køge")
    assert "page-headers" in layout
    assert [i.decision.text for i in meeting.items if i.decision] == ["Godkendt."] * 4


def _decisions(text: str) -> list[str]:
    meeting, _, _ = parse_minutes(text, municipality="Lejre")
    return [i.decision.text if i.decision else "" for i in meeting.items]


def test_the_same_decision_before_every_heading_is_no_link_bar() -> None:
    text = "Mødedato: 9. april 2009\n" + "".join(
        f"Punkt {n}: Sag {n}\nBeslutning\nTaget til efterretning.\n" for n in range(1, 4)
    )
    assert link_bars(_state(text)) == []
    assert _decisions(text) == ["Taget til efterretning."] * 3
    # without a full stop too: the text right under a label is the section's
    bare = text.replace("efterretning.", "efterretning")
    assert link_bars(_state(bare)) == []
    assert _decisions(bare) == ["Taget til efterretning"] * 3


def test_page_controls_however_few() -> None:
    text = (
        "Mødedato: 9. april 2009\nKopier link til punktet - Print\nPunkt 1: A\nBeslutning\n"
        "Godkendt.\nKopier link til punktet - Print\nPunkt 2: B\nBeslutning\nGodkendt.\n"
        "Til toppen | Udskriv\nDel på Facebook\nPrint af bilag 3\n"
    )
    assert page_controls(_state(text)) == [1, 5, 9, 10]
    assert _decisions(text) == ["Godkendt.", "Godkendt.\nPrint af bilag 3"]


def test_a_page_header_of_two_pages_is_the_first_line_again_after_the_footer() -> None:
    text = (
        "Referat - offentlig udgave - side 1\nMødedato: 9. april 2009\nPunkt 1: A\n"
        "Beslutning\nGodkendt.\nPunkt 2: B\nBeslutning\nSide 1 af 2\n"
        "Referat - offentlig udgave - side 2\nGodkendt.\nSide 2 af 2\n"
    )
    state = _state(text)
    for footer in page_footers(state):
        state.noise[footer] = True
    assert page_headers(state) == [0, 8]
    assert _decisions(text) == ["Godkendt.", "Godkendt."]


def test_a_title_shared_by_items_is_no_running_header() -> None:
    item = (
        "{n}\nEvaluering af lokalplan 12\nResume\n"
        + "Tekst her.\n" * 10
        + "Beslutning\nGodkendt.\n"
    )
    text = "REFERAT Byrådet d. 1. januar 2006\n" + "".join(item.format(n=n) for n in range(1, 4))
    assert running_headers(_state(text)) == []
    meeting, _, _ = parse_minutes(text, municipality="Lejre")
    assert [(i.number, i.title) for i in meeting.items] == [
        (n, "Evaluering af lokalplan 12") for n in range(1, 4)
    ]


def _numbered_pages(numbers: list[str], *, lines: int, breaks: bool) -> str:
    """Pages of ``lines`` lines of sentences, each ending in a bare number from ``numbers``;
    with ``breaks``, a sentence runs on across the number."""
    out = []
    for number in numbers:
        out += [f"Linje {i} af siden, som ender her." for i in range(lines)]
        out += (
            ["Forvaltningen vurderer, at", number, "sagen kan afsluttes."] if breaks else [number]
        )
    return "\n".join(out) + "\n"


def test_bare_page_numbers_counting_up_a_page_apart_that_break_sentences() -> None:
    state = _state(_numbered_pages(["2", "3", "4"], lines=10, breaks=True))
    found = bare_page_numbers(state)
    assert [state.plain[i] for i in found] == ["2", "3", "4"]


def test_bare_numbers_are_kept_when_nothing_says_they_are_page_numbers() -> None:
    # no sentence broken, no items numbered in another form
    assert bare_page_numbers(_state(_numbered_pages(["2", "3", "4"], lines=10, breaks=False))) == []
    # two are no run; numbers closer than a page, or not counting up by one, are no pages
    assert bare_page_numbers(_state(_numbered_pages(["2", "3"], lines=10, breaks=True))) == []
    assert bare_page_numbers(_state(_numbered_pages(["2", "3", "4"], lines=4, breaks=True))) == []
    assert bare_page_numbers(_state(_numbered_pages(["2", "4", "6"], lines=10, breaks=True))) == []


def test_contact_footer_under_the_minutes() -> None:
    text = (
        "Punkt 1: Eventuelt\nBeslutning\nIntet.\n\n"
        "Kerteminde Kommune · Hans Schacks Vej 4 · 5300 Kerteminde · Telefon 65 15 15 15\n"
        "kommune@kerteminde.dk · 5300 Kerteminde\n"
    )
    state = _state(text)
    assert [state.plain[i] for i in contact_footer(state)] == [
        "kommune@kerteminde.dk · 5300 Kerteminde",
        "Kerteminde Kommune · Hans Schacks Vej 4 · 5300 Kerteminde · Telefon 65 15 15 15",
    ]
    meeting, _, _ = parse_minutes(text)
    assert meeting.items[0].decision is not None
    assert meeting.items[0].decision.text == "Intet."


def test_an_address_in_the_minutes_is_no_contact_footer() -> None:
    # followed by text, or a sentence, or with nothing to contact: the minutes' own
    for text in (
        "Mødested: Torvet 2, 3600 Frederikssund, tlf. 47 35 10 00\nBeslutning\nGodkendt.\n",
        "Beslutning\nMødet flyttes til Torvet 2, 3600 Frederikssund.\n",
        "Beslutning\nGodkendt.\nTorvet 2 · 3600 Frederikssund\n",
    ):
        assert contact_footer(_state(text)) == []


def test_a_letterhead_that_starts_with_the_municipality_is_a_contact_footer() -> None:
    address = "Syddjurs Kommune, Lundbergsvej 2, 8400 Ebeltoft"
    text = f"Punkt 1: Eventuelt\nBeslutning\nVedtaget.\n\n{address}\n"
    state = _state(text)
    assert [state.plain[i] for i in contact_footer(state)] == [address]
    # the same address after other words is the decision's: "Sendes til ..."
    other = f"Punkt 1: Eventuelt\nBeslutning\nSendes til {address}\n"
    assert contact_footer(_state(other)) == []


def test_the_municipality_alone_at_the_end_is_a_contact_footer() -> None:
    text = "Punkt 1: Eventuelt\nBeslutning\nGodkendt.\n\nHedensted Kommune\n"
    state = _state(text)
    assert [state.plain[i] for i in contact_footer(state)] == ["Hedensted Kommune"]
    meeting, _, _ = parse_minutes(text)
    assert meeting.municipality == "Hedensted"
    assert meeting.items[0].decision is not None
    assert meeting.items[0].decision.text == "Godkendt."
