"""Item titles around headings: the title below a bare number, wrapped titles, lines that are
never titles."""

from __future__ import annotations

import doctest

import pytest

from loaders.rules import titles
from loaders.rules.parse_state import ParseState
from loaders.rules.sections import mark_labels
from loaders.rules.titles import (
    can_be_title,
    is_access_line,
    split_title,
    title_below,
    wrapped_title,
)


def test_doctests() -> None:
    assert doctest.testmod(titles).failed == 0


@pytest.mark.parametrize(
    ("text", "title", "last"),
    [
        (
            "Samarbejde mellem X og\nerhvervsskolerne\nBeslutning\n",
            "Samarbejde mellem X og erhvervsskolerne",
            1,
        ),
        ("Orientering om ledighed,\nog sygefravær\n", "Orientering om ledighed, og sygefravær", 1),
        ("Budget\nbehandles i to tempi\n", "Budget behandles i to tempi", 1),
        ("Budget for\nBeslutning\n", "Budget for", 0),  # a label never continues a title
        ("Budget for\nSagsnr.: 22-000001\n", "Budget for", 0),
        ("Budget for\n12. marts 2024\n", "Budget for", 0),  # nor a date
        ("Budget 2024\nTeksten står under.\n", "Budget 2024", 0),  # a whole title
        (
            "Arbejdsmarkeds-\nog Integrationsudvalget\n",
            "Arbejdsmarkeds- og Integrationsudvalget",
            1,
        ),
        ("Regnskab for\n\nvejområdet\n", "Regnskab for vejområdet", 2),
        ("Regnskab\n\nvejområdet\n", "Regnskab", 0),  # across a blank line only mid-phrase
        # a stray mark is no emphasis (found by test_mutated_samples at 1,000 examples)
        ("Gensidig orientering\n*a\n", "Gensidig orientering", 0),
        ("Regnskab for\n**vejområdet**\n", "Regnskab for vejområdet", 1),  # emphasis is
    ],
)
def test_wrapped_titles(text: str, title: str, last: int) -> None:
    state = ParseState.from_text(text)
    mark_labels(state)
    assert wrapped_title(state, 0, state.plain[0]) == (title, last)


def test_title_below_past_case_numbers() -> None:
    state = ParseState.from_text("3\nSagsnr.: 22-000001\nÅben\nSalg af grund\nBeslutning\n")
    assert title_below(state, 0) == ("Salg af grund", 3)


def test_no_title_below_a_paragraph() -> None:
    state = ParseState.from_text(
        "3\nDer er i perioden kommet mange henvendelser fra borgere om vejene i byen.\n"
    )
    assert title_below(state, 0) is None


@pytest.mark.parametrize(
    ("line", "strict", "expected"),
    [
        ("Godkendelse af dagsorden", True, True),
        ("Godkendt.", True, False),  # a sentence
        ("Taget til efterretning", True, False),  # a decision
        ("Mødested: Rådhuset", True, False),  # a header field
        ("Lotte Greve (V)", True, False),  # a name under Afbud:
        ("Sagsnr.: 22-000001", False, False),
        ("Lukket", False, False),
        ("afbud fra formanden", False, False),  # lower case
    ],
)
def test_can_be_title(line: str, strict: bool, expected: bool) -> None:
    state = ParseState.from_text(line + "\n")
    assert can_be_title(state, 0, strict=strict) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Åben", True),
        ("Åbent", True),
        ("Åben sag", True),
        ("Lukket punkt", True),
        ("Lukkede sager", False),
        # after a label, as a case's data prints it (a definition list or a table of the page)
        ("Adgang: Åben sag", True),
        ("Åben/lukket: Lukket", True),
        ("Sagstype: Lukket sag", True),  # two words leave no doubt
        ("Status: Lukket", False),  # a case closed, not a closed item
        ("Beslutning: Lukket punkt på næste møde", False),
    ],
)
def test_access_lines(line: str, expected: bool) -> None:
    assert is_access_line(line) is expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Salg af areal (Lukket)", ("Salg af areal", None, True)),
        ("Salg af areal (lukket punkt)", ("Salg af areal", None, True)),
        ("Budget 2024 (Åben)", ("Budget 2024", None, False)),
        ("Budget 2024 (Åbent punkt)", ("Budget 2024", None, False)),
        ("Lukket: Køb af ejendom", ("Køb af ejendom", None, True)),
        # parentheses that say something else stay in the title
        ("Vejen er lukket (midlertidigt)", ("Vejen er lukket (midlertidigt)", None, False)),
        (
            "Udvalgets møde (lukket for offentligheden i 2020)",
            ("Udvalgets møde (lukket for offentligheden i 2020)", None, False),
        ),
    ],
)
def test_split_title(printed: str, expected: tuple[str, str | None, bool]) -> None:
    assert split_title(printed) == expected


@pytest.mark.parametrize(
    ("printed", "title", "case"),
    [
        (
            "Udmøntning af KLAPjob-midler (2020-0123456)",
            "Udmøntning af KLAPjob-midler",
            "2020-0123456",
        ),
        ("Lokalplan 12 (00.01.00-A00-1-21)", "Lokalplan 12", "00.01.00-A00-1-21"),
        ("Salg af grund (19/11679)", "Salg af grund", "19/11679"),
        ("Godkendelse af dagsorden - Sagsnr.: 20/1234", "Godkendelse af dagsorden", "20/1234"),
        ("Godkendelse af dagsorden, sagsnr. 20/1234", "Godkendelse af dagsorden", "20/1234"),
        ("Budget for lokale tiltag (2022-2025)", "Budget for lokale tiltag (2022-2025)", None),
        ("Budget 2024 (Lukket)", "Budget 2024 (Lukket)", None),
        ("Trafikplan (fase 2)", "Trafikplan (fase 2)", None),
        ("Lokalplan nr. 12 for Skolevej", "Lokalplan nr. 12 for Skolevej", None),
    ],
)
def test_case_number_after_the_title(printed: str, title: str, case: str | None) -> None:
    assert titles.case_number_after(printed) == case
    assert titles.without_case_number(printed) == title


@pytest.mark.parametrize(
    ("printed", "title", "closed"),
    [
        ("Salg af grund - Lukket", "Salg af grund", True),
        ("Salg af grund [Lukket]", "Salg af grund", True),
        ("Budget 2024 - Åben", "Budget 2024", False),
        ("Budget 2024 Åben sag", "Budget 2024", False),
        ("Svømmehallen forbliver lukket", "Svømmehallen forbliver lukket", False),
        ("Status på Åben Skole", "Status på Åben Skole", False),
    ],
)
def test_access_after_the_title(printed: str, title: str, closed: bool) -> None:
    assert split_title(printed) == (title, None, closed)
