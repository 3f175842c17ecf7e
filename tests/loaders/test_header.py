"""The meeting header: kind, committee, date, times, place."""

from __future__ import annotations

import datetime as dt

import pytest

from loaders.parse import parse_minutes
from loaders.read import read_minutes
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


def test_a_date_that_does_not_exist_leaves_the_date_empty() -> None:
    meeting, notes = _meeting("REFERAT Byrådet d. 30-02-2022\n")
    assert meeting.date is None
    assert meeting.date_source is None
    assert "date" not in meeting.spans
    assert meeting.committee == "Byrådet"
    assert notes == ["date '30-02-2022' in the header does not exist; date left empty"]


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


def _span_text(text: str, meeting, key: str) -> str:  # type: ignore[no-untyped-def]
    span = meeting.spans[key]
    return text[span.begin : span.end]


# --- labels in every way minutes print them (issue 12) ---


def test_upper_case_labels_with_their_values_on_the_next_line() -> None:
    header = (
        "UDVALG\nØkonomiudvalget\nMØDE\nTorsdag, September 10, 2020 - 16:30\n"
        "STED\nRådhuset, mødelokale 1\nSTARTTIDSPUNKT\n10-09-2020 16:30:00\n"
        "SLUTTIDSPUNKT\n10-09-2020 18:45:00\n"
    )
    text = header + ITEM
    meeting, _, notes = parse_minutes(text, municipality="Lemvig")
    assert (meeting.committee, meeting.committee_source) == ("Økonomiudvalget", "header")
    assert (meeting.date, meeting.date_source) == (dt.date(2020, 9, 10), "header")
    assert (meeting.start_time, meeting.end_time) == (dt.time(16, 30), dt.time(18, 45))
    assert meeting.place == "Rådhuset, mødelokale 1"
    assert _span_text(text, meeting, "committee") == "Økonomiudvalget"
    assert _span_text(text, meeting, "date") == "Torsdag, September 10, 2020"
    assert _span_text(text, meeting, "place") == "Rådhuset, mødelokale 1"
    assert notes == []


def test_labels_with_no_value_take_nothing_from_the_next_label() -> None:
    meeting, notes = _meeting("UDVALG\nMØDEDATO\n14-11-2019\nSTED\nSTARTTIDSPUNKT\nSLUTTIDSPUNKT\n")
    assert meeting.committee is None
    assert meeting.date == dt.date(2019, 11, 14)
    assert meeting.place is None
    assert (meeting.start_time, meeting.end_time) == (None, None)
    assert notes == []


def test_labels_on_the_values_line_in_upper_case_and_with_a_tab() -> None:
    meeting, _ = _meeting(
        "UDVALG Handicaprådet\nSTARTTIDSPUNKT 14-11-2019 08:15:00\nSted\tByrådssalen\n"
    )
    assert meeting.committee == "Handicaprådet"
    assert meeting.date == dt.date(2019, 11, 14)
    assert meeting.start_time == dt.time(8, 15)
    assert meeting.place == "Byrådssalen"


def test_a_label_word_in_a_sentence_is_no_label() -> None:
    meeting, _ = _meeting("REFERAT Byrådet\nSted og tid meddeles senere\nDato: 8. juni 2022\n")
    assert meeting.place is None
    assert meeting.date == dt.date(2022, 6, 8)


@pytest.mark.parametrize(
    ("line", "date", "start"),
    [
        ("Torsdag, September 10, 2020 - 16:30", dt.date(2020, 9, 10), dt.time(16, 30)),
        ("Mandag, 11 januar, 2021 - 19:00", dt.date(2021, 1, 11), dt.time(19, 0)),
        ("14-11-2019 08:15:00", dt.date(2019, 11, 14), dt.time(8, 15)),
        ("Den 09.01.2020 kl. 13:00", dt.date(2020, 1, 9), dt.time(13, 0)),
        ("Mødedato: 14-11-19", dt.date(2019, 11, 14), None),
        ("Dato: den 9/1-20 kl. 16.30", dt.date(2020, 1, 9), dt.time(16, 30)),
        ("Møde: 3. marts 2021", dt.date(2021, 3, 3), None),
    ],
)
def test_dates_in_the_header_in_other_systems_forms(
    line: str, date: dt.date, start: dt.time | None
) -> None:
    meeting, notes = _meeting(f"REFERAT\nØkonomiudvalget\n{line}\n")
    assert (meeting.date, meeting.date_source, meeting.start_time) == (date, "header", start)
    assert notes == []


@pytest.mark.parametrize(
    "other",
    [
        "Offentliggjort: 20-11-2019",
        "Dato for offentliggørelse 20. november 2019",
        "Udskrevet den 20-11-2019",
        "Næste møde: 20. november 2019",
        "Forrige møde 20-11-2019",
        "Frist: 20-11-2019",
        "Referat godkendt 20-11-2019",
        "Offentliggjort\n20-11-2019",
    ],
)
def test_dates_that_are_not_the_meetings_are_never_taken(other: str) -> None:
    before, _ = _meeting(f"REFERAT Byrådet\n{other}\n")
    assert before.date is None
    labelled, notes = _meeting(f"REFERAT Byrådet\nMødedato 14. november 2019\n{other}\n")
    assert labelled.date == dt.date(2019, 11, 14)
    assert notes == []


def test_a_publication_date_after_the_meeting_date_on_one_line() -> None:
    meeting, notes = _meeting("Byrådet den 14-11-2019, offentliggjort 20-11-2019\n")
    assert (meeting.committee, meeting.date) == ("Byrådet", dt.date(2019, 11, 14))
    assert notes == []


def test_the_labelled_meeting_date_wins_over_a_bare_date_line() -> None:
    meeting, notes = _meeting("Ældrerådet\n20-11-2019\nMødedato 14-11-2019\n")
    assert (meeting.date, meeting.date_source) == (dt.date(2019, 11, 14), "header")
    assert notes == []


def test_a_title_date_and_a_labelled_date_that_agree() -> None:
    meeting, notes = _meeting("REFERAT Byrådet d. 14-11-2019\nMødedato Torsdag 14. november 2019\n")
    assert (meeting.date, meeting.date_source) == (dt.date(2019, 11, 14), "title")
    assert notes == []


def test_an_end_date_does_not_decide_over_the_start() -> None:
    meeting, _ = _meeting("STARTTIDSPUNKT 14-11-2019 23:00:00\nSLUTTIDSPUNKT 15-11-2019 01:00:00\n")
    assert meeting.date == dt.date(2019, 11, 14)
    assert (meeting.start_time, meeting.end_time) == (dt.time(23, 0), dt.time(1, 0))


def test_a_two_digit_year_alone_on_a_line_is_not_read() -> None:
    meeting, _ = _meeting("REFERAT Byrådet\n01.05.10\n")
    assert meeting.date is None


# --- committees ---


@pytest.mark.parametrize(
    ("header", "committee", "source"),
    [
        ("Referat af møde i Integrationsrådet\n", "Integrationsrådet", "title"),
        ("Referat til mødet i Børne- og Ungeudvalget\n", "Børne- og Ungeudvalget", "title"),
        ("Dagsorden til Kommunalbestyrelsen 2022-2025\n", "Kommunalbestyrelsen", "title"),
        ("Referat - Lokale Beskæftigelsesråd\n", "Lokale Beskæftigelsesråd", "title"),
        ("Beslutningsprotokol for Aarhus Byråd\n", "Aarhus Byråd", "title"),
        ("Referat fra Ældrerådets møde den 3. maj 2022\n", "Ældrerådet", "title"),
        ("REFERAT\nBorgerrepræsentationen\n", "Borgerrepræsentationen", "header"),
        (
            "REFERAT\nUdvalget for Klima og Miljø (2018-2021)\n",
            "Udvalget for Klima og Miljø",
            "header",
        ),
        ("REFERAT\nKommunalbestyrelsen 2022-2025\n", "Kommunalbestyrelsen", "header"),
        ("REFERAT\nMøde i Folkeoplysningsudvalget\n", "Folkeoplysningsudvalget", "header"),
        ("REFERAT\nRegionsrådet den 14. november 2019\n", "Regionsrådet", "header"),
        ("REFERAT\nUdvalg: Handicaprådet\n", "Handicaprådet", "header"),
        ("REFERAT Direktionen d. 14-11-2019\n", "Direktionen", "title"),
    ],
)
def test_committees_in_every_way_headers_name_them(
    header: str, committee: str, source: str
) -> None:
    meeting, _ = _meeting(header)
    assert (meeting.committee, meeting.committee_source) == (committee, source)


@pytest.mark.parametrize(
    "line",
    [
        "Orientering fra Ældrerådet",  # an item title
        "Valg til Handicaprådet",
        "Mødet blev holdt i Byrådssalen",  # a sentence, a place
        "Rådhuset",
        "Hans Hansen",  # a person
        "Byrådet har besluttet at udsætte sagen.",
    ],
)
def test_never_a_sentence_a_person_a_place_or_a_title(line: str) -> None:
    meeting, _ = _meeting(f"REFERAT\n{line}\n")
    assert meeting.committee is None


def test_a_label_outranks_a_title_and_a_line() -> None:
    meeting, _ = _meeting("Ældrerådet\nREFERAT Handicaprådet\nUdvalg: Integrationsrådet\n")
    assert (meeting.committee, meeting.committee_source) == ("Integrationsrådet", "header")


def test_a_committee_before_the_date_under_a_date_label() -> None:
    meeting, _ = _meeting("REFERAT\nMØDE\nØkonomiudvalget - 10-09-2020 16:30\n")
    assert (meeting.committee, meeting.date) == ("Økonomiudvalget", dt.date(2020, 9, 10))
    assert meeting.start_time == dt.time(16, 30)


@pytest.mark.parametrize(
    ("sentence", "date", "start", "place"),
    [
        (
            "Mødet blev afholdt tirsdag den 14. marts 2023 kl. 16.00 i Mødelokale 2, Rådhuset",
            dt.date(2023, 3, 14),
            dt.time(16, 0),
            "Mødelokale 2, Rådhuset",
        ),
        (
            "Mødet afholdes den 3. maj 2021 kl. 17.00 i Byrådssalen.",
            dt.date(2021, 5, 3),
            dt.time(17, 0),
            "Byrådssalen",
        ),
        (
            "Mødet fandt sted den 3/5-2021 kl. 17.00 på Rådhuset",
            dt.date(2021, 5, 3),
            dt.time(17, 0),
            "Rådhuset",
        ),
        ("Referat af mødet i Økonomiudvalget den 3. maj 2021", dt.date(2021, 5, 3), None, None),
        (
            "Ordinært møde i Økonomiudvalget onsdag den 12. januar 2022 kl. 19.00",
            dt.date(2022, 1, 12),
            dt.time(19, 0),
            None,
        ),
        # a place without a word of a place is not taken for one
        ("Mødet blev holdt den 1. juni 2021 i god ro og orden", dt.date(2021, 6, 1), None, None),
    ],
)
def test_a_sentence_saying_when_the_meeting_is_held(
    sentence: str, date: dt.date, start: dt.time | None, place: str | None
) -> None:
    meeting, notes = _meeting(f"Referat\nØkonomiudvalget\n{sentence}\n")
    assert (meeting.date, meeting.start_time, meeting.place) == (date, start, place)
    # "Referat af mødet ..." is a title, read by the title rule
    assert meeting.date_source == ("title" if sentence.startswith("Referat") else "header")
    assert notes == []


def test_a_sentence_about_the_next_meeting_gives_no_date() -> None:
    meeting, notes = _meeting("Referat\nØkonomiudvalget\nNæste møde afholdes den 10. maj 2021\n")
    assert meeting.date is None
    assert notes == []


def test_a_sentence_with_two_meeting_days_gives_no_date() -> None:
    meeting, notes = _meeting(
        "Referat\nØkonomiudvalget\nMødet blev afholdt den 14. marts 2023 og den 16. marts 2023\n"
    )
    assert meeting.date is None
    assert notes == [
        "the header gives different meeting dates (2023-03-14 and 2023-03-16); date left empty"
    ]


@pytest.mark.parametrize("named", ["", "Udvalg: Handicaprådet\n"])
def test_a_list_of_committees_names_none_of_them(named: str) -> None:
    # found by tests/loaders/test_generated_pages.py: a site's list of its committees above
    # the minutes gave the list's first committee, whether or not the header named another
    text = (
        "Politiske udvalg\n\n- Udvalget for Børn og Ungdom\n- Økonomiudvalget\n- Byrådet\n\n"
        f"Referat\n\n{named}Mødedato: 7. marts 2022\n\n"
        "1. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n"
    )
    meeting, _, _ = parse_minutes(text)
    assert meeting.committee == ("Handicaprådet" if named else None)
    assert meeting.date == dt.date(2022, 3, 7)


def test_a_place_line_split_by_markup_is_no_place() -> None:
    # found by test_parse_properties.test_mutated_samples: a line break inside a bold label
    # ("**M" / "ødested** Rådhuset, ...") left half the label in front of the place
    data = "**M\nødested** Rådhuset, mødelokale 207\n"
    broken = read_minutes(f"# Referat Arbejdsmarkedsudvalget 23-10-2019\n\n{data}".encode(), "m.md")
    assert broken.meeting.place is None
    whole = read_minutes(
        b"# Referat Arbejdsmarkedsudvalget 23-10-2019\n\nR\xc3\xa5dhuset, m\xc3\xb8delokale 207\n",
        "m.md",
    )
    assert whole.meeting.place == "Rådhuset, mødelokale 207"
