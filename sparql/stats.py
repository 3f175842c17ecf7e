"""What is in the graph, as (label, value) rows for ``referatgraf stats``."""

from __future__ import annotations

from pyoxigraph import QuerySolutions

from graph.store import MinutesStore
from ontology.namespace import RG
from sparql.named import named_query

# The classes worth counting, in the order a person reads them, with Danish labels.
COUNTED = (
    (RG.Committee, "udvalg"),
    (RG.Meeting, "møder"),
    (RG.AgendaItem, "dagsordenspunkter"),
    (RG.Decision, "beslutninger"),
    (RG.Person, "personer"),
    (RG.Absence, "fravær"),
    (RG.CaseNumber, "sagsnumre"),
    (RG.SourceDocument, "kildefiler"),
    (RG.LoadRun, "indlæsninger"),
)


def collect_stats(store: MinutesStore) -> list[tuple[str, str]]:
    counts = {
        str(row["class"].value): int(row["n"].value)
        for row in _solutions(store, named_query("class_counts"))
    }
    rows: list[tuple[str, str]] = []
    coverage = next(iter(_solutions(store, named_query("coverage"))), None)
    if coverage is not None:
        rows.append(("kommuner med møder", coverage["municipalities"].value))
    rows += [(label, str(counts.get(iri, 0))) for iri, label in COUNTED]
    if coverage is not None and coverage["first"] is not None:
        rows.append(("første møde", coverage["first"].value))
        rows.append(("seneste møde", coverage["last"].value))
    rows.append(("tripler (quads)", str(len(store))))
    rows.append(("navngivne grafer", str(len(store.named_graphs()))))
    return rows


def _solutions(store: MinutesStore, sparql: str) -> QuerySolutions:
    result = store.query(sparql)
    assert isinstance(result, QuerySolutions)
    return result
