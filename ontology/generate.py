"""Generate :mod:`ontology.namespace` from ``referatgraf.ttl``.

Run ``python -m ontology.generate`` after editing the Turtle, and commit both files;
``python -m ontology.generate --check`` exits with status 1 when the module is out of date.
The output is deterministic and already formatted the way ``ruff format`` formats it.
"""

from __future__ import annotations

import argparse
import keyword
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from ontology import NAMESPACE_MODULE_PATH, ONTOLOGY_PATH

NS = "https://w3id.org/referatgraf/def#"
OUTCOME_NS = "https://w3id.org/referatgraf/def/outcome/"
MEETING_KIND_NS = "https://w3id.org/referatgraf/def/meeting-kind/"
POSITION_NS = "https://w3id.org/referatgraf/def/position/"
ATTENDANCE_KIND_NS = "https://w3id.org/referatgraf/def/attendance-kind/"

_LINE_LENGTH = 100
_INDENT = "    "

# (rdf:type, heading) in the order the groups appear in RG.
_KINDS: tuple[tuple[URIRef, str], ...] = (
    (OWL.Class, "Classes"),
    (OWL.ObjectProperty, "Object properties"),
    (OWL.DatatypeProperty, "Datatype properties"),
    (SKOS.ConceptScheme, "Concept schemes"),
)


class GenerationError(Exception):
    """The Turtle declares something the namespace module cannot represent."""


@dataclass(frozen=True, slots=True)
class Term:
    """One IRI to become a ``Final[str]`` attribute, with its docstring (none when empty)."""

    name: str
    iri: str
    doc: str


def _english(graph: Graph, subject: URIRef, predicate: URIRef) -> str:
    values = sorted(
        str(value)
        for value in graph.objects(subject, predicate)
        if isinstance(value, Literal) and value.language == "en"
    )
    if not values:
        raise GenerationError(f"{subject} has no {predicate} in English")
    return " ".join(values[0].split())


def identifier(local_name: str, iri: str, *, concept: bool = False) -> str:
    """The attribute name of a term; a concept named like a Python keyword gets a trailing
    ``_`` (``POSITION.for_``), a class or property never does."""
    name = local_name.replace("-", "_")
    if concept and keyword.iskeyword(name):
        name += "_"
    if not name.isidentifier() or keyword.iskeyword(name):
        raise GenerationError(f"{iri}: {name!r} is not a Python identifier")
    return name


def _terms_in(graph: Graph, namespace: str, *, concept: bool = False) -> list[tuple[URIRef, str]]:
    """The declared subjects (those with an rdf:type) whose IRI is in ``namespace``."""
    subjects = {
        subject
        for subject in graph.subjects(RDF.type, None)
        if isinstance(subject, URIRef) and str(subject).startswith(namespace)
    }
    found = []
    for subject in subjects:
        local_name = str(subject)[len(namespace) :]
        found.append((subject, identifier(local_name, str(subject), concept=concept)))
    return sorted(found, key=lambda pair: pair[1])


def rg_groups(graph: Graph) -> list[tuple[str, list[Term]]]:
    """The rg: terms, grouped by kind (class, object property, ...), each group sorted by name."""
    groups: dict[URIRef, list[Term]] = {kind: [] for kind, _ in _KINDS}
    for subject, name in _terms_in(graph, NS):
        kinds = [kind for kind, _ in _KINDS if (subject, RDF.type, kind) in graph]
        if len(kinds) != 1:
            raise GenerationError(f"{subject} must have exactly one kind of {_KINDS}, has {kinds}")
        groups[kinds[0]].append(Term(name, str(subject), _english(graph, subject, RDFS.comment)))
    return [(heading, groups[kind]) for kind, heading in _KINDS]


def concepts(graph: Graph, namespace: str) -> list[Term]:
    """The SKOS concepts whose IRIs are in ``namespace``, sorted by name."""
    return [
        Term(name, str(subject), _labels(graph, subject))
        for subject, name in _terms_in(graph, namespace, concept=True)
        if (subject, RDF.type, SKOS.Concept) in graph
    ]


def _labels(graph: Graph, concept: URIRef) -> str:
    """``"approved (da: godkendt)"``: the English and Danish preferred labels."""
    danish = sorted(
        str(value)
        for value in graph.objects(concept, SKOS.prefLabel)
        if isinstance(value, Literal) and value.language == "da"
    )
    if not danish:
        raise GenerationError(f"{concept} has no skos:prefLabel in Danish")
    return f"{_english(graph, concept, SKOS.prefLabel)} (da: {danish[0]})"


def _docstring(text: str) -> list[str]:
    escaped = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if escaped.endswith('"'):
        escaped += " "
    lines = textwrap.wrap(
        escaped,
        width=_LINE_LENGTH - len('"""'),
        initial_indent=f'{_INDENT}"""',
        subsequent_indent=_INDENT,
        break_long_words=False,
        break_on_hyphens=False,
    )
    lines[-1] += '"""'
    return lines


def _attribute(term: Term) -> list[str]:
    assignment = f'{_INDENT}{term.name}: Final[str] = "{term.iri}"'
    if len(assignment) > _LINE_LENGTH:  # wrapped as ruff format wraps it
        assignment = "\n".join(
            [f"{_INDENT}{term.name}: Final[str] = (", f'{_INDENT * 2}"{term.iri}"', f"{_INDENT})"]
        )
    return [assignment, *(_docstring(term.doc) if term.doc else [])]


def class_body(groups: list[tuple[str, list[Term]]]) -> list[str]:
    lines: list[str] = []
    for heading, terms in groups:
        if not terms:
            continue
        if lines:
            lines.append("")
        lines.append(f"{_INDENT}# {heading}")
        lines.append("")
        for index, term in enumerate(terms):
            if index:
                lines.append("")
            lines.extend(_attribute(term))
    return lines


_HEADER = '''\
"""The referatgraf vocabulary as typed constants: full IRIs as ``Final[str]``.

Generated by ``python -m ontology.generate`` from ``ontology/referatgraf.ttl``; do not edit.
A misspelled term is a mypy error and an ``AttributeError``, never a silently wrong IRI.
This module imports neither rdflib nor pyoxigraph.
"""

# Attribute names are the ontology's own local names (camelCase properties), and the concept
# classes are named like constants.
# ruff: noqa: N801, N815

from __future__ import annotations

from typing import Final

__all__ = [
    "ATTENDANCE_KIND",
    "ATTENDANCE_KIND_NS",
    "MEETING_KIND",
    "MEETING_KIND_NS",
    "NS",
    "OUTCOME",
    "OUTCOME_NS",
    "POSITION",
    "POSITION_NS",
    "RG",
]
'''


def render(graph: Graph) -> str:
    """The source of ``ontology/namespace.py`` for the ontology in ``graph``."""
    lines = [
        _HEADER,
        f'NS: Final[str] = "{NS}"',
        '"""The rg: namespace."""',
        "",
        f'OUTCOME_NS: Final[str] = "{OUTCOME_NS}"',
        '"""Where the concepts of the decision outcome scheme (``RG.outcomes``) live."""',
        "",
        f'MEETING_KIND_NS: Final[str] = "{MEETING_KIND_NS}"',
        '"""Where the concepts of the meeting kind scheme (``RG.meetingKinds``) live."""',
        "",
        f'POSITION_NS: Final[str] = "{POSITION_NS}"',
        '"""Where the concepts of the vote position scheme (``RG.positions``) live."""',
        "",
        f'ATTENDANCE_KIND_NS: Final[str] = "{ATTENDANCE_KIND_NS}"',
        '"""Where the concepts of the attendance kind scheme (``RG.attendanceKinds``) live."""',
        "",
        "",
        "class RG:",
        '    """Every term of the rg: namespace by its local name: ``RG.Meeting``, ``RG.date``."""',
        "",
        *class_body(rg_groups(graph)),
        "",
        "",
        "class OUTCOME:",
        '    """The decision outcome concepts (``rg:outcome`` values), slug with "_" for "-"."""',
        "",
        *class_body([("Concepts", concepts(graph, OUTCOME_NS))]),
        "",
        "",
        "class MEETING_KIND:",
        '    """The meeting kind concepts; ``rg:meetingKind`` holds their ``skos:notation``."""',
        "",
        *class_body([("Concepts", concepts(graph, MEETING_KIND_NS))]),
        "",
        "",
        "class POSITION:",
        '    """The vote position concepts (``rg:votePosition`` values); ``for`` is ``for_``."""',
        "",
        *class_body([("Concepts", concepts(graph, POSITION_NS))]),
        "",
        "",
        "class ATTENDANCE_KIND:",
        '    """The attendance kind concepts (``rg:attendanceKind`` values)."""',
        "",
        *class_body([("Concepts", concepts(graph, ATTENDANCE_KIND_NS))]),
        "",
    ]
    return "\n".join(lines)


def generate(ontology: Path = ONTOLOGY_PATH) -> str:
    """Read the ontology Turtle and return the namespace module's source."""
    graph = Graph()
    graph.parse(ontology, format="turtle")
    return render(graph)


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check``, compare) ``ontology/namespace.py``."""
    parser = argparse.ArgumentParser(prog="python -m ontology.generate", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if namespace.py is stale")
    parser.add_argument("--out", type=Path, default=NAMESPACE_MODULE_PATH, help="where to write")
    args = parser.parse_args(argv)
    return write_or_check(generate(), args.out, check=args.check, command=parser.prog)


def write_or_check(source: str, out: Path, *, check: bool, command: str) -> int:
    """Write a generated module, or with ``check`` compare it: 1 when it is out of date."""
    if check:
        current = out.read_text(encoding="utf-8") if out.exists() else ""
        if current != source:
            sys.stderr.write(f"{out} is out of date; run {command}\n")
            return 1
        return 0
    out.write_text(source, encoding="utf-8", newline="\n")
    sys.stderr.write(f"wrote {out}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
