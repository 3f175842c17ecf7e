"""A load run: files -> parsed documents -> quads -> store, with a record of the run.

Each file is read, parsed and mapped on its own (in worker processes when there are many), and
the results are written in batches. A file that fails is reported with its reason and changes
nothing; the others load all the same. A file whose bytes are already in the store is skipped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from graph.derived_facts import write_derived
from graph.entities import (
    municipality_lines,
    reference_lines,
)
from graph.load_run import FileResult, LoadReport, run_quads
from graph.mapping import LoadContext, document_quads
from graph.store import MinutesStore, PreparedDocument
from graph.uris import Minter, SharedGraph
from loaders.file_summary import summarise
from loaders.model import LoaderError
from loaders.read import byte_limit, read_minutes
from ontology import ONTOLOGY_PATH

# Documents per bulk write: the load's peak memory follows it (bulk_load sorts a batch in
# memory; 1,000 files: 1.3 GB at 250, 0.7 GB at 125, in the same time)
BATCH_DOCUMENTS = 125
# The first batch: the store starts writing while the parsers fill the next, and each batch
# after it doubles up to the batch size (a store server otherwise waited for 125 parsed files
# before its first request: 2.6 s of a 13 s load of 100 minutes into Virtuoso)
FIRST_BATCH = 8
PARALLEL_FROM = 16  # below this many files, worker processes cost more than they save
MAX_BYTES = 20_000_000


def loader_version() -> str:
    try:
        return f"referatgraf {version('referatgraf')}"
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "referatgraf (development)"


@dataclass(frozen=True, slots=True)
class LoadOptions:
    """How to load: under which base, for which municipality, how parallel, how batched."""

    minter: Minter
    municipality: str | None = None
    workers: int | None = None  # parser processes; None: one per core
    batch_size: int = BATCH_DOCUMENTS
    mentions: bool = True  # recognise mentions (off: structure only, for speed)
    # where the minutes were published (``load --source-url``), safe as an IRI
    # (loaders.page_evidence.safe_url); it wins over an address the document states itself
    source_url: str | None = None
    ocr: bool = False  # read PDF pages without a text layer by OCR (``load --ocr``)


@dataclass(frozen=True, slots=True)
class _Job:
    path: str
    municipality: str | None
    base: str
    loader_version: str
    loaded_at: str
    run: str
    mentions: bool
    source_url: str | None = None
    ocr: bool = False


@dataclass(frozen=True, slots=True)
class _Prepared:
    path: str
    document: PreparedDocument
    layout: str
    notes: tuple[str, ...]
    summary: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    warnings_da: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Failed:
    path: str
    reason: str


def collect_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named directly, and every visible file below folders, in a stable order."""
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                parts = found.relative_to(path).parts
                if found.is_file() and not any(p.startswith(".") for p in parts):
                    yield found
        else:
            yield path


def prepare(job: _Job) -> _Prepared | _Failed:
    """Read, parse and map one file (runs in a worker process)."""
    try:
        path = Path(job.path)
        size = path.stat().st_size
        limit = MAX_BYTES
        if size > limit:  # a PDF has a limit of its own
            with path.open("rb") as handle:
                limit = byte_limit(handle.read(1024), MAX_BYTES)
        if size > limit:
            return _Failed(
                job.path, f"too large: {size / 1e6:.1f} MB, the limit is {limit / 1e6:.0f} MB"
            )
        data = path.read_bytes()
        doc = read_minutes(
            data,
            path.name,
            municipality=job.municipality,
            max_bytes=MAX_BYTES,
            mentions=job.mentions,
            ocr=job.ocr,
        )
        if job.source_url is not None:
            doc = replace(doc, source=replace(doc.source, stated_url=job.source_url))
        ctx = LoadContext(
            minter=Minter(job.base),
            loader_version=job.loader_version,
            loaded_at=dt.datetime.fromisoformat(job.loaded_at),
            run_iri=job.run,
        )
        mapped = document_quads(doc, ctx)
        prepared = PreparedDocument(
            graph=mapped.graph,
            meeting=mapped.meeting,
            sha256=mapped.sha256,
            nquads=mapped.nquads.encode("utf-8"),
            commit=mapped.commit.encode("utf-8"),
        )
        read = summarise(doc)
        return _Prepared(
            job.path,
            prepared,
            doc.layout,
            tuple(doc.notes),
            tuple(read.lines()),
            read.warnings,
            read.warnings_da,
        )
    except LoaderError as error:
        return _Failed(job.path, str(error))
    except OSError as error:
        return _Failed(job.path, f"cannot read the file: {error.strerror or error}")
    except RecursionError:
        return _Failed(job.path, "the text is nested too deeply to read")


def load_files(
    store: MinutesStore,
    files: Iterable[Path],
    options: LoadOptions,
    *,
    on_result: Callable[[FileResult], None] = lambda _: None,
    recovered: Iterable[str] = (),
) -> LoadReport:
    """Load ``files`` into ``store`` and record the run in a graph of its own."""
    minter = options.minter
    started = dt.datetime.now(dt.UTC)
    run = minter.load_run(started.strftime("%Y-%m-%dT%H:%M:%S.%fZ"))
    report = LoadReport(run=run, started=started, recovered=list(recovered))
    write_reference_graphs(store, minter)
    known = set(store.documents().values())
    version = loader_version()
    jobs: list[_Job] = []
    for path in files:
        sha = _sha256(path)
        if sha is not None and sha in known:
            _report(report, on_result, FileResult(path, "unchanged"))
            continue
        if sha is not None:
            known.add(sha)  # the same bytes twice in one run load once
        job = _Job(
            str(path), options.municipality, minter.base, version, started.isoformat(), run,
            options.mentions, options.source_url, options.ocr,
        )  # fmt: skip
        jobs.append(job)

    pending: dict[str, tuple[Path, _Prepared]] = {}
    written: dict[str, int] = {}  # graph -> its "loaded" result, across this run's batches
    window = max(options.batch_size, 4 * (options.workers or os.cpu_count() or 1))
    batch = min(FIRST_BATCH, options.batch_size)
    for outcome in _prepare_all(jobs, options.workers, window):
        path = Path(outcome.path)
        if isinstance(outcome, _Failed):
            _report(report, on_result, FileResult(path, "failed", outcome.reason))
            continue
        earlier = pending.pop(outcome.document.graph, None)
        if earlier is not None:
            note = f"same meeting as {path.name}, which replaces it"
            _report(
                report, on_result, FileResult(earlier[0], "replaced", note, outcome.document.graph)
            )
        pending[outcome.document.graph] = (path, outcome)
        if len(pending) >= batch:
            _write(store, pending, report, on_result, written)
            batch = min(2 * batch, options.batch_size)
    _write(store, pending, report, on_result, written)
    if report.count("loaded"):
        write_derived(store, minter)
    report.ended = dt.datetime.now(dt.UTC)
    store.replace_graph(run, run_quads(report))
    store.flush()
    return report


def write_reference_graphs(store: MinutesStore, minter: Minter) -> None:
    """The municipalities, the reference entities and the ontology itself (so that the labels
    of outcomes and classes are in the graph), each whole in a graph of its own."""
    store.replace_graph_data(
        minter.graph(SharedGraph.MUNICIPALITIES), "".join(municipality_lines(minter))
    )
    store.replace_graph_data(minter.graph(SharedGraph.REFERENCE), "".join(reference_lines(minter)))
    store.replace_graph_data(
        minter.graph(SharedGraph.ONTOLOGY), ONTOLOGY_PATH.read_text(encoding="utf-8"), turtle=True
    )


def _prepare_all(
    jobs: list[_Job], workers: int | None, window: int
) -> Iterator[_Prepared | _Failed]:
    """Prepared documents in the order of ``jobs``. At most ``window`` results are in flight,
    so memory stays flat however many files there are (``Executor.map`` submits every job at
    once and keeps every result until it is consumed: gigabytes for 10,000 files)."""
    count = workers if workers is not None else min(os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_FROM or count <= 1:
        yield from map(prepare, jobs)
        return
    # spawn, not fork: the parent holds an open RocksDB store, which must not be forked
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        in_flight: deque[Future[_Prepared | _Failed]] = deque()
        for job in jobs:
            in_flight.append(pool.submit(prepare, job))
            if len(in_flight) >= window:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()


def _write(
    store: MinutesStore,
    pending: dict[str, tuple[Path, _Prepared]],
    report: LoadReport,
    on_result: Callable[[FileResult], None],
    written: dict[str, int],
) -> None:
    """Write a batch; a meeting an earlier batch of this run wrote from another file is
    replaced (the store keeps the later file's graph), and the earlier file is reported so."""
    store.write_documents(prepared.document for _, prepared in pending.values())
    for path, prepared in pending.values():
        graph = prepared.document.graph
        earlier = written.get(graph)
        if earlier is not None:
            before = report.results[earlier]
            note = f"same meeting as {path.name}, which replaces it"
            report.results[earlier] = FileResult(before.path, "replaced", note, graph)
            on_result(report.results[earlier])
        result = FileResult(path, "loaded", graph=graph, layout=prepared.layout,
                            notes=prepared.notes, summary=prepared.summary,
                            warnings=prepared.warnings,
                            warnings_da=prepared.warnings_da)  # fmt: skip
        written[graph] = len(report.results)
        _report(report, on_result, result)
    pending.clear()


def _report(
    report: LoadReport, on_result: Callable[[FileResult], None], result: FileResult
) -> None:
    report.results.append(result)
    on_result(result)


def _sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None  # the worker reports the reason
    return digest.hexdigest()
