"""No import cycles in ``planner/`` or ``views/``: dependencies run one way, so any module can be
read, tested and changed knowing only what it imports.

The graph is read from the source with ``ast``, every import anywhere in a file (an import
inside a function is still a dependency; only ``if TYPE_CHECKING:`` blocks are left out). An
import of ``package.module`` counts as one edge to that module, not to the package's
``__init__`` as well, as Python's own import would: otherwise every package would be a cycle
with its re-exports.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("planner", "views", "server")


def module_files() -> dict[str, Path]:
    """Dotted name → file, for every module of the walked packages."""
    out = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST):
    """Every Import/ImportFrom node, outside ``if TYPE_CHECKING:`` blocks."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            yield from (n for child in node.orelse for n in _imports_in(child))
            continue
        yield from _imports_in(node)


def _imports_in(node: ast.AST):
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node
    else:
        yield from _imports(node)


def imported_modules(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of ``known`` that the module ``name`` (at ``path``) imports."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            base = [part for part in package.split(".") if part]
            base = base[: len(base) - (node.level - 1)] if node.level else []
            source = ".".join([*base, *([node.module] if node.module else [])])
            # ``from p import m`` imports the submodule p.m when there is one, else a name of p.
            submodules = [".".join(filter(None, (source, alias.name))) for alias in node.names]
            targets = [sub if sub in known else source for sub in submodules]
        for target in targets:
            while target and target not in known:  # ``import a.b.c`` of a non-module: its module
                target = target.rpartition(".")[0]
            if target and target != name:
                out.add(target)
    return out


def import_graph() -> dict[str, set[str]]:
    files = module_files()
    known = set(files)
    return {name: imported_modules(name, path, known) for name, path in files.items()}


def tangles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The groups of modules that import each other, directly or around a circle (the strongly
    connected components of more than one module, or of one that imports itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                group.add(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph[node]:
                out.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return out


def find_cycle(graph: dict[str, set[str]], among: set[str]) -> list[str]:
    """One circle through the modules ``among`` (a tangle), as a path back to its start."""
    start = min(among)
    paths = {start: [start]}
    todo = [start]
    while todo:
        node = todo.pop(0)
        for nxt in sorted(graph[node] & among):
            if nxt == start:
                return [*paths[node], start]
            if nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                todo.append(nxt)
    raise AssertionError(f"no circle through {among}")


def test_the_walk_sees_the_imports():
    graph = import_graph()
    assert {"planner.link", "planner.scenario", "views.state", "views.memo"} <= set(graph)
    assert "planner.presets" in graph["planner.link"] and "planner.scenario" in graph["planner.presets"]
    assert "views.memo" in graph["views.state"]


@pytest.mark.parametrize("source, cycle", [
    ("import b\n", ["a", "b", "a"]),
    ("def later():\n    import b\n", ["a", "b", "a"]),
    ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import b\n", None),
])
def test_a_cycle_is_found_even_through_an_import_inside_a_function(tmp_path, source, cycle):
    (tmp_path / "a.py").write_text(source)
    (tmp_path / "b.py").write_text("import a\n")
    known = {"a", "b"}
    graph = {name: imported_modules(name, tmp_path / f"{name}.py", known) for name in known}
    found = tangles(graph)
    assert (find_cycle(graph, found[0]) if found else None) == cycle


def test_planner_and_views_have_no_import_cycle():
    graph = import_graph()
    found = tangles(graph)
    assert not found, "import cycles: " + "; ".join(" → ".join(find_cycle(graph, g)) for g in found)


def test_the_model_never_imports_the_ui():
    for name, imported in import_graph().items():
        if name.startswith("planner"):
            assert not {m for m in imported if m.startswith("views")}, name
    for path in (ROOT / "planner").rglob("*.py"):
        for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            assert not any(n.split(".")[0] == "streamlit" for n in names), path
