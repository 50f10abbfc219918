"""Browser tests: a real gunicorn server on a free loopback port, driven by Playwright in the
Debian Chromium. Marked `e2e`; skipped (with the reason) only when /usr/bin/chromium is absent."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

sys.path.insert(0, str(ROOT / "tests" / "dashboard"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
import fixture_warehouse
from e2e_gebruikers import GEBRUIKERS


def pytest_configure(config):
    config.addinivalue_line("markers", "e2e: browser test against a real gunicorn server (needs /usr/bin/chromium)")


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} ontbreekt: installeer Debian's chromium voor de browsertests")
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]




def maak_gebruikers(state: Path) -> None:
    from dashboard.auth import hash_password
    from staat.store import StateStore
    store = StateStore(state)
    for naam, (wachtwoord, rollen, gemeenten) in GEBRUIKERS.items():
        store.add_user(naam, hash_password(wachtwoord), rollen, gemeenten)


class Server:
    def __init__(self, warehouse: Path, log: Path):
        self.poort = _vrije_poort()
        self.url = f"http://127.0.0.1:{self.poort}"
        state = log.parent / "state.sqlite"
        maak_gebruikers(state)
        env = {**os.environ, "BWMO_WAREHOUSE": str(warehouse), "BWMO_STATE": str(state),
               "BWMO_SECRET_KEY": "e2e-" + "s" * 40}
        self.log = open(log, "wb")  # noqa: SIM115  (closed in stop())
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "app:server", "--config", "gunicorn.conf.py",
             "--bind", f"127.0.0.1:{self.poort}"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self._wacht()

    def _wacht(self, seconden: float = 40):
        eind = time.monotonic() + seconden
        while time.monotonic() < eind:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn stopte met code {self.proc.returncode}; zie {self.log.name}")
            try:
                with urllib.request.urlopen(self.url + "/login", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn startte niet op tijd")

    def stop(self):
        self.proc.terminate()  # only the process this fixture started
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


@pytest.fixture(scope="session")
def e2e_warehouse(tmp_path_factory) -> Path:
    return fixture_warehouse.build(tmp_path_factory.mktemp("e2e") / "warehouse.duckdb")


@pytest.fixture(scope="session")
def server(e2e_warehouse, tmp_path_factory):
    s = Server(e2e_warehouse, tmp_path_factory.mktemp("log") / "gunicorn.log")
    yield s
    s.stop()


@pytest.fixture(scope="session")
def screenshot_server(server, tmp_path_factory):
    """For the README screenshot: the sample warehouse (data/warehouse.duckdb, as `make run` builds it)
    when there is one, else the small fixture warehouse."""
    echt = ROOT / "data" / "warehouse.duckdb"
    if not echt.exists():
        yield server
        return
    s = Server(echt, tmp_path_factory.mktemp("log-echt") / "gunicorn.log")
    yield s
    s.stop()


@pytest.fixture
def server_geladen(tmp_path, monkeypatch):
    """A server on a warehouse the real ETL loaded from the small hand-made delivery, so it can
    be rebuilt (the fixture warehouse has marts only), with its own state store (the Server
    keeps it beside its log): a test may fix a version in it."""
    from etl.load import load
    from tests.fixtures.delivery import write_delivery
    monkeypatch.setenv("BWMO_STATE", str(tmp_path / "state.sqlite"))
    warehouse = tmp_path / "wh" / "warehouse.duckdb"
    load(write_delivery(tmp_path / "levering"), warehouse)
    s = Server(warehouse, tmp_path / "gunicorn.log")
    yield s
    s.stop()


@pytest.fixture(scope="session")
def server_zonder_warehouse(tmp_path_factory):
    d = tmp_path_factory.mktemp("leeg")
    s = Server(d / "bestaat-niet.duckdb", d / "gunicorn.log")
    yield s
    s.stop()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} ontbreekt")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True,
                                  locale="nl-NL")
    pg = context.new_page()
    pg.console_fouten = []
    pg.on("console", lambda m: pg.console_fouten.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.console_fouten.append(str(e)))
    yield pg
    context.close()
