"""Sections 2 and 3: clients in care (by tussenvorm and leveringsvorm, per month) and the
inflow and outflow per month and by reason."""
from __future__ import annotations

import pandas as pd

from dashboard import formats
from dashboard.auth.privacy import is_small
from reports import privacy as pv
from reports.afgeleide_cijfers import verborgen_in, verschil
from reports.cijfers import LEVERINGSVORMEN, TUSSENVORMEN, Cijfers, som, tussen
from reports.model import Grafiek, Kolom, Tabel
from reports.periode import maanden


def stand_tabel(cur, prev, kort, vkort, drempel) -> Tabel:
    tvs = [tv for tv in TUSSENVORMEN if tv != "Onbekend"
           or any(cur["stand_tv"][(tv, lv)] or prev["stand_tv"][(tv, lv)] for lv in LEVERINGSVORMEN)]
    rijen = []
    for tv in tvs:
        z, p = cur["stand_tv"][(tv, "ZIN")], cur["stand_tv"][(tv, "PGB")]
        rijen.append([tv, z, p, z + p, prev["stand_tv"][(tv, "ZIN")] + prev["stand_tv"][(tv, "PGB")]])
    n = len(rijen)
    rijen.append(["Totaal", sum(r[1] for r in rijen), sum(r[2] for r in rijen), cur["stand_eind"], prev["stand_eind"]])
    groepen = pv.kolomgroepen(range(n), [1, 2, 3, 4]) + pv.rijgroepen(range(n + 1), [1, 2])
    matrix = pv.scherm_af(rijen, {1, 2, 3, 4}, groepen, drempel)
    for r in matrix:
        r.append(verschil(r[3], r[4]))
    return Tabel("stand", "Cliënten in zorg naar tussenvorm en leveringsvorm", "Stand",
                 [Kolom("Tussenvorm"), Kolom(f"ZIN {kort}", "aantal"), Kolom(f"PGB {kort}", "aantal"),
                  Kolom(f"Totaal {kort}", "aantal"), Kolom(f"Totaal {vkort}", "aantal"), Kolom("Verschil", "aantal")],
                 matrix, totaalrij=True)


def stand_grafiek(c: Cijfers, van, tot, vvan, kort, vkort, drempel) -> Grafiek:
    reeks = maanden(van, tot)
    nu = [c.stand(m) for m in reeks]
    toen = [c.stand(m.replace(year=vvan.year)) for m in reeks]
    g = Grafiek("stand_maand", "Cliënten in zorg per maand", "lijn", [formats.MAANDEN_KORT[m.month - 1] for m in reeks],
                [(kort, nu), (vkort, toen)])
    if any(is_small(v, drempel) for v in nu + toen):
        g.weggelaten = "Grafiek niet getoond: de maandcijfers bevatten kleine aantallen."
    return g


def stromen_tabel(c: Cijfers, van, tot, drempel) -> Tabel:
    s = tussen(c.sm, van, tot)
    kol = ["instroom", "nieuwe_clienten", "uitstroom", "uitstroom_wlz"]
    rijen = []
    for m in maanden(van, tot):
        r = s[s["maand"] == m] if not s.empty else s
        rijen.append([m] + [int(som(r, k)) for k in kol])
    n = len(rijen)
    rijen.append(["Totaal"] + [sum(r[j] for r in rijen) for j in range(1, 5)])
    matrix = pv.scherm_af(rijen, {1, 2, 3, 4}, pv.kolomgroepen(range(n), [1, 2, 3, 4]), drempel)
    return Tabel("stromen", "Instroom en uitstroom per maand", "Instroom en uitstroom",
                 [Kolom("Maand", "maand"), Kolom("Instroom", "aantal"), Kolom("Nieuwe cliënten", "aantal"),
                  Kolom("Uitstroom", "aantal"), Kolom("Uitstroom naar de Wlz", "aantal")], matrix, totaalrij=True)


def stromen_grafiek(stromen: Tabel, van, tot) -> Grafiek:
    """The monthly rows of `stromen_tabel` as bars; left out when a month holds a hidden count."""
    gr = Grafiek("stromen", "Instroom en uitstroom per maand", "staaf",
                 [formats.maand(m) for m in maanden(van, tot)],
                 [("Instroom", [v for v in stromen.kolom("Instroom")[:-1]]),
                  ("Uitstroom", [v for v in stromen.kolom("Uitstroom")[:-1]])])
    if verborgen_in(stromen, ["Instroom", "Uitstroom"]):
        gr.weggelaten = "Grafiek niet getoond: de maandcijfers bevatten afgeschermde kleine aantallen (zie de tabel)."
    return gr

def redenen_tabel(cur, prev, kort, vkort, drempel) -> Tabel:
    sleutels = sorted(set(cur["redenen"]) | set(prev["redenen"]), key=lambda k: (str(k[0]), k[1]))
    rijen = [[oms, str(code) if code is not None and not pd.isna(code) else "", cur["redenen"].get((code, oms), 0),
              prev["redenen"].get((code, oms), 0)] for code, oms in sleutels]
    n = len(rijen)
    rijen.append(["Totaal", "", cur["uitstroom"], prev["uitstroom"]])
    matrix = pv.scherm_af(rijen, {2, 3}, pv.kolomgroepen(range(n), [2, 3]), drempel)
    for r in matrix:
        r.append(verschil(r[2], r[3]))
    return Tabel("uitstroom_reden", "Uitstroom naar reden van beëindiging", "Uitstroom naar reden",
                 [Kolom("Reden"), Kolom("Code (WMO588)"), Kolom(kort, "aantal"), Kolom(vkort, "aantal"),
                  Kolom("Verschil", "aantal")], matrix, totaalrij=True)

