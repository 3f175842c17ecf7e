"""``referatgraf report``: the quality of what was recognised, and the candidates for new
reference entries."""

from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import QuerySolutions

from graph.store import MinutesStore
from ontology.namespace import NS
from sparql.named import named_query


def _rows(store: MinutesStore, name: str) -> QuerySolutions:
    result = store.query(named_query(name))
    assert isinstance(result, QuerySolutions)
    return result


def _short(iri: str) -> str:
    return iri.removeprefix(NS)


def quality_lines(store: MinutesStore) -> Iterator[str]:
    """Mentions per class and rule, and the share of decisions with a recognised outcome."""
    yield "Omtaler pr. klasse og regel (antal, gennemsnitlig sikkerhed):"
    for row in _rows(store, "mentions_by_type_and_rule"):
        cls, rule = _short(row["class"].value), row["rule"].value
        n, confidence = int(row["n"].value), float(row["confidence"].value)
        yield f"  {cls:<14} {rule:<26} {n:>6}  {confidence:.2f}"
    for row in _rows(store, "decision_outcomes"):
        total, classified = int(row["decisions"].value), int(row["classified"].value)
        share = classified / total if total else 0.0
        yield f"Beslutninger med udfald: {classified} af {total} ({share:.0%})"


def candidate_lines(store: MinutesStore) -> Iterator[str]:
    """One line per candidate, most widespread first."""
    rows = list(_rows(store, "candidates"))
    yield f"Kandidater til referencedata: {len(rows)}"
    for row in rows:
        cls = _short(row["class"].value)
        counts = f"{row['mentions'].value} omtaler i {row['municipalities'].value} kommune(r)"
        rules = " ".join(sorted(row["rules"].value.split()))  # in any engine's order, the same
        yield f"  {row['name'].value!r} ({cls}): {counts}; regler: {rules}; <{row['entity'].value}>"
