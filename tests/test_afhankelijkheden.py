"""Dependencies point one way (issue 11).

The imports of every .py file under the project's packages are read with `ast` (also imports
inside functions, and relative imports resolved to their package), and the rules below are
checked on them. The direction:

    etl  ->  warehouse  ->  staat
    (kern may be imported by anyone; kern and staat import nothing of the project)
    dashboard, reports  ->  kern, staat, ...      nothing below them imports dashboard or reports

Rules that are not true yet are written down as `xfail(strict=True)` tests at the bottom: they
fail today, and the day one becomes true its xfail turns into a failure, so whoever fixed it
removes the mark and the rule is enforced from then on.
"""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("etl", "warehouse", "staat", "kern", "voorbeeld", "dashboard", "reports", "bench")
# What each lower package may import of the project (besides itself). Anything not listed is
# forbidden: warehouse does not import etl, staat does not import kern, and so on.
ALLOWED = {
    "kern": set(),
    "staat": set(),
    "voorbeeld": set(),
    "warehouse": {"staat", "kern"},
    "etl": {"warehouse", "staat", "kern", "voorbeeld"},
}
WEB = ("flask", "dash", "dashboard")
# The layers of docs/architecture.md: a package imports only packages of a lower layer.
LAYER = {"kern": 0, "staat": 0, "voorbeeld": 0, "warehouse": 1, "etl": 2, "reports": 2,
         "dashboard": 3, "bench": 4}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _targets(node: ast.AST, module: str, is_package: bool) -> list[str]:
    """The modules one import statement names, relative imports resolved."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level == 0:
        base = node.module or ""
    else:
        package = module.split(".") if is_package else module.split(".")[:-1]
        package = package[: len(package) - (node.level - 1)]
        base = ".".join(package + ([node.module] if node.module else []))
    # `from dashboard import data` names the module dashboard.data; `from x import NAME`, just x
    names = [f"{base}.{alias.name}" if _is_module(f"{base}.{alias.name}") else base
             for alias in node.names]
    return list(dict.fromkeys(names))


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


@cache
def project_imports() -> tuple[tuple[str, str, int, str], ...]:
    """(importing module, file, line, imported module) for every import of a project package."""
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            module = _module_name(path)
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                for target in _targets(node, module, path.name == "__init__.py"):
                    if target.split(".")[0] in PACKAGES:
                        found.append((module, str(path.relative_to(ROOT)), node.lineno, target))
    return tuple(found)


def imports_between(sources, targets) -> list[str]:
    """'file:line imports module' for each import from a package in `sources` of one in `targets`."""
    return [
        f"{file}:{line} imports {target}"
        for module, file, line, target in project_imports()
        if module.split(".")[0] in sources and target.split(".")[0] in targets
        and target.split(".")[0] != module.split(".")[0]
    ]


def package_graph(packages) -> dict[str, set[str]]:
    graph = {p: set() for p in packages}
    for module, _file, _line, target in project_imports():
        source, dest = module.split(".")[0], target.split(".")[0]
        if source in graph and dest in graph and source != dest:
            graph[source].add(dest)
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle in `graph` as a path that ends where it starts, or None."""
    done: set[str] = set()

    def visit(node, path):
        path = path + [node]
        for nxt in sorted(graph[node]):
            if nxt in path:
                return path[path.index(nxt):] + [nxt]
            if nxt not in done:
                cycle = visit(nxt, path)
                if cycle:
                    return cycle
        done.add(node)
        return None

    for node in sorted(graph):
        if node not in done:
            cycle = visit(node, [])
            if cycle:
                return cycle
    return None


# --- the scanner itself -----------------------------------------------------------------------

def test_scanner_sees_function_level_and_relative_imports():
    """The rules below mean nothing if the scanner misses imports; check it on known ones."""
    seen = {(file, target) for _m, file, _l, target in project_imports()}
    # inside a function
    assert ("dashboard/visuals/versies.py", "warehouse.versions") in seen
    # relative, resolved to the package
    assert ("dashboard/auth/login.py", "dashboard.auth.passwords") in seen
    # the edge the state package exists for
    assert ("warehouse/versions.py", "staat.store") in seen


def test_every_package_has_a_layer():
    assert set(LAYER) == set(PACKAGES)


def test_imports_point_down_the_layers():
    """(0) the picture in docs/architecture.md: every import between packages goes to a lower
    layer, so reports and etl do not import each other and nothing imports bench."""
    upward = [f"{file}:{line} imports {target}"
              for module, file, line, target in project_imports()
              if module.split(".")[0] != target.split(".")[0]
              and LAYER[target.split(".")[0]] >= LAYER[module.split(".")[0]]]
    assert upward == []


def test_find_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


# --- rules that hold ----------------------------------------------------------------------------

def test_nothing_below_imports_dashboard_or_reports():
    """(a) etl, warehouse, staat and kern import neither dashboard nor reports."""
    assert imports_between({"etl", "warehouse", "staat", "kern"}, {"dashboard", "reports"}) == []


@pytest.mark.parametrize("package", ["kern", "staat", "voorbeeld"])
def test_kern_and_staat_import_nothing_of_the_project(package):
    """(b) kern, staat and the sample generator stand alone: no etl, warehouse, each other, or
    anything above (the sample writes files that `etl load` reads like any delivery)."""
    assert imports_between({package}, set(PACKAGES)) == []


@pytest.mark.parametrize("package", ["etl", "warehouse"])
def test_etl_and_warehouse_import_only_what_lies_below(package):
    """(c) etl may import warehouse, staat and kern; warehouse may import staat and kern."""
    assert imports_between({package}, set(PACKAGES) - ALLOWED[package]) == []


def test_only_the_command_line_reaches_the_sample():
    """(c') nothing in a load uses the synthetic sample: of etl, only the command line
    (`python -m etl sample`) imports voorbeeld."""
    assert sorted({module for module, _file, _line, target in project_imports()
                   if module.startswith("etl") and target.split(".")[0] == "voorbeeld"}) == ["etl.__main__"]


def test_loading_imports_no_web_framework():
    """(d) `import etl.load` (the command line, cron) loads no Flask, Dash or dashboard."""
    code = ("import json, sys, etl.load; "
            f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {WEB!r})))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    assert json.loads(out) == []


def test_kern_loads_no_web_or_chart_framework():
    """(d') the shared core is pure: importing every kern module loads no Flask, Dash, Plotly or
    dashboard (the Plotly template lives in dashboard/figures/sjabloon.py)."""
    modules = sorted(_module_name(p) for p in (ROOT / "kern").rglob("*.py"))
    code = (f"import json, sys, importlib; [importlib.import_module(m) for m in {modules!r}]; "
            f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
            f"{WEB + ('plotly',)!r})))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    assert json.loads(out) == []


def test_reports_do_not_import_dashboard():
    """(f) reports gets data access, roles, formats and colours from kern; the web app hands it
    an auditor (build_report(..., auditor=...)) instead of reports reaching into dashboard.auth."""
    assert imports_between({"reports"}, {"dashboard"}) == []


@pytest.mark.parametrize("old", ["dashboard.auth.roles", "dashboard.data"])
def test_moved_modules_are_imported_from_kern(old):
    """The role rules live in kern/rollen.py and the data layer in kern/data.py; the old names
    are gone, and no module imports them (a leftover import would fail at import time anyway;
    this says where)."""
    assert [f"{file}:{line}" for _m, file, line, target in project_imports()
            if target == old] == []


def test_no_cycle_between_the_lower_packages():
    """(e) no import cycle between etl, warehouse, staat, kern and voorbeeld."""
    graph = package_graph(("etl", "warehouse", "staat", "kern", "voorbeeld"))
    assert find_cycle(graph) is None, graph


@pytest.mark.parametrize("package", ["voorbeeld", "kern", "warehouse", "staat"])
def test_no_cycle_between_the_modules_of_a_package(package):
    """(e') within a package the modules form no cycle either (the sample's regio and nationaal
    imported each other; kern/data.py and kern/datalaag/* did, through 50 re-exported names).
    A package's __init__ may import its own modules."""
    graph: dict[str, set[str]] = {}
    for module, _file, _line, target in project_imports():
        if module.startswith(package + ".") and target.startswith(package + ".") and target != module:
            graph.setdefault(module, set()).add(target)
            graph.setdefault(target, set())
    assert find_cycle(graph) is None, graph


def test_dashboard_does_not_import_etl_load():
    """(g) the web app never loads or rebuilds the warehouse itself: fixing a version starts
    `python -m etl versie` as its own process (dashboard/visuals/versies.py). Checked on the
    running import too: the whole app, every page registered, has no etl.load in memory."""
    assert [f"{file}:{line}" for module, file, line, target in project_imports()
            if module.startswith("dashboard.") and target in ("etl.load", "etl.vaststellen")] == []
    code = "import json, sys, app; print(json.dumps(sorted(m for m in sys.modules if m.startswith('etl.'))))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    assert not {"etl.load", "etl.vaststellen"} & set(json.loads(out.splitlines()[-1]))
