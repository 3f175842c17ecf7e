"""The properties that generated minutes, as text or as web pages, must keep: date, committee,
item numbers, titles and decisions right or absent, never wrong; read whole where the loader
handles the style. Shared by test_generated_minutes.py and test_generated_pages.py, which
differ only in what they generate and how they read it.

The runs are derandomised and keep no example database, so CI sees the same examples each
time; REFERATGRAF_PROPERTY_EXAMPLES=1000 makes a longer hunt.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

from loaders.model import MinutesDocument

from .minutes_strategies import GeneratedMinutes

MAX_EXAMPLES = int(os.environ.get("REFERATGRAF_PROPERTY_EXAMPLES", "120"))
PROPERTY = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def collapsed(text: str) -> str:
    return " ".join(text.split())


def found_items(doc: MinutesDocument) -> list[tuple[int | None, str]]:
    return [(item.number, collapsed(item.title)) for item in doc.meeting.items]


def explain(generated: GeneratedMinutes, doc: MinutesDocument, source: str) -> str:
    """What was generated and what was read; ``source`` shows the input (the text, or the page
    and the text read from it)."""
    meeting = doc.meeting
    return (
        f"\n{source}--- truth ---\n{generated.date} {generated.committee!r} "
        f"{[(i.number, i.title) for i in generated.items]}\n--- read ---\n{meeting.date} "
        f"{meeting.committee!r} {found_items(doc)}\n--- styles ---\n{generated.styles}"
    )


def check_items(generated: GeneratedMinutes, doc: MinutesDocument, why: str) -> None:
    """Item numbers printed and in order, each title the printed one or absent."""
    found = found_items(doc)
    numbers = [number for number, _ in found if number is not None]
    assert numbers == sorted(set(numbers)), why
    titles = {collapsed(item.title) for item in generated.items}
    for number, title in found:
        if number is None:
            assert not title or title in titles, why
            continue
        truth = generated.title_of(number)
        assert truth is not None, f"item {number} is not printed" + why
        assert not title or title == collapsed(truth), why


def check_decisions(
    generated: GeneratedMinutes, doc: MinutesDocument, why: str, *, numbered_only: bool
) -> None:
    """Each decision found is the text printed under the item's decision label: never another
    item's text, page furniture, or a page number glued to it."""
    for item in doc.meeting.items:
        found = item.decision.text if item.decision else ""
        truth = next((i for i in generated.items if i.number == item.number), None)
        if truth is None or not found or (numbered_only and item.number is None):
            continue  # an item that is not printed is the item property's concern
        assert found == truth.decision, f"item {item.number}" + why


def check_read_whole(generated: GeneratedMinutes, doc: MinutesDocument, why: str) -> None:
    """Date, committee, every item with its title, and every decision, as printed."""
    meeting = doc.meeting
    assert meeting.date == generated.date, why
    assert meeting.committee == generated.committee, why
    truth = [(item.number, item.title) for item in generated.items]
    assert found_items(doc) == truth, why
    decisions = [item.decision.text if item.decision else "" for item in meeting.items]
    assert decisions == [item.decision for item in generated.items], why
