"""Run a SPARQL query against the store and serialise its results in a named format."""

from __future__ import annotations

from pyoxigraph import Quad, QueryTriples, RdfFormat, serialize

from graph.store import MinutesStore
from sparql.evaluate import RDF_FORMATS, RESULTS_FORMATS

# the graph formats the command line offers (its error message names them)
GRAPH_FORMATS = {name: RDF_FORMATS[name] for name in ("ttl", "nt", "nq")}


class QueryError(Exception):
    """The query could not be run; ``usage`` is true when the caller asked for the impossible
    (a syntax error, a result format that does not fit the query form)."""

    def __init__(self, message: str, *, usage: bool) -> None:
        super().__init__(message)
        self.usage = usage


def run_query(store: MinutesStore, sparql: str, fmt: str | None) -> bytes:
    """Evaluate ``sparql`` over the union of all graphs, serialised as ``fmt``.

    The default format is CSV for SELECT and ASK, Turtle for CONSTRUCT and DESCRIBE.
    """
    try:
        result = store.query(sparql)
    except SyntaxError as error:
        raise QueryError(f"the query is not valid SPARQL: {error}", usage=True) from error
    except (OSError, ValueError) as error:
        raise QueryError(f"the query failed: {error}", usage=False) from error
    if isinstance(result, QueryTriples):
        name = fmt or "ttl"
        if name not in GRAPH_FORMATS:
            raise QueryError(
                f"--format {name} is for SELECT and ASK; use ttl, nt or nq for a graph", usage=True
            )
        if name == "nq":
            quads = (Quad(t.subject, t.predicate, t.object) for t in result)
            return bytes(serialize(quads, format=RdfFormat.N_QUADS) or b"")
        return bytes(result.serialize(format=GRAPH_FORMATS[name]) or b"")
    name = fmt or "csv"
    if name not in RESULTS_FORMATS:
        raise QueryError(
            f"--format {name} is for CONSTRUCT and DESCRIBE; use csv, tsv, json or xml", usage=True
        )
    return bytes(result.serialize(format=RESULTS_FORMATS[name]) or b"")


def read_query_argument(argument: str) -> str:
    """The query text: the argument itself, or the file it names after ``@``."""
    if argument.startswith("@"):
        with open(argument[1:], encoding="utf-8") as handle:  # noqa: PTH123
            return handle.read()
    return argument
