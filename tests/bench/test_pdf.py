"""bench.pdf: the synthetic minutes typeset as PDFs, read four ways, and the report's figures."""

from __future__ import annotations

from pathlib import Path

from bench.pdf import corpus, main, one_round, plain_text, report


def test_corpus_pairs_text_and_pdf() -> None:
    pairs = corpus(2, seed=3)
    assert [p.name for p in pairs] == ["minutes-00001.txt", "minutes-00002.txt"]
    for pair in pairs:
        assert pair.pdf.startswith(b"%PDF-")
        assert pair.pages == len(plain_text(pair.pdf)) >= 1
        assert pair.text.decode().strip()


def test_report_gives_pages_per_second_and_the_extraction_share() -> None:
    pairs = corpus(1, seed=3)
    rounds = [(1.0, 2.0, 4.0, 1.0)]
    text = report(pairs, rounds, made=0.5)
    pages = pairs[0].pages
    assert f"| extraction alone | 2.00 s, {pages / 2:.0f} pages/s" in text
    assert "| share of the PDF's read time spent in extraction | 50% |" in text
    assert "| PDF against text | 4.00x |" in text
    assert "| 1 | 1.00 | 2.00 | 4.00 | 1.00 | 50% |" in text
    measured = one_round(pairs)
    assert len(measured) == 4
    assert all(seconds > 0 for seconds in measured)


def test_main_writes_the_corpus_without_touching_the_docs(tmp_path: Path) -> None:
    assert main(["--n", "1", "--rounds", "1", "--no-docs", "--out", str(tmp_path)]) == 0
    assert [p.name for p in (tmp_path / "pdf").iterdir()] == ["minutes-00001.txt.pdf"]
    assert [p.name for p in (tmp_path / "text").iterdir()] == ["minutes-00001.txt"]
