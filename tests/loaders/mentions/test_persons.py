"""People: attendance lists, role titles, guests from an organisation."""

from __future__ import annotations

import datetime as dt

import pytest

from loaders.mentions import find_mentions
from loaders.mentions.persons import attendees, by_role

ON = dt.date(2022, 8, 18)


def _people(text: str, people: tuple[str, ...] = ()) -> list[tuple[str, str, str | None, str]]:
    return [
        (m.entity_key, m.anchor_text, m.role, m.rule)
        for m in find_mentions(text, on=ON, people=people)
        if m.entity_type == "person"
    ]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Projektleder Rikke Præsius deltager i behandlingen", "Rikke Præsius", "projektleder"),
        (
            "blev orienteret om, at Borgmester Tina Mandrup og Lejre Kommune",
            "Tina Mandrup",
            "borgmester",
        ),
        ("Fagchef Kim Ulv Christensen vil på mødet", "Kim Ulv Christensen", "fagchef"),
        ("Velkomst ved udvalgsformand Christian Plank", "Christian Plank", "udvalgsformand"),
        ("og daglig leder Lone Stengaard.", "Lone Stengaard", "daglig leder"),
        (
            "Jobcenterchef Anne-Mette Brøndum Holm orienterede",
            "Anne-Mette Brøndum Holm",
            "jobcenterchef",
        ),
    ],
)
def test_role_title(text: str, name: str, role: str) -> None:
    assert [(a, r) for _, a, r, _ in _people(text)] == [(name, role)]


@pytest.mark.parametrize(
    "text",
    [
        "Jobcenterleder orienterer uddybende.",  # a role without a name
        "Beskæftigelseschefen vil på mødet gennemgå tallene.",
        "Projektlederen Rikke",  # one word is no name
    ],
)
def test_no_person(text: str) -> None:
    assert _people(text) == []


def test_attendance_list_names_in_any_case_keyed_by_the_list() -> None:
    text = "Jens Lønberg Pedersen og Tina Boel Van Ingen deltog ikke. Afbud: Steen Hansen (O)"
    found = _people(text, ("Tina Boel van Ingen", "Jens Lønberg Pedersen", "Steen Hansen"))
    assert [(k, a) for k, a, _, _ in found] == [
        ("jens-loenberg-pedersen", "Jens Lønberg Pedersen"),
        ("tina-boel-van-ingen", "Tina Boel Van Ingen"),
        ("steen-hansen", "Steen Hansen"),
    ]
    assert {rule for *_, rule in found} == {"attendance"}


def test_one_word_names_on_a_list_are_not_searched() -> None:
    assert attendees("Hansen kom", ("Hansen",)) == []


def test_a_guest_from_an_organisation() -> None:
    found = _people("Præsentation af gæster; Flemming Hansen fra Sund Invest og en investor")
    assert found == [("flemming-hansen", "Flemming Hansen", None, "person-from-organisation")]
    # "fra" followed by something not recognised as an organisation says nothing
    assert _people("Flemming Hansen fra Nogetsteds Aps") == []


def test_role_runs_are_split_from_a_capitalised_role_word() -> None:
    text = "Leder Søren Dalgaard og daglig leder og erhvervsafklarer Lone Stengaard."
    assert [(h.key, h.role) for h in by_role(text)] == [
        ("soeren-dalgaard", "leder"),
        ("lone-stengaard", "erhvervsafklarer"),
    ]
