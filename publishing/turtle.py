"""The union of all graphs as Turtle, and the VoID figures counted on the way.

Every graph's lines go into one :class:`~publishing.sorting.LineSorter`; merged, they are
the union's triples in code-point order, each once (the design keeps a triple in one graph,
but a duplicate would be dropped here all the same). The Turtle is written from that stream
subject by subject (``;`` between predicates, ``,`` between objects), with vocabulary terms
as prefixed names, and the same stream counts triples, distinct subjects, triples per
property and entities per class for :mod:`publishing.void`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from graph.terms import RDF_TYPE_NT
from publishing.jsonld import BinaryOutput
from publishing.namespaces import DATA_PREFIXES, Compactor, turtle_prefix_lines
from publishing.sorting import BUDGET, LineSorter

_TYPE = RDF_TYPE_NT.encode()
FLUSH = 1 << 20


@dataclass(slots=True)
class VoidFigures:
    """What VoID says of the union graph."""

    triples: int = 0
    subjects: int = 0
    properties: Counter[str] = field(default_factory=Counter)
    classes: Counter[str] = field(default_factory=Counter)


class UnionSink:
    """A :class:`~publishing.passes.GraphSink` that collects every graph's triples; then
    :meth:`write_turtle` writes their union."""

    def __init__(self, folder: Path, budget: int = BUDGET) -> None:
        self._sorter = LineSorter(folder, budget)

    def begin(self, graph: bytes | None) -> None:
        pass

    def lines(self, batch: list[bytes]) -> None:
        self._sorter.extend(batch)

    def end(self) -> None:
        pass

    def write_turtle(self, output: BinaryOutput) -> VoidFigures:
        figures = VoidFigures()
        compact = Compactor(DATA_PREFIXES, turtle=True)
        properties: Counter[bytes] = Counter()
        classes: Counter[bytes] = Counter()
        parts = [turtle_prefix_lines(DATA_PREFIXES)]
        size = 0
        subject: bytes | None = None
        predicate: bytes | None = None
        for line in self._sorter.merged(unique=True):
            s, p, o = line.split(b" ", 2)
            figures.triples += 1
            properties[p] += 1
            if p == _TYPE:
                classes[o] += 1
            if o[:1] == b'"' and o[-1:] == b">":  # a typed literal: its datatype compacted
                at = o.rfind(b'"^^<')
                o = o[: at + 3] + compact(o[at + 3 :])
            elif p == _TYPE:
                o = compact(o)
            if s != subject:
                figures.subjects += 1
                start = b" .\n\n" if subject is not None else b"\n"
                piece = start + s + b"\n    " + compact(p) + b" " + o
                subject, predicate = s, p
            elif p != predicate:
                piece = b" ;\n    " + compact(p) + b" " + o
                predicate = p
            else:
                piece = b" ,\n        " + o
            parts.append(piece)
            size += len(piece)
            if size >= FLUSH:
                output.write(b"".join(parts))
                parts, size = [], 0
        if subject is not None:
            parts.append(b" .\n")
        output.write(b"".join(parts))
        figures.properties = Counter({k[1:-1].decode(): n for k, n in properties.items()})
        figures.classes = Counter(
            {k[1:-1].decode(): n for k, n in classes.items() if k[:1] == b"<"}
        )
        return figures
