"""The five samples typeset as PDF files read as the text samples do.

Each sample is set by :mod:`tests.loaders.pdf_fixtures` the way a meeting system exports
minutes: a running header (committee and date) and a footer (the municipality, ``Side N af M``)
on every page, item titles bold and large and wrapping onto a second line, section labels bold,
justified body text with hyphenated line breaks, the table of contents with its page numbers
in a column of their own, tab-separated lines as ruled tables. The PDF must give the meeting,
items, titles and decisions of the sample's golden file (``golden/*.yaml``, the same files
``test_golden.py`` checks the text against), and what the text sample gives for the rest.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from loaders.model import MinutesDocument
from loaders.read import read_minutes

from .pdf_fixtures import Furniture, Typeset, typeset
from .pdf_sources import blocks_from_minutes
from .test_golden import GOLDEN_FILES, SEEDS, _norm, differences, view

Read = tuple[MinutesDocument, MinutesDocument, Typeset, dict[str, Any]]


def typeset_sample(path: Path, golden: dict[str, Any], **layout: Any) -> Typeset:
    """A sample as a PDF: its headings are the lines printing a golden item's number and title;
    the running header gives the committee and date, the footer the municipality. ``layout``
    are :class:`Furniture`'s layout variants."""
    items = [(item["number"], item["title"]) for item in golden["items"]]
    blocks = blocks_from_minutes(path.read_text(encoding="utf-8"), items)
    furniture = Furniture(
        header=f"{golden['committee']} – {golden['date']:%d-%m-%Y}",
        logo=f"{golden['municipality']} Kommune",
        title=f"Referat {golden['committee']}",
        **layout,
    )
    return typeset(blocks, furniture)


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Read]:
    """Each sample typeset into a PDF file, and read both as PDF and as text, once."""
    folder = tmp_path_factory.mktemp("pdf-samples")
    found: dict[str, Read] = {}
    for golden_path in GOLDEN_FILES:
        golden = yaml.safe_load(golden_path.read_text(encoding="utf-8"))
        text_path = SEEDS / golden["source"]
        pdf = typeset_sample(text_path, golden)
        pdf_path = folder / f"{golden_path.stem}.pdf"
        pdf_path.write_bytes(pdf.pdf)
        as_pdf = read_minutes(pdf_path.read_bytes(), pdf_path.name)
        as_text = read_minutes(text_path.read_bytes(), text_path.name)
        found[golden_path.stem] = (as_pdf, as_text, pdf, _norm(golden))
    return found


STEMS = [path.stem for path in GOLDEN_FILES]


def _items(doc: MinutesDocument) -> list[tuple[int | None, str, bool]]:
    return [(i.number, " ".join(i.title.split()), i.closed) for i in doc.meeting.items]


def _decisions(doc: MinutesDocument) -> list[dict[str, Any] | None]:
    return [
        None
        if item.decision is None
        else _norm(
            {
                "text": item.decision.text,
                "committee": item.decision.committee,
                "date": item.decision.date,
                "outcome": item.decision.outcome,
            }
        )
        for item in doc.meeting.items
    ]


@pytest.mark.parametrize("stem", STEMS)
def test_meeting_as_golden(stem: str, samples: dict[str, Read]) -> None:
    as_pdf, _, _, golden = samples[stem]
    m = as_pdf.meeting
    assert (m.date.isoformat() if m.date else None) == golden["date"]
    assert m.committee == golden["committee"]
    assert m.municipality == golden["municipality"]


@pytest.mark.parametrize("stem", STEMS)
def test_items_and_titles_as_golden(stem: str, samples: dict[str, Read]) -> None:
    as_pdf, _, _, golden = samples[stem]
    expected = [(i["number"], i["title"], i["closed"]) for i in golden["items"]]
    assert _items(as_pdf) == expected


@pytest.mark.parametrize("stem", STEMS)
def test_decisions_as_golden_and_text(stem: str, samples: dict[str, Read]) -> None:
    """Decision texts, bodies and dates as the golden file says; outcomes as the text gives."""
    as_pdf, as_text, _, golden = samples[stem]
    expected = [i["decision"] for i in golden["items"]]
    found = [
        None if d is None else {k: d[k] for k in ("committee", "date", "text")}
        for d in _decisions(as_pdf)
    ]
    assert found == expected
    assert _decisions(as_pdf) == _decisions(as_text)


@pytest.mark.parametrize("stem", STEMS)
def test_every_golden_field(stem: str, samples: dict[str, Read]) -> None:
    """Everything else the golden file says too: time, place, people, case numbers, sections,
    attachments, treatments, absences."""
    as_pdf, _, _, golden = samples[stem]
    expected = {key: value for key, value in golden.items() if key != "source"}
    diff = differences(expected, view(as_pdf))
    assert not diff, "\n".join(diff)


@pytest.mark.parametrize("stem", STEMS)
def test_pdf_source_and_pages(stem: str, samples: dict[str, Read]) -> None:
    """The file is known as a PDF with its page count and metadata, every page starts in the
    text, and each item's span begins on the page its heading was set on."""
    as_pdf, _, pdf, golden = samples[stem]
    source = as_pdf.source
    assert source.name == f"{stem}.pdf"
    assert source.media_type == "application/pdf"
    assert source.size == len(pdf.pdf)
    assert source.pdf is not None
    assert source.pdf.pages == pdf.pages
    assert source.pdf.title == f"Referat {golden['committee']}"
    assert source.pdf.producer == "FirstAgenda Publication"
    assert source.pdf.creator == "FirstAgenda"
    assert source.pdf.created is not None
    assert source.pdf.created.isoformat() == "2025-06-25T10:00:00+02:00"
    starts = as_pdf.page_starts
    assert len(starts) == pdf.pages
    assert starts[0] == 0
    assert list(starts) == sorted(starts)
    assert starts[-1] <= len(as_pdf.text)
    printed = [page for _, page in sorted(pdf.heading_pages.items(), key=lambda kv: int(kv[0]))]
    assert len(printed) == len(golden["items"])  # one heading line per item in the samples
    assert [as_pdf.pages_of(item.span)[0] for item in as_pdf.meeting.items] == printed


# Other ways meeting systems lay out a page: page number at the top, header and footer mirrored
# on even pages, a text column of 130 mm (side margins of 40 mm) where titles wrap onto more
# lines and justified lines stretch their spaces wide.
VARIANTS = {
    "page-number-in-header": {"page_in_header": True},
    "mirrored": {"mirrored": True},
    "narrow-column": {"margin_mm": 40},
}


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_layout_variants_read_the_same(stem: str, variant: str) -> None:
    """The meeting, the items with their titles and the decisions as the golden file says."""
    golden_path = GOLDEN_FILES[STEMS.index(stem)]
    golden = yaml.safe_load(golden_path.read_text(encoding="utf-8"))
    pdf = typeset_sample(SEEDS / golden["source"], golden, **VARIANTS[variant])
    doc = read_minutes(pdf.pdf, f"{stem}.pdf")
    expected = _norm(golden)
    m = doc.meeting
    found = {
        "date": m.date.isoformat() if m.date else None,
        "committee": m.committee,
        "municipality": m.municipality,
        "items": _items(doc),
        "decisions": [d and d["text"] for d in _decisions(doc)],
    }
    assert found == {
        "date": expected["date"],
        "committee": expected["committee"],
        "municipality": expected["municipality"],
        "items": [(i["number"], i["title"], i["closed"]) for i in expected["items"]],
        "decisions": [i["decision"] and i["decision"]["text"] for i in expected["items"]],
    }


@pytest.mark.parametrize("stem", STEMS)
def test_narrow_column_every_golden_field(stem: str) -> None:
    """In a 130 mm column the justified lines stretch their spaces wide; they stay lines of
    text (no table cells), so every field of the golden file is read as from the text."""
    golden_path = GOLDEN_FILES[STEMS.index(stem)]
    golden = yaml.safe_load(golden_path.read_text(encoding="utf-8"))
    pdf = typeset_sample(SEEDS / golden["source"], golden, **VARIANTS["narrow-column"])
    doc = read_minutes(pdf.pdf, f"{stem}.pdf")
    expected = {key: value for key, value in _norm(golden).items() if key != "source"}
    diff = differences(expected, view(doc))
    assert not diff, "\n".join(diff)


def test_an_address_of_the_minutes_in_the_footer_is_where_they_were_published() -> None:
    golden_path = next(p for p in GOLDEN_FILES if p.stem.startswith("003"))
    golden = yaml.safe_load(golden_path.read_text(encoding="utf-8"))
    address = "www.holstebro.dk/politik/referater/arbejdsmarkedsudvalget-23-10-2019.pdf"
    items = [(item["number"], item["title"]) for item in golden["items"]]
    blocks = blocks_from_minutes((SEEDS / golden["source"]).read_text(encoding="utf-8"), items)
    furniture = Furniture(header=f"{golden['committee']} – {golden['date']:%d-%m-%Y}", logo=address)
    doc = read_minutes(typeset(blocks, furniture).pdf, "referat.pdf")
    assert doc.source.stated_url == "https://" + address
    assert address not in doc.text  # furniture, not text
    # the site alone is no address of the minutes
    site_only = Furniture(header=furniture.header, logo="www.holstebro.dk")
    assert read_minutes(typeset(blocks, site_only).pdf, "referat.pdf").source.stated_url is None
