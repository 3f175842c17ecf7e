"""What the commands share: opening the store (a store that cannot be opened is exit status 2
with one line), and bringing the side index in step."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

from graph.index_location import IndexLocation, IndexUrl
from graph.location import StoreLocation
from graph.store import MinutesStore, StoreError
from referatgraf.settings import Settings


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
    from searchindex import build_index  # noqa: PLC0415
    from searchindex.connections import INDEX_ERRORS  # noqa: PLC0415

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


__all__ = ["open_store", "refresh_index", "shown_index"]
