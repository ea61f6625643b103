"""No import circles in `game`, and the layers import only downwards.

The graph is read from the source with `ast` (nothing is imported): module-level imports,
imports inside functions and `if TYPE_CHECKING:` imports all count, since each of them
hides a circle as well as the others.  Relative imports are resolved, and
`from game.engine import game` counts as an import of `game.engine.game`.

Zero circles, `game.ui` included: scenes open one another by name through
`game/ui/scenes/registry.py`, and `scenes/base.py` knows the app only as a Protocol.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping, Set
from functools import cache
from pathlib import Path

from game.paths import ROOT

PACKAGE = "game"

def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(module: str, is_package: bool, tree: ast.AST) -> Iterator[str]:
    """Every dotted name an import statement anywhere in the tree may refer to."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            yield source
            # `from game.engine import game` imports the module game.engine.game.
            yield from (f"{source}.{alias.name}" for alias in node.names)


@cache  # read 15 times by the tests below; the source does not change during a run
def import_graph() -> dict[str, frozenset[str]]:
    """Module -> the modules of the package it imports."""
    files = {module_name(p): p for p in (ROOT / PACKAGE).rglob("*.py")}
    edges: dict[str, set[str]] = {m: set() for m in files}
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for name in imported_names(module, path.name == "__init__.py", tree):
            while name and name not in files:  # a name inside a module: the module
                name = name.rpartition(".")[0]
            if name and name != module:
                edges[module].add(name)
    return {module: frozenset(targets) for module, targets in edges.items()}


def circles(edges: Mapping[str, Set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def in_package(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def offending(package: str, forbidden: str) -> list[str]:
    return sorted(f"{m} -> {t}" for m, targets in import_graph().items()
                  if in_package(m, package) for t in targets if in_package(t, forbidden))


def test_the_graph_sees_every_kind_of_import() -> None:
    tree = ast.parse("from . import a\nfrom ..engine import game\n"
                     "def f():\n    import game.x.y\n"
                     "if TYPE_CHECKING:\n    from game.z import W\n")
    names = set(imported_names("game.content.m", False, tree))
    assert {"game.content.a", "game.engine.game", "game.x.y", "game.z.W"} <= names


def test_circles_are_found() -> None:
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a", "e"}, "e": {"d"}, "f": set()}
    assert sorted(circles(edges)) == [["a", "b", "c"], ["d", "e"]]


def test_no_import_circle() -> None:
    found = circles(import_graph())
    assert found == [], f"import circles: {found}"


def test_the_engine_imports_nothing_from_content() -> None:
    assert offending("game.engine", "game.content") == []


def test_reports_import_nothing_from_the_ui() -> None:
    assert offending("game.reports", "game.ui") == []


def test_the_lower_layers_import_nothing_from_above() -> None:
    for package, above in [("game.engine", "game.simulation"), ("game.engine", "game.reports"),
                           ("game.content", "game.reports"),
                           ("game.simulation", "game.reports")]:
        for higher in (above, "game.ui", "game.cli"):
            assert offending(package, higher) == [], f"{package} imports {higher}"
