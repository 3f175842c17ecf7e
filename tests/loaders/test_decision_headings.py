"""The meeting's date and committee from decision headings and per-item lines."""

from __future__ import annotations

import datetime as dt
import doctest

import pytest

from loaders.parse import parse_minutes
from loaders.rules import decision_headings
from loaders.rules.decision_headings import mention_in


def test_doctests() -> None:
    assert doctest.testmod(decision_headings).failed == 0


@pytest.mark.parametrize(
    ("line", "committee", "date", "source"),
    [
        (
            "Beslutning i Kommunalbestyrelsen den 17-01-2018",
            "Kommunalbestyrelsen",
            dt.date(2018, 1, 17),
            "decision heading",
        ),
        (
            "Beslutning Økonomiudvalget den 5. maj 2022",
            "Økonomiudvalget",
            dt.date(2022, 5, 5),
            "decision heading",
        ),
        (
            "Beslutning fra Udvalget for Job & Arbejdsmarked (2018-2021) den 08-01-2020:",
            "Udvalget for Job & Arbejdsmarked",
            dt.date(2020, 1, 8),
            "decision heading",
        ),
        ("Beslutning den 17-01-18", None, dt.date(2018, 1, 17), "decision heading"),
        (
            "Integrationsudvalgets møde den 12. december 2011:",
            "Integrationsudvalget",
            dt.date(2011, 12, 12),
            "item line",
        ),
        (
            "Byrådets møde den 14-11-2019 kl. 16.00",
            "Byrådet",
            dt.date(2019, 11, 14),
            "item line",
        ),
    ],
)
def test_mention_in(line: str, committee: str | None, date: dt.date, source: str) -> None:
    found = mention_in(line)
    assert found is not None
    assert (found[0], found[1].date, found[2]) == (committee, date, source)


@pytest.mark.parametrize(
    "line",
    [
        "Beslutning om budget 2023 den 5. maj 2022",
        "Beslutningen blev truffet den 5. maj 2022",
        "Sagen blev behandlet på Byrådets møde den 5. maj 2022.",
        "Økonomiudvalget den 3. maj 2022",  # an earlier treatment's form, not an item line
        "Beslutning i Byrådet den 5. maj 2022 og den 12. maj 2022",
        "Beslutning i Byrådet den 5. maj 2022, sagen udsat",
        "Beslutning i Byrådet",
    ],
)
def test_what_is_no_mention(line: str) -> None:
    assert mention_in(line) is None


def _minutes(header: str, *items: str) -> str:
    body = "".join(
        f"\n{number}. Sag nummer {number}\n\nSagsfremstilling\nTekst.\n\n{item}"
        for number, item in enumerate(items, 1)
    )
    return header + body


def _read(text: str):  # type: ignore[no-untyped-def]
    meeting, _, notes = parse_minutes(text, municipality="Lemvig")
    return meeting, notes


COUNCIL = "Beslutning i Kommunalbestyrelsen den 17-01-2018\nGodkendt.\n"
EARLIER = "Beslutning i Økonomiudvalget den 10-01-2018\nAnbefalet.\n\n"


def test_the_body_in_every_item_and_its_date() -> None:
    text = _minutes("REFERAT\n", COUNCIL, EARLIER + COUNCIL)
    meeting, notes = _read(text)
    assert (meeting.committee, meeting.committee_source) == (
        "Kommunalbestyrelsen",
        "decision heading",
    )
    assert (meeting.date, meeting.date_source) == (dt.date(2018, 1, 17), "decision heading")
    span = meeting.spans["date"]
    assert text[span.begin : span.end] == "den 17-01-2018"
    span = meeting.spans["committee"]
    assert text[span.begin : span.end] == "Kommunalbestyrelsen"
    assert notes == []
    assert [item.decision.text for item in meeting.items if item.decision] == ["Godkendt."] * 2


def test_the_header_committee_picks_its_own_headings_date() -> None:
    meeting, notes = _read(_minutes("REFERAT\nKommunalbestyrelsen\n", EARLIER + COUNCIL))
    assert (meeting.committee, meeting.committee_source) == ("Kommunalbestyrelsen", "header")
    assert (meeting.date, meeting.date_source) == (dt.date(2018, 1, 17), "decision heading")
    assert notes == []


def test_two_bodies_in_every_item_give_no_committee_and_no_date() -> None:
    meeting, notes = _read(_minutes("REFERAT\n", EARLIER + COUNCIL, EARLIER + COUNCIL))
    assert (meeting.committee, meeting.date) == (None, None)
    assert notes == [
        "the decision headings give different dates (2018-01-10 and 2018-01-17); date left empty"
    ]


def test_an_unnamed_decision_elsewhere_leaves_the_committee_open() -> None:
    meeting, _ = _read(_minutes("REFERAT\n", COUNCIL, "Beslutning\nGodkendt.\n"))
    assert meeting.committee is None
    assert meeting.date == dt.date(2018, 1, 17)  # all headings agree


def test_headings_of_other_bodies_only_give_no_date() -> None:
    meeting, notes = _read(_minutes("REFERAT\nByrådet\n", EARLIER))
    assert (meeting.committee, meeting.date) == ("Byrådet", None)
    assert notes == ["the decision headings name only other bodies; no date read"]


def test_a_header_date_wins_and_conflicting_header_dates_stay_empty() -> None:
    dated, _ = _read(_minutes("REFERAT\nMødedato 18-01-2018\n", COUNCIL))
    assert (dated.date, dated.date_source) == (dt.date(2018, 1, 18), "header")
    assert dated.committee == "Kommunalbestyrelsen"
    clash, notes = _read(_minutes("REFERAT d. 18-01-2018\nMødedato 19-01-2018\n", COUNCIL))
    assert clash.date is None
    assert len(notes) == 1
    assert "different meeting dates" in notes[0]


def test_item_lines_name_the_committee_and_the_date() -> None:
    line = "Integrationsudvalgets møde den 12. december 2011:\nGodkendt.\n"
    meeting, notes = _read(_minutes("REFERAT\n", line, line))
    assert (meeting.committee, meeting.committee_source) == ("Integrationsudvalget", "item line")
    assert (meeting.date, meeting.date_source) == (dt.date(2011, 12, 12), "item line")
    assert notes == []


def test_a_history_section_is_never_read() -> None:
    history = "Sagens forløb\nSocialudvalgets møde den 1. december 2011:\nAnbefalet.\n\n"
    line = "Beslutning\nIntegrationsudvalgets møde den 12. december 2011:\nGodkendt.\n"
    meeting, notes = _read(_minutes("REFERAT\n", history + line, history + line))
    assert meeting.committee == "Integrationsudvalget"
    assert meeting.date == dt.date(2011, 12, 12)
    assert notes == []


def test_a_council_printed_with_its_town_is_the_council_of_the_headings() -> None:
    meeting, notes = _read(
        _minutes("Referat\nAarhus Byråd\n", "Beslutning i Byrådet den 3-5-2022\nGodkendt.\n")
    )
    assert (meeting.committee, meeting.date) == ("Aarhus Byråd", dt.date(2022, 5, 3))
    assert notes == []


def test_a_body_named_in_the_genitive_heads_a_decision() -> None:
    found = mention_in("Beskæftigelses- og Integrationsudvalgets beslutning den 12. oktober 2020")
    assert found is not None
    committee, date, source = found
    assert (committee, date.date, source) == (
        "Beskæftigelses- og Integrationsudvalget",
        dt.date(2020, 10, 12),
        "decision heading",
    )
    assert mention_in("Borgernes beslutning den 12. oktober 2020") is None
