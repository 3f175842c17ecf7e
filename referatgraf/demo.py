"""``referatgraf demo``: the bundled sample minutes, and a few questions the graph answers."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

from graph.store import MinutesStore
from ontology.namespace import NS
from ontology.vocabularies import RDFS_NS, XSD_NS
from sparql.execute import run_query


def _prefixed(body: str, **prefixes: str) -> str:
    """The query ``body`` after a PREFIX line for each of ``prefixes`` (name: namespace)."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in prefixes.items()) + body


EXAMPLES = (
    (
        "Møder pr. kommune (kommunekode)",
        _prefixed(
            """SELECT ?kommunekode ?kommune (COUNT(?meeting) AS ?moeder) WHERE {
  ?meeting a rg:Meeting ; rg:municipality ?m .
  ?m rg:kommunekode ?kommunekode ; rdfs:label ?kommune .
} GROUP BY ?kommunekode ?kommune ORDER BY ?kommunekode""",
            rg=NS,
            rdfs=RDFS_NS,
        ),
    ),
    (
        "Fraværende pr. møde",
        _prefixed(
            """SELECT ?dato ?udvalg ?fravaerende WHERE {
  ?meeting a rg:Meeting ; rg:date ?dato ; rg:committee/rdfs:label ?udvalg ;
           rg:absentee/rdfs:label ?fravaerende .
} ORDER BY ?dato ?fravaerende""",
            rg=NS,
            rdfs=RDFS_NS,
        ),
    ),
    (
        "Punkter og beslutninger på mødet 8. januar 2020",
        _prefixed(
            """SELECT ?nr ?titel ?beslutning WHERE {
  ?meeting a rg:Meeting ; rg:date "2020-01-08"^^xsd:date ; rg:agendaItem ?item .
  ?item rg:number ?nr ; rg:title ?titel .
  OPTIONAL { ?item rg:decision/rg:text ?beslutning }
} ORDER BY ?nr""",
            rg=NS,
            xsd=XSD_NS,
        ),
    ),
)


def samples_folder() -> Path:
    """The folder of the bundled sample minutes (package data of ``referatgraf``)."""
    return Path(str(resources.files("referatgraf") / "samples"))


def sample_files() -> list[Path]:
    """The bundled sample minutes."""
    return sorted(p for p in samples_folder().iterdir() if p.suffix == ".txt")


def show_examples(store: MinutesStore, echo: Callable[[str], None]) -> None:
    for title, sparql in EXAMPLES:
        echo(f"\n# {title}\n{sparql}\n")
        echo(run_query(store, sparql, "tsv").decode("utf-8"))
