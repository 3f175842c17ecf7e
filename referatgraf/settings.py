"""Settings of a referatgraf installation: where the store is and under which base IRIs live.

Each setting comes from the command line, else the environment, else the default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from graph.uris import DEFAULT_BASE

DEFAULT_STORE = Path("data/store")
STORE_ENV = "REFERATGRAF_STORE"
BASE_ENV = "REFERATGRAF_BASE"


@dataclass(frozen=True, slots=True)
class Settings:
    store: Path
    base: str


def resolve(store: Path | None = None, base: str | None = None) -> Settings:
    """Command-line value, else ``$REFERATGRAF_STORE`` / ``$REFERATGRAF_BASE``, else default."""
    store_path = store or Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)
    base_iri = base or os.environ.get(BASE_ENV) or DEFAULT_BASE
    if not base_iri.endswith("/"):
        base_iri += "/"
    return Settings(store=store_path, base=base_iri)
