"""The worker pool: answers, time limits that kill, the cap on concurrent queries, and a
worker lost and replaced. Each test runs its own event loop and stops every process."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from pathlib import Path

import pytest

from sparql.evaluate import Job
from sparql.limits import Limits
from sparql.worker_pool import BusyError, QueryTimeoutError, WorkerLostError, WorkerPool

pytestmark = pytest.mark.slow
ASK = Job("ASK { ?s ?p ?o }", "ASK")
# every triple crossed with itself six times: COUNT over 36^6 (2 billion) rows takes minutes
SLOW = Job(
    "SELECT (COUNT(*) AS ?n) "
    "WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o . ?p ?q ?r }",
    "SELECT",
)


def run(coroutine: object) -> object:
    return asyncio.run(coroutine)  # type: ignore[arg-type]


def test_answers_and_reports_the_store_state(minutes_store_dir: Path) -> None:
    async def scenario() -> None:
        pool = WorkerPool(minutes_store_dir, Limits(workers=2))
        await pool.start()
        try:
            outcome, body, state = await pool.run(ASK)
            assert outcome.status == 200
            assert body == b'{"head":{},"boolean":true}'
            assert state.token
            assert state.modified is not None
            assert state.modified.year == 2020
            assert pool.sandboxed is True
            figures = await pool.internal("figures")
            assert figures["triples"] == 36
        finally:
            await pool.close()

    run(scenario())


def test_a_slow_query_is_killed_at_the_limit_while_others_are_answered(
    minutes_store_dir: Path,
) -> None:
    async def scenario() -> None:
        pool = WorkerPool(minutes_store_dir, Limits(workers=2, query_timeout=2))
        await pool.start()
        pids = {w.process.pid for w in pool._all}
        try:
            started = time.monotonic()
            slow = asyncio.create_task(pool.run(SLOW))
            await asyncio.sleep(0.3)
            quick_started = time.monotonic()
            outcome, _, _ = await pool.run(ASK)
            assert outcome.status == 200
            assert time.monotonic() - quick_started < 1.5
            with pytest.raises(QueryTimeoutError) as error:
                await slow
            assert error.value.status == 422
            assert "2 s" in error.value.message
            assert time.monotonic() - started < 2 + 2
            for _ in range(100):  # the killed worker is replaced
                if pool.ready == 2:
                    break
                await asyncio.sleep(0.1)
            assert pool.ready == 2
            killed = pids - {w.process.pid for w in pool._all}
            assert len(killed) == 1
            assert not _alive(killed.pop())
        finally:
            await pool.close()

    run(scenario())


def test_more_than_max_concurrent_is_refused(minutes_store_dir: Path) -> None:
    async def scenario() -> None:
        pool = WorkerPool(minutes_store_dir, Limits(workers=2, max_concurrent=2, query_timeout=2))
        await pool.start()
        try:
            slow = [asyncio.create_task(pool.run(SLOW)) for _ in range(2)]
            await asyncio.sleep(0.2)
            with pytest.raises(BusyError) as error:
                await pool.run(ASK)
            assert error.value.status == 503
            assert error.value.retry_after
            for task in slow:
                with pytest.raises(QueryTimeoutError):
                    await task
        finally:
            await pool.close()

    run(scenario())


def test_a_worker_that_dies_is_replaced(minutes_store_dir: Path) -> None:
    async def scenario() -> None:
        pool = WorkerPool(minutes_store_dir, Limits(workers=2, query_timeout=10))
        await pool.start()
        try:
            slow = asyncio.create_task(pool.run(SLOW))
            await asyncio.sleep(0.3)
            busy = [w for w in pool._all if w not in pool._idle._queue]  # type: ignore[attr-defined]
            os.kill(busy[0].process.pid, signal.SIGKILL)
            with pytest.raises(WorkerLostError) as error:
                await slow
            assert error.value.status == 500
            outcome, _, _ = await pool.run(ASK)
            assert outcome.status == 200
        finally:
            await pool.close()

    run(scenario())


def test_a_missing_store_is_said_plainly(tmp_path: Path) -> None:
    async def scenario() -> None:
        pool = WorkerPool(tmp_path / "nothing", Limits(workers=1))
        with pytest.raises(Exception, match="no store"):
            await pool.start()

    run(scenario())


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True
