"""Which municipality: given, stated in the header or a footer, or inferred from the text."""

from __future__ import annotations

from loaders.parse import parse_minutes

ITEM = "\nPunkt 1: Sag\nSagsfremstilling\n{body}\nBeslutning\nGodkendt.\n"


def test_stated_in_the_header() -> None:
    text = "Holstebro Kommune\nREFERAT Byrådet\n" + ITEM.format(
        body="I Lemvig Kommune og Lemvig Kommune."
    )
    meeting, _, notes = parse_minutes(text)
    assert (meeting.municipality, meeting.municipality_source) == ("Holstebro", "stated")
    span = meeting.spans["municipality"]
    assert text[span.begin : span.end] == "Holstebro Kommune"
    assert not any("inferred" in n for n in notes)


def test_stated_by_a_kommune_field() -> None:
    meeting, _, _ = parse_minutes("Kommune: Lejre\nREFERAT\n" + ITEM.format(body="Tekst."))
    assert (meeting.municipality, meeting.municipality_source) == ("Lejre", "stated")


def test_a_town_hall_is_not_enough() -> None:
    text = "Mødested Lemvig Rådhus, lokale 2\n" + ITEM.format(body="Tekst.")
    meeting, _, _ = parse_minutes(text)
    assert meeting.municipality is None


def test_inferred_from_the_most_mentions() -> None:
    body = "Holstebro Kommune, Holstebro Kommunes plan og Struer Kommune."
    meeting, _, notes = parse_minutes("REFERAT Byrådet\n" + ITEM.format(body=body))
    assert (meeting.municipality, meeting.municipality_source) == ("Holstebro", "inferred")
    assert "municipality inferred from 2 mentions of 'Holstebro Kommune'" in notes


def test_a_tie_is_left_open() -> None:
    body = "Holstebro Kommune og Struer Kommune."
    meeting, _, notes = parse_minutes("REFERAT Byrådet\n" + ITEM.format(body=body))
    assert meeting.municipality is None
    assert any("municipality unclear" in n for n in notes)


def test_given_wins() -> None:
    text = "Holstebro Kommune\n" + ITEM.format(body="Tekst.")
    meeting, _, _ = parse_minutes(text, municipality="københavns kommune")
    assert (meeting.municipality, meeting.municipality_source) == ("København", "given")


def test_a_word_that_only_starts_like_kommune_is_no_mention() -> None:
    meeting, _, _ = parse_minutes("REFERAT\n" + ITEM.format(body="Lejre Kommunestyre mødes."))
    assert meeting.municipality is None
