"""How fast PDF minutes are read: pages per second of the text extraction, and its share of the
time ``read_minutes`` takes on a PDF, against the same minutes read as text.

The corpus is the synthetic minutes of :mod:`bench.generate` (every layout), each typeset as a
PDF the way the tests do it (:mod:`tests.loaders.pdf_fixtures`: running header and footer on
every page, bold wrapped titles, tables, hyphenated body text). Each round reads every file
four ways in one process: PDFium's plain text without layout (the floor), ``loaders.pdf.read_pdf``
(the extraction alone), ``read_minutes`` on the PDF and ``read_minutes`` on the text; the
figures are medians over the rounds.

    .venv/bin/python -m bench.pdf --n 30 --rounds 5 [--seed 0] [--no-docs] [--out DIR]

``--out DIR`` also writes the corpus to ``DIR/pdf`` and ``DIR/text``, to time ``referatgraf
load`` of either folder (``farm-bench``; see docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypdfium2

from bench.generate import generate
from loaders.pdf import read_pdf
from loaders.read import read_minutes
from tests.loaders.pdf_fixtures import Furniture, typeset
from tests.loaders.pdf_sources import blocks_from_minutes

DOCS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"


@dataclass(frozen=True, slots=True)
class Pair:
    """One minutes file as text and as PDF."""

    name: str
    text: bytes
    pdf: bytes
    pages: int


def corpus(n: int, seed: int) -> list[Pair]:
    """The first ``n`` synthetic minutes, each with its typeset PDF."""
    pairs = []
    for generated in generate(n, seed):
        m = generated.meeting
        items = [(item.number, item.title) for item in m.items]
        furniture = Furniture(
            header=f"{m.committee} {m.date:%d-%m-%Y}",
            logo=f"{m.municipality} Kommune",
            title=f"Referat {m.committee}",
        )
        pdf = typeset(blocks_from_minutes(generated.text, items), furniture)
        pairs.append(Pair(generated.name, generated.text.encode(), pdf.pdf, pdf.pages))
    return pairs


def _seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def plain_text(data: bytes) -> list[str]:
    """PDFium's plain text of every page, no layout: the floor under any extraction with it."""
    document = pypdfium2.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


Times = tuple[float, float, float, float]


def one_round(pairs: list[Pair]) -> Times:
    """Seconds for PDFium's plain text, the extraction, read_minutes on the PDFs and on the
    texts."""
    floor = extract = pdf = text = 0.0
    for pair in pairs:
        floor += _seconds(lambda p=pair: plain_text(p.pdf))
        extract += _seconds(lambda p=pair: read_pdf(p.pdf))
        pdf += _seconds(lambda p=pair: read_minutes(p.pdf, p.name + ".pdf"))
        text += _seconds(lambda p=pair: read_minutes(p.text, p.name))
    return floor, extract, pdf, text


def report(pairs: list[Pair], rounds: list[Times], made: float) -> str:
    floor, extract, pdf, text = (statistics.median(r[i] for r in rounds) for i in range(4))
    pages = sum(p.pages for p in pairs)
    megabytes = sum(len(p.pdf) for p in pairs) / 1e6
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    per_page = f"{pages / extract:.0f} pages/s, {1000 * extract / pages:.1f} ms a page"
    rows = "\n".join(
        f"| {i} | {f:.2f} | {e:.2f} | {p:.2f} | {t:.2f} | {e / p:.0%} |"
        for i, (f, e, p, t) in enumerate(rounds, start=1)
    )
    return f"""
## {now}: PDF extraction, `python -m bench.pdf --n {len(pairs)} --rounds {len(rounds)}`

Reads {len(pairs)} synthetic minutes ({pages} pages, {megabytes:.1f} MB of PDF; typeset in
{made:.1f} s, not part of any figure) four ways per round in one process: PDFium's plain text
of every page (pypdfium2 `get_text_range`, no layout: the floor), the text extraction
alone (`loaders.pdf.read_pdf`), `read_minutes` on the PDF (extraction, parsing, mentions) and
`read_minutes` on the same minutes as text. Python {platform.python_version()}, git {commit};
medians over {len(rounds)} rounds.

| measure | value |
|---|---:|
| PDFium's plain text alone (no layout; the floor) | {floor:.2f} s, {pages / floor:.0f} pages/s |
| extraction alone | {extract:.2f} s, {per_page} |
| read_minutes, PDF | {pdf:.2f} s ({1000 * pdf / len(pairs):.0f} ms a file) |
| read_minutes, the same minutes as text | {text:.2f} s ({1000 * text / len(pairs):.0f} ms a file) |
| share of the PDF's read time spent in extraction | {extract / pdf:.0%} |
| PDF against text | {pdf / text:.2f}x |

| round | plain text s | extraction s | PDF read_minutes s | text read_minutes s | share |
|---:|---:|---:|---:|---:|---:|
{rows}
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-docs", action="store_true", help="print only, do not append")
    parser.add_argument("--out", type=Path, help="also write the files to OUT/pdf and OUT/text")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    pairs = corpus(args.n, args.seed)
    made = time.perf_counter() - start
    if args.out is not None:  # for timing `referatgraf load` of either folder
        for folder in ("pdf", "text"):
            (args.out / folder).mkdir(parents=True, exist_ok=True)
        for pair in pairs:
            (args.out / "pdf" / f"{pair.name}.pdf").write_bytes(pair.pdf)
            (args.out / "text" / pair.name).write_bytes(pair.text)
    one_round(pairs[:2])  # warm up: imports, fonts, caches
    rounds = [one_round(pairs) for _ in range(args.rounds)]
    text = report(pairs, rounds, made)
    print(text)
    if not args.no_docs:
        with DOCS.open("a", encoding="utf-8") as docs:
            docs.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
