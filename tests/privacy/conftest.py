"""The sample warehouse (region Assen, seed 1) for the attacker tests, built once per session."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "dashboard"))

from kern import data


@pytest.fixture(scope="session")
def aanval_sample(tmp_path_factory) -> Path:
    from etl.load import load
    from voorbeeld import write_sample

    basis = tmp_path_factory.mktemp("aanval")
    write_sample(basis / "levering", seed=1)
    wh = basis / "warehouse.duckdb"
    load(basis / "levering", wh)
    return wh


@pytest.fixture
def aanval_warehouse(aanval_sample, monkeypatch) -> Path:
    monkeypatch.setenv(data.ENV, str(aanval_sample))
    monkeypatch.setenv("BWMO_STATE", str(aanval_sample.parent / "state.sqlite"))
    data.leeg_cache()
    yield aanval_sample
    data.leeg_cache()
