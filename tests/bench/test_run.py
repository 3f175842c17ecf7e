"""bench.run, bench.measure and bench.report without running the real load."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from bench.measure import Measurement, disk_usage, measure
from bench.report import append, layout_of, section
from bench.run import Benchmark, Round, parse_load_output

LOAD_OUTPUT = """\
loaded     corpus/minutes-00001.txt  (punkt-colon)
failed     corpus/minutes-00002.txt: no agenda items found
failed     corpus/minutes-00007.txt: no agenda items found
failed     corpus/minutes-00003.md: a header date that does not exist
1 loaded, 0 skipped, 3 failed in 1.5 s
"""


def fake_measurement(seconds: float, exit_code: int = 0) -> Measurement:
    return Measurement(("x",), exit_code, seconds, seconds * 1.5, 100_000_000, 150_000_000, 3)


def test_parse_load_output() -> None:
    summary, failures = parse_load_output(LOAD_OUTPUT)
    assert summary == (1, 0, 3, 1.5)
    assert failures[0] == ("corpus/minutes-00002.txt", "no agenda items found")
    assert len(failures) == 3


def test_layout_of_a_generated_file() -> None:
    assert layout_of("x/minutes-00001.txt") == "pdf-toc"
    assert layout_of("minutes-00007.txt") == "web"
    assert layout_of("minutes-00005.txt") == "pdf-footer"


def test_report_lists_failed_files_and_ratio(tmp_path: Path) -> None:
    summary, failures = parse_load_output(LOAD_OUTPUT)
    round_ = Round(fake_measurement(10.0, exit_code=1), summary, failures, "")
    round_.quads, round_.reference = 1000, fake_measurement(4.0)
    round_.reference_quads, round_.reference_inner = 1000, 3.5
    bench = Benchmark(
        argv=["--n", "4"],
        n=4,
        seed=0,
        corpus_bytes=100_000,
        corpus_summary="4 files",
        generate_seconds=0.1,
        load_command="referatgraf load",
        machine=dict.fromkeys(("nproc", "RAM", "CPU", "OS", "load average"), "?")
        | {"Python": "3", "pyoxigraph": "0.5", "referatgraf": "0.1"},
        started=dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC),
        rounds=[round_],
    )
    text = section(bench)
    assert "| wall time | 10.00 s | 4.00 s | 2.50x |" in text
    assert "Failed files: 3 (load exit status 1)." in text
    assert "- no agenda items found (2): minutes-00002.txt, minutes-00007.txt" in text
    assert "By layout: markdown-html 1, web 2" in text
    docs = tmp_path / "benchmarks.md"
    append(docs, text)
    append(docs, text)
    assert docs.read_text(encoding="utf-8").startswith("# Benchmarks")
    assert docs.read_text(encoding="utf-8").count("## 2026-01-02 03:04 UTC") == 2
    assert "side index" not in text  # the load built its own: no row of its own


def test_report_times_the_side_index_apart_after_a_no_index_load() -> None:
    summary, failures = parse_load_output(LOAD_OUTPUT)
    round_ = Round(fake_measurement(10.0), summary, failures, "")
    round_.quads, round_.reference = 1000, fake_measurement(4.0)
    round_.index = fake_measurement(2.0)
    bench = Benchmark(
        argv=["--n", "4", "--no-index"],
        n=4,
        seed=0,
        corpus_bytes=100_000,
        corpus_summary="4 files",
        generate_seconds=0.1,
        load_command="referatgraf load --no-index",
        machine=dict.fromkeys(("nproc", "RAM", "CPU", "OS", "load average"), "?")
        | {"Python": "3", "pyoxigraph": "0.5", "referatgraf": "0.1"},
        started=dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC),
        rounds=[round_],
    )
    text = section(bench)
    assert "| wall time | 10.00 s | 4.00 s | 2.50x |" in text
    assert (
        "| pages' side index after the load (`referatgraf index --full`) | 2.00 s |  | 0.50x |"
        in text
    )
    assert "| load and side index together, median of the rounds' ratios |  |  | 3.00x |" in text


def test_measure_sees_the_memory_of_a_child_of_the_child(tmp_path: Path) -> None:
    grandchild = "x = bytearray(200_000_000); x[::4096] = b'1' * len(x[::4096])"
    child = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {grandchild!r}])"
    result = measure(
        [sys.executable, "-c", child], tmp_path / "out", tmp_path / "err", interval=0.01
    )
    assert result.exit_code == 0
    assert result.max_rss > 200_000_000  # the grandchild's peak, reported through wait4
    assert result.seconds > 0


def test_disk_usage_counts_blocks(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"x" * 10_000)
    assert disk_usage(tmp_path) >= 10_000
