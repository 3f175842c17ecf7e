"""loaders.pdf.document and loaders.read for a PDF: a three-page minutes PDF drawn in the test
read to the exact text, page by page, and parsed with each item's PDF pages."""

from __future__ import annotations

import datetime as dt

import pytest

from loaders.file_summary import summarise
from loaders.model import MinutesDocument
from loaders.pdf import read_pdf
from loaders.read import read_minutes

from .drawing import BOLD, LEFT, RIGHT, Text, draw, furnished, paragraph, wrap

TITLE = (
    "2. Forslag til lokalplan nr. 512 for et boligområde ved Søndergade samt "
    "kommuneplantillæg nr. 38"
)


def _heading(y: float, text: str) -> Text:
    return Text(LEFT, y, text, BOLD, 14)


def _label(y: float, text: str) -> Text:
    return Text(LEFT, y, text, BOLD, 10)


def minutes_pdf() -> bytes:
    """Front page with a table of contents (one title wrapped, page numbers right-aligned);
    items on pages 2 and 3, the second item's title wrapping and its decision on page 3; a
    running header and a footer on every page."""
    front = [
        Text(LEFT, 90, "Referat", BOLD, 16),
        Text(LEFT, 112, "Byrådet", BOLD, 12),
        Text(LEFT, 135, "Mødedato: Tirsdag den 24. juni 2025 kl. 16.00"),
        Text(LEFT, 170, "Indholdsfortegnelse", BOLD, 11),
        Text(LEFT, 190, "1. Godkendelse af dagsorden"),
        Text(RIGHT, 190, "2", right=True),
        Text(LEFT, 205, "2. Forslag til lokalplan nr. 512 for et boligområde ved Søndergade samt"),
        Text(LEFT + 14, 218, "kommuneplantillæg nr. 38"),
        Text(RIGHT, 218, "2", right=True),
        Text(LEFT, 233, "3. Eventuelt"),
        Text(RIGHT, 233, "3", right=True),
    ]
    title = wrap(TITLE, RIGHT - LEFT, BOLD, 14)
    assert len(title) == 2  # the title really wraps
    second = [
        _heading(90, "1. Godkendelse af dagsorden"),
        _label(115, "Beslutning"),
        Text(LEFT, 130, "Godkendt."),
        *paragraph(title, 165, font=BOLD, size=14, leading=17),
        _label(215, "Sagsfremstilling"),
        *paragraph(
            "Forvaltningen har udarbejdet et forslag til lokalplan for et nyt boligområde ved "
            "Søndergade. Planen giver mulighed for op til 40 boliger i to etager.",
            230,
        ),
        *paragraph(
            [
                "Planen understøtter kommunens politik for beskæf-",
                "tigelse og bosætning, og KIT-",
                "projektet samt social-",
                "og sundhedsudvalget har udtalt sig.",
            ],
            275,
        ),
    ]
    third = [
        _label(90, "Beslutning"),
        Text(LEFT, 105, "Vedtaget."),
        _heading(140, "3. Eventuelt"),
        _label(165, "Beslutning"),
        Text(LEFT, 180, "Intet."),
    ]
    return draw(
        furnished([front, second, third]),
        title="Referat - Byrådet",
        producer="FirstAgenda Publication 4.2",
        creator="FirstAgenda",
    )


PAGE_1 = """Referat
Byrådet

Mødedato: Tirsdag den 24. juni 2025 kl. 16.00

Indholdsfortegnelse

1. Godkendelse af dagsorden\t2
2. Forslag til lokalplan nr. 512 for et boligområde ved Søndergade samt kommuneplantillæg nr. 38\t2
3. Eventuelt\t3

"""
PAGE_2 = """1. Godkendelse af dagsorden

Beslutning

Godkendt.

2. Forslag til lokalplan nr. 512 for et boligområde ved Søndergade samt kommuneplantillæg nr. 38

Sagsfremstilling

Forvaltningen har udarbejdet et forslag til lokalplan for et nyt boligområde ved Søndergade. \
Planen giver mulighed for op til 40 boliger i to etager.

Planen understøtter kommunens politik for beskæftigelse og bosætning, og KIT-projektet samt \
social- og sundhedsudvalget har udtalt sig.

"""
PAGE_3 = """Beslutning

Vedtaget.

3. Eventuelt

Beslutning

Intet.
"""


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return minutes_pdf()


@pytest.fixture(scope="module")
def doc(pdf: bytes) -> MinutesDocument:
    return read_minutes(pdf, "byraad/referat.pdf", mentions=False)


def test_text_pages_and_metadata(pdf: bytes) -> None:
    read = read_pdf(pdf)
    assert read.text == PAGE_1 + PAGE_2 + PAGE_3
    assert read.page_starts == (0, len(PAGE_1), len(PAGE_1) + len(PAGE_2))
    assert read.notes == []
    info = read.info
    assert (info.pages, info.title, info.producer, info.creator) == (
        3,
        "Referat - Byrådet",
        "FirstAgenda Publication 4.2",
        "FirstAgenda",
    )
    assert info.created == dt.datetime(
        2025, 6, 26, 9, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )


def test_read_minutes_parses_the_pdf(doc: MinutesDocument, pdf: bytes) -> None:
    assert doc.source.name == "referat.pdf"
    assert (doc.source.media_type, doc.source.encoding, doc.source.size) == (
        "application/pdf",
        "pdf",
        len(pdf),
    )
    assert doc.source.pdf is not None
    assert doc.source.pdf.pages == 3
    assert doc.text == PAGE_1 + PAGE_2 + PAGE_3
    meeting = doc.meeting
    assert (meeting.committee, meeting.date) == ("Byrådet", dt.date(2025, 6, 24))
    assert meeting.toc_entries == 3
    assert [(i.number, i.title) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, TITLE.removeprefix("2. ")),
        (3, "Eventuelt"),
    ]
    assert [i.decision.text if i.decision else None for i in meeting.items] == [
        "Godkendt.",
        "Vedtaget.",
        "Intet.",
    ]


def test_each_item_knows_its_pdf_pages(doc: MinutesDocument) -> None:
    items = doc.meeting.items
    assert [doc.pages_of(i.span) for i in items] == [(2,), (2, 3), (3,)]
    second = items[1]
    assert second.decision is not None
    assert doc.pages_of(second.decision.span) == (3,)
    assert [doc.pages_of(s.span) for s in second.sections] == [(2,), (3,)]
    for item in items:  # every span points into the stored text
        assert doc.text[item.span.begin : item.span.end].startswith(f"{item.number}. ")


def test_the_creation_date_is_not_the_meeting_date() -> None:
    """A PDF whose text names no date: the meeting has none, whatever the file's own date."""
    page = [
        _heading(90, "1. Godkendelse af dagsorden"),
        _label(115, "Beslutning"),
        Text(LEFT, 130, "Godkendt."),
    ]
    doc = read_minutes(draw([page], producer="FirstAgenda"), "x.pdf", mentions=False)
    assert doc.source.pdf is not None
    assert doc.source.pdf.created is not None
    assert doc.meeting.date is None
    assert [(i.number, i.title) for i in doc.meeting.items] == [(1, "Godkendelse af dagsorden")]


def test_the_load_summary_names_the_pages_and_the_producer(doc: MinutesDocument) -> None:
    assert summarise(doc).lines() == [
        "PDF, 3 pages, made by FirstAgenda Publication 4.2",
        "date 2025-06-24 (header, line 4); committee Byrådet (header, line 2); "
        "municipality not found",
        "3 items, 3 decisions, 4 sections",  # Beslutning thrice, Sagsfremstilling once
    ]
