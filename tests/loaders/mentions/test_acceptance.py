"""Issue 3's acceptance points that are the loaders' to meet, through the real loader: each
sample read with :func:`loaders.read.read_minutes`, every item's texts (title, sections,
decisions, treatments, attachment titles) searched with the meeting date and attendance lists.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import pytest

from loaders.mentions import Mention, find_item_mentions, find_mentions
from loaders.model import AgendaItem, MinutesDocument
from loaders.read import read_minutes

SAMPLES = Path(__file__).resolve().parents[3] / "referatgraf" / "samples"


def item_texts(item: AgendaItem) -> list[str]:
    """The texts of an item a mention can be in."""
    texts = [item.title, *(s.text for s in item.sections), *(a.title for a in item.attachments)]
    decisions = [item.decision] if item.decision else []
    texts += [d.text for d in [*decisions, *item.other_decisions, *item.treatments]]
    return texts


def attendance(doc: MinutesDocument) -> list[str]:
    """The names on the meeting's attendance and absence lists."""
    m = doc.meeting
    names = [p.name for p in m.participants] + [a.name for a in m.absences]
    return names + [a.name for item in m.items for a in item.absences]


@pytest.fixture(scope="module")
def loaded() -> dict[str, tuple[MinutesDocument, list[tuple[str, Mention]]]]:
    """Per sample: the document and every (text, mention) of its items."""
    found: dict[str, tuple[MinutesDocument, list[tuple[str, Mention]]]] = {}
    for path in sorted(SAMPLES.glob("*.txt")):
        doc = read_minutes(path.read_bytes(), path.name)
        pairs: list[tuple[str, Mention]] = []
        for item in doc.meeting.items:
            texts = item_texts(item)
            for text, mentions in zip(
                texts,
                find_item_mentions(texts, on=doc.meeting.date, people=attendance(doc)),
                strict=True,
            ):
                pairs += [(text, m) for m in mentions]
        found[path.name[:3]] = (doc, pairs)
    return found


def _municipalities_mentioning(
    loaded: dict[str, tuple[MinutesDocument, list[tuple[str, Mention]]]], key: str
) -> dict[str, list[str]]:
    where: dict[str, list[str]] = defaultdict(list)
    for sample, (doc, pairs) in loaded.items():
        if any(m.entity_key == key for _, m in pairs):
            where[str(doc.meeting.municipality)].append(sample)
    return dict(where)


def test_the_substring_invariant_holds_in_every_item_text(loaded: dict) -> None:  # type: ignore[type-arg]
    for _, pairs in loaded.values():
        for text, m in pairs:
            assert text[m.begin : m.end] == m.anchor_text


def test_klapjob_is_one_entity_from_two_municipalities(loaded: dict) -> None:  # type: ignore[type-arg]
    where = _municipalities_mentioning(loaded, "klapjob")
    assert where == {"Lemvig": ["000"], "Lejre": ["002"]}


def test_flere_skal_med_from_at_least_two_municipalities(loaded: dict) -> None:  # type: ignore[type-arg]
    assert len(_municipalities_mentioning(loaded, "flere-skal-med")) >= 2


def test_the_2019_act_from_meetings_after_2020_in_two_municipalities(loaded: dict) -> None:  # type: ignore[type-arg]
    where = _municipalities_mentioning(loaded, "lab-2019")
    assert len(where) >= 2
    for samples in where.values():
        for sample in samples:
            date = loaded[sample][0].meeting.date
            assert date is not None
            assert date >= dt.date(2020, 1, 1)
    assert all(m.entity_key != "lab-2003" for _, (_, pairs) in loaded.items() for _, m in pairs)


def test_lov_om_social_service_from_holstebro(loaded: dict) -> None:  # type: ignore[type-arg]
    doc, pairs = loaded["003"]
    assert doc.meeting.municipality == "Holstebro"
    assert doc.meeting.date == dt.date(2019, 10, 23)
    cited = [m for _, m in pairs if m.entity_key == "serviceloven"]
    assert ("§ 103", "§ 104") in {m.provisions for m in cited}


def test_on_the_holstebro_date_the_employment_act_is_the_2003_era_one() -> None:
    found = find_mentions("jf. § 91 i beskæftigelsesloven", on=dt.date(2019, 10, 23))
    assert [(m.entity_key, m.provisions) for m in found] == [("lab-2003", ("§ 91",))]
