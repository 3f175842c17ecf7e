"""The network filter, in a child process (it cannot be lifted once installed)."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading

import pytest

from sparql.sandbox import SandboxError, filter_program

CHILD = """
import sys
from sparql.sandbox import deny_network
deny_network()
import socket, pyoxigraph
try:
    socket.socket(socket.AF_INET6)
    print("inet6 socket made")
except PermissionError:
    print("inet6 refused")
socket.socket(socket.AF_UNIX).close()
print("unix ok")
try:
    pyoxigraph.Store().query("ASK { SERVICE <http://127.0.0.1:%s/> { ?s ?p ?o } }")
except OSError as error:
    print("service failed:", error)
"""


@pytest.mark.slow
def test_a_filtered_process_makes_no_connection_even_for_service() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.5)
    port = server.getsockname()[1]
    seen: list[object] = []

    def accept() -> None:
        with contextlib.suppress(OSError):
            seen.append(server.accept())

    thread = threading.Thread(target=accept)
    thread.start()
    done = subprocess.run(
        [sys.executable, "-c", CHILD % port],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    thread.join()
    server.close()
    assert done.returncode == 0, done.stderr
    assert "inet6 refused" in done.stdout
    assert "unix ok" in done.stdout
    assert "service failed" in done.stdout
    assert "Permission denied" in done.stdout
    assert seen == []


def test_the_program_is_whole_instructions() -> None:
    assert len(filter_program("x86_64")) % 8 == 0
    assert filter_program("aarch64") != filter_program("x86_64")


def test_an_unknown_architecture_is_said_plainly() -> None:
    with pytest.raises(SandboxError, match="riscv"):
        filter_program("riscv64")
