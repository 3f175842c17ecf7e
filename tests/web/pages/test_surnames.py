"""People sort by surname in Danish order; the names themselves are never changed."""

from __future__ import annotations

from web.pages.surnames import danish_key, surname_key


def test_surname_orders_by_last_word_with_danish_letters_after_z() -> None:
    names = ["Anne Østergaard", "Peter Bach", "Søren Zacho", "Jens Ærø", "Lise Åby", "Ib Bach"]
    assert sorted(names, key=surname_key) == [
        "Ib Bach",
        "Peter Bach",
        "Søren Zacho",
        "Jens Ærø",
        "Anne Østergaard",
        "Lise Åby",
    ]


def test_particle_is_not_the_surname() -> None:
    assert sorted(["Karin von Holck", "Hans Andersen"], key=surname_key) == [
        "Hans Andersen",
        "Karin von Holck",
    ]


def test_aa_sorts_as_aa_letter_last() -> None:
    assert danish_key("Aabenraa") > danish_key("Zealand")
    assert danish_key("Aabenraa") > danish_key("Ørsted")
