"""Tests for loaders/votes.py: positions recorded in a decision's text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.votes import FoundVote, find_votes, phrases

Row = tuple[str, str | None, str | None, int | None]


def _rows(text: str) -> list[Row]:
    return [(v.position, v.voter, v.party, v.count) for v in find_votes(text)]


def _anchors(text: str) -> list[str]:
    return [text[v.start : v.end] for v in find_votes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jens Hansen, Bo Lund og Eva Holm kunne tiltræde indstillingen.",
            [
                ("for", "Jens Hansen", None, None),
                ("for", "Bo Lund", None, None),
                ("for", "Eva Holm", None, None),
            ],
        ),
        ("Ole Berg (O) kunne ikke tiltræde.", [("imod", "Ole Berg", "O", None)]),
        ("Mette Ry (A) tog forbehold.", [("forbehold", "Mette Ry", "A", None)]),
        ("Karen Nørgaard undlod at stemme.", [("undlod", "Karen Nørgaard", None, None)]),
        ("Jens Hansen (A) stemte imod.", [("imod", "Jens Hansen", "A", None)]),
        (
            "For stemte: A, V og O (15)",
            [
                ("for", None, "A", None),
                ("for", None, "V", None),
                ("for", None, "O", None),
                ("for", None, None, 15),
            ],
        ),
        (
            "Imod stemte: F og Ø (6)",
            [("imod", None, "F", None), ("imod", None, "Ø", None), ("imod", None, None, 6)],
        ),
        ("Imod stemte 2: Ø.", [("imod", None, "Ø", 2)]),
        ("Undlod at stemme: K (1).", [("undlod", None, "K", 1)]),
        (
            "Et flertal bestående af A, B og C (4) kunne tiltræde indstillingen.",
            [
                ("for", None, "A", None),
                ("for", None, "B", None),
                ("for", None, "C", None),
                ("for", None, None, 4),
            ],
        ),
        ("Et mindretal (Ø) kunne ikke tiltræde.", [("imod", None, "Ø", None)]),
        (
            "Et flertal på 15 (A, V og O) godkendte indstillingen.",
            [
                ("for", None, "A", None),
                ("for", None, "V", None),
                ("for", None, "O", None),
                ("for", None, None, 15),
            ],
        ),
        (
            "Indstillingen blev vedtaget med 15 stemmer mod 6.",
            [("for", None, None, 15), ("imod", None, None, 6)],
        ),
        (
            "Forslaget blev forkastet med 15 stemmer mod 6.",
            [("imod", None, None, 15), ("for", None, None, 6)],
        ),
        (
            "Godkendt med 5 stemmer for (A, V) og 2 imod (Ø).",
            [
                ("for", None, "A", None),
                ("for", None, "V", None),
                ("for", None, None, 5),
                ("imod", None, "Ø", 2),
            ],
        ),
        (
            "Vedtaget med 12 stemmer for, 3 imod og 2 hverken for eller imod.",
            [("for", None, None, 12), ("imod", None, None, 3), ("undlod", None, None, 2)],
        ),
        (
            "Godkendt, idet Enhedslisten tog forbehold.",
            [("forbehold", None, "Enhedslisten", None)],
        ),
        (
            "Socialdemokratiet og Venstre kunne tiltræde. SF undlod at stemme.",
            [
                ("for", None, "Socialdemokratiet", None),
                ("for", None, "Venstre", None),
                ("undlod", None, "SF", None),
            ],
        ),
        ("Enhedslisten (Ø) stemte imod.", [("imod", None, "Ø", None)]),
        ("Borgerlisten tog forbehold.", [("forbehold", None, "Borgerlisten", None)]),
        (
            "Connie B. Jensen og Bo Lund kunne tiltræde.",
            [("for", "Connie B. Jensen", None, None), ("for", "Bo Lund", None, None)],
        ),
        ("Borgmester Jens Hansen (A) stemte for.", [("for", "Jens Hansen", "A", None)]),
        ("15 stemte for, og 6 stemte imod.", [("for", None, None, 15), ("imod", None, None, 6)]),
        ("For stemte 15. Imod stemte 6.", [("for", None, None, 15), ("imod", None, None, 6)]),
        (
            "For stemte A, V og O (15)",
            [
                ("for", None, "A", None),
                ("for", None, "V", None),
                ("for", None, "O", None),
                ("for", None, None, 15),
            ],
        ),
        (
            "Godkendt.\nEt flertal bestående af Anne Holm (A), Bo Lund\n(V) og Eva Krog (C) kunne\n"
            "tiltræde indstillingen.",
            [
                ("for", "Anne Holm", "A", None),
                ("for", "Bo Lund", "V", None),
                ("for", "Eva Krog", "C", None),
            ],
        ),
        (
            "Imod stemte: F og Ø (8)\nUndlod at stemme: Å (1)",
            [
                ("imod", None, "F", None),
                ("imod", None, "Ø", None),
                ("imod", None, None, 8),
                ("undlod", None, "Å", 1),
            ],
        ),
        (
            "Ole Berg,\nBo Lund og\nEva Holm tog forbehold.",
            [
                ("forbehold", "Ole Berg", None, None),
                ("forbehold", "Bo Lund", None, None),
                ("forbehold", "Eva Holm", None, None),
            ],
        ),
        (
            "For stemte: A (9)\nOle Berg (O) tog forbehold.",
            [("for", None, "A", 9), ("forbehold", "Ole Berg", "O", None)],
        ),
        (
            "For stemte: A, V og O (15), imod stemte: F og Ø (6).",
            [
                ("for", None, "A", None),
                ("for", None, "V", None),
                ("for", None, "O", None),
                ("for", None, None, 15),
                ("imod", None, "F", None),
                ("imod", None, "Ø", None),
                ("imod", None, None, 6),
            ],
        ),
    ],
)
def test_vote_sentence(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Udvalget kunne tiltræde indstillingen.",
        "Et enigt udvalg kunne tiltræde indstillingen.",
        "Direktør Bo Lund anbefaler, at sagen godkendes.",  # a person with a group-only phrase
        "Godkendt.",
        "Et flertal kunne tiltræde indstillingen.",  # no one named
        "Borgerne kunne ikke tiltræde forslaget.",
        "Direktør Bo Lund kunne anbefale indstillingen.",
        "Teknisk Forvaltning kunne tiltræde ændringen.",
        "Jobcenterchef Eva Holm kunne ikke anbefale forslaget.",
        "Der blev taget forbehold for finansieringen.",
        "",
    ],
)
def test_no_vote(text: str) -> None:
    assert find_votes(text) == []


def test_anchors_are_the_clauses_that_state_the_positions() -> None:
    text = "Godkendt. Et flertal (A, V) kunne tiltræde. Bo Lund (Ø) stemte imod."
    assert _anchors(text) == [
        "Et flertal (A, V) kunne tiltræde",
        "Et flertal (A, V) kunne tiltræde",
        "Bo Lund (Ø) stemte imod",
    ]
    assert _anchors("Vedtaget med 15 stemmer mod 6.") == ["med 15 stemmer mod 6"] * 2


def test_every_phrase_has_a_known_position_and_form() -> None:
    rows = phrases()
    assert {p.position for p in rows} == {"for", "imod", "undlod", "forbehold"}
    assert {p.form for p in rows} == {"after", "before"}
    assert len({(p.form, p.phrase) for p in rows}) == len(rows)


# Property tests: names in any order, joined with commas and "og", party letters in
# parentheses, counts.
FIRST = ["Anne", "Bent", "Jørgen", "Søren", "Åse", "Ida", "Mette", "Ole", "Karen", "Henrik"]
LAST = ["Holm", "Lund", "Nørgaard", "Ærø", "Østergaard", "Berg", "Madsen", "Kjær", "Ry"]
LETTERS = list("ABCDFIKMOQVÆØÅ")
members = st.lists(
    st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST), st.none() | st.sampled_from(LETTERS)),
    min_size=1,
    max_size=6,
    unique_by=lambda m: (m[0], m[1]),
)
letters = st.lists(st.sampled_from(LETTERS), min_size=1, max_size=6, unique=True)
POSITIONS = {
    "kunne tiltræde indstillingen": "for",
    "kunne ikke tiltræde": "imod",
    "tog forbehold": "forbehold",
    "undlod at stemme": "undlod",
    "stemte imod": "imod",
    "stemte for": "for",
}


def _joined(entries: list[str]) -> str:
    return entries[0] if len(entries) == 1 else ", ".join(entries[:-1]) + " og " + entries[-1]


def _member(first: str, last: str, letter: str | None) -> str:
    return f"{first} {last}" + (f" ({letter})" if letter else "")


@settings(deadline=None)  # speed is the benchmarks' business, not a test clock's
@given(
    members,
    st.sampled_from(sorted(POSITIONS)),
    st.sampled_from(["", "Godkendt. ", "Godkendt.\n"]),
    st.booleans(),
)
def test_members_in_any_order(
    people: list[tuple[str, str, str | None]], phrase: str, before: str, wrapped: bool
) -> None:
    """Any members, any position, after a decision or not, the list wrapped over lines (as PDF
    text is) or not."""
    listed = _joined([_member(*m) for m in people])
    if wrapped:  # a line break after each comma and each "og"
        listed = listed.replace(", ", ",\n").replace(" og ", " og\n")
    text = before + listed + f" {phrase}."
    expected = [(POSITIONS[phrase], f"{f} {last}", letter, None) for f, last, letter in people]
    assert _rows(text) == expected
    found = find_votes(text)
    assert all(
        text[v.start : v.end].endswith(phrase.split(" indstillingen", maxsplit=1)[0]) for v in found
    )
    assert all(v.start == len(before) for v in found)


@settings(deadline=None)  # speed is the benchmarks' business, not a test clock's
@given(letters, st.sampled_from(["For stemte", "Imod stemte"]), st.none() | st.integers(1, 99))
def test_party_letters_before_and_counts(parties: list[str], label: str, count: int | None) -> None:
    text = f"{label}: {_joined(parties)}" + (f" ({count})" if count is not None else "") + "."
    position = "for" if label == "For stemte" else "imod"
    expected: list[Row] = [(position, None, p, None) for p in parties]
    if count is not None and len(parties) == 1:
        expected = [(position, None, parties[0], count)]
    elif count is not None:
        expected.append((position, None, None, count))
    assert _rows(text) == expected


@settings(deadline=None)  # speed is the benchmarks' business, not a test clock's
@given(letters, st.integers(1, 99), st.sampled_from(["flertal", "mindretal"]), st.booleans())
def test_majority_in_parentheses_or_consisting_of(
    parties: list[str], count: int, kind: str, parenthesised: bool
) -> None:
    listed = f"({_joined(parties)})" if parenthesised else f"bestående af {_joined(parties)}"
    text = f"Et {kind} {listed} ({count}) kunne ikke tiltræde indstillingen."
    expected: list[Row] = [("imod", None, p, None) for p in parties]
    expected = (
        [("imod", None, parties[0], count)]
        if len(parties) == 1
        else [
            *expected,
            ("imod", None, None, count),
        ]
    )
    assert _rows(text) == expected


@settings(deadline=None)  # speed is the benchmarks' business, not a test clock's
@given(st.integers(1, 99), st.integers(0, 99), st.sampled_from(["vedtaget", "forkastet"]))
def test_tallies(majority: int, minority: int, verb: str) -> None:
    text = f"Indstillingen blev {verb} med {majority} stemmer mod {minority}."
    first, second = ("for", "imod") if verb == "vedtaget" else ("imod", "for")
    assert _rows(text) == [(first, None, None, majority), (second, None, None, minority)]
    assert all(isinstance(v, FoundVote) for v in find_votes(text))
