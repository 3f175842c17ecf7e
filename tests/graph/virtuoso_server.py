"""A private OpenLink Virtuoso 7 (``virtuoso-t``) on free loopback ports, for the tests of the
``virtuoso+http://`` store: a fresh database folder, an ini with ``ResultSetMaxRows = 0`` (the
default 10000 cuts answers silently), stopped (and waited for) at the end. The dba password of
a fresh database is ``dba``."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.servers import free_port, running_server

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
    url = f"http://127.0.0.1:{http_port}"
    ready = f"{url}/sparql?query=ASK%7B%7D"
    with running_server(
        command,
        ready,
        log,
        STARTUP_SECONDS,
        name="virtuoso-t",
        cwd=folder,
        poll_seconds=0.2,
        stop_seconds=30,
    ):
        yield url


__all__ = ["DBA", "VIRTUOSO", "virtuoso_serve"]
