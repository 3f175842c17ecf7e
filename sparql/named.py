"""The project's own SPARQL, kept in ``.rq`` files beside this module and loaded by name."""

from __future__ import annotations

from graph.query_files import read_query


def named_query(name: str) -> str:
    """The text of ``sparql/named/<name>.rq``; a missing name fails loudly."""
    return read_query("sparql", "named", name)
