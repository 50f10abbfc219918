"""Build the warehouse: run every model in dependency order, then every data check.

Models live in ``models/<layer>/<name>.sql`` and become ``<layer>.<name>``: staging as views,
intermediate and marts as tables. A model's dependencies are the ``staging.x`` /
``intermediate.x`` / ``marts.x`` names its SQL mentions, so adding a model is adding a file.
Checks live in ``checks/<name>.sql``: each returns the offending rows; zero rows is a pass.
Code lists live in ``seeds/<name>.csv`` and become ``seeds.<name>`` before any model runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

WAREHOUSE_DIR = Path(__file__).resolve().parent
MODELS_DIR = WAREHOUSE_DIR / "models"
CHECKS_DIR = WAREHOUSE_DIR / "checks"
RAW_SCHEMA = WAREHOUSE_DIR / "schema" / "raw.sql"
SEEDS_DIR = WAREHOUSE_DIR / "seeds"

LAYERS = ("staging", "intermediate", "marts")
_MATERIALISATION = {"staging": "view", "intermediate": "table", "marts": "table"}
_REFERENCE = re.compile(r"\b(staging|intermediate|marts)\.([a-z_][a-z0-9_]*)\b", re.IGNORECASE)
_LINE_COMMENT = re.compile(r"--[^\n]*")
SAMPLE_ROWS = 5


@dataclass(frozen=True)
class CheckResult:
    name: str
    offending_rows: int
    sample: list[dict] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.offending_rows == 0


class ChecksFailed(Exception):
    """One or more data checks returned rows; the warehouse must not be published."""

    def __init__(self, results: list[CheckResult]):
        self.results = [r for r in results if not r.passed]
        lines = [f"{len(self.results)} data check(s) failed:"]
        for r in self.results:
            lines.append(f"- {r.name}: {r.offending_rows} offending row(s)")
            lines.extend(f"    {row}" for row in r.sample)
        super().__init__("\n".join(lines))


def create_raw_schema(con) -> None:
    """Create the raw schema and its (empty) tables."""
    con.execute(RAW_SCHEMA.read_text(encoding="utf-8"))


def _sql(path: Path) -> str:
    return path.read_text(encoding="utf-8").strip().rstrip(";")


def find_models(models_dir: Path = MODELS_DIR) -> dict[str, Path]:
    """All models as {'layer.name': path}."""
    return {
        f"{layer}.{path.stem}": path
        for layer in LAYERS
        for path in sorted((models_dir / layer).glob("*.sql"))
    }


def dependencies(sql: str, known: set[str]) -> set[str]:
    """The known models a model's SQL refers to (comments ignored)."""
    code = _LINE_COMMENT.sub("", sql)
    found = {f"{m.group(1).lower()}.{m.group(2).lower()}" for m in _REFERENCE.finditer(code)}
    return found & known


def build_order(models: dict[str, Path]) -> list[str]:
    """The models in an order where every model comes after the ones it reads."""
    known = set(models)
    graph = {
        name: dependencies(_sql(path), known) - {name} for name, path in sorted(models.items())
    }
    try:
        return list(TopologicalSorter(graph).static_order())
    except CycleError as exc:
        raise ValueError(f"cycle between models: {exc.args[1]}") from exc


def load_seeds(con, seeds_dir: Path = SEEDS_DIR) -> list[str]:
    """(Re)create seeds.<name> from every seeds/<name>.csv, all columns as text. Returns the names."""
    con.execute("create schema if not exists seeds")
    names = []
    for path in sorted(seeds_dir.glob("*.csv")):
        con.execute(f"create or replace table seeds.{path.stem} as select * from read_csv(?, "
                    "delim = ';', header = true, all_varchar = true, encoding = 'utf-8')", [str(path)])
        names.append(path.stem)
    return names


def run_models(con, models: dict[str, Path] | None = None) -> list[str]:
    """Load the seeds, create the schemas and (re)create every model. Returns the build order."""
    models = find_models() if models is None else models
    load_seeds(con)
    for layer in LAYERS:
        con.execute(f"create schema if not exists {layer}")
    order = build_order(models)
    for name in order:
        kind = _MATERIALISATION[name.split(".")[0]]
        try:
            con.execute(f"create or replace {kind} {name} as\n{_sql(models[name])}")
        except Exception as exc:  # name the model: a DuckDB error alone does not say which
            raise RuntimeError(f"model {name} failed: {exc}") from exc
    return order


def run_checks(con, checks_dir: Path = CHECKS_DIR) -> list[CheckResult]:
    """Run every check; each result counts the offending rows and keeps a few as a sample."""
    results = []
    for path in sorted(checks_dir.glob("*.sql")):
        rel = con.sql(_sql(path))
        columns = rel.columns
        rows = rel.fetchall()
        sample = [dict(zip(columns, row)) for row in rows[:SAMPLE_ROWS]]
        results.append(CheckResult(path.stem, len(rows), sample))
    return results


def build(con) -> list[CheckResult]:
    """Build staging, intermediate and marts from the filled raw tables, then run the checks.

    Raises ChecksFailed when any check returns rows.
    """
    run_models(con)
    results = run_checks(con)
    if any(not r.passed for r in results):
        raise ChecksFailed(results)
    return results
