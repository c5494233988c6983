"""The import graph of src/opengov: no cycles, no private names across modules.

The graph is read from the source with ``ast``: every ``import`` and ``from ...
import`` anywhere in a module (top level, inside functions, under ``if
TYPE_CHECKING:``) is an edge, since each is a dependency a maintainer has to
follow. Run ``python tests/test_import_graph.py`` to print the cycles and the
private imports.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterable
from pathlib import Path

SRC = Path(__file__).parent.parent / "src"

# Cycles not removed yet, each with the reason; the list may only shrink (a test
# fails when one of them is gone, so that it is taken off the list). Empty: the
# last two (reports model -> render -> checks -> model, citations <-> law) are gone.
KNOWN_CYCLES: dict[frozenset[str], str] = {}


def module_names(src: Path) -> dict[str, Path]:
    """Dotted module name -> file, for every ``.py`` file under ``src``."""
    out: dict[str, Path] = {}
    for path in sorted(src.rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _imports(name: str, path: Path, modules: dict[str, Path]) -> list[tuple[str, str | None]]:
    """(module imported, name taken from it or None) for each import in the file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[str, str | None]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((a.name, None) for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            for alias in node.names:
                if f"{source}.{alias.name}" in modules:  # a submodule
                    found.append((f"{source}.{alias.name}", None))
                elif source in modules:
                    found.append((source, alias.name))
    return found


def import_graph(src: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same tree it imports (itself excluded)."""
    modules = module_names(src)
    return {
        name: {target for target, _ in _imports(name, path, modules)} - {name}
        for name, path in modules.items()
    }


def private_imports(src: Path) -> list[tuple[str, str, str]]:
    """(importer, module, name) for every ``_name`` taken from another module.

    Dunder names (``__version__``) are not private. A private *module* with public
    names (``from opengov._engine import Deadline``) is fine.
    """
    modules = module_names(src)
    out: list[tuple[str, str, str]] = []
    for name, path in modules.items():
        for target, imported in _imports(name, path, modules):
            if imported is None or target == name:
                continue
            if imported.startswith("_") and not imported.endswith("__"):
                out.append((name, target, imported))
    return out


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(frozenset(component))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * len(graph) + 100))
    try:
        for v in sorted(graph):
            if v not in index:
                visit(v)
    finally:
        sys.setrecursionlimit(limit)
    return found


# -- the checks on opengov ------------------------------------------------------------


def unknown_cycles(graph: dict[str, set[str]], known: Iterable[frozenset[str]]) -> list[list[str]]:
    """The cycles of ``graph`` not in ``known``, each as a sorted list."""
    return sorted(sorted(c) for c in set(cycles(graph)) - set(known))


def gone_cycles(graph: dict[str, set[str]], known: Iterable[frozenset[str]]) -> list[list[str]]:
    """The ``known`` cycles that ``graph`` no longer has, each as a sorted list."""
    return sorted(sorted(c) for c in set(known) - set(cycles(graph)))


def test_no_import_cycles_beyond_the_known_ones() -> None:
    new = unknown_cycles(import_graph(SRC), KNOWN_CYCLES)
    assert not new, f"import cycles: {new}"


def test_known_cycles_are_still_there() -> None:
    gone = gone_cycles(import_graph(SRC), KNOWN_CYCLES)
    assert not gone, f"take these off KNOWN_CYCLES: {gone}"


def test_the_engine_calendar_and_report_corridors_are_closed() -> None:
    graph = import_graph(SRC)
    assert "opengov._explain" not in graph
    assert "opengov.deadlines" not in graph["opengov._engine"]
    assert not graph["opengov.calendar._array"] & {"opengov.calendar._core", "opengov.calendar"}
    # the checks and the renderers read the layout (the balance note included), not
    # the module whose AnnualReport displays itself through them
    assert not graph["opengov.reports.checks"] & {"opengov.reports.render", "opengov.reports.model"}
    assert "opengov.reports.model" not in graph["opengov.reports.render"]
    assert graph["opengov.reports._tables"].isdisjoint(
        {"opengov.reports.model", "opengov.reports.render", "opengov.reports.checks"}
    )
    # the statute book cites instruments; the citations do not read the book
    assert "opengov.law" not in graph["opengov.citations"]
    assert "opengov.citations" in graph["opengov.law"]
    assert "opengov" not in graph["opengov.vocabulary"]


def test_no_private_name_is_imported_across_modules() -> None:
    assert private_imports(SRC) == []


# -- the graph functions catch what they should ---------------------------------------


def _plant(tmp_path: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_a_planted_cycle_through_a_function_level_import_is_found(tmp_path: Path) -> None:
    src = _plant(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "from pkg.b import f\n",
            "pkg/b.py": "def f():\n    from pkg import c\n",
            "pkg/c.py": "if TYPE_CHECKING:\n    from pkg.a import A\n",
            "pkg/d.py": "import pkg.a\n",
        },
    )
    graph = import_graph(src)
    assert graph["pkg.a"] == {"pkg.b"}
    assert graph["pkg.b"] == {"pkg.c"}
    assert graph["pkg.d"] == {"pkg.a"}
    assert cycles(graph) == [frozenset({"pkg.a", "pkg.b", "pkg.c"})]


def test_relative_imports_and_two_module_cycles(tmp_path: Path) -> None:
    src = _plant(
        tmp_path,
        {
            "pkg/__init__.py": "from .sub import x\n",
            "pkg/sub/__init__.py": "from ..sub.y import z\nx = 1\n",
            "pkg/sub/y.py": "from . import w\nz = 2\n",
            "pkg/sub/w.py": "from .. import sub\n",
        },
    )
    graph = import_graph(src)
    assert graph["pkg"] == {"pkg.sub"}
    assert graph["pkg.sub"] == {"pkg.sub.y"}
    assert graph["pkg.sub.y"] == {"pkg.sub.w"}
    assert graph["pkg.sub.w"] == {"pkg.sub"}
    assert cycles(graph) == [frozenset({"pkg.sub", "pkg.sub.y", "pkg.sub.w"})]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_known_cycle_list_fails_both_ways(tmp_path: Path) -> None:
    # a cycle that is not on the list fails the first check; a listed cycle that is
    # gone fails the second (so the list cannot keep stale entries)
    src = _plant(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "def f():\n    from pkg import b\n",
            "pkg/b.py": "from pkg.a import f\n",
            "pkg/c.py": "",
        },
    )
    graph = import_graph(src)
    ab = frozenset({"pkg.a", "pkg.b"})
    bc = frozenset({"pkg.b", "pkg.c"})
    assert unknown_cycles(graph, {}) == [["pkg.a", "pkg.b"]]
    assert unknown_cycles(graph, {ab}) == []
    assert gone_cycles(graph, {ab, bc}) == [["pkg.b", "pkg.c"]]
    assert gone_cycles(graph, {ab}) == []


def test_private_names_across_modules_are_found(tmp_path: Path) -> None:
    src = _plant(
        tmp_path,
        {
            "pkg/__init__.py": "from pkg._version import VERSION as __version__\n",
            "pkg/_version.py": "VERSION = '1'\n",
            "pkg/a.py": "_x = 1\nfrom pkg.a import _x\n",
            "pkg/b.py": "def f():\n    from pkg.a import _x, y\nfrom pkg import __version__\n",
        },
    )
    assert private_imports(src) == [("pkg.b", "pkg.a", "_x")]


if __name__ == "__main__":
    for component in cycles(import_graph(SRC)):
        print("cycle:", " ".join(sorted(component)))
    for importer, module, name in private_imports(SRC):
        print(f"private: {importer} imports {name} from {module}")
