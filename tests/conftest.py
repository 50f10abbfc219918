import sys
from pathlib import Path

# Tests import the project's packages (etl, warehouse, dashboard) from the repository root.
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# `pytest -m "not slow"` is the fast loop while working: it leaves out what starts a browser or
# a gunicorn server, or builds the whole synthetic sample warehouse. `make test` runs everything.
SLOW = ("tests/e2e/", "tests/privacy/", "tests/ops/", "tests/reliability/",
        "tests/etl/test_sample_national.py", "tests/reports/")


def pytest_collection_modifyitems(config, items):
    import pytest
    for item in items:
        rel = Path(str(item.fspath)).resolve().relative_to(ROOT).as_posix()
        if rel.startswith(SLOW):
            item.add_marker(pytest.mark.slow)
