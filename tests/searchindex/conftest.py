"""The side index's tests run on SQLite and on the tests' own PostgreSQL: its server is the
fixture of the graph tests (``tests/graph/conftest.py``), imported here by path."""

from __future__ import annotations

from tests.graph.conftest import postgres

__all__ = ["postgres"]
