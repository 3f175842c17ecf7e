"""``referatgraf load``: minutes files or folders into the store, with a line per file of
what was read, and the side index brought in step."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from graph.index_location import IndexLocation
from graph.ingest import BATCH_DOCUMENTS, LoadOptions, collect_files, load_files
from graph.load_run import FileResult, LoadReport
from graph.location import StoreLocation
from graph.store import MinutesStore
from graph.uris import Minter
from referatgraf.options import BASE_HELP, index_option, store_option
from referatgraf.settings import resolve
from referatgraf.store_access import open_store, refresh_index


@click.command()
@store_option
@index_option
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
@click.option(
    "--no-mentions",
    is_flag=True,
    help="Read the structure only; do not recognise laws, programmes, organisations, persons.",
)
@click.option(
    "--no-index", is_flag=True, help="Leave the side index of the web pages as it is (stale)."
)
@click.option(
    "--source-url",
    default=None,
    help="Where the minutes were published (http or https), for one file: shown on the "
    "meeting's page as the original.",
)
@click.option(
    "--ocr",
    is_flag=True,
    help="Recognise the text of PDF pages that have none (scans) with Tesseract (slow).",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def load(
    store: StoreLocation | None,
    index_at: IndexLocation | None,
    base: str | None,
    municipality: str | None,
    workers: int | None,
    batch_size: int,
    no_mentions: bool,
    no_index: bool,
    source_url: str | None,
    ocr: bool,
    paths: tuple[Path, ...],
) -> None:
    """Load minutes files or folders (formats detected from content) into the store."""
    settings = resolve(store, base, index_at)
    if source_url is not None:
        source_url = _one_source_url(source_url, paths)
    if municipality is not None:
        from loaders.municipalities import by_name  # noqa: PLC0415

        if by_name(municipality) is None:
            raise click.BadParameter(
                f"unknown municipality {municipality!r}", param_hint="--municipality"
            )
    missing = [p for p in paths if not p.exists()]
    files = list(collect_files(p for p in paths if p.exists()))
    with open_store(settings.store, writable=True) as (minutes, recovered):
        options = LoadOptions(
            Minter(settings.base), municipality, workers, batch_size, mentions=not no_mentions,
            source_url=source_url, ocr=ocr,
        )  # fmt: skip
        report = load_with_progress(minutes, files, options, recovered)
        indexed = "" if no_index else refresh_index(minutes, settings)
    for path in missing:
        click.echo(f"failed     {path}: no such file or folder")
    print_summary(report, len(missing))
    if indexed:
        click.echo(indexed)
    sys.exit(1 if report.failed or missing else 0)


def _one_source_url(value: str, paths: tuple[Path, ...]) -> str:
    """``--source-url`` made safe as an IRI; it names the one file loaded."""
    from loaders.page_evidence import safe_url  # noqa: PLC0415

    safe = safe_url(value)
    if safe is None:
        raise click.BadParameter(f"not an http(s) address: {value!r}", param_hint="--source-url")
    if len(paths) != 1 or not paths[0].is_file():
        raise click.BadParameter(
            "names where one file was published: give one file", param_hint="--source-url"
        )
    return safe


def load_with_progress(
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
        for line in result.summary:
            click.echo(f"  {line}")
        for warning in result.warnings:
            click.echo(f"  warning: {warning}")
    elif result.status == "unchanged":
        click.echo(f"skipped    {result.path}: unchanged since it was loaded")
    elif result.status == "replaced":
        click.echo(f"skipped    {result.path}: {result.reason}")
    else:
        click.echo(f"failed     {result.path}: {result.reason}")
    for note in result.notes:
        click.echo(f"  note: {note}")


def print_summary(report: LoadReport, missing: int) -> None:
    seconds = ((report.ended or report.started) - report.started).total_seconds()
    click.echo(
        f"{report.count('loaded')} loaded, "
        f"{report.count('unchanged') + report.count('replaced')} skipped, "
        f"{report.count('failed') + missing} failed in {seconds:.1f} s"
    )


__all__ = ["load", "load_with_progress", "print_summary"]
