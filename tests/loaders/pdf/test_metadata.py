"""loaders.pdf.metadata: the PDF's own title, producer, creator and creation date."""

from __future__ import annotations

import datetime as dt

import pytest

from loaders.pdf import read_pdf
from loaders.pdf.metadata import pdf_date

from .drawing import LEFT, Text, draw

UTC = dt.UTC
PLUS_2 = dt.timezone(dt.timedelta(hours=2))
MINUS_5_30 = dt.timezone(-dt.timedelta(hours=5, minutes=30))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("D:20220621101500+02'00'", dt.datetime(2022, 6, 21, 10, 15, tzinfo=PLUS_2)),
        ("D:20220621101500Z", dt.datetime(2022, 6, 21, 10, 15, tzinfo=UTC)),
        ("D:20220621101500-05'30", dt.datetime(2022, 6, 21, 10, 15, tzinfo=MINUS_5_30)),
        ("D:2022", dt.datetime(2022, 1, 1)),  # noqa: DTZ001 (the PDF names no time zone)
        ("D:202206", dt.datetime(2022, 6, 1)),  # noqa: DTZ001
        ("D:20221341", None),  # no 13th month
        ("21. juni 2022", None),
        ("", None),
    ],
)  # fmt: skip
def test_pdf_dates(text: str, expected: dt.datetime | None) -> None:
    assert pdf_date(text) == expected


def test_what_the_file_does_not_say_is_none() -> None:
    info = read_pdf(draw([[Text(LEFT, 100, "Referat")]] * 2)).info
    assert (info.pages, info.title, info.producer, info.creator) == (2, None, None, None)
    assert info.created == dt.datetime(
        2025, 6, 26, 9, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )


def test_values_are_kept_as_written_with_white_space_evened() -> None:
    info = read_pdf(draw([[Text(LEFT, 100, "Referat")]], title="Referat  -\n Byrådet")).info
    assert info.title == "Referat - Byrådet"
