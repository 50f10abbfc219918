"""Section 1, kerncijfers: the period next to the previous one, and per municipality (region
report) or next to the region's totals per 1.000 inhabitants (municipality report)."""
from __future__ import annotations

import pandas as pd

from dashboard import formats
from reports import privacy as pv
from reports.afgeleide_cijfers import per1000, verschil, verschil_pct
from reports.cijfers import Cijfers, som, tussen
from reports.model import Kolom, Tabel
from reports.periode import maand


def kerncijfers_tabel(cur, prev, kort, vkort, drempel) -> Tabel:
    rijen_def = [
        ("Cliënten in zorg aan het begin van de periode", "aantal", "stand_begin"),
        ("Instroom", "aantal", "instroom"),
        ("waarvan nieuwe cliënten", "aantal", "nieuwe_clienten"),
        ("Uitstroom", "aantal", "uitstroom"),
        ("waarvan naar de Wlz", "aantal", "uitstroom_wlz"),
        ("Cliënten in zorg aan het eind van de periode", "aantal", "stand_eind"),
        ("waarvan zorg in natura (ZIN)", "aantal", "stand_ZIN"),
        ("waarvan persoonsgebonden budget (PGB)", "aantal", "stand_PGB"),
        ("Kosten ZIN (gerealiseerd)", "eur", "kosten_ZIN"),
        ("Kosten PGB (gerealiseerd)", "eur", "kosten_PGB"),
        ("Kosten totaal (gerealiseerd)", "eur", "kosten"),
    ]
    matrix = [[lab, cur[k], prev[k]] for lab, _, k in rijen_def]
    tellen = {i for i, (_, s, _) in enumerate(rijen_def) if s == "aantal"}
    matrix = pv.scherm_af(matrix, {1, 2}, [[(6, 1), (7, 1)], [(6, 2), (7, 2)]], drempel, rijen=tellen)
    for r in matrix:
        r += [verschil(r[1], r[2]), verschil_pct(r[1], r[2])]
    return Tabel("kerncijfers", "Kerncijfers", "Kerncijfers",
                 [Kolom("Indicator"), Kolom(kort, "rij"), Kolom(vkort, "rij"), Kolom("Verschil", "rij"),
                  Kolom("Verschil %", "pct")], matrix, rij_soort=[s for _, s, _ in rijen_def])


def per_gemeente_tabel(cm, sm, km, iw, namen, codes, van, tot, jaar, kort, drempel) -> Tabel:
    rijen = []
    for code in sorted(codes, key=lambda c: namen.get(c, c)):
        c = Cijfers(cm[cm["gemeente_code"] == code] if not cm.empty else cm,
                     sm[sm["gemeente_code"] == code] if not sm.empty else sm,
                     km[km["gemeente_code"] == code] if not km.empty else km,
                     pd.DataFrame(), pd.DataFrame(),
                     iw[iw["gemeente_code"] == code] if not iw.empty else iw)
        st, inw = c.stand(tot), c.inwoners(jaar)
        s, k = tussen(c.sm, van, tot), tussen(c.km, van, tot)
        rijen.append([namen.get(code, code), code, inw, st, int(som(s, "instroom")), int(som(s, "uitstroom")),
                      int(som(s, "uitstroom_wlz")), som(k, "kosten_eur")])
    n = len(rijen)
    totaal = ["Regio (totaal)", "", sum(r[2] for r in rijen)] + [sum(r[j] for r in rijen) for j in range(3, 8)]
    matrix = pv.scherm_af(rijen + [totaal], {3, 4, 5, 6}, pv.kolomgroepen(range(n), [3, 4, 5, 6]), drempel)
    uit = []
    for r in matrix:
        uit.append(r[:4] + [per1000(r[3], r[2])] + r[4:8] + [r[7] / r[2] if r[2] else None])
    return Tabel("per_gemeente", f"Kerncijfers per gemeente, {kort}", "Per gemeente",
                 [Kolom("Gemeente"), Kolom("Gemeentecode"), Kolom(f"Inwoners 1 januari {jaar}", "aantal"),
                  Kolom(f"Cliënten in zorg {formats.datum_kort(tot)}", "aantal"), Kolom("Cliënten per 1.000 inwoners", "per1000"),
                  Kolom("Instroom", "aantal"), Kolom("Uitstroom", "aantal"), Kolom("waarvan naar de Wlz", "aantal"),
                  Kolom("Kosten (gerealiseerd)", "eur"), Kolom("Kosten per inwoner", "eur2")],
                 uit, totaalrij=True)


def vergelijking_tabel(cur, prev, rm, ri, naam, van, tot, vvan, vtot, jaar, kort, vkort, drempel) -> Tabel:
    def regio_periode(a, b, j):
        r = tussen(rm, a, b)
        stand = int(rm.loc[rm["maand"] == maand(b), "actief"].sum()) if not rm.empty else 0
        inw = int(ri.loc[ri["jaar"] == j, "inwoners_1_januari"].sum()) if not ri.empty else 0
        return {"stand_eind": stand, "instroom": int(som(r, "instroom")),
                "nieuwe_clienten": int(som(r, "nieuwe_clienten")), "uitstroom": int(som(r, "uitstroom")),
                "uitstroom_wlz": int(som(r, "uitstroom_wlz")),
                "kosten": som(r, "kosten_zin_eur") + som(r, "kosten_pgb_eur"), "inwoners": inw}
    rc, rp = regio_periode(van, tot, jaar), regio_periode(vvan, vtot, jaar - 1)
    defs = [("Cliënten in zorg aan het eind van de periode", "stand_eind"), ("Instroom", "instroom"),
            ("waarvan nieuwe cliënten", "nieuwe_clienten"), ("Uitstroom", "uitstroom"),
            ("waarvan naar de Wlz", "uitstroom_wlz")]
    # counts first (suppressed), then the rates derived from them
    tel = [[lab, cur[k], rc[k], prev[k], rp[k]] for lab, k in defs]
    tel = pv.scherm_af(tel, {1, 2, 3, 4}, [], drempel)
    rijen = [["Inwoners (1 januari)", cur["inwoners"], None, rc["inwoners"], None, None, None]]
    for r in tel:
        rijen.append([r[0], r[1], per1000(r[1], cur["inwoners"]), r[2], per1000(r[2], rc["inwoners"]),
                      per1000(r[3], prev["inwoners"]), per1000(r[4], rp["inwoners"])])
    rijen.append(["Kosten per inwoner (euro)", None, per1000(cur["kosten"], cur["inwoners"] * 1000),
                  None, per1000(rc["kosten"], rc["inwoners"] * 1000),
                  per1000(prev["kosten"], prev["inwoners"] * 1000), per1000(rp["kosten"], rp["inwoners"] * 1000)])
    return Tabel("vergelijking", f"{naam} en de regio per 1.000 inwoners", "Gemeente en regio",
                 [Kolom("Indicator"), Kolom(f"{naam} {kort}", "aantal"), Kolom(f"{naam} per 1.000", "per1000"),
                  Kolom(f"Regio {kort}", "aantal"), Kolom("Regio per 1.000", "per1000"),
                  Kolom(f"{naam} per 1.000 {vkort}", "per1000"), Kolom(f"Regio per 1.000 {vkort}", "per1000")],
                 rijen, toelichting="Per 1.000 inwoners: gedeeld door de CBS-bevolking op 1 januari van het jaar. "
                                    "De laatste regel is in euro per inwoner.")

