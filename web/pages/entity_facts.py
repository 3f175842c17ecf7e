"""What the store and the reference data say about one law, programme or organisation: its
own triples (label, short names, ELI, enactment, dates in force, source, parent), read by
pattern lookups only, and the facts of the reference data that the graph does not carry (the
kind of a programme or organisation, a programme's owner, the other acts of a law's work).

Nothing here is computed from mentions; that is the side index's work (``web.pages.entity``).

>>> KIND_LABELS["Programme"]["project"], KIND_LABELS["Organisation"]["agency"]
('projekt', 'styrelse')
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pyoxigraph import Literal, NamedNode

from graph.entities import EntityIris
from graph.labels import danish_date
from graph.terms import RDFS_LABEL, RG
from graph.uris import Minter
from loaders.reference import reference_data
from loaders.reference.entry_model import Law, Organisation, Programme
from loaders.reference.forms import law_forms
from ontology.vocabularies import DCTERMS, ORG, RDF, RDFS

if TYPE_CHECKING:
    from graph.store import MinutesStore
    from web.site_readers import Site


CLASS_IRI = {"Law": RG.Law, "Programme": RG.Programme, "Organisation": RG.Organisation}
KIND_NAMES = {"Law": "lov", "Programme": "program", "Organisation": "organisation"}
KIND_LABELS: dict[str, dict[str, str]] = {
    "Law": {"LOV": "lov"},
    "Programme": {
        "project": "projekt",
        "scheme": "ordning",
        "trial": "forsøg",
        "partnership": "partnerskab",
        "course": "forløb",
        "agreement": "politisk aftale",
        "campaign": "kampagne",
    },
    "Organisation": {
        "ministry": "ministerium",
        "agency": "styrelse",
        "government": "regering",
        "parliament": "parlament",
        "association": "forening",
        "union": "fagforbund",
        "a-kasse": "a-kasse",
        "school": "uddannelsesinstitution",
        "company": "virksomhed",
        "foundation": "fond",
        "institution": "institution",
        "network": "netværk",
        "jobcentre": "jobcenter",
        "municipality": "kommune",
    },
}
"""The Danish word for each kind of the reference data (``programmes.yaml`` and
``organisations.yaml`` list the kinds)."""

Props = dict[str, list[NamedNode | Literal]]


def props_of(store: MinutesStore, iri: str) -> Props:
    """A resource's own triples from every graph, by predicate, each object once, in a
    stable order (Danish literals first, then by text)."""
    found: defaultdict[str, dict[NamedNode | Literal, None]] = defaultdict(dict)
    for quad in store.quads_matching(NamedNode(iri), None, None):
        if isinstance(quad.object, NamedNode | Literal):
            found[quad.predicate.value].setdefault(quad.object)
    return {p: sorted(values, key=_order) for p, values in found.items()}


def _order(value: NamedNode | Literal) -> tuple[int, str]:
    language = value.language if isinstance(value, Literal) else None
    return (0 if language == "da" else 1 if language is None else 2, value.value)


def first(props: Props, predicate: str) -> str | None:
    values = props.get(predicate)
    return values[0].value if values else None


def label_of(store: MinutesStore, iri: str) -> str:
    """The Danish label of a resource (else any label, else the end of its IRI)."""
    found = store.quads_matching(NamedNode(iri), RDFS_LABEL, None)
    labels = sorted({q.object for q in found if isinstance(q.object, Literal)}, key=_order)
    return labels[0].value if labels else iri.rstrip("/").rsplit("/", 1)[-1]


def types_of(props: Props) -> set[str]:
    return {v.value for v in props.get(RDF.type, ())}


def _date(props: Props, predicate: str) -> str | None:
    text = first(props, predicate)
    try:
        return danish_date(dt.date.fromisoformat(text)) if text else None
    except ValueError:
        return text


@dataclass(slots=True)
class EntityFacts:
    """One entity as its page shows it; every field comes from the graph or the reference
    data, none is guessed."""

    iri: str
    kind: str  # Law, Programme, Organisation
    label: str
    names: list[str]  # short names and aliases
    kind_label: str  # "lov", "projekt", "styrelse" ...
    candidate: bool  # proposed by a pattern, not in the reference data
    source: str | None = None
    eli: str | None = None
    enactment: str | None = None
    in_force_from: str | None = None  # Danish dates
    in_force_to: str | None = None
    in_force_from_iso: str | None = None
    enacted: str | None = None  # Danish date, from the reference data
    enacted_iso: str | None = None
    parent: dict[str, str] | None = None  # {"iri", "label", "href"}
    owner: dict[str, str] | None = None
    same_work: list[dict[str, str]] = field(default_factory=list)  # other acts, same title


def entity_facts(site: Site, iri: str, kind: str) -> EntityFacts | None:
    """The facts of ``iri`` as a ``kind`` (``None`` when it is not one)."""
    store = site.store()
    props = props_of(store, iri)
    if CLASS_IRI[kind] not in types_of(props):
        return None
    label = first(props, RDFS.label) or iri.rsplit("/", 1)[-1]
    names = [v.value for v in props.get(RG.shortName, ()) if v.value != label]
    facts = EntityFacts(
        iri=iri,
        kind=kind,
        label=label,
        names=sorted(dict.fromkeys(names), key=str.casefold),
        kind_label=KIND_NAMES[kind],
        candidate=first(props, RG.candidate) == "true",
        source=first(props, DCTERMS.source),
        eli=first(props, RG.eli),
        enactment=first(props, RG.enactment),
        in_force_from=_date(props, RG.inForceFrom),
        in_force_to=_date(props, RG.inForceTo),
        in_force_from_iso=first(props, RG.inForceFrom),
    )
    parent = first(props, ORG.subOrganizationOf)
    if parent:
        facts.parent = _link(site, parent)
    _add_reference_facts(site, facts)
    return facts


def _link(site: Site, iri: str) -> dict[str, str]:
    return {"iri": iri, "label": label_of(site.store(), iri), "href": site.path_for_iri(iri) or iri}


def _add_reference_facts(site: Site, facts: EntityFacts) -> None:
    """The kind, owner and sibling acts that only the reference data knows."""
    entry = reference_entry(site.base, facts.iri, facts.kind)
    if isinstance(entry, Programme | Organisation):
        facts.kind_label = KIND_LABELS[facts.kind].get(entry.kind, entry.kind)
    if isinstance(entry, Programme) and entry.owner:
        owner = EntityIris(Minter(site.base)).reference("organisation", entry.owner)
        facts.owner = _link(site, owner)
    if isinstance(entry, Law):
        facts.names = law_names(entry)
        if entry.enacted:
            facts.enacted = danish_date(entry.enacted)
            facts.enacted_iso = entry.enacted.isoformat()
        iris = EntityIris(Minter(site.base))
        for other in reference_data().laws.values():
            if other.work == entry.work and other.key != entry.key:
                link = _link(site, iris.reference("law", other.key))
                link["enactment"] = other.enactment or ""
                link["in_force_to"] = danish_date(other.in_force_to) if other.in_force_to else ""
                facts.same_work.append(link)
    elif facts.kind == "Organisation" and facts.iri.endswith("/jobcenter"):
        facts.kind_label = KIND_LABELS["Organisation"]["jobcentre"]


def law_names(law: Law) -> list[str]:
    """The names a law's page shows under "Også kaldt": its short names and the aliases
    written in the reference data, not the forms made from them for matching ("loven om ...",
    "lov planlægning", "planlov").

    >>> law_names(reference_data().laws["planloven"])
    ['plan-loven', 'planloven']
    """
    written = [law.title, *law.short_names, *(a.text for a in law.aliases)]
    variants = {form.casefold() for name in written for form in law_forms(name)[1:]}
    names = dict.fromkeys([*law.short_names, *(a.text for a in law.aliases)])
    shown = [n for n in names if n.casefold() not in variants and n != law.title]
    return sorted(shown, key=str.casefold)


def reference_entry(base: str, iri: str, kind: str) -> Law | Programme | Organisation | None:
    """The reference data's entry for a dataset IRI, if it has one.

    >>> base = "https://w3id.org/referatgraf/"
    >>> reference_entry(base, base + "program/klapjob", "Programme").name
    'KLAPjob'
    >>> reference_entry(base, base + "kandidat/program/X", "Programme") is None
    True
    """
    if not iri.startswith(base):
        return None
    path = iri[len(base) :]
    data = reference_data()
    folder, _, key = path.partition("/")
    if kind == "Law" and folder == "lov":
        return data.laws.get(key)
    if kind == "Programme" and folder == "program":
        return data.programmes.get(key)
    if kind == "Organisation" and folder == "organisation":
        return data.organisations.get(key)
    return None
