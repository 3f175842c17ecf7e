"""Reference aliases in running text: word boundaries, case, genitive endings."""

from __future__ import annotations

import pytest

from loaders.mentions.gazetteer import automaton, find_aliases, is_alias


def _found(text: str) -> list[tuple[str, str]]:
    return [(h.target, h.anchor(text)) for h in find_aliases(text)]


@pytest.mark.parametrize(
    "text",
    [
        "borgeren er klar til at gå",  # "klar" is not KL
        "mødet starter kl. 15.00",  # "kl." (o'clock) is not KL
        "vi STARtede i går",  # STAR inside a word
        "forløbet fik en god start",
        "flere STAR-projekter og LAB-indsatser",  # first part of a compound
        "se www.vive.dk og star.dk",  # domain names
        "Lemvig er en by",  # a bare town name is a place
        "Genstart af indsatsen sker i august",  # an ordinary word is no alias
        "Der er indgået en anden delaftale om noget andet",
    ],
)
def test_no_mention(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "target", "anchor"),
    [
        ("ifølge STARs tal", "star", "STARs"),
        ("KL's forhandlinger", "kl", "KL's"),
        ("KL’s forhandlinger", "kl", "KL’s"),
        ("KLs forhandlinger", "kl", "KLs"),
        ("efter servicelovens regler", "social-service", "servicelovens"),
        ("efter Serviceloven", "social-service", "Serviceloven"),
        ("beskæftigelseslovens kapitel 12", "aktiv-beskaeftigelsesindsats", "beskæftigelseslovens"),
        ("Lemvig Kommunes borgere", "kommune-665", "Lemvig Kommunes"),
        ("i Holstebro kommune", "kommune-661", "Holstebro kommune"),
        ("Københavns Kommune", "kommune-101", "Københavns Kommune"),
        ("hos Jobcenter Lejre", "jobcenter-350", "Jobcenter Lejre"),
        ("Faktaark_Den Sociale Kapitalfond", "den-sociale-kapitalfond", "Den Sociale Kapitalfond"),
        ("(VIVE)", "vive", "VIVE"),
        (
            "Styrelsen for Arbejdsmarked og Rekruttering",
            "star",
            "Styrelsen for Arbejdsmarked og Rekruttering",
        ),
    ],
)
def test_found(text: str, target: str, anchor: str) -> None:
    assert (target, anchor) in _found(text)


def test_a_name_inside_a_longer_name_is_not_found() -> None:
    assert _found("KLAPjob hjælper") == [("klapjob", "KLAPjob")]


def test_acronyms_are_case_sensitive() -> None:
    assert _found("en star og en kl") == []
    assert _found("Star") == []


def test_names_of_ordinary_words_keep_their_case_after_the_first_letter() -> None:
    assert ("flere-skal-med", "flere skal med") in _found("om flere skal med dialogmøde")
    assert ("flere-skal-med", "Flere skal med") in _found("projektet Flere skal med")
    assert _found("FLERE SKAL MED") == []
    assert ("projekt-plus", "projekt PLUS") in _found("Særligt for projekt PLUS har")
    assert _found("projekt plus") == []


def test_exact_spelling_is_more_certain_than_another_case() -> None:
    exact = find_aliases("Beskæftigelsesministeriet")[0]
    other = find_aliases("beskæftigelsesministeriet")[0]
    assert exact.confidence > other.confidence


def test_overlapping_aliases_are_all_reported() -> None:
    found = _found("Job-bro til Uddannelse")
    assert ("job-bro-til-uddannelse", "Job-bro til Uddannelse") in found
    assert ("job-bro", "Job-bro") in found


def test_the_automaton_is_built_once() -> None:
    assert automaton() is automaton()


def test_is_alias() -> None:
    assert is_alias("Projekt PLUS")
    assert is_alias("a-kasseforsøget")
    assert not is_alias("Projekt Edison")
