"""A small minutes document built by hand, for tests of the graph layer alone."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator

import pytest

from loaders.model import (
    Absence,
    AgendaItem,
    CaseNumber,
    Decision,
    Meeting,
    MinutesDocument,
    Participant,
    Section,
    SourceInfo,
    Span,
)
from tests.graph.postgres_server import Postgres, available, postgres_server

TEXT = """Udvalget for Job & Arbejdsmarked
Dato: Onsdag den 8. januar 2020
Medlemmer: Ole Blickfeldt (O) (Formand)
Steen Hansen (O) (Medlem)
Fraværende: Steen Hansen (O)
1. JA - Godkendelse af dagsorden
00.22.04.G01
Beslutning
Godkendt
"""


def span_of(text: str, needle: str) -> Span:
    begin = TEXT.index(needle)
    line = TEXT.count("\n", 0, begin) + 1
    return Span(line, line + text.count("\n"), begin, begin + len(needle))


def make_document(text: str = TEXT, decision: str = "Godkendt") -> MinutesDocument:
    data = text.encode("utf-8")
    decision_span = span_of("", decision) if decision in TEXT else Span(9, 9, 0, 0)
    item = AgendaItem(
        number=1,
        title="Godkendelse af dagsorden",
        span=span_of("", "1. JA - Godkendelse af dagsorden"),
        prefix="JA",
        case_numbers=[
            CaseNumber("00.22.04.G01", span_of("", "00.22.04.G01"), kle="00.22.04", facet="G01")
        ],
        sections=[Section("beslutning", "Beslutning", decision, decision_span)],
        decision=Decision(decision, decision_span),
        absences=[
            Absence("Steen Hansen", "item", span_of("", "Fraværende: Steen Hansen (O)"), "O")
        ],
    )
    meeting = Meeting(
        municipality="Lejre",
        municipality_source="given",
        committee="Udvalget for Job & Arbejdsmarked",
        date=dt.date(2020, 1, 8),
        start_time=dt.time(16, 30),
        kind="referat",
        participants=[
            Participant(
                "Ole Blickfeldt", span_of("", "Ole Blickfeldt (O) (Formand)"), "O", "formand"
            ),
            Participant("Steen Hansen", span_of("", "Steen Hansen (O) (Medlem)"), "O", "medlem"),
        ],
        absences=[
            Absence(
                "Steen Hansen",
                "meeting",
                span_of("", "Fraværende: Steen Hansen (O)"),
                "O",
                "fraværende",
            )
        ],
        items=[item],
    )
    source = SourceInfo(
        name="referat.txt",
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        encoding="utf-8",
        media_type="text/plain",
    )
    return MinutesDocument(source=source, text=text, meeting=meeting, layout="test")


@pytest.fixture
def document() -> MinutesDocument:
    return make_document()


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    """A PostgreSQL of the tests' own on a loopback port (``make test`` installs it)."""
    assert available(), "PostgreSQL is not installed: make postgres-deps"
    with postgres_server() as server:
        yield server
