"""Rejected lines on the Datakwaliteit page: whole, as delivered; the client number only for regio."""
import base64
import io

import openpyxl
from dashhulp import BEHEER_GEBRUIKER, REGIO_GEBRUIKER, als

from dashboard import callbacks
from dashboard.components.visual import bouw
from dashboard.views.context import maak_context
from etl.load import load
from kern import data
from tests.fixtures.delivery import ROWS, write_delivery


def test_afgekeurde_regels_heel_en_het_clientnummer_alleen_voor_regio(tmp_path, monkeypatch):
    bad = ROWS["indicaties"] + ["C4;GM0106;1004;15;15A01;ZIN;31-02-2024;;;150,00;14"]
    wh = tmp_path / "wh" / "warehouse.duckdb"
    load(write_delivery(tmp_path / "lev", rows={"indicaties": bad}), wh)
    monkeypatch.setenv(data.ENV, str(wh))
    data.leeg_cache()
    with als(REGIO_GEBRUIKER):
        r = bouw("dq-afgekeurde-regels", maak_context("")).tabel.iloc[0]
    assert (r["Bestand"], r["Regel"], r["Kolom"], r["Waarde"]) == ("indicaties_20250630.csv", 5, "ingangsdatum",
                                                                   "31-02-2024")
    assert "Clientnummer=C4" in r["Regel zoals geleverd"] and "Toewijzingnummer=1004" in r["Regel zoals geleverd"]
    with als(BEHEER_GEBRUIKER):
        b = bouw("dq-afgekeurde-regels", maak_context("")).tabel.iloc[0]
        export = callbacks.download("dq-afgekeurde-regels", "xlsx", "", "/datakwaliteit")
    assert "Clientnummer=(afgeschermd)" in b["Regel zoals geleverd"] and "C4" not in b["Regel zoals geleverd"]
    assert "Toewijzingnummer=1004" in b["Regel zoals geleverd"]  # what the provider needs to fix it
    assert export["filename"].startswith("bwmo-afgekeurde-regels-zoals-geleverd-")
    blad = openpyxl.load_workbook(io.BytesIO(base64.b64decode(export["content"]))).active
    cellen = [str(c) for rij in blad.iter_rows(values_only=True) for c in rij]
    assert any("Toewijzingnummer=1004" in c for c in cellen) and not any("C4" in c for c in cellen)
    data.leeg_cache()
