"""loaders.pdf.contents: a table of contents' page numbers kept apart from its titles, and
its wrapped titles joined."""

from __future__ import annotations

from loaders.pdf import read_pdf
from loaders.pdf.contents import entry_parts

from .drawing import BOLD, LEFT, RIGHT, Text, draw


def _entry(y: float, title: str, page: str | None = None, x: float = LEFT) -> list[Text]:
    found = [Text(x, y, title)]
    return found + ([Text(RIGHT, y, page, right=True)] if page else [])


def test_titles_without_numbers_and_a_wrapped_title() -> None:
    page = [
        Text(LEFT, 90, "Indholdsfortegnelse", BOLD, 12),
        *_entry(110, "Dialogmøde med MED-udvalget", "3"),
        *_entry(124, "Aftale om undervisningsforlægning fra VUC Holstebro-Lemvig-Struer og"),
        *_entry(137, "Holstebro Kommune", "10"),
        *_entry(151, "Meddelelser", "14"),
    ]
    assert read_pdf(draw([page])).text == (
        "Indholdsfortegnelse\n\n"
        "Dialogmøde med MED-udvalget\t3\n"
        "Aftale om undervisningsforlægning fra VUC Holstebro-Lemvig-Struer og "
        "Holstebro Kommune\t10\n"
        "Meddelelser\t14\n"
    )


def test_numbered_titles_a_group_heading_and_a_title_on_three_lines() -> None:
    page = [
        *_entry(100, "1. Godkendelse af dagsorden", "2"),
        *_entry(114, "2. Meddelelser", "3"),
        Text(LEFT, 134, "Lukkede punkter", BOLD, 10),
        *_entry(154, "3. Salg af erhvervsgrund på Industrivej 14 til en virksomhed, der vil"),
        *_entry(
            167, "opføre et nyt domicil med plads til omkring 120 medarbejdere inden", x=LEFT + 14
        ),
        *_entry(180, "udgangen af 2026", "4", x=LEFT + 14),
    ]
    assert read_pdf(draw([page])).text == (
        "1. Godkendelse af dagsorden\t2\n"
        "2. Meddelelser\t3\n\n"
        "Lukkede punkter\n\n"
        "3. Salg af erhvervsgrund på Industrivej 14 til en virksomhed, der vil opføre et nyt "
        "domicil med plads til omkring 120 medarbejdere inden udgangen af 2026\t4\n"
    )


def test_dot_leaders() -> None:
    page = [
        *_entry(100, "Godkendelse af dagsorden ........................ 2"),
        *_entry(114, "Budgetopfølgning pr. 31. maj .................... 3"),
        *_entry(128, "Eventuelt ............................................ 12"),
    ]
    assert read_pdf(draw([page])).text == (
        "Godkendelse af dagsorden\t2\nBudgetopfølgning pr. 31. maj\t3\nEventuelt\t12\n"
    )
    assert entry_parts("Eventuelt …… 12") == ("Eventuelt", "12")


def test_two_numbers_are_no_table_of_contents() -> None:
    """Fewer than three lines ending in a page number: a table or text, left as it is."""
    page = [*_entry(100, "Serviceudgifter", "5"), *_entry(114, "Anlæg", "4")]
    assert read_pdf(draw([page])).text == "Serviceudgifter\t5\nAnlæg\t4\n"
