"""Keeping the side index in step when the server starts: if it is missing, of another schema,
or was built from another state of the store (``referatgraf load --no-index``, a load killed
before its index step, an index deleted by hand), the pages would show stale counts or none.

An :class:`IndexRefresher` checks in a background thread, so the server answers at once (the
pages say the index is missing, or show the old one, meanwhile): it builds the index beside the
store (:func:`searchindex.build_index` writes a new file and renames it over the old one;
from a copy of the old one when it is of this schema, re-reading only the documents that
changed), then switches the :class:`~web.site_readers.Site` to it and logs one line. The store is
only
read: the server opened it read-only, and the index is a file of its own.

A server over a store server does the same whenever the store's state changes while it runs
(another process loaded: :mod:`sparql.store_state`); the refresher runs one refresh at a time,
however often it is asked, and a server stopped midway leaves only a temporary file, which the
next build removes.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

from graph.index_location import IndexLocation, IndexUrl
from searchindex import BuildReport, build_index

if TYPE_CHECKING:
    from web.site_readers import Site

log = logging.getLogger("referatgraf.index")


def refresh_index(site: Site, *, reopen: bool = False) -> BuildReport | None:
    """Bring the side index of ``site`` in step with its store; ``None`` when it already was.
    ``reopen``: first switch to the file at the index's place (another process may have
    renamed a new one over it). Errors are logged, never raised: the pages do without one."""
    path = site.index_path
    if path is None:
        return None
    try:
        store = site.store()
        index = site.reopen_index() if reopen else site.index()
        if index is not None and index.is_current(store):
            return None
        with _exclusive(path):
            # another server process may have built it while this one waited for the lock
            index = site.reopen_index()
            if index is not None and index.is_current(store):
                return None
            why = "missing (or of another schema)" if index is None else "stale"
            report = build_index(store, path)
            site.reopen_index()
    except Exception as error:  # a thread of its own: say what went wrong, and go on without
        log.warning("the side index could not be built: %s", error)
        return None
    how = "built" if report.full else "updated"
    log.info(
        "side index %s, %s: %d documents (%d read), %d mentions in %.1f s -> %s",
        why, how, report.documents, report.added, report.mentions, report.seconds,
        path.shown if isinstance(path, IndexUrl) else path,
    )  # fmt: skip
    return report


@contextlib.contextmanager
def _exclusive(path: IndexLocation) -> Iterator[None]:
    """Hold an exclusive lock on the file beside the index file ``path`` (made if missing): one
    build at a time when several server processes start together (``serve --processes``). An
    index in PostgreSQL needs none here: its builds take turns on a lock of the database's."""
    if isinstance(path, IndexUrl):
        yield
        return
    lock = path.with_name(path.name + ".lock")
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class IndexRefresher:
    """:func:`refresh_index` in one background thread at a time; asked again meanwhile (the
    store changed once more), it runs once more when done. Each run first switches to the file
    at the index's place: a load elsewhere may have renamed a new one over it, and threads that
    opened the old one go on reading it."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self._lock = threading.Lock()
        self._running = False
        self._again = False

    def request(self) -> None:
        with self._lock:
            if self._running:
                self._again = True
                return
            self._running = True
        threading.Thread(target=self._run, name="referatgraf-index", daemon=True).start()

    def _run(self) -> None:
        while True:
            refresh_index(self.site, reopen=True)
            with self._lock:
                if not self._again:
                    self._running = False
                    return
                self._again = False
