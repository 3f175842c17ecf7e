"""Run a command and measure it: wall time, and peak memory of its whole process tree.

Two memory figures, because ``referatgraf load`` parses in worker processes:

- ``max_rss``: the largest peak of any one process of the tree, from the kernel
  (``wait4``'s resource usage covers the child and every descendant it waited for);
- ``cpu_seconds``: user and system time of the tree (from ``wait4`` too), which other work on
  the machine disturbs much less than wall time;
- ``tree_rss``: the largest sum over the tree at one moment, sampled from ``/proc`` every
  ``interval`` seconds (so a short spike between samples can be missed).
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Measurement:
    command: tuple[str, ...]
    exit_code: int
    seconds: float
    cpu_seconds: float  # user + system time of the whole waited-for tree
    max_rss: int  # bytes, largest single process
    tree_rss: int  # bytes, largest sampled sum over the process tree
    processes: int  # most processes seen in the tree at once


def _children() -> dict[int, list[int]]:
    """Parent pid -> child pids, for every process visible in ``/proc``."""
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:  # the process ended while we looked
            continue
        # "pid (comm) state ppid ...": comm may hold spaces and parentheses
        parent = int(stat[stat.rindex(")") + 2 :].split()[1])
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


def _rss(pid: int) -> int:
    """Resident set size of one process in bytes (0 if it is gone)."""
    try:
        statm = Path(f"/proc/{pid}/statm").read_text(encoding="ascii")
        return int(statm.split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(root: int) -> tuple[int, int]:
    """``(bytes, processes)`` summed over ``root`` and all its descendants."""
    children = _children()
    pending, total, count = [root], 0, 0
    while pending:
        pid = pending.pop()
        total += _rss(pid)
        count += 1
        pending.extend(children.get(pid, ()))
    return total, count


def measure(
    command: list[str],
    stdout: Path,
    stderr: Path,
    *,
    interval: float = 0.1,
    env: dict[str, str] | None = None,
) -> Measurement:
    """Run ``command`` to completion with its output in files, and measure it."""
    with stdout.open("wb") as out, stderr.open("wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env)
        sampler = _Sampler(process.pid, interval)
        sampler.start()
        # wait4 rather than Popen.wait: it hands back the tree's resource usage
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        sampler.stop.set()
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    return Measurement(
        command=tuple(command),
        exit_code=process.returncode,
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        max_rss=usage.ru_maxrss * 1024,  # Linux reports kilobytes
        tree_rss=max(sampler.peak, usage.ru_maxrss * 1024),
        processes=sampler.most,
    )


class _Sampler(threading.Thread):
    """Samples the tree's memory until told to stop; the main thread blocks in ``wait4``."""

    def __init__(self, root: int, interval: float) -> None:
        super().__init__(daemon=True)
        self.root, self.interval = root, interval
        self.stop = threading.Event()
        self.peak, self.most = 0, 0

    def run(self) -> None:
        while not self.stop.wait(self.interval):
            total, count = tree_rss(self.root)
            self.peak, self.most = max(self.peak, total), max(self.most, count)


def disk_usage(path: Path) -> int:
    """Bytes a folder takes on disk (allocated blocks, as ``du`` counts them)."""
    return sum(
        (Path(folder, name).stat().st_blocks * 512)
        for folder, _, names in os.walk(path)
        for name in names
    )
