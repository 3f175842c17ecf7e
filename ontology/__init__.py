"""The referatgraf ontology: the Turtle files that define the vocabulary and its SHACL shapes.

``referatgraf.ttl`` is the source of truth; :mod:`ontology.namespace` is generated from it by
``python -m ontology.generate``; :mod:`ontology.vocabularies`, the terms of the standard
vocabularies we use, by ``python -m ontology.generate_vocabularies``. This package is a leaf:
it imports nothing from the project, and importing it loads neither rdflib nor pyoxigraph.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

__all__ = ["NAMESPACE_MODULE_PATH", "ONTOLOGY_PATH", "SHAPES_PATH", "VOCABULARIES_MODULE_PATH"]

_HERE: Final = Path(__file__).resolve().parent

ONTOLOGY_PATH: Final[Path] = _HERE / "referatgraf.ttl"
"""The OWL ontology in Turtle: classes, properties, alignments and the outcome concept scheme."""

SHAPES_PATH: Final[Path] = _HERE / "shapes.ttl"
"""The SHACL shapes a valid referatgraf graph conforms to."""

NAMESPACE_MODULE_PATH: Final[Path] = _HERE / "namespace.py"
"""Where ``python -m ontology.generate`` writes the typed namespace."""

VOCABULARIES_MODULE_PATH: Final[Path] = _HERE / "vocabularies.py"
"""Where ``python -m ontology.generate_vocabularies`` writes the standard vocabularies' terms."""
