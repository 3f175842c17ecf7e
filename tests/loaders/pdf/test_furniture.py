"""loaders.pdf.furniture: page headers and footers found by repetition across pages."""

from __future__ import annotations

from loaders.pdf import read_pdf

from .drawing import BOLD, HEIGHT, LEFT, RIGHT, Text, draw, furnished, paragraph


def _body(number: int) -> list[Text]:
    return [Text(LEFT, 100, f"Punkt {number}: Orientering", BOLD, 14), Text(LEFT, 125, "Godkendt.")]


def _text(pages: int) -> str:
    return "\n".join(f"Punkt {n}: Orientering\n\nGodkendt.\n" for n in range(1, pages + 1))


def test_headers_and_footers_repeated_on_every_page_go() -> None:
    pages = furnished([_body(n) for n in range(1, 6)])
    assert read_pdf(draw(pages)).text == _text(5)


def test_dates_and_numbers_that_change_are_the_same_furniture() -> None:
    pages = [
        [
            Text(LEFT, 40, f"Byrådet {n:02d}-06-2025, side {n}", size=8),
            *_body(n),
            Text(LEFT, HEIGHT - 35, f"Udskrevet {n}.6.2025 kl. 1{n}:00", size=8),
        ]
        for n in range(1, 5)
    ]
    assert read_pdf(draw(pages)).text == _text(4)


def test_odd_and_even_pages_may_differ() -> None:
    pages = [
        [Text(LEFT if n % 2 else RIGHT, 40, "Byrådet" if n % 2 else "Viborg Kommune", size=8,
              right=not n % 2), *_body(n)]
        for n in range(1, 7)
    ]  # fmt: skip
    assert read_pdf(draw(pages)).text == _text(6)


def test_a_line_on_one_page_only_stays() -> None:
    pages = [_body(n) for n in range(1, 6)]
    pages[2] = [Text(LEFT, 40, "Bilag 1 til punkt 3", size=8), *pages[2]]
    text = read_pdf(draw(pages)).text
    assert text == _text(5).replace("Punkt 3:", "Bilag 1 til punkt 3\n\nPunkt 3:")


NOTE = (
    "Forvaltningen orienterede om status på integrationsindsatsen, hvor flere borgere end "
    "forventet er kommet i job eller uddannelse i løbet af året."
)


def _one_page(*extra: Text) -> list[list[Text]]:
    """One page of minutes: a heading, a paragraph, a decision; and ``extra``."""
    return [[*_body(1), *paragraph(NOTE, 145), *extra]]


ONE_PAGE = f"Punkt 1: Orientering\n\nGodkendt.\n\n{NOTE}\n"


def test_a_single_page_keeps_a_footer_in_the_text_s_size() -> None:
    """Nothing repeats on one page: a footer in the text's own size is left to the parser's
    noise rules."""
    pages = _one_page(Text(RIGHT, HEIGHT - 35, "Side 1 af 1", right=True))
    assert read_pdf(draw(pages)).text == ONE_PAGE + "\nSide 1 af 1\n"


def test_a_single_page_loses_small_print_set_apart_at_its_edges() -> None:
    pages = _one_page(
        Text(LEFT, 40, "Byrådet 24-06-2025", size=8),
        Text(LEFT, HEIGHT - 35, "Viborg Kommune", BOLD, 9),
        Text(RIGHT, HEIGHT - 35, "Side 1 af 1", size=8, right=True),
    )
    assert read_pdf(draw(pages)).text == ONE_PAGE


def test_small_print_close_to_the_text_stays() -> None:
    """A line in small print right above the text is part of it (a note, a classification)."""
    pages = _one_page(Text(LEFT, 88, "Offentligt referat", size=8))
    assert read_pdf(draw(pages)).text == "Offentligt referat\n\n" + ONE_PAGE


def test_the_same_heading_at_the_top_of_two_pages_stays() -> None:
    """An item heading is no furniture, nor is what stands below it."""
    page = [Text(LEFT, 60, "3. Lukket punkt", BOLD, 14), Text(LEFT, 85, "Godkendt.")]
    text = read_pdf(draw([page, page])).text
    assert text == "3. Lukket punkt\n\nGodkendt.\n\n3. Lukket punkt\n\nGodkendt.\n"


def test_a_footer_mirrored_on_even_pages() -> None:
    """Two pages: the logo left and the page number right, then the other way round."""
    pages = []
    for number in (1, 2):
        logo, page = Text(LEFT, HEIGHT - 35, "Lejre Kommune", BOLD, 9), f"Side {number} af 2"
        if number % 2:
            footer = [logo, Text(RIGHT, HEIGHT - 35, page, size=8, right=True)]
        else:
            footer = [
                Text(LEFT, HEIGHT - 35, page, size=8),
                Text(RIGHT, HEIGHT - 35, logo.text, BOLD, 9, right=True),
            ]
        pages.append([*_body(number), *footer])
    assert read_pdf(draw(pages)).text == _text(2)


def test_a_section_label_at_the_top_of_every_page_stays() -> None:
    """A decision heading printed in every item may stand at the top of every page: it is the
    item's, not the page's."""
    label = "Økonomiudvalgets beslutning den 5. maj 2022"
    pages = [[Text(LEFT, 60, label), Text(LEFT, 85, "Godkendt.")] for _ in range(4)]
    text = read_pdf(draw(pages)).text
    assert text.count(label) == 4
    assert text.count("Godkendt.") == 4
