"""The options of ``serve`` and ``demo``: where to listen, and the endpoint's limits (their
defaults are :class:`sparql.limits.Limits`'s, shown in ``--help``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from graph.index_location import index_location
from graph.location import store_location
from referatgraf.settings import INDEX_ENV, STORE_ENV
from sparql.limits import Limits

INDEX_HELP = (
    "The pages' side index: a SQLite file (default: beside the store), or "
    "postgresql://USER:PASSWORD@HOST:PORT/DATABASE to share one among several servers "
    "(or $REFERATGRAF_INDEX)."
)


def _parsed(
    parse: Callable[[str], Any],
) -> Callable[[click.Context, click.Parameter, str | None], Any]:
    """A click callback: the option's text through ``parse`` (a ``ValueError`` is a usage
    error naming the option), ``None`` when it is not given."""

    def callback(_: click.Context, param: click.Parameter, value: str | None) -> Any:
        try:
            return None if not value else parse(value)
        except ValueError as error:
            raise click.BadParameter(str(error), param=param) from None

    return callback


def index_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--index``: where the side index is (the parameter ``index_at``)."""
    option = click.option(
        "--index",
        "index_at",
        default=None,
        envvar=INDEX_ENV,
        callback=_parsed(index_location),
        help=INDEX_HELP,
    )
    return option(func)


STORE_HELP = (
    "Store folder, http://HOST:PORT of an Oxigraph server, or virtuoso+http://HOST:PORT of "
    "Virtuoso (login for writes: $REFERATGRAF_STORE_USER, $REFERATGRAF_STORE_PASSWORD) "
    "(default ./data/store, or $REFERATGRAF_STORE)."
)
BASE_HELP = "Base of the IRIs minted (default https://w3id.org/referatgraf/, or $REFERATGRAF_BASE)."


def store_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--store``: a folder or a store server's URL (the parameter ``store``)."""
    option = click.option(
        "--store", default=None, envvar=STORE_ENV, callback=_parsed(store_location), help=STORE_HELP
    )
    return option(func)


def serve_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The options of ``serve`` (and ``demo``): where to listen, and the endpoint's limits."""
    defaults = Limits()
    options = (
        click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind."),
        click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True),
        click.option(
            "--query-timeout",
            type=click.FloatRange(0.1, 86_400),
            default=defaults.query_timeout,
            show_default=True,
            help="Seconds a query may run; then it is stopped and the client gets 422.",
        ),
        click.option(
            "--workers",
            type=click.IntRange(0, 256),
            default=0,
            help="Query worker processes (default: one per core, at least 2).",
        ),
        click.option(
            "--processes",
            type=click.IntRange(1, 64),
            default=1,
            show_default=True,
            help="Server processes sharing the port, each with its share of the workers "
            "(one per core uses every core for HTTP, cached answers and lookups).",
        ),
        click.option(
            "--page-workers",
            type=click.IntRange(0, 256),
            default=None,
            help="Processes rendering the dataset's pages (default: one per core, at least 2; "
            "0: the server process renders them).",
        ),
        click.option(
            "--lookup-rows",
            type=click.IntRange(0, 100_000),
            default=None,
            help="A SELECT of one triple pattern with LIMIT + OFFSET up to this (or an ASK of "
            "one) is answered without a worker (default: 1000 with --processes 2 or more, "
            "else 0: every query goes to a worker).",
        ),
        click.option(
            "--max-concurrent",
            type=click.IntRange(0, 100_000),
            default=0,
            help="Queries admitted at once, running or waiting; more get 503 "
            "(default: 8 per worker).",
        ),
        click.option(
            "--max-rows",
            type=click.IntRange(1, 100_000_000),
            default=defaults.max_rows,
            show_default=True,
            help="Rows (or triples) per answer; a longer result is cut, and marked in headers.",
        ),
        click.option(
            "--result-cache-bytes",
            type=click.IntRange(0, 1 << 40),
            default=defaults.result_cache_bytes,
            show_default=True,
            help="Answers kept to answer the same query again without evaluating it (0: none).",
        ),
        click.option(
            "--max-request-bytes",
            type=click.IntRange(1024, 1 << 30),
            default=defaults.max_request_bytes,
            show_default=True,
            help="Largest request body or query string; more gets 413 or 414.",
        ),
    )
    for option in reversed(options):
        func = option(func)
    return func
