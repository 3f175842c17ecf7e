"""The rules of the reference data, each broken on purpose."""

from __future__ import annotations

import dataclasses
import datetime as dt

from loaders.reference import KleConcept, Law, Organisation, Programme
from loaders.reference.checks import danish_date, problems
from loaders.reference.forms import alias


def _org(key: str, *aliases: str, source: str = "test", part_of: str | None = None) -> Organisation:
    return Organisation(
        key, key.upper(), "company", tuple(alias(a) for a in aliases), source, part_of
    )


def _law(key: str, work: str, start: dt.date | None, stop: dt.date | None) -> Law:
    """An act whose source states its dates in force, as the rules ask."""
    stated = [f"i kraft fra {danish_date(start)}"] if start else []
    stated += [f"i kraft til og med {danish_date(stop)}"] if stop else []
    return Law(
        key,
        work,
        "Lov om noget",
        (),
        (alias("lov om noget"),),
        "LOV",
        "; ".join(["retsinformation.dk", *stated]),
        in_force_from=start,
        in_force_to=stop,
    )


def test_nothing_wrong() -> None:
    assert problems([], [], [_org("a", "Alfa")], []) == []


def test_duplicate_keys() -> None:
    found = problems([], [], [_org("a", "Alfa"), _org("a", "Beta")], [])
    assert any("used twice" in p for p in found)


def test_malformed_key() -> None:
    assert any("lower-case" in p for p in problems([], [], [_org("Alfa Beta", "x")], []))


def test_missing_source() -> None:
    assert any("no source" in p for p in problems([], [], [_org("a", "Alfa", source=" ")], []))


def test_aliases_colliding_between_entities_in_any_case() -> None:
    found = problems([], [], [_org("a", "Alfa Gruppen"), _org("b", "alfa gruppen")], [])
    assert found == ["alias 'alfa gruppen' is shared by organisation:a, organisation:b"]


def test_alias_collision_across_types() -> None:
    programme = Programme("p", "Alfa", "project", (alias("Alfa"),), "test")
    assert problems([], [programme], [_org("a", "Alfa")], [])


def test_acts_of_one_work_may_share_aliases_if_their_periods_do_not_overlap() -> None:
    old = _law("old", "w", None, dt.date(2019, 12, 31))
    new = _law("new", "w", dt.date(2020, 1, 1), None)
    assert problems([old, new], [], [], []) == []
    overlapping = dataclasses.replace(new, in_force_from=dt.date(2019, 6, 1))
    assert any("overlap" in p for p in problems([old, overlapping], [], [], []))
    undated = dataclasses.replace(new, in_force_from=None)
    assert any("dates apart" in p for p in problems([old, undated], [], [], []))


def test_eli_must_agree_with_number_and_date() -> None:
    law = dataclasses.replace(
        _law("l", "l", None, None),
        number=548,
        enacted=dt.date(2019, 5, 7),
        eli="https://www.retsinformation.dk/eli/lta/2019/549",
    )
    assert any("does not match" in p for p in problems([law], [], [], []))


def test_links_must_point_at_listed_organisations() -> None:
    programme = Programme("p", "Pi", "project", (alias("Pi"),), "test", owner="nobody")
    assert any("owner" in p for p in problems([], [programme], [], []))
    assert any("part_of" in p for p in problems([], [], [_org("a", "Alfa", part_of="nobody")], []))


def test_kle_broader_concepts_must_be_listed() -> None:
    found = problems([], [], [], [KleConcept("15.20.00", "test")])
    assert found == ["KLE 15.20.00: broader concept 15.20 is not listed"]
    assert any("malformed" in p for p in problems([], [], [], [KleConcept("1520", "t")]))


def test_sources_are_danish_and_name_no_file_of_ours() -> None:
    found = problems([], [], [_org("a", "Alfa", source="Minutes: Lemvig 08-06-2022")], [])
    assert found == ['organisation a: source is not in Danish ("Minutes")']
    ours = _org("b", "Beta", source="Danmarks Statistik; loaders/data/kommuner.csv")
    assert problems([], [], [ours], []) == [
        'organisation b: source names a file of this project ("loaders/data/kommuner.csv")'
    ]
    danish = _org("c", "Gamma", source="Referat: Lejre 08-01-2020, punkt 2 (star.dk, kl.dk/x)")
    assert problems([], [], [danish], []) == []
    english_note = KleConcept("15", "KL, KLE-online emneplan 15", note="the employment effort")
    assert problems([], [], [], [english_note]) == ['KLE 15 note: source is not in Danish ("the")']


def test_an_enactment_must_be_stated_by_its_source() -> None:
    law = dataclasses.replace(
        _law("l", "l", None, None),
        number=548,
        enacted=dt.date(2019, 5, 7),
        source="retsinformation.dk, LOV nr 548 af 07/05/2019",
    )
    assert problems([law], [], [], []) == []
    unstated = dataclasses.replace(law, source="retsinformation.dk")
    assert problems([unstated], [], [], []) == [
        "law l: the source does not state 'LOV nr 548 af 07/05/2019'"
    ]
    half = dataclasses.replace(law, enacted=None)
    assert "law l: a number and a date of enactment come together" in problems([half], [], [], [])


def test_dates_in_force_must_be_stated_by_the_source() -> None:
    law = dataclasses.replace(_law("l", "l", dt.date(2020, 1, 1), None), source="i kraft 2020")
    assert problems([law], [], [], []) == [
        "law l: the source does not state in force from '1. januar 2020'"
    ]
    stated = dataclasses.replace(law, source="retsinformation.dk, i kraft fra 1. januar 2020")
    assert problems([stated], [], [], []) == []


def test_acts_of_one_work_share_a_title() -> None:
    old = _law("old", "w", None, dt.date(2019, 12, 31))
    new = dataclasses.replace(_law("new", "w", dt.date(2020, 1, 1), None), title="Lov om andet")
    assert problems([old, new], [], [], []) == ["work w: its acts do not share a title"]


def test_an_alias_shared_by_two_works_is_refused_whatever_the_dates() -> None:
    old = _law("old", "w", None, dt.date(2019, 12, 31))
    other = _law("other", "v", dt.date(2020, 1, 1), None)
    assert problems([old, other], [], [], []) == ["alias 'lov om noget' is shared by law:v, law:w"]


def test_every_alias_of_an_act_names_a_law() -> None:
    law = dataclasses.replace(
        _law("l", "l", None, None),
        aliases=(alias("lov om noget"), alias("SEL"), alias("Se"), alias("ejendomsskat")),
    )
    assert problems([law], [], [], []) == [
        "law l: alias 'Se' does not name a law",
        "law l: alias 'ejendomsskat' does not name a law",
    ]
