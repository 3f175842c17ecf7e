"""Property tests over generated web pages of minutes: date, committee, item numbers, titles and
decisions come out right or absent, never wrong, and nothing crashes.

The pages are printed by :mod:`tests.loaders.html_strategies` in the layouts of the meeting
systems (headings, agenda item containers with a header table, definition lists, old table
layouts in windows-1252) with page furniture around them. On the layouts the loader reads whole
today, everything must be found (the last test), so the properties are not met by finding
nothing.

As in test_generated_minutes.py, the runs are derandomised and keep no example database;
REFERATGRAF_PROPERTY_EXAMPLES=1000 makes a longer hunt.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings

from loaders.model import LoaderError, MinutesDocument
from loaders.read import read_minutes

from .html_strategies import page_bytes, pages
from .minutes_strategies import GeneratedMinutes

MAX_EXAMPLES = int(os.environ.get("REFERATGRAF_PROPERTY_EXAMPLES", "120"))
PROPERTY = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# Every layout is read whole today, items printed without numbers among them (a page of one
# such item, a title printed only with its access badge, a table of contents above them).
GENERATED = pages()


def _read(generated: GeneratedMinutes) -> MinutesDocument:
    return read_minutes(page_bytes(generated), "referat.html", municipality="Lejre")


def _read_or_refuse(generated: GeneratedMinutes) -> MinutesDocument | None:
    try:
        return _read(generated)
    except LoaderError:
        return None


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def _found_items(doc: MinutesDocument) -> list[tuple[int | None, str]]:
    return [(item.number, _collapsed(item.title)) for item in doc.meeting.items]


def _explain(generated: GeneratedMinutes, doc: MinutesDocument) -> str:
    meeting = doc.meeting
    return (
        f"\n--- page ---\n{generated.text}--- text ---\n{doc.text}--- truth ---\n"
        f"{generated.date} {generated.committee!r} "
        f"{[(i.number, i.title) for i in generated.items]}\n--- read ---\n{meeting.date} "
        f"{meeting.committee!r} {_found_items(doc)}\n--- styles ---\n{generated.styles}"
    )


@PROPERTY
@given(GENERATED)
def test_generated_pages_load(generated: GeneratedMinutes) -> None:
    # Nothing escapes, not even a LoaderError: a page with agenda items is minutes.
    doc = _read(generated)
    assert doc.text


@PROPERTY
@given(GENERATED)
def test_date_is_right_or_absent(generated: GeneratedMinutes) -> None:
    doc = _read_or_refuse(generated)
    if doc is None:
        return
    assert doc.meeting.date in (None, generated.date), _explain(generated, doc)


@PROPERTY
@given(GENERATED)
def test_committee_is_right_or_absent(generated: GeneratedMinutes) -> None:
    doc = _read_or_refuse(generated)
    if doc is None:
        return
    assert doc.meeting.committee in (None, generated.committee), _explain(generated, doc)


@PROPERTY
@given(GENERATED)
def test_items_are_right_or_absent(generated: GeneratedMinutes) -> None:
    doc = _read_or_refuse(generated)
    if doc is None:
        return
    found = _found_items(doc)
    numbers = [number for number, _ in found if number is not None]
    assert numbers == sorted(set(numbers)), _explain(generated, doc)
    titles = {_collapsed(item.title) for item in generated.items}
    for number, title in found:
        if number is None:
            assert not title or title in titles, _explain(generated, doc)
            continue
        truth = generated.title_of(number)
        assert truth is not None, f"item {number} is not printed" + _explain(generated, doc)
        assert not title or title == _collapsed(truth), _explain(generated, doc)


@PROPERTY
@given(GENERATED)
def test_decisions_are_right_or_absent(generated: GeneratedMinutes) -> None:
    doc = _read_or_refuse(generated)
    if doc is None:
        return
    for item in doc.meeting.items:
        found = item.decision.text if item.decision else ""
        truth = next((i for i in generated.items if i.number == item.number), None)
        if truth is None or not found or item.number is None:
            continue
        assert found == truth.decision, f"item {item.number}" + _explain(generated, doc)


@PROPERTY
@given(GENERATED)
def test_pages_are_read_whole(generated: GeneratedMinutes) -> None:
    doc = _read(generated)
    meeting = doc.meeting
    assert meeting.date == generated.date, _explain(generated, doc)
    assert meeting.committee == generated.committee, _explain(generated, doc)
    truth = [(item.number, item.title) for item in generated.items]
    assert _found_items(doc) == truth, _explain(generated, doc)
    decisions = [item.decision.text if item.decision else "" for item in meeting.items]
    assert decisions == [item.decision for item in generated.items], _explain(generated, doc)
