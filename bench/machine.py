"""What the benchmark ran on, for the report: CPUs, memory, CPU model, versions."""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import subprocess
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _proc_value(path: str, key: str) -> str | None:
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for line in lines:
        name, _, value = line.partition(":")
        if name.strip() == key:
            return value.strip()
    return None


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def _git_revision() -> str:
    try:
        done = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return "unknown"
    revision = done.stdout.strip() if done.returncode == 0 else "no commit yet"
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain"], capture_output=True, check=False
    ).stdout
    return revision + (" (with uncommitted changes)" if dirty else "")


SOURCE_PACKAGES = (
    "referatgraf",
    "loaders",
    "graph",
    "searchindex",
    "publishing",
    "sparql",
    "web",
    "ontology",
)
SOURCE_SUFFIXES = frozenset({".py", ".ttl", ".rq", ".csv", ".yaml", ".json"})


def source_fingerprint(root: Path = ROOT) -> str:
    """A short hash of the project's source under ``root``, to tell versions of the code apart."""
    digest = hashlib.sha256()
    for package in SOURCE_PACKAGES:
        for path in sorted((root / package).rglob("*")):
            if path.suffix in SOURCE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def snapshot_source(dest: Path) -> Path:
    """Copy the project's packages to ``dest``, to run every round on the same code.

    Others edit the tree while a benchmark runs; with ``PYTHONPATH=dest`` the console script
    imports the copy (the editable install's finder comes after ``PYTHONPATH`` on the path).
    """
    for package in SOURCE_PACKAGES:
        if (ROOT / package).is_dir():
            shutil.copytree(
                ROOT / package, dest / package, ignore=shutil.ignore_patterns("__pycache__")
            )
    return dest


def describe() -> dict[str, str]:
    """Facts about this machine and software, in the order the report lists them."""
    memory = _proc_value("/proc/meminfo", "MemTotal")  # "24563512 kB"
    gib = f"{int(memory.split()[0]) / 1024**2:.1f} GiB" if memory else "unknown"
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "nproc": str(usable),
        "RAM": gib,
        "CPU": _proc_value("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "OS": f"{platform.system()} {platform.release()}",
        # other work on the machine skews every figure; say how busy it was at the start
        "load average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "Python": platform.python_version(),
        "pyoxigraph": _version("pyoxigraph"),
        "referatgraf": f"{_version('referatgraf')}, git {_git_revision()}",
    }
