"""The package's imports follow the flow: corpus → segmentation → features → analysis →
comparison → report, with the public API and the CLI on top; no step imports a later
one, and no modules import each other in a circle.

Imports are read from the source (``ast``), function-level ones included, those under
``if TYPE_CHECKING:`` left out (they are for type checkers and never run).
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

import framing

PACKAGE = Path(framing.__file__).parent

#: The steps, bottom first. Modules named here sit at that step; helpers shared by every
#: step (errors, defaults, progress bars, the version) sit at the bottom.
STEPS = (
    ("errors", "_defaults", "_progress", "_frames", "_unicode", "_version", "_export"),
    ("corpus",),
    ("text", "_words"),
    ("features",),
    ("analysis",),
    ("comparison",),
    ("validation",),
    ("report",),
    ("__init__", "cli", "_cli_args"),
)

#: Imports up the flow kept on purpose, each with its reason.
ALLOWED_UPWARD = {
    # Deprecated in this release (analysis.alignment → framing.align_sentences); the
    # shim goes in framing 0.3 and this import with it.
    ("framing.analysis._result", "framing.comparison"),
}


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _step(module: str) -> int:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    for i, names in enumerate(STEPS):
        if top in names:
            return i
    raise AssertionError(f"{module}: not placed in STEPS; add it to the step it belongs to")


def _imports() -> list[tuple[str, str, int, bool]]:
    """(importer, imported, line, at module level) for every import of a framing module."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = _module(path)
        package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = {
            id(n)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for n in ast.walk(node)
        }
        top_level = {id(n) for n in tree.body}
        for node in ast.walk(tree):
            if id(node) in skipped or not isinstance(node, ast.ImportFrom):
                continue
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            elif node.module and node.module.split(".")[0] == "framing":
                target = node.module
            else:
                continue
            for alias in node.names:
                # 'from . import _store' imports the module _store, not the package
                named = f"{target}.{alias.name}"
                found = named if named in _modules() else target
                out.append((module, found, node.lineno, id(node) in top_level))
    return out


@lru_cache(maxsize=1)
def _modules() -> frozenset[str]:
    return frozenset(_module(p) for p in PACKAGE.rglob("*.py"))


def test_no_step_imports_a_later_one():
    upward = [
        f"{a} (line {line}) imports {b}"
        for a, b, line, _ in _imports()
        if _step(b) > _step(a) and (a, ".".join(b.split(".")[:2])) not in ALLOWED_UPWARD
    ]
    assert upward == []


def test_modules_import_each_other_in_no_circle():
    graph: dict[str, set[str]] = {}
    for a, b, _, top in _imports():
        if not top or a == b:
            continue
        graph.setdefault(a, set()).add(b)
        # Importing a.b.c runs the __init__ of a.b first: an edge to every package above
        # the imported module that is not already being imported above the importer.
        parts = b.split(".")
        for i in range(2, len(parts)):
            package = ".".join(parts[:i])
            if not (a == package or a.startswith(package + ".")):
                graph[a].add(package)
    # Tarjan's strongly connected components: a component of two or more is a circle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for v in list(graph):
        if v not in index:
            visit(v)
    assert circles == []


def test_the_allowed_exceptions_still_exist():
    """An exception that is gone must leave the list, so it cannot hide a new one."""
    found = {(a, ".".join(b.split(".")[:2])) for a, b, _, _ in _imports()}
    assert found >= ALLOWED_UPWARD
