"""Section 7, maatschappelijke opvang (issue 13): the MO clients, flows and shifts of the report's
municipalities next to the same period a year earlier, their MO costs, and the region's MO
result against the 5% uitvoeringsnorm with the Reserve MO (convenant art. 8.3 and 8.7).
Counts are published by kern.afscherming as in the other sections; euro amounts are exact."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from kern import data, formats
from kern.afscherming import Afscherming
from kern.data import Selectie
from kern.kalender import eerste_van_maand, maand_ervoor
from reports.afgeleide_cijfers import verschil, verschil_pct
from reports.cijfers import datums, som, tussen
from reports.model import Kolom, Sectie, Tabel


def _stand(cm: pd.DataFrame, m: dt.date, vorm: str | None = None) -> int:
    if cm.empty:
        return 0
    df = cm[cm["maand"] == eerste_van_maand(m)]
    if vorm:
        df = df[df["opvangvorm"] == vorm]
    return int(df["actief"].sum())


def mo_cijfers(cm, sm, og, km, van: dt.date, tot: dt.date) -> dict:
    """The MO figures of one period from the monthly MO marts of the report's municipalities."""
    s, o, k = tussen(sm, van, tot), tussen(og, van, tot), tussen(km, van, tot)
    richting = (lambda r: int(o.loc[o["richting"] == r, "aantal"].sum()) if not o.empty else 0)
    return {"stand_begin": _stand(cm, maand_ervoor(van)), "instroom": int(som(s, "instroom")),
            "nieuwe_clienten": int(som(s, "nieuwe_clienten")), "uitstroom": int(som(s, "uitstroom")),
            "stand_eind": _stand(cm, tot), "opvang": _stand(cm, tot, "Opvang"),
            "spoedopvang": _stand(cm, tot, "Spoedopvang"), "mo_naar_bw": richting("MO naar BW"),
            "bw_naar_mo": richting("BW naar MO"), "kosten": som(k, "kosten_eur")}


RIJEN = [
    ("Cliënten in de opvang aan het begin van de periode", "aantal", "stand_begin"),
    ("Instroom", "aantal", "instroom"),
    ("waarvan nieuwe cliënten", "aantal", "nieuwe_clienten"),
    ("Uitstroom", "aantal", "uitstroom"),
    ("Cliënten in de opvang aan het eind van de periode", "aantal", "stand_eind"),
    ("waarvan opvang", "aantal", "opvang"),
    ("waarvan spoedopvang", "aantal", "spoedopvang"),
    ("Van opvang naar beschermd wonen", "aantal", "mo_naar_bw"),
    ("Van beschermd wonen naar opvang", "aantal", "bw_naar_mo"),
    ("Kosten opvang (gerealiseerd)", "eur", "kosten"),
]


def mo_kerncijfers_tabel(cur: dict, prev: dict, kort: str, vkort: str, a: Afscherming) -> Tabel:
    matrix = []
    for lab, soort, k in RIJEN:
        x, y = cur[k], prev[k]
        if soort == "aantal":
            matrix.append([lab, a.aantal(x), a.aantal(y), verschil(a, x, y), verschil_pct(a, x, y)])
        else:
            matrix.append([lab, x, y, x - y, (x - y) / y if y else None])
    return Tabel("mo_kerncijfers", "Maatschappelijke opvang: kerncijfers", "Opvang",
                 [Kolom("Indicator"), Kolom(kort, "rij"), Kolom(vkort, "rij"), Kolom("Verschil", "rij"),
                  Kolom("Verschil %", "pct")], matrix, rij_soort=[s for _, s, _ in RIJEN],
                 toelichting="Opvang en spoedopvang, geteld zoals beschermd wonen maar apart daarvan. Een "
                             "verschuiving: een episode in de ene groep eindigt en binnen 30 dagen begint er een in "
                             "de andere.")


def mo_resultaat_tabel(res: pd.DataFrame, jaar: int) -> Tabel:
    res = res[res["jaar"] <= jaar] if not res.empty else res
    kol = ["baten_eur", "clientgebonden_kosten_eur", "clientgebonden_prognose_eur", "uitvoeringskosten_eur",
           "uitvoeringsnorm_eur", "resultaat_eur", "onttrekking_eur", "reserve_begin_eur", "reserve_eind_eur"]
    rijen = [[int(r["jaar"]), *[None if pd.isna(r[k]) else float(r[k]) for k in kol]] for _, r in res.iterrows()]
    return Tabel("mo_resultaat", "Resultaat maatschappelijke opvang en Reserve MO (regio)", "Opvang resultaat",
                 [Kolom("Jaar"), Kolom("Decentralisatie-uitkering MO", "eur"), Kolom("Cliëntgebonden kosten", "eur"),
                  Kolom("waarvan prognose", "eur"), Kolom("Uitvoeringskosten", "eur"),
                  Kolom("Uitvoeringsnorm (5%)", "eur"), Kolom("Resultaat", "eur"), Kolom("Onttrekking", "eur"),
                  Kolom("Reserve MO 1 januari", "eur"), Kolom("Reserve MO 31 december", "eur")], rijen,
                 toelichting="Resultaat = uitkering − cliëntgebonden kosten − uitvoeringskosten. Het uitvoeringsbudget "
                             "is 5% van de uitkering (art. 8.3). Het resultaat wordt niet verdeeld maar met de Reserve "
                             "MO verrekend (art. 8.7): reserve eind = begin + resultaat − onttrekking. Het lopende "
                             "jaar bevat een prognose.")


def opvang_sectie(eigen: frozenset, scope, van, tot, vvan, vtot, jaar, kort, vkort, a: Afscherming,
                  nummer: int = 7) -> Sectie:
    venster = Selectie(van=dt.date(jaar - 2, 12, 1), tot=eerste_van_maand(tot))
    cm = datums(data.mo_clienten_maand(eigen, venster))
    sm = datums(data.mo_stromen_maand(eigen, venster))
    og = datums(data.doelgroep_overgangen_maand(eigen, venster))
    km = datums(data.mo_kosten_maand(eigen, venster))
    cur, prev = mo_cijfers(cm, sm, og, km, van, tot), mo_cijfers(cm, sm, og, km, vvan, vtot)
    res = data.mo_resultaat_jaar(scope)
    tabel = mo_resultaat_tabel(res, jaar)
    r = res[res["jaar"] == jaar] if not res.empty else res
    alineas = [(f"De maatschappelijke opvang van {kort} naast {vkort}: cliënten, stromen, de verschuivingen tussen "
               "opvang en beschermd wonen en de kosten.")]
    if len(r):
        r = r.iloc[0]
        norm = "boven" if r["uitvoeringskosten_eur"] > r["uitvoeringsnorm_eur"] else "binnen"
        alineas.append(f"Het resultaat op de opvang in {jaar} (regio) is {formats.eur(r['resultaat_eur'])}; de "
                       f"uitvoeringskosten ({formats.eur(r['uitvoeringskosten_eur'])}) blijven {norm} de norm van 5% "
                       f"({formats.eur(r['uitvoeringsnorm_eur'])})"
                       + ("." if pd.isna(r["reserve_eind_eur"]) else
                          f"; de Reserve MO staat eind {jaar} op {formats.eur(r['reserve_eind_eur'])}."))
    return Sectie(f"{nummer}. Maatschappelijke opvang", alineas, [mo_kerncijfers_tabel(cur, prev, kort, vkort, a), tabel])
