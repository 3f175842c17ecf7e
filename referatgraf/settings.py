"""Settings of a referatgraf installation: where the store is (a folder, or the URL of a store
server: :mod:`graph.location`), where the pages' side index is (a SQLite file beside the store,
or a PostgreSQL database: :mod:`graph.index_location`) and under which base IRIs live.

Each setting comes from the command line, else the environment, else the default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from graph.index_location import IndexLocation, index_location
from graph.location import StoreLocation, index_path_for, store_location
from graph.uris import DEFAULT_BASE
from sparql.store_state import DEFAULT_TTL

DEFAULT_STORE = Path("data/store")
STORE_ENV = "REFERATGRAF_STORE"
BASE_ENV = "REFERATGRAF_BASE"
INDEX_ENV = "REFERATGRAF_INDEX"
DEFAULT_DUMPS = Path("data/dumps")
DUMPS_ENV = "REFERATGRAF_DUMPS"
STATE_TTL_ENV = "REFERATGRAF_STATE_TTL"


@dataclass(frozen=True, slots=True)
class Settings:
    store: StoreLocation
    base: str
    index: IndexLocation | None = None
    """The pages' side index; ``None``: the SQLite file beside the store (``index_path_for``)."""
    dumps: Path = DEFAULT_DUMPS
    """Where ``dump`` writes by default in ``demo`` and where the server publishes from."""
    state_ttl: float = DEFAULT_TTL
    """Seconds ``serve`` over a store server keeps the store's state before reading it again
    (what its caches and ETags are keyed by: :mod:`sparql.store_state`)."""


def resolve(
    store: str | Path | None = None, base: str | None = None, index: str | Path | None = None
) -> Settings:
    """Command-line value, else ``$REFERATGRAF_STORE`` / ``$REFERATGRAF_BASE`` /
    ``$REFERATGRAF_INDEX``, else default (the index: a SQLite file beside the store);
    the dump folder from ``$REFERATGRAF_DUMPS``, else ``data/dumps``; the state's time to live
    from ``$REFERATGRAF_STATE_TTL`` (seconds), else 1. A store URL of a kind this version does
    not know, or a time to live that is no number of seconds, is a ``ValueError``."""
    store_path = store_location(store or os.environ.get(STORE_ENV) or DEFAULT_STORE)
    base_iri = base or os.environ.get(BASE_ENV) or DEFAULT_BASE
    if not base_iri.endswith("/"):
        base_iri += "/"
    dumps = Path(os.environ.get(DUMPS_ENV) or DEFAULT_DUMPS)
    given = index or os.environ.get(INDEX_ENV)
    index_at = index_location(given) if given else index_path_for(store_path)
    return Settings(
        store=store_path, base=base_iri, index=index_at, dumps=dumps, state_ttl=state_ttl()
    )


def state_ttl() -> float:
    """``$REFERATGRAF_STATE_TTL`` in seconds, else :data:`~sparql.store_state.DEFAULT_TTL`."""
    given = os.environ.get(STATE_TTL_ENV) or str(DEFAULT_TTL)
    try:
        seconds = float(given)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds < float("inf"):
        raise ValueError(f"${STATE_TTL_ENV} is {given!r}, not a number of seconds (0 or more)")
    return seconds
