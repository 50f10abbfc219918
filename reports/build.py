"""build_report: gather every figure of an accountability report through dashboard/data.py.

Access follows the dashboard (docs/security.md): the scope is `allowed_gemeenten(user, region)`;
a region report needs the `regio` role, a municipality's report a code inside the user's scope.
Every figure is read through the scoped functions of dashboard/data.py; a municipality's report
sees the region only as totals (rapport_regio_*), plus the jointly agreed distribution.
"""
from __future__ import annotations

import calendar
import datetime as dt
import logging
from collections.abc import Callable

import pandas as pd

from dashboard import data, formats
from dashboard.auth.roles import REGIO, User, allowed_gemeenten
from dashboard.data import Selectie
from reports import privacy as pv
from reports import teksten
from reports.model import Grafiek, Kolom, ReportData, Sectie, Tabel

log = logging.getLogger(__name__)

PERIODES = ("H1", "JAAR")
SCOPES = ("regio", "gemeente")
VERSIE_RANG = {"definitief": 0, "voorlopig": 1, "lopend": 2}
LEVERINGSVORMEN = ("ZIN", "PGB")
TUSSENVORMEN = ["Beschermd wonen intramuraal", "Beschermd wonen nabij", "Begeleid wonen", "Thuis Plus",
                "Onbekend"]
WLZ_BESLUIT = [("toegekend", "waarvan toegekend"), ("afgewezen", "waarvan afgewezen"),
               ("in_behandeling", "waarvan nog in behandeling"), ("ingetrokken", "waarvan ingetrokken")]


class RapportGeweigerd(PermissionError):
    """The user may not produce this report. `str(e)` is a Dutch message."""


class RapportFout(ValueError):
    """The report cannot be made (e.g. no data for the period). `str(e)` is a Dutch message."""


# --- periods ----------------------------------------------------------------------------------

def _maand(d: dt.date) -> dt.date:
    return d.replace(day=1)


def _maand_ervoor(d: dt.date) -> dt.date:
    return (d.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def _maanden(van: dt.date, tot: dt.date) -> list[dt.date]:
    uit, m = [], _maand(van)
    while m <= _maand(tot):
        uit.append(m)
        m = (m + dt.timedelta(days=32)).replace(day=1)
    return uit


def perioden(periode: str, jaar: int, peildatum: dt.date):
    """(van, tot, vorige_van, vorige_tot, compleet). The period is cut off at the peildatum;
    the previous period covers the same days one year earlier."""
    if periode not in PERIODES:
        raise RapportFout(f"Onbekende periode '{periode}': kies H1 (eerste halfjaar) of JAAR.")
    van = dt.date(jaar, 1, 1)
    eind = dt.date(jaar, 6, 30) if periode == "H1" else dt.date(jaar, 12, 31)
    if van > peildatum:
        raise RapportFout(f"Er zijn nog geen gegevens over {jaar}: de gegevens lopen tot en met "
                          f"{formats.datum(peildatum)}.")
    tot = min(eind, peildatum)
    vtot = dt.date(jaar - 1, tot.month, min(tot.day, calendar.monthrange(jaar - 1, tot.month)[1]))
    return van, tot, dt.date(jaar - 1, 1, 1), vtot, tot == eind


def periode_label(periode: str, jaar: int, tot: dt.date, compleet: bool) -> str:
    basis = f"eerste halfjaar {jaar}" if periode == "H1" else str(jaar)
    return basis if compleet else f"{basis} (t/m {formats.datum(tot)})"


# --- small helpers ------------------------------------------------------------------------------

def _datums(df: pd.DataFrame, kolom: str = "maand") -> pd.DataFrame:
    if not df.empty:
        df = df.copy()
        df[kolom] = pd.to_datetime(df[kolom]).dt.date
    return df


def _tussen(df: pd.DataFrame, van: dt.date, tot: dt.date) -> pd.DataFrame:
    if df.empty:
        return df
    return df[(df["maand"] >= _maand(van)) & (df["maand"] <= _maand(tot))]


def _som(df: pd.DataFrame, kolom: str) -> float:
    return float(df[kolom].sum()) if not df.empty else 0.0


def _int(x) -> int:
    return round(float(x)) if x is not None and not pd.isna(x) else 0


def _verschil(a, b):
    if pv.verborgen(a) or pv.verborgen(b):
        return pv.SECUNDAIR
    if a is None or b is None:
        return None
    return a - b


def _verschil_pct(a, b):
    if pv.verborgen(a) or pv.verborgen(b):
        return pv.SECUNDAIR
    if a is None or b in (None, 0):
        return None
    return (a - b) / b


def _per1000(waarde, inwoners):
    if pv.verborgen(waarde):
        return pv.SECUNDAIR
    if waarde is None or not inwoners:
        return None
    return waarde * 1000.0 / inwoners


def _aandeel(deel, geheel):
    if pv.verborgen(deel) or pv.verborgen(geheel):
        return pv.SECUNDAIR
    return deel / geheel if geheel else None


def _verborgen_in(tabel: Tabel, kolommen: list[str]) -> bool:
    return any(pv.verborgen(v) for k in kolommen for v in tabel.kolom(k))


def _standaard_auditor() -> Callable[[str, dict], None] | None:
    from dashboard.auth.context import get_context
    if get_context() is None:
        return None
    from dashboard.auth import audit
    return audit


# --- the report ---------------------------------------------------------------------------------

def build_report(scope_kind: str, gemeente_code: str | None, periode: str, jaar: int,
                 user: User | None, *, auditor: Callable[[str, dict], None] | None = None) -> ReportData:
    """Gather an accountability report for the region ('regio') or one municipality
    ('gemeente', `gemeente_code`), for the first half-year ('H1') or the whole year ('JAAR').

    The scope comes from `user` (the session's user, never from the request): a region report
    needs the regio role; a municipality's report a code the user may see. Raises
    RapportGeweigerd (a PermissionError) or RapportFout. Audited as 'rapport' through `auditor`
    (default: dashboard.auth.audit when running inside the app)."""
    auditor = auditor or _standaard_auditor()
    wat = {"soort": scope_kind, "gemeente": gemeente_code, "periode": periode, "jaar": jaar}
    regio = data.regio_gemeenten()
    scope = allowed_gemeenten(user, regio["gemeente_code"])
    try:
        if scope_kind == "regio":
            if user is None or REGIO not in user.roles:
                raise RapportGeweigerd("Alleen gebruikers met de rol regio kunnen de rapportage voor de "
                                       "hele regio maken.")
            codes = sorted(scope)
        elif scope_kind == "gemeente":
            code = str(gemeente_code or "").strip().upper()
            if code not in scope:
                raise RapportGeweigerd("U kunt alleen een rapportage maken voor een gemeente waarvan u de "
                                       "cijfers mag zien.")
            codes = [code]
        else:
            raise RapportFout(f"Onbekende soort rapportage '{scope_kind}': kies regio of gemeente.")
        if not codes:
            raise RapportGeweigerd("U heeft geen toegang tot de cijfers van een gemeente.")
        if periode not in PERIODES:
            raise RapportFout(f"Onbekende periode '{periode}': kies H1 (eerste halfjaar) of JAAR.")
        rapport = _bouw(scope_kind, codes, periode, int(jaar), user, scope, regio)
    except (RapportGeweigerd, RapportFout) as fout:
        if auditor:
            auditor("rapport_geweigerd", {**wat, "reden": str(fout)})
        raise
    if auditor:
        auditor("rapport", {**wat, "peildatum": rapport.peildatum.isoformat(),
                            "resultaatversie": rapport.resultaat_versie,
                            "warehouse_versie": rapport.warehouse_versie})
    return rapport


def _bouw(scope_kind, codes, periode, jaar, user, scope, regio) -> ReportData:
    info = data.warehouse_info()
    peil = info["peildatum"]
    van, tot, vvan, vtot, compleet = perioden(periode, jaar, peil)
    drempel = pv.drempel()
    namen = dict(zip(regio["gemeente_code"], regio["gemeente_naam"]))
    eigen = frozenset(codes)  # figures are read for exactly these municipalities
    if scope_kind == "regio":
        naam = str(info["regio"])
        titel_wie = f"Regio {naam}"
    else:
        naam = namen.get(codes[0], codes[0])
        titel_wie = f"Gemeente {naam} (regio {info['regio']})"
    plabel = periode_label(periode, jaar, tot, compleet)
    vlabel = (periode_label(periode, jaar - 1, vtot, True) if compleet
              else f"{formats.datum(vvan)} t/m {formats.datum(vtot)}")
    kort, vkort = (f"H1 {jaar}", f"H1 {jaar - 1}") if periode == "H1" else (str(jaar), str(jaar - 1))
    if not compleet:
        kort, vkort = f"{jaar} t/m {formats.maand(tot)}", f"{jaar - 1} t/m {formats.maand(vtot)}"

    venster = Selectie(van=dt.date(jaar - 2, 12, 1), tot=_maand(tot))
    cm = _datums(data.clienten_maand(eigen, venster))
    sm = _datums(data.stromen_maand(eigen, venster))
    km = _datums(data.kosten_maand(eigen, venster))
    ur = _datums(data.uitstroom_reden_maand(eigen, venster))
    wm = _datums(data.wlz_aanvragen_maand(eigen, venster))
    wo = data.wlz_aanvragen_open(eigen, Selectie())
    iw = data.inwoners_jaar(eigen, Selectie())

    c = _Cijfers(cm, sm, km, ur, wm, iw)
    cur = c.periode(van, tot, jaar)
    prev = c.periode(vvan, vtot, jaar - 1)

    secties: list[Sectie] = []
    # 1. kerncijfers
    kern = _kerncijfers(cur, prev, kort, vkort, drempel)
    kern.toelichting = (f"Stand aan het begin: {formats.datum(_maand(van) - dt.timedelta(days=1))} en "
                        f"{formats.datum(_maand(vvan) - dt.timedelta(days=1))}; aan het eind: "
                        f"{formats.datum(tot)} en {formats.datum(_einde_stand(vtot))}. Kosten: gerealiseerd.")
    s1 = Sectie("1. Kerncijfers", [
        f"De kerncijfers van {plabel} naast {vlabel}."
    ], [kern])
    if scope_kind == "regio":
        s1.onderdelen.append(_per_gemeente(cm, sm, km, iw, namen, codes, van, tot, jaar, kort, drempel))
    else:
        rm = _datums(data.rapport_regio_maand(scope))
        ri = data.regio_inwoners_jaar(scope)
        s1.onderdelen.append(_vergelijking(cur, prev, rm, ri, naam, van, tot, vvan, vtot, jaar, kort, vkort,
                                           drempel))
    secties.append(s1)

    # 2. stand
    stand = _stand_tabel(cur, prev, kort, vkort, drempel)
    sg = _stand_grafiek(c, van, tot, vvan, kort, vkort, drempel)
    secties.append(Sectie("2. Cliënten in zorg", [
        (f"Het aantal cliënten met beschermd wonen op {formats.datum(tot)}, naar tussenvorm (zwaarste eerst) en "
        f"leveringsvorm, en het verloop per maand naast dezelfde maanden een jaar eerder.")], [stand, sg]))

    # 3. instroom en uitstroom
    stromen = _stromen_tabel(c, van, tot, drempel)
    redenen = _redenen_tabel(cur, prev, kort, vkort, drempel)
    gr = Grafiek("stromen", "Instroom en uitstroom per maand", "staaf",
                 [formats.maand(m) for m in _maanden(van, tot)],
                 [("Instroom", [v for v in stromen.kolom("Instroom")[:-1]]),
                  ("Uitstroom", [v for v in stromen.kolom("Uitstroom")[:-1]])])
    if _verborgen_in(stromen, ["Instroom", "Uitstroom"]):
        gr.weggelaten = "Grafiek niet getoond: de maandcijfers bevatten afgeschermde kleine aantallen (zie de tabel)."
    secties.append(Sectie("3. Instroom en uitstroom", [
        ("Instroom is het begin van een episode beschermd wonen, uitstroom het einde ervan (in de maand van de "
        "eerste dag zonder zorg). Een wisseling van product binnen een episode is doorstroom en telt hier niet.")],
        [stromen, gr, redenen]))

    # 4. Wlz
    wlz = _wlz_tabel(cur, prev, kort, vkort, drempel)
    open_ = _wlz_open_tabel(wo, peil, drempel)
    secties.append(Sectie("4. Overgang naar de Wlz", [
        ("Sinds 1 januari 2021 staat de Wet langdurige zorg open voor mensen met psychische problematiek. De "
        "uitstroom naar de Wlz (reden 39) en de Wlz-aanvragen (naar maand van aanvraag, met het besluit zoals "
        f"bekend op {formats.datum(peil)}) volgen deze overgang.")], [wlz, open_]))

    # 5. ZIN en PGB
    zp = _zin_pgb_tabel(cur, prev, kort, vkort, drempel)
    kg = Grafiek("kosten", "Gerealiseerde kosten per maand naar leveringsvorm", "gestapeld",
                 [formats.maand(m) for m in _maanden(van, tot)],
                 [(lv, [float(_tussen(km, m, m).loc[lambda d, lv=lv: d["leveringsvorm"] == lv, "kosten_eur"].sum())
                        if not km.empty else 0.0 for m in _maanden(van, tot)]) for lv in LEVERINGSVORMEN],
                 eenheid="eur")
    secties.append(Sectie("5. Zorg in natura en persoonsgebonden budget", [
        "Cliënten (stand aan het eind van de periode) en gerealiseerde kosten naar leveringsvorm."], [zp, kg]))

    # 6. resultaat en verdeling
    s6, verdeeljaar, versie, versie_tekst = _resultaat_sectie(scope, jaar, periode, naam, scope_kind, codes, peil.year)
    secties.append(s6)

    # 7. datakwaliteit: region reports only (data quality is for the regio and beheer roles)
    if scope_kind == "regio":
        secties.append(_datakwaliteit_sectie(data.producten_buiten_catalogus(REGIO in user.roles), drempel))


    from datetime import datetime
    return ReportData(
        titel=f"Verantwoording beschermd wonen {plabel}", ondertitel=titel_wie, scope_kind=scope_kind,
        gemeente_code=None if scope_kind == "regio" else codes[0], naam=naam, regio=str(info["regio"]),
        periode=periode, jaar=jaar, periode_label=plabel, vorige_label=vlabel, van=van, tot=tot,
        vorige_van=vvan, vorige_tot=vtot, peildatum=peil, warehouse_versie=str(info["versie"]),
        verdeeljaar=verdeeljaar, resultaat_versie=versie, resultaat_versie_tekst=versie_tekst,
        gemaakt_op=datetime.now(dt.UTC), gemaakt_door=user.username if user else "",
        drempel=drempel,
        leeswijzer=teksten.leeswijzer(scope_kind, naam, plabel, vlabel, drempel, verdeeljaar),
        secties=secties, definities=teksten.DEFINITIES)


def _einde_stand(d: dt.date) -> dt.date:
    """The day the mart's stand of d's month is taken (the month's last day)."""
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


class _Cijfers:
    """The monthly marts of the report's municipalities, summed per period."""

    def __init__(self, cm, sm, km, ur, wm, iw):
        self.cm, self.sm, self.km, self.ur, self.wm, self.iw = cm, sm, km, ur, wm, iw

    def stand(self, maand: dt.date, **waar) -> int:
        df = self.cm
        if df.empty:
            return 0
        df = df[df["maand"] == _maand(maand)]
        for k, v in waar.items():
            df = df[df[k] == v]
        return int(df["actief"].sum())

    def inwoners(self, jaar: int) -> int:
        df = self.iw
        return int(df.loc[df["jaar"] == jaar, "inwoners_1_januari"].sum()) if not df.empty else 0

    def periode(self, van: dt.date, tot: dt.date, jaar: int) -> dict:
        s = _tussen(self.sm, van, tot)
        k = _tussen(self.km, van, tot)
        u = _tussen(self.ur, van, tot)
        w = _tussen(self.wm, van, tot)
        uit = {
            "stand_begin": self.stand(_maand_ervoor(van)),
            "stand_eind": self.stand(tot),
            "instroom": int(_som(s, "instroom")), "nieuwe_clienten": int(_som(s, "nieuwe_clienten")),
            "uitstroom": int(_som(s, "uitstroom")), "uitstroom_wlz": int(_som(s, "uitstroom_wlz")),
            "inwoners": self.inwoners(jaar),
            "redenen": {} if u.empty else {
                (r, o): int(n) for (r, o), n in u.groupby(["reden_code", "reden_omschrijving"])["uitstroom"].sum().items()},
            "wlz": {col: int(_som(w, col)) for col in ("aanvragen", "toegekend", "afgewezen", "in_behandeling",
                                                         "ingetrokken")},
        }
        for lv in LEVERINGSVORMEN:
            uit[f"stand_{lv}"] = self.stand(tot, leveringsvorm=lv)
            uit[f"kosten_{lv}"] = float(k.loc[k["leveringsvorm"] == lv, "kosten_eur"].sum()) if not k.empty else 0.0
        uit["kosten"] = uit["kosten_ZIN"] + uit["kosten_PGB"]
        uit["stand_tv"] = {}
        for tv in TUSSENVORMEN:
            for lv in LEVERINGSVORMEN:
                uit["stand_tv"][(tv, lv)] = self.stand(tot, tussenvorm=tv, leveringsvorm=lv)
        return uit


def _kerncijfers(cur, prev, kort, vkort, drempel) -> Tabel:
    rijen_def = [
        ("Cliënten in zorg aan het begin van de periode", "aantal", "stand_begin"),
        ("Instroom", "aantal", "instroom"),
        ("waarvan nieuwe cliënten", "aantal", "nieuwe_clienten"),
        ("Uitstroom", "aantal", "uitstroom"),
        ("waarvan naar de Wlz", "aantal", "uitstroom_wlz"),
        ("Cliënten in zorg aan het eind van de periode", "aantal", "stand_eind"),
        ("waarvan zorg in natura (ZIN)", "aantal", "stand_ZIN"),
        ("waarvan persoonsgebonden budget (PGB)", "aantal", "stand_PGB"),
        ("Kosten ZIN (gerealiseerd)", "eur", "kosten_ZIN"),
        ("Kosten PGB (gerealiseerd)", "eur", "kosten_PGB"),
        ("Kosten totaal (gerealiseerd)", "eur", "kosten"),
    ]
    matrix = [[lab, cur[k], prev[k]] for lab, _, k in rijen_def]
    tellen = {i for i, (_, s, _) in enumerate(rijen_def) if s == "aantal"}
    matrix = pv.scherm_af(matrix, {1, 2}, [[(6, 1), (7, 1)], [(6, 2), (7, 2)]], drempel, rijen=tellen)
    for r in matrix:
        r += [_verschil(r[1], r[2]), _verschil_pct(r[1], r[2])]
    return Tabel("kerncijfers", "Kerncijfers", "Kerncijfers",
                 [Kolom("Indicator"), Kolom(kort, "rij"), Kolom(vkort, "rij"), Kolom("Verschil", "rij"),
                  Kolom("Verschil %", "pct")], matrix, rij_soort=[s for _, s, _ in rijen_def])


def _per_gemeente(cm, sm, km, iw, namen, codes, van, tot, jaar, kort, drempel) -> Tabel:
    rijen = []
    for code in sorted(codes, key=lambda c: namen.get(c, c)):
        c = _Cijfers(cm[cm["gemeente_code"] == code] if not cm.empty else cm,
                     sm[sm["gemeente_code"] == code] if not sm.empty else sm,
                     km[km["gemeente_code"] == code] if not km.empty else km,
                     pd.DataFrame(), pd.DataFrame(),
                     iw[iw["gemeente_code"] == code] if not iw.empty else iw)
        st, inw = c.stand(tot), c.inwoners(jaar)
        s, k = _tussen(c.sm, van, tot), _tussen(c.km, van, tot)
        rijen.append([namen.get(code, code), code, inw, st, int(_som(s, "instroom")), int(_som(s, "uitstroom")),
                      int(_som(s, "uitstroom_wlz")), _som(k, "kosten_eur")])
    n = len(rijen)
    totaal = ["Regio (totaal)", "", sum(r[2] for r in rijen)] + [sum(r[j] for r in rijen) for j in range(3, 8)]
    matrix = pv.scherm_af(rijen + [totaal], {3, 4, 5, 6}, pv.kolomgroepen(range(n), [3, 4, 5, 6]), drempel)
    uit = []
    for r in matrix:
        uit.append(r[:4] + [_per1000(r[3], r[2])] + r[4:8] + [r[7] / r[2] if r[2] else None])
    return Tabel("per_gemeente", f"Kerncijfers per gemeente, {kort}", "Per gemeente",
                 [Kolom("Gemeente"), Kolom("Gemeentecode"), Kolom(f"Inwoners 1 januari {jaar}", "aantal"),
                  Kolom(f"Cliënten in zorg {formats.datum_kort(tot)}", "aantal"), Kolom("Cliënten per 1.000 inwoners", "per1000"),
                  Kolom("Instroom", "aantal"), Kolom("Uitstroom", "aantal"), Kolom("waarvan naar de Wlz", "aantal"),
                  Kolom("Kosten (gerealiseerd)", "eur"), Kolom("Kosten per inwoner", "eur2")],
                 uit, totaalrij=True)


def _vergelijking(cur, prev, rm, ri, naam, van, tot, vvan, vtot, jaar, kort, vkort, drempel) -> Tabel:
    def regio_periode(a, b, j):
        r = _tussen(rm, a, b)
        stand = int(rm.loc[rm["maand"] == _maand(b), "actief"].sum()) if not rm.empty else 0
        inw = int(ri.loc[ri["jaar"] == j, "inwoners_1_januari"].sum()) if not ri.empty else 0
        return {"stand_eind": stand, "instroom": int(_som(r, "instroom")),
                "nieuwe_clienten": int(_som(r, "nieuwe_clienten")), "uitstroom": int(_som(r, "uitstroom")),
                "uitstroom_wlz": int(_som(r, "uitstroom_wlz")),
                "kosten": _som(r, "kosten_zin_eur") + _som(r, "kosten_pgb_eur"), "inwoners": inw}
    rc, rp = regio_periode(van, tot, jaar), regio_periode(vvan, vtot, jaar - 1)
    defs = [("Cliënten in zorg aan het eind van de periode", "stand_eind"), ("Instroom", "instroom"),
            ("waarvan nieuwe cliënten", "nieuwe_clienten"), ("Uitstroom", "uitstroom"),
            ("waarvan naar de Wlz", "uitstroom_wlz")]
    # counts first (suppressed), then the rates derived from them
    tel = [[lab, cur[k], rc[k], prev[k], rp[k]] for lab, k in defs]
    tel = pv.scherm_af(tel, {1, 2, 3, 4}, [], drempel)
    rijen = [["Inwoners (1 januari)", cur["inwoners"], None, rc["inwoners"], None, None, None]]
    for r in tel:
        rijen.append([r[0], r[1], _per1000(r[1], cur["inwoners"]), r[2], _per1000(r[2], rc["inwoners"]),
                      _per1000(r[3], prev["inwoners"]), _per1000(r[4], rp["inwoners"])])
    rijen.append(["Kosten per inwoner (euro)", None, _per1000(cur["kosten"], cur["inwoners"] * 1000),
                  None, _per1000(rc["kosten"], rc["inwoners"] * 1000),
                  _per1000(prev["kosten"], prev["inwoners"] * 1000), _per1000(rp["kosten"], rp["inwoners"] * 1000)])
    return Tabel("vergelijking", f"{naam} en de regio per 1.000 inwoners", "Gemeente en regio",
                 [Kolom("Indicator"), Kolom(f"{naam} {kort}", "aantal"), Kolom(f"{naam} per 1.000", "per1000"),
                  Kolom(f"Regio {kort}", "aantal"), Kolom("Regio per 1.000", "per1000"),
                  Kolom(f"{naam} per 1.000 {vkort}", "per1000"), Kolom(f"Regio per 1.000 {vkort}", "per1000")],
                 rijen, toelichting="Per 1.000 inwoners: gedeeld door de CBS-bevolking op 1 januari van het jaar. "
                                    "De laatste regel is in euro per inwoner.")


def _stand_tabel(cur, prev, kort, vkort, drempel) -> Tabel:
    tvs = [tv for tv in TUSSENVORMEN if tv != "Onbekend"
           or any(cur["stand_tv"][(tv, lv)] or prev["stand_tv"][(tv, lv)] for lv in LEVERINGSVORMEN)]
    rijen = []
    for tv in tvs:
        z, p = cur["stand_tv"][(tv, "ZIN")], cur["stand_tv"][(tv, "PGB")]
        rijen.append([tv, z, p, z + p, prev["stand_tv"][(tv, "ZIN")] + prev["stand_tv"][(tv, "PGB")]])
    n = len(rijen)
    rijen.append(["Totaal", sum(r[1] for r in rijen), sum(r[2] for r in rijen), cur["stand_eind"], prev["stand_eind"]])
    groepen = pv.kolomgroepen(range(n), [1, 2, 3, 4]) + pv.rijgroepen(range(n + 1), [1, 2])
    matrix = pv.scherm_af(rijen, {1, 2, 3, 4}, groepen, drempel)
    for r in matrix:
        r.append(_verschil(r[3], r[4]))
    return Tabel("stand", "Cliënten in zorg naar tussenvorm en leveringsvorm", "Stand",
                 [Kolom("Tussenvorm"), Kolom(f"ZIN {kort}", "aantal"), Kolom(f"PGB {kort}", "aantal"),
                  Kolom(f"Totaal {kort}", "aantal"), Kolom(f"Totaal {vkort}", "aantal"), Kolom("Verschil", "aantal")],
                 matrix, totaalrij=True)


def _stand_grafiek(c: _Cijfers, van, tot, vvan, kort, vkort, drempel) -> Grafiek:
    maanden = _maanden(van, tot)
    nu = [c.stand(m) for m in maanden]
    toen = [c.stand(m.replace(year=vvan.year)) for m in maanden]
    g = Grafiek("stand_maand", "Cliënten in zorg per maand", "lijn", [formats.MAANDEN_KORT[m.month - 1] for m in maanden],
                [(kort, nu), (vkort, toen)])
    from dashboard.auth.privacy import is_small
    if any(is_small(v, drempel) for v in nu + toen):
        g.weggelaten = "Grafiek niet getoond: de maandcijfers bevatten kleine aantallen."
    return g


def _stromen_tabel(c: _Cijfers, van, tot, drempel) -> Tabel:
    s = _tussen(c.sm, van, tot)
    kol = ["instroom", "nieuwe_clienten", "uitstroom", "uitstroom_wlz"]
    rijen = []
    for m in _maanden(van, tot):
        r = s[s["maand"] == m] if not s.empty else s
        rijen.append([m] + [int(_som(r, k)) for k in kol])
    n = len(rijen)
    rijen.append(["Totaal"] + [sum(r[j] for r in rijen) for j in range(1, 5)])
    matrix = pv.scherm_af(rijen, {1, 2, 3, 4}, pv.kolomgroepen(range(n), [1, 2, 3, 4]), drempel)
    return Tabel("stromen", "Instroom en uitstroom per maand", "Instroom en uitstroom",
                 [Kolom("Maand", "maand"), Kolom("Instroom", "aantal"), Kolom("Nieuwe cliënten", "aantal"),
                  Kolom("Uitstroom", "aantal"), Kolom("Uitstroom naar de Wlz", "aantal")], matrix, totaalrij=True)


def _redenen_tabel(cur, prev, kort, vkort, drempel) -> Tabel:
    sleutels = sorted(set(cur["redenen"]) | set(prev["redenen"]), key=lambda k: (str(k[0]), k[1]))
    rijen = [[oms, str(code) if code is not None and not pd.isna(code) else "", cur["redenen"].get((code, oms), 0),
              prev["redenen"].get((code, oms), 0)] for code, oms in sleutels]
    n = len(rijen)
    rijen.append(["Totaal", "", cur["uitstroom"], prev["uitstroom"]])
    matrix = pv.scherm_af(rijen, {2, 3}, pv.kolomgroepen(range(n), [2, 3]), drempel)
    for r in matrix:
        r.append(_verschil(r[2], r[3]))
    return Tabel("uitstroom_reden", "Uitstroom naar reden van beëindiging", "Uitstroom naar reden",
                 [Kolom("Reden"), Kolom("Code (WMO588)"), Kolom(kort, "aantal"), Kolom(vkort, "aantal"),
                  Kolom("Verschil", "aantal")], matrix, totaalrij=True)


def _wlz_tabel(cur, prev, kort, vkort, drempel) -> Tabel:
    rijen = [["Uitstroom naar de Wlz (reden 39)", cur["uitstroom_wlz"], prev["uitstroom_wlz"]],
             ["Wlz-aanvragen ingediend", cur["wlz"]["aanvragen"], prev["wlz"]["aanvragen"]]]
    for k, lab in WLZ_BESLUIT:
        rijen.append([lab, cur["wlz"][k], prev["wlz"][k]])
    matrix = pv.scherm_af(rijen, {1, 2}, pv.kolomgroepen(range(2, 6), [1, 2]), drempel)
    for r in matrix:
        r.append(_verschil(r[1], r[2]))
    return Tabel("wlz", "Uitstroom naar de Wlz en Wlz-aanvragen", "Wlz",
                 [Kolom("Indicator"), Kolom(kort, "aantal"), Kolom(vkort, "aantal"), Kolom("Verschil", "aantal")],
                 matrix, toelichting="Aanvragen naar maand van aanvraag; het besluit zoals bekend op de peildatum.")


def _wlz_open_tabel(wo: pd.DataFrame, peil, drempel) -> Tabel:
    if wo.empty:
        rijen = []
    else:
        g = wo.groupby(["klasse_volgorde", "leeftijdsklasse"], as_index=False)["aanvragen"].sum().sort_values("klasse_volgorde")
        rijen = [[k, int(n)] for k, n in zip(g["leeftijdsklasse"], g["aanvragen"])]
    n = len(rijen)
    rijen.append(["Totaal", sum(r[1] for r in rijen)])
    matrix = pv.scherm_af(rijen, {1}, pv.kolomgroepen(range(n), [1]), drempel)
    return Tabel("wlz_open", f"Openstaande Wlz-aanvragen op {formats.datum(peil)} naar wachttijd", "Wlz open",
                 [Kolom("Wachttijd"), Kolom("Openstaande aanvragen", "aantal")], matrix, totaalrij=True,
                 toelichting="Aanvragen zonder besluit op de peildatum; tijdens de overgang werd de Wmo-indicatie "
                             "dan verlengd.")


def _zin_pgb_tabel(cur, prev, kort, vkort, drempel) -> Tabel:
    rijen = [[lv, cur[f"stand_{lv}"], prev[f"stand_{lv}"], cur[f"kosten_{lv}"], prev[f"kosten_{lv}"]]
             for lv in LEVERINGSVORMEN]
    rijen.append(["Totaal", cur["stand_eind"], prev["stand_eind"], cur["kosten"], prev["kosten"]])
    matrix = pv.scherm_af(rijen, {1, 2}, pv.kolomgroepen(range(2), [1, 2]), drempel)
    uit = []
    for r in matrix:
        uit.append([r[0], r[1], _aandeel(r[1], matrix[2][1]), r[2], _aandeel(r[2], matrix[2][2]),
                    r[3], _aandeel(r[3], matrix[2][3]), r[4], r[3] - r[4]])
    return Tabel("zin_pgb", "Cliënten en kosten naar leveringsvorm", "ZIN en PGB",
                 [Kolom("Leveringsvorm"), Kolom(f"Cliënten {kort}", "aantal"), Kolom("Aandeel cliënten", "pct"),
                  Kolom(f"Cliënten {vkort}", "aantal"), Kolom(f"Aandeel cliënten {vkort}", "pct"),
                  Kolom(f"Kosten {kort}", "eur"), Kolom("Aandeel kosten", "pct"), Kolom(f"Kosten {vkort}", "eur"),
                  Kolom("Verschil kosten", "eur")], uit, totaalrij=True,
                 toelichting="Cliënten: stand aan het eind van de periode. Kosten: gerealiseerd in de periode.")


def meest_definitief(versies) -> str | None:
    vs = [v for v in versies if v in VERSIE_RANG]
    return min(vs, key=VERSIE_RANG.get) if vs else None


def _resultaat_sectie(scope, jaar, periode, naam, scope_kind, codes, peiljaar):
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
        for v in sorted(rj.loc[rj["jaar"] == j, "versie"].unique(), key=lambda v: -VERSIE_RANG.get(v, 9)):
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
    versie = meest_definitief(rv.loc[rv["jaar"] == verdeeljaar, "versie"].unique())
    rijen_v = rv[(rv["jaar"] == verdeeljaar) & (rv["versie"] == versie)].sort_values("gemeente_naam")
    vorig = rv[rv["jaar"] == verdeeljaar - 1]
    vorige_versie = meest_definitief(vorig["versie"].unique()) if not vorig.empty else None
    vorig_aandeel = dict(zip(vorig.loc[vorig["versie"] == vorige_versie, "gemeente_code"],
                             vorig.loc[vorig["versie"] == vorige_versie, "resultaat_eur"])) if vorige_versie else {}
    rijen = []
    nadruk = []
    for i, r in enumerate(rijen_v.itertuples()):
        if scope_kind == "gemeente" and r.gemeente_code in codes:
            nadruk.append(i)
        rijen.append([r.gemeente_naam or r.gemeente_code, int(r.inwoners), r.inwoners_aandeel,
                      0.5 * r.inwoners_aandeel, r.kosten_eur, r.kosten_aandeel, 0.5 * r.kosten_aandeel,
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


def _datakwaliteit_sectie(pb: pd.DataFrame, drempel) -> Sectie:
    return Sectie("7. Datakwaliteit", [
        "Productcodes van categorie 15 (beschermd wonen) die niet in de productcatalogus van de regio staan. Zij "
        "tellen mee als beschermd wonen met tussenvorm 'Onbekend'."
        if len(pb) else "Alle producten van categorie 15 staan in de productcatalogus van de regio."],
        [_datakwaliteit_tabel(pb, drempel)] if len(pb) else [])


def _datakwaliteit_tabel(pb: pd.DataFrame, drempel) -> Tabel:
    rijen = [[str(r.productcode), str(r.productcategorie) if not pd.isna(r.productcategorie) else "",
              int(r.indicaties), int(r.clienten)] for r in pb.itertuples()]
    matrix = pv.scherm_af(rijen, {2, 3}, [], drempel)
    return Tabel("datakwaliteit", "Productcodes buiten de catalogus", "Datakwaliteit",
                 [Kolom("Productcode"), Kolom("Productcategorie"), Kolom("Indicaties", "aantal"),
                  Kolom("Cliënten", "aantal")], matrix)
