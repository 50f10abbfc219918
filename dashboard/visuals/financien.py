"""Financiën: baten and lasten per year, the running result (realised and forecast apart),
budget against realisation, costs per municipality and month, and the 50/50 distribution."""
from __future__ import annotations

import pandas as pd

from dashboard.components.visual import Visual, visual
from dashboard.figures import categorie, financien, tijd
from dashboard.figures.basis import euro_as
from dashboard.request_context import Context
from dashboard.visuals import reken
from kern import afscherming as af
from kern import data, formats
from kern.kleuren import (
    KLEUR,
    KLEUR_LEVERINGSVORM,
    LEVERINGSVORM_LABEL,
    LEVERINGSVORMEN,
)


def meest_definitief(df: pd.DataFrame) -> pd.DataFrame:
    """One row per year: the version that counts, as the mart ranks them."""
    return df[df["meest_definitief"].astype(bool)].sort_values("jaar").reset_index(drop=True)


@visual("financien-jaren")
def jaren_visual(ctx: Context) -> Visual:
    df = meest_definitief(data.resultaat_jaar(ctx.scope))
    if not df.empty:
        df["label"] = [f"{j} ({v})" for j, v in zip(df["jaar"], df["versie"])]
    fig = financien.baten_lasten(df)
    tabel = pd.DataFrame({
        "Jaar": df.get("jaar", []), "Versie": df.get("versie", []), "Baten": df.get("baten_eur", []),
        "Kosten ZIN": df.get("zin_eur", []), "Kosten PGB": df.get("pgb_eur", []),
        "Cliëntgebonden kosten": df.get("clientgebonden_kosten_eur", []),
        "Niet-cliëntgebonden kosten": df.get("niet_clientgebonden_kosten_eur", []),
        "Resultaat": df.get("resultaat_eur", [])})
    tekst = "Baten, lasten en resultaat beschermd wonen per jaar (regio): " + "; ".join(
        f"{j} resultaat {formats.eur(r)}" for j, r in zip(tabel["Jaar"], tabel["Resultaat"])) + "."
    return Visual("financien-jaren", "Baten en lasten per jaar", tabel, tekst, kolommen=af.bedragen(tabel), figuur=fig,
                  opmaak={c: "eur" for c in tabel.columns if c not in ("Jaar", "Versie")},
                  toelichting="Per jaar de meest definitieve versie. Het lopende jaar bevat een prognose.")


def _lopend(ctx: Context) -> pd.Series | None:
    df = data.resultaat_jaar(ctx.scope)
    jaar = ctx.info["peildatum"].year
    rij = df[(df["jaar"] == jaar) & (df["versie"] == "lopend")]
    return None if rij.empty else rij.iloc[0]


@visual("financien-lopend")
def lopend_visual(ctx: Context) -> Visual:
    r = _lopend(ctx)
    jaar = ctx.info["peildatum"].year
    if r is None:
        tabel = pd.DataFrame(columns=["Post", "Gerealiseerd", "Prognose", "Totaal"])
        return Visual("financien-lopend", f"Lopend resultaat {jaar}", tabel, "Nog geen lopend resultaat.",
                      figuur=financien.lopend_resultaat(0, 0, 0, 0))
    kg = kosten_lopend_jaar(ctx)
    zin_g = kg.loc[kg["leveringsvorm"] == "ZIN", "gerealiseerd_eur"].sum()
    tabel = pd.DataFrame({
        "Post": ["Baten", "Cliëntgebonden kosten", "Niet-cliëntgebonden kosten", "Resultaat"],
        "Gerealiseerd": [None, r["clientgebonden_gerealiseerd_eur"], None, None],
        "Prognose": [None, r["clientgebonden_prognose_eur"], None, None],
        "Totaal": [r["baten_eur"], r["clientgebonden_kosten_eur"], r["niet_clientgebonden_kosten_eur"],
                   r["resultaat_eur"]],
    })
    fig = financien.lopend_resultaat(r["baten_eur"], r["clientgebonden_gerealiseerd_eur"],
                                     r["clientgebonden_prognose_eur"], r["niet_clientgebonden_kosten_eur"])
    tekst = (f"Lopend resultaat {jaar}: baten {formats.eur(r['baten_eur'])}; cliëntgebonden kosten "
             f"{formats.eur(r['clientgebonden_gerealiseerd_eur'])} gerealiseerd en "
             f"{formats.eur(r['clientgebonden_prognose_eur'])} prognose tot 31 december; niet-cliëntgebonden "
             f"{formats.eur(r['niet_clientgebonden_kosten_eur'])}; resultaat {formats.eur(r['resultaat_eur'])}.")
    return Visual("financien-lopend", f"Lopend resultaat {jaar} · {formats.eur(r['resultaat_eur'])}", tabel, tekst, kolommen=af.bedragen(tabel),
                  figuur=fig, opmaak={"Gerealiseerd": "eur", "Prognose": "eur", "Totaal": "eur"},
                  toelichting=f"Gerealiseerd t/m {formats.datum(ctx.info['peildatum'])} (waarvan ZIN in de "
                              f"getoonde gemeenten {formats.eur(zin_g)}); prognose (gearceerd): nog niet "
                              "gedeclareerde zorgdagen tegen het dagtarief en het PGB-gemiddelde van de "
                              "laatste drie maanden.")


@visual("financien-begroting")
def begroting_visual(ctx: Context) -> Visual:
    df = meest_definitief(data.resultaat_jaar(ctx.scope))
    tabel = pd.DataFrame({
        "Jaar": df.get("jaar", []), "Versie": df.get("versie", []),
        "Begroting cliëntgebonden": df.get("begroting_clientgebonden_eur", []),
        "Gerealiseerd": df.get("clientgebonden_gerealiseerd_eur", []),
        "Prognose": df.get("clientgebonden_prognose_eur", [])})
    if not tabel.empty:
        tabel["Realisatie + prognose"] = tabel["Gerealiseerd"] + tabel["Prognose"]
        tabel["Verschil met begroting"] = tabel["Realisatie + prognose"] - tabel["Begroting cliëntgebonden"]
    fig = financien.begroting_realisatie(df)
    tekst = "Begroting cliëntgebonden kosten tegenover realisatie (en prognose) per jaar: " + "; ".join(
        f"{j}: begroot {formats.eur(b)}, realisatie en prognose {formats.eur(r)}"
        for j, b, r in zip(tabel["Jaar"], tabel.get("Begroting cliëntgebonden", []),
                           tabel.get("Realisatie + prognose", []))) + "."
    return Visual("financien-begroting", "Begroting en realisatie", tabel, tekst, kolommen=af.bedragen(tabel), figuur=fig,
                  opmaak={c: "eur" for c in tabel.columns if c not in ("Jaar", "Versie")})


def kosten_lopend_jaar(ctx: Context) -> pd.DataFrame:
    df = data.kosten_jaar(ctx.scope, ctx.selectie(tussenvorm=False))
    return df[df["jaar"] == ctx.info["peildatum"].year]


@visual("financien-kosten-gemeente")
def kosten_gemeente_visual(ctx: Context) -> Visual:
    jaar = ctx.info["peildatum"].year
    df = kosten_lopend_jaar(ctx)
    g = df.groupby(["gemeente_code", "gemeente_naam"], as_index=False)[["gerealiseerd_eur", "prognose_eur"]].sum() \
        if not df.empty else pd.DataFrame(columns=["gemeente_code", "gemeente_naam", "gerealiseerd_eur", "prognose_eur"])
    g = g.sort_values("gemeente_naam")
    fig = categorie.gegroepeerd(g, "gemeente_naam", [("gerealiseerd_eur", "Gerealiseerd", KLEUR["gerealiseerd"]),
                                                     ("prognose_eur", "Prognose", KLEUR["prognose"])],
                                opmaak="eur", ytitel="Euro", patronen={"prognose_eur": "/"})
    euro_as(fig)
    tabel = pd.DataFrame({"Gemeente": g["gemeente_naam"], "Gemeentecode": g["gemeente_code"],
                          "Gerealiseerd": g["gerealiseerd_eur"], "Prognose": g["prognose_eur"],
                          "Totaal": g["gerealiseerd_eur"] + g["prognose_eur"]})
    tekst = (f"Cliëntgebonden kosten {jaar} per gemeente van herkomst: {formats.eur(tabel['Gerealiseerd'].sum())} "
             f"gerealiseerd en {formats.eur(tabel['Prognose'].sum())} prognose.")
    return Visual("financien-kosten-gemeente", f"Cliëntgebonden kosten {jaar} per gemeente", tabel, tekst, kolommen=af.bedragen(tabel),
                  figuur=fig, opmaak={"Gerealiseerd": "eur", "Prognose": "eur", "Totaal": "eur"})


@visual("financien-kosten-maand")
def kosten_maand_visual(ctx: Context) -> Visual:
    p = ctx.periode
    df = data.kosten_maand(ctx.scope, ctx.selectie(p, tussenvorm=False))
    lang = df.groupby(["maand", "leveringsvorm"], as_index=False)["kosten_eur"].sum() if not df.empty else df
    fig = tijd.gestapeld_per_maand(lang.rename(columns={"kosten_eur": "waarde"}), "leveringsvorm", "waarde",
                                   KLEUR_LEVERINGSVORM, LEVERINGSVORMEN, labels=LEVERINGSVORM_LABEL, opmaak="eur",
                                   geselecteerd=ctx.kruis_maand, ytitel="Euro")
    euro_as(fig)
    if lang.empty:
        tabel = pd.DataFrame(columns=["Maand", "ZIN", "PGB", "Totaal"])
    else:
        b = reken.kruistabel(lang, "maand", "leveringsvorm", "kosten_eur")
        for lv in LEVERINGSVORMEN:
            if lv not in b.columns:
                b[lv] = 0.0
        tabel = pd.DataFrame({"Maand": [pd.Timestamp(m).date() for m in b.index], "ZIN": b["ZIN"].values,
                              "PGB": b["PGB"].values, "Totaal": (b["ZIN"] + b["PGB"]).values})
    tekst = f"Gerealiseerde cliëntgebonden kosten per maand, {p.label}: {formats.eur(tabel['Totaal'].sum())}."
    return Visual("financien-kosten-maand", "Kosten per maand (gerealiseerd)", tabel, tekst, kolommen=af.bedragen(tabel), figuur=fig,
                  opmaak={"Maand": "maand", "ZIN": "eur", "PGB": "eur", "Totaal": "eur"}, kruisfilter="maand",
                  toelichting="ZIN naar maand van levering (toegekende declaraties), PGB naar maand van besteding. "
                              "Aanbieders declareren weken na de zorg: de laatste maanden zijn nog niet compleet "
                              "(zie de prognose bij het lopend resultaat).")


def verdeling_keuze(df: pd.DataFrame, lopend_jaar: int) -> tuple[int, str]:
    """Which settlement to show: the latest year with a fixed version (definitief before voorlopig);
    without one, the latest complete year before the running year; else the latest year."""
    vast = df[df["versie"].isin(["definitief", "voorlopig"])]
    if not vast.empty:
        jaar = int(vast["jaar"].max())
    elif (df["jaar"] < lopend_jaar).any():
        jaar = int(df.loc[df["jaar"] < lopend_jaar, "jaar"].max())
    else:
        jaar = int(df["jaar"].max())
    versie = df.loc[(df["jaar"] == jaar) & df["meest_definitief"].astype(bool), "versie"].iloc[0]
    return jaar, versie


def verdeling_tabel(df: pd.DataFrame) -> pd.DataFrame:
    """The distribution table with both halves of the key, plus a total row."""
    t = pd.DataFrame({
        "Gemeente": df["gemeente_naam"].fillna(df["gemeente_code"]), "Gemeentecode": df["gemeente_code"],
        "Inwoners": df["inwoners"], "Aandeel inwoners": df["inwoners_aandeel"],
        "Helft inwoners (50%)": df["inwoners_deel"],
        "Kosten uitvoering": df["kosten_eur"], "Aandeel kosten": df["kosten_aandeel"],
        "Helft kosten (50%)": df["kosten_deel"],
        "Verdeelsleutel": df["verdeelsleutel"], "Aandeel resultaat": df["resultaat_eur"],
        "Afrondingscent": df["afrondingscent"].map(lambda x: "ja" if bool(x) else ""),
    }).reset_index(drop=True)
    totaal = {"Gemeente": "Totaal", "Gemeentecode": "", "Afrondingscent": ""}
    for k in t.columns:
        if k not in totaal:
            totaal[k] = t[k].sum()
    return pd.concat([t, pd.DataFrame([totaal])], ignore_index=True)


@visual("financien-verdeling")
def verdeling_visual(ctx: Context) -> Visual:
    df = data.resultaat_verdeling(ctx.scope)
    if df.empty:
        return Visual("financien-verdeling", "Verdeling van het resultaat", pd.DataFrame(),
                      "Er is nog geen verdeling van het resultaat.", inhoud=None, tabel_open=True)
    jaar, versie = verdeling_keuze(df, ctx.info["peildatum"].year)
    versies = df[df["jaar"] == jaar]
    rijen = versies[versies["versie"] == versie].sort_values("gemeente_naam")
    tabel = verdeling_tabel(rijen)
    resultaat = rijen["resultaat_eur"].sum()
    peildag = rijen["inwoners_peildag"].dropna()
    bron = f"CBS-bevolking op {formats.datum_kort(peildag.iloc[0])}" if len(peildag) else "CBS-bevolking"
    toel = rijen["inwoners_toelichting"].dropna()
    cent = rijen.loc[rijen["afrondingscent"].fillna(False).astype(bool), "gemeente_naam"]
    andere = sorted(set(versies["versie"]) - {versie})
    tekst = (f"Verdeling van het resultaat {jaar} ({versie}), {formats.eur(resultaat, 2)}, over "
             f"{len(rijen)} gemeenten: sleutel = 50% aandeel inwoners + 50% aandeel uitvoeringskosten.")
    toelichting = (f"Inwoners: {bron}" + (f" ({toel.iloc[0]})" if len(toel) else "") + ". Kosten: cliëntgebonden "
                   "kosten naar gemeente van herkomst. "
                   + (f"De afrondingscent staat bij {cent.iloc[0]}. " if len(cent) else "")
                   + (f"Andere versie(s) van {jaar}: {', '.join(andere)}." if andere else ""))
    return Visual("financien-verdeling", f"Verdeling resultaat {jaar} ({versie}) · 50/50-sleutel", tabel, tekst, kolommen=af.bedragen(tabel),
                  opmaak={"Inwoners": "getal", "Aandeel inwoners": "pct2", "Helft inwoners (50%)": "pct2",
                          "Kosten uitvoering": "eur", "Aandeel kosten": "pct2", "Helft kosten (50%)": "pct2",
                          "Verdeelsleutel": "pct2", "Aandeel resultaat": "eur2"},
                  toelichting=toelichting, tabel_open=True, breed=True)


# The result versions (voorlopig/definitief side by side, history, fixing) are in visuals/versies.py.
from dashboard.visuals import versies as _versies  # noqa: F401  (registers their visuals and callbacks)
