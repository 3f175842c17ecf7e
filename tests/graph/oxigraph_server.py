"""An ``oxigraph serve`` on a loopback port, for the tests of the remote store: started over
a fresh folder with ``--timeout-s``, stopped (and waited for) at the end."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from graph.location import StoreUrl

OXIGRAPH = Path(sys.executable).with_name("oxigraph")
STARTUP_SECONDS = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def oxigraph_serve(folder: Path, timeout_s: int = 2) -> Iterator[StoreUrl]:
    """``oxigraph serve --location FOLDER`` on a free port; its URL while it runs."""
    port = free_port()
    command = [str(OXIGRAPH), "serve", "--location", str(folder / "oxigraph")]
    command += ["--bind", f"127.0.0.1:{port}", "--timeout-s", str(timeout_s)]
    log = folder / "oxigraph.log"
    with log.open("wb") as output:
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    url = StoreUrl(f"http://127.0.0.1:{port}")
    try:
        _wait_until_ready(process, url, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _wait_until_ready(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"oxigraph serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.1)
    pytest.fail(f"oxigraph serve did not answer within {STARTUP_SECONDS} s:\n{log.read_text()}")


__all__ = ["OXIGRAPH", "free_port", "oxigraph_serve"]
