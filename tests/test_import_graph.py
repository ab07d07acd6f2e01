"""The package's import graph: no cycles, and no stage importing a later one.

The graph is read from the source with `ast` (every `import` and `from ... import`, at module
level or inside a function, relative imports resolved), so an import that only runs when a
command is called counts as much as one at the top. Imports under `if TYPE_CHECKING:` never
run: they are left out of the cycle check, but still may not reach a later stage.
"""
from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "attackwatch"

# the data flow, earliest first; a module may import its own layer and the ones before it
LAYERS: list[set[str]] = [
    {"models", "packs", "text"},  # typed records, domain data, text helpers: below every stage
    {"ingest"},
    {"clean"},
    {"extraction"},
    {"pipeline"},  # ingest -> clean -> extraction for one page, used by every later stage
    {"resolve"},
    {"store"},
    {"analyze"},
    {"serve"},
    {"", "api", "collect", "scale", "cli", "__main__"},  # the front doors, which drive all of it
]


def layer_of(module: str, layers: list[set[str]] = LAYERS) -> int:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else ""
    for rank, names in enumerate(layers):
        if top in names:
            return rank
    raise AssertionError(f"{module}: add its folder to LAYERS in {Path(__file__).name}")


def _module_names(package: Path) -> dict[str, tuple[Path, bool]]:
    names: dict[str, tuple[Path, bool]] = {}
    for path in package.rglob("*.py"):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        names[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return names


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    """ids of the import nodes inside `if TYPE_CHECKING:` blocks."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    return skipped


def import_graph(package: Path, *, type_checking: bool) -> dict[str, set[str]]:
    """module -> the package's modules it imports (a `from pkg import name` counts as importing
    pkg.name when that is a module, else pkg)."""
    modules = _module_names(package)
    root = package.name
    graph: dict[str, set[str]] = {}
    for name, (path, is_package) in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        skipped = set() if type_checking else _type_checking_nodes(tree)
        here = name if is_package else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here.split(".")[: len(here.split(".")) - (node.level - 1)]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                for alias in node.names:
                    sub = f"{source}.{alias.name}"
                    targets.add(sub if sub in modules else source)
        graph[name] = {t for t in targets if t in modules and t != name and t.split(".")[0] == root}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    try:
        TopologicalSorter(graph).prepare()
    except CycleError as exc:
        return list(reversed(exc.args[1]))  # graphlib reads edges as "needs": turn it to "imports"
    return None


def later_imports(graph: dict[str, set[str]], layers: list[set[str]] = LAYERS) -> list[str]:
    return sorted(f"{a} -> {b}" for a, targets in graph.items() for b in targets
                  if layer_of(b, layers) > layer_of(a, layers))


# -- the checks on the package ---------------------------------------------------------------------


def test_the_package_has_no_import_cycle():
    cycle = find_cycle(import_graph(PACKAGE, type_checking=False))
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_no_stage_imports_a_later_one():
    assert later_imports(import_graph(PACKAGE, type_checking=True)) == []


def test_every_folder_has_a_layer():
    for module in import_graph(PACKAGE, type_checking=True):
        layer_of(module)


def test_the_walk_sees_the_real_graph():
    """A walk that found nothing would pass both checks: pin a few edges it must see."""
    graph = import_graph(PACKAGE, type_checking=True)
    assert "attackwatch.text.dates" in graph["attackwatch.clean.metadata"]  # module level
    assert "attackwatch.pipeline" in graph["attackwatch.api"]  # inside a function
    assert "attackwatch.ingest.feeds.http" in graph["attackwatch.ingest.feeds.robots"]  # TYPE_CHECKING only
    assert "attackwatch.ingest.feeds.http" not in import_graph(PACKAGE, type_checking=False)[
        "attackwatch.ingest.feeds.robots"]


# -- the checks shown to fail ----------------------------------------------------------------------


@pytest.mark.parametrize("graph, cyclic", [
    ({"p.a": {"p.b"}, "p.b": {"p.c"}, "p.c": set()}, False),
    ({"p.a": {"p.b", "p.c"}, "p.b": {"p.c"}, "p.c": set()}, False),
    ({"p.a": {"p.b"}, "p.b": {"p.a"}}, True),
    ({"p.a": {"p.b"}, "p.b": {"p.c"}, "p.c": {"p.a"}}, True),
    ({"p.x": set(), "p.a": {"p.b"}, "p.b": {"p.c"}, "p.c": {"p.b"}}, True),
])
def test_find_cycle(graph, cyclic):
    cycle = find_cycle(graph)
    assert (cycle is not None) == cyclic
    if cycle:
        assert cycle[0] == cycle[-1] and all(b in graph[a] for a, b in zip(cycle, cycle[1:]))


@pytest.mark.parametrize("graph, expected", [
    ({"p.clean.page": {"p.ingest.files", "p.text.dates"}}, []),
    ({"p.clean.metadata": {"p.extraction.dates"}}, ["p.clean.metadata -> p.extraction.dates"]),
    ({"p.ingest.records": {"p.pipeline"}}, ["p.ingest.records -> p.pipeline"]),
    ({"p.serve.app": {"p.pipeline", "p.store.sqlite"}}, []),
    ({"p.store.dataset": {"p.cli.dataset"}}, ["p.store.dataset -> p.cli.dataset"]),
])
def test_later_imports(graph, expected):
    assert later_imports(graph) == expected


SOURCES = {
    "__init__.py": "",
    "ingest/__init__.py": "",
    "ingest/files.py": "from .records import scan\n",
    "ingest/records.py": "def scan():\n    from attackwatch.ingest import files\n",
    "clean/__init__.py": "",
    "clean/page.py": ("from typing import TYPE_CHECKING\nfrom ..ingest.files import x\n"
                      "if TYPE_CHECKING:\n    from attackwatch.extraction import y\n"),
    "extraction/__init__.py": "import attackwatch.clean.page\n",
}


def test_the_walk_on_a_small_package(tmp_path):
    """Relative imports, imports inside functions and `from pkg import module` are edges, so a
    cycle made of them is found; TYPE_CHECKING imports count only for the stage order."""
    package = tmp_path / "attackwatch"
    for rel, source in SOURCES.items():
        (package / rel).parent.mkdir(parents=True, exist_ok=True)
        (package / rel).write_text(source)
    graph = import_graph(package, type_checking=False)
    assert graph["attackwatch.ingest.files"] == {"attackwatch.ingest.records"}
    assert graph["attackwatch.ingest.records"] == {"attackwatch.ingest.files"}
    assert graph["attackwatch.clean.page"] == {"attackwatch.ingest.files"}
    assert graph["attackwatch.extraction"] == {"attackwatch.clean.page"}
    assert set(find_cycle(graph) or []) == {"attackwatch.ingest.files", "attackwatch.ingest.records"}
    assert later_imports(import_graph(package, type_checking=True)) == ["attackwatch.clean.page -> attackwatch.extraction"]
