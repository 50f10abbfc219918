"""Cliënten: the stand by tussenvorm and leveringsvorm, the gemeente x tussenvorm matrix, the
move toward lighter forms, and the duration in care."""
from __future__ import annotations

import pandas as pd

from dashboard import data, formats
from dashboard import filters as flt
from dashboard.components.visual import Visual, visual
from dashboard.figures import categorie, tijd
from dashboard.theme import (
    KLEUR,
    KLEUR_LEVERINGSVORM,
    KLEUR_TUSSENVORM,
    LEVERINGSVORM_LABEL,
    LEVERINGSVORMEN,
    LICHTE_VORMEN,
    TUSSENVORMEN,
)
from dashboard.views import reken
from dashboard.views.context import Context

KLEUR_LICHT = KLEUR["instroom"]  # the lighter forms' share: green, as Begeleid wonen


def _per_maand(ctx: Context, kolom: str) -> pd.DataFrame:
    df = data.clienten_maand(ctx.scope, ctx.selectie(ctx.periode))
    if df.empty:
        return pd.DataFrame(columns=["maand", kolom, "actief"])
    return df.groupby(["maand", kolom], as_index=False)["actief"].sum()


def _plot(ctx: Context, lang: pd.DataFrame) -> pd.DataFrame:
    return lang.assign(actief=ctx.plotbaar(lang["actief"])) if not lang.empty else lang


def _tellingen(tabel: pd.DataFrame) -> list[str]:
    return [c for c in tabel.columns if c not in ("Maand", "Gemeente", "Duurklasse")]


def _breed(lang: pd.DataFrame, kolom: str, volgorde: list[str], labels: dict | None = None) -> pd.DataFrame:
    if lang.empty:
        return pd.DataFrame(columns=["Maand"])
    breed = reken.kruistabel(lang, "maand", kolom, "actief")
    cols = [c for c in volgorde if c in breed.columns] + [c for c in breed.columns if c not in volgorde]
    breed = breed[cols].reset_index()
    breed["Totaal"] = breed[cols].sum(axis=1)
    breed.insert(0, "Maand", [pd.Timestamp(m).date() for m in breed.pop("maand")])
    return breed.rename(columns=labels or {})


@visual("clienten-tussenvorm")
def tussenvorm_visual(ctx: Context) -> Visual:
    lang = _per_maand(ctx, "tussenvorm")
    fig = tijd.gestapeld_per_maand(_plot(ctx, lang), "tussenvorm", "actief", KLEUR_TUSSENVORM, TUSSENVORMEN,
                                   geselecteerd=ctx.kruis_maand, ytitel="Actieve cliënten")
    tabel = _breed(lang, "tussenvorm", TUSSENVORMEN)
    tekst = f"Actieve cliënten per maand naar tussenvorm, {ctx.periode.label}, {ctx.selectie_label()}."
    if not tabel.empty:
        laatst = tabel.iloc[-1]
        tekst += " Laatste maand: " + ", ".join(
            f"{t} {ctx.aantal(laatst[t])}" for t in TUSSENVORMEN if t in tabel.columns) + "."
    tabel = ctx.afschermen(tabel, _tellingen(tabel))
    return Visual("clienten-tussenvorm", "Actieve cliënten naar tussenvorm", tabel, tekst, figuur=fig,
                  opmaak={c: ("maand" if c == "Maand" else "getal") for c in tabel.columns},
                  kruisfilter="maand")


@visual("clienten-levering")
def levering_visual(ctx: Context) -> Visual:
    lang = _per_maand(ctx, "leveringsvorm")
    fig = tijd.gestapeld_per_maand(_plot(ctx, lang), "leveringsvorm", "actief", KLEUR_LEVERINGSVORM, LEVERINGSVORMEN,
                                   labels=LEVERINGSVORM_LABEL, geselecteerd=ctx.kruis_maand,
                                   ytitel="Actieve cliënten")
    tabel = _breed(lang, "leveringsvorm", LEVERINGSVORMEN)
    tabel = ctx.afschermen(tabel, _tellingen(tabel))
    tekst = f"Actieve cliënten per maand naar leveringsvorm (ZIN en PGB), {ctx.periode.label}."
    return Visual("clienten-levering", "Actieve cliënten naar leveringsvorm", tabel, tekst, figuur=fig,
                  opmaak={c: ("maand" if c == "Maand" else "getal") for c in tabel.columns},
                  kruisfilter="maand")


@visual("clienten-matrix")
def matrix_visual(ctx: Context) -> Visual:
    p = ctx.analyse
    sel = ctx.selectie(flt.Periode(p.tot, p.tot), kruis_gemeente=False)
    df = data.clienten_maand(ctx.scope, sel)
    if df.empty:
        breed = pd.DataFrame()
    else:
        breed = reken.kruistabel(df, "gemeente_naam", "tussenvorm", "actief")
        breed = breed[[t for t in TUSSENVORMEN if t in breed.columns]
                      + [t for t in breed.columns if t not in TUSSENVORMEN]].sort_index()
    fig = categorie.matrix(breed if ctx.exact or breed.empty else breed.where(~breed.map(ctx.klein).astype(bool)))
    tabel = breed.reset_index().rename(columns={"gemeente_naam": "Gemeente"}) if not breed.empty else \
        pd.DataFrame(columns=["Gemeente"])
    if not tabel.empty:
        tabel["Totaal"] = tabel[list(breed.columns)].sum(axis=1)
    tabel = ctx.afschermen(tabel, _tellingen(tabel))
    tekst = (f"Actieve cliënten per gemeente en tussenvorm, eind {formats.maand(p.tot)}; "
             f"{len(tabel)} gemeenten met cliënten.")
    return Visual("clienten-matrix", f"Gemeente × tussenvorm · {formats.maand(p.tot)}", tabel, tekst,
                  figuur=fig, opmaak={c: "getal" for c in tabel.columns if c != "Gemeente"})


@visual("clienten-lichter")
def lichter_visual(ctx: Context) -> Visual:
    lang = _per_maand(ctx, "tussenvorm")
    maanden = reken.stand_per_maand(lang, ctx.periode.van, ctx.periode.tot)
    licht = lang[lang["tussenvorm"].isin(LICHTE_VORMEN)] if not lang.empty else lang
    licht = reken.stand_per_maand(licht, ctx.periode.van, ctx.periode.tot).rename(columns={"actief": "licht"})
    df = maanden.merge(licht, on="maand")
    df["aandeel"] = [l / a if a else float("nan") for l, a in zip(df["licht"], df["actief"])]
    verborgen = [ctx.klein(licht) or ctx.klein(a - licht) for licht, a in zip(df["licht"], df["actief"])]
    plot = df.assign(aandeel=[float("nan") if v else a for v, a in zip(verborgen, df["aandeel"])])
    fig = tijd.reeksen_per_maand(plot, [("aandeel", "Aandeel begeleid wonen en Thuis Plus", KLEUR_LICHT)],
                                 opmaak="pct", geselecteerd=ctx.kruis_maand, ytitel="Aandeel")
    fig.update_yaxes(tickformat=".0%", rangemode="tozero")
    tabel = pd.DataFrame({"Maand": [m.date() for m in df["maand"]], "Actieve cliënten": df["actief"],
                          "Begeleid wonen en Thuis Plus": df["licht"],
                          "Zwaardere vormen": df["actief"] - df["licht"], "Aandeel lichte vormen": df["aandeel"]})
    tabel = ctx.afschermen(tabel, ["Actieve cliënten", "Begeleid wonen en Thuis Plus", "Zwaardere vormen"],
                           {"Aandeel lichte vormen": ["Begeleid wonen en Thuis Plus", "Zwaardere vormen"]})
    a0, a1 = (plot["aandeel"].iloc[0], plot["aandeel"].iloc[-1]) if len(df) else (None, None)
    tekst = (f"Aandeel cliënten in de lichtere vormen (begeleid wonen, Thuis Plus) per maand: "
             f"van {formats.pct(a0)} naar {formats.pct(a1)} ({ctx.periode.label}).")
    return Visual("clienten-lichter", "Van beschermd wonen naar beschermd thuis", tabel, tekst, figuur=fig,
                  opmaak={"Maand": "maand", "Actieve cliënten": "getal", "Begeleid wonen en Thuis Plus": "getal",
                          "Zwaardere vormen": "getal", "Aandeel lichte vormen": "pct"},
                  kruisfilter="maand",
                  toelichting="Een stijgend aandeel betekent dat cliënten vaker in een lichtere vorm wonen.")



@visual("clienten-verblijfsduur")
def verblijfsduur_visual(ctx: Context) -> Visual:
    df = data.verblijfsduur(ctx.scope, ctx.selectie(tussenvorm=False, levering=False))
    jaren = set(range(ctx.analyse.van.year, ctx.analyse.tot.year + 1))
    if not df.empty:
        df = df[(df["status"] == "in zorg") | df["uitstroomjaar"].isin(jaren)]
    if df.empty:
        tabel = pd.DataFrame(columns=["Duurklasse", "In zorg", "Uitgestroomd"])
    else:
        tabel = reken.kruistabel(df, ["klasse_volgorde", "duurklasse"], "status", "episodes").reset_index().sort_values("klasse_volgorde")
        for s in ("in zorg", "uitgestroomd"):
            if s not in tabel.columns:
                tabel[s] = 0
        tabel = pd.DataFrame({"Duurklasse": tabel["duurklasse"], "In zorg": tabel["in zorg"].astype("int64"),
                              "Uitgestroomd": tabel["uitgestroomd"].astype("int64")})
    jaartekst = "–".join(str(j) for j in sorted({min(jaren), max(jaren)}))
    fig = categorie.gegroepeerd(tabel if ctx.exact else tabel.assign(
        **{k: ctx.plotbaar(tabel[k]) for k in ("In zorg", "Uitgestroomd")}), "Duurklasse", [("In zorg", "In zorg (op peildatum)", KLEUR["stand"]),
                                                      ("Uitgestroomd", f"Uitgestroomd in {jaartekst}",
                                                       KLEUR["uitstroom"])], ytitel="Episodes")
    tekst = (f"Verblijfsduur: {ctx.aantal(tabel['In zorg'].sum())} episodes in zorg en "
             f"{ctx.aantal(tabel['Uitgestroomd'].sum())} uitgestroomd in {jaartekst}, naar duurklasse.")
    tabel = ctx.afschermen(tabel, ["In zorg", "Uitgestroomd"])
    return Visual("clienten-verblijfsduur", "Verblijfsduur", tabel, tekst, figuur=fig,
                  opmaak={"In zorg": "getal", "Uitgestroomd": "getal"},
                  toelichting="Duur van de hele episode (aaneengesloten indicaties). Tussenvorm- en "
                              "leveringsvormfilter gelden hier niet.")
