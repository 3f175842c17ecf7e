"""Reading what the side index needs from the store, with pattern scans only (no SPARQL):
one scan of each source document's own graph, and a lookup per shared resource.

A document's graph is small (a few thousand quads), so it is read whole and grouped by subject;
the store is read one document at a time, never held whole.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode

from graph.store import MinutesStore
from graph.terms import PROV_STARTED, RDF_TYPE, RDFS_LABEL, RG, term
from ontology.vocabularies import SKOS

SKOS_CONCEPT = SKOS.Concept
_NAME_PREDICATES = (RG.shortName, SKOS.altLabel, SKOS.prefLabel, SKOS.notation)
_SHARED_PREDICATES = (RDFS_LABEL.value, *_NAME_PREDICATES, RG.municipality, RG.party, RG.candidate)
# the shared resources with pages of their own, by class; the first class listed wins
SHARED_KINDS: tuple[tuple[str, str], ...] = (
    (RG.Municipality, "Municipality"),
    (RG.Committee, "Committee"),
    (RG.Person, "Person"),
    (RG.Law, "Law"),
    (RG.Programme, "Programme"),
    (RG.Organisation, "Organisation"),
    (SKOS_CONCEPT, "Concept"),
)
CONTEXT_CHARS = 160  # at most this many characters of context on each side of a mention

Subjects = dict[str, dict[str, list[NamedNode | Literal]]]


@dataclass(slots=True)
class SharedResource:
    iri: str
    kind: str
    label: str
    names: list[str] = field(default_factory=list)  # other names: short names, alt labels
    municipality: str | None = None
    party: str | None = None
    candidate: bool = False


@dataclass(slots=True)
class ItemRecord:
    iri: str
    label: str
    number: int | None  # None for an item printed without a number
    title: str  # "" for one printed without a title
    body: str  # every text of the item but its title, in order


@dataclass(slots=True)
class MentionRecord:
    iri: str
    entity: str
    item: str
    anchor: str
    before: str
    anchor_text: str
    after: str
    provisions: list[str]
    text_node: str
    begin: int
    end: int


@dataclass(slots=True)
class ConceptRecord:
    """An item filed under a KLE subject (``rg:kle``, ``decision`` None), or a decision of an
    item with an outcome (``rg:outcome``), with the start of the decision's text."""

    concept: str
    item: str
    decision: str | None = None
    text: str | None = None


@dataclass(slots=True)
class DocumentRecord:
    graph: str
    sha256: str
    loaded: str | None  # date the document was loaded (ISO)
    meeting: str | None = None
    meeting_label: str = ""
    date: str | None = None
    committee: str | None = None
    municipality: str | None = None
    items: list[ItemRecord] = field(default_factory=list)
    mentions: list[MentionRecord] = field(default_factory=list)
    concepts: list[ConceptRecord] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class LoadRunRecord:
    iri: str
    label: str
    started: str
    failures: list[tuple[str, str]]  # (file name, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (file name, in Danish)


def store_token(store: MinutesStore) -> str:
    """A token of the store's state: the documents (graph and sha256 of each) and the load
    runs. It changes when a document is loaded, replaced or removed, and with each load run."""
    digest = hashlib.sha256()
    for graph, sha in sorted(store.documents().items()):
        digest.update(f"{graph} {sha}\n".encode())
    for run in sorted(_load_runs(store)):
        digest.update(f"run {run}\n".encode())
    return digest.hexdigest()


def _load_runs(store: MinutesStore) -> list[str]:
    found = store.quads_matching(None, RDF_TYPE, term(RG.LoadRun))
    return [q.subject.value for q in found if isinstance(q.subject, NamedNode)]


def _subjects(store: MinutesStore, graph: NamedNode | None, subject: NamedNode | None) -> Subjects:
    grouped: Subjects = defaultdict(lambda: defaultdict(list))
    for quad in store.quads_matching(subject, None, None, graph):
        obj = quad.object
        if isinstance(quad.subject, NamedNode) and isinstance(obj, NamedNode | Literal):
            grouped[quad.subject.value][quad.predicate.value].append(obj)
    return grouped


def _one(props: dict[str, list[NamedNode | Literal]], predicate: str) -> str | None:
    values = props.get(predicate)
    return values[0].value if values else None


def _label(props: dict[str, list[NamedNode | Literal]]) -> str | None:
    """The Danish label, else one without a language, else any."""
    labels = [v for v in props.get(RDFS_LABEL.value, ()) if isinstance(v, Literal)]
    for wanted in ("da", None):
        for value in labels:
            if value.language == wanted:
                return value.value
    return labels[0].value if labels else None


_SENTENCE_ENDS = (". ", "? ", "! ", "\n\n", ".\n")
_SPACE = re.compile(r"\s+")


def context(text: str, begin: int, end: int) -> tuple[str, str, str]:
    """The sentence around ``text[begin:end]``, in three parts: before, the anchor, after;
    at most :data:`CONTEXT_CHARS` characters on each side, whitespace runs made single spaces.

    >>> context("Første sætning. Vi drøftede KLAPjob i dag. Sidste.", 28, 35)
    ('Vi drøftede ', 'KLAPjob', ' i dag.')
    """
    window_start = max(0, begin - CONTEXT_CHARS)
    head = text[window_start:begin]
    cut = max((head.rfind(mark) + len(mark) for mark in _SENTENCE_ENDS if mark in head), default=0)
    before = head[cut:]
    tail = text[end : end + CONTEXT_CHARS]
    stops = [tail.find(mark) for mark in _SENTENCE_ENDS]
    found = [s for s in stops if s >= 0]
    after = tail[: min(found) + 1] if found else tail
    return _squeeze(before).lstrip(), text[begin:end], _squeeze(after).rstrip()


def _squeeze(text: str) -> str:
    return _SPACE.sub(" ", text)


def read_shared(store: MinutesStore) -> Iterator[SharedResource]:
    """Every shared resource with a page: municipalities, committees, persons, laws,
    programmes, organisations and concepts, with their labels and other names. They live in
    a few graphs (municipalities, reference, entities, ontology): each of those is scanned once
    per property, rather than the store once per resource."""
    kinds: dict[str, str] = {}
    graphs: set[NamedNode] = set()
    for cls, kind in SHARED_KINDS:
        for quad in store.quads_matching(None, RDF_TYPE, term(cls)):
            subject = quad.subject
            if isinstance(subject, NamedNode) and subject.value not in kinds:
                kinds[subject.value] = kind
                if isinstance(quad.graph_name, NamedNode):
                    graphs.add(quad.graph_name)
    found: Subjects = defaultdict(lambda: defaultdict(list))
    for graph in sorted(graphs, key=str):
        for predicate in _SHARED_PREDICATES:
            for quad in store.quads_matching(None, term(predicate), None, graph):
                subject, value = quad.subject, quad.object
                if (
                    isinstance(subject, NamedNode)
                    and subject.value in kinds
                    and isinstance(value, NamedNode | Literal)
                ):
                    found[subject.value][predicate].append(value)
    for iri, kind in kinds.items():
        props = found.get(iri, {})
        label = _label(props) or iri.rsplit("/", 1)[-1]
        names = sorted({v.value for p in _NAME_PREDICATES for v in props.get(p, ())} - {label})
        yield SharedResource(
            iri,
            kind,
            label,
            names,
            municipality=_one(props, RG.municipality),
            party=_one(props, RG.party),
            candidate=_one(props, RG.candidate) == "true",
        )


def read_load_runs(store: MinutesStore) -> Iterator[LoadRunRecord]:
    """Every load run, with the files that failed in it."""
    for run in _load_runs(store):
        props = _subjects(store, NamedNode(run), None)
        own = props.get(run, {})
        failures = []
        for node in own.get(RG.failure, ()):
            failure = props.get(node.value, {})
            name, reason = _one(failure, RG.fileName), _one(failure, RG.reason)
            if name is not None:
                failures.append((name, reason or ""))
        warnings = []
        for node in own.get(RG.fileRead, ()):
            read = props.get(node.value, {})
            name = _one(read, RG.fileName)
            for warning in read.get(RG.readWarning, ()):
                if name is not None and isinstance(warning, Literal) and warning.language == "da":
                    warnings.append((name, warning.value))
        started = _one(own, PROV_STARTED.value) or ""
        yield LoadRunRecord(run, _label(own) or run, started, failures, warnings)
