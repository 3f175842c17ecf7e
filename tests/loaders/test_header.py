"""The meeting header: kind, committee, date, times, place."""

from __future__ import annotations

import datetime as dt

import pytest

from loaders.model import LoaderError
from loaders.parse import parse_minutes
from loaders.rules.header import strip_election_period

ITEM = "\nPunkt 1: Godkendelse af dagsorden\nBeslutning\nGodkendt.\n"


def _meeting(header: str):  # type: ignore[no-untyped-def]
    meeting, _, notes = parse_minutes(header + ITEM, municipality="Lemvig")
    return meeting, notes


def test_title_line_with_committee_and_date() -> None:
    meeting, notes = _meeting(
        "REFERAT Udvalget for Job, Arbejdsmarked og Integration - 2022-2025 d. 04-05-2022\n"
        "Mødedato\tOnsdag d. 04. maj 2022 kl. 16:30\n"
        "Mødested\tRådhuset i Hvalsø, Møllebjergvej 4, 4330 Hvalsø\n"
    )
    assert meeting.kind == "referat"
    assert meeting.committee == "Udvalget for Job, Arbejdsmarked og Integration"
    assert meeting.date == dt.date(2022, 5, 4)
    assert meeting.start_time == dt.time(16, 30)
    assert meeting.end_time is None
    assert meeting.place == "Rådhuset i Hvalsø, Møllebjergvej 4, 4330 Hvalsø"
    assert notes == []


def test_labelled_fields_with_colons() -> None:
    meeting, _ = _meeting(
        "Udvalget for Job & Arbejdsmarked\nREFERAT\n"
        "Sted: Mødelokale 1, Lejrevej 15, 4320, Allerslev\n"
        "Dato: Onsdag den 8. januar 2020\nStart kl.: 16:30\nSlut kl.: 18:30\n"
    )
    assert meeting.committee == "Udvalget for Job & Arbejdsmarked"
    assert meeting.date == dt.date(2020, 1, 8)
    assert (meeting.start_time, meeting.end_time) == (dt.time(16, 30), dt.time(18, 30))
    assert meeting.place == "Mødelokale 1, Lejrevej 15, 4320, Allerslev"


def test_unlabelled_place_and_committee_lines() -> None:
    meeting, _ = _meeting(
        "Referat: 18. august 2022 kl. 15:00\n\n"
        "Mødelokale 1, Servicecenter, Finderupsvej 9, Skjern\n"
        "Beskæftigelsesudvalget\n"
    )
    assert meeting.kind == "referat"
    assert meeting.date == dt.date(2022, 8, 18)
    assert meeting.start_time == dt.time(15, 0)
    assert meeting.place == "Mødelokale 1, Servicecenter, Finderupsvej 9, Skjern"
    assert meeting.committee == "Beskæftigelsesudvalget"


def test_agenda_and_time_range() -> None:
    meeting, _ = _meeting("DAGSORDEN\nTeknik- og Miljøudvalget\nTidspunkt: kl. 17.00-19.30\n")
    assert meeting.kind == "dagsorden"
    assert meeting.committee == "Teknik- og Miljøudvalget"
    assert (meeting.start_time, meeting.end_time) == (dt.time(17, 0), dt.time(19, 30))


def test_two_different_dates_leave_the_date_empty() -> None:
    meeting, notes = _meeting("REFERAT Byrådet d. 08-06-2022\nMødedato Torsdag d. 09. juni 2022\n")
    assert meeting.date is None
    assert any("different meeting dates" in note for note in notes)


def test_a_date_that_does_not_exist_is_an_error() -> None:
    with pytest.raises(LoaderError, match=r"date '30-02-2022' in the header does not exist"):
        _meeting("REFERAT Byrådet d. 30-02-2022\n")


def test_a_contradicting_weekday_leaves_the_date_empty() -> None:
    meeting, notes = _meeting("Mødedato Mandag d. 08. juni 2022\n")
    assert meeting.date is None
    assert any("weekday" in note for note in notes)


def test_a_date_in_an_item_is_not_the_meeting_date() -> None:
    meeting, _ = _meeting("REFERAT Byrådet\n")
    assert meeting.date is None
    assert meeting.committee == "Byrådet"


def test_header_spans_point_at_their_values() -> None:
    text = "REFERAT Byrådet d. 08-06-2022\nMødested Rådhuset, lokale 2\n" + ITEM
    meeting, _, _ = parse_minutes(text, municipality="Lemvig")
    assert text[meeting.spans["committee"].begin : meeting.spans["committee"].end] == "Byrådet"
    assert "08-06-2022" in text[meeting.spans["date"].begin : meeting.spans["date"].end]
    assert text[meeting.spans["place"].begin : meeting.spans["place"].end] == "Rådhuset, lokale 2"
    assert text[meeting.spans["kind"].begin : meeting.spans["kind"].end] == "REFERAT"


def test_strip_election_period() -> None:
    assert (
        strip_election_period("Udvalget for Børn og Ungdom - 2022-2025")
        == "Udvalget for Børn og Ungdom"
    )
    assert strip_election_period("Byrådet") == "Byrådet"
