"""One pass over the store, graph by graph, in a canonical order, feeding every dump file at
once.

The graphs come in code-point order of their IRIs (the default graph first, if it holds
anything), and each graph's triples sorted as N-Triples lines: an order that depends on the
store's content only, never on how it was loaded or on the storage backend (Oxigraph's own
dump follows its indexes, and an in-memory store iterates in insertion order). A graph is read
with Oxigraph's streaming dump and sorted in bounded memory (:mod:`publishing.sorting`), so a
shared graph of any size passes through without being held whole.

Each output is a :class:`GraphSink`: it is told where a graph begins and ends, and gets its
sorted lines in batches. A line is an N-Triples triple without the closing ``" ."``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from pyoxigraph import BlankNode, NamedNode

from graph.store import MinutesStore
from publishing.gzipped import GzipOutput
from publishing.sorting import BUDGET, LineSorter

READ_CHUNK = 4 << 20  # bytes of a graph's dump gathered before they are split into lines


class GraphSink(Protocol):
    def begin(self, graph: bytes | None) -> None:
        """A graph begins: its N-Triples term (``b"<iri>"`` or ``b"_:id"``), ``None`` for the
        default graph."""

    def lines(self, batch: list[bytes]) -> None:
        """Sorted lines of the current graph; a graph's lines may come in several batches."""

    def end(self) -> None:
        """The current graph is complete."""


def graph_term(graph: NamedNode | BlankNode) -> bytes:
    return str(graph).encode()


def each_graph(
    store: MinutesStore, sinks: Sequence[GraphSink], folder: Path, budget: int = BUDGET
) -> int:
    """Feed every graph of ``store`` to every sink; returns the number of quads. Sorted runs
    of graphs larger than ``budget`` bytes go to ``folder``."""
    named = sorted(store.graph_names(), key=graph_term)
    graphs: list[NamedNode | BlankNode | None] = [*named]
    if store.has_default_graph_triples():
        graphs.insert(0, None)
    sorter = LineSorter(folder, budget)
    quads = 0
    for graph in graphs:
        reader = _GraphReader(sorter)
        store.dump_graph(reader, graph)
        reader.finish()
        term = None if graph is None else graph_term(graph)
        for sink in sinks:
            sink.begin(term)
        for batch in sorter.batches():
            if not batch:
                continue
            quads += len(batch)
            for sink in sinks:
                sink.lines(batch)
        for sink in sinks:
            sink.end()
    return quads


class _GraphReader:
    """The binary writer Oxigraph dumps one graph into: whole lines go to the sorter."""

    def __init__(self, sorter: LineSorter) -> None:
        self._sorter = sorter
        self._buffer = bytearray()

    def write(self, data: bytes) -> int:
        self._buffer += data
        if len(self._buffer) >= READ_CHUNK:
            cut = self._buffer.rfind(b"\n") + 1
            self._sorter.extend(triple_lines(bytes(self._buffer[:cut])))
            del self._buffer[:cut]
        return len(data)

    def flush(self) -> None:
        """Nothing to flush: the lines are held until :meth:`finish`."""

    def finish(self) -> None:
        if self._buffer:
            self._sorter.extend(triple_lines(bytes(self._buffer)))
            self._buffer.clear()


def triple_lines(data: bytes) -> list[bytes]:
    """Whole N-Triples lines as triples without their closing ``" ."``. A literal cannot hold
    a raw line break, so ``" .\\n"`` ends a line and nothing else.

    >>> triple_lines(b'<a> <b> "c ." .\\n<a> <b> <d> .\\n')
    [b'<a> <b> "c ."', b'<a> <b> <d>']
    """
    lines = data.replace(b" .\n", b"\n").split(b"\n")
    lines.pop()  # what follows the last line break: nothing
    return lines


class NQuadsSink:
    """The whole dataset as N-Quads, named graphs kept."""

    def __init__(self, output: GzipOutput) -> None:
        self.output = output
        self._suffix = b" .\n"

    def begin(self, graph: bytes | None) -> None:
        self._suffix = b" .\n" if graph is None else b" " + graph + b" .\n"

    def lines(self, batch: list[bytes]) -> None:
        self.output.write(self._suffix.join(batch))
        self.output.write(self._suffix)

    def end(self) -> None:
        pass
