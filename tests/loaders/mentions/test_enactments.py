"""Enactments printed in any of the ways minutes write them give the ELI of their number and
year, and nothing else gives one (loaders/mentions/enactments.py)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.dates import MONTHS
from loaders.mentions.enactments import find_enactments

KINDS = {
    "lov": "LOV",
    "Lov": "LOV",
    "LOV": "LOV",
    "LBK": "LBK",
    "lovbekendtgørelse": "LBK",
    "Lovbekendtgørelse": "LBK",
    "BEK": "BEK",
    "bekendtgørelse": "BEK",
    "Bekendtgørelse": "BEK",
}
NUMBERS = st.sampled_from(["nr.", "nr", "Nr.", "NR"])


def _written(day: dt.date, form: int) -> str:
    return [
        f"{day.day}. {MONTHS[day.month - 1]} {day.year}",
        f"{day:%d/%m/%Y}",
        f"{day.day}.{day.month}.{day.year}",
        f"{day.day}/{day.month} {day.year}",
        f"{day:%d-%m-%Y}",
        f"den {day.day}. {MONTHS[day.month - 1][:3]}. {day.year}",
    ][form]


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(sorted(KINDS)),
    label=NUMBERS,
    number=st.integers(1, 9999),
    day=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31)),
    form=st.integers(0, 5),
    before=st.sampled_from(["", "jf. ", "(", "efter "]),
    after=st.sampled_from(["", ".", ")", " om noget", ", som"]),
)
def test_any_printed_enactment_gives_its_eli(  # noqa: PLR0917 - one per drawn value
    kind: str, label: str, number: int, day: dt.date, form: int, before: str, after: str
) -> None:
    cited = f"{kind} {label} {number} af {_written(day, form)}"
    text = before + cited + after
    (found,) = find_enactments(text)
    assert text[found.begin : found.end] == cited
    assert found.eli == f"https://www.retsinformation.dk/eli/lta/{day.year}/{number}"
    assert found.written == f"{KINDS[kind]} nr {number} af {day:%d/%m/%Y}"


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="lovLOVnr. af0123456789/-§BEKbek", max_size=60))
def test_an_eli_only_from_a_number_and_a_date_that_exists(text: str) -> None:
    for found in find_enactments(text):
        assert found.number > 0
        assert f"nr {found.number} af {found.date:%d/%m/%Y}" in found.written
