"""Facts derived from many documents at once, recomputed after each load into a graph of their
own (``graf/afledt``): each person's committee memberships with role and first and last
meeting seen."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, QuerySolutions

from graph.labels import person_label
from graph.ntriples import iri, literal
from graph.query_files import read_query
from graph.store import MinutesStore
from graph.terms import described
from graph.uris import Minter, SharedGraph
from ontology.namespace import RG
from ontology.vocabularies import ORG, XSD


def _query(name: str) -> str:
    return read_query("graph", "derived_queries", name)


def write_derived(store: MinutesStore, minter: Minter) -> int:
    """Recompute the derived graph; returns the number of memberships."""
    result = store.query(_query("memberships"))
    assert isinstance(result, QuerySolutions)
    labels = _labels(store)
    lines: list[str] = []
    count = 0
    for row in result:
        person, committee = row["person"], row["committee"]
        if not isinstance(person, NamedNode) or not isinstance(committee, NamedNode):
            continue
        role = row["role"].value if isinstance(row["role"], Literal) else None
        node = iri(Minter.membership(person.value, committee.value, role))
        who = person_label(labels.get(person.value, person.value))
        where = labels.get(committee.value, committee.value)
        label = f"{who} i {where}" + (f" ({role})" if role else "")
        lines += [
            f"{iri(person.value)} {iri(RG.membership)} {node} .\n",
            *described(node, RG.Membership, label),
            f"{node} {iri(ORG.member)} {iri(person.value)} .\n",
            f"{node} {iri(ORG.organization)} {iri(committee.value)} .\n",
            f"{node} {iri(RG.firstSeen)} {literal(row['first'].value, datatype=XSD.date)} .\n",
            f"{node} {iri(RG.lastSeen)} {literal(row['last'].value, datatype=XSD.date)} .\n",
        ]
        if role:
            lines.append(f"{node} {iri(RG.memberRole)} {literal(role)} .\n")
        count += 1
    store.replace_graph_data(minter.graph(SharedGraph.DERIVED), "".join(lines))
    return count


def _labels(store: MinutesStore) -> dict[str, str]:
    """Danish labels of persons and committees, in one query (one request to a store server,
    not one for each person)."""
    result = store.query(_query("labels"))
    assert isinstance(result, QuerySolutions)
    return {
        row["entity"].value: row["name"].value
        for row in result
        if isinstance(row["entity"], NamedNode) and isinstance(row["name"], Literal)
    }
