"""``referatgraf inspect``'s picture of the model (loaders/inspect_text.py): besides the header,
items, sections and decisions, who arrived, left, stood in or voted how, each with the line it
was read from."""

from __future__ import annotations

from loaders.inspect_text import describe
from loaders.read import read_minutes

VOTES = """Lemvig Kommune
Referat
Byrådet
Mødedato: 3. marts 2021
Deltagere: Anna Holm (A), Bo Lund (V), Carl Berg (O)
Afbud: Dorte Kjær (F)

1. Budget 2022
Beslutning
For stemte: A, V og O (15)
Imod stemte: F og Ø (6)
Indstillingen blev vedtaget. Mette Dal (F) deltog som stedfortræder for Dorte Kjær.

2. Godkendelse af regnskab
Beslutning
Godkendt. Carl Berg (O) ankom kl. 16.30 under punkt 2. Bo Lund forlod mødet under punkt 2.
"""


def _rows(text: str) -> list[str]:
    shown = describe(read_minutes(text.encode(), "votes.txt"))
    return [" ".join(line.split()) for line in shown.splitlines()]


def test_votes_are_listed_under_their_decision_one_position_a_row() -> None:
    rows = _rows(VOTES)
    start = rows.index("1 Budget 2022 lines 8-12")
    assert rows[start + 3 : start + 10] == [
        'vote for: A line 10 "For stemte: A, V og O (15)"',
        'vote for: V line 10 "For stemte: A, V og O (15)"',
        'vote for: O line 10 "For stemte: A, V og O (15)"',
        'vote for: (not named) (15) line 10 "For stemte: A, V og O (15)"',
        'vote imod: F line 11 "Imod stemte: F og Ø (6)"',
        'vote imod: Ø line 11 "Imod stemte: F og Ø (6)"',
        'vote imod: (not named) (6) line 11 "Imod stemte: F og Ø (6)"',
    ]


def test_a_substitute_names_whom_they_stood_in_for() -> None:
    assert 'substitute Mette Dal (F, for Dorte Kjær) line 12 "Mette Dal"' in _rows(VOTES)


def test_arrivals_and_departures_keep_their_time_and_item() -> None:
    rows = _rows(VOTES)
    start = rows.index("2 Godkendelse af regnskab lines 14-16")
    assert rows[start + 3 :][:2] == [
        'arrived Carl Berg (O, kl. 16.30, punkt 2) line 16 "Carl Berg"',
        'left Bo Lund (punkt 2) line 16 "Bo Lund"',
    ]


def test_members_listed_present_are_not_repeated_as_attendance() -> None:
    rows = _rows(VOTES)
    assert sum(row.startswith("participant ") for row in rows) == 3
    assert not any(row.startswith("present ") for row in rows)
