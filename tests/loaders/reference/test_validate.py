"""The rules of the reference data, each broken on purpose."""

from __future__ import annotations

import dataclasses
import datetime as dt

from loaders.reference import KleConcept, Law, Organisation, Programme
from loaders.reference.forms import alias
from loaders.reference.validate import problems


def _org(key: str, *aliases: str, source: str = "test", part_of: str | None = None) -> Organisation:
    return Organisation(
        key, key.upper(), "company", tuple(alias(a) for a in aliases), source, part_of
    )


def _law(key: str, work: str, start: dt.date | None, stop: dt.date | None) -> Law:
    return Law(
        key,
        work,
        "Lov om noget",
        (),
        (alias("lov om noget"),),
        "LOV",
        "test",
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
