"""What a PDF says of itself: its information dictionary, read into :class:`PdfInfo`.

The creation date is the file's, written by the program that made it; it is kept as such and
never offered to the parser as the meeting's date.

>>> pdf_date("D:20220621101500+02'00'")
datetime.datetime(2022, 6, 21, 10, 15, tzinfo=datetime.timezone(datetime.timedelta(seconds=7200)))
>>> pdf_date("D:20220621"), pdf_date("20221321"), pdf_date("")
(datetime.datetime(2022, 6, 21, 0, 0), None, None)
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from loaders.model import PdfInfo

# D:YYYYMMDDHHmmSS with an offset (Z, +HH'mm', -HH'mm); all after the year is optional.
_DATE = re.compile(
    r"(?:D:)?(?P<y>\d{4})(?P<mo>\d{2})?(?P<d>\d{2})?(?P<h>\d{2})?(?P<mi>\d{2})?(?P<s>\d{2})?"
    r"(?:(?P<z>Z)|(?P<sign>[+-])(?P<oh>\d{2})'?(?P<om>\d{2})?'?)?.*"
)
_LONGEST = 500  # characters of a metadata value kept


def pdf_date(text: str) -> dt.datetime | None:
    """A PDF date string as a datetime (with its offset where one is given); None if it is
    not one."""
    match = _DATE.fullmatch(text.strip())
    if match is None:
        return None
    year, month, day = (int(match[k] or default) for k, default in (("y", 0), ("mo", 1), ("d", 1)))
    hour, minute, second = (int(match[k] or 0) for k in ("h", "mi", "s"))
    zone: dt.tzinfo | None = None
    if match["z"]:
        zone = dt.UTC
    elif match["sign"]:
        offset = dt.timedelta(hours=int(match["oh"]), minutes=int(match["om"] or 0))
        zone = dt.timezone(-offset if match["sign"] == "-" else offset)
    try:
        # Without an offset the PDF leaves the time zone unknown, and so does the datetime.
        return dt.datetime(year, month, day, hour, minute, second, tzinfo=zone)
    except ValueError:
        return None


def _value(pdf: Any, key: str) -> str | None:
    text = " ".join(str(pdf.get_metadata_value(key)).split())[:_LONGEST]
    return text or None


def pdf_info(pdf: Any, pages: int) -> PdfInfo:
    """The page count and metadata of an open ``pypdfium2.PdfDocument``."""
    created = _value(pdf, "CreationDate")
    return PdfInfo(
        pages=pages,
        title=_value(pdf, "Title"),
        producer=_value(pdf, "Producer"),
        creator=_value(pdf, "Creator"),
        created=pdf_date(created) if created else None,
    )
