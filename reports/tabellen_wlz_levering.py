"""Sections 4 and 5: the transition to the Wlz (outflow, applications, open applications) and
clients and costs by leveringsvorm (ZIN and PGB). Counts are published by kern.afscherming, each
on its own; differences and shares of clients from the published counts; euro amounts exact."""
from __future__ import annotations

import pandas as pd

from kern import formats
from kern.afscherming import Afscherming
from kern.kalender import maandreeks
from reports.afgeleide_cijfers import aandeel, verschil
from reports.cijfers import LEVERINGSVORMEN, tussen
from reports.model import Grafiek, Kolom, Tabel


def wlz_tabel(cur, prev, kort, vkort, a: Afscherming, besluiten, reden_codes: str) -> Tabel:
    """`besluiten`: (column, screen label, report label) per decision, `kern.data.wlz_besluiten()`;
    `reden_codes`: the WMO588 codes of uitstroom to the Wlz (`kern.data.wlz_reden_codes()`), from
    the seed the marts count by."""
    rijen = [[f"Uitstroom naar de Wlz (reden {reden_codes})", cur["uitstroom_wlz"], prev["uitstroom_wlz"]],
             ["Wlz-aanvragen ingediend", cur["wlz"]["aanvragen"], prev["wlz"]["aanvragen"]]]
    for k, _label, lab in besluiten:
        rijen.append([lab, cur["wlz"][k], prev["wlz"][k]])
    matrix = [[lab, a.aantal(x), a.aantal(y), verschil(a, x, y)] for lab, x, y in rijen]
    return Tabel("wlz", "Uitstroom naar de Wlz en Wlz-aanvragen", "Wlz",
                 [Kolom("Indicator"), Kolom(kort, "aantal"), Kolom(vkort, "aantal"), Kolom("Verschil", "aantal")],
                 matrix, toelichting="Aanvragen naar maand van aanvraag; het besluit zoals bekend op de peildatum.")


def wlz_open_tabel(wo: pd.DataFrame, peil, a: Afscherming) -> Tabel:
    if wo.empty:
        rijen = []
    else:
        g = wo.groupby(["klasse_volgorde", "leeftijdsklasse"], as_index=False)["aanvragen"].sum().sort_values("klasse_volgorde")
        rijen = [[k, int(n)] for k, n in zip(g["leeftijdsklasse"], g["aanvragen"])]
    rijen.append(["Totaal", sum(r[1] for r in rijen)])
    matrix = [[k, a.aantal(n)] for k, n in rijen]
    return Tabel("wlz_open", f"Openstaande Wlz-aanvragen op {formats.datum(peil)} naar wachttijd", "Wlz open",
                 [Kolom("Wachttijd"), Kolom("Openstaande aanvragen", "aantal")], matrix, totaalrij=True,
                 toelichting="Aanvragen zonder besluit op de peildatum; tijdens de overgang werd de Wmo-indicatie "
                             "dan verlengd.")


def zin_pgb_tabel(cur, prev, kort, vkort, a: Afscherming) -> Tabel:
    rijen = [[lv, cur[f"stand_{lv}"], prev[f"stand_{lv}"], cur[f"kosten_{lv}"], prev[f"kosten_{lv}"]]
             for lv in LEVERINGSVORMEN]
    rijen.append(["Totaal", cur["stand_eind"], prev["stand_eind"], cur["kosten"], prev["kosten"]])
    totaal = rijen[-1]
    uit = []
    for lab, c, cv, k, kv in rijen:  # shares of clients from the rounded counts, of costs from the euros
        uit.append([lab, a.aantal(c), aandeel(a, c, totaal[1]), a.aantal(cv), aandeel(a, cv, totaal[2]),
                    k, k / totaal[3] if totaal[3] else None, kv, k - kv])
    return Tabel("zin_pgb", "Cliënten en kosten naar leveringsvorm", "ZIN en PGB",
                 [Kolom("Leveringsvorm"), Kolom(f"Cliënten {kort}", "aantal"), Kolom("Aandeel cliënten", "pct"),
                  Kolom(f"Cliënten {vkort}", "aantal"), Kolom(f"Aandeel cliënten {vkort}", "pct"),
                  Kolom(f"Kosten {kort}", "eur"), Kolom("Aandeel kosten", "pct"), Kolom(f"Kosten {vkort}", "eur"),
                  Kolom("Verschil kosten", "eur")], uit, totaalrij=True,
                 toelichting="Cliënten: stand aan het eind van de periode. Kosten: gerealiseerd in de periode.")


def kosten_grafiek(km: pd.DataFrame, van, tot) -> Grafiek:
    """Realised costs per month, stacked by leveringsvorm (euro amounts are not afgeschermd)."""
    return Grafiek("kosten", "Gerealiseerde kosten per maand naar leveringsvorm", "gestapeld",
                   [formats.maand(m) for m in maandreeks(van, tot)],
                   [(lv, [float(tussen(km, m, m).loc[lambda d, lv=lv: d["leveringsvorm"] == lv, "kosten_eur"].sum())
                          if not km.empty else 0.0 for m in maandreeks(van, tot)]) for lv in LEVERINGSVORMEN],
                   eenheid="eur")
