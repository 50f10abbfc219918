"""Rejected lines on the Datakwaliteit page: whole, as delivered; the client number only for regio."""
import base64
import io

import openpyxl
from dashhulp import BEHEER_GEBRUIKER, REGIO_GEBRUIKER, als

from dashboard import callbacks
from dashboard.components.visual import bouw
from dashboard.request_context import maak_context
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


def test_one_excel_per_delivered_file_with_only_its_lines(tmp_path, monkeypatch):
    """Two files with rejected lines (an indication on 31 February, a declaration amount that is
    no number): each file's Excel holds its own line only, the client number only for regio;
    a forged file name or a user without Datakwaliteit gets nothing."""
    import pytest
    from dash.exceptions import PreventUpdate
    from dashhulp import ASSEN
    ind = ROWS["indicaties"] + ["C4;GM0106;1004;15;15A01;ZIN;31-02-2024;;;150,00;14"]
    dec = ROWS["declaraties"] + ["R9;1001;01-03-2025;31-03-2025;veel;Toegekend"]
    wh = tmp_path / "wh" / "warehouse.duckdb"
    load(write_delivery(tmp_path / "lev", rows={"indicaties": ind, "declaraties": dec}), wh)
    monkeypatch.setenv(data.ENV, str(wh))
    data.leeg_cache()

    def blad(export):
        return [r for r in openpyxl.load_workbook(io.BytesIO(base64.b64decode(export["content"]))).active
                .iter_rows(values_only=True)]
    with als(REGIO_GEBRUIKER):
        per_bestand = bouw("dq-afgekeurd-per-bestand", maak_context("")).tabel
        assert sorted(zip(per_bestand["Bestand"], per_bestand["Afgekeurde regels"])) == [
            ("declaraties_20250630.csv", 1), ("indicaties_20250630.csv", 1)]
        ind_x = callbacks.download_afgekeurd(1, "indicaties_20250630.csv", "", "/datakwaliteit")
        dec_x = callbacks.download_afgekeurd(1, "declaraties_20250630.csv", "", "/datakwaliteit")
        with pytest.raises(PreventUpdate):
            callbacks.download_afgekeurd(1, "../state.sqlite", "", "/datakwaliteit")
    assert ind_x["filename"].startswith("bwmo-afgekeurde-regels-indicaties_20250630-")
    kop, *rijen = blad(ind_x)
    assert kop[0] == "Bestand" and [r[0] for r in rijen] == ["indicaties_20250630.csv"]
    assert "Clientnummer=C4" in rijen[0][-1]
    kop, *rijen = blad(dec_x)
    assert [(r[0], r[4]) for r in rijen] == [("declaraties_20250630.csv", "veel")]
    with als(BEHEER_GEBRUIKER):
        rijen = blad(callbacks.download_afgekeurd(1, "indicaties_20250630.csv", "", "/datakwaliteit"))[1:]
    assert "Clientnummer=(afgeschermd)" in rijen[0][-1] and not any("C4" in str(c) for c in rijen[0])
    with als(ASSEN), pytest.raises(PreventUpdate):
        callbacks.download_afgekeurd(1, "indicaties_20250630.csv", "", "/datakwaliteit")
    data.leeg_cache()
