"""The synthetic corpus of bench.generate: deterministic, all five layouts, true weekdays,
a real municipality in every file."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

from bench.danish import MONTHS, WEEKDAYS
from bench.generate import generate, generate_one, main, write_corpus
from bench.layouts import LAYOUTS

KOMMUNER = Path(__file__).resolve().parents[2] / "loaders" / "data" / "kommuner.csv"
# "Onsdag d. 08. juni 2022", "Onsdag den 8. januar 2020": a weekday, then the date in words
WRITTEN_DATE = re.compile(
    rf"\b(?P<weekday>{'|'.join(WEEKDAYS)}) (?:d\.|den) (?P<day>\d{{1,2}})\. "
    rf"(?P<month>{'|'.join(MONTHS)}) (?P<year>\d{{4}})\b",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def corpus() -> list:
    return list(generate(20, seed=11))


def municipality_names() -> list[str]:
    with KOMMUNER.open(encoding="utf-8", newline="") as handle:
        return [row["navn"] for row in csv.DictReader(handle)]


def named_municipalities(text: str) -> set[str]:
    """Municipalities of the list that the text names as "<Name> Kommune"."""
    found = set()
    for name in municipality_names():
        written = "Københavns" if name == "København" else re.escape(name)
        if re.search(rf"(?<![\wæøåÆØÅ-]){written} Kommune", text):
            found.add(name)
    return found


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    first = write_corpus(12, tmp_path / "a", seed=5)
    second = write_corpus(12, tmp_path / "b", seed=5)
    assert first == second
    for name, _, _ in first:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_one_file_does_not_depend_on_the_others() -> None:
    assert generate_one(7, seed=5).text == list(generate(7, seed=5))[-1].text


def test_another_seed_other_text() -> None:
    assert generate_one(1, seed=1).text != generate_one(1, seed=2).text


def test_small_corpus_has_all_five_layouts(corpus: list) -> None:
    assert {g.meeting.layout for g in corpus[:5]} == {layout.NAME for layout in LAYOUTS}
    for generated in corpus:
        markdown = generated.meeting.layout.startswith("markdown")
        assert generated.name.endswith(".md" if markdown else ".txt")
        assert re.fullmatch(r"minutes-\d{5}\.(txt|md)", generated.name)


def test_weekday_names_match_dates(corpus: list) -> None:
    layouts_with_weekdays = set()
    for generated in corpus:
        for match in WRITTEN_DATE.finditer(generated.text):
            month = [m.lower() for m in MONTHS].index(match["month"].lower()) + 1
            day = dt.date(int(match["year"]), month, int(match["day"]))
            assert match["weekday"].lower() == WEEKDAYS[day.weekday()], match.group()
            layouts_with_weekdays.add(generated.meeting.layout)
    # every layout but the web page prints the meeting's weekday
    assert layouts_with_weekdays == {layout.NAME for layout in LAYOUTS} - {"web"}


def test_meeting_date_is_in_the_text(corpus: list) -> None:
    for generated in corpus:
        day = generated.meeting.date
        assert 2015 <= day.year <= 2026
        assert f"{day.day:02d}-{day.month:02d}-{day.year}" in generated.text or (
            f"{day.day}. {MONTHS[day.month - 1]} {day.year}" in generated.text
        )


def test_every_file_names_its_municipality(corpus: list) -> None:
    names = set(municipality_names())
    for generated in corpus:
        assert generated.meeting.municipality in names
        assert generated.meeting.municipality in named_municipalities(generated.text)


def test_98_files_name_all_98_municipalities() -> None:
    assert {g.meeting.municipality for g in generate(98, seed=3)} == set(municipality_names())


def test_sizes_and_item_counts_are_like_the_samples(corpus: list) -> None:
    for generated in corpus:
        assert 12_000 < len(generated.text.encode()) < 40_000
        numbers = [item.number for item in generated.meeting.items]
        assert numbers == list(range(1, len(numbers) + 1))
        assert 5 <= len(numbers) <= 14


def test_command_line_refuses_a_folder_in_use(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_text("x")
    with pytest.raises(SystemExit):
        main(["--n", "2", "--out", str(tmp_path)])


def test_command_line_writes_the_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--n", "6", "--out", str(tmp_path / "c")]) == 0
    assert len(list((tmp_path / "c").iterdir())) == 6
    assert "wrote 6 files" in capsys.readouterr().out
