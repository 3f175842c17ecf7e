"""The package's modules import one another without a cycle, counting the imports written inside
functions (which hide a cycle from Python, not from the reader), but not those under
``if TYPE_CHECKING:`` (which never run).

The import graph is read from the source with :mod:`ast`, so it sees every import, wherever it
is written, whether or not it would run. From it: imports go one way, ``loaders`` <- ``graph``
<- ``sparql`` <- ``web`` <- ``referatgraf``. Also read with :mod:`ast`: ``web/`` reads no
setting of its own (``referatgraf/`` resolves them and passes them in), and ``web/app.py``
only assembles the routes of the page modules.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Final

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = (
    "referatgraf",
    "loaders",
    "graph",
    "searchindex",
    "publishing",
    "sparql",
    "web",
    "ontology",
)
NOT_PYTHON = ("frontend",)  # web/frontend is the npm build folder of the query page


def modules(root: Path, packages: tuple[str, ...]) -> dict[str, tuple[Path, bool]]:
    """Every module of ``packages`` under ``root``: dotted name -> (file, is a package)."""
    found = {}
    for package in packages:
        for file in sorted((root / package).rglob("*.py")):
            parts = list(file.relative_to(root).with_suffix("").parts)
            if any(part in NOT_PYTHON for part in parts):
                continue
            is_package = parts[-1] == "__init__"
            name = ".".join(parts[:-1] if is_package else parts)
            found[name] = (file, is_package)
    return found


def _type_checking_only(tree: ast.Module) -> set[int]:
    """The ids of the nodes under ``if TYPE_CHECKING:``."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(inner) for part in node.body for inner in ast.walk(part))
    return skipped


def import_graph(root: Path, packages: tuple[str, ...]) -> dict[str, dict[str, int]]:
    """Module -> {module of the package it imports: the line of the first such import}.
    ``from a import b`` imports ``a.b`` when that is a module, else ``a``; a name under a
    module (``import a.b.c`` of a function ``c``) counts as its module."""
    found = modules(root, packages)

    def module_of(name: str) -> str | None:
        while name and name not in found:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, dict[str, int]] = {}
    for name, (file, is_package) in found.items():
        tree = ast.parse(file.read_text(encoding="utf-8"))
        package = name if is_package else name.rpartition(".")[0]
        skipped = _type_checking_only(tree)
        edges: dict[str, int] = {}
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parent, *([node.module] if node.module else [])])
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in found else base
                    for alias in node.names
                ]
            else:
                continue
            for target in targets:
                imported = module_of(target)
                if imported is not None and imported != name:
                    edges.setdefault(imported, node.lineno)
        graph[name] = edges
    return graph


def import_cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The groups of modules that import one another, directly or round a loop (the strongly
    connected components of more than one module, by Tarjan's algorithm), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.get(module, {}):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for module in graph:
        if module not in index:
            visit(module)
    return sorted(cycles)


def describe(cycle: list[str], graph: dict[str, dict[str, int]]) -> str:
    edges = [
        f"{module} -> {imported} (line {line})"
        for module in cycle
        for imported, line in graph[module].items()
        if imported in cycle
    ]
    return "; ".join(edges)


@pytest.fixture(scope="module")
def package_imports() -> dict[str, dict[str, int]]:
    return import_graph(ROOT, PACKAGES)


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_cycle_touches_the_package(
    package: str, package_imports: dict[str, dict[str, int]]
) -> None:
    graph = package_imports
    touching = [
        cycle
        for cycle in import_cycles(graph)
        if any(module == package or module.startswith(package + ".") for module in cycle)
    ]
    assert [describe(cycle, graph) for cycle in touching] == []


LAYERS: Final = ("loaders", "graph", "searchindex", "publishing", "sparql", "web", "referatgraf")
"""Each imports only those before it (and itself); ``ontology`` is a leaf any of them uses."""


def upward_imports(graph: dict[str, dict[str, int]]) -> list[str]:
    """The imports of a module from a layer after its own (or of ``ontology`` from any
    layer): ``"module -> imported (line N)"`` each."""
    rank = {"ontology": -1, **{layer: number for number, layer in enumerate(LAYERS)}}
    return [
        f"{module} -> {imported} (line {line})"
        for module, edges in graph.items()
        for imported, line in edges.items()
        if rank[imported.split(".")[0]] > rank[module.split(".")[0]]
    ]


def test_imports_go_one_way(package_imports: dict[str, dict[str, int]]) -> None:
    assert upward_imports(package_imports) == []


def test_an_import_from_a_later_layer_is_seen() -> None:
    graph = {
        "ontology.namespace": {"graph.uris": 3},
        "graph.uris": {"ontology.namespace": 1, "loaders.model": 2},
        "web.app": {"referatgraf.settings": 9, "sparql.store_state": 4},
    }
    assert upward_imports(graph) == [
        "ontology.namespace -> graph.uris (line 3)",
        "web.app -> referatgraf.settings (line 9)",
    ]


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_an_import_inside_a_function_closes_a_cycle(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "from pkg.b import thing\n",
            "pkg/b.py": "thing = 1\n\ndef later():\n    from pkg import a\n    return a\n",
            "pkg/c.py": "import pkg.a\n",
        },
    )
    graph = import_graph(tmp_path, ("pkg",))
    assert graph == {
        "pkg": {},
        "pkg.a": {"pkg.b": 1},
        "pkg.b": {"pkg.a": 4},
        "pkg.c": {"pkg.a": 1},
    }
    assert import_cycles(graph) == [["pkg.a", "pkg.b"]]
    assert describe(["pkg.a", "pkg.b"], graph) == "pkg.a -> pkg.b (line 1); pkg.b -> pkg.a (line 4)"


def test_relative_imports_and_loops_of_three(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "from .sub import first\n",
            "pkg/sub/__init__.py": "from .first import value as first\n",
            "pkg/sub/first.py": "from ..other import value\n",
            "pkg/other.py": "from pkg.sub.first import value as _\nvalue = 2\n",
            "pkg/leaf.py": "from . import other\n",
        },
    )
    graph = import_graph(tmp_path, ("pkg",))
    assert graph == {
        "pkg": {"pkg.sub.first": 1},
        "pkg.leaf": {"pkg.other": 1},
        "pkg.other": {"pkg.sub.first": 1},
        "pkg.sub": {"pkg.sub.first": 1},
        "pkg.sub.first": {"pkg.other": 1},
    }
    assert import_cycles(graph) == [["pkg.other", "pkg.sub.first"]]


def test_imports_for_type_checking_only_and_outside_the_package_do_not_count(
    tmp_path: Path,
) -> None:
    _write(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "import json\nfrom pkg.b import B\n",
            "pkg/b.py": (
                "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg.a import A\n"
                "class B: ...\n"
            ),
        },
    )
    graph = import_graph(tmp_path, ("pkg",))
    assert graph == {"pkg": {}, "pkg.a": {"pkg.b": 2}, "pkg.b": {}}
    assert import_cycles(graph) == []


ENVIRONMENT: Final = frozenset({"environ", "environb", "getenv", "getenvb", "putenv", "unsetenv"})
ROUTE_DECORATORS: Final = frozenset(
    {"get", "head", "post", "put", "patch", "delete", "options", "api_route", "route", "websocket"}
)


def settings_read(tree: ast.Module) -> list[str]:
    """Where a module reads the environment (``os.environ``, ``os.getenv`` and the like, as
    attributes of ``os`` or imported from it) or imports ``referatgraf`` (the settings and the
    CLI): ``"line: what"`` each, in the order of the lines."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ENVIRONMENT:
            if isinstance(node.value, ast.Name) and node.value.id == "os":
                found.append((node.lineno, f"os.{node.attr}"))
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module == "os":
            found += [(node.lineno, f"os.{a.name}") for a in node.names if a.name in ENVIRONMENT]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            if node.module.split(".")[0] == "referatgraf":
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [
                (node.lineno, alias.name)
                for alias in node.names
                if alias.name.split(".")[0] == "referatgraf"
            ]
    return [f"{line}: {what}" for line, what in sorted(found)]


def route_handlers(tree: ast.Module) -> list[str]:
    """The functions of a module, at any depth, that are route handlers: decorated with a
    route of an app or router (``@app.get(...)``, ``@router.api_route(...)``), or passed to
    ``add_api_route`` / ``add_route``; ``"line: name"`` each."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for decorator in node.decorator_list:
                called = decorator.func if isinstance(decorator, ast.Call) else decorator
                if isinstance(called, ast.Attribute) and called.attr in ROUTE_DECORATORS:
                    found.append((node.lineno, node.name))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in {"add_api_route", "add_route"}
        ):
            found.append((node.lineno, node.func.attr))
    return [f"{line}: {what}" for line, what in sorted(found)]


def test_web_reads_no_setting_of_its_own() -> None:
    """Settings are resolved in ``referatgraf/`` (the command line, the environment, the
    defaults) and passed in; ``web/`` reads none from the environment, nor imports them."""
    reads = {
        name: found
        for name, (file, _) in modules(ROOT, ("web",)).items()
        if (found := settings_read(ast.parse(file.read_text(encoding="utf-8"))))
    }
    assert reads == {}


def test_the_app_only_assembles_routes() -> None:
    """``web/app.py`` includes the routers and installs the routes of the page modules; a page
    computed in a handler of its own belongs in a module named for it (``web/*_page.py``)."""
    app = ROOT / "web" / "app.py"
    assert route_handlers(ast.parse(app.read_text(encoding="utf-8"))) == []


def test_the_rules_see_settings_read_and_handlers_defined() -> None:
    source = (
        "import os\nfrom os import getenv, path\nimport referatgraf.settings\n"
        "from referatgraf import cli\nfrom . import settings\n"
        "def f(app, router):\n"
        "    os.environ.get('X'); os.path.join('a')\n"
        "    @app.get('/')\n    def home(): ...\n"
        "    @router.api_route('/x', methods=['GET'])\n    async def x(): ...\n"
        "    @functools.cache\n    def cached(): ...\n"
        "    app.add_api_route('/y', lambda: 1)\n"
    )
    tree = ast.parse(source)
    assert settings_read(tree) == [
        "2: os.getenv",
        "3: referatgraf.settings",
        "4: referatgraf",
        "7: os.environ",
    ]
    assert route_handlers(tree) == ["9: home", "11: x", "14: add_api_route"]
