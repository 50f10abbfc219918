"""Forged Dash callbacks from a gemeente session (Assen, GM0106) that ask for another
municipality (Hoogeveen, GM0118) through every input: URL query strings, pathnames, filter
values, cross-filter clicks, export buttons. The cases come from the app's own callback list
(/_dash-dependencies, what the browser gets), so a new callback is covered without a new test;
a callback with an input this file has no hostile value for fails, asking for one.

The fixture warehouse gives Hoogeveen numbers no other municipality and no region total has
(fixture_warehouse.KENMERKEND); no response body, downloads decoded, may contain one."""
import base64
import io
import itertools
import json
import re

import dash
import pytest

from dashboard.components.visual import REGISTRY

ANDER, EIGEN = "GM0118", "GM0106"
ZOEKEN = ["", f"?gemeente={ANDER}&kg={ANDER}", f"?van=2024-02&tot=2024-02&kg={ANDER}&subregio=ZWD",
          f"?gemeente={ANDER},{EIGEN}&km=2024-02"]
# Values for any other input or state, by property: each forged request takes the i-th.
WAARDEN = {
    "value": [[ANDER], ANDER, None, 2024],
    "n_clicks": [1], "submit_n_clicks": [1], "n_intervals": [1],
    "clickData": [{"points": [{"customdata": [ANDER, "7391"]}]}, {"points": [{"customdata": ["2024-02", "1"]}]},
                  {"points": [{"customdata": ["ZWD", "1"]}]}],
    # a dcc.Store: a dict, a path out of the job folder, a well-formed id of nobody's job
    "data": [{"title": "x"}, "../../state", "0" * 32],
}


def _paden() -> list[str]:
    paden = {p.get("nav_pad") or p["relative_path"] for p in dash.page_registry.values()}
    return sorted(paden | {f"/gemeente/{ANDER}", f"/gemeente/{ANDER.lower()}", f"/gemeente/{EIGEN}"})


def _concreet(patroon: dict) -> list[dict]:
    """Concrete ids for a pattern-matching (ALL) id, by its type."""
    soort = patroon.get("type")
    if soort == "export":
        return [{"type": "export", "visual": v, "formaat": f} for v in sorted(REGISTRY) for f in ("csv", "xlsx")]
    if soort == "kruisfilter":
        return [{"type": "kruisfilter", "visual": "overzicht-gemeenten", "soort": s}
                for s in ("gemeente", "maand", "subregio")]
    if soort == "kruisfilter-keuze":  # the keyboard selection beside a chart (issue 15)
        return [{"type": "kruisfilter-keuze", "visual": "overzicht-gemeenten", "soort": s}
                for s in ("gemeente", "maand", "subregio")]
    if soort == "nav-link":
        return [{"type": "nav-link", "pad": p} for p in _paden()]
    pytest.fail(f"geen vervalste waarden voor het patroon {patroon}: voeg ze toe aan {__file__}")


def _id(tekst: str):
    return json.loads(tekst) if tekst.startswith("{") else tekst


def _sleutel(id_) -> str:
    return json.dumps(id_, sort_keys=True, separators=(",", ":")) if isinstance(id_, dict) else id_


def _outputs(output: str) -> list[tuple]:
    delen = output[2:-2].split("...") if output.startswith("..") else [output]
    uit = []
    for deel in delen:
        id_, _, prop = deel.rpartition(".")
        uit.append((_id(id_), prop.split("@")[0]))
    return uit


def _waarde(prop: str, i: int, zoek: str, pad: str):
    if prop == "search":
        return zoek
    if prop == "pathname":
        return pad
    if prop == "id":
        return None  # filled in for pattern ids
    if prop not in WAARDEN:
        pytest.fail(f"geen vervalste waarde voor de eigenschap '{prop}': voeg er een toe aan WAARDEN")
    keuzes = WAARDEN[prop]
    return keuzes[i % len(keuzes)]


def _spec(dep: dict, i: int, zoek: str, pad: str, trigger: dict | None = None):
    id_ = _id(dep["id"])
    if isinstance(id_, dict) and any(isinstance(v, list) for v in id_.values()):  # ALL
        ids = [trigger] if trigger and trigger.get("type") == id_.get("type") else _concreet(id_)
        return [{"id": c, "property": dep["property"],
                 "value": c if dep["property"] == "id" else _waarde(dep["property"], i, zoek, pad)} for c in ids]
    return {"id": id_, "property": dep["property"], "value": _waarde(dep["property"], i, zoek, pad)}


def verzoeken(deps: list[dict]):
    """(callback output, request body) for every server callback, every input as the trigger."""
    for cb in deps:
        if cb.get("clientside_function"):
            continue
        outs = []
        for id_, prop in _outputs(cb["output"]):
            if isinstance(id_, dict) and any(isinstance(v, list) for v in id_.values()):
                outs.append([{"id": c, "property": prop} for c in _concreet(id_)])
            else:
                outs.append({"id": id_, "property": prop})
        pad_is_input = any(d["property"] == "pathname" for d in cb["inputs"])
        paden = _paden() if pad_is_input else ["/", f"/gemeente/{ANDER}"]
        varianten = len(WAARDEN["value"]) if any(d["property"] == "value"
                                                 for d in cb["inputs"] + cb.get("state", [])) else 1
        for inp in cb["inputs"]:
            id_ = _id(inp["id"])
            triggers = _concreet(id_) if isinstance(id_, dict) else [None]
            for trig, zoek, pad in itertools.product(triggers, ZOEKEN, paden):
                for i in range(varianten if not triggers[0] else 1):
                    sleutel = _sleutel(trig if trig else id_) + "." + inp["property"]
                    yield cb["output"], {
                        "output": cb["output"], "outputs": outs if len(outs) > 1 else outs[0],
                        "inputs": [_spec(d, i, zoek, pad, trig) for d in cb["inputs"]],
                        "state": [_spec(d, i, zoek, pad, trig) for d in cb.get("state", [])],
                        "changedPropIds": [sleutel]}


def _inhoud(antwoord) -> str:
    """The response as text, with downloads decoded (CSV text, Excel cells)."""
    tekst = antwoord.get_data(as_text=True)
    if not antwoord.is_json or antwoord.json is None:  # 204 after PreventUpdate, error pages
        return tekst
    delen = [json.dumps(antwoord.json, ensure_ascii=False)]
    def zoek(o):
        if isinstance(o, dict):
            if o.get("base64") and "content" in o:
                ruw = base64.b64decode(o["content"])
                if str(o.get("filename", "")).endswith(".xlsx"):
                    import openpyxl
                    wb = openpyxl.load_workbook(io.BytesIO(ruw))
                    delen.extend(str(c) for ws in wb for rij in ws.iter_rows(values_only=True) for c in rij)
                else:
                    delen.append(ruw.decode("utf-8", errors="replace"))
            for v in o.values():
                zoek(v)
        elif isinstance(o, list):
            for v in o:
                zoek(v)
    zoek(antwoord.json)
    return "\n".join(delen)


def _patroon(getallen: list[str]) -> re.Pattern:
    # a whole number: not part of a longer number or a decimal fraction (0.07391...)
    return re.compile("|".join(rf"(?<![\d.,]){re.escape(g)}(?![\d])(?!,\d)" for g in getallen))


def test_forged_callbacks_from_a_gemeente_session_never_return_another_municipality(ingelogd):
    import fixture_warehouse
    assen = ingelogd("assen")
    deps = assen.get("/_dash-dependencies").json
    # the other municipality's exact numbers (rounded they would equal the region totals a
    # gemeente may see, which Hoogeveen dominates in this fixture); Assen's own as published
    verboden = _patroon(fixture_warehouse.kenmerkende_getallen(ANDER))
    eigen = _patroon(fixture_warehouse.kenmerkende_getallen(EIGEN, afgerond=True))
    gedekt, eigen_gezien, aantal = set(), False, 0
    for output, body in verzoeken(deps):
        r = assen.post("/_dash-update-component", json=body)
        assert r.status_code in (200, 204, 400, 403), (output, r.status_code)  # never a 500
        tekst = _inhoud(r)
        treffer = verboden.search(tekst)
        assert treffer is None, (f"{output}: {treffer.group(0)} van {ANDER} in het antwoord op "
                                 f"{json.dumps(body)[:400]}")
        assert "clientnummer" not in tekst.lower() and not re.search(r"\bC\d{6}\b", tekst), output
        eigen_gezien |= bool(eigen.search(tekst))
        gedekt.add(output)
        aantal += 1
    server_callbacks = {cb["output"] for cb in deps if not cb.get("clientside_function")}
    assert gedekt == server_callbacks and len(server_callbacks) >= 6
    assert eigen_gezien, "Assen's own figures never appeared: the requests tested nothing"
    assert aantal > 300
