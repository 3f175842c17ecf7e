"""A batch of documents split by graph, for the store servers: each document's own graph
(written whole, at once) apart from the shared graphs it adds to (merged first, so that a
document never shows before its entities).

The split works on the text: every line of a document's N-Quads (the writer's own, one quad a
line) ends with its graph's IRI, which is cut off to leave an N-Triples line, so no quad becomes
Python objects and back (a third of a remote load's own time went to that).

>>> own, shared = split_by_graph([DocumentWrite(
...     "http://e/doc",
...     b'<http://e/a> <http://e/p> "x y" <http://e/doc> .\\n'
...     b'<http://e/e> <http://e/q> <http://e/a> <http://e/entities> .\\n',
...     b'<http://e/doc> <http://e/sha> "1" <http://e/doc> .\\n',
... )])
>>> own
{'http://e/doc': b'<http://e/a> <http://e/p> "x y" .\\n<http://e/doc> <http://e/sha> "1" .\\n'}
>>> shared
{'http://e/entities': b'<http://e/e> <http://e/q> <http://e/a> .\\n'}
>>> triple = b'<http://e/a> <http://e/p> <http://e/o> .\\n'
>>> split_by_graph([DocumentWrite("http://e/doc", triple, b"")])
Traceback (most recent call last):
...
graph.backends.StoreError: http://e/doc: a quad outside a named graph: <http://e/a> <http://e/p> ...
"""

from __future__ import annotations

from collections import defaultdict

from graph.backends import DocumentWrite, StoreError


def split_by_graph(
    documents: list[DocumentWrite],
) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The N-Triples of each document's own graph (commit record included), and of each shared
    graph the documents add to, both keyed by graph IRI."""
    own: dict[str, list[bytes]] = {d.graph: [] for d in documents}
    shared: defaultdict[str, list[bytes]] = defaultdict(list)
    for doc in documents:
        # most lines end with the document's own graph: cut it off without parsing the line
        suffix = b" <" + doc.graph.encode("utf-8") + b"> ."
        mine = own[doc.graph]
        for line in (doc.nquads + doc.commit).splitlines():
            cut = len(line) - len(suffix)
            if line.endswith(suffix) and line.count(b" ", 0, cut) >= 2:
                mine.append(line[:cut] + b" .")
                continue
            if not line.strip():
                continue
            graph, triple = _graph_of(line)
            if graph is None:
                shown = line.decode("utf-8", "replace")
                raise StoreError(f"{doc.graph}: a quad outside a named graph: {shown}")
            (own[graph] if graph in own else shared[graph]).append(triple)
    return (
        {graph: _text(lines) for graph, lines in own.items()},
        {graph: _text(lines) for graph, lines in shared.items()},
    )


def _graph_of(line: bytes) -> tuple[str | None, bytes]:
    """The graph IRI of an N-Quads line and the line as N-Triples; ``None`` when the line has no
    graph IRI: its last term is no IRI (a literal ends otherwise), or what is before it has
    fewer than three terms (an N-Triples line whose object is an IRI)."""
    body = line.rstrip()
    if not body.endswith(b"."):
        return None, line
    triple, _, graph = body[:-1].rstrip().rpartition(b" ")
    if not (graph.startswith(b"<") and graph.endswith(b">")) or triple.count(b" ") < 2:
        return None, line
    return graph[1:-1].decode("utf-8"), triple + b" ."


def _text(lines: list[bytes]) -> bytes:
    return b"\n".join(lines) + b"\n" if lines else b""


__all__ = ["split_by_graph"]
