"""Run the real command line in a subprocess, as a user would."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "referatgraf" / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str


def referatgraf(*args: str | Path, timeout: float = 300) -> Ran:
    done = subprocess.run(
        [sys.executable, "-m", "referatgraf", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Ran(done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="session")
def loaded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with the five samples, loaded once per test run (read it, never write it)."""
    store = tmp_path_factory.mktemp("samples") / "store"
    ran = referatgraf("load", "--store", store, *SAMPLE_FILES)
    assert ran.code == 0, ran.out + ran.err
    return store
