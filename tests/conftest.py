"""Fixtures the test packages share: the five samples, loaded once per test run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "referatgraf" / "samples").glob("*.txt"))


@pytest.fixture(scope="session")
def samples_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five samples, loaded with ``referatgraf load`` (read it, never write it)."""
    store = tmp_path_factory.mktemp("samples") / "store"
    done = subprocess.run(
        [sys.executable, "-m", "referatgraf", "load", "--store", str(store), *map(str, SAMPLES)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return store
