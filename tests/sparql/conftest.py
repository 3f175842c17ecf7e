"""Stores for the tests of the sparql package, built from ``data/minutes.nq`` (see its README)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store

from graph.store import MinutesStore

DATA = Path(__file__).resolve().parent / "data"
MINUTES_NQ = DATA / "minutes.nq"
ITEM = "https://w3id.org/referatgraf/m/1/punkt/1"
MEETING = "https://w3id.org/referatgraf/m/1"


@pytest.fixture(scope="session")
def minutes_store() -> MinutesStore:
    """An in-memory store with the hand-written minutes (read it, never write it)."""
    store = Store()
    store.load(path=str(MINUTES_NQ), format=RdfFormat.N_QUADS)
    return MinutesStore(store, None)


@pytest.fixture(scope="session")
def minutes_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same minutes in a store on disk, closed, for worker processes to open read-only."""
    path = tmp_path_factory.mktemp("minutes") / "store"
    store = Store(str(path))
    store.load(path=str(MINUTES_NQ), format=RdfFormat.N_QUADS)
    store.flush()
    del store
    return path
