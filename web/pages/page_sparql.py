"""Running the SPARQL of a page: the text from ``queries/<name>.rq`` beside this module, with
the page's values bound by a ``VALUES`` line at the top of the WHERE clause. What runs is what
the page shows: a reader who opens it in the query page gets the same rows.

Why ``VALUES`` and not ``substitutions=``: Oxigraph 0.5 joins a substitution after evaluating
the pattern (as :mod:`sparql.describe` found too), so a person's meetings took 340 ms on a store
of 1,000 minutes and 1.5 ms with ``VALUES``. The values are pyoxigraph terms, written in their
own N-Triples form: an IRI cannot hold ``>``, ``}`` or a space, and a literal is escaped, so a
value can never become query text. Lists are paged with ``LIMIT``/``OFFSET``, integers the code
computed itself.

Every ``OPTIONAL`` in these queries holds one triple pattern (nesting another ``OPTIONAL`` is
fine): Oxigraph evaluates an ``OPTIONAL`` group of several patterns on its own, over the whole
store, before it joins (6 s for an item's sections on 1,000 minutes, 5 ms when split).

>>> from pyoxigraph import Literal, NamedNode
>>> print(bound_text("SELECT ?item ?n WHERE {\\n  ?item <p> ?n\\n}",
...                  {"item": NamedNode("https://example.org/i")}))
SELECT ?item ?n WHERE {
  VALUES ?item { <https://example.org/i> }
  ?item <p> ?n
}
>>> python_value(Literal("2020-01-08", datatype=NamedNode(XSD.date)))
datetime.date(2020, 1, 8)
>>> python_value(Literal("7", datatype=NamedNode(XSD.integer)))
7
>>> python_value(Literal("false", datatype=NamedNode(XSD.boolean)))
False
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolutions

from graph.query_files import read_query
from graph.store import MinutesStore
from ontology.vocabularies import XSD

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)

Value = str | int | bool | dt.date | dt.datetime | dt.time | None
Row = dict[str, Value]
Bindings = Mapping[str, NamedNode | Literal]


def page_query(name: str) -> str:
    """The text of ``web/pages/page_queries/<name>.rq``; a missing name fails loudly."""
    return read_query("web.pages", "page_queries", name)


def bound_text(query: str, bindings: Bindings) -> str:
    """``query`` with each binding as a ``VALUES`` line at the top of its (first) WHERE clause:
    what a reader runs to get what the page got."""
    found = _WHERE.search(query)
    if found is None or not bindings:
        return query
    values = "".join(f"\n  VALUES ?{name} {{ {value} }}" for name, value in bindings.items())
    return query[: found.end()] + values + query[found.end() :]


def _boolean(text: str) -> bool:
    return text in ("true", "1")


def _timestamp(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


_PARSERS: dict[str, Callable[[str], Value]] = {
    XSD.integer: int,
    XSD.boolean: _boolean,
    XSD.date: dt.date.fromisoformat,
    XSD.dateTime: _timestamp,
    XSD.time: dt.time.fromisoformat,
}


def python_value(term: object) -> Value:
    """A term as a plain value: IRIs as strings, typed literals as ints, booleans, dates and
    times (the lexical form when it does not parse), other literals as their text."""
    if term is None or isinstance(term, NamedNode):
        return None if term is None else term.value
    if not isinstance(term, Literal):
        return f"_:{term.value}" if isinstance(term, BlankNode) else str(term)
    parse = _PARSERS.get(term.datatype.value)
    try:
        return term.value if parse is None else parse(term.value)
    except ValueError:
        return term.value


@dataclass(frozen=True, slots=True)
class Ran:
    """The rows of one query and its text with the values bound."""

    rows: list[Row]
    text: str


def run(
    store: MinutesStore,
    name: str,
    bindings: Bindings,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> Ran:
    """Run the page query ``name`` with ``bindings``; ``limit``/``offset`` page a list."""
    query = page_query(name)
    if limit is not None:
        query = f"{query.rstrip()}\nLIMIT {int(limit)} OFFSET {max(int(offset), 0)}\n"
    text = bound_text(query, bindings)
    result = store.query(text)
    assert isinstance(result, QuerySolutions), f"{name}.rq must be a SELECT query"
    names = [variable.value for variable in result.variables]
    rows = [dict(zip(names, map(python_value, solution), strict=True)) for solution in result]
    return Ran(rows, text)
