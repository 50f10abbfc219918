"""Small pure calculations shared by the visual builders (pandas in, pandas out)."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from dashboard import filters as flt
from dashboard.request_context import Context
from kern import afscherming, data, kalender


def stand_per_maand(df: pd.DataFrame, van: dt.date, tot: dt.date) -> pd.DataFrame:
    """Sum of `actief` per month, with every month of [van, tot] present (0 when none)."""
    maanden = pd.DataFrame({"maand": pd.to_datetime(kalender.maandreeks(van, tot))})
    if df.empty:
        return maanden.assign(actief=0)
    return som_per_maand(maanden, df, ["actief"])


def som_per_maand(maanden: pd.DataFrame, df: pd.DataFrame, kolommen: list[str]) -> pd.DataFrame:
    """`maanden` with the sums of the integer `kolommen` of df per month (0 for a month without
    rows; rows outside the months left out): what groupby + merge + fillna gave, in numpy (a
    page asks this ~10 times; the pandas steps cost ~5 ms a call)."""
    if any(df[k].dtype.kind not in "iu" for k in kolommen):  # NaN or nullable: the general path
        s = df.assign(maand=pd.to_datetime(df["maand"])).groupby("maand", as_index=False)[kolommen].sum()
        uit = maanden.merge(s, on="maand", how="left").fillna({k: 0 for k in kolommen})
        uit[kolommen] = uit[kolommen].astype("int64")
        return uit
    plek = pd.Index(maanden["maand"]).get_indexer(pd.to_datetime(df["maand"]))
    binnen = plek >= 0
    uit = maanden.copy()
    for k in kolommen:
        som = np.zeros(len(maanden), dtype="int64")
        np.add.at(som, plek[binnen], df[k].to_numpy(dtype="int64")[binnen])
        uit[k] = som
    return uit


def kruistabel(df: pd.DataFrame, index, kolom: str, waarde: str) -> pd.DataFrame:
    """df.pivot_table(index=index, columns=kolom, values=waarde, aggfunc="sum", fill_value=0),
    through groupby/unstack (pivot_table's general path costs ~9 ms a call)."""
    sleutels = [*index, kolom] if isinstance(index, list) else [index, kolom]
    breed = df.groupby(sleutels, observed=True)[waarde].sum().unstack(kolom, fill_value=0)
    breed.columns.name = kolom
    return breed


def stromen_per_maand(df: pd.DataFrame, van: dt.date, tot: dt.date) -> pd.DataFrame:
    kolommen = ["instroom", "nieuwe_clienten", "uitstroom", "uitstroom_wlz"]
    maanden = pd.DataFrame({"maand": pd.to_datetime(kalender.maandreeks(van, tot))})
    if df.empty:
        return maanden.assign(**{k: 0 for k in kolommen})
    return som_per_maand(maanden, df, kolommen)


def naar_korrel(df: pd.DataFrame, korrel: str, sommen=(), standen=()) -> pd.DataFrame:
    """A monthly frame (column `maand`, every month present) per period of `korrel`: flows
    (`sommen`) summed over the period's months, stands (`standen`) taken at its last month.
    `maand` becomes the period's first month. A period cut by the selection counts the months
    that lie in it."""
    if korrel == "maand" or df.empty:
        return df
    m = pd.to_datetime(df["maand"])
    sleutel = pd.to_datetime([flt.tijdvak_begin(x.date(), korrel) for x in m])
    g = df.assign(maand=sleutel).groupby("maand", sort=True)
    delen = [g[list(sommen)].sum()] if sommen else []
    if standen:
        delen.append(g[list(standen)].last())
    return pd.concat(delen, axis=1).reset_index()[["maand", *[c for c in df.columns if c != "maand"
                                                                 and (c in sommen or c in standen)]]]


def tijdvakken(van: dt.date, tot: dt.date, korrel: str) -> list[pd.Timestamp]:
    """The first months of the periods of `korrel` that [van, tot] touches, in order."""
    return [pd.Timestamp(m) for m in dict.fromkeys(flt.tijdvak_begin(m, korrel) for m in kalender.maandreeks(van, tot))]


def stand_op(ctx: Context, maand: dt.date, **kw) -> int | None:
    """Stand at the end of `maand` for the context's selection; None before the data starts."""
    if maand < ctx.eerste:
        return None
    df = data.clienten_per_levering(ctx.scope, ctx.selectie(flt.Periode(maand, maand), **kw))
    return int(df["actief"].sum()) if not df.empty else 0


def stromen_som(ctx: Context, periode: flt.Periode) -> dict | None:
    """Flow totals over a period; None when the period starts before the data."""
    if periode.van < ctx.eerste:
        return None
    df = data.stromen_som(ctx.scope, ctx.selectie(periode, tussenvorm=False, levering=False))
    kolommen = ["instroom", "nieuwe_clienten", "uitstroom", "uitstroom_wlz"]
    return {k: int(df[k].sum()) if not df.empty else 0 for k in kolommen}


def inwoners(ctx: Context, jaar: int, codes: list[str]) -> pd.DataFrame:
    """Population on 1 January of `jaar` per gemeente (the latest earlier year when missing).
    Columns: gemeente_code, inwoners, inwoners_jaar."""
    df = data.inwoners_jaar(ctx.scope, data.Selectie(gemeenten=tuple(codes)))
    # per gemeente the latest year <= jaar with a population (what sort + groupby().last() gave,
    # in one pass: that took ~10 pandas steps a call); the peildag is the last one present
    laatste: dict[str, list] = {}  # code -> [jaar, positie, peildag, jaar van die peildag]
    for pos, (j, code, inw, peildag) in enumerate(zip(df["jaar"].tolist(), df["gemeente_code"].tolist(),
                                                       df["inwoners_1_januari"].tolist(),
                                                       df["peildag_1_januari"].tolist())):
        if j > jaar or pd.isna(inw):
            continue
        rij = laatste.setdefault(code, [j, pos, None, None])
        if j >= rij[0]:
            rij[0], rij[1] = j, pos
        if not pd.isna(peildag) and (rij[3] is None or j >= rij[3]):
            rij[2], rij[3] = peildag, j
    if not laatste:
        return pd.DataFrame({"gemeente_code": pd.Series(dtype="str"), "inwoners": pd.Series(dtype="float"),
                             "inwoners_jaar": pd.Series(dtype="int")})
    volgorde = sorted(laatste)
    posities = [laatste[c][1] for c in volgorde]
    # the warehouse falls back to the latest published CBS figure: label the day actually counted
    jaren = [laatste[c][0] if laatste[c][2] is None else pd.Timestamp(laatste[c][2]).year for c in volgorde]
    return pd.DataFrame({"gemeente_code": df["gemeente_code"].iloc[posities].reset_index(drop=True),
                         "inwoners": df["inwoners_1_januari"].iloc[posities].reset_index(drop=True),
                         "inwoners_jaar": pd.Series(jaren, dtype=int)})


def per_1000(teller, inwoners_aantal) -> float:
    """kern.afscherming.per_1000_inwoners for a frame column: NaN (shown as '–') where unknown."""
    r = afscherming.per_1000_inwoners(teller, inwoners_aantal)
    return float("nan") if r is None else r


def richting(x) -> int:
    if x is None or pd.isna(x) or x == 0:
        return 0
    return 1 if x > 0 else -1


# --- the region, for comparison (sums over all municipalities; never a row per gemeente) -----

def regio_stand_op(ctx: Context, maand: dt.date, **kw) -> int | None:
    """The region's stand at the end of `maand`, with the tussenvorm/leveringsvorm filters."""
    if maand < ctx.eerste:
        return None
    sel = ctx.selectie(flt.Periode(maand, maand), **kw)
    df = data.regio_clienten_maand(ctx.scope, sel)
    return int(df["actief"].sum()) if not df.empty else (0 if ctx.scope else None)


def regio_stromen_som(ctx: Context, periode: flt.Periode) -> dict | None:
    if periode.van < ctx.eerste or not ctx.scope:
        return None
    df = data.regio_stromen_maand(ctx.scope, data.Selectie(van=periode.van, tot=periode.tot))
    kolommen = ["instroom", "nieuwe_clienten", "uitstroom", "uitstroom_wlz"]
    return {k: int(df[k].sum()) if not df.empty else 0 for k in kolommen}


def regio_inwoners(ctx: Context, jaar: int) -> float | None:
    """The region's population on 1 January of `jaar` (the latest earlier year when missing)."""
    df = data.regio_inwoners_jaar(ctx.scope)
    df = df[df["jaar"] <= jaar].dropna(subset=["inwoners_1_januari"])
    return None if df.empty else float(df.sort_values("jaar")["inwoners_1_januari"].iloc[-1])
