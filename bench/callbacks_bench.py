"""Every Dash callback and every page, server-side through the real Flask app (test client,
logged in as a regio user), with JSON serialisation; next to it the bare DuckDB queries the same
call ran (the floor).

Callbacks are enumerated from the app's own dependency list (/_dash-dependencies), so a new
callback shows up here: as measured when it has a scenario below, else with a generic request and
the note 'geen scenario'. The page-content callback (Dash Pages' router) is timed per page, with
varied query strings."""
from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from urllib.parse import quote

import duckdb

from bench import profiel
from bench.common import Resultaten, median, ms, pct
from bench.web import PAGINA_CALLBACK, maak_gebruiker, pagina_body
from kern.datalaag.verbinding import DRADEN_PER_QUERY

GEBRUIKER, WACHTWOORD = "bench-regio", "bench-regio-wachtwoord"
MAX_VERHOUDING = 2  # issue 16: a page callback within 2x its bare queries (cold)


def _idstr(i) -> str:
    return json.dumps(i, sort_keys=True, separators=(",", ":")) if isinstance(i, dict) else i


def _outputs(uitvoer: str):
    """'..a.b...c.d..' -> [{id, property}, ...]; 'a.b@hash' -> {id, property}."""
    def een(deel):
        ident, prop = deel.rsplit(".", 1)
        return {"id": json.loads(ident) if ident.startswith("{") else ident, "property": prop}
    if uitvoer.startswith(".."):
        return [een(d) for d in uitvoer[2:-2].split("...")]
    return een(uitvoer)


class Omgeving:
    """The app once per process; the warehouse is switched through $BWMO_WAREHOUSE."""

    def __init__(self, state: Path):
        os.environ["BWMO_STATE"] = str(state)
        os.environ.setdefault("BWMO_SECRET_KEY", "bench-" + "x" * 40)
        maak_gebruiker(state, GEBRUIKER, WACHTWOORD, ("regio",))
        from dashboard.app import create_app
        self.app = create_app()
        self.server = self.app.server
        self.inloggen()
        self.deps = self.client.get("/_dash-dependencies").get_json()

    def inloggen(self) -> None:
        """A new test client with a fresh session. Again before every section: a session ends
        after 30 idle minutes (dashboard/auth/settings.py), and a run from a fresh clone, with
        Superset installed and the national sample made in between, leaves the national
        callbacks more than that after the region's (every request was refused with 401)."""
        self.client = self.server.test_client()
        r = self.client.get("/login")
        if r.status_code != 404:
            csrf = re.search(r'name="csrf" value="([^"]+)"', r.get_data(as_text=True)).group(1)
            r = self.client.post("/login", data={"gebruikersnaam": GEBRUIKER, "wachtwoord": WACHTWOORD,
                                                 "csrf": csrf, "next": "/"})
            if r.status_code not in (302, 303):
                raise RuntimeError(f"inloggen in de testclient mislukt ({r.status_code})")

    def gebruik(self, warehouse: Path) -> None:
        from kern import data
        os.environ["BWMO_WAREHOUSE"] = str(warehouse)
        data.leeg_cache()
        data.sluit()
        self.inloggen()

    def post(self, body: dict):
        return self.client.post("/_dash-update-component", json=body)


# --- scenarios ---------------------------------------------------------------------------------

def _varianten(warehouse_codes: dict) -> list[str]:
    """Query strings: default, periods, one and two municipalities, a subregio, filters, cross-filters."""
    g, s, laatste = warehouse_codes["gemeenten"], warehouse_codes["subregios"], warehouse_codes["laatste"]
    jaar = laatste.year
    return [
        "",
        f"?van={jaar - 1}-01&tot={jaar - 1}-12",
        f"?gemeente={g[0]}",
        f"?gemeente={g[1 % len(g)]},{g[2 % len(g)]}",
        f"?subregio={s[0]}",
        "?tussenvorm=" + quote("Begeleid wonen"),
        "?levering=PGB",
        f"?kg={g[3 % len(g)]}",
        f"?km={laatste:%Y-%m}",
        f"?van={jaar - 2}-07&tot={jaar - 1}-06&gemeente={g[4 % len(g)]}&levering=ZIN",
    ]


def codes() -> dict:
    from kern import data
    regio = data.regio_gemeenten()
    _, laatste = data.maanden_bereik()
    return {"gemeenten": list(regio["gemeente_code"]), "subregios": list(regio["subregio_code"].drop_duplicates()),
            "laatste": laatste}


def _paginas(c: dict) -> list[tuple[str, str]]:
    """(label, path) per registered page; the gemeente page with several municipalities."""
    import dash
    uit = []
    for p in sorted(dash.page_registry.values(), key=lambda p: p.get("order") or 0):
        if p.get("path_template"):
            sjabloon = p["path_template"]
            uit += [(p["name"], re.sub(r"<[^>]+>", code, sjabloon)) for code in c["gemeenten"][:5]]
        else:
            uit.append((p["name"], p["path"]))
    return uit


def scenarios(dep: dict, c: dict) -> tuple[str, list[dict]] | None:
    """(name, bodies) for a known callback, None for an unknown one."""
    uitvoer = dep["output"]
    ins = [i["id"] for i in dep["inputs"]]
    vs = _varianten(c)
    if PAGINA_CALLBACK in uitvoer:
        return "pagina-inhoud", []  # per page, below
    if "filter-wis" in ins:
        ids_ = [i["id"] for i in dep["inputs"]]
        lijst = []
        for i, zoek in enumerate(vs):
            waarden = {"url": zoek, "filter-snelkeuze": None, "filter-van": None, "filter-tot": None,
                       "filter-subregio": [], "filter-gemeente": [], "filter-tussenvorm": [],
                       "filter-levering": [], "filter-korrel": "maand", "filter-wis": 0}
            trigger = "url.search"
            if i % 3 == 1:  # a change in the filter pane
                waarden.update({"filter-van": f"{c['laatste'].year - 1}-01", "filter-tot": f"{c['laatste']:%Y-%m}",
                                "filter-gemeente": c["gemeenten"][:2]})
                trigger = "filter-gemeente.value"
            lijst.append({"output": uitvoer, "outputs": _outputs(uitvoer),
                          "inputs": [{"id": d, "property": p["property"], "value": waarden[d]}
                                     for d, p in zip(ids_, dep["inputs"])],
                          "changedPropIds": [trigger], "state": []})
        return "filters <-> URL (sync_filters)", lijst
    if any('"type":"kruisfilter"' in str(i) for i in ins):
        lijst = []
        for i, zoek in enumerate(vs):
            soort = ("gemeente", "maand", "subregio")[i % 3]
            waarde = {"gemeente": c["gemeenten"][i % len(c["gemeenten"])], "maand": f"{c['laatste']:%Y-%m}",
                      "subregio": c["subregios"][0]}[soort]
            ident = {"soort": soort, "type": "kruisfilter", "visual": "overzicht-gemeenten"}
            # the second input is the named selection beside each chart (keyboard cross-filtering):
            # none of those is on the page that was clicked
            lijst.append({"output": uitvoer, "outputs": _outputs(uitvoer),
                          "inputs": [[{"id": ident, "property": "clickData",
                                       "value": {"points": [{"customdata": [waarde, "1"]}]}}]]
                          + [[] for _ in ins[1:]],
                          "changedPropIds": [_idstr(ident) + ".clickData"],
                          "state": [{"id": "url", "property": "search", "value": zoek}]})
        return "kruisfilter-klik", lijst
    if "kruisfilter-wis" in ins:
        return "kruisfilter opheffen", [
            {"output": uitvoer, "outputs": _outputs(uitvoer),
             "inputs": [{"id": "kruisfilter-wis", "property": "n_clicks", "value": 1}],
             "changedPropIds": ["kruisfilter-wis.n_clicks"],
             "state": [{"id": "url", "property": "search", "value": zoek + ("&" if zoek else "?") + f"kg={c['gemeenten'][0]}"}]}
            for zoek in vs]
    if uitvoer.startswith("download.") and "dq-afgekeurd-bestand-knop" in ins:
        return _afgekeurd_per_bestand(uitvoer, vs)
    if uitvoer.startswith("download."):
        from dashboard.components.visual import REGISTRY
        lijst = []
        vids = sorted(REGISTRY)
        for i, vid in enumerate(vids):
            voor = vid.split("-")[0]
            pad = {"overzicht": "/", "dq": "/datakwaliteit", "gemeente": f"/gemeente/{c['gemeenten'][0]}"}.get(voor, f"/{voor}")
            ident = {"formaat": ("csv", "xlsx")[i % 2], "type": "export", "visual": vid}
            lijst.append({"output": uitvoer, "outputs": _outputs(uitvoer),
                          "inputs": [[{"id": ident, "property": "n_clicks", "value": 1}]],
                          "changedPropIds": [_idstr(ident) + ".n_clicks"],
                          "state": [{"id": "url", "property": "search", "value": vs[i % len(vs)]},
                                    {"id": "url", "property": "pathname", "value": pad}]})
        return "download (CSV/Excel per visual)", lijst
    if "nav-link" in uitvoer:
        import dash
        pads = [p.get("nav_pad") or p["relative_path"] for p in dash.page_registry.values() if p.get("nav") is not False]
        ids_ = [{"pad": p, "type": "nav-link"} for p in pads]
        return "navigatie (nav_hrefs)", [
            {"output": uitvoer,
             "outputs": [[{"id": i, "property": "href"} for i in ids_], [{"id": i, "property": "className"} for i in ids_]],
             "inputs": [{"id": "url", "property": "search", "value": zoek},
                        {"id": "url", "property": "pathname", "value": pads[k % len(pads)]}],
             "changedPropIds": ["url.pathname"],
             "state": [[{"id": i, "property": "id", "value": i} for i in ids_]]}
            for k, zoek in enumerate(vs)]
    return None


def _afgekeurd_per_bestand(uitvoer: str, vs: list[str]) -> tuple[str, list[dict]]:
    """The Datakwaliteit page's Excel of one delivered file's rejected lines, for every file the
    page offers (the delivered files with rejected lines, as the page lists them)."""
    from kern import data
    bestanden = sorted(data.afgekeurde_regels(True)["bestand"].unique())
    naam = "download afgekeurde regels per bestand (Excel)" + (
        "" if bestanden else "; de levering heeft geen afgekeurde regels: elk verzoek eindigt zonder bestand (204)")
    bestanden = bestanden or ["-"]
    return naam, [
        {"output": uitvoer, "outputs": _outputs(uitvoer),
         "inputs": [{"id": "dq-afgekeurd-bestand-knop", "property": "n_clicks", "value": 1}],
         "changedPropIds": ["dq-afgekeurd-bestand-knop.n_clicks"],
         "state": [{"id": "dq-afgekeurd-bestand", "property": "value", "value": bestanden[i % len(bestanden)]},
                   {"id": "url", "property": "search", "value": zoek},
                   {"id": "url", "property": "pathname", "value": "/datakwaliteit"}]}
        for i, zoek in enumerate(vs)]


def _generiek(dep: dict) -> dict:
    def waarden(lijst):
        return [{"id": json.loads(i["id"]) if str(i["id"]).startswith("{") else i["id"],
                 "property": i["property"], "value": None} for i in lijst]
    return {"output": dep["output"], "outputs": _outputs(dep["output"]), "inputs": waarden(dep["inputs"]),
            "changedPropIds": [], "state": waarden(dep.get("state") or [])}


# --- measuring ---------------------------------------------------------------------------------

class Opnemer:
    """Records the (query, params) every query of the data layer made, to time the bare queries
    after. The parts of kern/datalaag look `query.query`, `query.kolommen` and `query.rijen`
    (the same query, its answer as lists per column or as rows; `query.delen` reads `rijen`) up
    at call time, so patching them there reaches them all."""

    def __init__(self):
        from kern.datalaag import query
        self.data, self.echt, self.calls = query, (query.query, query.kolommen, query.rijen), []

    def __enter__(self):
        def opnemer(echt):
            def opnemen(naam, params=None):
                self.calls.append((naam, dict(params or {})))
                return echt(naam, params)
            return opnemen
        self.data.query, self.data.kolommen, self.data.rijen = (opnemer(f) for f in self.echt)
        return self

    def __exit__(self, *exc):
        self.data.query, self.data.kolommen, self.data.rijen = self.echt


def vloer(con: duckdb.DuckDBPyConnection, calls) -> float:
    """Seconds for the same queries on a bare DuckDB connection (execute + fetch to pandas)."""
    from kern import data
    totaal, gezien = 0.0, set()
    for naam, params in calls:
        sleutel = (naam, repr(sorted(params.items())))
        if sleutel in gezien:  # the data layer answers a repeat from its cache: one query
            continue
        gezien.add(sleutel)
        sql = data._sql(naam)
        gebruikt = set(re.findall(r"\$([a-z_]+)", sql))
        p = {k: (list(v) if isinstance(v, (tuple, set, frozenset)) else v) for k, v in params.items() if k in gebruikt}
        begin = time.perf_counter()
        con.execute(sql, p).df()
        totaal += time.perf_counter() - begin
    return totaal


def _maak_koud() -> None:
    from dashboard import rendercache
    from kern import data
    data.leeg_resultaten()  # the per-version metadata stays, as on an opened warehouse
    rendercache.leeg()  # cold: neither query results nor rendered pages are cached


def meet(om: Omgeving, bodies: list[dict], rondes: int, warehouse: Path) -> dict:
    koud, warm, vloeren, fouten, statussen = [], [], [], [], set()
    # the floor runs as the app's queries do: one thread per query (kern/datalaag/verbinding.py)
    con = duckdb.connect(str(warehouse), read_only=True, config={"threads": DRADEN_PER_QUERY})
    try:
        for _ in range(rondes):
            for body in bodies:
                _maak_koud()
                with Opnemer() as op:
                    begin = time.perf_counter()
                    r = om.post(body)
                    _ = r.get_data()
                    koud.append(time.perf_counter() - begin)
                statussen.add(r.status_code)
                if r.status_code not in (200, 204):
                    fouten.append(f"{r.status_code}: {r.get_data(as_text=True)[:120]}")
                begin = time.perf_counter()
                r2 = om.post(body)
                _ = r2.get_data()
                warm.append(time.perf_counter() - begin)
                vloeren.append(vloer(con, op.calls))
    finally:
        con.close()
    return {"koud": koud, "warm": warm, "vloer": vloeren, "fouten": fouten, "statussen": statussen}


def profiel_koud(om: Omgeving, bodies: list[dict]) -> dict:
    """One more cold round of `bodies` under cProfile (bench/profiel.py): where the time goes."""
    def rondje():
        for body in bodies:
            _maak_koud()
            om.post(body).get_data()
    return profiel.profileer(rondje)


def bench_callbacks(res: Resultaten, om: Omgeving, warehouse: Path, schaal: str, doel_ms: float,
                    rondes: int) -> None:
    om.gebruik(warehouse)
    c = codes()
    om.post(pagina_body("/", ""))  # first call sets Dash up
    for dep in om.deps:
        if dep.get("clientside_function"):
            continue
        sc = scenarios(dep, c)
        if sc is None:
            naam, bodies, noot = dep["output"][:60], [_generiek(dep)], "geen scenario: generiek verzoek"
        else:
            (naam, bodies), noot = sc, ""
        if naam == "pagina-inhoud":
            for label, pad in _paginas(c):
                if pad.startswith("/gemeente/") and pad != f"/gemeente/{c['gemeenten'][0]}":
                    continue
                if pad.startswith("/gemeente/"):
                    pbodies = [pagina_body(f"/gemeente/{g}", v) for g, v in zip(c["gemeenten"][:5] * 2, _varianten(c))]
                else:
                    pbodies = [pagina_body(pad, v) for v in _varianten(c)]
                _rij(res, schaal, f"pagina {label} ({pad.split('/GM')[0] if '/GM' in pad else pad})",
                     meet(om, pbodies, rondes, warehouse), doel_ms, "", lambda b=pbodies: profiel_koud(om, b))
            continue
        _rij(res, schaal, f"callback {naam}", meet(om, bodies, rondes, warehouse), doel_ms, noot,
             lambda b=bodies: profiel_koud(om, b))


def _rij(res, schaal, wat, m, doel_ms, noot, profileer=None):
    """The row of one callback; a row that misses its target gets the profile of one more cold
    round (`profileer()`), so the gap comes with where its time goes."""
    p50, p95 = median(m["koud"]), pct(m["koud"], 95)
    v50, v95 = median(m["vloer"]), pct(m["vloer"], 95)
    ratio = p95 / v95 if v95 > 0 else None  # None: the callback runs no query
    binnen_doel = p95 * 1000 <= doel_ms
    binnen_ratio = ratio is None or ratio <= MAX_VERHOUDING
    gehaald = binnen_doel and binnen_ratio and not m["fouten"]
    verhouding = ("geen query (n.v.t.)" if ratio is None else
                  f"{ratio:.1f}× (doel ≤ {MAX_VERHOUDING}×: {'gehaald' if binnen_ratio else 'niet gehaald'})")
    toel = (f"p50 {ms(p50)}, warm (cache) p50 {ms(median(m['warm']))}; kale query p50 {ms(v50)} p95 {ms(v95)}; "
            f"verhouding p95 {verhouding}; n={len(m['koud'])}")
    if m["fouten"]:
        toel += f"; FOUTEN {len(m['fouten'])}: {m['fouten'][0]}"
    if noot:
        toel += f"; {noot}"
    verdeling = profileer() if (profileer and not noot and not gehaald) else {}
    if verdeling:
        toel += "; " + profiel.tekst(verdeling)
    res.rij(f"Callbacks {schaal}", wat, f"p95 {ms(p95)}" + ("" if ratio is None else f" · {ratio:.1f}× kaal"), f"p95 ≤ {doel_ms:.0f} ms en ≤ {MAX_VERHOUDING}× kale query",
            None if noot else gehaald, toel,
            {"p50": p50, "p95": p95, "warm_p50": median(m["warm"]), "vloer_p50": v50, "vloer_p95": v95,
             "ratio": ratio, "fouten": len(m["fouten"]), "n": len(m["koud"]), "profiel": verdeling})
