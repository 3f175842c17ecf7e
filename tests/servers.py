"""Servers the tests start themselves on loopback ports: a free port, and a process that runs
while a ``with`` block does, once it answers its readiness URL. Each server's own module
(``tests/graph/oxigraph_server.py``, ``tests/graph/virtuoso_server.py``) writes its command
and its configuration; the start, the wait and the stop are here, once."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest


def free_port() -> int:
    """A loopback port nothing listens on now (the server binds it just after)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def running_server(
    command: Sequence[str],
    ready_url: str,
    log: Path,
    startup_seconds: float,
    *,
    name: str,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    poll_seconds: float = 0.1,
    stop_seconds: float = 20,
) -> Iterator[None]:
    """Run COMMAND (its output to LOG) until the block ends; the block starts once READY_URL
    answers 200. A process that exits, or does not answer within STARTUP_SECONDS, fails the
    test with its log. At the end it is terminated, killed after STOP_SECONDS, and waited for.
    ``env`` replaces the environment (``None``: this process's)."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        _wait_until_ready(
            process, ready_url, log, startup_seconds, name=name, poll_seconds=poll_seconds
        )
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=stop_seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _wait_until_ready(
    process: subprocess.Popen[bytes],
    ready_url: str,
    log: Path,
    startup_seconds: float,
    *,
    name: str,
    poll_seconds: float,
) -> None:
    deadline = time.monotonic() + startup_seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{name} exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(ready_url, timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(poll_seconds)
    pytest.fail(f"{name} did not answer within {startup_seconds} s:\n{log.read_text()}")


__all__ = ["free_port", "running_server"]
