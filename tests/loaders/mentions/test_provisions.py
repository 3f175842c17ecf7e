"""Provisions in any of the forms minutes print them come back in one written form
(loaders/mentions/law_provisions.py), as hypothesis generates them."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.mentions.law_provisions import PROVISIONS, Provision, parse_provisions, sections
from loaders.mentions.laws import with_provisions

LETTERS = "abcdefghjkmnpqrstuvxyzæøå"  # never "i": "§ 19 i planloven"
SPACE = st.sampled_from(["", " "])
GAP = st.sampled_from([" ", "  ", "\t"])
COMMA = st.sampled_from([",", ", ", " ", ",  "])


@st.composite
def provisions(draw: st.DrawFn) -> Provision:
    letter = draw(st.one_of(st.none(), st.sampled_from(LETTERS)))
    section = str(draw(st.integers(1, 9999))) + (f" {letter}" if letter else "")
    stk = draw(st.one_of(st.none(), st.integers(1, 30)))
    nr = draw(st.one_of(st.none(), st.integers(1, 30))) if stk is not None else None
    pkt = draw(st.one_of(st.none(), st.integers(1, 9)))
    return Provision(section, stk, nr, pkt)


@st.composite
def written(draw: st.DrawFn, provision: Provision) -> str:
    """One provision as minutes might print it: "§3a,stk.2", "§ 3 a, stk. 2", ..."""
    number, _, letter = provision.section.partition(" ")
    text = f"§{draw(SPACE)}{number}" + (f"{draw(SPACE)}{letter}" if letter else "")
    if provision.stk is not None:
        text += f"{draw(COMMA)}stk.{draw(SPACE)}{provision.stk}"
    if provision.nr is not None:
        text += f"{draw(COMMA)}nr.{draw(SPACE)}{provision.nr}"
    if provision.pkt is not None:
        text += f"{draw(COMMA)}{provision.pkt}.{draw(SPACE)}pkt."
    return text


@settings(max_examples=300, deadline=None)
@given(data=st.data(), cited=st.lists(provisions(), min_size=1, max_size=4))
def test_any_spelling_of_a_list_of_provisions_gives_each_once(
    data: st.DataObject, cited: list[Provision]
) -> None:
    pieces = [data.draw(written(p)) for p in cited]
    joiners = [data.draw(st.sampled_from([" og ", ", ", " eller ", ", og "])) for _ in pieces]
    text = pieces[0] + "".join(j + p for j, p in zip(joiners, pieces[1:], strict=False))
    expected = tuple(dict.fromkeys(p.label() for p in cited))
    assert parse_provisions(text) == expected
    # the pattern that finds citations in text takes the whole list
    found = re.compile(PROVISIONS).match(text + " i planloven")
    assert found is not None
    assert found.group() == text.rstrip()


@settings(max_examples=200, deadline=None)
@given(cited=provisions())
def test_the_written_form_is_its_own_reading(cited: Provision) -> None:
    assert parse_provisions(cited.label()) == (cited.label(),)
    assert sections((cited.label(),)) == (f"§ {cited.section}",)


@settings(max_examples=200, deadline=None)
@given(low=st.integers(1, 500), width=st.integers(1, 50), dash=st.sampled_from(["-", "–", " - "]))
def test_a_range_of_sections_is_every_section_in_it(low: int, width: int, dash: str) -> None:
    text = f"§§ {low}{dash}{low + width}"
    assert parse_provisions(text) == tuple(f"§ {n}" for n in range(low, low + width + 1))


@settings(max_examples=100, deadline=None)
@given(section=st.integers(1, 400), low=st.integers(1, 10), width=st.integers(1, 5))
def test_a_list_continues_at_its_level(section: int, low: int, width: int) -> None:
    numbers = list(range(low, low + width + 1))
    text = f"§ {section}, stk. " + ", ".join(map(str, numbers[:-1])) + f" og {numbers[-1]}"
    assert parse_provisions(text) == tuple(f"§ {section}, stk. {n}" for n in numbers)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("planlovens § 19, stk. 1, og § 13 i planloven.", "planlovens", ("§ 19, stk. 1",)),
        (
            "§ 3, stk. 2, nr. 1 i lov om social service",
            "lov om social service",
            ("§ 3, stk. 2, nr. 1",),
        ),
        ("efter § 19 i planloven", "planloven", ("§ 19",)),
        ("serviceloven § 85 og 86 i øvrigt", "serviceloven", ("§ 85", "§ 86")),
        ("serviceloven § 85 og 2 borgere", "serviceloven", ("§ 85",)),
        ("planloven § 19 i lokalplanen", "planloven", ("§ 19",)),
        ("§ 5 i serviceloven", "serviceloven", ("§ 5",)),
        ("serviceloven § 5, 1. pkt.", "serviceloven", ("§ 5, 1. pkt.",)),
        ("lovens § 3 og § 5 i serviceloven", "serviceloven", ("§ 5",)),
    ],
)
def test_provisions_before_and_after_the_name(
    text: str, name: str, expected: tuple[str, ...]
) -> None:
    begin = text.index(name)
    assert with_provisions(text, begin, begin + len(name))[2] == expected
