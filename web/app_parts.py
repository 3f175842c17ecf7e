"""What the web app is assembled from: the store's view (:class:`~web.site_readers.Site`) and state,
the query workers, the lookups, the page workers and the side index's refresher, each built
by ``referatgraf serve`` (:mod:`referatgraf.serve_command`) from the settings it resolved.
:func:`web.app.create_app` builds none of them: it routes requests to them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from graph.location import StoreLocation
    from publishing.publication import PublishSettings
    from sparql.limits import Limits
    from sparql.lookups import Lookups
    from sparql.store_state import CurrentState
    from sparql.worker_pool import WorkerPool
    from web.index_refresh import IndexRefresher
    from web.page_pool import PagePool
    from web.site_readers import Site


@dataclass(frozen=True, slots=True)
class AppParts:
    """The parts of one server process's app (none started yet: the app's lifespan starts
    them)."""

    site: Site
    current: CurrentState
    """The store's state, which every cached answer and ``ETag`` is keyed by."""
    queries: WorkerPool
    lookups: Lookups
    pages: PagePool
    refresher: IndexRefresher
    limits: Limits
    """The endpoint's limits, resolved (no zero left to mean "the default")."""
    dumps: Path
    """The folder the published dumps are served from."""
    publish: PublishSettings

    @property
    def store(self) -> StoreLocation:
        return self.site.store_path

    @property
    def base(self) -> str:
        return self.site.base
