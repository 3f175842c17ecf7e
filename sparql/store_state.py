"""The store's current state, which every cache and ``ETag`` of a server is keyed by.

A server over a store folder reads the store as it was when it opened it, so its state is read
once (``ttl=None``). Over a store server another process may load at any time, and several web
servers answer alike only if each keys what it keeps by the state the store is in now: the state
(:func:`sparql.query_worker.store_state`, one query, 0.4-3.7 ms over an Oxigraph server) is read
again when the one in hand is older than ``ttl`` seconds (``$REFERATGRAF_STATE_TTL``,
:data:`DEFAULT_TTL` by default). So what one process loads shows on every server within
``ttl`` seconds, without a restart, and a server costs the store at most one read per ``ttl``.

>>> states = iter([State("a"), State("b")])
>>> now = [0.0]
>>> current = CurrentState(lambda: next(states), ttl=1.0, clock=lambda: now[0])
>>> changes = []
>>> current.on_change(lambda old, new: changes.append((old.token, new.token)))
>>> current.token()
'a'
>>> now[0] = 0.5; current.token()  # the state in hand is young enough: not read again
'a'
>>> now[0] = 1.5; current.token(), changes  # read again, and it changed
('b', [('a', 'b')])
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger("referatgraf.state")

DEFAULT_TTL = 1.0
"""Seconds a server keeps the store state it read before reading it again (store servers)."""


@dataclass(frozen=True, slots=True)
class State:
    """What identifies the store's content cheaply
    (:func:`sparql.query_worker.store_state`); a query
    worker sends it to the server as it starts (:class:`Ready`), pickled."""

    token: str = ""
    """What caches and ``ETag`` values are keyed by (empty: not read)."""
    modified: dt.datetime | None = None
    """When the latest load ended, for ``Last-Modified``."""
    documents: int = 0
    """Whole source documents in the store."""
    latest_run: str = ""
    """The IRI of the latest load run."""


@dataclass(frozen=True, slots=True)
class Ready:
    """What a query worker says first, once it has tried to open the store: pickled over its
    socket (defined here, not in :mod:`sparql.query_worker`, which runs as ``__main__``)."""

    state: State | None
    """The store's state; ``None`` when the store did not open (``error`` says why)."""
    sandboxed: bool
    """Whether the network filter is on (``sandbox_note`` says why not)."""
    sandbox_note: str = ""
    error: str = ""


Listener = Callable[[State, State], None]


class CurrentState:
    """The store's state, read with ``read`` at most once per ``ttl`` seconds (``None``: once).

    Listeners (:meth:`on_change`) are called with the old and the new state when a read finds
    another token, before any caller is given the new state, in the thread that read it: they
    must be quick (reset a value, start a thread, schedule a task).
    """

    def __init__(
        self,
        read: Callable[[], State],
        ttl: float | None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._read = read
        self.ttl = ttl
        self._clock = clock
        self._state: State | None = None
        self._read_at = 0.0
        self._lock = threading.Lock()
        self._listeners: list[Listener] = []

    def on_change(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def seed(self, state: State) -> None:
        """Take ``state``, read just now elsewhere (a query worker's, as it started)."""
        with self._lock:
            if self._state is None:
                self._state, self._read_at = state, self._clock()

    def fresh(self) -> State | None:
        """The state in hand when it is young enough; ``None`` when it must be read (again)."""
        state = self._state
        if state is None:
            return None
        if self.ttl is None or self._clock() - self._read_at < self.ttl:
            return state
        return None

    def get(self) -> State:
        """The current state, read now if the one in hand is too old (blocks; one read at a
        time: callers that come meanwhile wait for it and share it)."""
        state = self.fresh()
        if state is not None:
            return state
        with self._lock:
            state = self.fresh()
            if state is not None:
                return state
            old = self._state
            try:
                new = self._read()
            except Exception as error:  # the store is away: keep the last state, try later
                log.warning("cannot read the store's state: %s", error)
                new = old if old is not None else State()
            if old is not None and old.token != new.token:
                log.info("the store changed: %s -> %s", old.token, new.token)
                for listener in self._listeners:
                    listener(old, new)
            self._state, self._read_at = new, self._clock()
            return new

    async def now(self) -> State:
        """:meth:`get` for the event loop: no thread unless the state must be read."""
        state = self.fresh()
        if state is not None:
            return state
        return await asyncio.get_running_loop().run_in_executor(None, self.get)

    def token(self) -> str:
        return self.get().token


__all__ = ["DEFAULT_TTL", "CurrentState", "Ready", "State"]
