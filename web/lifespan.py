"""What the app does while it runs: starting it starts the query workers, the lookups and the
page workers it was given (:class:`~web.app_parts.AppParts`), and then counts the store's
figures for the service description and the home page in the background; stopping it stops
them all.

Everything the app keeps or tags with an ``ETag`` is keyed by the store's current state
(:mod:`sparql.store_state`): read once over a store folder, again after a time to live over a store
server. When another process has loaded into the store server meanwhile, the figures are
counted again and the side index is brought in step (:class:`~web.index_refresh.IndexRefresher`),
so every web server over the same store answers alike, without a restart.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING

from sparql.service_description import Description
from sparql.store_state import CurrentState, State
from sparql.worker_pool import PoolError

if TYPE_CHECKING:
    from contextlib import AbstractAsyncContextManager

    from fastapi import FastAPI

    from web.app_parts import AppParts
    from web.endpoint import EndpointState
    from web.index_refresh import IndexRefresher


def lifespan(
    parts: AppParts, state: EndpointState
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """The app's lifespan over ``parts``; ``state``: the endpoint's, whose description it
    completes once the workers have started and the figures are counted."""

    @contextlib.asynccontextmanager
    async def running(_: FastAPI) -> AsyncIterator[None]:
        pool, pages = parts.queries, parts.pages
        await pool.start()
        await parts.lookups.start(pool.state.token)
        state.set_description(Description(parts.limits, sandboxed=pool.sandboxed))
        counting = _follow_store(state, parts.current, parts.refresher)
        starting_pages = asyncio.create_task(pages.start())  # meanwhile, pages render here
        try:
            yield
        finally:
            for task in (*counting, starting_pages):
                task.cancel()
            await pages.close()
            await pool.close()

    return running


def _follow_store(
    state: EndpointState, current: CurrentState, refresher: IndexRefresher
) -> set[asyncio.Task[None]]:
    """Count the store's figures now, and again each time the store changes (unknown meanwhile:
    the pages and the service description say they are being counted); bring the side index in
    step now (a missing or stale one is rebuilt in the background), and again on each change.
    Returns the counting tasks, to cancel when the server stops."""
    loop = asyncio.get_running_loop()
    current.seed(state.pool.state)  # what the query workers read as they started
    tasks: set[asyncio.Task[None]] = set()

    def count(token: str) -> None:
        for task in list(tasks):
            task.cancel()
        task = loop.create_task(_count_figures(state, current, token))
        tasks.add(task)
        task.add_done_callback(tasks.discard)

    def changed(_old: State, new: State) -> None:  # in the thread that read the new state
        description = state.description
        state.set_description(Description(description.limits, description.sandboxed))
        loop.call_soon_threadsafe(count, new.token)

    current.on_change(changed)
    current.on_change(lambda _old, _new: refresher.request())
    count(state.pool.state.token)
    refresher.request()
    return tasks


async def _count_figures(state: EndpointState, current: CurrentState, token: str) -> None:
    try:
        figures = await state.pool.internal("figures")
    except PoolError as error:
        logging.getLogger("referatgraf.workers").warning("no store figures: %s", error.message)
        return
    if (current.fresh() or State(token)).token != token:
        return  # counted for a state that has passed: the count of the new one follows
    description = state.description
    state.set_description(Description(description.limits, description.sandboxed, figures))
