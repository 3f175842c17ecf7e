"""`referatgraf inspect`: the document model as the loader sees it, without a store."""

from __future__ import annotations

from pathlib import Path

from .conftest import SAMPLE_FILES, referatgraf


def test_inspect_prints_the_model_with_its_spans(tmp_path: Path) -> None:
    ran = referatgraf("inspect", SAMPLE_FILES[4])
    assert ran.code == 0, ran.out + ran.err
    lines = ran.out.splitlines()
    assert lines[0].startswith("004_78f46f7a40cfaabc.txt: text/markdown, utf-8, 33875 bytes")
    header = lines[1 : lines.index("items: 11")]
    assert (
        '  date          2020-01-08                       line 11     "Onsdag den 8. januar 2020"'
        in header
    )
    assert '  municipality  Lejre (stated)                   line 54     "Lejre Kommune"' in header
    assert "table of contents: 11 entries" in header
    first = lines.index("items: 11") + 1
    assert lines[first] == "  1  Godkendelse af dagsorden [prefix JA]         lines 40-52"
    assert lines[-2:] == [
        "date 2020-01-08 (header, line 11); committee Udvalget for Job & Arbejdsmarked "
        "(header, line 5); municipality Lejre (stated, line 54)",
        "11 items, 11 decisions, 74 sections",
    ]
    assert not (tmp_path / "store").exists()


def test_inspect_reports_each_file_and_fails_only_the_bad_one(tmp_path: Path) -> None:
    bad = tmp_path / "poem.txt"
    bad.write_text("Det er hvidt herude,\nkyndelmisse slår sin knude.\n", encoding="utf-8")
    bare = tmp_path / "bare.txt"
    bare.write_text("Punkt 1: Godkendelse\nBeslutning\nGodkendt.\n", encoding="utf-8")
    ran = referatgraf("inspect", bad, bare, tmp_path / "nope.txt")
    assert ran.code == 1
    assert f"failed     {tmp_path / 'nope.txt'}: no such file or folder" in ran.out
    assert f"failed     {bad}: not minutes" in ran.out
    assert "  1  Godkendelse                                  lines 1-3" in ran.out
    assert "warning: no meeting date found: loaded without a date" in ran.out
    assert "Traceback" not in ran.err
