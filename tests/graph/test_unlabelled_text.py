"""An item that prints no section label, only text under its heading: its text is a section
of its own (key ``tekst``, no heading), stored and searched for mentions like any other."""

from __future__ import annotations

import pytest
from pyoxigraph import Store

from loaders.model import MinutesDocument
from loaders.read import read_minutes

from .test_mapping import BASE, ask, store_of

BOARD = """\
Referat fra møde i Ældrerådet den 9. februar 2023 kl. 14.00
Lejre Kommune

1. Godkendelse af dagsorden
Dagsordenen blev godkendt.

2. Orientering om beskæftigelse
Jobcentret fortalte om KLAPjob og om nye fleksjob.
Sagsnr.: 20/1234

3. Eventuelt
Intet.
"""
ITEM = BASE + "kommune/lejre/udvalg/aeldreraadet/moede/2023-02-09/punkt/2"


@pytest.fixture(scope="module")
def board() -> MinutesDocument:
    return read_minutes(BOARD.encode(), "aeldreraad.txt")


@pytest.fixture(scope="module")
def store(board: MinutesDocument) -> Store:
    return store_of(board)


def test_the_text_is_a_section_without_a_heading(board: MinutesDocument) -> None:
    item = board.meeting.items[1]
    assert [(s.label, s.heading, s.text) for s in item.sections] == [
        ("tekst", "", "Jobcentret fortalte om KLAPjob og om nye fleksjob.")
    ]
    assert item.case_numbers[0].raw == "20/1234"  # not text
    assert item.decision is None  # no label says it is a decision
    begin, end = item.sections[0].span.begin, item.sections[0].span.end
    assert board.text[begin:end] == "Jobcentret fortalte om KLAPjob og om nye fleksjob."


def test_the_section_is_stored_with_its_key_and_no_heading(store: Store) -> None:
    section = f"<{ITEM}/afsnit/tekst>"
    assert ask(store, f'<{ITEM}> rg:section {section} . {section} rg:sectionLabel "tekst"')
    assert ask(store, f'{section} rdfs:label "Tekst, punkt 2"@da')
    assert not ask(store, f"{section} rg:heading ?heading")


def test_a_programme_in_the_text_is_a_mention_of_the_item(store: Store) -> None:
    assert ask(
        store,
        f"?mention rg:inText <{ITEM}/afsnit/tekst> ; rg:mentionOf <{BASE}program/klapjob> ; "
        'rg:anchorText "KLAPjob" ; rg:beginIndex 23',
    )
