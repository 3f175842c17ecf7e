"""New names proposed by patterns, and what keeps a proposal from being new."""

from __future__ import annotations

import datetime as dt

import pytest

from loaders.mentions import find_item_mentions, find_mentions, summarise_candidates

ON = dt.date(2022, 6, 8)


def _new(text: str) -> list[tuple[str, str, str]]:
    return [
        (m.anchor_text, m.rule, m.entity_type) for m in find_mentions(text, on=ON) if m.candidate
    ]


@pytest.mark.parametrize(
    ("text", "anchor", "rule", "entity_type"),
    [
        ("Vi deltager i Projekt Ny-Start, som", "Projekt Ny-Start", "projekt-x", "programme"),
        ("historien om Projekt Edison med en video", "Projekt Edison", "projekt-x", "programme"),
        ("arbejdes videre med KIT-projektet og", "KIT-projektet", "x-projektet", "programme"),
        ("deltagerne i Cykelprojektet fik job", "Cykelprojektet", "x-projektet", "programme"),
        ("ledige i Jobklar-forsøget har", "Jobklar-forsøget", "x-projektet", "programme"),
        ("- 'Stil dit forslag' – en mulighed", "Stil dit forslag", "quoted-name", "programme"),
        ('i fagene "Klar til FVU" og', "Klar til FVU", "quoted-name", "programme"),
        (
            "forpligtede sig med Aftale om kommunernes økonomi for 2020 til at",
            "Aftale om kommunernes økonomi for 2020",
            "aftale-om",
            "programme",
        ),
        (
            "• Aftale om bedre hjælp af 3. maj 2023",
            "Aftale om bedre hjælp",
            "aftale-om",
            "programme",
        ),
        ("jf. Lov om fleksible ydelser, der", "Lov om fleksible ydelser", "lov-om", "law"),
    ],
)
def test_proposed(text: str, anchor: str, rule: str, entity_type: str) -> None:
    assert _new(text) == [(anchor, rule, entity_type)]


@pytest.mark.parametrize(
    "text",
    [
        "Cykelprojektet er et samskabelsesprojekt.",  # capital only because a sentence starts
        "Projektet startede i januar.",
        "Aftale om undervisningsforlægning fra VUC",  # a title's capital, no date: a description
        'bygger på at "virkeligheden virker"',  # lower case: not a name
        "rapporten ” Jobcentres beskæftigelsesindsats” blev",  # a space after the quote
        "Hvem kan deltage? 'Er det nu?'",  # a question is no name
        "Det nye Jobcenter-projekt starter",  # indefinite: a kind of project, not a name
    ],
)
def test_not_proposed(text: str) -> None:
    assert _new(text) == []


def test_a_reference_alias_is_not_new() -> None:
    found = find_mentions("Projekt PLUS og 'Flere skal med' og A-kasseforsøget", on=ON)
    assert [(m.entity_key, m.candidate) for m in found] == [
        ("projekt-plus", False),
        ("flere-skal-med", False),
        ("a-kasseforsoeget", False),
    ]


def test_a_proposal_never_overrides_a_reference_mention() -> None:
    found = find_mentions("Aftale om forløb med Claudis Have af 3. maj 2022", on=ON)
    assert [(m.entity_key, m.candidate) for m in found] == [("claudis-have", False)]


def test_a_proposed_name_is_a_candidate_wherever_else_it_is_printed() -> None:
    text = "Evaluering af cykelprojektet. For både Cykelprojektet og andre. Cykelprojektets mål."
    found = [(m.anchor_text, m.rule) for m in find_mentions(text, on=ON)]
    assert found == [
        ("cykelprojektet", "propagated"),
        ("Cykelprojektet", "x-projektet"),
        ("Cykelprojektets", "propagated"),
    ]


def test_names_of_several_words_propagate_only_as_written() -> None:
    text = "'Tid til det vigtigste' giver mere tid til det vigtigste."
    assert [m.anchor_text for m in find_mentions(text, on=ON)] == ["Tid til det vigtigste"]


def test_a_parenthesised_expansion_names_the_same_candidate() -> None:
    found = find_mentions("med KIT-projektet (Kvindeindsats på tværs), for", on=ON)
    assert [(m.anchor_text, m.entity_key, m.rule) for m in found] == [
        ("KIT-projektet", "kit-projektet", "x-projektet"),
        ("Kvindeindsats på tværs", "kit-projektet", "parenthesis"),
    ]


def test_proposals_are_shared_across_an_item_s_texts() -> None:
    title, section = "Evaluering af cykelprojektet 2021", "For både Cykelprojektet og andre."
    assert find_mentions(title, on=ON) == []  # alone, a lower-case compound proposes nothing
    found = find_item_mentions([title, section], on=ON)
    assert [[(m.anchor_text, m.rule) for m in texts] for texts in found] == [
        [("cykelprojektet", "propagated")],
        [("Cykelprojektet", "x-projektet")],
    ]


def test_summarise_candidates() -> None:
    texts = ["Projekt Edison og Projekt Edison", "Projekt Ny-Start", "KL og projekt Edison"]
    mentions = [m for t in texts for m in find_mentions(t, on=ON)]
    summary = summarise_candidates(mentions)
    assert [(s.entity_key, s.count, s.names) for s in summary] == [
        ("projekt-edison", 3, ("Projekt Edison", "projekt Edison")),
        ("projekt-ny-start", 1, ("Projekt Ny-Start",)),
    ]
    assert summary[0].rules == ("projekt-x",)
