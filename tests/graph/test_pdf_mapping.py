"""A minutes document read from a PDF: each item and section records the PDF pages it came
from (rg:firstPdfPage, rg:lastPdfPage), and the source document the file's page count and own
metadata (rg:pdfPageCount, rg:pdfTitle, rg:pdfProducer, rg:pdfCreator, rg:pdfCreated), never
as the meeting's date. A text file records none of them."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from pyoxigraph import Literal, NamedNode, Store

from loaders.model import MinutesDocument, PdfInfo

from .conftest import TEXT
from .test_mapping import MEETING, RG, ask, store_of

XSD = "http://www.w3.org/2001/XMLSchema#"
ITEM = MEETING + "/punkt/1"
SOURCE = MEETING + "/kilde"
CREATED = dt.datetime(2020, 1, 10, 9, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def as_pdf(document: MinutesDocument) -> MinutesDocument:
    """The document as if read from a three-page PDF: page 2 starts at the item's heading,
    page 3 at the decision."""
    info = PdfInfo(
        pages=3,
        title="Referat Udvalget for Job & Arbejdsmarked",
        producer="FirstAgenda Publication",
        creator="FirstAgenda",
        created=CREATED,
    )
    source = replace(document.source, name="referat.pdf", media_type="application/pdf", pdf=info)
    starts = (0, TEXT.index("1. JA - Godkendelse"), TEXT.index("Godkendt"))
    return replace(document, source=source, page_starts=starts)


def values(store: Store, subject: str, predicate: str) -> list[object]:
    return sorted(
        q.object.value
        for q in store.quads_for_pattern(NamedNode(subject), NamedNode(RG + predicate), None, None)
        if isinstance(q.object, Literal)
    )


def test_item_and_section_pages(document: MinutesDocument) -> None:
    pdf = as_pdf(document)
    item = pdf.meeting.items[0]
    # the item runs from its heading on page 2 to its decision on page 3
    assert pdf.pages_of(item.span) == (2,)
    store = store_of(pdf)
    integer = f"<{XSD}integer>"
    assert values(store, ITEM, "firstPdfPage") == ["2"]
    assert values(store, ITEM, "lastPdfPage") == ["2"]
    decision = ITEM + "/beslutning"
    assert ask(
        store, f'<{decision}> rg:firstPdfPage "3"^^{integer} ; rg:lastPdfPage "3"^^{integer}'
    )
    assert ask(store, f"<{ITEM}> rg:section <{decision}>")


def test_an_item_over_two_pages(document: MinutesDocument) -> None:
    pdf = as_pdf(document)
    item = pdf.meeting.items[0]
    longer = replace(item.span, end=TEXT.index("Godkendt") + len("Godkendt"))
    pdf.meeting.items[0] = replace(item, span=longer)
    store = store_of(pdf)
    assert values(store, ITEM, "firstPdfPage") == ["2"]
    assert values(store, ITEM, "lastPdfPage") == ["3"]


def test_source_document_keeps_the_files_metadata(document: MinutesDocument) -> None:
    store = store_of(as_pdf(document))
    assert values(store, SOURCE, "pdfPageCount") == ["3"]
    assert values(store, SOURCE, "pdfTitle") == ["Referat Udvalget for Job & Arbejdsmarked"]
    assert values(store, SOURCE, "pdfProducer") == ["FirstAgenda Publication"]
    assert values(store, SOURCE, "pdfCreator") == ["FirstAgenda"]
    assert ask(store, f'<{SOURCE}> rg:pdfCreated "2020-01-10T09:14:05+01:00"^^<{XSD}dateTime>')
    assert ask(store, f'<{SOURCE}> rg:mediaType "application/pdf"')
    # the file's creation date is not the meeting's
    assert ask(store, f'<{MEETING}> rg:date "2020-01-08"^^<{XSD}date>')
    assert not ask(store, f'<{MEETING}> rg:date ?d . FILTER(?d != "2020-01-08"^^<{XSD}date>)')


def test_metadata_the_file_lacks_is_absent(document: MinutesDocument) -> None:
    pdf = as_pdf(document)
    source = replace(pdf.source, pdf=PdfInfo(pages=3))
    store = store_of(replace(pdf, source=source))
    assert values(store, SOURCE, "pdfPageCount") == ["3"]
    for name in ("pdfTitle", "pdfProducer", "pdfCreator", "pdfCreated"):
        assert not ask(store, f"<{SOURCE}> rg:{name} ?value"), name


def test_a_text_file_has_no_pages(document: MinutesDocument) -> None:
    store = store_of(document)
    for name in ("firstPdfPage", "lastPdfPage", "pdfPageCount", "pdfCreated"):
        assert not ask(store, f"?node rg:{name} ?value"), name
