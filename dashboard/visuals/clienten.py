"""Cliënten: the stand by tussenvorm and leveringsvorm, the gemeente x tussenvorm matrix, the
move toward lighter forms, and the duration in care."""
from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard import filters as flt
from dashboard.components.visual import Visual, visual
from dashboard.figures import categorie, tijd
from dashboard.request_context import Context
from kern import afscherming as af
from kern import data, formats, kalender
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


# Each section reads one query shaped for it (warehouse/queries/clienten_*.sql: sums, no row per
# gemeente) and adds the few rows up in plain Python: the pandas pivots, melts and merges per
# visual were most of a cold render (a groupby costs ~2-5 ms even on a few rows).
_vorm_rijen = data.clienten_vorm_maand
_matrix_rijen = data.clienten_matrix
_duur_rijen = data.clienten_verblijfsduur


def _vormen(ctx: Context) -> list[tuple]:
    """(maand, tussenvorm, leveringsvorm, actief) of the period, summed over the gemeenten;
    once per request (three visuals add them up)."""
    def maak():
        df = _vorm_rijen(ctx.scope, ctx.selectie(ctx.periode))
        return list(zip([pd.Timestamp(m) for m in df["maand"].tolist()], df["tussenvorm"].tolist(),
                        df["leveringsvorm"].tolist(), df["actief"].tolist()))
    return ctx.onthoud("clienten.vormen", maak)


def _per_korrel(ctx: Context, per_maand: dict) -> dict:
    """{month: values} (months in order) per period of the chosen grain, the stand at its last
    month (reken.naar_korrel with `standen`); the key becomes the period's first month."""
    if ctx.korrel == "maand":
        return per_maand
    uit: dict = {}
    for m, w in per_maand.items():
        uit[pd.Timestamp(flt.tijdvak_begin(m.date(), ctx.korrel))] = w
    return uit


def _breed(ctx: Context, kolom: str, volgorde: list[str]) -> tuple[dict, list[str]]:
    """({period: {category: stand}}, categories in `volgorde`, then the others sorted): the months
    with rows, every category that has a row (0 where a month has none), as reken.kruistabel."""
    i = 1 if kolom == "tussenvorm" else 2
    per_maand: dict = {}
    for rij in _vormen(ctx):
        cel = per_maand.setdefault(rij[0], {})
        cel[rij[i]] = cel.get(rij[i], 0) + rij[3]
    alle = sorted({c for cel in per_maand.values() for c in cel})
    cats = [c for c in volgorde if c in alle] + [c for c in alle if c not in volgorde]
    per_maand = {m: {c: per_maand[m].get(c, 0) for c in cats} for m in sorted(per_maand)}
    return _per_korrel(ctx, per_maand), cats


def _int64(waarden: list) -> np.ndarray:
    return np.array(waarden, dtype=np.int64)


def _stand_visual(ctx: Context, vid: str, titel: str, kolom: str, volgorde: list[str], kleuren: dict,
                  labels: dict | None, tekst: str) -> Visual:
    """Stacked stand per period by `kolom`; the table adds the total (rounded on its own)."""
    breed, cats = _breed(ctx, kolom, volgorde)
    maanden = list(breed)
    # the long rows the chart takes (what melt gave: per category, every period)
    lang = pd.DataFrame({"maand": [m for _c in cats for m in maanden], kolom: [c for c in cats for _m in maanden],
                         "actief": ctx.plotbaar([breed[m][c] for c in cats for m in maanden])})
    fig = tijd.gestapeld_per_maand(lang, kolom, "actief", kleuren, volgorde, labels=labels,
                                   geselecteerd=ctx.kruis_maand, ytitel="Actieve cliënten", korrel=ctx.korrel)
    kop, tijden, opmaak = ctx.tijdkolom(maanden)
    # the table made at once, its columns as int64 arrays (a pd.Series or a column set afterwards
    # costs ~0.2 ms each)
    tabel = pd.DataFrame({kop: tijden, **{c: _int64([breed[m][c] for m in maanden]) for c in cats},
                          **({"Totaal": _int64([sum(breed[m].values()) for m in maanden])} if cats else {})})
    if cats:
        laatst = breed[maanden[-1]]
        tekst += " Laatste periode: " + ", ".join(
            f"{c} {ctx.aantal(laatst[c])}" for c in cats) + f", Totaal {ctx.aantal(sum(laatst.values()))}."
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
    df = _matrix_rijen(ctx.scope, ctx.selectie(flt.Periode(p.tot, p.tot), kruis_gemeente=False))
    cel: dict = {}
    naam_van = ctx.gemeente_namen()
    for code, vorm, a in zip(df["gemeente_code"].tolist(), df["tussenvorm"].tolist(), df["actief"].tolist()):
        naam = naam_van.get(code)
        if isinstance(naam, str) and isinstance(vorm, str):  # what groupby leaves out: None, NaN
            cel[(naam, vorm)] = cel.get((naam, vorm), 0) + a
    namen = sorted({n for n, _v in cel})
    alle = sorted({v for _n, v in cel})
    cols = [t for t in TUSSENVORMEN if t in alle] + [t for t in alle if t not in TUSSENVORMEN]
    rijen = [[cel.get((n, c), 0) for c in cols] for n in namen]
    # the chart's gemeente x tussenvorm frame and the table, each made once from the cells (the
    # reset_index, rename and row sum of a pivoted frame cost ~5 ms)
    if rijen:
        breed = pd.DataFrame(np.array([ctx.plotbaar(r) for r in rijen], dtype=np.float64),
                             index=pd.Index(namen, name="gemeente_naam"), columns=pd.Index(cols, name="tussenvorm"))
        kolommen = list(zip(*rijen))
        tabel = pd.DataFrame({"Gemeente": namen, **{c: np.array(k, dtype=np.int64) for c, k in zip(cols, kolommen)},
                              "Totaal": np.array([sum(r) for r in rijen], dtype=np.int64)})
        tabel.columns.name = "tussenvorm"  # as the pivot's reset_index left it
    else:
        breed, tabel = pd.DataFrame(), pd.DataFrame(columns=["Gemeente"])
    fig = categorie.matrix(breed)
    tekst = (f"Actieve cliënten per gemeente en tussenvorm, eind {formats.maand(p.tot)}; "
             f"{len(tabel)} gemeenten met cliënten.")
    return Visual("clienten-matrix", f"Gemeente × tussenvorm · {formats.maand(p.tot)}", tabel, tekst,
                  figuur=fig, opmaak={c: "getal" for c in tabel.columns if c != "Gemeente"},
                  kolommen={c: af.AANTAL for c in tabel.columns if c != "Gemeente"})


@visual("clienten-lichter")
def lichter_visual(ctx: Context) -> Visual:
    per_maand = {pd.Timestamp(m): [0, 0] for m in kalender.maandreeks(ctx.periode.van, ctx.periode.tot)}
    licht_vormen = set(LICHTE_VORMEN)
    for m, vorm, _lev, a in _vormen(ctx):
        rij = per_maand.get(m)
        if rij is not None:
            rij[0] += a
            if vorm in licht_vormen:
                rij[1] += a
    per = _per_korrel(ctx, per_maand)
    maanden = list(per)
    actief, licht = [per[m][0] for m in maanden], [per[m][1] for m in maanden]
    zwaar = [x - li for x, li in zip(actief, licht)]
    a = ctx.afscherming  # the share of published counts: it gives neither count back
    aandeel = [float("nan") if (w := a.aandeel(li, li + zw)) is None else w for li, zw in zip(licht, zwaar)]
    df = pd.DataFrame({"maand": maanden, "aandeel": np.array(aandeel, dtype=np.float64)})
    fig = tijd.reeksen_per_maand(df, [("aandeel", "Aandeel begeleid wonen en Thuis Plus", KLEUR_LICHT)],
                                 opmaak="pct", geselecteerd=ctx.kruis_maand, ytitel="Aandeel", korrel=ctx.korrel)
    fig.update_yaxes(tickformat=".0%", rangemode="tozero")
    kop, tijden, opmaak = ctx.tijdkolom(maanden)
    tabel = pd.DataFrame({kop: tijden, "Actieve cliënten": _int64(actief), "Begeleid wonen en Thuis Plus": _int64(licht),
                          "Zwaardere vormen": _int64(zwaar), "Aandeel lichte vormen": df["aandeel"].to_numpy()})
    a0, a1 = (aandeel[0], aandeel[-1]) if maanden else (None, None)
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
    df = _duur_rijen(ctx.scope, ctx.selectie(tussenvorm=False, levering=False))
    jaren = set(range(ctx.analyse.van.year, ctx.analyse.tot.year + 1))
    per_klasse: dict = {}  # (klasse_volgorde, duurklasse) -> [in zorg, uitgestroomd]
    for status, jaar, klasse, volgorde, n in zip(df["status"].tolist(), df["uitstroomjaar"].tolist(),
                                                  df["duurklasse"].tolist(), df["klasse_volgorde"].tolist(),
                                                  df["episodes"].tolist()):
        if status != "in zorg" and jaar not in jaren:
            continue
        rij = per_klasse.setdefault((volgorde, klasse), [0, 0])
        if status == "in zorg":
            rij[0] += n
        elif status == "uitgestroomd":
            rij[1] += n
    klassen = sorted(per_klasse)
    duur = [k[1] for k in klassen]
    in_zorg, uit = [per_klasse[k][0] for k in klassen], [per_klasse[k][1] for k in klassen]
    tabel = pd.DataFrame({"Duurklasse": duur, "In zorg": _int64(in_zorg), "Uitgestroomd": _int64(uit)}) \
        if klassen else pd.DataFrame(columns=["Duurklasse", "In zorg", "Uitgestroomd"])
    jaartekst = "–".join(str(j) for j in sorted({min(jaren), max(jaren)}))
    grafiek = pd.DataFrame({"Duurklasse": duur, "In zorg": np.array(ctx.plotbaar(in_zorg), dtype=np.float64),
                            "Uitgestroomd": np.array(ctx.plotbaar(uit), dtype=np.float64)}) if klassen else tabel
    fig = categorie.gegroepeerd(grafiek, "Duurklasse", [("In zorg", "In zorg (op peildatum)", KLEUR["stand"]),
                                                        ("Uitgestroomd", f"Uitgestroomd in {jaartekst}",
                                                         KLEUR["uitstroom"])], ytitel="Episodes")
    tekst = (f"Verblijfsduur: {ctx.aantal(sum(in_zorg))} episodes in zorg en "
             f"{ctx.aantal(sum(uit))} uitgestroomd in {jaartekst}, naar duurklasse.")
    return Visual("clienten-verblijfsduur", "Verblijfsduur", tabel, tekst, figuur=fig,
                  opmaak={"In zorg": "getal", "Uitgestroomd": "getal"},
                  kolommen={"In zorg": af.AANTAL, "Uitgestroomd": af.AANTAL},
                  toelichting="Duur van de hele episode (aaneengesloten indicaties). Tussenvorm- en "
                              "leveringsvormfilter gelden hier niet.")
