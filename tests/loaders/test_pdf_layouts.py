"""PDF layout fixtures (``pdf_layouts/*.txt``, typeset when the tests run) read as their
hand-written expectations (``pdf_layouts/*.yaml``) say: the meeting, every item with its full
title, the PDF pages it came from and its decision, the file's metadata, the table of
contents, a two-column list and a table read in order, page furniture left out. The same
minutes as a text export give the same items, titles and decisions.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from loaders.model import MinutesDocument
from loaders.read import read_minutes

from .pdf_fixtures import Para, Typeset, typeset
from .pdf_sources import blocks_from_markup, text_from_blocks
from .test_golden import differences, view

HERE = Path(__file__).parent / "pdf_layouts"
FIXTURES = sorted(HERE.glob("*.yaml"))
Loaded = tuple[MinutesDocument, MinutesDocument, Typeset, dict[str, Any]]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Loaded]:
    """Each fixture typeset into a PDF file, read as PDF and as its text export, once."""
    folder = tmp_path_factory.mktemp("pdf-layouts")
    found: dict[str, Loaded] = {}
    for path in FIXTURES:
        expected = yaml.safe_load(path.read_text(encoding="utf-8"))
        blocks, furniture = blocks_from_markup((HERE / expected["fixture"]).read_text("utf-8"))
        pdf = typeset(blocks, furniture)
        pdf_path = folder / f"{path.stem}.pdf"
        pdf_path.write_bytes(pdf.pdf)
        as_pdf = read_minutes(pdf_path.read_bytes(), pdf_path.name)
        text = text_from_blocks(blocks, pdf.heading_pages).encode()
        as_text = read_minutes(text, f"{path.stem}.txt")
        found[path.stem] = (as_pdf, as_text, pdf, expected)
    return found


STEMS = [path.stem for path in FIXTURES]


def test_fixtures_are_typeset_as_designed(loaded: dict[str, Loaded]) -> None:
    """The typesetting itself: each item's heading landed on the first page the expectations
    give it, and the page count is the one expected (else the fixture, not the reader, is off)."""
    for as_pdf, _, pdf, expected in loaded.values():
        del as_pdf
        assert pdf.pages == expected["metadata"]["pages"]
        paged = [item for item in expected["items"] if "pages" in item]
        landed = [pdf.heading_pages[str(item["number"])] for item in paged]
        assert landed == [item["pages"][0] for item in paged]


@pytest.mark.parametrize("stem", STEMS)
def test_meeting(stem: str, loaded: dict[str, Loaded]) -> None:
    as_pdf, _, _, expected = loaded[stem]
    m = as_pdf.meeting
    assert m.date == expected["date"]
    assert m.committee == expected["committee"]
    assert m.municipality == expected["municipality"]
    assert m.toc_entries == expected["toc_entries"]


@pytest.mark.parametrize("stem", STEMS)
def test_items_titles_decisions(stem: str, loaded: dict[str, Loaded]) -> None:
    as_pdf, _, _, expected = loaded[stem]
    found = [
        {
            "number": item.number,
            "title": _flat(item.title),
            "closed": item.closed,
            "decision": _flat(item.decision.text) if item.decision else None,
        }
        for item in as_pdf.meeting.items
    ]
    wanted = [{k: v for k, v in item.items() if k != "pages"} for item in expected["items"]]
    assert found == wanted
    decided = {
        (item.decision.committee, item.decision.date)
        for item in as_pdf.meeting.items
        if item.decision
    }
    assert decided == {(expected["decided_by"]["committee"], expected["decided_by"]["date"])}


@pytest.mark.parametrize("stem", STEMS)
def test_item_pages(stem: str, loaded: dict[str, Loaded]) -> None:
    """Every item records the PDF pages it came from, first to last (where the expectations
    give them), and its decision the last of them."""
    as_pdf, _, _, expected = loaded[stem]
    paged = {item["number"]: item["pages"] for item in expected["items"] if "pages" in item}
    found = {i.number: i for i in as_pdf.meeting.items if i.number in paged}
    assert {n: list(as_pdf.pages_of(i.span)) for n, i in found.items()} == paged
    decisions = {n: list(as_pdf.pages_of(i.decision.span)) for n, i in found.items() if i.decision}
    assert decisions == {n: pages[-1:] for n, pages in paged.items()}


@pytest.mark.parametrize("stem", STEMS)
def test_metadata(stem: str, loaded: dict[str, Loaded]) -> None:
    """The file's own metadata, kept apart from the meeting: its creation date is not the
    meeting's date."""
    as_pdf, _, pdf, expected = loaded[stem]
    info, meta = as_pdf.source.pdf, expected["metadata"]
    assert info is not None
    assert as_pdf.source.media_type == "application/pdf"
    assert as_pdf.source.size == len(pdf.pdf)
    assert info.pages == meta["pages"]
    assert len(as_pdf.page_starts) == meta["pages"]
    assert (info.title, info.producer, info.creator) == (
        meta["title"],
        meta["producer"],
        meta["creator"],
    )
    assert info.created == dt.datetime.fromisoformat(meta["created"])
    assert info.created.date() != as_pdf.meeting.date


@pytest.mark.parametrize("stem", STEMS)
def test_layout_read_in_order(stem: str, loaded: dict[str, Loaded]) -> None:
    """Two columns column by column, table rows row by row, hyphenated words whole, page
    headers and footers gone."""
    as_pdf, _, _, expected = loaded[stem]
    blocks, _ = blocks_from_markup((HERE / expected["fixture"]).read_text("utf-8"))
    lines = {line.strip() for line in as_pdf.text.splitlines()}
    assert [m for m in expected["members"] if m not in lines] == []
    for row in expected["table_rows"]:
        pattern = r"[ \t]+".join(re.escape(cell) for cell in row)
        assert re.search(pattern, as_pdf.text), row
    flat = _flat(as_pdf.text)
    paragraphs = [_flat(b.text) for b in blocks if isinstance(b, Para)]
    assert [p for p in paragraphs if p not in flat] == []  # whole, hyphens undone
    assert [f for f in expected["furniture"] if f in as_pdf.text] == []


@pytest.mark.parametrize("stem", STEMS)
def test_same_as_text_export(stem: str, loaded: dict[str, Loaded]) -> None:
    """The PDF and the text export of the same minutes give the same meeting and items."""
    as_pdf, as_text, _, _ = loaded[stem]

    def shape(doc: MinutesDocument) -> dict[str, Any]:
        m = doc.meeting
        return {
            "meeting": (m.date, m.committee, m.municipality, m.toc_entries),
            "participants": [(p.name, p.party, p.role) for p in m.participants],
            "absences": [(a.name, a.party, a.reason) for a in m.absences],
            "items": [
                (
                    i.number,
                    _flat(i.title),
                    i.closed,
                    [c.raw for c in i.case_numbers],
                    [s.label for s in i.sections],
                    None if i.decision is None else _flat(i.decision.text),
                    None if i.decision is None else i.decision.outcome,
                )
                for i in m.items
            ],
        }

    assert shape(as_pdf) == shape(as_text)


@pytest.mark.parametrize("stem", STEMS)
def test_votes_and_attendance(stem: str, loaded: dict[str, Loaded]) -> None:
    """The meeting's absences and attendance, and each item's votes and attendance, as the
    expectations give them (an item they do not name records none), read from the PDF and
    from its text export alike."""
    as_pdf, as_text, _, expected = loaded[stem]
    votes = expected["votes"]
    present = expected["item_attendance"]
    wanted = {
        "absences": expected["absences"],
        "attendance": expected["attendance"],
        "items": [
            {"votes": votes.get(item["number"], []), "attendance": present.get(item["number"], [])}
            for item in expected["items"]
        ],
    }
    for doc in (as_pdf, as_text):
        found = differences(wanted, view(doc))
        assert not found, f"{doc.source.name}:\n" + "\n".join(found)
