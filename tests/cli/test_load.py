"""`referatgraf load`: one line per file, whole documents only, idempotent, and bad input
reported without losing the good files."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.store import MinutesStore

from .conftest import SAMPLE_FILES, referatgraf

SOURCE_GRAPH = "/kilde"


WHEN_AND_BY = (
    "http://www.w3.org/ns/prov#generatedAtTime",
    "http://www.w3.org/ns/prov#wasGeneratedBy",
)


def document_graphs(store_path: Path, *, same_run: bool = True) -> dict[str, frozenset[str]]:
    """Every graph except load runs, as a set of N-Quads lines: with no blank nodes in the
    graph, the sorted lines are its canonical form. Across runs, the time and run of loading
    differ by design; ``same_run=False`` leaves them out."""
    store = MinutesStore.open_read_only(store_path)
    graphs: dict[str, set[str]] = {}
    for quad in store.quads():
        name = quad.graph_name.value
        if not same_run and quad.predicate.value in WHEN_AND_BY:
            continue
        if "/indlaesning/" not in name:
            graphs.setdefault(name, set()).add(str(quad))
    return {name: frozenset(lines) for name, lines in graphs.items()}


def test_loading_twice_changes_nothing(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = referatgraf("load", "--store", store, *SAMPLE_FILES)
    assert first.code == 0, first.out + first.err
    assert first.out.count("loaded ") == 5
    before = document_graphs(store)
    assert sum(1 for g in before if g.endswith(SOURCE_GRAPH)) == 5
    second = referatgraf("load", "--store", store, *SAMPLE_FILES)
    assert second.code == 0
    assert second.out.count("unchanged since it was loaded") == 5
    assert "0 loaded, 5 skipped, 0 failed" in second.out
    assert document_graphs(store) == before


def test_a_changed_file_replaces_only_its_graph(tmp_path: Path) -> None:
    folder = tmp_path / "minutes"
    folder.mkdir()
    for sample in SAMPLE_FILES:
        shutil.copy(sample, folder / sample.name)
    store = tmp_path / "store"
    assert referatgraf("load", "--store", store, folder).code == 0
    before = document_graphs(store)
    changed = folder / SAMPLE_FILES[4].name
    text = changed.read_text(encoding="utf-8")
    assert "Godkendt\n" in text
    changed.write_text(
        text.replace("Godkendt\n", "Godkendt uden bemærkninger\n", 1), encoding="utf-8"
    )
    ran = referatgraf("load", "--store", store, folder)
    assert ran.code == 0
    assert ran.out.count("unchanged since it was loaded") == 4
    after = document_graphs(store)
    differing = {g for g in before.keys() | after.keys() if before.get(g) != after.get(g)}
    assert len(differing) == 1
    (graph,) = differing
    assert graph.endswith("/udvalget-for-job-og-arbejdsmarked/moede/2020-01-08/kilde")
    assert any("Godkendt uden bemærkninger" in line for line in after[graph])


def test_bad_input_is_reported_per_file_and_the_good_files_load(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    good = folder / "good.txt"
    shutil.copy(SAMPLE_FILES[0], good)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "poem.txt").write_text("Det er hvidt herude,\nkyndelmisse slår sin knude.\n")
    sample = SAMPLE_FILES[4].read_bytes()
    (folder / "truncated.txt").write_bytes(sample[: len(sample) // 3])
    with (folder / "huge.txt").open("wb") as handle:
        handle.write(sample * (50_000_000 // len(sample) + 1))
    lemvig = SAMPLE_FILES[0].read_text(encoding="utf-8")
    (folder / "cp1252.txt").write_bytes(
        lemvig.replace("08-06-2022", "09-06-2022").replace("08. juni", "09. juni").encode("cp1252")
    )
    (folder / "baddate.txt").write_text(
        lemvig.replace("08-06-2022", "30-02-2022").replace("Onsdag d. 08. juni 2022", "30-02-2022"),
        encoding="utf-8",
    )
    (folder / "twodates.txt").write_text(
        lemvig.replace("Onsdag d. 08. juni 2022", "Torsdag d. 09. juni 2022"), encoding="utf-8"
    )
    ran = referatgraf("load", "--store", tmp_path / "store", folder)
    assert ran.code == 1, ran.out + ran.err
    lines = {line.split()[1].rstrip(":"): line for line in ran.out.splitlines() if line[:1] != " "}
    expected_failures = {
        "empty.txt": "empty",
        "picture.txt": "binary",
        "poem.txt": "does not look like minutes",
        "truncated.txt": "truncated",
        "huge.txt": "too large",
    }
    for name, reason in expected_failures.items():
        line = lines[str(folder / name)]
        assert line.startswith("failed"), line
        assert reason in line, line
    assert lines[str(good)].startswith("loaded")
    assert lines[str(folder / "cp1252.txt")].startswith("loaded")
    # an ambiguous header, or a date that does not exist, loads without a date, and the
    # report says why
    for name, why in (("twodates.txt", "different meeting dates"), ("baddate.txt", "not exist")):
        block = report_of(ran.out, folder / name)
        assert block[0].startswith("loaded"), block
        assert block[1].startswith("  date not found; committee Arbejdsmarkeds- og "), block
        assert "  warning: no meeting date found: loaded without a date" in block
        assert any(line.startswith("  note: ") and why in line for line in block), block
    assert "4 loaded, 0 skipped, 5 failed" in ran.out
    assert "Traceback" not in ran.err


def report_of(out: str, path: Path) -> list[str]:
    """The lines ``load`` printed for one file: its status line and the indented lines below."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line[:1] != " " and str(path) in line)
    end = next((i for i in range(start + 1, len(lines)) if lines[i][:1] != " "), len(lines))
    return lines[start:end]


def test_each_loaded_file_says_what_was_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bare.txt").write_text(
        "Lejre Kommune\n\nPunkt 1: Godkendelse af dagsorden\nBeslutning\nGodkendt.\n\n"
        "Punkt 2: Orientering\nSagsfremstilling\nSe bilag.\n",
        encoding="utf-8",
    )
    ran = referatgraf("load", "--store", tmp_path / "store", SAMPLE_FILES[4], folder)
    assert ran.code == 0, ran.out + ran.err
    assert report_of(ran.out, SAMPLE_FILES[4])[1:] == [
        "  date 2020-01-08 (header, line 11); committee Udvalget for Job & Arbejdsmarked "
        "(header, line 5); municipality Lejre (stated, line 54)",
        "  11 items, 11 decisions, 74 sections",
    ]
    assert report_of(ran.out, folder / "bare.txt")[1:] == [
        "  date not found; committee not found; municipality Lejre (stated, line 1)",
        "  2 items, 1 decision, 2 sections",
        "  warning: no meeting date found: loaded without a date",
        "  warning: no committee found: the meeting hangs on its municipality",
    ]
    store = MinutesStore.open_read_only(tmp_path / "store")
    warnings = {
        (q.object.value, q.object.language)
        for q in store.quads()
        if q.predicate.value.endswith("#readWarning")
    }
    assert warnings == {
        ("no meeting date found: loaded without a date", "en"),
        ("ingen mødedato fundet: mødet er indlæst uden dato", "da"),
        ("no committee found: the meeting hangs on its municipality", "en"),
        ("intet udvalg fundet: mødet hører kun til sin kommune", "da"),
    }


def test_a_missing_path_is_a_failure_not_a_crash(tmp_path: Path) -> None:
    ran = referatgraf("load", "--store", tmp_path / "store", SAMPLE_FILES[0], tmp_path / "nope.txt")
    assert ran.code == 1
    assert "no such file or folder" in ran.out


def test_usage_error_exits_2(tmp_path: Path) -> None:
    ran = referatgraf("load", "--store", tmp_path / "store")
    assert ran.code == 2


def _corpus(folder: Path, count: int) -> None:
    """``count`` distinct meetings made from one sample by moving its date."""
    text = SAMPLE_FILES[4].read_text(encoding="utf-8")
    folder.mkdir()
    for day in range(count):
        date = time.gmtime(1_577_836_800 + 86_400 * day)  # from 2020-01-01
        dmy = f"{date.tm_mday:02d}-{date.tm_mon:02d}-{date.tm_year}"
        months = ["januar", "februar", "marts", "april", "maj", "juni"]
        words = f"{date.tm_mday}. {months[date.tm_mon - 1]} {date.tm_year}"
        body = text.replace("08-01-2020", dmy).replace("Onsdag den 8. januar 2020", words)
        (folder / f"m{day:03d}.txt").write_text(body, encoding="utf-8")


@pytest.mark.slow
def test_killing_a_load_leaves_whole_documents(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _corpus(corpus, 80)
    reference = tmp_path / "reference"
    assert referatgraf("load", "--store", reference, corpus).code == 0
    expected = document_graphs(reference, same_run=False)
    loaded_when_killed = []
    for after in (1, 4, 9):
        store = tmp_path / f"killed-{after}"
        process = subprocess.Popen(
            [sys.executable, "-m", "referatgraf", "load", "--store", str(store),
             "--batch-size", "7", str(corpus)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"}, text=True,
        )  # fmt: skip
        assert process.stdout is not None
        with process.stdout:
            # kill once `after` batches are reported written, while later ones are under way
            batches = 0
            for line in process.stdout:
                batches += line.startswith("loaded") and 1
                if batches >= after * 7:
                    break
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        opened, _ = MinutesStore.open(store)  # removes partial documents
        whole = opened.documents()
        loaded_when_killed.append(len(whole))
        del opened
        found = document_graphs(store, same_run=False)
        for graph in (g for g in found if g.endswith(SOURCE_GRAPH)):
            assert graph in whole
            assert found[graph] == expected[graph], (
                f"{graph} differs after a kill after {after} batches"
            )
        assert set(whole) <= set(expected)
        # and loading again completes the store
        again = referatgraf("load", "--store", store, corpus)
        assert again.code == 0, again.out
        reloaded = document_graphs(store, same_run=False)
        assert {g: v for g, v in reloaded.items() if g.endswith(SOURCE_GRAPH)} == {
            g: v for g, v in expected.items() if g.endswith(SOURCE_GRAPH)
        }
    # the kills must have landed midway at least once, or this test proves nothing
    assert any(0 < n < 80 for n in loaded_when_killed), loaded_when_killed


def test_no_mentions_loads_the_structure_only(tmp_path: Path) -> None:
    ran = referatgraf("load", "--no-mentions", "--store", tmp_path / "store", *SAMPLE_FILES)
    assert ran.code == 0, ran.out
    counted = referatgraf(
        "query", "--store", tmp_path / "store",
        "PREFIX rg: <https://w3id.org/referatgraf/def#> "
        "SELECT (COUNT(DISTINCT ?m) AS ?meetings) (COUNT(DISTINCT ?x) AS ?mentions) "
        "WHERE { ?m a rg:Meeting OPTIONAL { ?x a rg:Mention } }",
    )  # fmt: skip
    assert counted.out.splitlines()[1] == "5,0"


@pytest.mark.parametrize("batch_size", ["1", "125"])
def test_two_files_of_one_meeting_in_one_run_keep_the_later(
    tmp_path: Path, batch_size: str
) -> None:
    """The same meeting twice in one run (a corrected copy beside the first): the store keeps
    the later file's graph, and the earlier file is reported replaced, whether the two were
    written in one batch or in two."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    first, second = corpus / "a.txt", corpus / "b.txt"
    text = SAMPLE_FILES[4].read_text(encoding="utf-8")
    first.write_text(text, encoding="utf-8")
    second.write_text(text + "\nRettet udgave.\n", encoding="utf-8")
    store = tmp_path / "store"
    ran = referatgraf("load", "--store", store, "--batch-size", batch_size, corpus)
    assert ran.code == 0, ran.out
    assert "1 loaded, 1 skipped, 0 failed" in ran.out
    replaced = [line for line in ran.out.splitlines() if "which replaces it" in line]
    assert len(replaced) == 1
    assert "a.txt" in replaced[0]
    assert "same meeting as b.txt" in replaced[0]
    graphs = document_graphs(store)
    sources = [g for g in graphs if g.endswith(SOURCE_GRAPH)]
    assert len(sources) == 1
    file_names = {q for q in graphs[sources[0]] if "#fileName>" in q}
    assert len(file_names) == 1
    assert '"b.txt"' in next(iter(file_names))


def test_a_folder_of_pdfs_loads_the_good_ones_and_names_each_bad_one(tmp_path: Path) -> None:
    """PDFs read directly: the good one loads with its page count and producer in the
    summary; a cut-off, a password-protected, a broken and a scanned PDF get one line each;
    a text file beside them loads as before."""
    from reportlab.lib.pdfencrypt import StandardEncryption  # noqa: PLC0415

    from tests.loaders.pdf.drawing import BOLD, LEFT, Text, draw  # noqa: PLC0415
    from tests.loaders.pdf.test_bad_pdfs import _scanned  # noqa: PLC0415
    from tests.loaders.pdf.test_document import minutes_pdf  # noqa: PLC0415

    folder = tmp_path / "pdf"
    folder.mkdir()
    good = minutes_pdf()
    (folder / "referat.pdf").write_bytes(good)
    (folder / "afskåret.pdf").write_bytes(good[: len(good) // 2])
    page = [Text(LEFT, 90, "1. Godkendelse", BOLD, 14), Text(LEFT, 120, "Godkendt.")]
    (folder / "kodeord.pdf").write_bytes(draw([page], encrypt=StandardEncryption("x", "y")))
    (folder / "ødelagt.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4 + b"\n%%EOF\n")
    (folder / "scannet.pdf").write_bytes(_scanned(3))
    shutil.copy(SAMPLE_FILES[0], folder / "tekst.txt")
    ran = referatgraf("load", "--store", tmp_path / "store", "--municipality", "Viborg", folder)
    assert ran.code == 1, ran.out + ran.err
    assert "2 loaded, 0 skipped, 4 failed" in ran.out
    out = ran.out.splitlines()
    failures = {
        "afskåret.pdf": "truncated PDF: the file ends before the PDF's end marker (%%EOF)",
        "kodeord.pdf": "encrypted PDF: it needs a password to open",
        "ødelagt.pdf": "broken PDF: its structure cannot be read",
        "scannet.pdf": "no text layer: the PDF's 3 pages are images only",
    }
    for name, reason in failures.items():
        lines = [line for line in out if name in line]
        assert len(lines) == 1, lines
        assert lines[0].startswith(f"failed     {folder / name}: {reason}"), lines[0]
    loaded = out.index(
        next(line for line in out if line.startswith(f"loaded     {folder}/referat"))
    )
    assert out[loaded + 1 : loaded + 4] == [
        "  PDF, 3 pages, made by FirstAgenda Publication 4.2",
        "  date 2025-06-24 (header, line 4); committee Byrådet (header, line 2); "
        "municipality Viborg (given)",
        "  3 items, 3 decisions, 4 sections",
    ]
    assert any(line.startswith(f"loaded     {folder / 'tekst.txt'}") for line in out)


@pytest.mark.slow
def test_load_ocr_reads_a_scanned_pdf(tmp_path: Path) -> None:
    """``load --ocr``: a scanned PDF (images only) is read by Tesseract, with a note."""
    from tests.loaders.pdf.test_ocr import SCANNED, _scan  # noqa: PLC0415

    folder = tmp_path / "scan"
    folder.mkdir()
    (folder / "scannet.pdf").write_bytes(_scan([SCANNED]))
    store = tmp_path / "store"
    without = referatgraf("load", "--store", store, "--municipality", "Viborg", folder)
    assert without.code == 1
    assert "no text layer" in without.out
    ran = referatgraf("load", "--store", store, "--municipality", "Viborg", "--ocr", folder)
    assert ran.code == 0, ran.out + ran.err
    out = ran.out.splitlines()
    assert out[0].startswith(f"loaded     {folder / 'scannet.pdf'}")
    assert out[1:4] == [
        "  PDF, 1 page, made by ReportLab PDF Library - (opensource)",
        # a scan has no fonts: the lines the page spaces apart have blank lines between them
        "  date 2025-06-24 (header, line 5); committee Byrådet (header, line 3); "
        "municipality Viborg (given)",
        "  2 items, 2 decisions, 2 sections",
    ]
    assert "  note: PDF pages without a text layer, read by OCR" in "\n".join(out)
