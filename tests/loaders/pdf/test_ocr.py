"""loaders.pdf.ocr: a scanned page (an image, no text layer) read by Tesseract when asked;
one clear line when Tesseract is missing. Needs Debian's tesseract-ocr and tesseract-ocr-dan
(make ocr-deps)."""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from loaders.model import LoaderError
from loaders.pdf import ocr
from loaders.read import read_minutes

from .drawing import BOLD, LEFT, Text, draw


def _scan(pages: list[list[Text]], dpi: int = 150) -> bytes:
    """The pages drawn, then photographed: each page an image of itself, no text layer."""
    drawn = pdfium.PdfDocument(draw(pages))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    try:
        for index in range(len(drawn)):
            image = drawn[index].render(scale=dpi / 72, grayscale=True).to_pil()
            canvas.drawImage(ImageReader(image), 0, 0, *A4)
            canvas.showPage()
    finally:
        drawn.close()
    canvas.save()
    return buffer.getvalue()


SCANNED = [
    Text(LEFT, 90, "Referat", BOLD, 16),
    Text(LEFT, 115, "Byrådet", BOLD, 12),
    Text(LEFT, 135, "Mødedato: Tirsdag den 24. juni 2025", size=11),
    Text(LEFT, 175, "1. Godkendelse af dagsorden", BOLD, 14),
    Text(LEFT, 200, "Beslutning", BOLD, 11),
    Text(LEFT, 218, "Godkendt.", size=11),
    Text(LEFT, 255, "2. Eventuelt", BOLD, 14),
    Text(LEFT, 280, "Beslutning", BOLD, 11),
    Text(LEFT, 298, "Intet.", size=11),
]


@pytest.mark.slow
def test_a_scanned_page_is_read_by_ocr() -> None:
    scan = _scan([SCANNED])
    with pytest.raises(LoaderError, match="no text layer"):
        read_minutes(scan, "scan.pdf", mentions=False)
    doc = read_minutes(scan, "scan.pdf", mentions=False, ocr=True)
    meeting = doc.meeting
    assert (meeting.committee, meeting.date.isoformat() if meeting.date else None) == (
        "Byrådet",
        "2025-06-24",
    )
    assert [(i.number, i.title) for i in meeting.items] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Eventuelt"),
    ]
    assert [i.decision.text if i.decision else None for i in meeting.items] == [
        "Godkendt.",
        "Intet.",
    ]
    assert doc.notes[0] == (
        "PDF pages without a text layer, read by OCR (the text may hold misread words): 1"
    )
    assert doc.page_starts == (0,)


def test_without_tesseract_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda _: None)
    with pytest.raises(LoaderError) as caught:
        read_minutes(_scan([SCANNED], dpi=50), "scan.pdf", ocr=True)
    assert str(caught.value) == (
        "cannot recognise text (OCR): tesseract is not installed; install tesseract-ocr and "
        "tesseract-ocr-dan (make ocr-deps)"
    )
