"""Layers import only downward; the model is pure; one module owns cattrs.

``errors`` -> ``model`` -> ``serialize`` -> ``reference`` -> ``validation`` -> ``formats`` ->
``testing`` / ``cli``.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import conflict_events

PACKAGE = Path(conflict_events.__file__).resolve().parent
SRC = PACKAGE.parent
MODEL_FILES = sorted((PACKAGE / "model").glob("*.py"))
ALL_FILES = sorted(PACKAGE.rglob("*.py"))
FORBIDDEN_IN_MODEL = ("cattrs", "json", "conflict_events.serialize", "conflict_events.validation")
MODEL_MAY_IMPORT = {"attrs", "attr", "pytz", "dateutil", "conflict_events"}

LAYERS = {
    "errors": 0,
    "model": 1,
    "serialize": 2,
    "reference": 3,
    "validation": 4,
    "formats": 5,
    "testing": 6,
    "cli": 6,
}
"""The rank of each part of the package; a module imports only parts of lower or equal rank."""


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package_of(path: Path) -> str:
    name = _module_name(path)
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def _run_time_import_nodes(path: Path) -> Iterator[ast.Import | ast.ImportFrom]:
    """The import statements of ``path`` anywhere (functions included), except those under
    ``if TYPE_CHECKING:``, which never run."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    typing_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            typing_only.update(id(child) for stmt in node.body for child in ast.walk(stmt))
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)) and id(node) not in typing_only:
            yield node


def _from_module(node: ast.ImportFrom, package: str) -> str:
    """The absolute name of the module a ``from ... import`` names (relative to ``package``)."""
    if not node.level:
        return node.module or ""
    base = package.split(".")
    base = base[: len(base) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def _imports(path: Path, package: str | None = None) -> Iterator[tuple[int, str]]:
    """Every module ``path`` imports at run time (not under ``if TYPE_CHECKING:``), by line.

    Relative imports are resolved against ``package`` (by default, the file's own package).
    """
    if package is None:
        package = _package_of(path)
    for node in _run_time_import_nodes(path):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        else:
            module = _from_module(node, package)
            yield node.lineno, module
            for alias in node.names:
                yield node.lineno, f"{module}.{alias.name}"


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "conflict_events" or len(parts) < 2:
        return None
    return LAYERS.get(parts[1].removeprefix("_").removesuffix(".py"))


@pytest.mark.parametrize("path", MODEL_FILES, ids=lambda p: p.name)
def test_model_modules_import_only_the_standard_library_attrs_pytz_and_dateutil(path: Path) -> None:
    """Statically: no cattrs, no json, no serialisation or validation in ``model/``."""
    bad = []
    for line, module in _imports(path):
        top = module.split(".")[0]
        if module.startswith(FORBIDDEN_IN_MODEL) or (
            top not in sys.stdlib_module_names and top not in MODEL_MAY_IMPORT
        ):
            bad.append(f"{path.name}:{line} imports {module}")
        elif top == "conflict_events" and _layer(module) not in (None, 0, 1):
            bad.append(f"{path.name}:{line} imports {module}, above the model")
    assert bad == []


def test_importing_the_model_loads_no_serialisation_machinery() -> None:
    """At run time: importing ``conflict_events.model`` alone pulls in no cattrs or json.

    The package ``__init__`` re-exports everything, so the subprocess registers the package
    without running it, then imports the model and lists what got loaded.
    """
    code = f"""
import json, sys, types
loaded_before = set(sys.modules)
package = types.ModuleType("conflict_events")
package.__path__ = [{str(PACKAGE)!r}]
sys.modules["conflict_events"] = package
import conflict_events.model
print(json.dumps(sorted(set(sys.modules) - loaded_before)))
"""
    # json is imported by the probe itself before the snapshot, so it is checked separately.
    done = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    loaded = json.loads(done.stdout)
    assert "conflict_events.model.claim" in loaded
    offenders = [m for m in loaded if m.startswith(FORBIDDEN_IN_MODEL) or m == "cattrs"]
    assert offenders == []

    check_json = (
        f"import sys, types\npackage = types.ModuleType('conflict_events')\n"
        f"package.__path__ = [{str(PACKAGE)!r}]\nsys.modules['conflict_events'] = package\n"
        "import conflict_events.model\nprint('json' in sys.modules, 'cattrs' in sys.modules)\n"
    )
    done = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
        [sys.executable, "-c", check_json], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False"]


def test_only_the_converter_module_imports_cattrs() -> None:
    """``serialize/_converter.py`` is the one place that knows cattrs."""
    importers = {
        path.relative_to(PACKAGE).as_posix()
        for path in ALL_FILES
        for _, module in _imports(path)
        if module.split(".")[0] == "cattrs"
    }
    assert importers == {"serialize/_converter.py"}


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_every_module_imports_only_downward(path: Path) -> None:
    """A module never imports a part of the package above its own layer."""
    own = _layer(_module_name(path) if path.name != "__init__.py" else _module_name(path) + ".x")
    if own is None:  # the package root: __init__, __main__, private helpers at the top
        return
    upward = [
        f"line {line}: {module}"
        for line, module in _imports(path)
        if (layer := _layer(module)) is not None and layer > own
    ]
    assert upward == []


def test_the_import_scan_resolves_relative_imports_and_skips_typing_only_ones(
    tmp_path: Path,
) -> None:
    """The checker itself: it sees plain, from- and relative imports, not TYPE_CHECKING ones."""
    module = tmp_path / "claim.py"
    module.write_text(
        "import json\n"
        "from typing import TYPE_CHECKING\n"
        "from . import quantity\n"
        "from ..serialize import dumps\n"
        "if TYPE_CHECKING:\n"
        "    import cattrs\n",
        encoding="utf-8",
    )
    seen = {name for _, name in _imports(module, package="conflict_events.model")}
    assert {"json", "conflict_events.model.quantity", "conflict_events.serialize.dumps"} <= seen
    assert "cattrs" not in seen
    assert _layer("conflict_events.serialize.dumps") == 2
    assert _layer("conflict_events.model.quantity") == 1
    assert _layer("attrs") is None


def _run_time_imports(path: Path, package: str, modules: set[str]) -> set[str]:
    """The package's modules ``path`` imports when it runs: at module level or in any function.

    ``from a import b`` names the module ``a.b`` when there is one, else the module ``a``;
    imports under ``if TYPE_CHECKING:`` never run and do not count.
    """
    found: set[str] = set()
    for node in _run_time_import_nodes(path):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
            continue
        module = _from_module(node, package)
        for alias in node.names:
            child = f"{module}.{alias.name}"
            if child in modules:
                found.add(child)
            elif module in modules:
                found.add(module)
    return found


def _import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (as a closed path ``a -> b -> a``) per strongly connected group of modules."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    cycles = []
    for group in groups:
        members = set(group)
        path = [group[0]]
        while True:  # walk inside the group until a module repeats
            nxt = min(m for m in graph[path[-1]] if m in members)
            if nxt in path:
                cycles.append([*path[path.index(nxt) :], nxt])
                break
            path.append(nxt)
    return cycles


def _package_graph(root: Path) -> dict[str, set[str]]:
    """Which of the package's modules each module under ``root`` imports when it runs."""
    files = {
        ".".join(p.relative_to(root.parent).with_suffix("").parts).removesuffix(".__init__"): p
        for p in root.rglob("*.py")
    }
    modules = set(files)
    return {
        name: _run_time_imports(
            path, name if path.name == "__init__.py" else name.rpartition(".")[0], modules
        )
        for name, path in files.items()
    }


def test_no_module_imports_a_module_that_imports_it_back() -> None:
    """No import cycle among the package's modules, directly or through others, counting the
    imports inside function bodies (a lazy import that points back is a cycle too)."""
    cycles = [" -> ".join(cycle) for cycle in _import_cycles(_package_graph(PACKAGE))]
    assert cycles == []


def test_the_cycle_check_sees_imports_inside_functions_and_through_other_modules(
    tmp_path: Path,
) -> None:
    """The checker itself: a lazy import that closes a loop of three modules is found; a
    typing-only import and a parent package's ``__init__`` are not edges."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("from pkg.a import A\n", encoding="utf-8")
    (package / "a.py").write_text(
        "from typing import TYPE_CHECKING\nfrom pkg import b\nif TYPE_CHECKING:\n"
        "    from pkg import c\nA = 1\n",
        encoding="utf-8",
    )
    (package / "b.py").write_text("from .c import C\n", encoding="utf-8")
    (package / "c.py").write_text(
        "C = 1\ndef late():\n    import pkg.a\n    return pkg.a\n", encoding="utf-8"
    )
    graph = _package_graph(package)
    assert graph == {"pkg": {"pkg.a"}, "pkg.a": {"pkg.b"}, "pkg.b": {"pkg.c"}, "pkg.c": {"pkg.a"}}
    assert _import_cycles(graph) == [["pkg.a", "pkg.b", "pkg.c", "pkg.a"]]
    (package / "c.py").write_text("C = 1\n", encoding="utf-8")
    assert _import_cycles(_package_graph(package)) == []
