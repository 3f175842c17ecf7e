"""`referatgraf dump --out DIR`: files listed with their checksums, byte-identical twice."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from .conftest import referatgraf


def test_dump_twice_gives_identical_files_with_matching_sums(
    samples_store: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for out in (first, second):
        ran = referatgraf("dump", "--store", samples_store, "--out", out)
        assert ran.code == 0, ran.err
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert Path("referatgraf.nq.gz") in names
    assert Path("catalog.ttl") in names
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    sums = dict(
        reversed(line.split(maxsplit=1))
        for line in (first / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    )
    for name, digest in sums.items():
        path = first / name.lstrip("*")
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, name


def test_a_contact_address_that_is_no_address_is_refused_by_name(
    samples_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REFERATGRAF_CONTACT_EMAIL", "redaktionen")
    ran = referatgraf("dump", "--store", samples_store, "--out", tmp_path / "out")
    assert ran.code == 2
    assert "'redaktionen'" in ran.err
    assert "REFERATGRAF_CONTACT_EMAIL" in ran.err
    assert "Traceback" not in ran.err
    assert not (tmp_path / "out").exists()
