"""The shape of the house, checked from the source: each layer imports only the layers below it,
no two modules share a name, and no hand-written module grows past 400 lines.

The layers, from the bottom: ``ontology`` (the vocabulary), ``loaders`` (minutes to a model;
knows no RDF), ``graph`` (the model as quads, the store, the load), ``searchindex`` (the side
index of counts, timelines and search) and ``publishing`` (dumps, catalog, VoID), ``sparql``
(the endpoint's machinery), ``web`` (pages and HTTP), ``referatgraf`` (the command line and
settings: the composition root).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from tests.test_architecture import NOT_PYTHON, ROOT, import_graph, modules

# package -> the packages it may import (besides itself)
ALLOWED: dict[str, set[str]] = {
    "ontology": set(),
    "loaders": set(),
    "graph": {"ontology", "loaders"},
    "searchindex": {"ontology", "loaders", "graph"},
    "publishing": {"ontology", "loaders", "graph"},
    "sparql": {"ontology", "loaders", "graph"},
    "web": {"ontology", "loaders", "graph", "searchindex", "publishing", "sparql"},
    "referatgraf": {
        "ontology", "loaders", "graph", "searchindex", "publishing", "sparql", "web"
    },
}  # fmt: skip
PACKAGES = tuple(ALLOWED)
MAX_LINES = 400
GENERATED = "do not edit"  # the mark a generated module carries in its opening docstring


def test_the_layers_over_graph_are_side_by_side() -> None:
    """``searchindex``, ``publishing`` and ``sparql`` each stand on ``graph`` alone: none imports
    another (tests/test_architecture.py checks the order of the layers as a line)."""
    wrong = [
        f"{module} imports {imported} (line {line})"
        for module, edges in import_graph(ROOT, PACKAGES).items()
        for imported, line in edges.items()
        if (top := module.split(".")[0]) != (other := imported.split(".")[0])
        and other not in ALLOWED[top]
    ]
    assert wrong == []


def test_the_layers_are_every_package_of_the_project() -> None:
    found = sorted(
        folder.name
        for folder in ROOT.iterdir()
        if (folder / "__init__.py").is_file() and folder.name not in ("tests", "bench")
    )
    assert found == sorted(PACKAGES)


def test_no_two_modules_share_a_name() -> None:
    by_name: defaultdict[str, list[str]] = defaultdict(list)
    for dotted, (_, is_package) in modules(ROOT, PACKAGES).items():
        if not is_package and not dotted.endswith(".__main__"):
            by_name[dotted.rpartition(".")[2]].append(dotted)
    assert {name: found for name, found in by_name.items() if len(found) > 1} == {}


def test_no_hand_written_module_is_over_400_lines() -> None:
    long = {}
    for package in PACKAGES:
        for file in (ROOT / package).rglob("*.py"):
            if any(part in NOT_PYTHON for part in file.parts):
                continue
            text = file.read_text(encoding="utf-8")
            lines = text.count("\n")
            if lines > MAX_LINES and GENERATED not in text[:600]:
                long[str(file.relative_to(ROOT))] = lines
    assert long == {}


def test_the_checks_see_the_modules(tmp_path: Path) -> None:
    """The name check would catch a clash: two modules of one name in two packages."""
    for package in ("a", "b"):
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
        (tmp_path / package / "votes.py").write_text("")
    found = modules(tmp_path, ("a", "b"))
    assert sorted(found) == ["a", "a.votes", "b", "b.votes"]


def _readme_layout() -> list[str]:
    """The folders the README's layout drawing names, as paths (``web/pages``)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Layout of the code", 1)[1].split("```", 2)[1]
    named, top = [], ""
    for line in section.splitlines():
        word = line.split(" ", 3)[0] if not line.startswith(" ") else ""
        if word.endswith("/"):
            top = word.rstrip("/")
            named.append(top)
        elif line.startswith("  ") and (inner := line.strip().split(" ")[0]).endswith("/"):
            named.append(f"{top}/{inner.rstrip('/')}")
    return named


def test_the_readme_draws_every_package_and_only_folders_that_exist() -> None:
    named = _readme_layout()
    packages = [
        str(init.parent.relative_to(ROOT))
        for package in PACKAGES
        for init in (ROOT / package).rglob("__init__.py")
        if len(init.parent.relative_to(ROOT).parts) <= 2
        and not any(part in NOT_PYTHON for part in init.parts)
    ]
    assert sorted(set(packages) - set(named)) == []
    assert [folder for folder in named if not (ROOT / folder).is_dir()] == []
