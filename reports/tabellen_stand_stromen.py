"""Sections 2 and 3: clients in care (by tussenvorm and leveringsvorm, per month) and the
inflow and outflow per month and by reason. Every count is published by kern.afscherming, totals
rounded on their own; a difference is computed from the published counts."""
from __future__ import annotations

import pandas as pd

from kern import formats
from kern.afscherming import Afscherming
from kern.kalender import maandreeks
from reports.afgeleide_cijfers import getoond, verborgen, verschil
from reports.cijfers import LEVERINGSVORMEN, TUSSENVORMEN, Cijfers, som, tussen
from reports.model import Grafiek, Kolom, Tabel


def stand_tabel(cur, prev, kort, vkort, a: Afscherming) -> Tabel:
    tvs = [tv for tv in TUSSENVORMEN if tv != "Onbekend"
           or any(cur["stand_tv"][(tv, lv)] or prev["stand_tv"][(tv, lv)] for lv in LEVERINGSVORMEN)]
    rijen = []
    for tv in tvs:
        z, p = cur["stand_tv"][(tv, "ZIN")], cur["stand_tv"][(tv, "PGB")]
        rijen.append([tv, z, p, z + p, prev["stand_tv"][(tv, "ZIN")] + prev["stand_tv"][(tv, "PGB")]])
    rijen.append(["Totaal", sum(r[1] for r in rijen), sum(r[2] for r in rijen), cur["stand_eind"], prev["stand_eind"]])
    matrix = [[r[0], *getoond(a, r[1:5]), verschil(a, r[3], r[4])] for r in rijen]
    return Tabel("stand", "Cliënten in zorg naar tussenvorm en leveringsvorm", "Stand",
                 [Kolom("Tussenvorm"), Kolom(f"ZIN {kort}", "aantal"), Kolom(f"PGB {kort}", "aantal"),
                  Kolom(f"Totaal {kort}", "aantal"), Kolom(f"Totaal {vkort}", "aantal"), Kolom("Verschil", "aantal")],
                 matrix, totaalrij=True)


def stand_grafiek(c: Cijfers, van, tot, vvan, kort, vkort, a: Afscherming) -> Grafiek:
    """The published stand per month (rounded as in the tables); left out when a month is "< 5"."""
    reeks = maandreeks(van, tot)
    nu = getoond(a, [c.stand(m) for m in reeks])
    toen = getoond(a, [c.stand(m.replace(year=vvan.year)) for m in reeks])
    g = Grafiek("stand_maand", "Cliënten in zorg per maand", "lijn", [formats.MAANDEN_KORT[m.month - 1] for m in reeks],
                [(kort, nu), (vkort, toen)])
    if any(verborgen(a, v) for v in nu + toen):
        g.weggelaten = f"Grafiek niet getoond: de maandcijfers bevatten aantallen '{a.label}'."
    return g


def stromen_tabel(c: Cijfers, van, tot, a: Afscherming) -> Tabel:
    s = tussen(c.sm, van, tot)
    kol = ["instroom", "nieuwe_clienten", "uitstroom", "uitstroom_wlz"]
    rijen = []
    for m in maandreeks(van, tot):
        r = s[s["maand"] == m] if not s.empty else s
        rijen.append([m] + [int(som(r, k)) for k in kol])
    rijen.append(["Totaal"] + [sum(r[j] for r in rijen) for j in range(1, 5)])
    matrix = [[r[0], *getoond(a, r[1:])] for r in rijen]
    return Tabel("stromen", "Instroom en uitstroom per maand", "Instroom en uitstroom",
                 [Kolom("Maand", "maand"), Kolom("Instroom", "aantal"), Kolom("Nieuwe cliënten", "aantal"),
                  Kolom("Uitstroom", "aantal"), Kolom("Uitstroom naar de Wlz", "aantal")], matrix, totaalrij=True)


def stromen_grafiek(stromen: Tabel, van, tot, a: Afscherming) -> Grafiek:
    """The monthly rows of `stromen_tabel` (published values) as bars; left out when a month is "< 5"."""
    instroom, uitstroom = stromen.kolom("Instroom")[:-1], stromen.kolom("Uitstroom")[:-1]
    gr = Grafiek("stromen", "Instroom en uitstroom per maand", "staaf",
                 [formats.maand(m) for m in maandreeks(van, tot)], [("Instroom", instroom), ("Uitstroom", uitstroom)])
    if any(verborgen(a, v) for v in instroom + uitstroom):
        gr.weggelaten = f"Grafiek niet getoond: de maandcijfers bevatten aantallen '{a.label}' (zie de tabel)."
    return gr


def redenen_tabel(cur, prev, kort, vkort, a: Afscherming) -> Tabel:
    sleutels = sorted(set(cur["redenen"]) | set(prev["redenen"]), key=lambda k: (str(k[0]), k[1]))
    rijen = [[oms, str(code) if code is not None and not pd.isna(code) else "", cur["redenen"].get((code, oms), 0),
              prev["redenen"].get((code, oms), 0)] for code, oms in sleutels]
    rijen.append(["Totaal", "", cur["uitstroom"], prev["uitstroom"]])
    matrix = [[r[0], r[1], a.aantal(r[2]), a.aantal(r[3]), verschil(a, r[2], r[3])] for r in rijen]
    return Tabel("uitstroom_reden", "Uitstroom naar reden van beëindiging", "Uitstroom naar reden",
                 [Kolom("Reden"), Kolom("Code (WMO588)"), Kolom(kort, "aantal"), Kolom(vkort, "aantal"),
                  Kolom("Verschil", "aantal")], matrix, totaalrij=True)
