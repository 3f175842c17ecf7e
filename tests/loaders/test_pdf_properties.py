"""Property: the same generated minutes as a PDF and as text give the same meeting date and
committee, the same items with the same titles, and the same decisions.

The minutes come from :mod:`tests.loaders.minutes_strategies` without page furniture or
extraction damage in the text (the PDF prints its own running header and ``Side N af M``
footer on every page) and are typeset by :mod:`tests.loaders.pdf_fixtures`: item headings
bold and large, labels bold, body text justified with hyphenated line breaks. Typesetting takes
a tenth of a second an example, so the runs are short; derandomised, as the other property
tests, so CI sees the same examples each time. REFERATGRAF_PDF_EXAMPLES=200 makes a longer hunt.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from loaders.model import MinutesDocument
from loaders.read import read_minutes

from .minutes_strategies import GeneratedMinutes, minutes
from .pdf_fixtures import Furniture, typeset
from .pdf_sources import blocks_from_minutes

PDF_PROPERTY = settings(
    max_examples=int(os.environ.get("REFERATGRAF_PDF_EXAMPLES", "25")),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
    # No shrinking: typesetting each candidate makes it take minutes; the failing example is
    # reported as drawn.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
PRINTABLE = minutes(furniture=(), damage=())


def as_pdf(generated: GeneratedMinutes, **layout: Any) -> bytes:
    """The minutes typeset; the running header names the committee and date where the text
    does (else just "Referat"), the footer Lejre Kommune and the page. ``layout`` are
    :class:`Furniture`'s layout variants."""
    items = [(item.number, item.title) for item in generated.items]
    header = "Referat"
    if generated.committee and generated.date:
        header = f"{generated.committee} {generated.date:%d-%m-%Y}"
    furniture = Furniture(header=header, logo="Lejre Kommune", title="Referat", **layout)
    return typeset(blocks_from_minutes(generated.text, items), furniture).pdf


def shape(doc: MinutesDocument) -> dict[str, Any]:
    """What the property compares: the meeting's date and committee, and each item's number,
    title, closed flag, decision text (white space collapsed), deciding body, date and outcome."""
    return {
        "date": doc.meeting.date,
        "committee": doc.meeting.committee,
        "items": [
            (
                item.number,
                " ".join(item.title.split()),
                item.closed,
                None
                if item.decision is None
                else (
                    " ".join(item.decision.text.split()),
                    item.decision.committee,
                    item.decision.date,
                    item.decision.outcome,
                ),
            )
            for item in doc.meeting.items
        ],
    }


@PDF_PROPERTY
@given(PRINTABLE)
def test_pdf_reads_as_the_text(generated: GeneratedMinutes) -> None:
    pdf = as_pdf(generated)
    from_pdf = read_minutes(pdf, "referat.pdf")
    from_text = read_minutes(generated.text.encode(), "referat.txt")
    assert shape(from_pdf) == shape(from_text), generated.styles
    # every item came from a page of the PDF, in page order
    firsts = [from_pdf.pages_of(item.span)[0] for item in from_pdf.meeting.items]
    assert firsts == sorted(firsts)
    assert from_pdf.source.pdf is not None
    assert len(from_pdf.page_starts) == from_pdf.source.pdf.pages


# Page layouts other systems print: the page number at the top; header and footer mirrored on
# even pages (in a short document a footer then never stands twice in the same place); a
# 130 mm text column, where titles wrap onto more lines and justified lines stretch.
LAYOUTS = st.sampled_from(
    [
        {"page_in_header": True},
        {"mirrored": True},
        {"margin_mm": 40},
        {"margin_mm": 40, "mirrored": True},
    ]
)


@PDF_PROPERTY
@given(PRINTABLE, LAYOUTS)
def test_other_page_layouts_read_as_the_text(
    generated: GeneratedMinutes, layout: dict[str, Any]
) -> None:
    from_pdf = read_minutes(as_pdf(generated, **layout), "referat.pdf")
    from_text = read_minutes(generated.text.encode(), "referat.txt")
    assert shape(from_pdf) == shape(from_text), (layout, generated.styles)
