"""The ``referatgraf`` command line (see CONTRACT.md): load, query, stats, validate, demo.

Exit status: 0 success, 1 some input failed (the rest was done all the same), 2 usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from graph.index_location import IndexLocation
from graph.ingest import (
    LoadOptions,
    collect_files,
)
from graph.location import StoreLocation
from graph.store import MinutesStore
from graph.uris import Minter
from referatgraf import demo as demo_module
from referatgraf.load_command import load, load_with_progress, print_summary
from referatgraf.options import index_option, serve_options, store_option
from referatgraf.settings import Settings, resolve, state_ttl
from referatgraf.store_access import open_store, refresh_index
from sparql.execute import QueryError, read_query_argument, run_query
from sparql.limits import Limits, default_workers
from sparql.stats import collect_stats

if TYPE_CHECKING:
    from publishing.publication import PublishSettings


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="referatgraf")
def main() -> None:
    """referatgraf: Danish municipal committee minutes as a linked-data graph."""
    try:
        state_ttl()  # a bad setting stops every command with its name, not a traceback
    except ValueError as error:
        raise click.UsageError(str(error)) from None


main.add_command(load)


@main.command()
@store_option
@click.option(
    "--format", "fmt",
    type=click.Choice(["csv", "tsv", "json", "xml", "ttl", "nt", "nq"]),
    default=None,
    help="Result format (default: csv for SELECT and ASK, ttl for CONSTRUCT and DESCRIBE).",
)  # fmt: skip
@click.option(
    "--example",
    default=None,
    metavar="NAME",
    help="Run a query of the gallery (sparql/examples/) instead; --list-examples names them.",
)
@click.option("--list-examples", is_flag=True, help="List the gallery's example queries and stop.")
@click.argument("query", required=False)
def query(
    store: StoreLocation | None,
    fmt: str | None,
    example: str | None,
    list_examples: bool,
    query: str | None,
) -> None:
    """Run a SPARQL query (text, or @file.rq, or --example NAME) over the union of all graphs."""
    from sparql.gallery import UnknownExampleError, examples  # noqa: PLC0415
    from sparql.gallery import example as gallery_example  # noqa: PLC0415

    if list_examples:
        for found in examples():
            click.echo(f"{found.name:<34} {found.title}")
        return
    if (query is None) == (example is None):
        raise click.UsageError("give a query, or --example NAME (but not both)")
    settings = resolve(store)
    if example is not None:
        try:
            text = gallery_example(example).text
        except UnknownExampleError as error:
            raise click.BadParameter(str(error), param_hint="--example") from error
    else:
        assert query is not None
        try:
            text = read_query_argument(query)
        except OSError as error:
            raise click.BadParameter(f"cannot read {query[1:]}: {error.strerror}") from error
    with open_store(settings.store, writable=False) as (minutes, _):
        try:
            output = run_query(minutes, text, fmt)
        except QueryError as error:
            click.echo(f"error: {error}", err=True)
            sys.exit(2 if error.usage else 1)
    sys.stdout.buffer.write(output)
    sys.stdout.buffer.flush()


@main.command()
@store_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write the dumps and their DCAT-AP catalog into.",
)
def dump(store: StoreLocation | None, out: Path) -> None:
    """The whole dataset as gzipped N-Quads, Turtle and JSON-LD, one subset per municipality,
    the ontology and shapes, a DCAT-AP catalog and a VoID description."""
    from publishing import dump as dump_store  # noqa: PLC0415
    from publishing import report_lines  # noqa: PLC0415

    settings = resolve(store)
    publishing = _publish_settings()
    with open_store(settings.store, writable=False) as (minutes, _):
        report = dump_store(minutes, out, base=settings.base, settings=publishing)
    for line in report_lines(report):
        click.echo(line)


@main.command()
@store_option
@index_option
@click.option("--full", is_flag=True, help="Rebuild from nothing, not from the index there is.")
def index(store: StoreLocation | None, index_at: IndexLocation | None, full: bool) -> None:
    """Build the side index of the web pages (counts, timelines, search) beside the store, or
    in PostgreSQL (--index); `load` keeps it in step, so this is needed only after
    `load --no-index`."""
    settings = resolve(store, index=index_at)
    with open_store(settings.store, writable=False) as (minutes, _):
        click.echo(refresh_index(minutes, settings, full=full))


@main.command()
@click.option("--municipality", default=None, help="Municipality of minutes that do not name it.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def inspect(municipality: str | None, paths: tuple[Path, ...]) -> None:
    """Parse minutes files without a store and print the document model as the loader sees
    it: header fields, items, sections and decisions, each with its line span."""
    from loaders.inspect_text import describe  # noqa: PLC0415
    from loaders.model import LoaderError  # noqa: PLC0415
    from loaders.read import read_minutes  # noqa: PLC0415

    failed = False
    files = list(collect_files(p for p in paths if p.exists()))
    for path in paths:
        if not path.exists():
            click.echo(f"failed     {path}: no such file or folder")
            failed = True
    for number, path in enumerate(files):
        if number:
            click.echo("")
        try:
            doc = read_minutes(path.read_bytes(), path.name, municipality=municipality)
        except LoaderError as error:
            click.echo(f"failed     {path}: {error}")
            failed = True
            continue
        except OSError as error:
            click.echo(f"failed     {path}: cannot read the file: {error.strerror or error}")
            failed = True
            continue
        click.echo(describe(doc))
    sys.exit(1 if failed else 0)


@main.command()
@store_option
def stats(store: StoreLocation | None) -> None:
    """What is in the graph: counts of meetings, items, people, and where they come from."""
    settings = resolve(store)
    with open_store(settings.store, writable=False) as (minutes, _):
        for label, value in collect_stats(minutes):
            click.echo(f"{label:<28} {value}")


@main.command()
@store_option
@click.option(
    "--golden",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("tests/loaders/golden_mentions"),
    show_default=True,
    help="Hand-written golden mention files to score the recogniser against (skipped if absent).",
)
@click.option(
    "--minutes",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of the minutes the golden files describe (default: the bundled samples).",
)
def report(store: StoreLocation | None, golden: Path, minutes: Path | None) -> None:
    """Quality of the recognition (precision and recall against golden files, mentions per
    rule, decisions with an outcome) and the candidates for new reference entries."""
    from loaders.mentions.scoring import evaluate, report_lines  # noqa: PLC0415
    from sparql.quality_report import candidate_lines, quality_lines  # noqa: PLC0415

    settings = resolve(store)
    if golden.is_dir():
        samples, score = evaluate(golden, minutes or demo_module.samples_folder())
        click.echo(f"Genkendelse målt mod {len(samples)} håndskrevne guldfiler i {golden}:")
        for line in report_lines(samples, score):
            click.echo(f"  {line}")
    else:
        click.echo(f"(ingen guldfiler i {golden}: præcision og genkaldelse springes over)")
    with open_store(settings.store, writable=False) as (minutes_store, _):
        for line in quality_lines(minutes_store):
            click.echo(line)
        for line in candidate_lines(minutes_store):
            click.echo(line)


@main.command()
@store_option
def validate(store: StoreLocation | None) -> None:
    """Check the graph against the ontology's SHACL shapes."""
    from graph.validate import validate_store  # noqa: PLC0415  (rdflib and pySHACL load slowly)

    settings = resolve(store)
    with open_store(settings.store, writable=False) as (minutes, _):
        conforms, report_text = validate_store(minutes)
    click.echo(report_text)
    sys.exit(0 if conforms else 1)


@main.command()
@store_option
@index_option
@serve_options
def serve(
    store: StoreLocation | None,
    index_at: IndexLocation | None,
    host: str,
    port: int,
    page_workers: int | None,
    processes: int,
    **limits: Any,
) -> None:
    """Serve the web app and the SPARQL endpoint (read-only) until interrupted."""
    _serve(resolve(store, index=index_at), host, port, Limits(**limits), page_workers, processes)


@main.command()
@store_option
@index_option
@serve_options
@click.option("--no-serve", is_flag=True, help="Load and show the examples, then stop.")
def demo(
    store: StoreLocation | None,
    index_at: IndexLocation | None,
    host: str,
    port: int,
    no_serve: bool,
    page_workers: int | None,
    processes: int,
    **limits: Any,
) -> None:
    """Load the bundled sample minutes, show what the graph answers, and serve it."""
    settings = resolve(store, index=index_at)
    with open_store(settings.store, writable=True) as (minutes, recovered):
        options = LoadOptions(Minter(settings.base))
        report = load_with_progress(minutes, demo_module.sample_files(), options, recovered)
        print_summary(report, 0)
        click.echo(refresh_index(minutes, settings))
        _dump_for_demo(minutes, settings)
        demo_module.show_examples(minutes, click.echo)
    if no_serve:
        sys.exit(1 if report.failed else 0)
    _serve(settings, host, port, Limits(**limits), page_workers, processes)


def _dump_for_demo(minutes: MinutesStore, settings: Settings) -> None:
    """The demo publishes dumps too, so /dumps/ and /catalog have files to show."""
    from publishing import dump as dump_store  # noqa: PLC0415

    publishing = _publish_settings()
    report = dump_store(minutes, settings.dumps, base=settings.base, settings=publishing)
    click.echo(f"dumped     {len(report.files)} files into {settings.dumps} (served at /dumps/)")


def _publish_settings() -> PublishSettings:
    """The publishing settings from the environment; a bad one stops with its name."""
    from publishing import resolve_publish_settings  # noqa: PLC0415

    try:
        return resolve_publish_settings()
    except ValueError as error:
        click.echo(f"error: {error} (set by $REFERATGRAF_CONTACT_EMAIL)", err=True)
        sys.exit(2)


def _serve(
    settings: Settings,
    host: str,
    port: int,
    limits: Limits,
    page_workers: int | None,
    processes: int = 1,
) -> None:
    # FastAPI loads slowly: only the commands that serve import it
    from referatgraf.serve_command import ServeSettings, serve  # noqa: PLC0415

    if isinstance(settings.store, Path) and not (settings.store / "CURRENT").exists():
        click.echo(
            f"error: no store at {settings.store}; load minutes first (referatgraf load)", err=True
        )
        sys.exit(2)
    if not isinstance(settings.store, Path):
        with open_store(settings.store, writable=False):
            pass  # the server answers: say so now, not in every worker
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"referatgraf serves {settings.store} at http://{shown}:{port}/ (SPARQL: /sparql)")
    workers = default_workers() if page_workers is None else page_workers
    served = ServeSettings(
        settings.store,
        settings.base,
        settings.dumps,
        settings.state_ttl,
        settings.index,
        _publish_settings(),
    )
    serve(served, limits, host, port, page_workers=workers, processes=processes)
