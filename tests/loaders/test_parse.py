"""parse_minutes as a whole: spans that point at what they claim, layout names from the rules
that matched, and layouts the samples do not have."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from loaders import parse
from loaders.model import LoaderError
from loaders.read import read_minutes
from loaders.rules import attachments, decisions, header
from loaders.rules import parse_state as state

from .span_checks import item_parts_within_items, span_problems

FIXTURES = Path(__file__).parent.parent / "fixtures"
SAMPLES = sorted((FIXTURES / "seeds").glob("*.txt")) + sorted((FIXTURES / "layouts").glob("*.txt"))


@pytest.mark.parametrize("module", [parse, state, attachments, decisions, header])
def test_doctests(module: object) -> None:
    assert doctest.testmod(module).failed == 0  # type: ignore[arg-type]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_span_points_at_what_it_claims(path: Path) -> None:
    doc = read_minutes(path.read_bytes(), path.name)
    assert span_problems(doc) == []
    assert item_parts_within_items(doc) == []


@pytest.mark.parametrize(
    ("sample", "layout"),
    [
        ("000", "punkt-number+labels-on-own-line+indstiller-lines+toc"),
        ("001", "number-colon+labels-on-own-line+glued-labels+link-bars"),
        (
            "004",
            "number-dot+labels-on-own-line+named-decisions+indstiller-lines+page-footers+toc+committee-prefix",
        ),
    ],
)
def test_layout_names_say_which_rules_matched(sample: str, layout: str) -> None:
    path = next(p for p in SAMPLES if p.name.startswith(sample))
    assert read_minutes(path.read_bytes(), path.name).layout == layout


def test_a_sixth_layout_dagsordenspunkt_with_inline_labels() -> None:
    path = FIXTURES / "layouts" / "dagsordenspunkt_inline_labels.txt"
    doc = read_minutes(path.read_bytes(), path.name)
    m = doc.meeting
    assert (m.municipality, m.municipality_source) == ("Odsherred", "stated")
    assert (m.committee, m.kind, str(m.date)) == ("Kommunalbestyrelsen", "referat", "2023-03-14")
    assert (str(m.start_time), str(m.end_time)) == ("17:00:00", "19:30:00")
    assert m.place == "Byrådssalen, Nyvej 22, 4573 Højby"
    assert [(p.name, p.party) for p in m.participants] == [
        ("Anne Hansen", "A"),
        ("Bo Jensen", "V"),
        ("Carl Nielsen", "F"),
    ]
    assert [(a.name, a.reason) for a in m.absences] == [("Dorte Madsen", "afbud")]
    assert [(i.number, i.title, i.closed) for i in m.items] == [
        (1, "Godkendelse af dagsorden", False),
        (2, "Budgetopfølgning 1. kvartal 2023", False),
        (3, "Salg af grund i Højby", True),
        (4, "Eventuelt", False),
    ]
    second = m.items[1]
    assert [c.serial for c in second.case_numbers] == ["23-004567"]
    assert [s.label for s in second.sections] == [
        "sagsfremstilling",
        "økonomi",
        "indstilling",
        "beslutning",
        "bilag",
    ]
    assert second.decision is not None
    assert second.decision.text.startswith("Taget til efterretning.")
    assert [(a.name, a.reason) for a in second.absences] == [("Bo Jensen", "deltog ikke")]
    assert [a.title for a in second.attachments] == ["Budgetopfølgning 1. kvartal 2023"]
    assert "page-footers" in doc.layout


def test_a_seventh_layout_numbered_with_parentheses() -> None:
    path = FIXTURES / "layouts" / "numbered_paren_labels.txt"
    doc = read_minutes(path.read_bytes(), path.name)
    m = doc.meeting
    assert (m.kind, m.committee, str(m.date)) == (
        "dagsorden",
        "Teknik- og Miljøudvalget",
        "2023-10-03",
    )
    # "7400 Herning" is no "Herning Kommune", but the postal address of the meeting place
    assert (m.municipality, m.municipality_source) == ("Herning", "inferred")
    assert [(p.name, p.party, p.role) for p in m.participants] == [
        ("Karen Lund", "A", "formand"),
        ("Peter Skov", "V", None),
        ("Mads Berg", "SF", None),
    ]
    assert [i.title for i in m.items] == [
        "Godkendelse af dagsorden",
        "Ny affaldsordning",
        "Orientering fra formanden",
    ]
    second = m.items[1]
    assert [(c.kle, c.facet, c.serial) for c in second.case_numbers] == [
        ("06.00.00", "G01", "12-23")
    ]
    assert [s.label for s in second.sections] == [
        "baggrund",
        "vurdering",
        "indstilling",
        "beslutning",
        "bilag",
    ]
    assert [a.title for a in second.attachments] == [
        "Udkast til regulativ",
        "Tidsplan for indførelse",
    ]
    assert [(a.name, a.reason) for a in second.absences] == [("Mads Berg", "deltog ikke")]
    assert doc.layout.startswith("number-paren")


def test_only_loader_errors_for_text_that_is_not_minutes() -> None:
    with pytest.raises(LoaderError, match="no agenda items found"):
        parse.parse_minutes("")
