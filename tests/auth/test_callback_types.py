"""Forged Dash callbacks with wrongly typed or malformed bodies (issue 10): a 4xx, never a 500.

Like test_forged_callbacks.py the cases come from the app's own /_dash-dependencies, so a new
callback is covered without a new test: every input and every state of every server callback
gets every wrong value below, and the body itself is broken in every way we could think of.
A genuine server error stays a 500 (the last test)."""
import copy
import json

import pytest

from .test_forged_callbacks import verzoeken

ONGELDIG = {"fout": "Ongeldig verzoek."}
URL = "/_dash-update-component"
FOUT = [123, -1, 1.5, True, "", "tekst", "//x", ["a", 1], [[1]], {"x": 1}, {"points": "x"},
        {"points": [{"customdata": []}]}, {"points": [1]}, {"points": [{"customdata": {"a": [1]}}]},
        [None], 10**30, "/" + "x" * 5000]


@pytest.fixture
def regio(ingelogd):
    return ingelogd("regio")


@pytest.fixture
def bodies(regio):
    """One realistic body per server callback (the first that test_forged_callbacks builds)."""
    eerst = {}
    for output, body in verzoeken(regio.get("/_dash-dependencies").json):
        eerst.setdefault(output, body)
    return eerst


def _elementen(dep):
    return dep if isinstance(dep, list) else [dep]


def _prop_id(element) -> str:
    id_ = element["id"]
    tekst = json.dumps(id_, sort_keys=True, separators=(",", ":")) if isinstance(id_, dict) else id_
    return f"{tekst}.{element['property']}"


def zoals_de_browser(body: dict) -> dict:
    """The body as dash-renderer sends it: output properties as in the callback's output string
    (an allow_duplicate output keeps its "@<hash>"), no `state` key without states, and the
    parsed trigger ids alongside (dash_renderer.min.js, the payload of a callback request)."""
    b = copy.deepcopy(body)
    delen = b["output"][2:-2].split("...") if b["output"].startswith("..") else [b["output"]]
    eigenschappen = [d.rpartition(".")[2] for d in delen]
    outs = b["outputs"] if b["output"].startswith("..") else [b["outputs"]]
    for out, eigenschap in zip(outs, eigenschappen):
        for element in _elementen(out):
            element["property"] = eigenschap
    if not b["state"]:
        del b["state"]
    b["parsedChangedPropsIds"] = [json.loads(p.rpartition(".")[0]) if p.startswith("{") else p
                                  for p in b["changedPropIds"]]
    return b


def test_realistic_bodies_still_work(regio, bodies):
    assert len(bodies) >= 6
    assert any("@" in json.dumps(zoals_de_browser(b)["outputs"]) for b in bodies.values())
    for output, body in bodies.items():
        for b in (body, zoals_de_browser(body)):
            r = regio.post(URL, json=b)
            assert r.status_code in (200, 204), (output, r.status_code, r.text[:300])


def test_every_wrong_value_for_every_input_and_state_gets_a_4xx(regio, bodies):
    aantal = 0
    for output, body in bodies.items():
        for kant in ("inputs", "state"):
            for i, dep in enumerate(body[kant]):
                for waarde in FOUT:
                    vals = copy.deepcopy(body)
                    for element in _elementen(vals[kant][i]):
                        element["value"] = waarde
                    if kant == "inputs" and _elementen(dep):  # and this input is what changed
                        vals["changedPropIds"] = [_prop_id(_elementen(dep)[0])]
                    r = regio.post(URL, json=vals)
                    eigenschap = _elementen(dep)[0]["property"] if _elementen(dep) else "?"
                    assert r.status_code < 500, (output, kant, eigenschap, waarde, r.text[:200])
                    if r.status_code == 400:
                        assert r.get_json() == ONGELDIG
                    aantal += 1
    assert aantal > 300


@pytest.mark.parametrize("eigenschap, waarde", [
    ("search", 5), ("search", ["?gemeente=GM0106"]), ("search", {"q": 1}),
    ("pathname", 5), ("pathname", "tekst"), ("pathname", ""), ("pathname", ["/"]),
])
def test_a_wrongly_typed_url_value_is_refused_with_400(regio, bodies, eigenschap, waarde):
    """The URL's search and pathname (strings in every browser) feed most callbacks."""
    gezien = 0
    for body in bodies.values():
        for kant in ("inputs", "state"):
            for dep in body[kant]:
                if isinstance(dep, dict) and dep["id"] == "url" and dep["property"] == eigenschap:
                    vals = copy.deepcopy(body)
                    vals[kant][body[kant].index(dep)]["value"] = waarde
                    r = regio.post(URL, json=vals)
                    assert r.status_code == 400 and r.get_json() == ONGELDIG, (body["output"], r.text[:200])
                    gezien += 1
    assert gezien >= 2


@pytest.mark.parametrize("waarde", ["1", "veel", {"n": 1}, [1], 1.5, True, -3])
def test_a_wrongly_typed_n_clicks_is_refused_with_400(regio, bodies, waarde):
    gezien = 0
    for body in bodies.values():
        for kant in ("inputs", "state"):
            for i, dep in enumerate(body[kant]):
                if all(e["property"] == "n_clicks" for e in _elementen(dep)) and _elementen(dep):
                    vals = copy.deepcopy(body)
                    for element in _elementen(vals[kant][i]):
                        element["value"] = waarde
                    r = regio.post(URL, json=vals)
                    assert r.status_code == 400 and r.get_json() == ONGELDIG, (body["output"], r.text[:200])
                    gezien += 1
    assert gezien >= 3


def _kapot(bodies) -> list[tuple[str, object]]:
    """(what is wrong, raw body) for broken bodies."""
    filters = next(b for o, b in bodies.items() if o.startswith("..url.search"))
    nav = next(b for o, b in bodies.items() if "nav-link" in o)
    export = next(b for o, b in bodies.items() if o == "download.data")

    def met(body, **wijzig):
        b = copy.deepcopy(body)
        for k, v in wijzig.items():
            if v is KWIJT:
                b.pop(k)
            else:
                b[k] = v
        return json.dumps(b)

    gevallen = [
        ("geen json", "{niet-json"), ("leeg", ""), ("lijst", "[]"), ("getal", "5"), ("null", "null"),
        ("diep genest", "[" * 100_000 + "]" * 100_000),
        ("NaN", met(filters, inputs=[dict(filters["inputs"][0], value=float("nan"))] + filters["inputs"][1:])),
        ("onbekende output", met(filters, output="bestaat-niet.children")),
        ("output geen tekst", met(filters, output=["a"])),
        ("output ontbreekt", met(filters, output=KWIJT)),
        ("outputs ontbreekt", met(filters, outputs=KWIJT)),
        ("inputs ontbreekt", met(filters, inputs=KWIJT)),
        ("inputs geen lijst", met(filters, inputs="x")),
        ("inputs te kort", met(filters, inputs=filters["inputs"][:-1])),
        ("inputs te lang", met(filters, inputs=filters["inputs"] + [filters["inputs"][0]])),
        ("input zonder id", met(filters, inputs=[{"property": "search", "value": ""}] + filters["inputs"][1:])),
        ("input is tekst", met(filters, inputs=["url.search"] + filters["inputs"][1:])),
        ("verkeerde eigenschap", met(filters, inputs=[dict(filters["inputs"][0], property="data")]
                                     + filters["inputs"][1:])),
        ("verkeerd id", met(filters, inputs=[dict(filters["inputs"][0], id="ander")] + filters["inputs"][1:])),
        ("state ontbreekt", met(export, state=KWIJT)),
        ("state geen lijst", met(export, state={"id": "url"})),
        ("changedPropIds geen lijst", met(filters, changedPropIds="url.search")),
        ("changedPropIds geen tekst", met(filters, changedPropIds=[5])),
        ("changedPropIds onbekend", met(export, changedPropIds=['{"type":"export"}.n_clicks'])),
        ("changedPropIds kapotte json", met(export, changedPropIds=['{"type":.n_clicks'])),
        ("outputs geen lijst", met(filters, outputs={"id": "url", "property": "search"})),
        ("outputs te kort", met(filters, outputs=filters["outputs"][:2])),
        ("outputs met tekst", met(filters, outputs=["url.search"] + filters["outputs"][1:])),
        ("patroon-id geen dict", met(export, inputs=[[{"id": "export", "property": "n_clicks", "value": 1}]])),
        ("patroon-id ander type", met(export, inputs=[[dict(export["inputs"][0][0],
                                                            id={"type": "nav-link", "visual": "x", "formaat": "csv"})]])),
        ("patroon-id met dict", met(export, inputs=[[dict(export["inputs"][0][0],
                                                          id={"type": "export", "visual": {"a": 1}, "formaat": "csv"})]])),
        ("patroon geen lijst", met(export, inputs=[export["inputs"][0][0]])),
        ("patronen ongelijk", met(nav, outputs=[nav["outputs"][0][:2], nav["outputs"][1]])),
        ("id-waarde niet het id", met(nav, state=[[dict(e, value={"type": "nav-link", "pad": "/x"})
                                                   for e in nav["state"][0]]])),
    ]
    return gevallen


KWIJT = object()


def test_broken_bodies_get_400_in_dutch(regio, bodies):
    for wat, ruw in _kapot(bodies):
        r = regio.post(URL, data=ruw, content_type="application/json")
        assert r.status_code == 400, (wat, r.status_code, r.text[:200])
        assert r.get_json() == ONGELDIG, wat


def test_a_body_that_is_not_json_content_gets_400(regio, bodies):
    body = json.dumps(next(iter(bodies.values())))
    r = regio.post(URL, data=body, content_type="text/plain")
    assert r.status_code == 400 and r.get_json() == ONGELDIG


def test_the_largest_real_callback_body_is_far_below_the_limit(regio, bodies):
    """The limit (BWMO_MAX_VERZOEK_KB, default 256) must stay far above what the app sends.
    The biggest body is the navigation callback's (every nav link's id, twice), about 4 KB."""
    grootste = max(len(json.dumps(b)) for _, b in verzoeken(regio.get("/_dash-dependencies").json))
    assert grootste * 20 < 256 * 1024, grootste


def test_a_genuine_server_error_stays_a_500(regio, bodies, monkeypatch):
    from dashboard import callbacks

    def kapot(*args, **kwargs):
        raise RuntimeError("echte fout in de server")

    monkeypatch.setattr(callbacks.flt, "parse", kapot)
    body = next(b for o, b in bodies.items() if o.startswith("..url.search"))
    r = regio.post(URL, json=body)
    assert r.status_code == 500 and "echte fout" not in r.text
