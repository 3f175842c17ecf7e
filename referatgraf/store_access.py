"""What the commands share: the ``--store`` option, opening the store (a store that cannot be
opened is exit status 2 with one line), and bringing the side index in step."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from graph.index_location import IndexLocation, IndexUrl
from graph.location import StoreLocation, store_location
from graph.store import MinutesStore, StoreError
from referatgraf.settings import STORE_ENV, Settings

STORE_HELP = (
    "Store folder, http://HOST:PORT of an Oxigraph server, or virtuoso+http://HOST:PORT of "
    "Virtuoso (login for writes: $REFERATGRAF_STORE_USER, $REFERATGRAF_STORE_PASSWORD) "
    "(default ./data/store, or $REFERATGRAF_STORE)."
)
BASE_HELP = "Base of the IRIs minted (default https://w3id.org/referatgraf/, or $REFERATGRAF_BASE)."


def store_option(func: Callable[..., Any]) -> Callable[..., Any]:
    option = click.option(
        "--store", default=None, envvar=STORE_ENV, callback=_store_location, help=STORE_HELP
    )
    return option(func)


def _store_location(
    _: click.Context, param: click.Parameter, value: str | None
) -> StoreLocation | None:
    try:
        return None if not value else store_location(value)
    except ValueError as error:
        raise click.BadParameter(str(error), param=param) from None


@contextmanager
def open_store(path: StoreLocation, *, writable: bool) -> Iterator[tuple[MinutesStore, list[str]]]:
    try:
        if writable:
            yield MinutesStore.open(path)
        else:
            yield MinutesStore.open_read_only(path), []
    except StoreError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)


def refresh_index(minutes: MinutesStore, settings: Settings, *, full: bool = False) -> str:
    """Bring the side index of the web pages in step with the store; the line to report."""
    from graph.siteindex import build_index  # noqa: PLC0415
    from graph.siteindex.connections import INDEX_ERRORS  # noqa: PLC0415

    assert settings.index is not None  # resolve() fills it
    try:
        built = build_index(minutes, settings.index, incremental=not full)
    except INDEX_ERRORS as error:  # PostgreSQL down, or refusing us: say so, not a traceback
        where = shown_index(settings.index)
        message = f"the side index at {where} cannot be written: {error}"
        raise click.ClickException(message) from None
    how = "built" if built.full else f"updated ({built.added} new, {built.removed} dropped)"
    return (
        f"index      {how}: {built.documents} documents, {built.mentions} mentions"
        f" in {built.seconds:.1f} s -> {shown_index(built.path)}"
    )


def shown_index(location: IndexLocation) -> str:
    return location.shown if isinstance(location, IndexUrl) else str(location)


__all__ = ["BASE_HELP", "STORE_HELP", "open_store", "refresh_index", "shown_index", "store_option"]
