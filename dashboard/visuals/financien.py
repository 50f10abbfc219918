"""Financiën: baten and lasten per year, the running result (realised and forecast apart),
budget against realisation, costs per municipality and month, and the 50/50 distribution.

A cold page runs three queries of its own, one per section, shaped in SQL for what the visuals
show (resultaat_jaar; financien_kosten: costs per gemeente, ZIN and month; financien_verdeling:
the settlement year's shares), read once per request (`Context.onthoud`) as plain rows: the
visuals build their tables and figures from lists, not by regrouping frames."""
from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.components.visual import Visual, visual
from dashboard.figures import financien
from dashboard.figures.basis import euro_as
from dashboard.request_context import Context
from kern import afscherming as af
from kern import data, formats


def als_rijen(df: pd.DataFrame) -> list[dict]:
    """A query's rows as dicts of Python values (what to_dict("records") gives, at a fraction of
    its cost: one tolist per column)."""
    kolommen = {k: df[k].tolist() for k in df.columns}
    return [dict(zip(kolommen, w)) for w in zip(*kolommen.values())]


def _als_rijen(kolommen: dict[str, list]) -> list[dict]:
    """query.kolommen's lists per column as one dict per row."""
    return [dict(zip(kolommen, w)) for w in zip(*kolommen.values())]


def som(waarden: list):
    """What Series.sum() gives for a table column: the exact sum of integers; for floats numpy's
    pairwise sum with a missing value counted 0 (so a total shows the same cent as before)."""
    if all(isinstance(w, int) and not isinstance(w, bool) for w in waarden):
        return sum(waarden)
    a = np.asarray([np.nan if w is None else w for w in waarden], dtype="float64")
    return float(np.where(np.isnan(a), 0.0, a).sum())


# --- the region's result per year (marts.resultaat_jaar) --------------------------------------

def resultaat_rijen(ctx: Context) -> list[dict]:
    """The rows of resultaat_jaar.sql as dicts, once per request (four visuals read them).
    Shared: callers must not change them."""
    return ctx.onthoud("financien-resultaat", lambda: _als_rijen(data.resultaat_jaar_kolommen(ctx.scope)))


def meest_definitief(ctx: Context) -> list[dict]:
    """One row per year: the version that counts, as the mart ranks them."""
    return ctx.onthoud("financien-definitief", lambda: sorted(
        (r for r in resultaat_rijen(ctx) if r["meest_definitief"]), key=lambda r: r["jaar"]))


def _kolom(rijen: list[dict], naam: str) -> list:
    return [r[naam] for r in rijen]


@visual("financien-jaren")
def jaren_visual(ctx: Context) -> Visual:
    rijen = meest_definitief(ctx)
    jaren, versies, resultaat = _kolom(rijen, "jaar"), _kolom(rijen, "versie"), _kolom(rijen, "resultaat_eur")
    fig = financien.baten_lasten(rijen, [f"{j} ({v})" for j, v in zip(jaren, versies)])
    tabel = pd.DataFrame({
        "Jaar": jaren, "Versie": versies, "Baten": _kolom(rijen, "baten_eur"),
        "Kosten ZIN": _kolom(rijen, "zin_eur"), "Kosten PGB": _kolom(rijen, "pgb_eur"),
        "Cliëntgebonden kosten": _kolom(rijen, "clientgebonden_kosten_eur"),
        "Niet-cliëntgebonden kosten": _kolom(rijen, "niet_clientgebonden_kosten_eur"),
        "Resultaat": resultaat})
    tekst = "Baten, lasten en resultaat beschermd wonen per jaar (regio): " + "; ".join(
        f"{j} resultaat {formats.eur(r)}" for j, r in zip(jaren, resultaat)) + "."
    return Visual("financien-jaren", "Baten en lasten per jaar", tabel, tekst, kolommen=af.bedragen(tabel), figuur=fig,
                  opmaak={c: "eur" for c in tabel.columns if c not in ("Jaar", "Versie")},
                  toelichting="Per jaar de meest definitieve versie. Het lopende jaar bevat een prognose.")


def _lopend(ctx: Context) -> dict | None:
    jaar = ctx.info["peildatum"].year
    return next((r for r in resultaat_rijen(ctx) if r["jaar"] == jaar and r["versie"] == "lopend"), None)


@visual("financien-lopend")
def lopend_visual(ctx: Context) -> Visual:
    r = _lopend(ctx)
    jaar = ctx.info["peildatum"].year
    if r is None:
        tabel = pd.DataFrame(columns=["Post", "Gerealiseerd", "Prognose", "Totaal"])
        return Visual("financien-lopend", f"Lopend resultaat {jaar}", tabel, "Nog geen lopend resultaat.",
                      figuur=financien.lopend_resultaat(0, 0, 0, 0))
    zin_g = kosten(ctx)["zin"]
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
    rijen = meest_definitief(ctx)
    begroot, gerealiseerd, prognose = (_kolom(rijen, k) for k in (
        "begroting_clientgebonden_eur", "clientgebonden_gerealiseerd_eur", "clientgebonden_prognose_eur"))
    kolommen = {"Jaar": _kolom(rijen, "jaar"), "Versie": _kolom(rijen, "versie"),
                "Begroting cliëntgebonden": begroot, "Gerealiseerd": gerealiseerd, "Prognose": prognose}
    if rijen:
        samen = [g + p for g, p in zip(gerealiseerd, prognose)]
        kolommen["Realisatie + prognose"] = samen
        kolommen["Verschil met begroting"] = [s - b for s, b in zip(samen, begroot)]
    tabel = pd.DataFrame(kolommen)
    fig = financien.begroting_realisatie(rijen)
    tekst = "Begroting cliëntgebonden kosten tegenover realisatie (en prognose) per jaar: " + "; ".join(
        f"{j}: begroot {formats.eur(b)}, realisatie en prognose {formats.eur(r)}"
        for j, b, r in zip(kolommen["Jaar"], begroot, kolommen.get("Realisatie + prognose", []))) + "."
    return Visual("financien-begroting", "Begroting en realisatie", tabel, tekst, kolommen=af.bedragen(tabel), figuur=fig,
                  opmaak={c: "eur" for c in tabel.columns if c not in ("Jaar", "Versie")})


# --- costs (financien_kosten.sql: scoped, the filters apply) ------------------------------------

def _per_maand(rijen: pd.DataFrame) -> tuple[list, dict[str, list]]:
    """The costs per month x leveringsvorm: (months in order, {leveringsvorm: each month's sum,
    NaN where the form has no costs that month}). One groupby, for the chart and the table: its
    sums are the doubles the figures carried (no SQL sum rounds the same last bits)."""
    som = rijen.groupby(["maand", "leveringsvorm"])["gerealiseerd_eur"].sum()
    per_maand: dict = {}
    for (m, lv), eur in zip(som.index.tolist(), som.tolist()):
        per_maand.setdefault(m, {})[lv] = eur
    vormen = {lv for w in per_maand.values() for lv in w}
    return list(per_maand), {lv: [w.get(lv, float("nan")) for w in per_maand.values()] for lv in vormen}


def kosten(ctx: Context) -> dict:
    """The costs section once per request: {'gemeente': rows (gemeente_code, gemeente_naam,
    gerealiseerd_eur, prognose_eur) of the peildatum's year by name, 'zin': realised ZIN of that
    year, 'maand': (months, {leveringsvorm: the month sums}) of the period, see _per_maand}."""
    def maak():
        df = data.financien_kosten(ctx.scope, ctx.selectie(ctx.periode, tussenvorm=False))
        deel = df["deel"].tolist()
        n_gem, n_zin = deel.count("gemeente"), deel.count("zin")  # ordered by deel: gemeente, maand, zin
        gem = df.iloc[:n_gem]
        maand = df.iloc[n_gem:len(deel) - n_zin]
        return {"gemeente": {k: gem[k].tolist() for k in ("gemeente_code", "gemeente_naam",
                                                         "gerealiseerd_eur", "prognose_eur")},
                "zin": float(df["gerealiseerd_eur"].iloc[-1]) if n_zin else 0.0,
                "maand": _per_maand(maand)}
    return ctx.onthoud("financien-kosten", maak)


@visual("financien-kosten-gemeente")
def kosten_gemeente_visual(ctx: Context) -> Visual:
    jaar = ctx.info["peildatum"].year
    k = kosten(ctx)["gemeente"]
    fig = financien.kosten_per_gemeente(k["gemeente_naam"], k["gerealiseerd_eur"], k["prognose_eur"])
    tabel = pd.DataFrame({"Gemeente": k["gemeente_naam"], "Gemeentecode": k["gemeente_code"],
                          "Gerealiseerd": k["gerealiseerd_eur"], "Prognose": k["prognose_eur"],
                          "Totaal": [a + b for a, b in zip(k["gerealiseerd_eur"], k["prognose_eur"])]})
    tekst = (f"Cliëntgebonden kosten {jaar} per gemeente van herkomst: {formats.eur(tabel['Gerealiseerd'].sum())} "
             f"gerealiseerd en {formats.eur(tabel['Prognose'].sum())} prognose.")
    return Visual("financien-kosten-gemeente", f"Cliëntgebonden kosten {jaar} per gemeente", tabel, tekst, kolommen=af.bedragen(tabel),
                  figuur=fig, opmaak={"Gerealiseerd": "eur", "Prognose": "eur", "Totaal": "eur"})


@visual("financien-kosten-maand")
def kosten_maand_visual(ctx: Context) -> Visual:
    p = ctx.periode
    maanden, per_vorm = kosten(ctx)["maand"]
    fig = euro_as(financien.kosten_per_maand(maanden, per_vorm, geselecteerd=ctx.kruis_maand))
    if not maanden:
        tabel = pd.DataFrame(columns=["Maand", "ZIN", "PGB", "Totaal"])
    else:
        geen = [0.0] * len(maanden)  # a month without costs of a form counts 0 in the table
        zin = [0.0 if formats.ontbreekt(w) else w for w in per_vorm.get("ZIN", geen)]
        pgb = [0.0 if formats.ontbreekt(w) else w for w in per_vorm.get("PGB", geen)]
        tabel = pd.DataFrame({"Maand": [pd.Timestamp(m).date() for m in maanden], "ZIN": zin, "PGB": pgb,
                              "Totaal": [a + b for a, b in zip(zin, pgb)]})
    tekst = f"Gerealiseerde cliëntgebonden kosten per maand, {p.label}: {formats.eur(tabel['Totaal'].sum())}."
    return Visual("financien-kosten-maand", "Kosten per maand (gerealiseerd)", tabel, tekst, kolommen=af.bedragen(tabel), figuur=fig,
                  opmaak={"Maand": "maand", "ZIN": "eur", "PGB": "eur", "Totaal": "eur"}, kruisfilter="maand",
                  toelichting="ZIN naar maand van levering (toegekende declaraties), PGB naar maand van besteding. "
                              "Aanbieders declareren weken na de zorg: de laatste maanden zijn nog niet compleet "
                              "(zie de prognose bij het lopend resultaat).")


# --- the settlement (financien_verdeling.sql: region level) -----------------------------------

def verdeling(ctx: Context) -> list[dict]:
    """The rows of the settlement year the page shows (every version, the fixed shares beside
    them; the query chooses the year), once per request: the distribution and the
    voorlopig/definitief comparison (visuals/versies.py) both read them. Shared: do not change."""
    return ctx.onthoud("financien-verdeling", lambda: _als_rijen(data.financien_verdeling_kolommen(ctx.scope)))


def verdeling_keuze(rijen: list[dict]) -> tuple[int, str]:
    """(year, version) of the settlement shown: the query's year, its meest_definitief version."""
    r = next(r for r in rijen if r["meest_definitief"])
    return int(r["jaar"]), r["versie"]


def _op_naam(rijen: list[dict]) -> list[dict]:
    """Sorted by gemeente name, a missing name last (as sort_values put NaN)."""
    return sorted(rijen, key=lambda r: (formats.ontbreekt(r["gemeente_naam"]), r["gemeente_naam"] or ""))


def verdeling_tabel(rijen: list[dict]) -> pd.DataFrame:
    """The distribution table with both halves of the key, plus a total row."""
    kol = {
        "Gemeente": [r["gemeente_code"] if formats.ontbreekt(r["gemeente_naam"]) else r["gemeente_naam"] for r in rijen],
        "Gemeentecode": _kolom(rijen, "gemeente_code"),
        "Inwoners": _kolom(rijen, "inwoners"), "Aandeel inwoners": _kolom(rijen, "inwoners_aandeel"),
        "Helft inwoners (50%)": _kolom(rijen, "inwoners_deel"),
        "Kosten uitvoering": _kolom(rijen, "kosten_eur"), "Aandeel kosten": _kolom(rijen, "kosten_aandeel"),
        "Helft kosten (50%)": _kolom(rijen, "kosten_deel"),
        "Verdeelsleutel": _kolom(rijen, "verdeelsleutel"), "Aandeel resultaat": _kolom(rijen, "resultaat_eur"),
        "Afrondingscent": ["ja" if bool(r["afrondingscent"]) else "" for r in rijen],
    }
    for k, waarden in kol.items():  # the total row
        waarden.append({"Gemeente": "Totaal", "Gemeentecode": "", "Afrondingscent": ""}.get(k) if k in (
            "Gemeente", "Gemeentecode", "Afrondingscent") else som(waarden))
    return pd.DataFrame(kol)


@visual("financien-verdeling")
def verdeling_visual(ctx: Context) -> Visual:
    alle = verdeling(ctx)
    if not alle:
        return Visual("financien-verdeling", "Verdeling van het resultaat", pd.DataFrame(),
                      "Er is nog geen verdeling van het resultaat.", inhoud=None, tabel_open=True)
    jaar, versie = verdeling_keuze(alle)
    gekozen = _op_naam([r for r in alle if r["versie"] == versie])
    tabel = verdeling_tabel(gekozen)
    resultaat = tabel["Aandeel resultaat"].iloc[-1]
    peildag = [r["inwoners_peildag"] for r in gekozen if not pd.isna(r["inwoners_peildag"])]
    bron = f"CBS-bevolking op {formats.datum_kort(peildag[0])}" if peildag else "CBS-bevolking"
    toel = [r["inwoners_toelichting"] for r in gekozen if not formats.ontbreekt(r["inwoners_toelichting"])]
    cent = [r["gemeente_naam"] for r in gekozen if not formats.ontbreekt(r["afrondingscent"]) and bool(r["afrondingscent"])]
    andere = sorted({r["versie"] for r in alle} - {versie})
    tekst = (f"Verdeling van het resultaat {jaar} ({versie}), {formats.eur(resultaat, 2)}, over "
             f"{len(gekozen)} gemeenten: sleutel = 50% aandeel inwoners + 50% aandeel uitvoeringskosten.")
    toelichting = (f"Inwoners: {bron}" + (f" ({toel[0]})" if toel else "") + ". Kosten: cliëntgebonden "
                   "kosten naar gemeente van herkomst. "
                   + (f"De afrondingscent staat bij {cent[0]}. " if cent else "")
                   + (f"Andere versie(s) van {jaar}: {', '.join(andere)}." if andere else ""))
    return Visual("financien-verdeling", f"Verdeling resultaat {jaar} ({versie}) · 50/50-sleutel", tabel, tekst, kolommen=af.bedragen(tabel),
                  opmaak={"Inwoners": "getal", "Aandeel inwoners": "pct2", "Helft inwoners (50%)": "pct2",
                          "Kosten uitvoering": "eur", "Aandeel kosten": "pct2", "Helft kosten (50%)": "pct2",
                          "Verdeelsleutel": "pct2", "Aandeel resultaat": "eur2"},
                  toelichting=toelichting, tabel_open=True, breed=True)


# The result versions (voorlopig/definitief side by side, history, fixing) are in visuals/versies.py.
from dashboard.visuals import versies as _versies  # noqa: F401  (registers their visuals and callbacks)
