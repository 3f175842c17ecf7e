"""A private OpenLink Virtuoso 7 (``virtuoso-t``) on free loopback ports, for the tests of the
``virtuoso+http://`` store: a fresh database folder, an ini with ``ResultSetMaxRows = 0`` (the
default 10000 cuts answers silently), stopped (and waited for) at the end. The dba password of
a fresh database is ``dba``."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.graph.oxigraph_server import free_port

VIRTUOSO = shutil.which("virtuoso-t") or "/usr/bin/virtuoso-t"
VSP = Path("/var/lib/virtuoso-opensource-7/vsp")
STARTUP_SECONDS = 60
DBA = ("dba", "dba")

INI = """\
[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
DirsAllowed = ., {folder}
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {vsp}
[SPARQL]
ResultSetMaxRows = 0
MaxQueryExecutionTime = {timeout_s}
"""


@contextmanager
def virtuoso_serve(folder: Path, timeout_s: int = 60) -> Iterator[str]:
    """``virtuoso-t +foreground`` over FOLDER; its HTTP base URL while it runs."""
    folder = folder / "virtuoso"
    folder.mkdir(parents=True, exist_ok=True)
    http_port, sql_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(
        INI.format(
            folder=folder, sql_port=sql_port, http_port=http_port, vsp=VSP, timeout_s=timeout_s
        )
    )
    log = folder / "console.log"
    command = [VIRTUOSO, "+configfile", str(ini), "+foreground"]
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=folder, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{http_port}"
    try:
        _wait_until_ready(process, url, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _wait_until_ready(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"virtuoso-t exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/sparql?query=ASK%7B%7D", timeout=2) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    pytest.fail(f"virtuoso-t did not answer within {STARTUP_SECONDS} s:\n{log.read_text()}")


__all__ = ["DBA", "VIRTUOSO", "virtuoso_serve"]
