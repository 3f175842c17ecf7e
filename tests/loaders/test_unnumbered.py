"""Items printed without numbers: at blocks of case-number and access lines, and where the run
of section labels starts again."""

from __future__ import annotations

from loaders.parse import parse_minutes
from loaders.rules.parse_state import ParseState
from loaders.rules.sections import mark_labels
from loaders.rules.unnumbered import find_items, single_item


def _items(text: str) -> list[tuple[int | None, str, bool]]:
    meeting, _, _ = parse_minutes(text, municipality="Lemvig")
    return [(i.number, i.title, i.closed) for i in meeting.items]


def test_title_after_the_case_number() -> None:
    text = (
        "Referat\nByrådet\n\nSagsnr.: 22-000001\nGodkendelse\nBeslutning\nGodkendt.\n\n"
        "Sagsnr.: 22-000002\nSalg af grund\nBeslutning\nGodkendt.\n"
    )
    assert _items(text) == [(None, "Godkendelse", False), (None, "Salg af grund", False)]


def test_title_before_and_closed_by_the_access_line() -> None:
    text = (
        "Referat\nByrådet\n\nGodkendelse\nSagsnr.: 22-000001\nÅben\nBeslutning\nGodkendt.\n\n"
        "Personalesag\nSagsnr.: 22-000002\nLukket\nBeslutning\nGodkendt.\n"
    )
    assert _items(text) == [(None, "Godkendelse", False), (None, "Personalesag", True)]


def test_item_spans_start_at_the_title_or_the_case_number() -> None:
    text = "Referat\n\nSagsnr.: 22-000001\nA\nBeslutning\nGodkendt.\n\nSagsnr.: 22-000002\n"
    state = ParseState.from_text(text + "B\nBeslutning\nGodkendt.\n")
    mark_labels(state)
    found = find_items(state)
    assert [(h.line, h.title, h.body_start, h.last_line) for h in found] == [
        (2, "A", 2, 3),
        (7, "B", 7, 8),
    ]


def test_one_block_is_not_enough() -> None:
    state = ParseState.from_text("Referat\n\nSagsnr.: 22-000001\nA\nBeslutning\nGodkendt.\n")
    mark_labels(state)
    assert find_items(state) == []


def test_label_runs_without_titles_before_a_decision() -> None:
    text = (
        "Referat\nByrådet\n\nBudget\nSagsfremstilling\nTekst.\nBeslutning\nGodkendt\n\n"
        "Regnskab\nSagsfremstilling\nTekst.\nBeslutning\nGodkendt.\n"
    )
    assert _items(text) == [(None, "Budget", False), (None, "Regnskab", False)]


def test_two_decisions_of_one_item_are_one_item() -> None:
    text = (
        "Referat\nByrådet\n\nBudget\nSagsfremstilling\nTekst.\n"
        "Beslutning i Økonomiudvalget den 02-05-2022\nAnbefales.\n"
        "Beslutning i Byrådet den 10-05-2022\nGodkendt.\n\n"
        "Regnskab\nSagsfremstilling\nTekst.\nBeslutning i Byrådet den 10-05-2022\nGodkendt.\n"
    )
    assert _items(text) == [(None, "Budget", False), (None, "Regnskab", False)]


_HEADER = "Referat\nByrådet\nMødedato: 12. juni 2024\n\n"
_ITEM = "Salg af grund\nSagsnr.: 24/2211\nÅben\nBeslutning\nGodkendt.\n"


def test_one_item_under_a_meeting_header() -> None:
    assert _items(_HEADER + _ITEM) == [(None, "Salg af grund", False)]


def test_one_block_without_a_meeting_header_is_no_item() -> None:
    # A letter or a notice prints a case number and headings too: not minutes.
    state = ParseState.from_text("Høringssvar\n\n" + _ITEM)
    mark_labels(state)
    assert single_item(state) == []


def test_one_block_inside_a_section_or_without_sections_is_no_item() -> None:
    inside = _HEADER + "Sagsfremstilling\nSe tidligere sag.\n" + _ITEM
    bare = _HEADER + "Salg af grund\nSagsnr.: 24/2211\nÅben\nSagen er trukket.\n"
    for text in (inside, bare):
        state = ParseState.from_text(text)
        mark_labels(state)
        assert single_item(state) == []


_SECTIONS = "Sagsfremstilling\nTekst.\nBeslutning\nGodkendt.\n"


def test_one_item_by_its_title_before_its_sections() -> None:
    assert _items(_HEADER + "Salg af grund\n" + _SECTIONS) == [(None, "Salg af grund", False)]


def test_one_titled_run_of_labels_needs_a_header_a_title_and_a_decision() -> None:
    for text in (
        "Høringssvar\n\nSalg af grund\n" + _SECTIONS,  # no meeting header
        _HEADER + "Sagsfremstilling\nTekst.\nIndstilling\nTekst.\n",  # no decision
        _HEADER + "Mødet blev holdt på rådhuset.\n" + _SECTIONS,  # a sentence, no title
    ):
        state = ParseState.from_text(text)
        mark_labels(state)
        assert single_item(state) == [], text


def test_a_title_with_its_access_in_parentheses() -> None:
    text = (
        "Referat\nByrådet\n\nGodkendelse\nSagsnr.: 22-000001\nÅben\nBeslutning\nGodkendt.\n\n"
        "Køb af ejendom (Lukket punkt)\nSagsnr.: 22-000002\nLukket\nBeslutning\nGodkendt.\n"
    )
    assert _items(text) == [(None, "Godkendelse", False), (None, "Køb af ejendom", True)]


_NUMBERED = (
    "Referat\nByrådet\nMødedato: 3. marts 2024\n\n1. Godkendelse af dagsorden\nSagsnr.: 24/1\n"
    "Beslutning\nGodkendt.\n\n2. Budget 2025\nSagsnr.: 24/2\nSagsfremstilling\nTekst.\n"
)
_LAST = "\n3. Eventuelt\nSagsnr.: 24/3\nBeslutning\nIntet.\n"


def test_among_numbered_where_the_label_run_starts_again() -> None:
    text = _NUMBERED + (
        "Beslutning\nGodkendt.\n\nMeddelelser\nSagsfremstilling\nOm vejarbejdet.\n"
        "Beslutning\nTaget til efterretning.\n"
    )
    assert [(n, t) for n, t, _ in _items(text + _LAST)] == [
        (1, "Godkendelse af dagsorden"),
        (2, "Budget 2025"),
        (None, "Meddelelser"),
        (3, "Eventuelt"),
    ]


def test_a_short_decision_or_a_second_round_is_no_item_among_numbered() -> None:
    # The decision's text before the opening label, and a second decision of the same item
    # after a short one ("Anbefales"): no title line stands between.
    second = (
        "Beslutning i Økonomiudvalget\nAnbefales.\n\nSagsfremstilling\nSupplerende tekst.\n"
        "Beslutning i Byrådet\nGodkendt.\n"
    )
    short = "Beslutning\nGodkendt\nSagsfremstilling\nTekst.\nBeslutning\nGodkendt.\n"
    for middle in (second, short):
        assert [n for n, _, _ in _items(_NUMBERED + middle + _LAST)] == [1, 2, 3]
