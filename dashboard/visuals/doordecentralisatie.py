"""Doordecentralisatie: the budget under the ingroeipad against the municipality's own costs, the
woonplaatsbeginsel (who lives where, who pays), and overgangscliënten against nieuwe cliënten.

Amounts are money (shown exactly, `af.VRIJ`); client counts are `af.AANTAL`, published by
kern/afscherming.py like every other count. What the delivery lacks (no budget file, no
Gemeentecode_verblijf, no transition date) is said, never filled in."""
from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pandas as pd

from dashboard.components.visual import Visual, visual
from dashboard.figures import doordecentralisatie as fig_dd
from dashboard.figures.basis import leeg
from dashboard.request_context import Context
from dashboard.visuals.gemeente import gemeente_code
from kern import afscherming as af
from kern import data, formats, kalender

O, N = fig_dd.COHORTEN
EUR = "eur"


def _budget(ctx: Context) -> dict[str, list[dict]]:
    """The budget section, one query for the three budget visuals (warehouse/queries/
    doordecentralisatie_budget.sql): 'gemeente', a row per year x allowed gemeente of the selection
    with its name, ordered by year and name; 'regio', the region's totals per year."""
    return ctx.onthoud("dd_budget", lambda: _met_namen(ctx, data.budget_sectie(
        ctx.scope, ctx.selectie(tussenvorm=False, levering=False))))


def _met_namen(ctx: Context, sectie: dict[str, list[dict]]) -> dict[str, list[dict]]:
    namen = ctx.gemeente_namen()
    rijen = [{**r, "jaar": int(r["jaar"]), "gemeente_naam": namen.get(r["gemeente_code"])}
             for r in sectie.get("gemeente", [])]
    rijen.sort(key=lambda r: (r["jaar"], r["gemeente_naam"] is None, r["gemeente_naam"] or ""))
    return {**sectie, "gemeente": rijen}


def _leeg_visual(vid: str, titel: str, melding: str) -> Visual:
    return Visual(vid, titel, pd.DataFrame({"Melding": [melding]}), melding, figuur=leeg(melding, 200),
                  kolommen={"Melding": af.VRIJ})


GEEN_BUDGET = ("De levering bevat geen budgetbestand (soort budget: het ingroeipad per gemeente zoals het Rijk "
               "het publiceert). Zonder dat bestand toont de monitor geen budget.")

NAN = float("nan")


def _bedrag(x) -> float:
    """An amount of a section's rows as a float; NaN when missing (as the frames had it)."""
    return NAN if x is None or pd.isna(x) else float(x)


_BUDGET = ("historisch_eur", "objectief_eur", "totaal_eur")
_KOSTEN = ("kosten_gerealiseerd_eur", "kosten_prognose_eur")


def _som(waarden) -> tuple[float, int]:
    """(sum, number of values) of floats, NaN skipped, as pandas' groupby sum adds them (its
    group_sum in pandas/_libs/groupby.pyx): Kahan-compensated, with the compensation reset to 0
    when it turns NaN (an infinite amount). The last bits of the amounts are part of the page's
    figures, so a plain `sum` or `math.fsum` would change them."""
    s = c = 0.0
    n = 0
    for v in waarden:
        if not math.isnan(v):  # NaN is no value
            n += 1
            y = v - c
            t = s + y
            c = t - s - y
            if math.isnan(c):
                c = 0.0
            s = t
    return s, n


def _budget_per_jaar(rijen: list[dict]) -> list[dict]:
    """Per year (ascending, only years with a delivered budget) the delivered budgets summed and the
    costs of all gemeenten summed (NaN when none is known), with their totals. The rows come in
    year and name order; each year's amounts are added in that order, as pandas' groupby summed
    them when this was a frame (`_som`), without building one per request."""
    per_jaar: dict[int, list[dict]] = {}
    for r in rijen:
        per_jaar.setdefault(r["jaar"], []).append(r)
    jaren = []
    for jaar in sorted(per_jaar):
        alle = per_jaar[jaar]
        met = [r for r in alle if r["budget_aangeleverd"]]
        if not met:  # no delivered budget this year: no row
            continue
        uit: dict = {"jaar": int(jaar)}
        for k in _BUDGET:  # min_count 0: a year whose budgets are all missing sums to 0.0
            uit[k] = _som(_bedrag(r[k]) for r in met)[0]
        for k in _KOSTEN:  # min_count 1: NaN when no gemeente's costs are known
            som, n = _som(_bedrag(r[k]) for r in alle)
            uit[k] = som if n else NAN
        uit["kosten_eur"] = uit["kosten_gerealiseerd_eur"] + uit["kosten_prognose_eur"]  # NaN when either is
        uit["verschil_eur"] = uit["totaal_eur"] - uit["kosten_eur"]
        jaren.append(uit)
    return jaren


@visual("dd-budget")
def budget_visual(ctx: Context) -> Visual:
    rijen = _budget(ctx).get("gemeente", [])
    jaren = _budget_per_jaar(rijen)
    if not jaren:  # no allowed gemeente delivered a budget
        return _leeg_visual("dd-budget", "Budget volgens het ingroeipad", GEEN_BUDGET)
    zonder = sorted({r["gemeente_naam"] for r in rijen if not r["budget_aangeleverd"] and isinstance(r["gemeente_naam"], str)})
    kolom = {"Jaar": "jaar", "Historisch deel": "historisch_eur", "Objectief deel": "objectief_eur",
             "Budget totaal": "totaal_eur", "Kosten gerealiseerd": "kosten_gerealiseerd_eur",
             "Kosten prognose": "kosten_prognose_eur", "Kosten totaal": "kosten_eur",
             "Budget min kosten": "verschil_eur"}
    tabel = pd.DataFrame({kop: [r[k] for r in jaren] for kop, k in kolom.items()})
    wie = ctx.selectie_label()
    peiljaar = ctx.info["peildatum"].year
    nu = next((r for r in jaren if r["jaar"] == peiljaar), None)
    tekst = (f"Budget beschermd wonen volgens het ingroeipad, {wie}, {jaren[0]['jaar']}–{jaren[-1]['jaar']}: "
             + "; ".join(f"{r['jaar']} {formats.eur(r['totaal_eur'])}" for r in jaren) + ".")
    if nu is not None and not pd.isna(nu["kosten_eur"]):
        tekst += (f" In {peiljaar}: budget {formats.eur(nu['totaal_eur'])} tegenover eigen kosten "
                  f"{formats.eur(nu['kosten_eur'])} (waarvan prognose {formats.eur(nu['kosten_prognose_eur'])}): "
                  f"verschil {formats.eur(nu['verschil_eur'])}.")
    toelichting = ("Historisch deel: het budget van de centrumgemeente, dat tot het einde van het ingroeipad "
                   "afneemt; het betaalt de zorg van de overgangscliënten van de hele regio. Objectief deel: naar "
                   "het objectieve verdeelmodel. Eigen kosten: cliëntgebonden kosten BW naar gemeente van "
                   "herkomst (gerealiseerd, en prognose tot 31 december voor het lopende jaar).")
    if zonder:
        toelichting += f" Geen budget aangeleverd voor: {', '.join(zonder)} (niet als 0 meegeteld)."
    return Visual("dd-budget", f"Budget volgens het ingroeipad · {wie}", tabel, tekst, figuur=fig_dd.ingroeipad(jaren),
                  kolommen=af.bedragen(tabel), opmaak={c: EUR for c in tabel.columns if c != "Jaar"},
                  toelichting=toelichting, breed=True)


@visual("dd-objectief")
def objectief_visual(ctx: Context) -> Visual:
    jaar = ctx.info["peildatum"].year
    rijen = sorted((r for r in _budget(ctx).get("gemeente", []) if r["jaar"] == jaar), key=lambda r: r["gemeente_naam"])
    titel = f"Als het budget vandaag objectief was · {jaar}"
    if not rijen:
        return _leeg_visual("dd-objectief", titel, GEEN_BUDGET)
    eind = next((int(r["objectief_eindjaar"]) for r in rijen if not pd.isna(r["objectief_eindjaar"])), None)
    tabel = pd.DataFrame({
        "Gemeente": [r["gemeente_naam"] for r in rijen], "Gemeentecode": [r["gemeente_code"] for r in rijen],
        "Budget ingroeipad": [_bedrag(r["totaal_eur"]) for r in rijen],
        "Eigen kosten": [_bedrag(r["kosten_eur"]) for r in rijen],
        "Resultaat ingroeipad": [_bedrag(r["verschil_eur"]) for r in rijen],
        f"Objectief budget {eind or ''}".strip(): [_bedrag(r["objectief_eind_eur"]) for r in rijen],
        "Resultaat bij objectief budget": [_bedrag(r["verschil_objectief_eur"]) for r in rijen],
        "Budget aangeleverd": ["ja" if r["budget_aangeleverd"] else "nee" for r in rijen]})
    tekst = (f"Per gemeente het resultaat {jaar} (budget min eigen kosten) onder het ingroeipad en bij een volledig "
             "objectief budget: " + "; ".join(
                 f"{g}: {formats.eur(a) if pd.notna(a) else 'geen budget'}"
                 for g, a in zip(tabel["Gemeente"], tabel["Resultaat bij objectief budget"])) + ".")
    toelichting = (f"Objectief budget: het objectieve deel in {eind}, het eerste jaar zonder historisch deel (het einde "
                   "van het ingroeipad), tegenover de eigen kosten van dit jaar." if eind else
                   "Het ingroeipad in de levering loopt niet tot het jaar zonder historisch deel; het objectieve "
                   "eindbudget is daarom niet bekend.")
    return Visual("dd-objectief", titel, tabel, tekst, kolommen=af.bedragen(tabel),
                  opmaak={c: EUR for c in tabel.columns if c not in ("Gemeente", "Gemeentecode", "Budget aangeleverd")},
                  toelichting=toelichting, tabel_open=True, breed=True)


@visual("dd-regio")
def regio_visual(ctx: Context) -> Visual:
    rijen = _budget(ctx).get("regio", [])
    titel = f"Regio {ctx.info['regio']}: budget, baten en resultaat"
    if not rijen:
        return _leeg_visual("dd-regio", titel, GEEN_BUDGET)
    tabel = pd.DataFrame({"Jaar": [int(r["jaar"]) for r in rijen],
                          "Budget ingroeipad (som gemeenten)": [_bedrag(r["totaal_eur"]) for r in rijen],
                          "Integratie-uitkering BW (baten)": [_bedrag(r["baten_eur"]) for r in rijen],
                          "Kosten cliëntgebonden": [_bedrag(r["kosten_eur"]) for r in rijen],
                          "Budget min kosten": [_bedrag(r["verschil_eur"]) for r in rijen],
                          "Resultaat BW": [_bedrag(r["resultaat_eur"]) for r in rijen],
                          "Versie resultaat": ["" if pd.isna(r["versie"]) else r["versie"] for r in rijen]})
    tekst = ("Het ingroeipad van de regio (som van de gemeenten) tegenover de baten en het resultaat BW: " + "; ".join(
        f"{j} budget {formats.eur(b)}" + (f", resultaat {formats.eur(r)}" if pd.notna(r) else "")
        for j, b, r in zip(tabel["Jaar"], tabel["Budget ingroeipad (som gemeenten)"], tabel["Resultaat BW"])) + ".")
    zonder = max(int(r["gemeenten_zonder_budget"]) for r in rijen)
    toelichting = ("Regiototaal = het historische deel van de centrumgemeente plus de objectieve delen van alle "
                   "gemeenten. Baten en resultaat: Financiën (meest definitieve versie per jaar).")
    if zonder:
        toelichting += " Niet van alle gemeenten is een budget aangeleverd: de som is onvolledig."
    return Visual("dd-regio", titel, tabel, tekst, kolommen=af.bedragen(tabel),
                  opmaak={c: EUR for c in tabel.columns if c not in ("Jaar", "Versie resultaat")},
                  toelichting=toelichting, tabel_open=True, breed=True)


GEEN_VERBLIJF = ("De levering bevat geen Gemeentecode_verblijf: waar de cliënten tijdens de zorg wonen is niet "
                 "bekend. De monitor vult dat niet zelf in.")


def _maand_sel(ctx: Context):
    """The selection of the woonplaats visuals: the analysis month only (they show one month, so
    the query reads one month instead of the whole period)."""
    maand = ctx.analyse.tot
    return replace(ctx.selectie(tussenvorm=False, levering=False), van=maand, tot=maand)


def _woonplaats(ctx: Context, sel) -> dict:
    """The woonplaats section of `sel`'s allowed gemeenten in the analysis month, one query for the
    page's woonplaats visuals (warehouse/queries/doordecentralisatie_woonplaats.sql): 'info', and
    per part ('rij': herkomst x verblijf, 'hier') its rows."""
    return ctx.onthoud(("dd_woonplaats", sel), lambda: data.woonplaats_sectie(ctx.scope, sel, sel.tot))


def _info(ctx: Context) -> dict:
    return _woonplaats(ctx, _maand_sel(ctx))["info"]


def _waarheid(x) -> bool | None:
    """A boolean of a section's rows: True, False, or None when missing."""
    return None if x is None or pd.isna(x) else bool(x)


def _verblijf_bekend(info: dict) -> bool:
    return bool(info) and info["bw_indicaties_met_verblijf"] != 0


# The columns of the woonplaats table: (header, does a row (verblijf, binnen_regio) of gemeente
# `code` count). Missing values count as the SQL did: binnen_regio null is neither
# inside nor outside the region, a missing verblijf differs from every code.
_WOONPLAATS = (
    ("Cliënten (herkomst)", lambda code, verblijf, binnen: True),
    ("Wonend in eigen gemeente", lambda code, verblijf, binnen: binnen is True and verblijf == code),
    ("Wonend elders in de regio", lambda code, verblijf, binnen: binnen is True and verblijf != code),
    ("Wonend buiten de regio", lambda code, verblijf, binnen: binnen is False),
    ("Verblijf onbekend", lambda code, verblijf, binnen: not isinstance(verblijf, str)),
)
_WOONPLAATS_KOLOMMEN = [kop for kop, _telt in _WOONPLAATS] + ["Uit andere gemeenten, wonend hier"]
_WOONPLAATS_TOELICHTING = ("Woonplaatsbeginsel: de gemeente van herkomst blijft verantwoordelijk (en betaalt) ook als "
                           "haar inwoner in een voorziening elders woont. Woonplaats: Gemeentecode_verblijf van de "
                           "primaire indicatie; {aandeel} van de BW-indicaties heeft er een. Onbekend wordt niet geschat.")


def _woonplaats_tabel(ctx: Context, sel) -> tuple[dict, pd.DataFrame | None]:
    """(info, one row per allowed gemeente of `sel` with the woonplaats columns) for the analysis
    month; None when no verblijf is known. The Doordecentralisatie page shows every row, the
    Gemeente page its own: the same counts, so they are published the same."""
    sectie = _woonplaats(ctx, sel)
    info = sectie["info"]
    if not _verblijf_bekend(info):
        return info, None
    # one pass over the month's rows (a pandas mask per gemeente and column cost ~15 ms each)
    sommen: dict[str, list[int]] = {}
    for r in sectie.get("rij", []):
        code, verblijf, binnen = r["gemeente_code"], r["verblijf_gemeente_code"], _waarheid(r["binnen_regio"])
        rij = sommen.setdefault(code, [0] * len(_WOONPLAATS))
        for i, (_kop, telt) in enumerate(_WOONPLAATS):
            if telt(code, verblijf, binnen):
                rij[i] += r["actief"]
    hier = {r["gemeente_code"]: r["hier"] for r in sectie.get("hier", [])}
    namen = ctx.gemeente_namen()
    codes = sorted(data.toegestane_gemeenten(ctx.scope, sel), key=lambda c: namen[c])
    kolommen: dict[str, list] = {"Gemeente": [namen[c] for c in codes], "Gemeentecode": codes}
    for i, (kop, _telt) in enumerate(_WOONPLAATS):
        kolommen[kop] = [int(sommen[c][i]) if c in sommen else 0 for c in codes]
    kolommen["Uit andere gemeenten, wonend hier"] = [int(hier.get(c, 0)) for c in codes]
    return info, pd.DataFrame(kolommen, columns=["Gemeente", "Gemeentecode", *_WOONPLAATS_KOLOMMEN])


def _aandeel_met_verblijf(info: dict) -> str:
    return f"{info['bw_indicaties_met_verblijf'] / info['bw_indicaties']:.0%}".replace(".", ",")


@visual("dd-woonplaats")
def woonplaats_visual(ctx: Context) -> Visual:
    maand = ctx.analyse.tot
    titel = f"Woonplaatsbeginsel: waar de cliënten wonen · {formats.maand(maand)}"
    info, tabel = _woonplaats_tabel(ctx, _maand_sel(ctx))
    if tabel is None:
        return _leeg_visual("dd-woonplaats", titel, GEEN_VERBLIJF)
    tekst = (f"Cliënten naar gemeente van herkomst en woonplaats tijdens de zorg, {formats.maand(maand)}: "
             f"{ctx.aantal(sum(tabel['Wonend buiten de regio'].tolist()))} wonen buiten de regio, "
             f"{ctx.aantal(sum(tabel['Wonend elders in de regio'].tolist()))} elders in de regio.")
    return Visual("dd-woonplaats", titel, tabel, tekst, kolommen={c: af.AANTAL for c in _WOONPLAATS_KOLOMMEN},
                  opmaak={c: "getal" for c in _WOONPLAATS_KOLOMMEN},
                  toelichting=_WOONPLAATS_TOELICHTING.format(aandeel=_aandeel_met_verblijf(info)),
                  tabel_open=True, breed=True)


@visual("gemeente-woonplaats")
def gemeente_woonplaats_visual(ctx: Context) -> Visual:
    """The Gemeente page's summary of the woonplaatsbeginsel: where this municipality's clients
    live, and how many clients of other municipalities live here (its row of dd-woonplaats)."""
    code = gemeente_code(ctx)
    maand = ctx.analyse.tot
    titel = f"Waar de cliënten wonen · {formats.maand(maand)}"
    if code is None:
        return Visual("gemeente-woonplaats", titel, pd.DataFrame(), "Kies een gemeente.", inhoud=None)
    info, tabel = _woonplaats_tabel(ctx, replace(_maand_sel(ctx), gemeenten=(code,)))
    if tabel is None or tabel.empty:
        return _leeg_visual("gemeente-woonplaats", titel, GEEN_VERBLIJF)
    rij = {k: v[0] for k, v in tabel.to_dict("list").items()}
    per_plaats = pd.DataFrame({"Woonplaats": _WOONPLAATS_KOLOMMEN,
                               "Cliënten": [int(rij[k]) for k in _WOONPLAATS_KOLOMMEN]})
    tekst = (f"{rij['Gemeente']}, {formats.maand(maand)}: {ctx.aantal(rij['Cliënten (herkomst)'])} cliënten met "
             f"{rij['Gemeente']} als gemeente van herkomst; {ctx.aantal(rij['Wonend in eigen gemeente'])} wonen in de "
             f"eigen gemeente, {ctx.aantal(rij['Wonend elders in de regio'])} elders in de regio en "
             f"{ctx.aantal(rij['Wonend buiten de regio'])} buiten de regio. "
             f"{ctx.aantal(rij['Uit andere gemeenten, wonend hier'])} cliënten van andere gemeenten wonen hier.")
    return Visual("gemeente-woonplaats", f"{titel} · {rij['Gemeente']}", per_plaats, tekst,
                  kolommen={"Woonplaats": af.VRIJ, "Cliënten": af.AANTAL}, opmaak={"Cliënten": "getal"},
                  toelichting=_WOONPLAATS_TOELICHTING.format(aandeel=_aandeel_met_verblijf(info))
                  + " Alle gemeenten naast elkaar: pagina Doordecentralisatie.",
                  tabel_open=True, inhoud=None)


@visual("dd-woonplaats-matrix")
def matrix_visual(ctx: Context) -> Visual:
    maand = ctx.analyse.tot
    titel = f"Herkomst × woonplaats · {formats.maand(maand)}"
    sectie = _woonplaats(ctx, _maand_sel(ctx))
    if not _verblijf_bekend(sectie["info"]):
        return _leeg_visual("dd-woonplaats-matrix", titel, GEEN_VERBLIJF)
    regio = data.regio_gemeenten()
    regio_naam = dict(zip(regio["gemeente_code"].tolist(), regio["gemeente_naam"].tolist()))
    kolommen = sorted(regio_naam.values()) + ["Buiten de regio", "Onbekend"]
    rijen = sectie.get("rij", [])
    if not rijen:
        breed = pd.DataFrame(columns=["Herkomst", *kolommen])
    else:
        # the place of a row: a municipality of the region by name, 'Buiten de regio' or 'Onbekend';
        # a verblijf in the region without a name (not in marts.gemeenten) has no column, as before
        herkomst = sorted({regio_naam[r["gemeente_code"]] for r in rijen if r["gemeente_code"] in regio_naam})
        rij_van = {naam: i for i, naam in enumerate(herkomst)}
        kolom_van = {naam: j for j, naam in enumerate(kolommen)}
        waarden = np.zeros((len(herkomst), len(kolommen)), dtype="int64")
        for r in rijen:
            verblijf = r["verblijf_gemeente_code"]
            if not isinstance(verblijf, str):
                plaats = "Onbekend"
            elif _waarheid(r["binnen_regio"]) is True:
                plaats = regio_naam.get(verblijf, verblijf)
            else:
                plaats = "Buiten de regio"
            i, j = rij_van.get(regio_naam.get(r["gemeente_code"])), kolom_van.get(plaats)
            if i is not None and j is not None:
                waarden[i, j] += r["actief"]
        breed = pd.DataFrame(waarden, columns=pd.Index(kolommen, name="kolom"))
        breed.insert(0, "Herkomst", herkomst)
    tekst = (f"Matrix van gemeente van herkomst (rijen) en woonplaats tijdens de zorg (kolommen), "
             f"{formats.maand(maand)}.")
    return Visual("dd-woonplaats-matrix", titel, breed, tekst, kolommen={c: af.AANTAL for c in kolommen},
                  opmaak={c: "getal" for c in kolommen}, tabel_open=True, breed=True,
                  toelichting="Alleen de rijen van de gemeenten die u mag zien; elke cel is een aantal cliënten.")


def _cohort_melding(ctx: Context) -> str | None:
    info = _info(ctx)
    datum = info.get("overgangsdatum") if info else None
    if datum is None:
        return (f"Voor regio {ctx.info['regio']} is geen overgangsdatum ingesteld (config/regios.csv): "
                "overgangscliënten en nieuwe cliënten zijn niet te onderscheiden.")
    if datum > ctx.info["peildatum"]:
        return (f"De overgangsdatum van regio {ctx.info['regio']} is {formats.datum(datum)} en ligt na de peildatum: "
                "er zijn nog geen nieuwe cliënten in de zin van de doordecentralisatie.")
    return None


@visual("dd-cohort")
def cohort_visual(ctx: Context) -> Visual:
    titel = "Overgangscliënten en nieuwe cliënten"
    melding = _cohort_melding(ctx)
    if melding:
        return _leeg_visual("dd-cohort", titel, melding)
    p = ctx.periode
    df = data.cohort_maand(ctx.scope, ctx.selectie(p, tussenvorm=False, levering=False))
    per = df.pivot_table(index="maand", columns="cohort", values="actief", aggfunc="sum", fill_value=0) \
        if not df.empty else pd.DataFrame(columns=[O, N])
    per = per.reindex(columns=[O, N], fill_value=0)
    kosten = df.pivot_table(index="maand", columns="cohort", values="kosten_eur", aggfunc="sum", fill_value=0) \
        if not df.empty else pd.DataFrame(columns=[O, N])
    kosten = kosten.reindex(index=per.index, columns=[O, N], fill_value=0)
    maanden = [pd.Timestamp(m).date() for m in per.index]
    tabel = pd.DataFrame({"Maand": maanden, "Overgangscliënten": per[O].values, "Nieuwe cliënten": per[N].values,
                          "Kosten overgangscliënten": kosten[O].values, "Kosten nieuwe cliënten": kosten[N].values})
    gepubliceerd = pd.DataFrame({O: ctx.plotbaar(tabel["Overgangscliënten"]), N: ctx.plotbaar(tabel["Nieuwe cliënten"])})
    figuur = fig_dd.cohorten_per_maand(gepubliceerd, [formats.maand(m) for m in maanden])
    datum = _info(ctx)["overgangsdatum"]
    laatst = tabel.iloc[-1] if len(tabel) else None
    tekst = (f"Stand per maand naar cohort sinds de overgangsdatum {formats.datum(datum)}, {ctx.selectie_label()}"
             + (f": in {formats.maand(laatst['Maand'])} {ctx.aantal(laatst['Overgangscliënten'])} overgangscliënten en "
                f"{ctx.aantal(laatst['Nieuwe cliënten'])} nieuwe cliënten." if laatst is not None else "."))
    toelichting = ("Overgangscliënt: in zorg op de overgangsdatum, of met BW in de 365 dagen ervoor. Nieuwe cliënt: "
                   "instroom na de overgangsdatum zonder BW in de regio in de 365 dagen ervoor (VNG-definitie); "
                   "die cliënt is van de gemeente van herkomst. Kosten: gerealiseerd (ZIN naar maand van levering, "
                   "PGB besteed); de laatste maanden zijn nog niet volledig gedeclareerd.")
    return Visual("dd-cohort", titel, tabel, tekst, figuur=figuur,
                  kolommen={"Overgangscliënten": af.AANTAL, "Nieuwe cliënten": af.AANTAL,
                            "Kosten overgangscliënten": af.VRIJ, "Kosten nieuwe cliënten": af.VRIJ},
                  opmaak={"Maand": "maand", "Overgangscliënten": "getal", "Nieuwe cliënten": "getal",
                          "Kosten overgangscliënten": EUR, "Kosten nieuwe cliënten": EUR},
                  toelichting=toelichting, breed=True)


@visual("dd-cohort-gemeenten")
def cohort_gemeenten_visual(ctx: Context) -> Visual:
    jaar = ctx.info["peildatum"].year
    titel = f"Cohorten per gemeente · stand {formats.datum(ctx.info['peildatum'])}, kosten {jaar}"
    melding = _cohort_melding(ctx)
    if melding:
        return _leeg_visual("dd-cohort-gemeenten", titel, melding)
    df = data.cohort_maand(ctx.scope, ctx.selectie(tussenvorm=False, levering=False))
    df = df.assign(maand=pd.to_datetime(df["maand"]).dt.date)
    laatste = kalender.eerste_van_maand(ctx.info["peildatum"])
    stand = _per_gemeente(df[df["maand"] == laatste], "actief")
    kosten = _per_gemeente(df[[m.year == jaar for m in df["maand"]]], "kosten_eur")
    gem = data.gemeenten(ctx.scope)
    gem = gem[gem["gemeente_code"].isin(data.toegestane_gemeenten(ctx.scope, ctx.selectie()))].sort_values("gemeente_naam")

    def waarde(frame, code, cohort):
        return frame.at[code, cohort] if code in frame.index and cohort in frame.columns else 0

    tabel = pd.DataFrame({
        "Gemeente": gem["gemeente_naam"], "Gemeentecode": gem["gemeente_code"],
        "Overgangscliënten": [int(waarde(stand, c, O)) for c in gem["gemeente_code"]],
        "Nieuwe cliënten": [int(waarde(stand, c, N)) for c in gem["gemeente_code"]],
        f"Kosten overgangscliënten {jaar}": [float(waarde(kosten, c, O)) for c in gem["gemeente_code"]],
        f"Kosten nieuwe cliënten {jaar}": [float(waarde(kosten, c, N)) for c in gem["gemeente_code"]]})
    tekst = (f"Per gemeente de overgangscliënten en nieuwe cliënten op {formats.datum(ctx.info['peildatum'])} en hun "
             f"gerealiseerde kosten in {jaar}.")
    geld = [c for c in tabel.columns if c.startswith("Kosten")]
    return Visual("dd-cohort-gemeenten", titel, tabel, tekst,
                  kolommen={"Overgangscliënten": af.AANTAL, "Nieuwe cliënten": af.AANTAL, **{c: af.VRIJ for c in geld}},
                  opmaak={"Overgangscliënten": "getal", "Nieuwe cliënten": "getal", **{c: EUR for c in geld}},
                  tabel_open=True, breed=True)


def _per_gemeente(df: pd.DataFrame, waarde: str) -> pd.DataFrame:
    """gemeente x cohort sums of `waarde`; an empty frame when there are no rows (a filter that
    selects nothing must give an empty table, not an error)."""
    if df.empty:
        return pd.DataFrame()
    return df.pivot_table(index="gemeente_code", columns="cohort", values=waarde, aggfunc="sum", fill_value=0)
