"""read_minutes: size check, checksum, decoding, normalising, parsing; only LoaderError escapes."""

from __future__ import annotations

import datetime as dt
import doctest
import hashlib
from pathlib import Path

import pytest

from loaders import read
from loaders.model import LoaderError
from loaders.read import read_minutes

SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"
SAMPLE = SEEDS / "003_f24a77493ceefbba.txt"


def test_doctests() -> None:
    assert doctest.testmod(read).failed == 0


def test_source_info() -> None:
    data = SAMPLE.read_bytes()
    doc = read_minutes(data, f"some/folder/{SAMPLE.name}")
    assert doc.source.name == SAMPLE.name
    assert doc.source.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.source.size == len(data)
    assert doc.source.encoding == "utf-8"
    assert doc.source.media_type == "text/markdown"
    assert doc.layout.startswith("punkt-number")
    assert doc.text.startswith("\n\nREFERAT Arbejdsmarkedsudvalget")


def test_windows_folders_are_dropped_too() -> None:
    doc = read_minutes(SAMPLE.read_bytes(), "C:\\referater\\2019\\x.txt")
    assert doc.source.name == "x.txt"


def test_too_large() -> None:
    with pytest.raises(LoaderError, match=r"^too large: 52\.4 MB, the limit is 20 MB$"):
        read_minutes(b"x" * 52_400_000, "big.txt")


def test_the_limit_can_be_changed() -> None:
    data = SAMPLE.read_bytes()
    with pytest.raises(LoaderError, match="too large"):
        read_minutes(data, "x.txt", max_bytes=1000)


def test_no_header_and_no_items_is_not_minutes() -> None:
    with pytest.raises(
        LoaderError,
        match=r"^not minutes: no meeting header \(a committee and a date\), and no agenda items",
    ):
        read_minutes("Kære alle\n\nHer er en indkøbsliste.\n".encode(), "letter.txt")


def test_a_header_without_items_is_minutes_with_no_items() -> None:
    text = "REFERAT Byrådet d. 08-06-2022\n\nMødet blev aflyst.\n"
    doc = read_minutes(text.encode(), "aflyst.txt")
    assert (doc.meeting.committee, doc.meeting.date) == ("Byrådet", dt.date(2022, 6, 8))
    assert doc.meeting.items == []


def test_a_committee_alone_or_a_date_alone_is_no_header() -> None:
    for text in ("Økonomiudvalget\n\nMøder i 2020\n", "Nyhed 08-06-2022\n\nByen fik en ny park.\n"):
        with pytest.raises(LoaderError, match=r"^not minutes"):
            read_minutes(text.encode(), "x.txt")


def test_items_without_a_header_are_minutes_without_date_or_committee() -> None:
    text = "Punkt 1: Godkendelse af dagsorden\nBeslutning\nGodkendt.\n"
    doc = read_minutes(text.encode(), "bare.txt")
    assert (doc.meeting.committee, doc.meeting.date) == (None, None)
    assert [(i.number, i.title) for i in doc.meeting.items] == [(1, "Godkendelse af dagsorden")]


@pytest.mark.parametrize("data", [b"", b"%PDF-1.7\n...", b"\x00\x01\x02\x03" * 100])
def test_unreadable_bytes(data: bytes) -> None:
    with pytest.raises(LoaderError):
        read_minutes(data, "x.bin")


def test_cp1252_is_read() -> None:
    text = "REFERAT Byrådet d. 08-06-2022\nPunkt 1: Økonomi\nBeslutning\nGodkendt på mødet.\n"
    doc = read_minutes(text.encode("cp1252"), "x.txt")
    assert doc.meeting.items[0].title == "Økonomi"
    assert doc.meeting.committee == "Byrådet"


def test_given_municipality_wins() -> None:
    doc = read_minutes(SAMPLE.read_bytes(), SAMPLE.name, municipality="Lemvig Kommune")
    assert (doc.meeting.municipality, doc.meeting.municipality_source) == ("Lemvig", "given")


def test_inferred_municipality_is_noted() -> None:
    doc = read_minutes(SAMPLE.read_bytes(), SAMPLE.name)
    assert (doc.meeting.municipality, doc.meeting.municipality_source) == ("Holstebro", "inferred")
    assert "municipality inferred from 9 mentions of 'Holstebro Kommune'" in doc.notes


def test_unknown_given_municipality() -> None:
    with pytest.raises(LoaderError, match="unknown municipality 'Atlantis'"):
        read_minutes(SAMPLE.read_bytes(), SAMPLE.name, municipality="Atlantis")


def test_a_web_page_states_where_it_was_published() -> None:
    page = (
        "<html><head><title>Referat - Køge Kommune</title>"
        '<link rel="canonical" href="https://dagsordener.koege.dk/referat/2019-11-14">'
        "</head><body><h1>Referat Økonomiudvalget 14. november 2019</h1>"
        "<h2>1. Godkendelse</h2><h3>Beslutning</h3><p>Godkendt.</p>"
        "<footer>Køge Kommune · Torvet 1 · 4600 Køge</footer></body></html>"
    )
    doc = read_minutes(page.encode(), "referat.html")
    assert doc.source.stated_url == "https://dagsordener.koege.dk/referat/2019-11-14"
    assert (doc.meeting.municipality, doc.meeting.municipality_source) == ("Køge", "inferred")
    assert doc.notes == [
        "municipality inferred from the page title: 'Køge Kommune', the page's address "
        "dagsordener.koege.dk and the web page's footer: 'Køge Kommune'"
    ]
    assert "Køge" not in doc.text
    assert "koege" not in doc.text


def test_text_files_state_no_url() -> None:
    doc = read_minutes(b"Punkt 1: Godkendelse\nBeslutning\nGodkendt.\n", "a.txt")
    assert doc.source.stated_url is None
