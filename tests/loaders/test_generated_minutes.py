"""Property tests over generated minutes: date, committee, item numbers, titles and decisions
come out right or absent, never wrong, and nothing crashes.

The minutes are written by :mod:`tests.loaders.minutes_strategies` in random combinations of
header, date, numbering and label styles, with distracting dates, page furniture and extraction
damage. Where the loader does not handle a style yet, it may find nothing; it may never find a
wrong date, a wrong committee, an item number that is not printed, or a title of another item.
On the styles the loader handles today, everything must be found (the last test), so the
properties are not met by finding nothing.

The runs are derandomised and keep no example database, so CI sees the same examples each
time. REFERATGRAF_PROPERTY_EXAMPLES=1000 makes a longer hunt.
"""

from __future__ import annotations

from hypothesis import given

from loaders.model import LoaderError, MinutesDocument
from loaders.read import read_minutes

from .generated_checks import PROPERTY, check_decisions, check_items, check_read_whole, explain
from .minutes_strategies import (
    COMMITTEE_STYLES,
    DATE_PLACES,
    LABEL_STYLES,
    GeneratedMinutes,
    minutes,
)

# Every style: page numbers glued to a page's first line ("2 Sagsfremstilling: ..."), numbered
# lists in an item whose first entry looks like a heading ("1. Alle ledige skal ...").
GENERATED = minutes()
# Every style, with a page footer wherever a page break shows: a page number glued to a line
# with no footer before it ("2 Godkendt.") cannot be told from a number in the text, nor a
# running header printed on only two pages without footers from a line printed twice.
DECIDED = minutes(unmarked_page_breaks=False)

# The styles the loader reads whole today: every item and title, the date and the committee
# are found where the header prints them (measured; widen these as the loader learns more).
# Left out: labels inline with their text ("Resume: ..."), where some headings are missed;
# running headers (found by repetition: a short document may not show one often enough); and
# page numbers glued to lines.
HANDLED = minutes(
    committee_styles=tuple(s for s in COMMITTEE_STYLES if s != "none"),
    date_places=tuple(p for p in DATE_PLACES if p != "none"),
    label_styles=tuple(s for s in LABEL_STYLES if s != "inline"),
    furniture=("page-footer", "link-bar"),
    damage=("blank-line-removed", "compact"),
)


def _read(generated: GeneratedMinutes) -> MinutesDocument:
    return read_minutes(generated.text.encode(), "x.txt", municipality="Lejre")


def _read_or_refuse(generated: GeneratedMinutes) -> MinutesDocument | None:
    """The document, or None where the loader refused it (that is the first test's concern:
    here only what was read is checked)."""
    try:
        return _read(generated)
    except LoaderError:
        return None


def _explain(generated: GeneratedMinutes, doc: MinutesDocument) -> str:
    return explain(generated, doc, f"--- text ---\n{generated.text}")


@PROPERTY
@given(GENERATED)
def test_generated_minutes_load(generated: GeneratedMinutes) -> None:
    # Nothing escapes, not even a LoaderError: a text with agenda items is minutes.
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
@given(HANDLED)
def test_handled_styles_are_read_whole(generated: GeneratedMinutes) -> None:
    doc = _read(generated)
    check_read_whole(generated, doc, _explain(generated, doc))


@PROPERTY
@given(DECIDED)
def test_decisions_are_right_or_absent(generated: GeneratedMinutes) -> None:
    doc = _read_or_refuse(generated)
    if doc is None:
        return
    check_decisions(generated, doc, _explain(generated, doc), numbered_only=False)
