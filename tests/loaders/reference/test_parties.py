"""Tests for loaders/reference/parties.py: the national parties by letter and name."""

from __future__ import annotations

import pytest

from loaders.reference.parties import (
    Party,
    PartyDataError,
    parties,
    party_by_letter,
    party_by_name,
    party_of,
    read_parties,
)


def test_the_fourteen_national_letters_in_order() -> None:
    assert "".join(p.letter for p in parties()) == "ABCDFIKMOQVÆØÅ"


@pytest.mark.parametrize(
    ("letter", "name"),
    [
        ("A", "Socialdemokratiet"),
        ("B", "Radikale Venstre"),
        ("C", "Det Konservative Folkeparti"),
        ("D", "Nye Borgerlige"),
        ("F", "SF – Socialistisk Folkeparti"),
        ("I", "Liberal Alliance"),
        ("K", "Kristendemokraterne"),
        ("M", "Moderaterne"),
        ("O", "Dansk Folkeparti"),
        ("Q", "Frie Grønne"),
        ("V", "Venstre"),
        ("Æ", "Danmarksdemokraterne"),
        ("Ø", "Enhedslisten"),
        ("Å", "Alternativet"),
    ],
)
def test_letter_and_name(letter: str, name: str) -> None:
    party = party_by_letter(letter)
    assert party is not None
    assert party.name == name
    assert party.source.startswith("valg.dk")
    assert party_by_name(name) == party


@pytest.mark.parametrize(
    ("printed", "letter"),
    [
        ("Socialdemokraterne", "A"),
        ("Radikale", "B"),
        ("Det Radikale Venstre", "B"),
        ("Konservative", "C"),
        ("konservative", "C"),
        ("SF", "F"),
        ("Socialistisk Folkeparti", "F"),
        ("DF", "O"),
        ("LA", "I"),
        ("  Enhedslisten ", "Ø"),
    ],
)
def test_aliases(printed: str, letter: str) -> None:
    party = party_by_name(printed)
    assert party is not None
    assert party.letter == letter


def test_unknown_letters_and_names_are_none() -> None:
    assert party_by_letter("S") is None
    assert party_by_letter("a") is None
    assert party_by_name("Borgerlisten") is None
    assert party_by_name("A") is None  # a letter is no name


def test_names_puts_the_registered_name_first() -> None:
    assert Party("X", "Xpartiet", ("X-listen",), "s").names == ("Xpartiet", "X-listen")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("parties: {}", "no list under 'parties'"),
        ("parties: [{letter: AB, name: X, source: s}]", "not one upper-case letter"),
        ("parties: [{letter: a, name: X, source: s}]", "not one upper-case letter"),
        ("parties: [{letter: A, name: X}]", "the name and the source are required"),
        (
            "parties: [{letter: A, name: X, source: s}, {letter: A, name: Y, source: s}]",
            "the letter A is given twice",
        ),
        (
            "parties: [{letter: A, name: X, source: s}, {letter: B, name: Y, aliases: [x], "
            "source: s}]",
            "the name 'x' is given twice",
        ),
        ("parties: [7]", "is not a mapping"),
    ],
)
def test_broken_files_are_refused(text: str, message: str) -> None:
    with pytest.raises(PartyDataError, match=message):
        read_parties(text)


@pytest.mark.parametrize(
    ("printed", "letter"),
    [
        ("A", "A"),
        ("Ø", "Ø"),
        (" V ", "V"),
        ("Venstre", "V"),
        ("Radikale Venstre", "B"),
        ("SF", "F"),
    ],
)
def test_party_of_a_letter_or_a_name(printed: str, letter: str) -> None:
    party = party_of(printed)
    assert party is not None
    assert party.letter == letter


@pytest.mark.parametrize("printed", ["L", "Borgerlisten", "", "a"])
def test_party_of_a_local_list_is_none(printed: str) -> None:
    assert party_of(printed) is None
