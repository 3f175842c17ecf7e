"""The ``referatgraf`` command line (see CONTRACT.md): load, query, stats, validate, demo.

Exit status: 0 success, 1 some input failed (the rest was done all the same), 2 usage error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from graph.ingest import (
    BATCH_DOCUMENTS,
    FileResult,
    LoadOptions,
    LoadReport,
    collect_files,
    load_files,
)
from graph.store import MinutesStore, StoreError
from graph.uris import Minter
from referatgraf import demo as demo_module
from referatgraf.settings import resolve
from sparql.execute import QueryError, read_query_argument, run_query
from sparql.stats import collect_stats

STORE_HELP = "Store folder (default ./data/store, or $REFERATGRAF_STORE)."
BASE_HELP = "Base of the IRIs minted (default https://w3id.org/referatgraf/, or $REFERATGRAF_BASE)."


def store_option(func: Callable[..., Any]) -> Callable[..., Any]:
    option = click.option("--store", type=click.Path(path_type=Path), default=None, help=STORE_HELP)
    return option(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="referatgraf")
def main() -> None:
    """referatgraf: Danish municipal committee minutes as a linked-data graph."""


@main.command()
@store_option
@click.option("--base", default=None, help=BASE_HELP)
@click.option("--municipality", default=None, help="Municipality of minutes that do not name it.")
@click.option("--workers", type=click.IntRange(1, 64), default=None, help="Parser processes.")
@click.option(
    "--batch-size",
    type=click.IntRange(1, 100_000),
    default=BATCH_DOCUMENTS,
    show_default=True,
    help="Documents per bulk write (memory grows with it).",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def load(
    store: Path | None,
    base: str | None,
    municipality: str | None,
    workers: int | None,
    batch_size: int,
    paths: tuple[Path, ...],
) -> None:
    """Load minutes files or folders (formats detected from content) into the store."""
    settings = resolve(store, base)
    if municipality is not None:
        from loaders.municipalities import by_name  # noqa: PLC0415

        if by_name(municipality) is None:
            raise click.BadParameter(
                f"unknown municipality {municipality!r}", param_hint="--municipality"
            )
    missing = [p for p in paths if not p.exists()]
    files = list(collect_files(p for p in paths if p.exists()))
    with _open_store(settings.store, writable=True) as (minutes, recovered):
        options = LoadOptions(Minter(settings.base), municipality, workers, batch_size)
        report = _load_with_progress(minutes, files, options, recovered)
    for path in missing:
        click.echo(f"failed     {path}: no such file or folder")
    _print_summary(report, len(missing))
    sys.exit(1 if report.failed or missing else 0)


def _load_with_progress(
    minutes: MinutesStore, files: list[Path], options: LoadOptions, recovered: list[str]
) -> LoadReport:
    for graph in recovered:
        click.echo(f"recovered  removed a partial document left by an interrupted load: {graph}")
    if not sys.stderr.isatty():
        return load_files(minutes, files, options, on_result=_print_result, recovered=recovered)
    results: list[FileResult] = []
    with click.progressbar(length=len(files), label="Indlæser", file=sys.stderr) as bar:

        def advance(result: FileResult) -> None:
            results.append(result)
            bar.update(1)

        report = load_files(minutes, files, options, on_result=advance, recovered=recovered)
    for result in results:
        _print_result(result)
    return report


def _print_result(result: FileResult) -> None:
    if result.status == "loaded":
        click.echo(f"loaded     {result.path}  ({result.layout})")
    elif result.status == "unchanged":
        click.echo(f"skipped    {result.path}: unchanged since it was loaded")
    elif result.status == "replaced":
        click.echo(f"skipped    {result.path}: {result.reason}")
    else:
        click.echo(f"failed     {result.path}: {result.reason}")
    for note in result.notes:
        click.echo(f"  note: {note}")


def _print_summary(report: LoadReport, missing: int) -> None:
    seconds = ((report.ended or report.started) - report.started).total_seconds()
    click.echo(
        f"{report.count('loaded')} loaded, "
        f"{report.count('unchanged') + report.count('replaced')} skipped, "
        f"{report.count('failed') + missing} failed in {seconds:.1f} s"
    )


@main.command()
@store_option
@click.option(
    "--format", "fmt",
    type=click.Choice(["csv", "tsv", "json", "xml", "ttl", "nt", "nq"]),
    default=None,
    help="Result format (default: csv for SELECT and ASK, ttl for CONSTRUCT and DESCRIBE).",
)  # fmt: skip
@click.argument("query")
def query(store: Path | None, fmt: str | None, query: str) -> None:
    """Run a SPARQL query (text, or @file.rq) over the union of all graphs."""
    settings = resolve(store)
    try:
        text = read_query_argument(query)
    except OSError as error:
        raise click.BadParameter(f"cannot read {query[1:]}: {error.strerror}") from error
    with _open_store(settings.store, writable=False) as (minutes, _):
        try:
            output = run_query(minutes, text, fmt)
        except QueryError as error:
            click.echo(f"error: {error}", err=True)
            sys.exit(2 if error.usage else 1)
    sys.stdout.buffer.write(output)
    sys.stdout.buffer.flush()


@main.command()
@store_option
def stats(store: Path | None) -> None:
    """What is in the graph: counts of meetings, items, people, and where they come from."""
    settings = resolve(store)
    with _open_store(settings.store, writable=False) as (minutes, _):
        for label, value in collect_stats(minutes):
            click.echo(f"{label:<28} {value}")


@main.command()
@store_option
def validate(store: Path | None) -> None:
    """Check the graph against the ontology's SHACL shapes."""
    from graph.validate import validate_store  # noqa: PLC0415  (rdflib and pySHACL load slowly)

    settings = resolve(store)
    with _open_store(settings.store, writable=False) as (minutes, _):
        conforms, report_text = validate_store(minutes)
    click.echo(report_text)
    sys.exit(0 if conforms else 1)


@main.command()
@store_option
def demo(store: Path | None) -> None:
    """Load the bundled sample minutes and show what the graph answers."""
    settings = resolve(store)
    with _open_store(settings.store, writable=True) as (minutes, recovered):
        options = LoadOptions(Minter(settings.base))
        report = _load_with_progress(minutes, demo_module.sample_files(), options, recovered)
        _print_summary(report, 0)
        demo_module.show_examples(minutes, click.echo)
    sys.exit(1 if report.failed else 0)


@contextmanager
def _open_store(path: Path, *, writable: bool) -> Iterator[tuple[MinutesStore, list[str]]]:
    try:
        if writable:
            yield MinutesStore.open(path)
        else:
            yield MinutesStore.open_read_only(path), []
    except StoreError as error:
        click.echo(f"error: {error}", err=True)
        sys.exit(2)
