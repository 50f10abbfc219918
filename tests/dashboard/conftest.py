"""Fixtures for the dashboard tests: a small hand-made warehouse (fixture_warehouse.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import dashhulp
import fixture_warehouse

from kern import data


@pytest.fixture(scope="session")
def warehouse_pad(tmp_path_factory) -> Path:
    return fixture_warehouse.build(tmp_path_factory.mktemp("warehouse") / "warehouse.duckdb")


@pytest.fixture(autouse=True)
def warehouse(warehouse_pad, monkeypatch) -> Path:
    """Every dashboard test reads the fixture warehouse unless it points elsewhere itself."""
    monkeypatch.setenv(data.ENV, str(warehouse_pad))
    data.leeg_cache()
    yield warehouse_pad
    data.leeg_cache()


@pytest.fixture(scope="session")
def dash_app():
    """The real Dash app, created once per process (see dashhulp.echte_app)."""
    return dashhulp.echte_app()


@pytest.fixture(autouse=True)
def als_regio(warehouse):
    """Views read the session's user and scope: by default a regio user (exact counts, every
    municipality). Tests about other roles use dashhulp.als(...) themselves."""
    with dashhulp.als(dashhulp.REGIO_GEBRUIKER):
        yield

