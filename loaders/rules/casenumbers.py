"""Case numbers (sagsnumre) as journal systems print them, split into their parts.

A KLE number (KL's journal plan: ``NN.NN.NN``) may carry a handling facet (``G01``, ``A00``) and
a serial (``1-22``); other systems print only a serial (``19/11679``, ``22-016257``).

>>> parse_case_number("15.20.00A00-1-22")
('15.20.00', 'A00', '1-22')
>>> parse_case_number("15.00.15-A00-1-18")
('15.00.15', 'A00', '1-18')
>>> parse_case_number("00.22.04.G01")
('00.22.04', 'G01', None)
>>> parse_case_number("00.15.00G00-1-19")
('00.15.00', 'G00', '1-19')
>>> parse_case_number("00.00.00-000-10-19")
('00.00.00', '000', '10-19')
>>> parse_case_number("19/11679")
(None, None, '19/11679')
>>> parse_case_number("22-016257")
(None, None, '22-016257')
>>> parse_case_number("Mødelokale 1") is None
True
"""

from __future__ import annotations

import re

from loaders.model import CaseNumber
from loaders.rules.parse_state import ParseState

# KLE emne, then a facet (a letter or digit and two digits: "G01", "Ø00", "000") and a serial.
_KLE = re.compile(
    r"(?P<kle>\d{2}\.\d{2}\.\d{2})"
    r"(?:[.\-]?(?P<facet>[A-ZÆØÅ0-9]\d{2})(?![\d.]))?"
    r"(?:-(?P<serial>\d{1,6}-\d{2}))?"
)
# Serial-only numbers: "19/11679", "22-016257", "21-3658A", "2019-012345", "SAG-2020-01234".
_SERIAL = re.compile(
    r"(?P<serial>\d{2}/\d{3,7}|\d{2}-\d{3,7}[A-Z]?|\d{4}-\d{3,7}|[A-Z]{2,4}-\d{2,4}-\d{3,7})"
)
# Labels before a case number, as in "Sagsnr: 22-016257", "J.nr. ...", "Sag nr.: ...",
# "Sagsid.: EMN-2025-009242" or "Dok.nr.: 123456/22".
_LABELLED = re.compile(
    r"^(?P<label>Sagsnr|Sags\s?nr|Sagsnummer|Sag\s?nr|Sags-?id|J\.?\s?nr|Journalnr|Journalnummer"
    r"|Dok\.?\s?nr|Dokumentnr|Dokumentnummer)"
    r"\.?\s*:?\s*(?P<value>.*)$",
    re.IGNORECASE,
)
# "Sag nr. 3 Godkendelse af dagsorden": an item number after the label, not a case number.
_ITEM_NUMBER = re.compile(r"\d{1,3}(?:[.:)]?(?:\s+\D.*)?)?")
_DIGIT = re.compile(r"\d")
_YEAR_SPAN = re.compile(r"(?:19|20)\d{2}-(?:(?:19|20)\d{2}|\d{2})")


def parse_case_number(raw: str) -> tuple[str | None, str | None, str | None] | None:
    """``(kle, facet, serial)`` if ``raw`` is a whole case number, else None."""
    match = _KLE.fullmatch(raw)
    if match:
        return match["kle"], match["facet"], match["serial"]
    match = _SERIAL.fullmatch(raw)
    if match:
        return None, None, match["serial"]
    return None


def is_year_span(raw: str) -> bool:
    """``2024-2027``: years, though a serial has the same form.

    >>> is_year_span("2022-2025"), is_year_span("2020-0123456")
    (True, False)
    """
    return _YEAR_SPAN.fullmatch(raw) is not None


def labelled_value(plain: str) -> str | None:
    """The value after a case-number label (``""`` when printed empty), or None if the line
    has no such label.

    >>> labelled_value("Sagsnr: 17-004875")
    '17-004875'
    >>> labelled_value("Sagsnr:")
    ''
    >>> labelled_value("Sagsfremstilling") is None
    True
    """
    if not plain or plain[0] not in "SsJjDd":
        return None
    match = _LABELLED.match(plain)
    if match is None:
        return None
    value = match["value"].strip()
    if match["label"][3] in " n" and _ITEM_NUMBER.fullmatch(value) and value[:1].isdigit():
        return None  # "Sag nr. 3 Godkendelse af dagsorden" is an item heading
    return value


def is_case_number_line(plain: str) -> bool:
    """A line that is a case number, bare or labelled (even labelled and empty)."""
    if not plain:
        return False
    if (plain[0].isdigit() or (plain[0].isupper() and "-" in plain)) and parse_case_number(
        plain
    ) is not None:
        return True
    return labelled_value(plain) is not None


def is_case_line(plain: str) -> bool:
    """A line that holds a case number and nothing else: a bare number, or a label with an
    empty value or a value that is case or document numbers (``Sagsnr.: 22-016257``,
    ``Dok.nr.: 123456/22``). Stricter than :func:`is_case_number_line`: a sentence that starts
    with ``Sagsnr.`` is not such a line.

    >>> is_case_line("Sagsid.: EMN-2025-009242"), is_case_line("Sagsnr.")
    (True, True)
    >>> is_case_line("Sagsnr. 22-016257 blev behandlet i juni")
    False
    """
    if not plain:
        return False
    value = labelled_value(plain)
    if value is None:
        return (
            " " not in plain
            and (plain[0].isdigit() or plain[0].isupper())
            and parse_case_number(plain) is not None
        )
    # After a label any one token with a digit in it is a number (``2022/12345``, ``SAG-123``).
    parts = [v.strip() for v in value.split(",")]
    return all(not part or (" " not in part and _DIGIT.search(part)) for part in parts)


def case_numbers_in_line(
    state: ParseState, index: int, printed: str | None = None
) -> list[CaseNumber]:
    """The case numbers printed on line ``index``: a bare number, or the value of a
    ``Sagsnr:`` line (several numbers may be separated by commas); or ``printed``, a number
    read from the line by another rule (after a title)."""
    if printed is not None:
        candidates = [printed]
    else:
        plain = state.plain[index]
        value = labelled_value(plain)
        candidates = [plain] if value is None else [v.strip() for v in value.split(",")]
    found: list[CaseNumber] = []
    for raw in candidates:
        parts = parse_case_number(raw) if raw else None
        if parts is None:
            continue
        kle, facet, serial = parts
        found.append(
            CaseNumber(
                raw=raw,
                span=state.span_in_line(index, raw),
                kle=kle,
                facet=facet,
                serial=serial,
            )
        )
    return found
