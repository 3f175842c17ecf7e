"""The load writes its first batch early and doubles the batch up to the batch size, so a store
starts writing while the parsers fill the next batch."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from graph.ingest import FIRST_BATCH, LoadOptions, load_files
from graph.store import MinutesStore, PreparedDocument
from graph.uris import Minter

MINUTES = """Køge Kommune
Referat
Økonomiudvalget
Mødedato: {day}. marts 2024

1. Godkendelse af dagsorden
Beslutning
Godkendt.
"""


@pytest.mark.parametrize(("files", "batch_size", "sizes"), [
    (40, 125, [8, 16, 16]),
    (70, 20, [8, 16, 20, 20, 6]),
    (3, 125, [3]),
    (5, 2, [2, 2, 1]),
])  # fmt: skip
def test_batches_grow_from_the_first_to_the_batch_size(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    files: int,
    batch_size: int,
    sizes: list[int],
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(files):  # distinct meetings: one a day, months apart
        month = ("januar", "februar", "marts", "april")[number // 28]
        text = MINUTES.format(day=number % 28 + 1).replace("marts", month)
        (corpus / f"m{number:03}.txt").write_text(text, encoding="utf-8")
    store, _ = MinutesStore.open(None)
    written: list[int] = []
    write = store.write_documents

    def spy(documents: Iterable[PreparedDocument]) -> None:
        batch = list(documents)
        written.append(len(batch))
        write(batch)

    monkeypatch.setattr(store, "write_documents", spy)
    options = LoadOptions(Minter(), batch_size=batch_size, workers=1)
    report = load_files(store, sorted(corpus.iterdir()), options)
    assert report.count("loaded") == files
    assert written == sizes
    assert written[0] == min(FIRST_BATCH, batch_size, files)
    assert len(store.documents()) == files
