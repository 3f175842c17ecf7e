"""Properties of the recogniser on any text: it never raises, every mention satisfies the
contract's substring invariant, mentions never overlap, and they come in text order."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.mentions import Mention, find_item_mentions, find_mentions
from loaders.reference.forms import slugify

# Pieces that make the rules fire, glued with random text, so that matches are exercised too.
PIECES = [
    "KL",
    "STAR",
    "STARs",
    "KL's",
    "KLAPjob",
    "Lemvig Kommune",
    "Lemvig, Struer og Holstebro Kommune",
    "§ 91 i beskæftigelsesloven",
    "servicelovens §§ 103-104",
    "Projekt PLUS",
    "Projekt Ny-Start",
    "KIT-projektet (Kvindeindsats på tværs)",
    "'Stil dit forslag'",
    "Aftale om noget af 3. maj 2022",
    "Lov om noget nyt, der",
    "planlovens § 19, stk. 2, nr. 1 og 3",
    "§§ 40-40 a i folkeskoleloven",
    "plan-loven",
    "Service loven",
    "serviceloen",
    "folkskoleloven",
    "barselsorloven",
    "lov nr. 548 af 7. maj 2019",
    "LBK nr 701 af 22/06/2022",
    "(BEK nr. 1 af 1/1/2020)",
    "bekendtgørelse om noget m.v.",
    "cirkulære om andet",
    "hunde-lovens",
    " om ",
    " jf. ",
    "Projektleder Rikke Præsius",
    "Tina Boel van Ingen",
    "Cykelprojektet",
    "Flemming Hansen fra Sund Invest",
    "Jobcenter Lejres",
    "“",
    "’",
    "-",
    "\n",
    "\t",
    "§§",
    " og ",
    ", ",
]
TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=14).map("".join)
DATES = st.one_of(
    st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))
)
PEOPLE = ("Tina Boel van Ingen", "Steen Hansen")


def _well_formed(text: str, mentions: list[Mention]) -> None:
    previous_end = 0
    for m in mentions:
        assert text[m.begin : m.end] == m.anchor_text
        assert 0 <= m.begin < m.end <= len(text)
        assert m.begin >= previous_end  # in order, no overlaps
        previous_end = m.end
        assert 0 < m.confidence <= 1
        assert m.entity_type in {"law", "programme", "organisation", "person"}
        assert m.entity_key
        if m.entity_type == "law" and m.candidate and m.name:
            assert m.entity_key == slugify(m.name.lower())  # one act per normalised name
        if m.eli:
            assert m.enactment
            assert m.eli.endswith(f"/{m.enactment.split()[2]}")


@settings(max_examples=300, deadline=None)
@given(text=TEXT, on=DATES)
def test_any_text(text: str, on: dt.date | None) -> None:
    _well_formed(text, find_mentions(text, on=on, people=PEOPLE))


@settings(max_examples=200, deadline=None)
@given(text=st.text(), on=DATES)
def test_any_unicode(text: str, on: dt.date | None) -> None:
    _well_formed(text, find_mentions(text, on=on))


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(TEXT, max_size=4), on=DATES)
def test_any_item(texts: list[str], on: dt.date | None) -> None:
    found = find_item_mentions(texts, on=on, people=PEOPLE)
    assert len(found) == len(texts)
    for text, mentions in zip(texts, found, strict=True):
        _well_formed(text, mentions)
