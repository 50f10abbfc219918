"""Where a callback's time goes: one extra cold round under cProfile, its own time per function
summed by the part of the stack it belongs to (DuckDB, pandas, Dash and Plotly, JSON, Flask, our
own code). Issue 16 accepts an unmet target when the gap has a profile that shows where the time
goes; the callbacks section prints this next to every row that misses its target.

cProfile slows Python function calls more than it slows time spent inside C (a DuckDB query, a
JSON encoder), so the shares lean towards Python; they show proportions, the timed rounds give
the times."""
from __future__ import annotations

import cProfile
import pstats
from pathlib import Path

from bench.common import ROOT

# (label, path fragments of a function's file, fragments of a built-in's name); the first match
# counts. Our own code is recognised before these (soort), by its place in the repository
SOORTEN = (
    ("DuckDB", ("/duckdb/",), ("duckdb",)),
    ("pandas en numpy", ("/pandas/", "/numpy/", "/pyarrow/"), ("pandas", "numpy", "pyarrow")),
    ("JSON", ("/json/", "/orjson/"), ("_json", "orjson")),
    ("Dash en Plotly", ("/dash/", "/plotly/", "/_plotly_utils/"), ()),
    ("Flask en werkzeug", ("/flask/", "/werkzeug/", "/itsdangerous/", "/jinja2/"), ()),
)
# cProfile does not see DuckDB's methods (pybind11) as calls: their time is the own time of the
# functions that call them, all in the data layer's query module (its own Python besides, a cache
# lookup and the rows put in lists, is small beside the queries)
DUCKDB_MODULE = "kern/datalaag/query.py"
OMZETTEN = "DuckDB naar pandas"  # pandas called from that module: a result made a DataFrame
EIGEN = "eigen code"
OVERIG = "overig (Python zelf)"
EIGEN_MAPPEN = ("dashboard", "kern", "staat")


def soort(bestand: str, functie: str) -> str:
    """The part of the stack a function belongs to, from its file (or, for a built-in, where
    cProfile writes '~', from its name)."""
    if bestand == "~" or bestand.startswith("<"):
        for label, _, namen in SOORTEN:
            if any(n in functie for n in namen):
                return label
        return OVERIG
    pad = bestand.replace("\\", "/")
    if "/site-packages/" not in pad and _eigen(pad):
        return "DuckDB" if _kort(pad) == DUCKDB_MODULE else EIGEN
    for label, delen, _ in SOORTEN:
        if any(d in pad for d in delen):
            return label
    return OVERIG


def _eigen(pad: str) -> bool:
    try:
        deel = Path(pad).resolve().relative_to(ROOT).parts[0]
    except (ValueError, IndexError):
        return False
    return deel in EIGEN_MAPPEN


def verdeling(stats: dict) -> dict:
    """pstats' raw table {(file, line, name): (cc, nc, tottime, cumtime, callers)} -> the share
    of all own time per part ({label: fraction}, largest first), our own code's largest
    modules ([(path, fraction)], at most three: a module, since a page's own time is spread
    thinly over its functions) and the modules of ours that called pandas most (the same)."""
    per_soort: dict[str, float] = {}
    eigen: dict[str, float] = {}
    totaal = omzetten = 0.0
    for (bestand, _regel, functie), (_cc, _nc, tt, _ct, callers) in stats.items():
        totaal += tt
        s = soort(bestand, functie)
        per_soort[s] = per_soort.get(s, 0.0) + tt
        if s == "pandas en numpy":
            omzetten += sum(rand[3] for (c_bestand, _r, c_functie), rand in callers.items()
                            if c_bestand != "~" and soort(c_bestand, c_functie) == "DuckDB")
        if s == EIGEN:
            naam = _kort(bestand)
            eigen[naam] = eigen.get(naam, 0.0) + tt
    if totaal <= 0:
        return {"soorten": {}, "eigen": [], "pandas_door": []}
    # pandas called from the query module is DuckDB's result made a DataFrame (.df() calls it):
    # moved out of pandas' share, which then is the pages' own use of pandas
    omzetten = min(omzetten, per_soort.get("pandas en numpy", 0.0))
    if omzetten > 0:
        per_soort["pandas en numpy"] -= omzetten
        per_soort[OMZETTEN] = omzetten
    soorten = {k: v / totaal for k, v in sorted(per_soort.items(), key=lambda kv: -kv[1])}
    return {"soorten": soorten, "eigen": _grootste(eigen, totaal),
            "pandas_door": _grootste(_pandas_door(stats), totaal)}


def _pandas_door(stats: dict) -> dict[str, float]:
    """pandas' time by the module of ours that called it: the cumulative time of every call edge
    from our code into pandas (pstats keeps it per caller); the query module's calls are not
    ours here, they are DuckDB naar pandas."""
    uit: dict[str, float] = {}
    for (bestand, _regel, functie), (*_, callers) in stats.items():
        if soort(bestand, functie) != "pandas en numpy":
            continue
        for (c_bestand, _c_regel, c_functie), rand in callers.items():
            if soort(c_bestand, c_functie) == EIGEN:
                naam = _kort(c_bestand)
                uit[naam] = uit.get(naam, 0.0) + rand[3]
    return uit


def _grootste(per_naam: dict[str, float], totaal: float, n: int = 3) -> list[tuple[str, float]]:
    return [(k, v / totaal) for k, v in sorted(per_naam.items(), key=lambda kv: -kv[1])[:n] if v / totaal >= 0.005]


def _kort(bestand: str) -> str:
    try:
        return Path(bestand).resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return Path(bestand).name


def tekst(v: dict) -> str:
    """'…: DuckDB 41 %, pandas en numpy 18 %, …; grootste eigen modules: kern/afscherming.py 6 %, …'"""
    if not v.get("soorten"):
        return ""
    uit = "waar de tijd heen gaat (eigen tijd onder cProfile, één koude ronde): " + ", ".join(
        f"{k} {_pct(f)}" for k, f in v["soorten"].items() if f >= 0.005)
    if v.get("pandas_door"):
        uit += "; pandas vooral vanuit " + ", ".join(f"{k} {_pct(f)}" for k, f in v["pandas_door"])
    if v.get("eigen"):
        uit += "; grootste eigen modules: " + ", ".join(f"{k} {_pct(f)}" for k, f in v["eigen"])
    return uit


def _pct(f: float) -> str:
    return f"{f * 100:.0f} %"


def profileer(rondje) -> dict:
    """Run `rondje()` (one cold round of requests) under cProfile; its verdeling."""
    prof = cProfile.Profile()
    prof.enable()
    try:
        rondje()
    finally:
        prof.disable()
    return verdeling(pstats.Stats(prof).stats)  # type: ignore[attr-defined]  (pstats' raw table)
