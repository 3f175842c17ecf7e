"""The project's own SPARQL, kept in ``.rq`` files beside this module and loaded by name."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def named_query(name: str) -> str:
    """The text of ``sparql/named/<name>.rq``; a missing name fails loudly."""
    return (resources.files("sparql") / "named" / f"{name}.rq").read_text(encoding="utf-8")
