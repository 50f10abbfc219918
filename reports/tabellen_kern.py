"""Section 1, kerncijfers: the period next to the previous one, and per municipality (region
report) or next to the region's totals per 1.000 inhabitants (municipality report). Counts are
published by kern.afscherming, each on its own (see reports/afgeleide_cijfers.py)."""
from __future__ import annotations

import pandas as pd

from kern import formats
from kern.afscherming import Afscherming
from kern.kalender import eerste_van_maand
from reports.afgeleide_cijfers import per1000, verschil, verschil_pct
from reports.cijfers import Cijfers, som, tussen
from reports.model import Kolom, Tabel


def kerncijfers_tabel(cur, prev, kort, vkort, a: Afscherming) -> Tabel:
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
    matrix = []
    for lab, soort, k in rijen_def:
        x, y = cur[k], prev[k]
        if soort == "aantal":  # each count rounded on its own; the changes from the rounded counts
            matrix.append([lab, a.aantal(x), a.aantal(y), verschil(a, x, y), verschil_pct(a, x, y)])
        else:  # euro amounts: exact
            matrix.append([lab, x, y, x - y, (x - y) / y if y else None])
    return Tabel("kerncijfers", "Kerncijfers", "Kerncijfers",
                 [Kolom("Indicator"), Kolom(kort, "rij"), Kolom(vkort, "rij"), Kolom("Verschil", "rij"),
                  Kolom("Verschil %", "pct")], matrix, rij_soort=[s for _, s, _ in rijen_def])


def per_gemeente_tabel(cm, sm, km, iw, namen, codes, van, tot, jaar, kort, a: Afscherming) -> Tabel:
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
    totaal = ["Regio (totaal)", "", sum(r[2] for r in rijen)] + [sum(r[j] for r in rijen) for j in range(3, 8)]
    uit = []
    for r in rijen + [totaal]:  # the total is rounded on its own, not summed from rounded cells
        naam, code, inw, st, instroom, uitstroom, wlz, kosten = r
        uit.append([naam, code, inw, a.aantal(st), per1000(a, st, inw), a.aantal(instroom), a.aantal(uitstroom),
                    a.aantal(wlz), kosten, kosten / inw if inw else None])
    return Tabel("per_gemeente", f"Kerncijfers per gemeente, {kort}", "Per gemeente",
                 [Kolom("Gemeente"), Kolom("Gemeentecode"), Kolom(f"Inwoners 1 januari {jaar}", "aantal"),
                  Kolom(f"Cliënten in zorg {formats.datum_kort(tot)}", "aantal"), Kolom("Cliënten per 1.000 inwoners", "per1000"),
                  Kolom("Instroom", "aantal"), Kolom("Uitstroom", "aantal"), Kolom("waarvan naar de Wlz", "aantal"),
                  Kolom("Kosten (gerealiseerd)", "eur"), Kolom("Kosten per inwoner", "eur2")],
                 uit, totaalrij=True)


def vergelijking_tabel(cur, prev, rm, ri, naam, van, tot, vvan, vtot, jaar, kort, vkort, a: Afscherming) -> Tabel:
    def regio_periode(begin, eind, j):
        r = tussen(rm, begin, eind)
        stand = int(rm.loc[rm["maand"] == eerste_van_maand(eind), "actief"].sum()) if not rm.empty else 0
        inw = int(ri.loc[ri["jaar"] == j, "inwoners_1_januari"].sum()) if not ri.empty else 0
        return {"stand_eind": stand, "instroom": int(som(r, "instroom")),
                "nieuwe_clienten": int(som(r, "nieuwe_clienten")), "uitstroom": int(som(r, "uitstroom")),
                "uitstroom_wlz": int(som(r, "uitstroom_wlz")),
                "kosten": som(r, "kosten_zin_eur") + som(r, "kosten_pgb_eur"), "inwoners": inw}
    rc, rp = regio_periode(van, tot, jaar), regio_periode(vvan, vtot, jaar - 1)
    defs = [("Cliënten in zorg aan het eind van de periode", "stand_eind"), ("Instroom", "instroom"),
            ("waarvan nieuwe cliënten", "nieuwe_clienten"), ("Uitstroom", "uitstroom"),
            ("waarvan naar de Wlz", "uitstroom_wlz")]
    # counts rounded, the rates computed from the rounded counts; population and euros exact
    rijen = [["Inwoners (1 januari)", cur["inwoners"], None, rc["inwoners"], None, None, None]]
    for lab, k in defs:
        rijen.append([lab, a.aantal(cur[k]), per1000(a, cur[k], cur["inwoners"]), a.aantal(rc[k]),
                      per1000(a, rc[k], rc["inwoners"]), per1000(a, prev[k], prev["inwoners"]),
                      per1000(a, rp[k], rp["inwoners"])])
    rijen.append(["Kosten per inwoner (euro)", None, _per_inwoner(cur), None, _per_inwoner(rc), _per_inwoner(prev),
                  _per_inwoner(rp)])
    return Tabel("vergelijking", f"{naam} en de regio per 1.000 inwoners", "Gemeente en regio",
                 [Kolom("Indicator"), Kolom(f"{naam} {kort}", "aantal"), Kolom(f"{naam} per 1.000", "per1000"),
                  Kolom(f"Regio {kort}", "aantal"), Kolom("Regio per 1.000", "per1000"),
                  Kolom(f"{naam} per 1.000 {vkort}", "per1000"), Kolom(f"Regio per 1.000 {vkort}", "per1000")],
                 rijen, toelichting="Per 1.000 inwoners: het getoonde aantal gedeeld door de CBS-bevolking op 1 januari "
                                    "van het jaar, maal 1.000. "
                                    "De laatste regel is in euro per inwoner.")


def _per_inwoner(p: dict):
    return p["kosten"] / p["inwoners"] if p["inwoners"] else None
