"""A private PostgreSQL (Debian's, 15) on a loopback port, for the tests of the side index in
PostgreSQL: a fresh cluster in a folder of its own (``initdb``), run with ``pg_ctl``.

PostgreSQL refuses to run as root, and CI runs as root: then the folder is given to the
``postgres`` user and the commands run as it (``runuser``); otherwise they run as the user.
The folder is outside pytest's temporary folders, which only their owner may enter.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest

from graph.index_location import IndexLocation, IndexUrl
from graph.store import MinutesStore
from searchindex import SiteIndex, build_index, default_index_path
from tests.servers import free_port


def _newest_bin() -> Path:
    """Debian's programs of the newest PostgreSQL installed (15 on bookworm)."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else Path("/usr/lib/postgresql/15/bin")


BIN = _newest_bin()
STARTUP_SECONDS = 60
# a test cluster: nothing to keep after a crash, so no waiting for the disk
SETTINGS = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def _as_owner(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _run(command: list[str], log: Path) -> None:
    done = subprocess.run(_as_owner(command), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        raise RuntimeError(f"{command[0]} failed: {done.stdout}{done.stderr}{tail}")


def available() -> bool:
    """Whether PostgreSQL's programs are installed (``make postgres-deps`` installs them)."""
    return (BIN / "pg_ctl").is_file() and (os.geteuid() != 0 or shutil.which("runuser") is not None)


@dataclass
class Postgres:
    """A running test server: a new empty database for each index, the samples' built once."""

    port: int
    _numbers: Iterator[int] = field(default_factory=itertools.count)
    built: dict[Path, IndexUrl] = field(default_factory=dict)

    def url(self, database: str) -> IndexUrl:
        return IndexUrl(f"postgresql://postgres@127.0.0.1:{self.port}/{database}")

    def database(self) -> IndexUrl:
        """The URL of a new, empty database."""
        name = f"referatgraf_{next(self._numbers)}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def index_of(self, store: Path) -> IndexUrl:
        """A database holding the side index of the store folder ``store`` (built once)."""
        if store not in self.built:
            url = self.database()
            minutes = MinutesStore.open_read_only(store)
            try:
                build_index(minutes, url)
            finally:
                minutes.close()
            self.built[store] = url
        return self.built[store]


INDEX_BACKENDS = ("sqlite", "postgresql")
"""The engines the side index's tests run on (as ``params`` of their index fixtures)."""


def index_location(request: pytest.FixtureRequest, store: Path) -> IndexLocation:
    """Where the side index of ``store`` is on the backend ``request.param``: the file that
    ``referatgraf load`` built beside it, or a database of the test server holding it."""
    if request.param == "sqlite":
        return default_index_path(store)
    server: Postgres = request.getfixturevalue("postgres")
    return server.index_of(store)


def open_index(request: pytest.FixtureRequest, store: Path) -> SiteIndex:
    return SiteIndex.open(index_location(request, store))


@contextmanager
def postgres_server() -> Iterator[Postgres]:
    """A running PostgreSQL, while the block runs."""
    folder = Path(tempfile.mkdtemp(prefix="referatgraf-postgres-"))
    data, log = folder / "data", folder / "postgres.log"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    port = free_port()
    try:
        _run([str(BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
              "-E", "UTF8", "--locale=C.UTF-8"], log)  # fmt: skip
        options = f"-p {port} -h 127.0.0.1 -k {folder} {SETTINGS}"
        _run([str(BIN / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options,
              "-w", "-t", str(STARTUP_SECONDS), "start"], log)  # fmt: skip
        try:
            yield Postgres(port)
        finally:
            _run([str(BIN / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"], log)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


__all__ = [
    "INDEX_BACKENDS",
    "Postgres",
    "available",
    "free_port",
    "index_location",
    "open_index",
    "postgres_server",
]
