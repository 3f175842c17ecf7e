"""loaders.pdf.furniture: page headers and footers found by repetition across pages."""

from __future__ import annotations

from loaders.pdf import read_pdf

from .drawing import BOLD, HEIGHT, LEFT, RIGHT, Text, draw, furnished


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


def test_a_single_page_keeps_its_footer() -> None:
    """Nothing repeats on one page: its footer is left to the parser's noise rules."""
    page = [*_body(1), Text(RIGHT, HEIGHT - 35, "Side 1 af 1", size=8, right=True)]
    assert read_pdf(draw([page])).text == _text(1) + "\nSide 1 af 1\n"


def test_the_same_heading_at_the_top_of_two_pages_stays() -> None:
    """An item heading is no furniture, nor is what stands below it."""
    page = [Text(LEFT, 60, "3. Lukket punkt", BOLD, 14), Text(LEFT, 85, "Godkendt.")]
    text = read_pdf(draw([page, page])).text
    assert text == "3. Lukket punkt\n\nGodkendt.\n\n3. Lukket punkt\n\nGodkendt.\n"
