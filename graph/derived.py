"""Facts derived from many documents at once, recomputed after each load into a graph of their
own (``graf/afledt``): each person's committee memberships with role and first and last
meeting seen."""

from __future__ import annotations

from functools import cache
from importlib import resources

from pyoxigraph import Literal, NamedNode, QuerySolutions

from graph.labels import person_label
from graph.ntriples import XSD_DATE, iri, literal
from graph.store import MinutesStore
from graph.uris import Minter, slug
from graph.writer import RDF_TYPE, RDFS_LABEL
from ontology.namespace import RG

DERIVED_GRAPH = "graf/afledt"
RDFS_LABEL_IRI = "http://www.w3.org/2000/01/rdf-schema#label"


@cache
def _query(name: str) -> str:
    return (resources.files("graph") / "queries" / f"{name}.rq").read_text(encoding="utf-8")


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
        key = f"{slug(committee.value.rsplit('/', 1)[-1])}/{slug(role or 'deltager')}"
        node = iri(f"{person.value}/medlemskab/{key}")
        who = person_label(labels.get(person.value, person.value))
        where = labels.get(committee.value, committee.value)
        label = f"{who} i {where}" + (f" ({role})" if role else "")
        lines += [
            f"{iri(person.value)} {iri(RG.membership)} {node} .\n",
            f"{node} {RDF_TYPE} {iri(RG.Membership)} .\n",
            f"{node} {RDFS_LABEL} {literal(label, lang='da')} .\n",
            f"{node} {iri('http://www.w3.org/ns/org#member')} {iri(person.value)} .\n",
            f"{node} {iri('http://www.w3.org/ns/org#organization')} {iri(committee.value)} .\n",
            f"{node} {iri(RG.firstSeen)} {literal(row['first'].value, datatype=XSD_DATE)} .\n",
            f"{node} {iri(RG.lastSeen)} {literal(row['last'].value, datatype=XSD_DATE)} .\n",
        ]
        if role:
            lines.append(f"{node} {iri(RG.memberRole)} {literal(role)} .\n")
        count += 1
    store.replace_graph_data(minter.base + DERIVED_GRAPH, "".join(lines))
    return count


def _labels(store: MinutesStore) -> dict[str, str]:
    """Danish labels of persons and committees (the entities graph holds one each)."""
    label = NamedNode(RDFS_LABEL_IRI)
    found: dict[str, str] = {}
    for cls in (RG.Person, RG.Committee):
        for quad in store.quads_matching(None, NamedNode(RDF_TYPE[1:-1]), NamedNode(cls)):
            if not isinstance(quad.subject, NamedNode):
                continue
            for name in store.quads_matching(quad.subject, label, None):
                if isinstance(name.object, Literal):
                    found[quad.subject.value] = name.object.value
    return found
