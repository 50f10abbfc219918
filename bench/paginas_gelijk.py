"""Record every page's full callback output, and compare it with an earlier recording: the check
that an optimisation of the visual builders or the queries leaves every figure, table and text
byte-identical.

    .venv/bin/python -m bench.paginas_gelijk opnemen voor.json [--warehouse data/bench/regio.duckdb]
    .venv/bin/python -m bench.paginas_gelijk vergelijk voor.json [--warehouse ...]

For a regio user and a gemeente user (protected viewer: rounded counts and '< 5'), every
registered page with the bench's ten query strings (bench/callbacks_bench.py), each through the
real Flask app (test client, logged in), cold: the data layer's cache and the render cache are
emptied before every call. `vergelijk` parses both answers and compares them as JSON values
(the order of an object's keys is not compared: Dash does not keep the order of wildcard
attributes such as aria-* and data-* from one process to the next); it prints the first differing
place of each answer that differs and exits 1 when any does. `--pad /financien` limits both to
the pages whose path starts so."""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from pathlib import Path

from bench.web import maak_gebruiker, pagina_body

ROOT = Path(__file__).resolve().parent.parent
GEBRUIKERS = (("gelijk-regio", ("regio",)), ("gelijk-gemeente", ("gemeente",)))
WACHTWOORD = "gelijk-wachtwoord-12345"


def _inloggen(server, naam: str):
    client = server.test_client()
    r = client.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', r.get_data(as_text=True)).group(1)
    r = client.post("/login", data={"gebruikersnaam": naam, "wachtwoord": WACHTWOORD, "csrf": csrf, "next": "/"})
    if r.status_code not in (302, 303):
        raise RuntimeError(f"inloggen als {naam} mislukt ({r.status_code})")
    return client


def opnemen(warehouse: Path, pad_begin: str = "") -> dict[str, str]:
    os.environ["BWMO_WAREHOUSE"] = str(warehouse)
    state = Path(tempfile.mkdtemp(prefix="bwmo-gelijk-")) / "state.sqlite"
    os.environ["BWMO_STATE"] = str(state)
    os.environ.setdefault("BWMO_SECRET_KEY", "gelijk-" + "x" * 40)
    from bench.callbacks_bench import _paginas, _varianten, codes
    from kern import data
    c = codes()
    eigen = c["gemeenten"][:2]  # the gemeente user sees two municipalities
    maak_gebruiker(state, GEBRUIKERS[0][0], WACHTWOORD, GEBRUIKERS[0][1])
    maak_gebruiker(state, GEBRUIKERS[1][0], WACHTWOORD, GEBRUIKERS[1][1], eigen)
    from dashboard import rendercache
    from dashboard.app import create_app
    server = create_app().server
    uit = {}
    for naam, _rollen in GEBRUIKERS:
        client = _inloggen(server, naam)
        gezien = set()
        for _label, pad in _paginas(c):
            if pad.startswith("/gemeente/"):
                pad = "/gemeente/" + (eigen[0] if naam.endswith("gemeente") else c["gemeenten"][0])
            if pad in gezien or not pad.startswith(pad_begin):
                continue
            gezien.add(pad)
            for v in _varianten(c):
                data.leeg_cache()
                rendercache.leeg()
                r = client.post("/_dash-update-component", json=pagina_body(pad, v))
                uit[f"{naam} {pad}{v}"] = f"{r.status_code} " + r.get_data(as_text=True)
    return uit


def _waarde(antwoord: str):
    status, _, tekst = antwoord.partition(" ")
    try:
        return status, json.loads(tekst)
    except ValueError:
        return status, tekst


def _verschil(a: str, b: str) -> str:
    a, b = (json.dumps(_waarde(x), sort_keys=True, ensure_ascii=False) for x in (a, b))
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"vanaf teken {i}: voor …{a[max(0, i - 80):i + 80]!r}… na …{b[max(0, i - 80):i + 80]!r}…"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.paginas_gelijk", description=__doc__)
    ap.add_argument("actie", choices=("opnemen", "vergelijk"))
    ap.add_argument("bestand", type=Path)
    ap.add_argument("--warehouse", type=Path, default=ROOT / "data" / "bench" / "regio.duckdb")
    ap.add_argument("--pad", default="", help="alleen pagina's waarvan het pad zo begint")
    args = ap.parse_args(argv)
    nu = opnemen(args.warehouse, args.pad)
    if args.actie == "opnemen":
        args.bestand.write_text(json.dumps(nu, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"{len(nu)} antwoorden opgenomen in {args.bestand}")
        return 0
    voor = {k: v for k, v in json.loads(args.bestand.read_text(encoding="utf-8")).items()
            if k.split(" ", 1)[1].startswith(args.pad)}
    anders = [k for k in voor if k not in nu or _waarde(nu[k]) != _waarde(voor[k])] + [k for k in nu if k not in voor]
    for k in anders:
        print(f"ANDERS {k}: " + (_verschil(voor[k], nu[k]) if k in voor and k in nu else "ontbreekt aan één kant"))
    print(f"{len(voor) - len([k for k in anders if k in voor])} van {len(voor)} antwoorden gelijk")
    return 1 if anders else 0


if __name__ == "__main__":
    sys.exit(main())
