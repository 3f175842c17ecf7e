"""Fixtures the test packages share: the five samples, loaded once per test run."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# On CI the property tests try the same examples on every run (as many as anywhere else), so a
# red run can be reproduced and a green one is not luck; a developer's run explores new ones.
# Speed is measured by the benchmarks, never by a test's clock: no deadline on a shared machine.
settings.register_profile("ci", derandomize=True, database=None, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "referatgraf" / "samples").glob("*.txt"))


@dataclass(frozen=True)
class Ran:
    code: int
    out: str
    err: str


def referatgraf(*args: str | Path, timeout: float = 300) -> Ran:
    """The real command line (``python -m referatgraf ARGS``) in a subprocess, as a user runs it."""
    done = subprocess.run(
        [sys.executable, "-m", "referatgraf", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        cwd=ROOT,
    )
    return Ran(done.returncode, done.stdout, done.stderr)


@pytest.fixture(scope="session")
def samples_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five samples, loaded with ``referatgraf load`` (read it, never write it)."""
    store = tmp_path_factory.mktemp("samples") / "store"
    ran = referatgraf("load", "--store", store, *SAMPLES)
    assert ran.code == 0, ran.out + ran.err
    return store
