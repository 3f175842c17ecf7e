"""Agenda item headings: forms, titles, and confirmation by structure."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.model import LoaderError
from loaders.parse import parse_minutes
from loaders.rules import heading_forms, items
from loaders.rules.heading_forms import heading_candidate
from loaders.rules.items import split_title
from loaders.rules.parse_state import plain_line


def test_doctests() -> None:
    assert doctest.testmod(items).failed == 0
    assert doctest.testmod(heading_forms).failed == 0


@pytest.mark.parametrize(
    ("line", "form", "number", "title"),
    [
        ("Punkt 1: Godkendelse af dagsorden", "punkt-number", 1, "Godkendelse af dagsorden"),
        ("Punkt 3: Lukket:", "punkt-number", 3, "Lukket:"),
        ("Dagsordenspunkt 4 - Eventuelt", "punkt-number", 4, "Eventuelt"),
        ("Pkt. 12 Budget", "punkt-number", 12, "Budget"),
        ("10: Underskriftsside", "number-colon", 10, "Underskriftsside"),
        ("2. JA - Orientering - januar", "number-dot", 2, "JA - Orientering - januar"),
        ("3) Orientering fra formanden", "number-paren", 3, "Orientering fra formanden"),
        ("Ad 2. Orientering fra formanden", "ad-number", 2, "Orientering fra formanden"),
        ("Ad pkt. 4: Eventuelt", "ad-number", 4, "Eventuelt"),
        ("AD 5 Budget 2024", "ad-number", 5, "Budget 2024"),
        ("Sag 2: Orientering om anbringelser", "punkt-number", 2, "Orientering om anbringelser"),
        ("2. (Å) Budgetopfølgning", "number-dot", 2, "(Å) Budgetopfølgning"),
        ("Pkt. nr. 6 Budget", "punkt-number", 6, "Budget"),
        ("(3) Orientering fra formanden", "number-parenthesised", 3, "Orientering fra formanden"),
        ("4 - Godkendelse af regnskab", "number-dash", 4, "Godkendelse af regnskab"),
        ("5 – Eventuelt", "number-dash", 5, "Eventuelt"),
        ("6. Godkendelse af dagsorden (B)", "number-dot", 6, "Godkendelse af dagsorden (B)"),
        ("Dagsordenspunkt nr. 3: Budget", "punkt-number", 3, "Budget"),
        ("3. (L)", "number-dot", 3, "(L)"),
    ],
)
def test_heading_forms(line: str, form: str, number: int, title: str) -> None:
    found = heading_candidate(line)
    assert found is not None
    assert found[:3] == (form, number, title)


@pytest.mark.parametrize(
    "line",
    [
        "1. at form og indhold af dialogmøder i 2019 drøftes",  # a recommendation, lower case
        "1. januar 2020 trådte ny reform i kraft.",  # a date
        "Ad 1) Vi kan konstatere ...",
        "Punktet tages til efterretning.",
    ],
)
def test_not_headings(line: str) -> None:
    assert heading_candidate(line) is None


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("JAI - Godkendelse af dagsorden", ("Godkendelse af dagsorden", "JAI", False)),
        ("Lukket: Budgetkatalog 2023-2026", ("Budgetkatalog 2023-2026", None, True)),
        ("Lukket punkt: Salg af grund", ("Salg af grund", None, True)),
        ("BU - Lukket: Personalesag", ("Personalesag", "BU", True)),
        ("Evaluering af cykelprojektet 2021 - Et halvt år efter", None),
    ],
)
def test_split_title(printed: str, expected: tuple[str, str | None, bool] | None) -> None:
    assert split_title(printed) == (expected or (printed, None, False))


NUMBERED_LISTS = """\
REFERAT Byrådet d. 08-06-2022

1. Godkendelse af dagsorden
Beslutning
Godkendt.

2. Mål for 2023
Sagsfremstilling
Målene er:
1. Alle ledige skal have en værdig sagsbehandling
2. Flere ledige skal opkvalificeres
3. Flere flygtninge skal være selvforsørgende
Beslutning
Taget til efterretning.

3. Meddelelser
Sagsnr: 22-000001
Beslutning
Til efterretning.
"""


def test_numbered_lists_inside_sections_are_not_items() -> None:
    meeting, layout, _ = parse_minutes(NUMBERED_LISTS, municipality="Lemvig")
    assert [(i.number, i.title) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Mål for 2023"),
        (3, "Meddelelser"),
    ]
    assert "1. Alle ledige" in meeting.items[1].sections[0].text
    assert layout.startswith("number-dot")


def test_a_bare_numbered_line_needs_structure_to_be_an_item() -> None:
    text = "Referat\n\n1. Første punkt\nBare tekst.\n\n2. Andet punkt\nMere tekst.\n"
    with pytest.raises(LoaderError, match="no agenda items found"):
        parse_minutes(text)


DATED_BOARD = "Ældrerådet\nReferat af mødet den 9. februar 2023\n\n"


def test_bare_headings_with_text_under_them_are_items_under_a_dated_header() -> None:
    text = DATED_BOARD + "1. Første punkt\nBare tekst.\n\n2. Andet punkt\nMere tekst.\n"
    meeting, layout, _ = parse_minutes(text, municipality="Lejre")
    assert [(i.number, i.title) for i in meeting.items] == [(1, "Første punkt"), (2, "Andet punkt")]
    assert [i.decision for i in meeting.items] == [None, None]
    assert "numbered-without-labels" in layout


@pytest.mark.parametrize(
    "body",
    [
        "1. Første punkt\nBare tekst.\n",  # one heading alone
        "7. Første punkt\nTekst.\n8. Andet punkt\nTekst.\n",  # two, not from 1
        "1. Første punkt\n2. Andet punkt\n3. Tredje punkt\nTekst.\n",  # a list of titles
        "1. Alle skal have en samtale.\nTekst.\n2. Planen evalueres.\nTekst.\n",  # sentences
        "Ad 1) Vi kan konstatere en stigning\nTekst.\nAd 2) Vi ser et fald\nTekst.\n",
    ],
)
def test_bare_headings_that_read_as_a_list_are_no_items(body: str) -> None:
    with pytest.raises(LoaderError, match="no agenda items found"):
        parse_minutes("Referat\n\n" + body)  # not even the header: nothing is minutes here
    meeting, _, _ = parse_minutes(DATED_BOARD + body, municipality="Lejre")
    assert meeting.items == []


def test_a_publication_date_does_not_date_a_header() -> None:
    text = "Nyheder\nPubliceret 12. marts 2023\n\n1. Vejarbejde\nTekst.\n\n2. Busser\nTekst.\n"
    with pytest.raises(LoaderError, match="no agenda items found"):
        parse_minutes(text, municipality="Vejle")


def test_a_list_inside_an_item_does_not_cut_the_run_of_items() -> None:
    text = DATED_BOARD + (
        "1. Godkendelse af dagsorden\nGodkendt.\n\n2. Trafik\nRådet pegede på:\n"
        "1. Flere busser\n2. Bedre skilte\n3. Lydsignaler\nSendes videre.\n\n"
        "3. Budget\nGodkendt.\n\n4. Eventuelt\nIntet.\n"
    )
    meeting, _, _ = parse_minutes(text, municipality="Lejre")
    assert [(i.number, i.title) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Trafik"),
        (3, "Budget"),
        (4, "Eventuelt"),
    ]


def test_the_table_of_contents_confirms_bare_headings() -> None:
    text = (
        "Referat\n\nIndholdsfortegnelse\n1. Første punkt\t2\n2. Andet punkt\t3\n\n"
        "1. Første punkt\nBare tekst.\n\n2. Andet punkt\nMere tekst.\n"
    )
    meeting, layout, _ = parse_minutes(text)
    assert [i.title for i in meeting.items] == ["Første punkt", "Andet punkt"]
    assert "toc" in layout


def test_a_lost_heading_leaves_a_gap_not_a_broken_agenda() -> None:
    text = NUMBERED_LISTS.replace("2. Mål for 2023\n", "")
    meeting, _, _ = parse_minutes(text, municipality="Lemvig")
    assert [i.number for i in meeting.items] == [1, 3]


def test_item_spans_run_from_heading_to_last_line() -> None:
    meeting, _, _ = parse_minutes(NUMBERED_LISTS, municipality="Lemvig")
    for item in meeting.items:
        covered = NUMBERED_LISTS[item.span.begin : item.span.end]
        assert covered.startswith(f"{item.number}. {item.title}")
        assert covered.rstrip().endswith(item.decision.text if item.decision else "")


@pytest.mark.parametrize(
    ("line", "form", "number", "title"),
    [
        ("118. Budgetopfølgning", "number-dot", 118, "Budgetopfølgning"),
        ("1.  1. Godkendelse af dagsorden", "number-dot", 1, "Godkendelse af dagsorden"),
        ("3.Trafiksikkerhedsplan", "number-dot", 3, "Trafiksikkerhedsplan"),
        ("Sag nr. 4 Eventuelt", "punkt-number", 4, "Eventuelt"),
        ("Sag nr. 4", "punkt-number", 4, ""),
        ("Punkt 7", "punkt-number", 7, ""),
        ("3 Godkendelse af dagsorden", "number-space", 3, "Godkendelse af dagsorden"),
        ("12", "number-alone", 12, ""),
        ("5.", "number-alone", 5, ""),
    ],
)
def test_more_heading_forms(line: str, form: str, number: int, title: str) -> None:
    assert heading_candidate(line) == (form, number, title, form == "punkt-number")


@pytest.mark.parametrize(
    "line",
    [
        "3.5 mio. kr. er afsat",  # a decimal number
        "Punkt 3.1 Delpunkt",  # a sub-point
        "Sag nr. 22-016257",  # a case number
        "Sag nr.: 22-016257",
        "3 januar 2020",  # a date
        "1. Januar 2020 trådte reformen i kraft",
        "2. behandling af budgettet",  # lower case after the number
        "4. Jens Hansen (A)",  # a numbered attendance list
        "1234 Ting",  # four digits: a postal number, a year
        "10:30 Mødet starter",  # a time
        # a page number glued to a case number (found by test_generated_minutes at 1,000)
        "2 Sagsnr.: 20/1234",
    ],
)
def test_more_lines_that_are_not_headings(line: str) -> None:
    assert heading_candidate(line) is None


def _parse(text: str) -> list[tuple[int | None, str]]:
    meeting, _, _ = parse_minutes(text, municipality="Lemvig")
    return [(i.number, i.title) for i in meeting.items]


def test_a_lost_heading_in_a_gap_is_found_when_it_stands_alone() -> None:
    text = (
        "Referat\n\n1. Første punkt\nSagsnr.: 22-000001\nBeslutning\nGodkendt.\n\n"
        "2. Andet punkt\nTeksten står lige under.\nBeslutning\nGodkendt.\n\n"
        "3. Tredje punkt\nSagsnr.: 22-000003\nBeslutning\nGodkendt.\n"
    )
    assert _parse(text) == [(1, "Første punkt"), (2, "Andet punkt"), (3, "Tredje punkt")]


def test_a_glued_heading_that_does_not_continue_the_chain_is_text() -> None:
    text = (
        "Referat\n\n1. Første punkt\nSagsnr.: 22-000001\nBeslutning\nGodkendt.Referat7. Ting\n\n"
        "2. Andet punkt\nSagsnr.: 22-000002\nBeslutning\nGodkendt.\n"
    )
    assert _parse(text) == [(1, "Første punkt"), (2, "Andet punkt")]


def test_a_glued_heading_at_the_end() -> None:
    text = (
        "Referat\n\n1. Første punkt\nSagsnr.: 22-000001\nBeslutning\nGodkendt.\n\n"
        "2. Andet punkt\nSagsnr.: 22-000002\nBeslutning\nGodkendt.Side 3 af 4Referat3. Eventuelt\n"
        "Beslutning\nIntet.\n"
    )
    assert _parse(text) == [(1, "Første punkt"), (2, "Andet punkt"), (3, "Eventuelt")]


def test_closed_heading_takes_its_title_from_the_table_of_contents() -> None:
    text = (
        "Referat\n\nIndholdsfortegnelse\n1. Godkendelse\t2\n2. Salg af grund\t3\n\n"
        "Punkt 1: Godkendelse\nBeslutning\nGodkendt.\n\nPunkt 2: Lukket\nBeslutning\nGodkendt.\n"
    )
    meeting, _, _ = parse_minutes(text, municipality="Lemvig")
    assert [(i.number, i.title, i.closed) for i in meeting.items] == [
        (1, "Godkendelse", False),
        (2, "Salg af grund", True),
    ]
    assert meeting.toc_entries == 2


# Property: whatever the numbering style and the title, a heading line gives back its number
# and its whole title, or is no heading at all; never a wrong number or a cut title.
_TITLE_FIRST = st.sampled_from(
    ["Godkendelse", "Budget", "Orientering", "Salg", "Lokalplan", "Eventuelt", "Ældrerådets", "Ny"]
)
_TITLE_REST = st.lists(
    st.sampled_from(
        [
            "af",
            "dagsorden",
            "2024",
            "for",
            "Skovvej",
            "og",
            "nr.",
            "12",
            "-",
            "mål",
            "A/S",
            "(tillæg)",
        ]
    ),
    max_size=6,
)
_STYLES = st.sampled_from(
    [
        "{n}. {t}",
        "{n}: {t}",
        "{n}) {t}",
        "{n} {t}",
        "{n}.{t}",
        "{n}.  {n}. {t}",
        "Punkt {n}: {t}",
        "Pkt. {n} {t}",
        "Sag nr. {n} {t}",
        "Dagsordenspunkt {n} - {t}",
        "## **Punkt {n}: {t}**",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=999), _TITLE_FIRST, _TITLE_REST, _STYLES)
def test_heading_number_and_title_are_right_or_absent(
    n: int, first: str, rest: list[str], style: str
) -> None:
    title = " ".join([first, *rest])
    found = heading_candidate(plain_line(style.format(n=n, t=title)))
    assert found is None or found[1:3] == (n, title)


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=1, max_value=990),
    st.lists(st.tuples(_TITLE_FIRST, _TITLE_REST), min_size=2, max_size=6),
    st.sampled_from(["{n}. {t}", "{n}: {t}", "Punkt {n}: {t}", "{n}\n{t}", "Sag nr. {n} {t}"]),
)
def test_items_come_out_numbered_and_titled_as_printed(
    start: int, parts: list[tuple[str, list[str]]], style: str
) -> None:
    item_titles = [" ".join([first, *rest]) for first, rest in parts]
    body = "".join(
        f"{style.format(n=start + k, t=t)}\nSagsnr.: 22-{k:06d}\nBeslutning\nGodkendt.\n\n"
        for k, t in enumerate(item_titles)
    )
    text = f"Referat\nByrådet\nMødedato: 8. juni 2022\n\n{body}"
    assert _parse(text) == [(start + k, t) for k, t in enumerate(item_titles)]


_DATED = "Mødedato: 9. april 2009\n"


def test_a_numbered_list_in_an_item_does_not_replace_its_heading() -> None:
    text = (
        f"{_DATED}1. Orientering fra formanden\nSagsfremstilling\nTekst.\n"
        "1. Alle ledige skal tilbydes samtale.\nBeslutning\nUdsat.\n"
        "2. Eventuelt\nBeslutning\nGodkendt.\n"
    )
    expected = [(1, "Orientering fra formanden"), (2, "Eventuelt")]
    assert _parse(text) == expected
    doubled = text.replace("1. Orientering", "1.  1. Orientering").replace(
        "2. Eventuelt", "2.  2. Eventuelt"
    )
    assert _parse(doubled) == expected


def test_a_numbered_list_does_not_win_over_a_number_alone() -> None:
    text = (
        f"{_DATED}117\nEventuelt\nSagsfremstilling\nTekst.\n"
        "1. Alle ledige skal tilbydes samtale.\nBeslutning\nGodkendt.\n"
    )
    assert _parse(text) == [(117, "Eventuelt")]


def test_a_heading_that_ends_as_a_sentence_is_still_a_heading_where_nothing_competes() -> None:
    text = (
        f"{_DATED}1. Godkendelse af dagsorden.\nBeslutning\nGodkendt.\n"
        "2. Eventuelt\nBeslutning\nIntet.\n"
    )
    assert _parse(text) == [(1, "Godkendelse af dagsorden."), (2, "Eventuelt")]


@pytest.mark.parametrize(
    "glued",
    ["2 Sagsfremstilling: Tekst.", "Side 1 af 2\n2 Administrationen har udarbejdet et notat."],
)
def test_a_page_number_glued_to_a_line_is_no_heading(glued: str) -> None:
    text = f"{_DATED}1\nEventuelt\nSagsfremstilling\nTekst.\n{glued}\nBeslutning\nGodkendt.\n"
    assert _parse(text) == [(1, "Eventuelt")]


@pytest.mark.parametrize(
    "line",
    ["2 Sagsfremstilling: Tekst.", "2 Administrationen har udarbejdet et notat.", "4 Økonomi"],
)
def test_a_number_before_a_sentence_or_a_label_is_no_heading(line: str) -> None:
    assert heading_candidate(line) is None


def test_a_label_with_a_long_text_on_its_line_confirms_the_heading_above() -> None:
    long_text = "Der er ingen økonomiske konsekvenser. " * 6
    text = (
        f"{_DATED}1. Budget\nSagsfremstilling: {long_text}\nBeslutning: Godkendt.\n"
        f"2. Eventuelt\nSagsfremstilling: {long_text}\nBeslutning: Intet.\n"
    )
    assert _parse(text) == [(1, "Budget"), (2, "Eventuelt")]


def test_a_gap_holding_exactly_the_missing_headings_in_order_is_filled() -> None:
    # items 2 and 3 have no evidence of their own (a stray line between title and label), and
    # two candidates stand in the gap between items 1 and 4: both are the missing headings
    text = (
        "Lejre Kommune\nReferat Byrådet 3. marts 2021\n\n"
        "1\nGodkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
        "2\nRegnskab 2022\nLejre Kommune\nBeslutning\nGodkendt.\n\n"
        "3\nTakster 2023\nLejre Kommune\nBeslutning\nGodkendt.\n\n"
        "4\nSalg af Skolevej 4\nBeslutning\nGodkendt.\n"
    )
    meeting, _, _ = parse_minutes(text)
    assert [(item.number, item.title) for item in meeting.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Regnskab 2022"),
        (3, "Takster 2023"),
        (4, "Salg af Skolevej 4"),
    ]
