"""Section 7, doordecentralisatie: the budget under the ingroeipad against the report's own BW costs
(and the result if the budget were objective today), and the split of stand and costs over
overgangscliënten and nieuwe cliënten. Euro amounts are exact; counts are published by
kern.afscherming like every count in a report."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from kern import data, formats
from kern.afscherming import Afscherming
from kern.data import Selectie
from kern.kalender import eerste_van_maand
from reports.model import Grafiek, Kolom, Sectie, Tabel

TITEL = "8. Doordecentralisatie"
KLEUREN = ("#999999", "#009E73")      # historisch (grey, shrinking), objectief (green, growing)
O, N = "overgangscliënt", "nieuwe cliënt"


def _getal(x):
    return None if x is None or pd.isna(x) else float(x)


def budget_onderdelen(eigen: frozenset, jaar: int, naam: str) -> tuple[list, list[str]]:
    """The ingroeipad table and chart for the report's municipalities (summed), and the notes."""
    df = data.budget_jaar(eigen, Selectie())
    if df.empty or not df["budget_aangeleverd"].any():
        return [], [("De levering bevat geen budgetbestand (het ingroeipad per gemeente zoals het Rijk het publiceert); "
                    "daarom staat hier geen budget.")]
    zonder = sorted(set(df.loc[~df["budget_aangeleverd"], "gemeente_naam"].dropna()))
    met = df[df["budget_aangeleverd"]]
    som = met.groupby("jaar")[["historisch_eur", "objectief_eur", "totaal_eur", "objectief_eind_eur"]].sum(min_count=1)
    kosten = df.groupby("jaar")[["kosten_gerealiseerd_eur", "kosten_prognose_eur"]].sum(min_count=1)
    t = som.join(kosten, how="left").reset_index()
    rijen = []
    for r in t.itertuples():
        k = None if pd.isna(r.kosten_gerealiseerd_eur) else r.kosten_gerealiseerd_eur + r.kosten_prognose_eur
        rijen.append([str(r.jaar), _getal(r.historisch_eur), _getal(r.objectief_eur), _getal(r.totaal_eur),
                      _getal(r.kosten_gerealiseerd_eur), _getal(r.kosten_prognose_eur), _getal(k),
                      None if k is None else float(r.totaal_eur - k),
                      None if k is None or pd.isna(r.objectief_eind_eur) else float(r.objectief_eind_eur - k)])
    eind = df["objectief_eindjaar"].dropna()
    eindjaar = int(eind.iloc[0]) if len(eind) else None
    tabel = Tabel("budget", f"Budget volgens het ingroeipad tegenover de eigen kosten · {naam}", "Budget ingroeipad",
                  [Kolom("Jaar"), Kolom("Historisch deel", "eur"), Kolom("Objectief deel", "eur"),
                   Kolom("Budget totaal", "eur"), Kolom("Kosten gerealiseerd", "eur"), Kolom("Kosten prognose", "eur"),
                   Kolom("Kosten totaal", "eur"), Kolom("Budget min kosten", "eur"),
                   Kolom("Resultaat bij objectief budget", "eur")], rijen,
                  toelichting=("Kosten: cliëntgebonden kosten BW naar gemeente van herkomst, gerealiseerd en (voor "
                               f"{jaar}) de prognose tot 31 december; na dat jaar nog geen kosten. Resultaat bij "
                               "objectief budget: het objectieve deel in "
                               + (f"{eindjaar} (het eerste jaar zonder historisch deel)" if eindjaar else
                                  "het eindjaar (niet in de levering)") + " min de eigen kosten van het jaar."))
    grafiek = Grafiek("budget-grafiek", "Ingroeipad: historisch deel en objectief deel per jaar", "gestapeld",
                      [str(j) for j in t["jaar"]],
                      [("Historisch deel", [float(v) for v in t["historisch_eur"].fillna(0)]),
                       ("Objectief deel", [float(v) for v in t["objectief_eur"].fillna(0)])],
                      eenheid="eur", kleuren=KLEUREN)
    alineas = [("Vanaf de doordecentralisatie gaat het geld voor beschermd wonen in tien jaar van een historische naar "
                "een objectieve verdeling over alle gemeenten (het ingroeipad). Het historische deel is het budget "
                "van de centrumgemeente; het betaalt de zorg van de overgangscliënten van de hele regio.")]
    if zonder:
        alineas.append(f"Geen budget aangeleverd voor: {', '.join(zonder)} (niet als 0 meegeteld).")
    return [tabel, grafiek], alineas


def cohort_onderdelen(eigen: frozenset, van: dt.date, tot: dt.date, namen: dict, a: Afscherming,
                      overgangsdatum: dt.date | None, regio: str) -> tuple[list, list[str]]:
    """Stand at the end of the period and costs in the period, per municipality and cohort."""
    if overgangsdatum is None:
        return [], [(f"Voor regio {regio} is geen overgangsdatum ingesteld; overgangscliënten en nieuwe cliënten "
                    "zijn niet te onderscheiden.")]
    if overgangsdatum > tot:
        return [], [(f"De overgangsdatum van regio {regio} is {formats.datum(overgangsdatum)} en ligt na het einde van "
                    "deze periode: er zijn nog geen nieuwe cliënten in de zin van de doordecentralisatie.")]
    df = data.cohort_maand(eigen, Selectie(van=eerste_van_maand(van), tot=eerste_van_maand(tot)))
    df = df.assign(maand=pd.to_datetime(df["maand"]).dt.date)
    laatste = df[df["maand"] == eerste_van_maand(tot)]
    rijen, totaal = [], {"so": 0, "sn": 0, "ko": 0.0, "kn": 0.0}
    for code in sorted(eigen, key=lambda c: namen.get(c, c)):
        st = laatste[laatste["gemeente_code"] == code].groupby("cohort")["actief"].sum()
        ko = df[df["gemeente_code"] == code].groupby("cohort")["kosten_eur"].sum()
        so, sn, k_o, k_n = int(st.get(O, 0)), int(st.get(N, 0)), float(ko.get(O, 0.0)), float(ko.get(N, 0.0))
        for sleutel, w in (("so", so), ("sn", sn), ("ko", k_o), ("kn", k_n)):
            totaal[sleutel] += w
        rijen.append([namen.get(code, code), a.aantal(so), a.aantal(sn), k_o, k_n])
    if len(rijen) > 1:
        rijen.append(["Totaal", a.aantal(totaal["so"]), a.aantal(totaal["sn"]), totaal["ko"], totaal["kn"]])
    tabel = Tabel("cohorten", f"Overgangscliënten en nieuwe cliënten · stand {formats.datum(tot)}", "Cohorten",
                  [Kolom("Gemeente"), Kolom("Overgangscliënten", "aantal"), Kolom("Nieuwe cliënten", "aantal"),
                   Kolom("Kosten overgangscliënten", "eur"), Kolom("Kosten nieuwe cliënten", "eur")], rijen,
                  totaalrij=len(rijen) > 1,
                  toelichting=(f"Stand op {formats.datum(tot)}; kosten: gerealiseerd van {formats.datum(van)} t/m "
                               f"{formats.datum(tot)} (ZIN naar maand van levering, PGB besteed)."))
    return [tabel], [(f"Overgangsdatum van regio {regio}: {formats.datum(overgangsdatum)}. Een overgangscliënt was op "
                      "die dag in zorg of had beschermd wonen in de 365 dagen ervoor; een nieuwe cliënt stroomt daarna "
                      "in zonder beschermd wonen in de regio in de 365 dagen ervoor (VNG-definitie) en is van de "
                      "gemeente van herkomst.")]


def doordecentralisatie_sectie(eigen: frozenset, scope, jaar: int, van: dt.date, tot: dt.date, naam: str,
                               namen: dict, a: Afscherming, regio: str) -> Sectie:
    info = data.doordecentralisatie_info(scope)
    budget, b_alineas = budget_onderdelen(eigen, jaar, naam)
    cohorten, c_alineas = cohort_onderdelen(eigen, van, tot, namen, a, info.get("overgangsdatum"), regio)
    return Sectie(TITEL, b_alineas + c_alineas, budget + cohorten)
