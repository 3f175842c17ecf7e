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

from hypothesis import given

from loaders.model import LoaderError, MinutesDocument
from loaders.read import read_minutes

from .generated_checks import PROPERTY, check_decisions, check_items, check_read_whole, explain
from .html_strategies import page_bytes, pages
from .minutes_strategies import GeneratedMinutes

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


def _explain(generated: GeneratedMinutes, doc: MinutesDocument) -> str:
    return explain(generated, doc, f"--- page ---\n{generated.text}--- text ---\n{doc.text}")


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
    check_items(generated, doc, _explain(generated, doc))


@PROPERTY
@given(GENERATED)
def test_decisions_are_right_or_absent(generated: GeneratedMinutes) -> None:
    doc = _read_or_refuse(generated)
    if doc is None:
        return
    check_decisions(generated, doc, _explain(generated, doc), numbered_only=True)


@PROPERTY
@given(GENERATED)
def test_pages_are_read_whole(generated: GeneratedMinutes) -> None:
    doc = _read(generated)
    check_read_whole(generated, doc, _explain(generated, doc))
