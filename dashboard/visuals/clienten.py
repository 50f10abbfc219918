"""Cliënten: the stand by tussenvorm and leveringsvorm, the gemeente x tussenvorm matrix, the
move toward lighter forms, and the duration in care."""
from __future__ import annotations

import pandas as pd

from dashboard import filters as flt
from dashboard.components.visual import Visual, visual
from dashboard.figures import categorie, tijd
from dashboard.request_context import Context
from dashboard.visuals import reken
from kern import afscherming as af
from kern import data, formats
from kern.kleuren import (
    KLEUR,
    KLEUR_LEVERINGSVORM,
    KLEUR_TUSSENVORM,
    LEVERINGSVORM_LABEL,
    LEVERINGSVORMEN,
    LICHTE_VORMEN,
    TUSSENVORMEN,
)

KLEUR_LICHT = KLEUR["instroom"]  # the lighter forms' share: green, as Begeleid wonen


def _per_maand(ctx: Context, kolom: str) -> pd.DataFrame:
    """The stand rows of the period (maand, `kolom`, actief; a row per gemeente and the other
    category too): every caller sums them per month or per month x `kolom`, so they are not
    grouped here first (that cost a groupby per visual)."""
    df = data.clienten_maand(ctx.scope, ctx.selectie(ctx.periode))
    if df.empty:
        return pd.DataFrame(columns=["maand", kolom, "actief"])
    return df[["maand", kolom, "actief"]]


def _breed(ctx: Context, lang: pd.DataFrame, kolom: str, volgorde: list[str]) -> pd.DataFrame:
    """Per period of the chosen grain (the stand at its last month): maand + one column per
    category, in `volgorde`."""
    if lang.empty:
        return pd.DataFrame(columns=["maand"])
    breed = reken.kruistabel(lang, "maand", kolom, "actief")
    cols = [c for c in volgorde if c in breed.columns] + [c for c in breed.columns if c not in volgorde]
    breed = breed[cols].reset_index()
    breed["maand"] = pd.to_datetime(breed["maand"])
    return reken.naar_korrel(breed, ctx.korrel, standen=cols)


def _stand_visual(ctx: Context, vid: str, titel: str, kolom: str, volgorde: list[str], kleuren: dict,
                  labels: dict | None, tekst: str) -> Visual:
    """Stacked stand per period by `kolom`; the table adds the total (rounded on its own)."""
    breed = _breed(ctx, _per_maand(ctx, kolom), kolom, volgorde)
    cats = [c for c in breed.columns if c != "maand"]
    lang = breed.melt(id_vars="maand", value_vars=cats, var_name=kolom, value_name="actief") if cats else \
        pd.DataFrame(columns=["maand", kolom, "actief"])
    fig = tijd.gestapeld_per_maand(lang.assign(actief=ctx.plotbaar(lang["actief"])), kolom, "actief", kleuren,
                                   volgorde, labels=labels, geselecteerd=ctx.kruis_maand, ytitel="Actieve cliënten",
                                   korrel=ctx.korrel)
    kop, tijden, opmaak = ctx.tijdkolom(breed["maand"])
    tabel = pd.DataFrame({kop: tijden, **{c: breed[c] for c in cats}})
    if cats:
        tabel["Totaal"] = breed[cats].sum(axis=1).values
        laatst = tabel.iloc[-1]
        tekst += " Laatste periode: " + ", ".join(f"{c} {ctx.aantal(laatst[c])}" for c in tabel.columns[1:]) + "."
    return Visual(vid, titel, tabel, tekst, figuur=fig,
                  opmaak={c: (opmaak if c == kop else "getal") for c in tabel.columns},
                  kolommen={c: af.AANTAL for c in tabel.columns[1:]}, kruisfilter=ctx.tijd_kruisfilter,
                  toelichting="" if ctx.exact else ctx.afscherming.uitleg())


@visual("clienten-tussenvorm")
def tussenvorm_visual(ctx: Context) -> Visual:
    return _stand_visual(ctx, "clienten-tussenvorm", "Actieve cliënten naar tussenvorm", "tussenvorm",
                         TUSSENVORMEN, KLEUR_TUSSENVORM, None,
                         f"Actieve cliënten naar tussenvorm, {ctx.periode.label}, {ctx.selectie_label()}.")


@visual("clienten-levering")
def levering_visual(ctx: Context) -> Visual:
    return _stand_visual(ctx, "clienten-levering", "Actieve cliënten naar leveringsvorm", "leveringsvorm",
                         LEVERINGSVORMEN, KLEUR_LEVERINGSVORM, LEVERINGSVORM_LABEL,
                         f"Actieve cliënten naar leveringsvorm (ZIN en PGB), {ctx.periode.label}.")


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
    fig = categorie.matrix(breed if breed.empty else breed.apply(ctx.plotbaar))
    tabel = breed.reset_index().rename(columns={"gemeente_naam": "Gemeente"}) if not breed.empty else \
        pd.DataFrame(columns=["Gemeente"])
    if not tabel.empty:
        tabel["Totaal"] = tabel[list(breed.columns)].sum(axis=1)
    tekst = (f"Actieve cliënten per gemeente en tussenvorm, eind {formats.maand(p.tot)}; "
             f"{len(tabel)} gemeenten met cliënten.")
    return Visual("clienten-matrix", f"Gemeente × tussenvorm · {formats.maand(p.tot)}", tabel, tekst,
                  figuur=fig, opmaak={c: "getal" for c in tabel.columns if c != "Gemeente"},
                  kolommen={c: af.AANTAL for c in tabel.columns if c != "Gemeente"})


@visual("clienten-lichter")
def lichter_visual(ctx: Context) -> Visual:
    lang = _per_maand(ctx, "tussenvorm")
    maanden = reken.stand_per_maand(lang, ctx.periode.van, ctx.periode.tot)
    licht = lang[lang["tussenvorm"].isin(LICHTE_VORMEN)] if not lang.empty else lang
    licht = reken.stand_per_maand(licht, ctx.periode.van, ctx.periode.tot).rename(columns={"actief": "licht"})
    df = reken.naar_korrel(maanden.merge(licht, on="maand"), ctx.korrel, standen=["actief", "licht"])
    df["zwaar"] = df["actief"] - df["licht"]
    a = ctx.afscherming  # the share of published counts: it gives neither count back
    df["aandeel"] = [float("nan") if (w := a.aandeel(li, li + zw)) is None else w
                     for li, zw in zip(df["licht"], df["zwaar"])]
    fig = tijd.reeksen_per_maand(df, [("aandeel", "Aandeel begeleid wonen en Thuis Plus", KLEUR_LICHT)],
                                 opmaak="pct", geselecteerd=ctx.kruis_maand, ytitel="Aandeel", korrel=ctx.korrel)
    fig.update_yaxes(tickformat=".0%", rangemode="tozero")
    kop, tijden, opmaak = ctx.tijdkolom(df["maand"])
    tabel = pd.DataFrame({kop: tijden, "Actieve cliënten": df["actief"],
                          "Begeleid wonen en Thuis Plus": df["licht"], "Zwaardere vormen": df["zwaar"],
                          "Aandeel lichte vormen": df["aandeel"]})
    a0, a1 = (df["aandeel"].iloc[0], df["aandeel"].iloc[-1]) if len(df) else (None, None)
    tekst = (f"Aandeel cliënten in de lichtere vormen (begeleid wonen, Thuis Plus): "
             f"van {formats.pct(a0)} naar {formats.pct(a1)} ({ctx.periode.label}).")
    return Visual("clienten-lichter", "Van beschermd wonen naar beschermd thuis", tabel, tekst, figuur=fig,
                  opmaak={kop: opmaak, "Actieve cliënten": "getal", "Begeleid wonen en Thuis Plus": "getal",
                          "Zwaardere vormen": "getal", "Aandeel lichte vormen": "pct"},
                  kolommen={"Actieve cliënten": af.AANTAL, "Begeleid wonen en Thuis Plus": af.AANTAL,
                            "Zwaardere vormen": af.AANTAL,
                            "Aandeel lichte vormen": af.aandeel("Begeleid wonen en Thuis Plus", "Actieve cliënten")},
                  kruisfilter=ctx.tijd_kruisfilter,
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
    fig = categorie.gegroepeerd(tabel.assign(
        **{k: ctx.plotbaar(tabel[k]) for k in ("In zorg", "Uitgestroomd")}), "Duurklasse", [("In zorg", "In zorg (op peildatum)", KLEUR["stand"]),
                                                      ("Uitgestroomd", f"Uitgestroomd in {jaartekst}",
                                                       KLEUR["uitstroom"])], ytitel="Episodes")
    tekst = (f"Verblijfsduur: {ctx.aantal(tabel['In zorg'].sum())} episodes in zorg en "
             f"{ctx.aantal(tabel['Uitgestroomd'].sum())} uitgestroomd in {jaartekst}, naar duurklasse.")
    return Visual("clienten-verblijfsduur", "Verblijfsduur", tabel, tekst, figuur=fig,
                  opmaak={"In zorg": "getal", "Uitgestroomd": "getal"},
                  kolommen={"In zorg": af.AANTAL, "Uitgestroomd": af.AANTAL},
                  toelichting="Duur van de hele episode (aaneengesloten indicaties). Tussenvorm- en "
                              "leveringsvormfilter gelden hier niet.")
