"""`python -m etl cbs-ophalen` against a loopback server that answers as the CBS OData API
does (no internet in tests): two pages joined by odata.nextLink, the region's filter, errors."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import urllib.parse
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from etl.cbs_ophalen import OphalenMislukt, ophalen
from etl.region import load_region
from etl.validate import read_export

ODATA = Path(__file__).resolve().parent.parent / "fixtures" / "cbs" / "37259ned_TypedDataSet.drenthe.json"
ASSEN = load_region("Assen")
METADATA = "https://opendata.cbs.nl/ODataApi/OData/37259ned/$metadata#Cbs.OData.WebAPI.TypedDataSet"


class Cbs:
    """The API's answers: the real figures of the fixture, for the codes the filter asks."""

    def __init__(self, status: int = 200):
        self.status = status
        self.host = ""
        self.requests: list[str] = []
        self.records = json.loads(ODATA.read_text(encoding="utf-8"))["value"]

    def answer(self, path: str) -> tuple[int, bytes]:
        self.requests.append(path)
        if self.status != 200:
            return self.status, b'{"odata.error": {"message": {"value": "Internal error"}}}'
        url = urllib.parse.urlsplit(path)
        query = urllib.parse.parse_qs(url.query)
        asked = {part.split("'")[1] for part in query["$filter"][0].split(" or ")}
        chosen = [r for r in self.records if r["RegioS"].strip() in asked]
        skip = int(query.get("$skip", ["0"])[0])
        page = chosen[skip:skip + 50]   # small pages, so the test follows a nextLink
        doc = {"odata.metadata": METADATA, "value": page}
        if skip + 50 < len(chosen):
            doc["odata.nextLink"] = (f"http://{self.host}{url.path}?"
                                     + urllib.parse.urlencode({**{k: v[0] for k, v in query.items()},
                                                               "$skip": skip + 50}))
        return 200, json.dumps(doc).encode()


@pytest.fixture
def server():
    def start(cbs: Cbs):
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                status, body = cbs.answer(self.path)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        cbs.host = f"127.0.0.1:{httpd.server_port}"
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        started.append(httpd)
        return f"http://{cbs.host}/ODataApi/odata"

    started: list = []
    yield start
    for httpd in started:
        httpd.shutdown()
        httpd.server_close()


def test_fetches_every_page_for_the_region_and_the_file_loads(server, tmp_path):
    cbs = Cbs()
    base = server(cbs)
    path, records = ophalen(tmp_path / "levering", ASSEN, base=base, vandaag=date(2026, 12, 1))
    assert path == tmp_path / "levering" / "cbs_20261201.json"
    assert records == 9 * 9    # nine municipalities, 2010-2018 in the fixture
    assert len(cbs.requests) == 2   # 50 + 31: the nextLink was followed
    first = urllib.parse.unquote(cbs.requests[0])
    assert first.startswith("/ODataApi/odata/37259ned/TypedDataSet?")
    assert all(f"startswith(RegioS,'{code}')" in first for code in ASSEN.codes)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["odata.metadata"] == METADATA and "odata.nextLink" not in doc
    r = read_export(path, "cbs", ASSEN.codes, date(2026, 12, 1))
    per_jaar: dict[int, int] = {}
    for row in r.rows.to_pylist():
        per_jaar[row["peildag_bevolking"].year] = per_jaar.get(row["peildag_bevolking"].year, 0) + row["inwoners"]
    assert {j: per_jaar[j] for j in (2015, 2016, 2017, 2018)} == {
        2015: 319764, 2016: 320293, 2017: 323661, 2018: 324258}


def test_an_error_from_cbs_writes_nothing_and_says_why(server, tmp_path):
    base = server(Cbs(status=500))
    with pytest.raises(OphalenMislukt, match="CBS antwoordde met HTTP 500"):
        ophalen(tmp_path / "levering", ASSEN, base=base)
    assert not (tmp_path / "levering").exists() or not any((tmp_path / "levering").iterdir())


def test_the_command_line_reports_the_file_or_the_failure(server, tmp_path):
    base = server(Cbs())
    env = {**os.environ, "COLUMNS": "200"}
    r = subprocess.run([sys.executable, "-m", "etl", "cbs-ophalen", str(tmp_path / "lev"),
                        "--region", "Assen", "--url", base], capture_output=True, text=True,
                       check=False, env=env)
    assert r.returncode == 0, r.stderr
    assert "Opgehaald: 81 records uit CBS-tabel 37259ned voor de 9 gemeenten van regio Assen" in r.stdout
    assert len(list((tmp_path / "lev").glob("cbs_*.json"))) == 1
    # nothing listens on port 9 (discard) of loopback: unreachable, refused cleanly
    r = subprocess.run([sys.executable, "-m", "etl", "cbs-ophalen", str(tmp_path / "lev2"),
                        "--url", "http://127.0.0.1:9/ODataApi/odata"], capture_output=True,
                       text=True, check=False, env=env)
    assert r.returncode == 1
    assert "Niet opgehaald. CBS open data niet bereikbaar" in " ".join(r.stderr.split())
    assert not (tmp_path / "lev2").exists()
