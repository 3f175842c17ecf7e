"""Which municipality: given, stated in the header or a footer, or inferred from the text."""

from __future__ import annotations

import pytest

from loaders.model import LoaderError, Span
from loaders.page_evidence import PageLine
from loaders.parse import parse_minutes
from loaders.rules.municipality_name import Evidence, describe, support
from loaders.rules.parse_state import ParseState

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


def test_a_tie_of_mentions_is_a_conflict() -> None:
    body = "Holstebro Kommune og Struer Kommune."
    with pytest.raises(LoaderError) as raised:
        parse_minutes("REFERAT Byrådet\n" + ITEM.format(body=body))
    assert str(raised.value) == (
        "municipality unclear: the evidence conflicts, Holstebro (1 mention of 'Holstebro "
        "Kommune') against Struer (1 mention of 'Struer Kommune'); give it with --municipality"
    )


def test_given_wins() -> None:
    text = "Holstebro Kommune\n" + ITEM.format(body="Tekst.")
    meeting, _, _ = parse_minutes(text, municipality="københavns kommune")
    assert (meeting.municipality, meeting.municipality_source) == ("København", "given")


def test_a_word_that_only_starts_like_kommune_is_no_mention() -> None:
    meeting, _, _ = parse_minutes("REFERAT\n" + ITEM.format(body="Lejre Kommunestyre mødes."))
    assert meeting.municipality is None


def _parse(text: str) -> tuple[str | None, str | None, str, list[str]]:
    """Municipality, its source, the text at its span ("" without one) and the notes."""
    meeting, _, notes = parse_minutes(text)
    span = meeting.spans.get("municipality")
    at = text[span.begin : span.end] if span else ""
    return meeting.municipality, meeting.municipality_source, at, notes


def test_inferred_from_a_postal_address_in_the_header() -> None:
    text = "REFERAT Byrådet\nMødested: Rådhuset, Torvet 1, 4600 Køge\n" + ITEM.format(body="Tekst.")
    municipality, source, at, notes = _parse(text)
    assert (municipality, source, at) == ("Køge", "inferred", "4600 Køge")
    assert "municipality inferred from the postal address '4600 Køge' (line 2)" in notes


@pytest.mark.parametrize(
    ("place", "municipality", "printed"),
    [
        ("Odense Rådhus, Flakhaven 2, 5000 Odense C", "Odense", "5000 Odense C"),
        ("Rådhuspladsen 1, 1550 København V", "København", "1550 København V"),
        ("Rådhuset, DK-8000 Aarhus", "Aarhus", "8000 Aarhus"),
        ("Byrådssalen, Møllebjergvej 4, 4330 HVALSØ", "Lejre", "4330 HVALSØ"),
    ],
)
def test_postal_addresses_as_minutes_print_them(
    place: str, municipality: str, printed: str
) -> None:
    text = f"REFERAT Byrådet\nSted: {place}\n" + ITEM.format(body="Tekst.")
    assert _parse(text)[:3] == (municipality, "inferred", printed)


def test_a_number_before_another_word_is_no_address() -> None:
    text = "REFERAT Byrådet\nBudget 2020 Køge, 4600 kr.\n" + ITEM.format(body="Tekst.")
    assert _parse(text)[:2] == (None, None)


@pytest.mark.parametrize(
    ("header", "municipality", "printed"),
    [
        ("Referat af møde i Aarhus Byråd", "Aarhus", "Aarhus Byråd"),
        ("Byrådet i Køge\nReferat", "Køge", "Byrådet i Køge"),
        ("KØBENHAVNS BORGERREPRÆSENTATION", "København", "KØBENHAVNS BORGERREPRÆSENTATION"),
        ("Referat fra Borgerrepræsentationens møde", "København", "Borgerrepræsentationens"),
        ("Kommunalbestyrelsen i Lejre\nReferat", "Lejre", "Kommunalbestyrelsen i Lejre"),
    ],
)
def test_inferred_from_the_councils_name(header: str, municipality: str, printed: str) -> None:
    municipality_found, source, at, notes = _parse(header + "\n" + ITEM.format(body="Tekst."))
    assert (municipality_found, source, at) == (municipality, "inferred", printed)
    assert f"municipality inferred from the council name '{printed}' (line 1)" in notes


def test_byraadet_alone_names_no_municipality() -> None:
    assert _parse("Referat\nByrådet\n" + ITEM.format(body="Tekst."))[:2] == (None, None)


@pytest.mark.parametrize(
    ("line", "municipality", "printed", "words"),
    [
        ("Se mere på www.kolding.dk", "Kolding", "www.kolding.dk", "the web address"),
        ("https://www.aarhus.dk/demokrati/", "Aarhus", "www.aarhus.dk", "the web address"),
        ("Kontakt: raadhus@vejen.dk", "Vejen", "raadhus@vejen.dk", "the e-mail address"),
        ("lejre.dk", "Lejre", "lejre.dk", "the web address"),
        ("www.rksk.dk", "Ringkøbing-Skjern", "www.rksk.dk", "the web address"),
        ("www.aeroekommune.dk", "Ærø", "www.aeroekommune.dk", "the web address"),
    ],
)
def test_inferred_from_a_domain(line: str, municipality: str, printed: str, words: str) -> None:
    found, source, at, notes = _parse(f"REFERAT Byrådet\n{line}\n" + ITEM.format(body="Tekst."))
    assert (found, source, at) == (municipality, "inferred", printed)
    assert f"municipality inferred from {words} '{printed}' (line 2)" in notes


def test_other_bodies_domains_are_no_evidence() -> None:
    line = "www.kl.dk, www.borger.dk, www.retsinformation.dk og www.star.dk"
    assert _parse(f"REFERAT Byrådet\n{line}\n" + ITEM.format(body="Tekst."))[:2] == (None, None)


def test_conflicting_evidence_is_refused_with_the_evidence_named() -> None:
    text = "REFERAT Byrådet\nTorvet 1, 4600 Køge\nwww.roskilde.dk\n" + ITEM.format(body="T.")
    with pytest.raises(LoaderError) as raised:
        parse_minutes(text)
    assert str(raised.value) == (
        "municipality unclear: the evidence conflicts, Køge (the postal address '4600 Køge' "
        "(line 2)) against Roskilde (the web address 'www.roskilde.dk' (line 3)); "
        "give it with --municipality"
    )


def test_twice_the_support_wins_within_a_tier() -> None:
    text = "REFERAT Byrådet\nTorvet 1, 4600 Køge\nwww.koege.dk\nwww.roskilde.dk\n" + ITEM.format(
        body="T."
    )
    found, source, at, notes = _parse(text)
    assert (found, source, at) == ("Køge", "inferred", "4600 Køge")
    assert (
        "municipality inferred from the postal address '4600 Køge' (line 2) "
        "and the web address 'www.koege.dk' (line 3)"
    ) in notes


def test_given_wins_over_conflicting_evidence() -> None:
    text = "REFERAT Byrådet\nTorvet 1, 4600 Køge\nwww.roskilde.dk\n" + ITEM.format(body="T.")
    meeting, _, _ = parse_minutes(text, municipality="Solrød")
    assert (meeting.municipality, meeting.municipality_source) == ("Solrød", "given")


def test_stated_wins_over_a_council_name() -> None:
    text = "Lejre Kommune\nReferat af møde i Aarhus Byråd\n" + ITEM.format(body="Tekst.")
    assert _parse(text)[:3] == ("Lejre", "stated", "Lejre Kommune")


def test_a_council_name_wins_over_a_postal_address() -> None:
    text = "Aarhus Byråd\nBudgetseminar, Hotel Nyborg Strand, 5800 Nyborg\n" + ITEM.format(
        body="Tekst."
    )
    found, source, at, notes = _parse(text)
    assert (found, source, at) == ("Aarhus", "inferred", "Aarhus Byråd")
    assert notes == ["municipality inferred from the council name 'Aarhus Byråd' (line 1)"]


def test_the_frame_wins_over_the_item_texts_and_a_clear_disagreement_is_noted() -> None:
    body = "Silkeborg Kommune, Silkeborg Kommune og Silkeborg Kommune."
    text = "REFERAT Byrådet\nHotel Nyborg Strand, 5800 Nyborg\n" + ITEM.format(body=body)
    found, source, at, notes = _parse(text)
    assert (found, source, at) == ("Nyborg", "inferred", "5800 Nyborg")
    assert notes == [
        "municipality inferred from the postal address '5800 Nyborg' (line 2)",
        "municipality doubtful: Nyborg was read, but the text points to Silkeborg "
        "(3 mentions of 'Silkeborg Kommune')",
    ]


def test_item_texts_count_every_kind_of_evidence() -> None:
    body = "Favrskov Kommune ejer Skolevej 3, 8450 Hammel. Svar til Randers Kommune."
    text = "REFERAT Byrådet\n" + ITEM.format(body=body + "\nKontakt: ab@favrskov.dk")
    found, source, at, notes = _parse(text)
    assert (found, source, at) == ("Favrskov", "inferred", "Favrskov Kommune")
    assert (
        "municipality inferred from 1 mention of 'Favrskov Kommune', the postal address "
        "'8450 Hammel' (line 5) and the e-mail address 'ab@favrskov.dk' (line 6)"
    ) in notes


def test_a_council_name_in_a_decision_heading_is_in_the_frame() -> None:
    text = (
        "Referat\nPunkt 1: Sag\nSagsfremstilling\nSvar til Randers Kommune og Randers Kommune."
        "\nBeslutning i Aarhus Byråd den 12. marts 2020\nGodkendt.\n"
    )
    assert _parse(text)[:3] == ("Aarhus", "inferred", "Aarhus Byråd")


def test_bornholms_regionskommune_is_stated() -> None:
    text = "Bornholms Regionskommune\nREFERAT Byrådet\n" + ITEM.format(body="Tekst.")
    assert _parse(text)[:3] == ("Bornholm", "stated", "Bornholms Regionskommune")


def _piece(names: tuple[str, ...], at: int) -> Evidence:
    return Evidence("postal", f"{at:04d} By", 0, Span(1, 1, at, at + 7), names)


def test_a_shared_postal_number_supports_only_what_other_evidence_supports() -> None:
    shared = _piece(("Odder", "Skanderborg"), 10)
    assert support([shared]) == {}
    alone = _piece(("Skanderborg",), 20)
    assert support([shared, alone]) == {"Skanderborg": [shared, alone]}


def test_describe_lists_three_pieces_and_counts_the_rest() -> None:
    state = ParseState.from_text("x\n")
    pieces = [_piece(("Køge",), at) for at in range(5)]
    assert describe(state, pieces) == (
        "the postal address '0000 By' (line 1), the postal address '0001 By' (line 1), "
        "the postal address '0002 By' (line 1) and 2 more"
    )


# The web page around the minutes: the lowest tier, never mixed with the text

NO_MUNICIPALITY = "REFERAT Økonomiudvalget\n" + ITEM.format(body="Tekst.")


@pytest.mark.parametrize(
    ("page", "name", "note"),
    [
        (
            (PageLine("footer", "Rådhuset, Torvet 1, 4600 Køge"),),
            "Køge",
            "municipality inferred from the web page's footer: '4600 Køge'",
        ),
        (
            (PageLine("title", "Referat - Økonomiudvalget - Køge Kommune"),),
            "Køge",
            "municipality inferred from the page title: 'Køge Kommune'",
        ),
        (
            (PageLine("address", "https://www.koege.dk/politik/referat"),),
            "Køge",
            "municipality inferred from the page's address www.koege.dk",
        ),
        (
            (PageLine("site name", "Aarhus Byråd"), PageLine("header", "Se aarhus.dk")),
            "Aarhus",
            "municipality inferred from the page's site name: 'Aarhus Byråd' "
            "and the web page's header: 'aarhus.dk'",
        ),
    ],
)
def test_inferred_from_the_page(page: tuple[PageLine, ...], name: str, note: str) -> None:
    meeting, _, notes = parse_minutes(NO_MUNICIPALITY, page_evidence=page)
    assert (meeting.municipality, meeting.municipality_source) == (name, "inferred")
    assert "municipality" not in meeting.spans  # not in the text: no span
    assert notes == [note]


def test_each_part_of_the_page_counts_once_per_municipality() -> None:
    page = (
        PageLine("footer", "Køge Kommune"),
        PageLine("footer", "Torvet 1, 4600 Køge, www.koege.dk"),
        PageLine("title", "Roskilde Kommune"),
        PageLine("site name", "Roskilde Kommune - Roskilde Kommune"),
    )
    meeting, _, notes = parse_minutes(NO_MUNICIPALITY, page_evidence=page)
    assert meeting.municipality == "Roskilde"
    assert notes == [
        "municipality inferred from the page title: 'Roskilde Kommune' "
        "and the page's site name: 'Roskilde Kommune'"
    ]


def test_conflicting_page_evidence_is_refused() -> None:
    page = (PageLine("footer", "4600 Køge"), PageLine("address", "https://www.roskilde.dk/x"))
    with pytest.raises(LoaderError) as raised:
        parse_minutes(NO_MUNICIPALITY, page_evidence=page)
    assert str(raised.value) == (
        "municipality unclear: the evidence conflicts, Køge (the web page's footer: '4600 Køge') "
        "against Roskilde (the page's address www.roskilde.dk); give it with --municipality"
    )


def test_the_text_wins_over_the_page_with_a_note() -> None:
    text = "Holstebro Kommune\nREFERAT Byrådet\n" + ITEM.format(body="Tekst.")
    page = (PageLine("footer", "Struer Kommune, 7600 Struer"),)
    meeting, _, notes = parse_minutes(text, page_evidence=page)
    assert (meeting.municipality, meeting.municipality_source) == ("Holstebro", "stated")
    assert notes == [
        "municipality doubtful: Holstebro was read from the text, but the web page points to "
        "Struer (the web page's footer: 'Struer Kommune')"
    ]


def test_an_inferred_text_wins_over_the_page_too() -> None:
    text = "REFERAT Byrådet\nRådhuset, 4600 Køge\n" + ITEM.format(body="Tekst.")
    page = (PageLine("title", "Roskilde Kommune"),)
    meeting, _, notes = parse_minutes(text, page_evidence=page)
    assert (meeting.municipality, meeting.municipality_source) == ("Køge", "inferred")
    assert notes[-1].startswith("municipality doubtful: Køge was read from the text, but the web")


def test_a_page_that_agrees_or_is_split_adds_no_note() -> None:
    text = "Holstebro Kommune\nREFERAT Byrådet\n" + ITEM.format(body="Tekst.")
    for page in (
        (PageLine("footer", "Holstebro Kommune"),),
        (PageLine("footer", "Struer Kommune"), PageLine("title", "Holstebro Kommune")),
    ):
        _, _, notes = parse_minutes(text, page_evidence=page)
        assert notes == []


def test_the_page_does_not_break_a_conflict_in_the_text() -> None:
    body = "Holstebro Kommune og Struer Kommune."
    page = (PageLine("footer", "Holstebro Kommune"),)
    with pytest.raises(LoaderError, match="municipality unclear"):
        parse_minutes("REFERAT Byrådet\n" + ITEM.format(body=body), page_evidence=page)


def test_given_wins_over_the_page() -> None:
    page = (PageLine("footer", "Struer Kommune"),)
    meeting, _, notes = parse_minutes(NO_MUNICIPALITY, municipality="Lemvig", page_evidence=page)
    assert (meeting.municipality, meeting.municipality_source) == ("Lemvig", "given")
    assert notes == []


def test_page_evidence_is_never_in_the_text() -> None:
    page = (PageLine("footer", "Køge Kommune"),)
    state = ParseState.from_text(NO_MUNICIPALITY, page_evidence=page)
    assert state.text == NO_MUNICIPALITY
    assert all("Køge" not in line.text for line in state.lines)
