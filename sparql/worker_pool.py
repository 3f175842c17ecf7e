"""A pool of query worker processes, driven from the server's event loop.

Each worker (``python -m sparql.query_worker``) has the store open read-only and no network
(``sandbox.py``). A job goes to an idle worker over a socketpair; a timer armed when it is sent
kills the worker with SIGKILL at the time limit, which stops the query's CPU and memory use at
once (pyoxigraph cannot cancel a query), and a fresh worker takes its place. At most
``max_concurrent`` jobs are admitted, evaluating or waiting; one more is refused
(:class:`BusyError`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import pickle
import signal
import socket
import subprocess
import sys
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from graph.location import StoreLocation, StoreUrl
from sparql.evaluate import Job, Outcome
from sparql.limits import Limits
from sparql.query_worker import LENGTH, META
from sparql.store_state import Ready, State

log = logging.getLogger("referatgraf.workers")
WATCH_AFTER = 1.0  # seconds: quicker queries are not watched for their client going away
STARTUP_SECONDS = 120.0  # a worker opening a large store may take a while
INTERNAL_SECONDS = 600.0  # the service description's full scan


class PoolError(Exception):
    """A query could not be answered for a reason of the server's; ``status`` and ``message``
    are what the client gets."""

    def __init__(self, message: str, status: int, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.retry_after = retry_after


class BusyError(PoolError):
    pass


class QueryTimeoutError(PoolError):
    pass


class WorkerLostError(PoolError):
    pass


class _Frames(asyncio.Protocol):
    """Reads length-prefixed frames from a worker and hands each to the waiting future."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.frames: deque[bytes] = deque()
        self.waiter: asyncio.Future[bytes] | None = None
        self.lost = False

    def data_received(self, data: bytes) -> None:
        if not self.buffer and len(data) >= LENGTH.size:
            size = LENGTH.unpack_from(data)[0]
            if len(data) == LENGTH.size + size:  # the usual case: one whole frame
                self._deliver(data[LENGTH.size :])
                return
        self.buffer += data
        while len(self.buffer) >= LENGTH.size:
            size = LENGTH.unpack_from(self.buffer)[0]
            end = LENGTH.size + size
            if len(self.buffer) < end:
                return
            frame = bytes(self.buffer[LENGTH.size : end])
            del self.buffer[:end]
            self._deliver(frame)

    def _deliver(self, frame: bytes) -> None:
        waiter, self.waiter = self.waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(frame)
        else:
            self.frames.append(frame)

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = True
        waiter, self.waiter = self.waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_exception(ConnectionError("the worker closed its socket"))

    def next_frame(self) -> asyncio.Future[bytes]:
        future: asyncio.Future[bytes] = asyncio.get_running_loop().create_future()
        if self.frames:
            future.set_result(self.frames.popleft())
        elif self.lost:
            future.set_exception(ConnectionError("the worker is gone"))
        else:
            self.waiter = future
        return future


@dataclass(eq=False)
class _Worker:
    process: subprocess.Popen[bytes]
    transport: asyncio.Transport
    frames: _Frames
    state: State = field(default_factory=State)

    def send(self, request: object) -> asyncio.Future[bytes]:
        payload = pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL)
        future = self.frames.next_frame()
        self.transport.write(LENGTH.pack(len(payload)) + payload)
        return future

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.send_signal(signal.SIGKILL)
        self.transport.close()


class WorkerPool:
    def __init__(self, store: StoreLocation, limits: Limits) -> None:
        self.store = store
        self.limits = limits.resolved()
        self.state = State()
        """The store's state, as the latest worker to start read it."""
        self.sandboxed = False
        """Whether the workers run with the network filter (as the latest to start said)."""
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._admitted = 0
        self._closing = False
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def ready(self) -> int:
        return self._idle.qsize()

    async def start(self) -> None:
        """Start every worker; raise :class:`PoolError` if the store cannot be opened."""
        workers = await asyncio.gather(
            *(self._start_worker() for _ in range(self.limits.workers)), return_exceptions=True
        )
        failures = [w for w in workers if isinstance(w, BaseException)]
        for worker in workers:
            if isinstance(worker, _Worker):
                self._idle.put_nowait(worker)
        if failures:
            await self.close()
            raise failures[0]

    async def close(self) -> None:
        self._closing = True
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        # let the cancelled replacements clean up (a worker half started is killed and waited)
        await asyncio.gather(*tasks, return_exceptions=True)
        for worker in list(self._all):
            worker.kill()
        loop = asyncio.get_running_loop()
        for worker in list(self._all):
            await loop.run_in_executor(None, worker.process.wait)
        self._all.clear()

    async def run(
        self, job: Job, abandoned: Callable[[], Awaitable[None]] | None = None
    ) -> tuple[Outcome, bytes, State]:
        """Evaluate ``job`` in a worker: its outcome, body, and the state of the store read.
        ``abandoned`` returns when the client has gone away: a query still running a second
        later is then stopped like one out of time."""
        payload, state = await self._submit(job, self.limits.query_timeout, abandoned)
        meta_size = META.unpack_from(payload)[0]
        outcome: Outcome = pickle.loads(payload[META.size : META.size + meta_size])  # noqa: S301
        return outcome, payload[META.size + meta_size :], state

    async def internal(self, request: str) -> Any:
        """An internal request (see ``worker._internal``), e.g. ``"figures"``, in a worker of
        its own: a full scan of a large store takes a while, and queries go on meanwhile."""
        worker = await self._start_worker()
        try:
            payload = await asyncio.wait_for(worker.send(request), INTERNAL_SECONDS)
        except (TimeoutError, ConnectionError) as error:
            raise PoolError(f"the internal request {request!r} failed: {error!r}", 500) from None
        finally:
            await self._discard(worker)
        meta_size = META.unpack_from(payload)[0]
        return pickle.loads(payload[META.size + meta_size :])  # noqa: S301

    async def _submit(
        self, request: Job, seconds: float, abandoned: Callable[[], Awaitable[None]] | None
    ) -> tuple[bytes, State]:
        if self._admitted >= self.limits.max_concurrent:
            raise BusyError(
                f"the endpoint is busy: {self._admitted} queries are running or waiting, the "
                f"most it takes at once; try again shortly",
                503,
                retry_after=2,
            )
        self._admitted += 1
        try:
            worker = await self._acquire()
            loop = asyncio.get_running_loop()
            future = worker.send(request)
            timer = loop.call_later(seconds, self._expire, worker, future)
            watch = (
                loop.call_later(WATCH_AFTER, self._watch, worker, future, abandoned)
                if abandoned is not None
                else None
            )
            try:
                payload = await future
            except TimeoutError:
                raise _timeout(seconds) from None
            except ConnectionAbortedError:
                raise PoolError("the client went away; its query was stopped", 400) from None
            except ConnectionError:
                code = worker.process.poll()
                self._replace(worker)
                raise WorkerLostError(
                    f"the query stopped its worker process unexpectedly (exit status {code}); "
                    "a new worker has been started",
                    500,
                ) from None
            except asyncio.CancelledError:
                self._replace(worker)  # the request was abandoned: stop its query too
                raise
            finally:
                timer.cancel()
                if watch is not None:
                    watch.cancel()
            self._idle.put_nowait(worker)
            return payload, worker.state
        finally:
            self._admitted -= 1

    async def _acquire(self) -> _Worker:
        try:
            return self._idle.get_nowait()
        except asyncio.QueueEmpty:
            pass
        try:
            return await asyncio.wait_for(self._idle.get(), self.limits.query_timeout)
        except TimeoutError:
            raise BusyError(
                f"the endpoint is busy: no query worker came free within "
                f"{self.limits.query_timeout:g} s; try again shortly",
                503,
                retry_after=5,
            ) from None

    def _watch(
        self,
        worker: _Worker,
        future: asyncio.Future[bytes],
        abandoned: Callable[[], Awaitable[None]],
    ) -> None:
        """Still running: stop the query if its client goes away."""
        if future.done():
            return

        async def watch() -> None:
            await abandoned()
            if not future.done():
                log.info("client gone: stopping its query in worker %d", worker.process.pid)
                future.set_exception(ConnectionAbortedError())
                worker.frames.waiter = None
                self._replace(worker)

        task = asyncio.get_running_loop().create_task(watch())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        future.add_done_callback(lambda _: task.cancel())

    def _expire(self, worker: _Worker, future: asyncio.Future[bytes]) -> None:
        if future.done():
            return
        log.warning("query over the time limit: killing worker %d", worker.process.pid)
        future.set_exception(TimeoutError())
        worker.frames.waiter = None
        self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        task = asyncio.get_running_loop().create_task(self._replacement(worker))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _replacement(self, old: _Worker) -> None:
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, old.process.wait)
        self._all.discard(old)
        delay = 0.5
        while not self._closing:
            try:
                self._idle.put_nowait(await self._start_worker())
                return
            except PoolError as error:
                log.error("cannot start a query worker: %s; trying again in %g s", error, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30.0)

    async def _discard(self, worker: _Worker) -> None:
        worker.kill()
        await asyncio.get_running_loop().run_in_executor(None, worker.process.wait)
        self._all.discard(worker)

    async def _start_worker(self) -> _Worker:
        loop = asyncio.get_running_loop()
        parent, child = socket.socketpair()
        command = [sys.executable, "-m", "sparql.query_worker", "--store", str(self.store)]
        command += ["--query-timeout", str(self.limits.query_timeout)]  # for a store server
        with child:
            process = subprocess.Popen(  # noqa: S603  (our own module, our own interpreter)
                [*command, "--fd", str(child.fileno())],
                pass_fds=(child.fileno(),),
                stdin=subprocess.DEVNULL,
            )
        try:
            transport, frames = await loop.connect_accepted_socket(_Frames, parent)
        except BaseException:  # cancelled by close() in between: leave no process behind
            process.kill()
            await loop.run_in_executor(None, process.wait)
            raise
        worker = _Worker(process, transport, frames)
        self._all.add(worker)
        try:
            ready: Ready = pickle.loads(  # noqa: S301
                await asyncio.wait_for(frames.next_frame(), STARTUP_SECONDS)
            )
        except (TimeoutError, ConnectionError) as error:
            await self._discard(worker)
            raise PoolError(f"a query worker did not start: {error!r}", 500) from None
        if ready.state is None:
            await self._discard(worker)
            raise PoolError(ready.error, 500)
        if not ready.sandboxed:
            log.warning("query worker runs without the network filter: %s", ready.sandbox_note)
        changed = self.state.token and ready.state.token != self.state.token
        if changed and not isinstance(self.store, StoreUrl):  # a server's state is read anew
            log.warning("the store changed under the server; restart it after loading")
        worker.state = ready.state
        self.state, self.sandboxed = ready.state, ready.sandboxed
        return worker


def _timeout(seconds: float) -> QueryTimeoutError:
    return QueryTimeoutError(
        f"the query ran out of time: it was stopped after {seconds:g} s, this endpoint's limit "
        "(--query-timeout); narrow it down (more specific patterns, LIMIT) and try again",
        422,
    )
