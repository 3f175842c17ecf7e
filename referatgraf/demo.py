"""``referatgraf demo``: the bundled sample minutes, and a few questions the graph answers."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

from graph.store import MinutesStore
from sparql.execute import run_query

EXAMPLES = (
    (
        "Møder pr. kommune (kommunekode)",
        """PREFIX rg: <https://w3id.org/referatgraf/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?kommunekode ?kommune (COUNT(?meeting) AS ?moeder) WHERE {
  ?meeting a rg:Meeting ; rg:municipality ?m .
  ?m rg:kommunekode ?kommunekode ; rdfs:label ?kommune .
} GROUP BY ?kommunekode ?kommune ORDER BY ?kommunekode""",
    ),
    (
        "Fraværende pr. møde",
        """PREFIX rg: <https://w3id.org/referatgraf/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?dato ?udvalg ?fravaerende WHERE {
  ?meeting a rg:Meeting ; rg:date ?dato ; rg:committee/rdfs:label ?udvalg ;
           rg:absentee/rdfs:label ?fravaerende .
} ORDER BY ?dato ?fravaerende""",
    ),
    (
        "Punkter og beslutninger på mødet 8. januar 2020",
        """PREFIX rg: <https://w3id.org/referatgraf/def#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?nr ?titel ?beslutning WHERE {
  ?meeting a rg:Meeting ; rg:date "2020-01-08"^^xsd:date ; rg:agendaItem ?item .
  ?item rg:number ?nr ; rg:title ?titel .
  OPTIONAL { ?item rg:decision/rg:text ?beslutning }
} ORDER BY ?nr""",
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
