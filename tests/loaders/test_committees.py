"""Committee names: councils, boards, electoral periods, genitives and title words."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

from loaders.rules import committees
from loaders.rules.committees import (
    committee_key,
    committee_name,
    genitive_body,
    strip_electoral_period,
)


def test_doctests() -> None:
    assert doctest.testmod(committees).failed == 0


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("Byrådet", "Byrådet"),
        ("Økonomiudvalget - Referat", "Økonomiudvalget"),
        ("Byrådsmøde", "Byrådet"),
        ("Referat - Kommunalbestyrelsesmøde", "Kommunalbestyrelsen"),
        ("Ekstraordinært økonomiudvalgsmøde", "Økonomiudvalget"),
        ("Børne- og Ungeudvalget, ordinært møde", "Børne- og Ungeudvalget"),
        ("Økonomiudvalget (ekstraordinært møde)", "Økonomiudvalget"),
        ("Social- og Sundhedsudvalget (SSU)", "Social- og Sundhedsudvalget"),
        ("Udvalget for Job & Arbejdsmarked 2022-2025 (UJA)", "Udvalget for Job & Arbejdsmarked"),
        ("Aarhus Byråd", "Aarhus Byråd"),
        ("Kommunalbestyrelsen", "Kommunalbestyrelsen"),
        ("Borgerrepræsentationen", "Borgerrepræsentationen"),
        ("Regionsrådet", "Regionsrådet"),
        ("Integrationsrådet", "Integrationsrådet"),
        ("Lokale Beskæftigelsesråd", "Lokale Beskæftigelsesråd"),
        ("Det Lokale Beskæftigelsesråd", "Det Lokale Beskæftigelsesråd"),
        ("Handicaprådet", "Handicaprådet"),
        ("Ældrerådet", "Ældrerådet"),
        ("Folkeoplysningsudvalget", "Folkeoplysningsudvalget"),
        ("Beredskabskommissionen", "Beredskabskommissionen"),
        ("Teknik- og Miljøudvalget", "Teknik- og Miljøudvalget"),
        ("Social-, Sundheds- og Ældreudvalget", "Social-, Sundheds- og Ældreudvalget"),
        ("Udvalget for Job & Arbejdsmarked", "Udvalget for Job & Arbejdsmarked"),
        ("Udvalget for by, land og kultur", "Udvalget for by, land og kultur"),
        ("ØKONOMIUDVALGET", "ØKONOMIUDVALGET"),
        ("Kommunalbestyrelsen 2022-2025", "Kommunalbestyrelsen"),
        ("Udvalget for Klima og Miljø (2018-2021)", "Udvalget for Klima og Miljø"),
        ("Udvalget for Klima og Miljø - 2022-2025", "Udvalget for Klima og Miljø"),
        ("Byrådet, 2018 - 2021", "Byrådet"),
        ("Referat af møde i Økonomiudvalget", "Økonomiudvalget"),
        ("Referat til mødet i Økonomiudvalget", "Økonomiudvalget"),
        ("Referat fra mødet i Økonomiudvalget", "Økonomiudvalget"),
        ("Dagsorden til Byrådet", "Byrådet"),
        ("Dagsorden for Byrådet", "Byrådet"),
        ("Referat - Handicaprådet", "Handicaprådet"),
        ("REFERAT: Handicaprådet", "Handicaprådet"),
        ("Beslutningsprotokol for Kommunalbestyrelsen", "Kommunalbestyrelsen"),
        ("Ekstraordinært møde i Byrådet", "Byrådet"),
        ("Møde i Ældrerådet", "Ældrerådet"),
        ("Integrationsudvalgets møde", "Integrationsudvalget"),
        ("Byrådets ordinære møde", "Byrådet"),
        ("Referat fra Kommunalbestyrelsens møde", "Kommunalbestyrelsen"),
    ],
)
def test_committee_name(printed: str, name: str) -> None:
    assert committee_name(printed) == name


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Referat",
        "Orientering fra Ældrerådet",
        "Valg til Handicaprådet",
        "Indstilling til Byrådet",
        "Sager til afgørelse i byrådet",
        "A. Sager til afgørelse i Byrådet",
        "byrådet",  # a word in a sentence
        "Rådhuset",
        "Byrådssalen",
        "Udvalgsværelse 2",
        "Hans Hansen",
        "Lejre Kommune",
        "Byrådet har godkendt sagen.",
        "Udvalget for Job har besluttet at udsætte sagen",
        "Budget 2023-2026",
        "Udvalget for",
        "Mødet blev holdt i Byrådssalen",
        "Borgernes møde",
        "Udvalget for Teknik og Miljøs møde",  # the genitive is not on the body's word
    ],
)
def test_what_is_not_a_committee(text: str) -> None:
    assert committee_name(text) is None


def test_genitive_body() -> None:
    assert genitive_body("Kommunalbestyrelsens møde") == "Kommunalbestyrelsen"
    assert genitive_body("Handicaprådets ekstraordinære møde") == "Handicaprådet"
    assert genitive_body("Byrådet") is None


def test_strip_electoral_period_keeps_a_name_without_one() -> None:
    assert strip_electoral_period("Byrådet") == "Byrådet"
    assert (
        strip_electoral_period("Udvalget for Børn og Unge 2022-25") == "Udvalget for Børn og Unge"
    )


def test_committee_key_is_one_for_the_printings_of_one_body() -> None:
    printings = [
        "Udvalget for Job & Arbejdsmarked",
        "udvalget for job og arbejdsmarked",
        "Udvalget for Job og  Arbejdsmarked (2018-2021)",
        "Udvalget for Job & Arbejdsmarked - 2022-2025",
    ]
    assert {committee_key(p) for p in printings} == {"udvalget for job og arbejdsmarked"}


BODIES = st.sampled_from(
    [
        "Byrådet",
        "Kommunalbestyrelsen",
        "Økonomiudvalget",
        "Integrationsrådet",
        "Lokale Beskæftigelsesråd",
        "Udvalget for Job & Arbejdsmarked",
        "Børne- og Ungeudvalget",
    ]
)
PREFIXES = st.sampled_from(
    [
        "",
        "Referat af møde i ",
        "Referat til mødet i ",
        "Dagsorden til ",
        "Referat - ",
        "Beslutningsprotokol for ",
        "REFERAT ",
        "Møde i ",
    ]
)
PERIODS = st.sampled_from(["", " 2022-2025", " - 2018-2021", " (2018-2021)", ", 2014 - 2017"])


@given(prefix=PREFIXES, body=BODIES, period=PERIODS)
def test_a_body_with_title_words_and_a_period_is_the_body(
    prefix: str, body: str, period: str
) -> None:
    assert committee_name(prefix + body + period) == body


TITLE_NOUNS = st.sampled_from(
    ["Orientering", "Sagen", "Valg", "Status", "Godkendelse", "Henvendelse", "Nyt", "Møde"]
)
SENTENCE_WORDS = st.sampled_from(["fra", "til", "om", "blev", "sendt", "af", "med", "vedr.", "i"])


@given(
    first=TITLE_NOUNS,
    words=st.lists(SENTENCE_WORDS, max_size=4),
    body=BODIES.filter(lambda b: not b.startswith("Udvalget for")),
)
def test_a_title_or_sentence_ending_in_a_body_is_never_a_committee(
    first: str, words: list[str], body: str
) -> None:
    text = " ".join([first, *words, body])
    if words == ["i"] and first == "Møde":
        return  # "Møde i Byrådet" is the body's meeting
    assert committee_name(text) is None
