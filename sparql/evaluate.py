"""Evaluate one query and serialise its answer, inside a worker process (see ``worker_pool.py``).

The result is cut at ``max_rows`` rows (solutions, or triples of a graph): the answer is then
the first ``max_rows`` and says so (``Outcome.truncated``; the server turns that into headers).
Serialisation is Oxigraph's own throughout. SELECT results are first written straight into a
buffer that gives up past the size ``max_rows`` rows could at least take; only a result larger
than that is run again as TSV, counted line by line (TSV escapes newlines), cut, and converted.
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from itertools import islice
from typing import IO, NamedTuple, cast

from pyoxigraph import (
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Triple,
    parse_query_results,
    serialize,
)

from graph.store import MinutesStore, StoreError, StoreTimeoutError
from ontology.namespace import NS
from ontology.vocabularies import PROV_NS, RDF_NS, RDFS_NS, SKOS_NS, XSD_NS
from sparql.describe import (
    Dataset,
    DescribeError,
    describe,
    describe_clause,
    described_resources,
)
from sparql.negotiation import BY_NAME, not_acceptable_message

RESULTS_FORMATS = {
    "json": QueryResultsFormat.JSON,
    "xml": QueryResultsFormat.XML,
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
}
RDF_FORMATS = {
    "ttl": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "nq": RdfFormat.N_QUADS,
    "jsonld": RdfFormat.JSON_LD,
    "rdfxml": RdfFormat.RDF_XML,
}
# the least bytes one more row can take in each format: below max_rows times this, no cut
MIN_ROW_BYTES = {"json": 3, "xml": 17, "csv": 2, "tsv": 1}
GZIP_FROM_BYTES = 1024
PREFIXES = {
    "rg": NS,
    "rdf": RDF_NS,
    "rdfs": RDFS_NS,
    "xsd": XSD_NS,
    "prov": PROV_NS,
    "skos": SKOS_NS,
}


class Job(NamedTuple):  # a tuple: it crosses to the worker on every query, and pickles fast
    query: str
    form: str | None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    results_format: str | None = "json"
    graph_format: str | None = "ttl"
    gzip: bool = False
    max_rows: int = 10_000
    base_iri: str | None = None  # relative IRIs in the query resolve against it


class Outcome(NamedTuple):  # a tuple, like Job
    status: int  # 200, or a 4xx with ``message``
    content_type: str = "text/plain; charset=utf-8"
    message: str = ""
    rows: int = 0
    truncated: bool = False
    gzipped: bool = False
    format: str = ""


class _Full(Exception):  # noqa: N818  (control flow, not an error)
    pass


class _CappedBuffer:
    """A write target for Oxigraph's serialisers that stops them past a size or line count."""

    def __init__(self, max_bytes: int | None = None, max_lines: int | None = None) -> None:
        self.parts: list[bytes] = []
        self.size = 0
        self.lines = 0
        self.max_bytes = max_bytes
        self.max_lines = max_lines
        self.full = False

    def write(self, data: bytes) -> int:
        chunk = bytes(data)
        self.size += len(chunk)
        if self.max_bytes is not None and self.size > self.max_bytes:
            self.full = True
            raise _Full
        if self.max_lines is not None:
            self.lines += chunk.count(b"\n")
            if self.lines > self.max_lines:
                self.parts.append(chunk)
                self.full = True
                raise _Full
        self.parts.append(chunk)
        return len(chunk)

    def flush(self) -> None:
        pass

    def value(self) -> bytes:
        return b"".join(self.parts)


def evaluate(store: MinutesStore, job: Job) -> tuple[Outcome, bytes]:
    """Run ``job`` and serialise the answer; errors the client caused come back as 4xx."""
    try:
        dataset = _dataset(job)
        if job.form == "DESCRIBE":
            outcome, body = _describe(store, job, dataset)
        else:
            outcome, body = _query(store, job, dataset)
    except BaseException as error:
        if isinstance(error, KeyboardInterrupt | SystemExit):
            raise
        return _failure(error), b""
    if job.gzip and outcome.status == 200 and len(body) >= GZIP_FROM_BYTES:
        body = gzip.compress(body, compresslevel=5, mtime=0)
        outcome = outcome._replace(gzipped=True)
    return outcome, body


def _failure(error: BaseException) -> Outcome:
    """What the client is told of a query that failed."""
    if isinstance(error, SyntaxError):
        return Outcome(400, message=f"the query is not valid SPARQL: {error}")
    if isinstance(error, StoreTimeoutError):  # a store server stopped it: the answer is partial
        message = (
            "the query ran out of time: the store stopped it at its own time limit; narrow it "
            "down (more specific patterns, LIMIT) and try again"
        )
        return Outcome(422, message=message)
    if isinstance(error, StoreError):  # a store server that cannot be reached, or failed
        return Outcome(503, message=f"the store cannot answer now: {error}")
    if isinstance(error, DescribeError):
        return Outcome(400, message=f"cannot DESCRIBE: {error}")
    if isinstance(error, OSError | ValueError | RuntimeError | TypeError):
        return Outcome(400, message=f"the query could not be evaluated: {error}")
    # pyo3's PanicException: a bug in the engine, not the query
    return Outcome(
        500, message=f"the query engine failed on this query ({type(error).__name__}: {error})"
    )


def _dataset(job: Job) -> Dataset:
    base = job.base_iri if job.base_iri and _is_iri(job.base_iri) else None
    if not (job.default_graphs or job.named_graphs):
        return Dataset(base_iri=base)
    try:
        return Dataset(
            [NamedNode(g) for g in job.default_graphs],
            [NamedNode(g) for g in job.named_graphs],
            base,
        )
    except ValueError as error:
        raise ValueError(f"a graph IRI in default-graph-uri or named-graph-uri: {error}") from None


@lru_cache(maxsize=64)
def _is_iri(text: str) -> bool:
    try:
        NamedNode(text)
    except ValueError:
        return False
    return True


def _query(store: MinutesStore, job: Job, dataset: Dataset) -> tuple[Outcome, bytes]:
    result = dataset.run(store, job.query)
    if isinstance(result, QueryTriples):
        return _graph(job, list(islice(result, job.max_rows + 1)))
    name = job.results_format
    if name is None:
        return Outcome(406, message=not_acceptable_message("results", None, None)), b""
    media = BY_NAME[name].content_type
    if isinstance(result, QueryBoolean):
        body = result.serialize(format=RESULTS_FORMATS[name]) or b""
        return Outcome(200, media, format=name), body
    assert isinstance(result, QuerySolutions)
    if name != "tsv":
        limit = job.max_rows * MIN_ROW_BYTES[name]  # the header counts too: the bound holds
        buffer = _CappedBuffer(max_bytes=limit)
        if _serialize_solutions(result, buffer, RESULTS_FORMATS[name]):
            return Outcome(200, media, format=name), buffer.value()
        result = dataset.run(store, job.query)  # too big to be sure: count rows as TSV
        assert isinstance(result, QuerySolutions)
    counter = _CappedBuffer(max_lines=job.max_rows + 1)  # the header line, then the rows
    complete = _serialize_solutions(result, counter, QueryResultsFormat.TSV)
    tsv = counter.value()
    if not complete:
        tsv = b"\n".join(tsv.split(b"\n", job.max_rows + 1)[: job.max_rows + 1]) + b"\n"
    rows = max(tsv.count(b"\n") - 1, 0)
    if name != "tsv":
        converted = parse_query_results(tsv, format=QueryResultsFormat.TSV)
        tsv = converted.serialize(format=RESULTS_FORMATS[name]) or b""
    return Outcome(200, media, rows=rows, truncated=not complete, format=name), tsv


def _serialize_solutions(
    result: QuerySolutions, buffer: _CappedBuffer, format_: QueryResultsFormat
) -> bool:
    """True when the whole result went into ``buffer``; false when it was stopped."""
    try:
        result.serialize(cast("IO[bytes]", buffer), format=format_)
    except (_Full, OSError):
        if not buffer.full:
            raise
        return False
    return True


def _describe(store: MinutesStore, job: Job, dataset: Dataset) -> tuple[Outcome, bytes]:
    clause = describe_clause(job.query)
    if job.graph_format is None:
        return Outcome(406, message=not_acceptable_message("graph", None, None)), b""
    dataset.run(store, job.query)  # the parser's verdict on the whole query, before anything else
    if dataset.default_graphs is None and clause.from_graphs:
        dataset = Dataset([NamedNode(g) for g in clause.from_graphs], [], dataset.base_iri)
    resources = described_resources(store, job.query, clause, dataset, job.max_rows)
    triples, truncated = describe(store, resources, dataset, job.max_rows)
    outcome, body = _graph(job, triples)
    return outcome._replace(truncated=truncated), body


def _graph(job: Job, triples: list[Triple]) -> tuple[Outcome, bytes]:
    name = job.graph_format
    if name is None:
        return Outcome(406, message=not_acceptable_message("graph", None, None)), b""
    truncated = len(triples) > job.max_rows
    triples = triples[: job.max_rows]
    format_ = RDF_FORMATS[name]
    if format_ == RdfFormat.N_QUADS:
        body = serialize((Quad(t.subject, t.predicate, t.object) for t in triples), format=format_)
    elif format_ in {RdfFormat.TURTLE, RdfFormat.RDF_XML}:
        body = serialize(triples, format=format_, prefixes=PREFIXES)
    else:
        body = serialize(triples, format=format_)
    outcome = Outcome(
        200, BY_NAME[name].content_type, rows=len(triples), truncated=truncated, format=name
    )
    return outcome, body or b""
