"""Issue 17's acceptance for law citations: precision and recall of law mentions against the
hand-written golden files of the five samples and the law citation fixtures
(``tests/loaders/golden_mentions/layouts/``), every misspelling the act meant or a candidate,
never another act; and the citation rules on their own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.mentions import Mention, find_mentions
from loaders.mentions.actnames import _NOT_ACTS, compound_key
from loaders.mentions.scoring import Sample, Score, load_sample, report_lines, score
from loaders.read import read_minutes
from loaders.reference.forms import slugify

ROOT = Path(__file__).resolve().parents[3]
GOLDEN = ROOT / "tests" / "loaders" / "golden_mentions"
LAYOUTS = ROOT / "tests" / "loaders" / "layouts"
SAMPLES = ROOT / "referatgraf" / "samples"
FIXTURES = sorted((GOLDEN / "layouts").glob("lawa_*.yaml"))
ON = dt.date(2023, 9, 12)


@pytest.fixture(scope="module")
def samples() -> list[Sample]:
    found = [load_sample(p, SAMPLES) for p in sorted(GOLDEN.glob("*.yaml"))]
    return found + [load_sample(p, LAYOUTS) for p in FIXTURES]


@pytest.fixture(scope="module")
def result(samples: list[Sample]) -> Score:
    found = score(samples, ("law",))
    print("\n" + "\n".join(report_lines(samples, found)))  # noqa: T201 - the issue's report
    return found


def test_the_golden_files_cover_every_committee_and_the_misspellings() -> None:
    assert [p.stem for p in FIXTURES] == [
        "lawa_children",
        "lawa_finance",
        "lawa_misspellings",
        "lawa_social",
        "lawa_technical",
    ]


def test_law_precision_and_recall(samples: list[Sample], result: Score) -> None:
    expected = sum(1 for s in samples for e in s.expected if e.entity_type == "law")
    assert expected == 94  # 14 in the samples, 80 in the fixtures
    assert result.hits["law"] == 94
    assert result.precision("law") >= 0.95, result.table()
    assert result.recall("law") >= 0.9, result.table()


def test_no_citation_resolves_to_a_wrong_act(result: Score) -> None:
    assert result.wrong_acts == []


def test_every_misspelling_is_the_act_meant_or_a_candidate(
    samples: list[Sample], result: Score
) -> None:
    misspelt = [e for s in samples for e in s.expected if e.misspelled]
    assert len(misspelt) == 13
    missed = [e.anchor for _, e in result.missed if e.misspelled]
    assert missed == []


def test_provisions_and_elis_are_right_wherever_the_law_is(result: Score) -> None:
    assert result.wrong_provisions == []
    assert result.wrong_eli == []


def test_a_title_goes_on_after_a_comma_to_its_m_v(result: Score) -> None:
    """ "Bekendtgørelse om kommunernes budget- og regnskabsvæsen, revision m.v." is one title."""
    assert result.missed == []
    assert result.false == []


def _laws(text: str, on: dt.date | None = ON) -> list[tuple[str, str, bool]]:
    return [
        (m.anchor_text, m.entity_key, m.candidate)
        for m in find_mentions(text, on=on)
        if m.entity_type == "law"
    ]


def _law_mentions(path: Path) -> list[Mention]:
    doc = read_minutes(path.read_bytes(), path.name)
    return [
        m
        for item in doc.meeting.items
        for text in item.mentions
        for m in text.mentions
        if m.entity_type == "law"
    ]


def test_a_candidate_act_from_two_municipalities_is_one_act() -> None:
    """Køge prints "hundeloven", Aalborg "hunde-lovens": the loader gives both one key."""
    koege = [m for m in _law_mentions(LAYOUTS / "lawa_technical.txt") if "hunde" in m.anchor_text]
    aalborg = [m for m in _law_mentions(LAYOUTS / "lawa_children.txt") if "hunde" in m.anchor_text]
    assert [(m.anchor_text, m.entity_key, m.name) for m in koege + aalborg] == [
        ("hundeloven", "hundeloven", "hundeloven"),
        ("hunde-lovens", "hundeloven", "hundeloven"),
    ]
    assert all(m.candidate for m in koege + aalborg)


@pytest.mark.parametrize(
    "text",
    [
        "Medarbejderen er på barselsorlov og holder forældreorlov, uddannelsesorloven udløber.",
        "Det er ren tyngdeloven og Janteloven, og naturlovene gælder.",
        "Skattelovene og miljølovene er mange; særloven og ændringsloven er vedtaget.",
        "Hr. Sokolov og fru Pavlov deltog.",
        "Efter loven skal der være en lov om, at borgerne høres, og en lov om at styrke det.",
        "lovgivningen, lovforslaget, lovkravet og en lovbekendtgørelse",
        "Planlovsændringen og vejlovsreformen er drøftet.",
        "Ændringsloven, følgeloven og en tillægslov til rammeloven.",
    ],
)
def test_words_that_name_no_act_are_no_citations(text: str) -> None:
    assert _laws(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # written apart: only a known act's name, never "efterloven"
        ("Efter loven og Service loven.", [("Service loven", "serviceloven", False)]),
        # a misspelling two edits from skovloven is not skovloven
        ("Skoleloven gælder.", [("Skoleloven", "skoleloven", True)]),
        ("lejeloven gælder", [("lejeloven", "lejeloven", True)]),
        # a misspelling a letter from a listed act is that act
        ("efter forvaltnigsloven", [("forvaltnigsloven", "forvaltningsloven", False)]),
        # too short to tell one letter from another word
        (
            "efter vejlovn og vjeloven",
            [("vejlovn", "vejloven", False), ("vjeloven", "vjeloven", True)],
        ),
    ],
)
def test_spellings(text: str, expected: list[tuple[str, str, bool]]) -> None:
    assert _laws(text) == expected


def test_an_enactment_names_its_act_by_number_and_date_or_is_a_candidate() -> None:
    found = find_mentions("jf. lov nr. 548 af 7. maj 2019 og LBK nr. 548 af 7. maj 2019", on=ON)
    assert [(m.entity_key, m.candidate, m.enactment, m.eli) for m in found] == [
        (
            "lab-2019",
            False,
            "LOV nr 548 af 07/05/2019",
            "https://www.retsinformation.dk/eli/lta/2019/548",
        ),
        (
            "lbk-nr-548-af-07-05-2019",
            True,
            "LBK nr 548 af 07/05/2019",
            "https://www.retsinformation.dk/eli/lta/2019/548",
        ),
    ]


def test_an_enactment_after_another_act_and_og_is_its_own() -> None:
    found = find_mentions("efter serviceloven og BEK nr. 1 af 2/1/2020", on=ON)
    assert [(m.entity_key, m.candidate) for m in found] == [
        ("serviceloven", False),
        ("bek-nr-1-af-02-01-2020", True),
    ]


def test_an_amending_act_printed_with_its_enactment_is_a_candidate_of_its_own() -> None:
    text = "Lov nr. 1750 af 29/12/2025 om ændring af lov om en aktiv beskæftigelsesindsats."
    (found,) = find_mentions(text, on=dt.date(2026, 2, 1))
    assert (found.anchor_text, found.name, found.candidate, found.eli) == (
        text[:-1],
        "lov om ændring af lov om en aktiv beskæftigelsesindsats",
        True,
        "https://www.retsinformation.dk/eli/lta/2025/1750",
    )


def test_no_enactment_without_a_date_that_exists() -> None:
    assert _laws("lov nr. 548 af 30. februar 2019 og lov nr. 12") == []


@pytest.mark.parametrize(
    ("text", "on", "key"),
    [
        # the enactment names the act, whatever the meeting date
        ("lov nr. 419 af 10. juni 2003 om en aktiv beskæftigelsesindsats", ON, "lab-2003"),
        # a consolidation's title is the act's
        ("lovbekendtgørelse nr. 170 af 24. januar 2022 om social service", ON, "serviceloven"),
        # the act named after its consolidation
        ("LBK nr. 1287 af 28/08/2020 af lov om social service", ON, "serviceloven"),
        ("LBK nr. 1287 af 28/08/2020 (serviceloven)", ON, "serviceloven"),
    ],
)
def test_an_enactment_with_its_act(text: str, on: dt.date, key: str) -> None:
    enacted = [m for m in find_mentions(text, on=on) if m.enactment]
    assert [(m.entity_key, m.candidate) for m in enacted] == [(key, False)]


STEMS = st.text(alphabet="abdefghijklmnprstuvyæø", min_size=4, max_size=14).filter(
    lambda s: not s.endswith("or") and s not in _NOT_ACTS and not s.endswith("lov")
)


@settings(max_examples=200, deadline=None)
@given(stem=STEMS, on=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 1, 1)))
def test_every_spelling_of_an_act_is_one_act(stem: str, on: dt.date) -> None:
    """Case, hyphen, genitive and the indefinite form never make another act."""
    spellings = [
        f"{stem}loven",
        f"{stem}lovens",
        f"{stem}-loven",
        f"{stem.capitalize()}-lovens",
        f"{stem.upper()}LOVEN",
        f"{stem}lov",
    ]
    found = {
        (m.entity_key, m.candidate)
        for spelling in spellings
        for m in find_mentions(f"Efter {spelling} gælder § 5.", on=on)
        if m.entity_type == "law"
    }
    assert len(found) <= 1, found
    if found and next(iter(found))[1]:
        assert found == {(slugify(compound_key(stem)), True)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two candidates: the compound names the act
        (
            "Efter lov om hunde (hundeloven) og hundeloven.",
            [("hundeloven", True)] * 3,
        ),
        ("Efter hunde-loven (lov om hunde).", [("hundeloven", True)] * 2),
        # a reference act's name and a candidate: the reference act
        ("Lov om social service (SEL-loven) gælder.", [("serviceloven", False)] * 2),
        # no parentheses, no link
        ("Efter lov om hunde og hundeloven.", [("lov-om-hunde", True), ("hundeloven", True)]),
    ],
)
def test_a_name_in_parentheses_after_another_is_the_same_act(
    text: str, expected: list[tuple[str, bool]]
) -> None:
    found = [(m.entity_key, m.candidate) for m in find_mentions(text, on=ON)]
    assert found == expected
