"""Gzip files that come out byte-identical for the same content, with the sha256 and size of
the bytes written.

Deterministic: no file name and mtime 0 in the header, one fixed compression level, and the
same zlib, so the same input gives the same file. (Compressing in a second thread was tried:
pyoxigraph holds the GIL while it serialises, and the hand-over cost more than it saved, see
docs/benchmarks.md.)
"""

from __future__ import annotations

import gzip
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

LEVEL = 6
"""The compression level of every dump file (zlib's default; about 20x on our N-Quads)."""


@dataclass(frozen=True, slots=True)
class WrittenFile:
    """A file of the dump: its path relative to the dump folder, size and sha256."""

    name: str
    size: int
    sha256: str


class DigestWriter(io.RawIOBase):
    """Writes to a file and keeps the sha256 and count of the bytes written."""

    def __init__(self, raw: BinaryIO) -> None:
        super().__init__()
        self.raw = raw
        self.digest = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        self.digest.update(data)
        self.size += len(data)
        self.raw.write(data)
        return len(data)


class GzipOutput:
    """A deterministic ``.gz`` file at ``folder / name``; ``close`` says what was written."""

    def __init__(self, folder: Path, name: str, *, level: int = LEVEL) -> None:
        self.name = name
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        self._file = path.open("wb")
        self._digest = DigestWriter(self._file)
        # filename="" and mtime=0: nothing in the header varies between runs
        self._gzip = gzip.GzipFile(
            filename="", mode="wb", compresslevel=level, fileobj=self._digest, mtime=0
        )
        self.uncompressed = 0

    def write(self, data: bytes) -> int:
        self.uncompressed += len(data)
        self._gzip.write(data)
        return len(data)

    def close(self) -> WrittenFile:
        self._gzip.close()
        self._file.close()
        return WrittenFile(self.name, self._digest.size, self._digest.digest.hexdigest())


def write_plain(folder: Path, name: str, data: bytes) -> WrittenFile:
    """A small file written whole (catalog, VoID, ontology copies)."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return WrittenFile(name, len(data), hashlib.sha256(data).hexdigest())
