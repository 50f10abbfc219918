"""Views against the fixture warehouse; every expected value is computed by hand in the comments
(see fixture_warehouse.py for the data)."""
import datetime as dt

import fixture_warehouse
import pytest
from dashhulp import ctx_voor

from dashboard.visuals import (
    clienten,
    datakwaliteit,
    financien,
    gemeente,
    overzicht,
    stromen,
    wlz,
)

D = dt.date


def kpis(search=""):
    return {k.sleutel: k for k in overzicht.kpi_lijst(ctx_voor(search))}


def test_kpis_default_period_region():
    k = kpis()
    # stand jun 2024: 18+10+4 (Assen) + 6+1 (Aa en Hunze) + 12 (Hoogeveen) = 51; jun 2023: 47
    assert (k["actief"].waarde, k["actief"].verschil) == ("51", "+4")
    # jul 2023 - jun 2024: instroom 1+4+2+1, uitstroom 1+0+2+1, Wlz 0+0+1+1
    assert (k["instroom"].waarde, k["uitstroom"].waarde, k["uitstroom_wlz"].waarde) == ("8", "4", "2")
    # jul 2022 - jun 2023 lies partly before the data: no comparison rather than a wrong one
    assert k["instroom"].verschil is None and "geen vergelijking" in k["instroom"].vergelijking
    # PGB: (4+1)/51 = 9,8%; jun 2023 (2+1)/47 = 6,38% -> +3,4 %-punt
    assert (k["aandeel_pgb"].waarde, k["aandeel_pgb"].verschil) == ("9,8%", "+3,4 %-punt")
    # running result 2024: 310.000 - 229.000 - 31.000 = 50.000; 2023 definitief 57.000
    assert (k["resultaat"].waarde, k["resultaat"].verschil) == ("€ 50.000", "€ -7.000")
    assert "€ 112.500" in k["resultaat"].onderschrift and "€ 116.500" in k["resultaat"].onderschrift


def test_kpis_assen_first_half_2024():
    k = kpis("?van=2024-01&tot=2024-06&gemeente=GM0106")
    assert (k["actief"].waarde, k["actief"].verschil) == ("32", "0")
    assert (k["instroom"].waarde, k["instroom"].verschil) == ("2", "+1")  # jan-jun 2023: 1 (mei)
    assert (k["uitstroom"].waarde, k["uitstroom"].verschil) == ("2", "+1")
    assert (k["uitstroom_wlz"].waarde, k["uitstroom_wlz"].verschil) == ("1", "0")
    assert (k["aandeel_pgb"].waarde, k["aandeel_pgb"].verschil) == ("12,5%", "+6,3 %-punt")  # 4/32 vs 2/32


def test_kpis_cross_filtered_month_and_gemeente():
    k = kpis("?km=2024-03")
    assert (k["actief"].waarde, k["instroom"].waarde, k["uitstroom"].waarde) == ("51", "2", "2")
    assert k["instroom"].verschil == "+2"  # mrt 2023: no flows
    k = kpis("?kg=GM0118")
    assert (k["actief"].waarde, k["actief"].verschil, k["instroom"].waarde) == ("12", "+4", "5")


def test_kpis_tussenvorm_filter_applies_to_stand():
    k = kpis("?tussenvorm=Thuis%20Plus")
    assert k["actief"].waarde == "4"
    assert k["aandeel_pgb"].waarde == "100,0%"


def test_trend_and_gemeenten():
    v = overzicht.trend_visual(ctx_voor())
    assert list(v.tabel["Actieve cliënten"]) == [47] * 6 + [51] * 6
    assert v.tabel["Maand"].iloc[0] == D(2023, 7, 1)
    g = overzicht.gemeenten_visual(ctx_voor("?km=2023-09")).tabel.set_index("Gemeentecode")
    assert g.loc["GM0118", "Actieve cliënten"] == 8 and g.loc["GM1730", "Actieve cliënten"] == 0
    assert len(g) == 9
    p = overzicht.per_1000_visual(ctx_voor()).tabel.set_index("Gemeentecode")
    assert p.loc["GM0106", "Per 1.000 inwoners"] == pytest.approx(round(32 / 69701 * 1000, 2))
    assert p.loc["GM0106", "Inwoners (1 januari)"] == 69701


def test_clienten_page():
    t = clienten.tussenvorm_visual(ctx_voor()).tabel.iloc[-1]
    assert (t["Beschermd wonen intramuraal"], t["Beschermd wonen nabij"], t["Begeleid wonen"], t["Thuis Plus"],
            t["Totaal"]) == (19, 6, 22, 4, 51)
    lv = clienten.levering_visual(ctx_voor()).tabel.iloc[-1]
    assert (lv["ZIN"], lv["PGB"]) == (46, 5)
    licht = clienten.lichter_visual(ctx_voor()).tabel
    assert licht["Aandeel lichte vormen"].iloc[0] == pytest.approx(20 / 47)
    assert licht["Aandeel lichte vormen"].iloc[-1] == pytest.approx(26 / 51)
    m = clienten.matrix_visual(ctx_voor()).tabel.set_index("Gemeente")
    assert m.loc["Assen", "Totaal"] == 32 and m.loc["Assen", "Beschermd wonen nabij"] == 0
    vd = clienten.verblijfsduur_visual(ctx_voor()).tabel
    assert list(vd["In zorg"]) == [9, 20, 17, 5] and list(vd["Uitgestroomd"]) == [2, 2, 1, 1]


def test_flows_explain_the_stand():
    t = stromen.stromen_tabel(ctx_voor())
    assert t["Instroom"].sum() == 8 and t["Uitstroom"].sum() == 4 and t["Nieuwe cliënten"].sum() == 6
    assert (t["Stand vorige maand"] + t["Netto"] == t["Stand eind maand"]).all()
    jan = t[t["Maand"] == D(2024, 1, 1)].iloc[0]
    assert (jan["Stand vorige maand"], jan["Instroom"], jan["Stand eind maand"]) == (47, 4, 51)
    b = stromen.balans_visual(ctx_voor()).tabel
    assert list(b["Cliënten"]) == [47, 8, 4, 51]  # begin, instroom, uitstroom, eind: 47 + 8 - 4 = 51
    b = stromen.balans_visual(ctx_voor("?van=2023-01&tot=2023-06")).tabel  # starts at the first month
    assert list(b["Cliënten"]) == [47, 2, 2, 47]


def test_uitstroom_reasons_and_doorstroom():
    r = stromen.reden_visual(ctx_voor()).tabel
    assert list(r["Code"]) == ["39", "02", "21"] and list(r["Uitstroom"]) == [2, 1, 1]
    d = stromen.doorstroom_visual(ctx_voor())
    assert d.tabel["Aantal"].sum() == 4
    assert "3 naar een lichtere en 1 naar een zwaardere" in d.tekst


def test_wlz():
    m = wlz.wlz_maand_visual(ctx_voor()).tabel.set_index("Maand")
    assert m["Naar de Wlz"].sum() == 2
    assert (m.loc[D(2023, 7, 1), "Cumulatief sinds jan 2021"], m.loc[D(2024, 3, 1), "Cumulatief sinds jan 2021"],
            m.loc[D(2024, 6, 1), "Cumulatief sinds jan 2021"]) == (1, 2, 3)
    g = wlz.wlz_gemeenten_visual(ctx_voor()).tabel.set_index("Gemeentecode")
    assert g.loc["GM0106"].iloc[1:].tolist() == [1, 2]
    o = wlz.open_visual(ctx_voor()).tabel
    assert list(o["Wachttijd"]) == ["korter dan 3 maanden", "3 tot 6 maanden"]
    a = wlz.aanvragen_visual(ctx_voor()).tabel
    assert a["Aanvragen"].sum() == 4 and a["In behandeling"].sum() == 2  # feb, apr, jun 2024


def test_financien():
    j = financien.jaren_visual(ctx_voor()).tabel
    assert list(j["Versie"]) == ["definitief", "definitief", "lopend"]
    assert list(j["Resultaat"]) == [63000, 57000, 50000]
    lo = financien.lopend_visual(ctx_voor()).tabel.set_index("Post")
    assert (lo.loc["Cliëntgebonden kosten", "Gerealiseerd"], lo.loc["Cliëntgebonden kosten", "Prognose"],
            lo.loc["Cliëntgebonden kosten", "Totaal"]) == (112500, 116500, 229000)
    b = financien.begroting_visual(ctx_voor()).tabel.set_index("Jaar")
    assert b.loc[2024, "Verschil met begroting"] == 229000 - 235000
    k = financien.kosten_gemeente_visual(ctx_voor()).tabel.set_index("Gemeentecode")
    assert (k.loc["GM0106", "Gerealiseerd"], k.loc["GM0106", "Prognose"]) == (69000, 73000)
    assert k["Gerealiseerd"].sum() == 112500
    km = financien.kosten_maand_visual(ctx_voor()).tabel
    assert km["Totaal"].sum() == 6 * 17750 + 6 * 18750
    km = financien.kosten_maand_visual(ctx_voor("?levering=PGB")).tabel
    assert km["Totaal"].sum() == 12 * 750


def test_distribution_table_shows_both_halves_and_adds_up():
    v = financien.verdeling_visual(ctx_voor())
    assert "2023 (definitief)" in v.titel
    t = v.tabel.set_index("Gemeentecode")
    totaal = v.tabel.iloc[-1]
    assert totaal["Gemeente"] == "Totaal"
    assert totaal["Aandeel resultaat"] == pytest.approx(57000.00, abs=0.001)
    assert totaal["Verdeelsleutel"] == pytest.approx(1.0)
    assert totaal["Helft inwoners (50%)"] == pytest.approx(0.5) and totaal["Helft kosten (50%)"] == pytest.approx(0.5)
    inw, kosten = 69701 / 333044, 126000 / 213000
    assert t.loc["GM0106", "Aandeel inwoners"] == pytest.approx(inw)
    assert t.loc["GM0106", "Aandeel kosten"] == pytest.approx(kosten)
    assert t.loc["GM0106", "Verdeelsleutel"] == pytest.approx(0.5 * inw + 0.5 * kosten)
    assert t.loc["GM0106", "Afrondingscent"] == "ja"
    assert "Assen" in v.toelichting and "voorlopig" in v.toelichting


def test_gemeente_against_region():
    df = gemeente.vergelijking(ctx_voor(gemeente="GM0106"), "GM0106", "actief")
    inw23 = sum(g[5] for g in fixture_warehouse.GEMEENTEN)
    inw24 = sum(g[6] for g in fixture_warehouse.GEMEENTEN)
    assert df["gemeente"].tolist() == pytest.approx([32 / 69414 * 1000, 32 / 69701 * 1000])
    assert df["regio"].tolist() == pytest.approx([47 / inw23 * 1000, 51 / inw24 * 1000])
    v = gemeente.kosten_visual(ctx_voor(gemeente="GM0106"))
    assert v.tabel["Assen"].tolist() == pytest.approx([126000 / 69414, 69000 / 69701], abs=1e-4)


def test_gemeente_outside_scope_or_unknown_is_refused():
    assert gemeente.gemeente_code(ctx_voor(gemeente="GM0505")) is None  # Dordrecht: not this region
    assert gemeente.gemeente_code(ctx_voor("?kg=GM1680", gemeente="kies")) == "GM1680"
    assert gemeente.actief_visual(ctx_voor(gemeente="GM0505")).tabel.empty


def test_datakwaliteit():
    assert (datakwaliteit.balans_visual(ctx_voor()).tabel["Niet verklaard"] == 0).all()
    laadlog = datakwaliteit.laadlog_visual(ctx_voor()).tabel
    assert len(laadlog) == 3
    # the lines left out by design, per file as the load counted them (the query once left them out)
    assert laadlog["Regels overgeslagen"].tolist() == [0, 0, 3]
    assert datakwaliteit.afgekeurd_visual(ctx_voor()).tabel["Regels"].sum() == 3
    assert datakwaliteit.producten_visual(ctx_voor()).tabel["Productcode"].tolist() == ["15X99"]


def test_subregio_drill():
    t = overzicht.subregio_visual(ctx_voor()).tabel.set_index("Code")
    assert (t.loc["NMD", "Actieve cliënten"], t.loc["ZWD", "Actieve cliënten"]) == (39, 12)
    assert t.loc["NMD", "Inwoners (1 januari)"] == 25845 + 69701 + 34092 + 31686 + 34736
    # drilled into ZWD: the municipality bars only show ZWD municipalities
    g = overzicht.gemeenten_visual(ctx_voor("?subregio=ZWD")).tabel
    assert sorted(g["Gemeentecode"]) == ["GM0118", "GM0119", "GM1690", "GM1701"]


def _gekozen_verdeling(rijen, peildatum):
    """(jaar, versie) of the settlement financien_verdeling.sql picks from these
    marts.resultaat_verdeling rows (jaar, versie, meest_definitief), on a bare DuckDB."""
    import duckdb

    from kern import data
    con = duckdb.connect()
    con.execute("create schema marts")
    con.execute("create table marts.warehouse_info as select cast(? as date) as peildatum", [peildatum])
    con.execute("create table marts.gemeenten as select 'GM0106' as gemeente_code, 'Assen' as gemeente_naam")
    con.execute("""create table marts.resultaat_verdeling (jaar integer, versie varchar, meest_definitief boolean,
        gemeente_code varchar, inwoners bigint, inwoners_aandeel double, inwoners_deel double,
        kosten_eur decimal(18,2), kosten_aandeel double, kosten_deel double, verdeelsleutel double,
        resultaat_eur decimal(18,2), inwoners_peildag date, inwoners_toelichting varchar, afrondingscent boolean)""")
    con.execute("""create table marts.verrekening (jaar integer, gemeente_code varchar, voorlopig_eur decimal(18,2),
        definitief_eur decimal(18,2), verschil_eur decimal(19,2))""")
    for jaar, versie, md in rijen:
        con.execute("insert into marts.resultaat_verdeling (jaar, versie, meest_definitief, gemeente_code) "
                    "values (?, ?, ?, 'GM0106')", [jaar, versie, md])
    uit = con.execute(data._sql("financien_verdeling")).df()
    assert set(uit["jaar"]) <= {uit["jaar"].iloc[0]}  # one year, every version of it
    return financien.verdeling_keuze(uit.to_dict("records")), sorted(uit["versie"])


def test_which_settlement_is_shown():
    # the rows of marts.resultaat_verdeling: meest_definitief marks the version that counts
    alleen_lopend = [(2023, "lopend", True), (2024, "lopend", True), (2025, "lopend", True)]
    # no fixed version: the latest complete year before the peildatum's year
    assert _gekozen_verdeling(alleen_lopend, D(2025, 6, 30)) == ((2024, "lopend"), ["lopend"])
    # only the running year: that one
    assert _gekozen_verdeling([(2025, "lopend", True)], D(2025, 6, 30)) == ((2025, "lopend"), ["lopend"])
    vast = [(2023, "voorlopig", False), (2023, "definitief", True), (2023, "lopend", False),
            (2024, "lopend", True), (2025, "lopend", True)]
    # the latest year with a fixed version, its most definitive version; the others of that year beside it
    assert _gekozen_verdeling(vast, D(2025, 6, 30)) == ((2023, "definitief"), ["definitief", "lopend", "voorlopig"])


def test_tijdreeksen_per_kwartaal_en_halfjaar():
    # months jul 2023 - jun 2024 (stromen_tabel per maand): instroom 0,0,1 | 0,0,0 | 4,0,2 | 0,1,0;
    # uitstroom 0,0,1 | 0,0,0 | 0,0,2 | 0,1,0; stand 47 until dec, 51 from jan
    t = stromen.stromen_tabel(ctx_voor("?van=2023-07&tot=2024-06&korrel=kwartaal"))
    assert list(t["Kwartaal"]) == ["K3 2023", "K4 2023", "K1 2024", "K2 2024"]
    assert list(t["Instroom"]) == [1, 0, 6, 1] and list(t["Uitstroom"]) == [1, 0, 2, 1]
    assert list(t["Stand begin"]) == [47, 47, 47, 51] and list(t["Stand eind"]) == [47, 47, 51, 51]
    trend = overzicht.trend_visual(ctx_voor("?van=2023-07&tot=2024-06&korrel=halfjaar")).tabel
    assert list(trend["Halfjaar"]) == ["2e helft 2023", "1e helft 2024"]
    assert list(trend["Actieve cliënten"]) == [47, 51]  # the stand at the last month of each half
    v = stromen.stromen_visual(ctx_voor("?van=2023-07&tot=2024-06&korrel=kwartaal"))
    assert v.kruisfilter is None and v.titel == "In- en uitstroom per kwartaal"  # a click selects a month


def test_een_gemeente_ziet_de_gepubliceerde_aantallen_en_de_export_is_dezelfde_tabel():
    from dashhulp import ASSEN, als

    from dashboard import callbacks
    from dashboard.components.visual import bouw
    from dashboard.request_context import maak_context
    with als(ASSEN):
        t = bouw("clienten-tussenvorm", maak_context("?van=2024-06&tot=2024-06")).tabel.iloc[-1]
        # Assen jun 2024: intramuraal 18, begeleid wonen 10, Thuis Plus 4 (PGB), total 32
        assert t["Beschermd wonen intramuraal"] in (15, 20) and t["Begeleid wonen"] == 10
        assert t["Thuis Plus"] == "< 5" and t["Totaal"] in (30, 35)
        assert "Beschermd wonen nabij" not in t.index  # no such clients in Assen: no column
        d = callbacks.download("clienten-tussenvorm", "csv", "?van=2024-06&tot=2024-06", "/clienten")
    import base64
    regels = base64.b64decode(d["content"]).decode("utf-8-sig").splitlines()
    assert regels[-1].split(";")[1:] == [str(t[k]) for k in list(t.index)[1:]]
