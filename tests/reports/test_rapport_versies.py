"""A fixed version appears in the report (voorlopig and definitief side by side, with the
difference per municipality); fixing from the Financiën page is for the regio role only,
checked on the server; the batch command writes every report and audits as cli:<user>."""
from __future__ import annotations

import getpass

import pytest
from pypdf import PdfReader

from etl.load import load, rebuild
from kern import data, formats
from reports import build_report, write_pdf, write_xlsx
from staat.store import StateStore
from tests.fixtures.delivery import ROWS, write_delivery
from tests.reports.conftest import ASSEN_USER, REGIO_USER, sql
from warehouse.versions import fix_version


@pytest.fixture
def klein_wh(tmp_path, monkeypatch):
    monkeypatch.setenv("BWMO_STATE", str(tmp_path / "state.sqlite"))
    wh = tmp_path / "wh" / "warehouse.duckdb"
    load(write_delivery(tmp_path / "lev1"), wh)
    monkeypatch.setenv(data.ENV, str(wh))
    data.leeg_cache()
    yield wh
    data.leeg_cache()


def test_voorlopig_and_definitief_side_by_side_in_the_report(klein_wh, tmp_path):
    wh = klein_wh
    fix_version(wh, 2024, "voorlopig", "regio1")
    # later data: more costs in 2024 for Meppel, so the definitive shares differ
    pgb = ROWS["pgb"] + ["C2;GM0119;2024;5;3.000,00"]
    load(write_delivery(tmp_path / "lev2", suffix="20250715", rows={"pgb": pgb}), wh)
    fix_version(wh, 2024, "definitief", "regio1")
    rebuild(wh)
    data.leeg_cache()
    r = build_report("regio", None, "H1", 2025, REGIO_USER)
    assert r.verdeeljaar == 2024 and r.resultaat_versie == "definitief"
    t = r.tabel("verrekening")
    mart = {code: (float(v), float(d), float(x)) for code, v, d, x in sql(
        wh, "select gemeente_code, voorlopig_eur, definitief_eur, verschil_eur from marts.verrekening where jaar = 2024")}
    assert len(t.rijen) == len(mart) + 1
    for rij in t.rijen[:-1]:
        assert tuple(rij[2:5]) == pytest.approx(mart[rij[1]])
        assert rij[4] == pytest.approx(rij[3] - rij[2])
    assert any(abs(r_[4]) > 0.005 for r_ in t.rijen[:-1])  # the settlement moves money
    assert t.rijen[-1][4] == pytest.approx(sum(x for _, _, x in mart.values()), abs=0.01)
    versies = r.tabel("versies")
    assert [row[2] for row in versies.rijen] == ["definitief", "voorlopig"]
    verdeling = r.tabel("verdeling")
    assert verdeling.titel.endswith("(definitief) volgens de 50/50-sleutel")
    definitief = dict(sql(wh, "select g.gemeente_naam, v.resultaat_eur from marts.resultaat_verdeling v "
                              "join marts.gemeenten g using (gemeente_code) where jaar = 2024 and versie = 'definitief'"))
    for rij in verdeling.rijen[:-1]:
        assert rij[8] == pytest.approx(float(definitief[rij[0]]))
    # in both forms
    write_pdf(r, tmp_path / "r.pdf")
    write_xlsx(r, tmp_path / "r.xlsx")
    tekst = " ".join(p.extract_text() for p in PdfReader(str(tmp_path / "r.pdf")).pages)
    assert "Resultaatversie: definitief" in tekst
    assert "Voorlopig en definitief resultaat 2024 per gemeente" in tekst
    meppel = t.rij("Meppel")
    assert formats.eur(meppel[4], 2) in tekst
    import openpyxl
    ws = openpyxl.load_workbook(tmp_path / "r.xlsx")["Verrekening"]
    rijen = {row[1].value: [c.value for c in row] for row in ws.iter_rows(min_row=2) if row[1].value}
    assert rijen["GM0119"][2:5] == pytest.approx(list(mart["GM0119"]))
    # a municipality's report shows the same settlement, its own row emphasised
    g = build_report("gemeente", "GM0119", "H1", 2025, User_meppel())
    gt = g.tabel("verrekening")
    assert gt.rijen[gt.nadruk[0]][1] == "GM0119"


def User_meppel():
    from kern.rollen import GEMEENTE, User
    return User("meppel1", frozenset({GEMEENTE}), frozenset({"GM0119"}))


def test_fixing_from_the_financien_page_is_checked_on_the_server(klein_wh):
    from dashboard.visuals import versies as financien

    with pytest.raises(PermissionError):
        financien.leg_vast(ASSEN_USER, 2025, "voorlopig")
    with pytest.raises(PermissionError):
        financien.bevestigingsvraag(ASSEN_USER, 2025, "voorlopig", "")
    assert financien.vastleg_formulier(ASSEN_USER) is None and financien.vastleg_formulier(None) is None
    assert financien.vastleg_formulier(REGIO_USER) is not None
    vraag = financien.bevestigingsvraag(REGIO_USER, 2025, "voorlopig", "")
    assert "voorlopige resultaat 2025" in vraag and "Doorgaan?" in vraag
    melding, taak = financien.leg_vast(REGIO_USER, 2025, "voorlopig")
    assert melding == "Het vastleggen is gestart…"
    # the job runs as its own process; the page polls its status until it is done
    melding = _wacht(financien, REGIO_USER, taak)
    assert melding.startswith("Het voorlopige resultaat 2025 is vastgelegd (record 1)"), melding
    # republished: the version is in the marts and on the page's data
    assert sql(klein_wh, "select versie, door from marts.resultaat_versies") == [("voorlopig", "regio1")]
    assert len(data.verrekening(frozenset({"GM0106"}))) == 9
    # another user cannot read the job, nor can a forged id reach a file
    other = REGIO_USER.__class__("regio2", REGIO_USER.roles, REGIO_USER.gemeenten)
    assert financien.voortgang(other, taak) == ("Onbekende taak.", True)
    assert financien.voortgang(REGIO_USER, "../../state") == ("Onbekende taak.", True)
    assert financien.voortgang(ASSEN_USER, taak) == (financien.GEWEIGERD, True)
    # a forged confirmation without a regio session is refused on the server; nothing changes
    assert financien.bevestigd(1, 2025, "definitief", None) == (financien.GEWEIGERD, None, True)
    assert sql(klein_wh, "select count(*) from marts.resultaat_versies") == [(1,)]
    # fixing the same version twice is refused before any job starts (the record stays)
    from warehouse.versions import VersionRefused
    with pytest.raises(VersionRefused):
        financien.leg_vast(REGIO_USER, 2025, "voorlopig")


def _wacht(financien, user, taak, seconden=120):
    import time
    eind = time.monotonic() + seconden
    while time.monotonic() < eind:
        melding, klaar = financien.voortgang(user, taak)
        if klaar:
            return melding
        time.sleep(0.2)
    raise AssertionError(f"de taak was na {seconden} s niet klaar: {melding}")


def test_batch_writes_region_and_every_municipality(warehouse, tmp_path):
    from reports.__main__ import main

    uit = tmp_path / "batch"
    assert main(["batch", str(uit), "--jaar", "2025", "--periode", "H1", "--warehouse", str(warehouse)]) == 0
    pdfs, xlsxs = sorted(uit.glob("*.pdf")), sorted(uit.glob("*.xlsx"))
    assert len(pdfs) == len(xlsxs) == 10
    assert (uit / "bwmo-verantwoording-2025-h1-regio-assen.pdf").exists()
    assert (uit / "bwmo-verantwoording-2025-h1-gemeente-assen.xlsx").exists()
    store = StateStore(warehouse.parent.parent / "state.sqlite")
    rijen = store.audit_rows(who=f"cli:{getpass.getuser()}", action="rapport")
    assert len(rijen) >= 10
    assert main(["batch", str(uit), "--jaar", "2030", "--periode", "H1", "--warehouse", str(warehouse)]) == 1
