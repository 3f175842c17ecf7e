"""One N-Quads file per municipality: ``kommuner/<slug>.nq.gz``.

A subset holds, with their named graphs kept:

- the graph of every source document whose meeting belongs to the municipality;
- from the shared graphs (``graf/entiteter``, ``graf/kommuner``, ``graf/afledt``), the triples
  whose subject is the municipality or lies under its IRI: the municipality itself, its
  committees, people and their memberships;
- the whole reference graph (``graf/reference``: laws, programmes, organisations and KLE
  concepts with their labels), so that what the minutes mention has a name.

Entities that patterns proposed (``kandidat/...``), the load runs and the ontology are in the
full dump only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from publishing.gzipped import LEVEL, GzipOutput, WrittenFile


def subset_name(slug: str) -> str:
    return f"kommuner/{slug}.nq.gz"


class SubsetSink:
    """A :class:`~publishing.passes.GraphSink` writing every municipality's subset."""

    def __init__(
        self,
        folder: Path,
        documents: Mapping[str, str],
        municipalities: Mapping[str, str],
        reference_graph: str,
        level: int = LEVEL,
    ) -> None:
        """``documents``: source graph IRI -> municipality IRI; ``municipalities``:
        municipality IRI -> slug (the file name)."""
        self._documents = {f"<{g}>".encode(): m for g, m in documents.items()}
        self._outputs = {
            iri: GzipOutput(folder, subset_name(slug), level=level)
            for iri, slug in sorted(municipalities.items())
        }
        self._reference = f"<{reference_graph}>".encode()
        prefixes = {iri.rsplit("/", 1)[0] + "/" for iri in municipalities}
        # the municipalities' IRIs share their parent (<base>kommune/) in every minted graph
        self._prefix = f"<{prefixes.pop()}".encode() if len(prefixes) == 1 else None
        self._by_segment = {iri.rsplit("/", 1)[1].encode(): iri for iri in municipalities}
        self._targets: list[GzipOutput] = []
        self._route = False
        self._suffix = b" .\n"
        self.quads: dict[str, int] = defaultdict(int)

    def begin(self, graph: bytes | None) -> None:
        self._targets, self._route = [], False
        if graph is None:
            return
        self._suffix = b" " + graph + b" .\n"
        municipality = self._documents.get(graph)
        if municipality is not None:
            self._targets = [self._outputs[municipality]]
        elif graph == self._reference:
            self._targets = list(self._outputs.values())
        else:
            self._route = self._prefix is not None

    def lines(self, batch: list[bytes]) -> None:
        if self._targets:
            data = self._suffix.join(batch) + self._suffix
            for output in self._targets:
                output.write(data)
                self.quads[output.name] += len(batch)
        elif self._route:
            self._route_by_subject(batch)

    def end(self) -> None:
        pass

    def close(self) -> dict[str, WrittenFile]:
        """Municipality IRI -> the file written."""
        return {iri: output.close() for iri, output in self._outputs.items()}

    def _route_by_subject(self, batch: list[bytes]) -> None:
        assert self._prefix is not None
        prefix, start = self._prefix, len(self._prefix)
        routed: dict[str, list[bytes]] = defaultdict(list)
        for line in batch:
            if line.startswith(prefix):
                subject = line[start : line.index(b" ")]
                segment = subject.split(b"/", 1)[0].removesuffix(b">")
                municipality = self._by_segment.get(segment)
                if municipality is not None:
                    routed[municipality].append(line)
        for municipality, lines in routed.items():
            output = self._outputs[municipality]
            output.write(self._suffix.join(lines) + self._suffix)
            self.quads[output.name] += len(lines)
