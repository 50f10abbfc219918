"""Doordecentralisatie: the budget under the ingroeipad against the municipality's own costs, the
woonplaatsbeginsel (who lives where, who pays), and overgangscliënten against nieuwe cliënten.

Amounts are money (shown exactly, `af.VRIJ`); client counts are `af.AANTAL`, published by
kern/afscherming.py like every other count. What the delivery lacks (no budget file, no
Gemeentecode_verblijf, no transition date) is said, never filled in."""
from __future__ import annotations

from dataclasses import replace

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


def _info(ctx: Context) -> dict:
    return ctx.onthoud("dd_info", lambda: data.doordecentralisatie_info(ctx.scope))


def _budget(ctx: Context) -> pd.DataFrame:
    return ctx.onthoud("dd_budget", lambda: data.budget_jaar(ctx.scope, ctx.selectie(tussenvorm=False, levering=False)))


def _leeg_visual(vid: str, titel: str, melding: str) -> Visual:
    return Visual(vid, titel, pd.DataFrame({"Melding": [melding]}), melding, figuur=leeg(melding, 200),
                  kolommen={"Melding": af.VRIJ})


GEEN_BUDGET = ("De levering bevat geen budgetbestand (soort budget: het ingroeipad per gemeente zoals het Rijk "
               "het publiceert). Zonder dat bestand toont de monitor geen budget.")


@visual("dd-budget")
def budget_visual(ctx: Context) -> Visual:
    df = _budget(ctx)
    if df.empty or not df["budget_aangeleverd"].any():
        return _leeg_visual("dd-budget", "Budget volgens het ingroeipad", GEEN_BUDGET)
    zonder = sorted(set(df.loc[~df["budget_aangeleverd"], "gemeente_naam"].dropna()))
    met = df[df["budget_aangeleverd"]]
    som = met.groupby("jaar", as_index=False)[["historisch_eur", "objectief_eur", "totaal_eur"]].sum()
    kosten = df.groupby("jaar", as_index=False)[["kosten_gerealiseerd_eur", "kosten_prognose_eur"]].sum(min_count=1)
    t = som.merge(kosten, on="jaar", how="left")
    t["kosten_eur"] = t["kosten_gerealiseerd_eur"] + t["kosten_prognose_eur"]
    t["verschil_eur"] = t["totaal_eur"] - t["kosten_eur"]
    tabel = pd.DataFrame({"Jaar": t["jaar"], "Historisch deel": t["historisch_eur"], "Objectief deel": t["objectief_eur"],
                          "Budget totaal": t["totaal_eur"], "Kosten gerealiseerd": t["kosten_gerealiseerd_eur"],
                          "Kosten prognose": t["kosten_prognose_eur"], "Kosten totaal": t["kosten_eur"],
                          "Budget min kosten": t["verschil_eur"]})
    wie = ctx.selectie_label()
    peiljaar = ctx.info["peildatum"].year
    nu = t[t["jaar"] == peiljaar]
    tekst = (f"Budget beschermd wonen volgens het ingroeipad, {wie}, {int(t['jaar'].min())}–{int(t['jaar'].max())}: "
             + "; ".join(f"{j} {formats.eur(b)}" for j, b in zip(t["jaar"], t["totaal_eur"])) + ".")
    if not nu.empty and pd.notna(nu["kosten_eur"].iloc[0]):
        r = nu.iloc[0]
        tekst += (f" In {peiljaar}: budget {formats.eur(r['totaal_eur'])} tegenover eigen kosten "
                  f"{formats.eur(r['kosten_eur'])} (waarvan prognose {formats.eur(r['kosten_prognose_eur'])}): "
                  f"verschil {formats.eur(r['verschil_eur'])}.")
    toelichting = ("Historisch deel: het budget van de centrumgemeente, dat tot het einde van het ingroeipad "
                   "afneemt; het betaalt de zorg van de overgangscliënten van de hele regio. Objectief deel: naar "
                   "het objectieve verdeelmodel. Eigen kosten: cliëntgebonden kosten BW naar gemeente van "
                   "herkomst (gerealiseerd, en prognose tot 31 december voor het lopende jaar).")
    if zonder:
        toelichting += f" Geen budget aangeleverd voor: {', '.join(zonder)} (niet als 0 meegeteld)."
    return Visual("dd-budget", f"Budget volgens het ingroeipad · {wie}", tabel, tekst, figuur=fig_dd.ingroeipad(t),
                  kolommen=af.bedragen(tabel), opmaak={c: EUR for c in tabel.columns if c != "Jaar"},
                  toelichting=toelichting, breed=True)


@visual("dd-objectief")
def objectief_visual(ctx: Context) -> Visual:
    df = _budget(ctx)
    jaar = ctx.info["peildatum"].year
    rijen = df[df["jaar"] == jaar].sort_values("gemeente_naam") if not df.empty else df
    titel = f"Als het budget vandaag objectief was · {jaar}"
    if rijen.empty:
        return _leeg_visual("dd-objectief", titel, GEEN_BUDGET)
    eindjaar = rijen["objectief_eindjaar"].dropna()
    eind = int(eindjaar.iloc[0]) if len(eindjaar) else None
    tabel = pd.DataFrame({
        "Gemeente": rijen["gemeente_naam"], "Gemeentecode": rijen["gemeente_code"],
        "Budget ingroeipad": rijen["totaal_eur"], "Eigen kosten": rijen["kosten_eur"],
        "Resultaat ingroeipad": rijen["verschil_eur"],
        f"Objectief budget {eind or ''}".strip(): rijen["objectief_eind_eur"],
        "Resultaat bij objectief budget": rijen["verschil_objectief_eur"],
        "Budget aangeleverd": rijen["budget_aangeleverd"].map(lambda x: "ja" if x else "nee")})
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
    df = data.regio_budget_jaar(ctx.scope)
    titel = f"Regio {ctx.info['regio']}: budget, baten en resultaat"
    if df.empty:
        return _leeg_visual("dd-regio", titel, GEEN_BUDGET)
    tabel = pd.DataFrame({"Jaar": df["jaar"], "Budget ingroeipad (som gemeenten)": df["totaal_eur"],
                          "Integratie-uitkering BW (baten)": df["baten_eur"], "Kosten cliëntgebonden": df["kosten_eur"],
                          "Budget min kosten": df["verschil_eur"], "Resultaat BW": df["resultaat_eur"],
                          "Versie resultaat": df["versie"].fillna("")})
    tekst = ("Het ingroeipad van de regio (som van de gemeenten) tegenover de baten en het resultaat BW: " + "; ".join(
        f"{j} budget {formats.eur(b)}" + (f", resultaat {formats.eur(r)}" if pd.notna(r) else "")
        for j, b, r in zip(tabel["Jaar"], tabel["Budget ingroeipad (som gemeenten)"], tabel["Resultaat BW"])) + ".")
    zonder = int(df["gemeenten_zonder_budget"].max())
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


def _woonplaats(ctx: Context, sel) -> tuple[dict, pd.DataFrame | None]:
    """(info, the analysis month's herkomst x verblijf rows); None when no verblijf is known."""
    info = _info(ctx)
    if not info or info["bw_indicaties_met_verblijf"] == 0:
        return info, None
    return info, data.woonplaats_maand(ctx.scope, sel)


# The columns of the woonplaats table: (header, does a row (plaats, verblijf, binnen_regio) of
# gemeente `code` count). Missing values count as the old pandas masks did: binnen_regio NA is
# neither True nor False, a missing verblijf differs from every code.
_WOONPLAATS = (
    ("Cliënten (herkomst)", lambda code, plaats, verblijf, binnen: isinstance(plaats, str)),
    ("Wonend in eigen gemeente", lambda code, plaats, verblijf, binnen: plaats == "binnen" and verblijf == code),
    ("Wonend elders in de regio", lambda code, plaats, verblijf, binnen: binnen is True and verblijf != code),
    ("Wonend buiten de regio", lambda code, plaats, verblijf, binnen: binnen is False),
    ("Verblijf onbekend", lambda code, plaats, verblijf, binnen: not isinstance(verblijf, str)),
)


_WOONPLAATS_KOLOMMEN = [kop for kop, _telt in _WOONPLAATS] + ["Uit andere gemeenten, wonend hier"]
_WOONPLAATS_TOELICHTING = ("Woonplaatsbeginsel: de gemeente van herkomst blijft verantwoordelijk (en betaalt) ook als "
                           "haar inwoner in een voorziening elders woont. Woonplaats: Gemeentecode_verblijf van de "
                           "primaire indicatie; {aandeel} van de BW-indicaties heeft er een. Onbekend wordt niet geschat.")


def _woonplaats_tabel(ctx: Context, sel) -> tuple[dict, pd.DataFrame | None]:
    """(info, one row per allowed gemeente of `sel` with the woonplaats columns) for the analysis
    month; None when no verblijf is known. The Doordecentralisatie page shows every row, the
    Gemeente page its own: the same counts, so they are published the same."""
    info, df = _woonplaats(ctx, sel)
    if df is None:
        return info, None
    hier = data.woonplaats_wonend_hier(ctx.scope, sel)
    gem = data.gemeenten(ctx.scope)
    gem = gem[gem["gemeente_code"].isin(data.toegestane_gemeenten(ctx.scope, sel))].sort_values("gemeente_naam")

    # one pass over the month's rows (a pandas mask per gemeente and column cost ~15 ms each)
    sommen: dict[str, list[int]] = {}
    for code, plaats, verblijf, binnen, actief in zip(
            df["gemeente_code"].tolist(), df["plaats"].tolist(), df["verblijf_gemeente_code"].tolist(),
            df["binnen_regio"].tolist(), df["actief"].tolist()):
        rij = sommen.setdefault(code, [0] * len(_WOONPLAATS))
        for i, (_kop, telt) in enumerate(_WOONPLAATS):
            if telt(code, plaats, verblijf, binnen):
                rij[i] += actief
    wonend_hier: dict[str, int] = {}
    for code, actief in zip(hier["gemeente_code"].tolist(), hier["actief"].tolist()):
        wonend_hier[code] = wonend_hier.get(code, 0) + actief
    rijen = []
    for code, naam in zip(gem["gemeente_code"], gem["gemeente_naam"]):
        rij = sommen.get(code, [0] * len(_WOONPLAATS))
        rijen.append({"Gemeente": naam, "Gemeentecode": code,
                      **{kop: int(n) for (kop, _telt), n in zip(_WOONPLAATS, rij)},
                      "Uit andere gemeenten, wonend hier": int(wonend_hier.get(code, 0))})
    return info, pd.DataFrame(rijen, columns=["Gemeente", "Gemeentecode", *_WOONPLAATS_KOLOMMEN])


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
             f"{ctx.aantal(tabel['Wonend buiten de regio'].sum())} wonen buiten de regio, "
             f"{ctx.aantal(tabel['Wonend elders in de regio'].sum())} elders in de regio.")
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
    rij = tabel.iloc[0]
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
    _, df = _woonplaats(ctx, _maand_sel(ctx))
    if df is None:
        return _leeg_visual("dd-woonplaats-matrix", titel, GEEN_VERBLIJF)
    df["kolom"] = [{"onbekend": "Onbekend", "buiten": "Buiten de regio"}.get(p, naam)
                   for p, naam in zip(df["plaats"], df["verblijf_naam"])]
    regio = data.regio_gemeenten().sort_values("gemeente_naam")["gemeente_naam"].tolist()
    kolommen = regio + ["Buiten de regio", "Onbekend"]
    if df.empty:
        breed = pd.DataFrame(columns=["Herkomst", *kolommen])
    else:
        breed = df.pivot_table(index="gemeente_naam", columns="kolom", values="actief", aggfunc="sum", fill_value=0)
        breed = breed.reindex(columns=kolommen, fill_value=0).reset_index().rename(columns={"gemeente_naam": "Herkomst"})
        breed = breed.sort_values("Herkomst")
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
