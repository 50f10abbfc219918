"""Section 6, resultaat en verdeling: the region's result per year and version, its
distribution over the municipalities (50/50 key), voorlopig next to definitief, and the
recorded versions. Euro amounts are not afgeschermd."""
from __future__ import annotations

import pandas as pd

from kern import data, formats
from reports.model import Kolom, Sectie, Tabel


def _meest_definitief(df: pd.DataFrame, jaar: int) -> str | None:
    """The version of `jaar` that counts, as the mart ranks them (marts.resultaat_verdeling)."""
    v = df.loc[(df["jaar"] == jaar) & df["meest_definitief"].astype(bool), "versie"]
    return v.iloc[0] if len(v) else None


def resultaat_sectie(scope, jaar, periode, naam, scope_kind, codes, peiljaar):
    rj = data.resultaat_jaar(scope)
    rv = data.resultaat_verdeling(scope)
    vr = data.verrekening(scope)
    vh = data.resultaat_versies(scope)
    onderdelen: list = []
    alineas = [("Het resultaat beschermd wonen is van de hele regio: baten min cliëntgebonden en "
               "niet-cliëntgebonden kosten. Het lopende jaar bevat een prognose tot 31 december.")]
    # result per year and version, previous year first
    kolommen = []
    for j in (jaar - 1, jaar):
        for v in rj.loc[rj["jaar"] == j].sort_values("versie_rang", ascending=False)["versie"]:
            kolommen.append((j, v))
    posten = [("Baten (integratie-uitkering BW)", "baten_eur"), ("Kosten zorg in natura (ZIN)", "zin_eur"),
              ("Kosten persoonsgebonden budget (PGB)", "pgb_eur"),
              ("Cliëntgebonden kosten", "clientgebonden_kosten_eur"),
              ("waarvan gerealiseerd", "clientgebonden_gerealiseerd_eur"),
              ("waarvan prognose", "clientgebonden_prognose_eur"),
              ("Niet-cliëntgebonden kosten", "niet_clientgebonden_kosten_eur"), ("Resultaat", "resultaat_eur")]
    rijen = []
    for lab, k in posten:
        rij = [lab]
        for j, v in kolommen:
            w = rj.loc[(rj["jaar"] == j) & (rj["versie"] == v), k]
            rij.append(float(w.iloc[0]) if len(w) and not pd.isna(w.iloc[0]) else None)
        rijen.append(rij)
    onderdelen.append(Tabel("resultaat", f"Resultaat beschermd wonen {jaar - 1} en {jaar}", "Resultaat",
                            [Kolom("Post")] + [Kolom(f"{j} {v}", "eur2") for j, v in kolommen], rijen, totaalrij=True,
                            toelichting="Per jaar elke beschikbare versie: lopend (berekend uit de huidige gegevens), "
                                        "voorlopig en definitief (vastgelegde versies)."))
    # which year's distribution: the whole year itself; for a half-year the year settled in it
    jaren = set(rv["jaar"].astype(int)) if not rv.empty else set()
    verdeeljaar = jaar if (periode == "JAAR" or (jaar - 1) not in jaren) else jaar - 1
    if verdeeljaar not in jaren:
        alineas.append("Er is nog geen verdeling van het resultaat beschikbaar.")
        return Sectie("6. Resultaat en verdeling", alineas, onderdelen), None, "geen", "geen verdeling beschikbaar"
    versie = _meest_definitief(rv, verdeeljaar)
    rijen_v = rv[(rv["jaar"] == verdeeljaar) & (rv["versie"] == versie)].sort_values("gemeente_naam")
    vorig = rv[rv["jaar"] == verdeeljaar - 1]
    vorige_versie = _meest_definitief(rv, verdeeljaar - 1)
    vorig_aandeel = dict(zip(vorig.loc[vorig["versie"] == vorige_versie, "gemeente_code"],
                             vorig.loc[vorig["versie"] == vorige_versie, "resultaat_eur"])) if vorige_versie else {}
    rijen = []
    nadruk = []
    for i, r in enumerate(rijen_v.itertuples()):
        if scope_kind == "gemeente" and r.gemeente_code in codes:
            nadruk.append(i)
        rijen.append([r.gemeente_naam or r.gemeente_code, int(r.inwoners), r.inwoners_aandeel,
                      r.inwoners_deel, r.kosten_eur, r.kosten_aandeel, r.kosten_deel,
                      r.verdeelsleutel, r.resultaat_eur, vorig_aandeel.get(r.gemeente_code),
                      "ja" if bool(r.afrondingscent) else ""])
    totaal = ["Totaal"] + [sum(x[j] for x in rijen if x[j] is not None) for j in range(1, 10)] + [""]
    if not vorig_aandeel:
        totaal[9] = None
    rijen.append(totaal)
    peildag = rijen_v["inwoners_peildag"].dropna()
    toel = rijen_v["inwoners_toelichting"].dropna()
    bron = (f"Inwoners: CBS-bevolking op {formats.datum(peildag.iloc[0])}" if len(peildag) else "Inwoners: CBS")
    bron += f" ({toel.iloc[0]})." if len(toel) else "."
    onderdelen.append(Tabel(
        "verdeling", f"Verdeling resultaat {verdeeljaar} ({versie}) volgens de 50/50-sleutel", "Verdeling",
        [Kolom("Gemeente"), Kolom("Inwoners", "aantal"), Kolom("Aandeel inwoners", "pct2"),
         Kolom("Helft inwoners (50%)", "pct2"), Kolom("Kosten uitvoering", "eur2"), Kolom("Aandeel kosten", "pct2"),
         Kolom("Helft kosten (50%)", "pct2"), Kolom("Verdeelsleutel", "pct2"), Kolom(f"Aandeel resultaat {verdeeljaar}", "eur2"),
         Kolom(f"Aandeel resultaat {verdeeljaar - 1}" + (f" ({vorige_versie})" if vorige_versie else ""), "eur2"),
         Kolom("Afrondingscent")], rijen, totaalrij=True, nadruk=tuple(nadruk),
        toelichting=f"{bron} Kosten: cliëntgebonden kosten naar gemeente van herkomst. Sleutel = helft inwoners + "
                    "helft kosten; aandeel = resultaat x sleutel."))
    # voorlopig and definitief side by side
    vj = vr[vr["jaar"] == verdeeljaar] if not vr.empty else vr
    if not vj.empty:
        rijen = [[r.gemeente_naam or r.gemeente_code, r.gemeente_code, _num(r.voorlopig_eur), _num(r.definitief_eur),
                  _num(r.verschil_eur)] for r in vj.sort_values("gemeente_naam").itertuples()]
        nad = tuple(i for i, r in enumerate(rijen) if scope_kind == "gemeente" and r[1] in codes)
        rijen.append(["Totaal", ""] + [_som_of_none([x[j] for x in rijen]) for j in (2, 3, 4)])
        onderdelen.append(Tabel(
            "verrekening", f"Voorlopig en definitief resultaat {verdeeljaar} per gemeente", "Verrekening",
            [Kolom("Gemeente"), Kolom("Gemeentecode"), Kolom("Voorlopig", "eur2"), Kolom("Definitief", "eur2"),
             Kolom("Verschil (definitief - voorlopig)", "eur2")], rijen, totaalrij=True, nadruk=nad,
            toelichting="Het verschil is wat een gemeente bij de definitieve afrekening ontvangt (positief) of "
                        "betaalt (negatief). Leeg: die versie is nog niet vastgesteld."))
    hist = vh[vh["jaar"].isin([verdeeljaar - 1, verdeeljaar, jaar])] if not vh.empty else vh
    if not hist.empty:
        rijen = []
        for r in hist.itertuples():
            status = "geldig" if pd.isna(r.vervangen_door) else f"vervangen door record {int(r.vervangen_door)}"
            rijen.append([int(r.record_id), int(r.jaar), r.versie, formats.datumtijd(str(r.vastgesteld_op)[:19]),
                          pd.Timestamp(r.peildatum).date() if not pd.isna(r.peildatum) else None, status,
                          r.reden if isinstance(r.reden, str) else ""])
        onderdelen.append(Tabel(
            "versies", "Vastgestelde resultaatversies", "Versies",
            [Kolom("Record"), Kolom("Jaar"), Kolom("Versie"), Kolom("Vastgesteld op (UTC)"), Kolom("Gegevens t/m", "datum"),
             Kolom("Status"), Kolom("Reden correctie")], rijen,
            toelichting="Een vastgestelde versie verandert niet meer; een correctie is een nieuw record."))
    if versie == "lopend":
        tekst = f"Resultaat {verdeeljaar}: lopend (nog niet vastgesteld"
        tekst += "; bevat een prognose tot 31 december)" if verdeeljaar >= peiljaar else ")"
    else:
        rec = vh[(vh["jaar"] == verdeeljaar) & (vh["versie"] == versie) & vh["vervangen_door"].isna()]
        wanneer = formats.datum(str(rec["vastgesteld_op"].iloc[0])[:10]) if len(rec) else "onbekend"
        tekst = f"Resultaat {verdeeljaar}: {versie}, vastgesteld op {wanneer}"
    alineas.append(f"De verdeling hieronder betreft {verdeeljaar}, versie {versie}.")
    return Sectie("6. Resultaat en verdeling", alineas, onderdelen), verdeeljaar, versie, tekst


def _num(x):
    return None if x is None or pd.isna(x) else float(x)


def _som_of_none(vals):
    vals = [v for v in vals if v is not None]
    return round(sum(vals), 2) if vals else None

