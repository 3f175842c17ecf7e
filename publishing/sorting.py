"""Sorting N-Triples lines in bounded memory: sorted in memory up to a budget, spilled to
sorted runs on disk beyond it, and merged.

Lines are compared as bytes. UTF-8 sorts like code points, and since a term holds no space
(IRIs and blank node labels cannot; the object is the rest of the line), lines with the same
subject come together, and within a subject those with the same predicate: the order the
Turtle and JSON-LD writers need.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     sorter = LineSorter(Path(folder), budget=40)
...     sorter.extend([b"<b> <p> 2", b"<a> <p> 1", b"<b> <p> 2"])
...     sorter.extend([b"<a> <p> 0"])
...     list(sorter.merged(unique=True))
[b'<a> <p> 0', b'<a> <p> 1', b'<b> <p> 2']
"""

from __future__ import annotations

import gzip
import heapq
import io
import itertools
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

BUDGET = 64 << 20
"""Bytes of lines held in memory before a sorted run goes to disk."""
LINE_OVERHEAD = 48  # what Python spends on each bytes object and its list slot
BATCH = 1 << 16  # lines per batch handed on from a merge
RUN_LEVEL = 1  # runs on disk are gzipped lightly: about a tenth of the disk for little CPU


class LineSorter:
    """Collects lines (without their newline) and gives them back sorted."""

    def __init__(self, folder: Path, budget: int = BUDGET) -> None:
        self.folder = folder
        self.budget = budget
        self._lines: list[bytes] = []
        self._size = 0
        self._runs: list[Path] = []

    @property
    def spilled(self) -> bool:
        return bool(self._runs)

    def extend(self, lines: list[bytes]) -> None:
        self._lines.extend(lines)
        self._size += sum(map(len, lines)) + LINE_OVERHEAD * len(lines)
        if self._size > self.budget:
            self._spill()

    def merged(self, *, unique: bool = False) -> Iterator[bytes]:
        """Every line in byte order (each once with ``unique``); the runs on disk are removed
        when the iterator is used up."""
        if not self._runs:
            self._lines.sort()
            lines: Iterable[bytes] = self._lines
        else:
            self._spill()
            lines = heapq.merge(*(_read_run(run) for run in self._runs))
        if unique:
            lines = _unique(lines)
        yield from lines
        self.clear()

    def batches(self, *, unique: bool = False) -> Iterator[list[bytes]]:
        """:meth:`merged` in lists: one list when everything fitted in memory."""
        if not self._runs:
            self._lines.sort()
            yield list(_unique(self._lines)) if unique else self._lines
            self.clear()
            return
        merged = self.merged(unique=unique)
        while batch := list(itertools.islice(merged, BATCH)):
            yield batch

    def clear(self) -> None:
        self._lines = []
        self._size = 0
        for run in self._runs:
            run.unlink(missing_ok=True)
        self._runs = []

    def _spill(self) -> None:
        if not self._lines:
            return
        self._lines.sort()
        with (
            tempfile.NamedTemporaryFile(
                "wb", dir=self.folder, prefix="run-", suffix=".nt.gz", delete=False
            ) as raw,
            gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=RUN_LEVEL) as run,
        ):
            run.write(b"\n".join(self._lines))
            run.write(b"\n")
        self._runs.append(Path(raw.name))
        self._lines = []
        self._size = 0


def _read_run(path: Path) -> Iterator[bytes]:
    with gzip.open(path, "rb") as compressed, io.BufferedReader(compressed, 1 << 20) as run:
        for line in run:
            yield line[:-1]


def _unique(lines: Iterable[bytes]) -> Iterator[bytes]:
    previous = None
    for line in lines:
        if line != previous:
            yield line
            previous = line
