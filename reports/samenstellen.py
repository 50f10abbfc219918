"""Assemble a report: read the marts for exactly the report's municipalities through the scoped
functions of kern/data.py and put the sections together. A municipality's report sees the
region only as totals (rapport_regio_*), plus the jointly agreed distribution. Access is checked
before this, in reports/build.py. Every report is protected, whoever makes it: its counts are
published by kern.afscherming (`Afscherming.voor(True)`)."""
from __future__ import annotations

import datetime as dt

from kern import data, formats
from kern.afscherming import Afscherming
from kern.data import Selectie
from kern.kalender import eerste_van_maand, laatste_dag, maand_ervoor
from kern.rollen import REGIO
from reports import teksten
from reports.cijfers import Cijfers, datums
from reports.datakwaliteit import datakwaliteit_sectie
from reports.doordecentralisatie import doordecentralisatie_sectie
from reports.model import ReportData, Sectie
from reports.opvang import opvang_sectie
from reports.periode import periode_label, perioden
from reports.resultaat import resultaat_sectie
from reports.tabellen_kern import (
    kerncijfers_tabel,
    per_gemeente_tabel,
    vergelijking_tabel,
)
from reports.tabellen_stand_stromen import (
    redenen_tabel,
    stand_grafiek,
    stand_tabel,
    stromen_grafiek,
    stromen_tabel,
)
from reports.tabellen_wlz_levering import (
    kosten_grafiek,
    wlz_open_tabel,
    wlz_tabel,
    zin_pgb_tabel,
)


def stel_samen(scope_kind, codes, periode, jaar, user, scope, regio) -> ReportData:
    """The report for `codes` (already checked against the user's `scope`), section by section."""
    info = data.warehouse_info()
    peil = info["peildatum"]
    van, tot, vvan, vtot, compleet = perioden(periode, jaar, peil)
    a = Afscherming.voor(True)  # reports go to councils: protected for every maker, the regio role too
    namen = dict(zip(regio["gemeente_code"], regio["gemeente_naam"]))
    eigen = frozenset(codes)  # figures are read for exactly these municipalities
    if scope_kind == "regio":
        naam = str(info["regio"])
        titel_wie = f"Regio {naam}"
    else:
        naam = namen.get(codes[0], codes[0])
        titel_wie = f"Gemeente {naam} (regio {info['regio']})"
    plabel = periode_label(periode, jaar, tot, compleet)
    vlabel = (periode_label(periode, jaar - 1, vtot, True) if compleet
              else f"{formats.datum(vvan)} t/m {formats.datum(vtot)}")
    kort, vkort = (f"H1 {jaar}", f"H1 {jaar - 1}") if periode == "H1" else (str(jaar), str(jaar - 1))
    if not compleet:
        kort, vkort = f"{jaar} t/m {formats.maand(tot)}", f"{jaar - 1} t/m {formats.maand(vtot)}"

    venster = Selectie(van=dt.date(jaar - 2, 12, 1), tot=eerste_van_maand(tot))
    cm = datums(data.clienten_maand(eigen, venster))
    sm = datums(data.stromen_maand(eigen, venster))
    km = datums(data.kosten_maand(eigen, venster))
    ur = datums(data.uitstroom_reden_maand(eigen, venster))
    wm = datums(data.wlz_aanvragen_maand(eigen, venster))
    wo = data.wlz_aanvragen_open(eigen, Selectie())
    iw = data.inwoners_jaar(eigen, Selectie())

    c = Cijfers(cm, sm, km, ur, wm, iw)
    cur = c.periode(van, tot, jaar)
    prev = c.periode(vvan, vtot, jaar - 1)

    secties: list[Sectie] = []
    # 1. kerncijfers
    kern = kerncijfers_tabel(cur, prev, kort, vkort, a)
    kern.toelichting = (f"Stand aan het begin: {formats.datum(laatste_dag(maand_ervoor(van)))} en "
                        f"{formats.datum(laatste_dag(maand_ervoor(vvan)))}; aan het eind: "
                        f"{formats.datum(tot)} en {formats.datum(laatste_dag(vtot))}. Kosten: gerealiseerd. "
                        + teksten.kerncijfers_noot(a)).strip()
    s1 = Sectie("1. Kerncijfers", [
        f"De kerncijfers van {plabel} naast {vlabel}."
    ], [kern])
    if scope_kind == "regio":
        s1.onderdelen.append(per_gemeente_tabel(cm, sm, km, iw, namen, codes, van, tot, jaar, kort, a))
    else:
        rm = datums(data.rapport_regio_maand(scope))
        ri = data.regio_inwoners_jaar(scope)
        s1.onderdelen.append(vergelijking_tabel(cur, prev, rm, ri, naam, van, tot, vvan, vtot, jaar, kort, vkort, a))
    secties.append(s1)

    # 2. stand
    stand = stand_tabel(cur, prev, kort, vkort, a)
    sg = stand_grafiek(c, van, tot, vvan, kort, vkort, a)
    secties.append(Sectie("2. Cliënten in zorg", [
        (f"Het aantal cliënten met beschermd wonen op {formats.datum(tot)}, naar tussenvorm (zwaarste eerst) en "
        f"leveringsvorm, en het verloop per maand naast dezelfde maanden een jaar eerder.")], [stand, sg]))

    # 3. instroom en uitstroom
    stromen = stromen_tabel(c, van, tot, a)
    redenen = redenen_tabel(cur, prev, kort, vkort, a)
    gr = stromen_grafiek(stromen, van, tot, a)
    secties.append(Sectie("3. Instroom en uitstroom", [
        ("Instroom is het begin van een episode beschermd wonen, uitstroom het einde ervan (in de maand van de "
        "eerste dag zonder zorg). Een wisseling van product binnen een episode is doorstroom en telt hier niet.")],
        [stromen, gr, redenen]))

    # 4. Wlz
    wlz = wlz_tabel(cur, prev, kort, vkort, a, data.wlz_besluiten(), data.wlz_reden_codes())
    open_ = wlz_open_tabel(wo, peil, a)
    secties.append(Sectie("4. Overgang naar de Wlz", [
        (f"Sinds {formats.datum(data.wlz_sinds())} staat de Wet langdurige zorg open voor mensen met psychische "
         "problematiek. De "
        f"uitstroom naar de Wlz (reden {data.wlz_reden_codes()}) en de Wlz-aanvragen (naar maand van aanvraag, met het besluit zoals "
        f"bekend op {formats.datum(peil)}) volgen deze overgang.")], [wlz, open_]))

    # 5. ZIN en PGB
    zp = zin_pgb_tabel(cur, prev, kort, vkort, a)
    kg = kosten_grafiek(km, van, tot)
    secties.append(Sectie("5. Zorg in natura en persoonsgebonden budget", [
        "Cliënten (stand aan het eind van de periode) en gerealiseerde kosten naar leveringsvorm."], [zp, kg]))

    # 6. resultaat en verdeling
    s6, verdeeljaar, versie, versie_tekst = resultaat_sectie(scope, jaar, periode, naam, scope_kind, codes, peil.year)
    secties.append(s6)

    # 7. maatschappelijke opvang
    secties.append(opvang_sectie(eigen, scope, van, tot, vvan, vtot, jaar, kort, vkort, a))
    # 8. doordecentralisatie: the ingroeipad against own costs, overgangscliënten and nieuwe cliënten
    secties.append(doordecentralisatie_sectie(eigen, scope, jaar, van, tot, naam, namen, a, str(info["regio"])))

    # 8. datakwaliteit: region reports only (data quality is for the regio and beheer roles)
    if scope_kind == "regio":
        secties.append(datakwaliteit_sectie(data.producten_buiten_catalogus(REGIO in user.roles), a))

    return ReportData(
        titel=f"Verantwoording beschermd wonen {plabel}", ondertitel=titel_wie, scope_kind=scope_kind,
        gemeente_code=None if scope_kind == "regio" else codes[0], naam=naam, regio=str(info["regio"]),
        periode=periode, jaar=jaar, periode_label=plabel, vorige_label=vlabel, van=van, tot=tot,
        vorige_van=vvan, vorige_tot=vtot, peildatum=peil, warehouse_versie=str(info["versie"]),
        verdeeljaar=verdeeljaar, resultaat_versie=versie, resultaat_versie_tekst=versie_tekst,
        gemaakt_op=dt.datetime.now(dt.UTC), gemaakt_door=user.username if user else "",
        afscherming=a,
        leeswijzer=teksten.leeswijzer(scope_kind, naam, plabel, vlabel, a, verdeeljaar),
        secties=secties, definities=teksten.definities(a, data.wlz_reden_codes(), data.wlz_besluiten(),
                                                    data.wlz_sinds()))

