"""Signature pages end the last item and are never items."""

from __future__ import annotations

import doctest

from loaders.parse import parse_minutes
from loaders.rules import signatures

HEAD = (
    "Referat\nByrådet\n\nPunkt 1: Godkendelse\nBeslutning\nGodkendt.\n\n"
    "Punkt 2: Budget\nBeslutning\nVedtaget.\n"
)


def test_doctests() -> None:
    assert doctest.testmod(signatures).failed == 0


def _last_decision(text: str) -> str:
    meeting, _, _ = parse_minutes(text, municipality="Lemvig")
    assert [i.number for i in meeting.items] == [1, 2]
    decision = meeting.items[-1].decision
    assert decision is not None
    return decision.text


def test_underskriftsside_ends_the_last_decision() -> None:
    assert _last_decision(HEAD + "\nUnderskriftsside\n\nJens Hansen\nMette Olsen\n") == "Vedtaget."


def test_underskrevet_af_ends_the_last_decision() -> None:
    assert _last_decision(HEAD + "Underskrevet digitalt af Jens Hansen\n") == "Vedtaget."


def test_names_with_lines_end_the_last_decision() -> None:
    text = HEAD + "\nJens Hansen\n______________\nMette Olsen\n______________\n"
    assert _last_decision(text) == "Vedtaget."


def test_one_line_of_dots_is_no_signature_block() -> None:
    text = HEAD + "Beløb .......... i alt\n"
    assert _last_decision(text) == "Vedtaget.\nBeløb .......... i alt"


def test_a_numbered_underskriftsside_is_an_item() -> None:
    text = HEAD + "\nPunkt 3: Underskriftsside\nBeslutning\nGodkendt.\n"
    meeting, _, _ = parse_minutes(text, municipality="Lemvig")
    assert [(i.number, i.title) for i in meeting.items][-1] == (3, "Underskriftsside")
