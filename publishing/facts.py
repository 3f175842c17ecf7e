"""What the catalog and the subsets need to know of the store, from the queries beside this
module (``queries/*.rq``): which municipality each source document belongs to, each
municipality's meetings and dates, and when the data was loaded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, QuerySolutions

from graph.query_files import read_query
from graph.store import MinutesStore


def publish_query(name: str) -> str:
    """The text of ``publishing/fact_queries/<name>.rq``; a missing name fails loudly."""
    return read_query("publishing", "fact_queries", name)


def solutions(store: MinutesStore, name: str, **bindings: NamedNode | Literal) -> QuerySolutions:
    result = store.query(publish_query(name), substitutions=bindings or None)
    assert isinstance(result, QuerySolutions)
    return result


@dataclass(frozen=True, slots=True)
class Coverage:
    """A municipality with meetings in the store."""

    iri: str
    label: str
    code: str
    meetings: int
    first: dt.date | None
    last: dt.date | None

    @property
    def slug(self) -> str:
        """The last segment of its IRI (``lejre``): the name of its subset file."""
        return self.iri.rstrip("/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class LoadTimes:
    """When the first and the latest load run ended: the data's issued and modified."""

    first: dt.datetime
    last: dt.datetime


def document_municipalities(store: MinutesStore) -> dict[str, str]:
    """Each source document's graph IRI -> the IRI of its meeting's municipality."""
    found: dict[str, str] = {}
    for row in solutions(store, "document_graphs"):
        graph, municipality = row["graph"], row["municipality"]
        if isinstance(graph, NamedNode) and isinstance(municipality, NamedNode):
            found[graph.value] = municipality.value
    return found


def municipality_coverage(store: MinutesStore) -> list[Coverage]:
    """The municipalities with meetings, by IRI."""
    found = []
    for row in solutions(store, "municipality_coverage"):
        municipality = row["municipality"]
        if not isinstance(municipality, NamedNode):
            continue
        label, code = row["label"], row["code"]
        found.append(
            Coverage(
                iri=municipality.value,
                label=label.value if label is not None else municipality.value,
                code=code.value if code is not None else "",
                meetings=int(row["meetings"].value),
                first=_date(row["first"]),
                last=_date(row["last"]),
            )
        )
    return found


def load_times(store: MinutesStore) -> LoadTimes | None:
    """``None`` for a store that no load run wrote (nothing to date the data by)."""
    row = next(iter(solutions(store, "load_times")), None)
    if row is None:
        return None
    first, last = _datetime(row["first"]), _datetime(row["last"])
    if first is None or last is None:
        return None
    return LoadTimes(first, last)


def _date(term: object) -> dt.date | None:
    if not isinstance(term, Literal):
        return None
    try:
        return dt.date.fromisoformat(term.value[:10])
    except ValueError:
        return None


def _datetime(term: object) -> dt.datetime | None:
    if not isinstance(term, Literal):
        return None
    try:
        moment = dt.datetime.fromisoformat(term.value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
