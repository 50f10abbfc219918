"""Compare everything the product hands out between two git revisions, on the sample warehouse.

    .venv/bin/python -m bench.vergelijk REV_A REV_B [--uit MAP] [--houd]

For each revision: a temporary `git worktree` (detached), in it `python -m etl sample` (region,
seed 1) and `python -m etl load` into a fresh warehouse and state store, then with that
revision's own code:
- every page's callback output (Dash Pages' router, as the browser asks for it: figures, tables,
  texts) for a regio user and a gemeente user (GM0106, Assen), for a few filter settings;
- every visual's export, CSV and Excel, through the app's own download callback (Flask test
  client, logged in), for both users and two filter settings;
- the half-year report (`python -m reports batch --jaar 2025 --periode H1`): the PDF as text
  (pdftotext -layout) and the Excel workbook as CSV per sheet;
- the marts of the contract (/work/shared/contract.md, section 3) as CSV, ordered;
- the sample delivery itself (so a changed sample is seen as the cause of a changed figure).
Then the two trees are diffed file by file: identical / different (with the first differing
lines) / only in one revision. Exit 0 when everything is identical, 1 otherwise.

What changes between two builds of the same code (the warehouse version, load times, the day of
the run) is replaced by a placeholder before writing (`_normaliseer`), so A == A gives no
difference. Revisions whose code predates a step (no such page, mart or command) say so in a
file `ONTBREEKT.txt` instead of failing the run.

The worker part (`schrijf`) runs inside the revision's worktree with the revision's packages on
sys.path; it imports nothing of the tree this script comes from (it is copied next to the
worktrees and run from there), so an old revision is measured with its own code only.
"""
from __future__ import annotations

import argparse
import base64
import csv
import difflib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CONTRACT_MARTS = ("clienten_maand", "stromen_maand", "kosten_maand", "resultaat_jaar", "resultaat_verdeling",
                  "mo_clienten_maand", "mo_stromen_maand", "mo_kosten_maand", "mo_resultaat_jaar",
                  "doelgroep_overgangen_maand", "budget_jaar", "woonplaats_maand", "cohort_maand")
GEMEENTE = "GM0106"  # the gemeente user's municipality (Assen)
JAAR, PERIODE = 2025, "H1"  # the sample's peildatum is 30-06-2025
PAGINA_ZOEK = ("", "?van=2020-07&tot=2025-06", "?korrel=kwartaal", f"?gemeente={GEMEENTE}&levering=ZIN")
EXPORT_ZOEK = ("", "?van=2020-07&tot=2025-06&korrel=halfjaar")
NIET_VERGELEKEN_PAGINAS = ("/404", "/auditlog")  # no figures; the audit log holds this run's own entries
SLEUTEL = "vergelijk-" + "x" * 40  # one rounding key for both revisions: the same count rounds the same way
MAX_REGELS = 12  # differing lines shown per file


# --- normalising what two builds of the same code do not share ------------------------------------

_VLUCHTIG = [
    (re.compile(r"\b\d{8}T\d{6}-[0-9a-f]{8}\b"), "<VERSIE>"),             # warehouse version
    (re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\b"), "<TIJDSTIP>"),
    (re.compile(r"\b\d{1,2}-\d{1,2}-\d{4} (om )?\d{2}:\d{2}\b"), "<TIJDSTIP>"),
    (re.compile(r"\b\d{1,2} [a-z]+ \d{4} (om )?\d{2}:\d{2}\b"), "<TIJDSTIP>"),
    (re.compile(r"/tmp/[^\s\"']+"), "<PAD>"),
    # a load time as an Excel cell (a peildatum is a midnight: datetime(2025, 6, 30, 0, 0), kept)
    (re.compile(r"datetime\.datetime\(\d{4}, \d{1,2}, \d{1,2}, (?!0, 0\))\d{1,2}, \d{1,2}(, \d{1,2})?(, \d+)?\)"),
     "<TIJDSTIP>"),
]


def _normaliseer(tekst: str) -> str:
    for patroon, vervanging in _VLUCHTIG:
        tekst = patroon.sub(vervanging, tekst)
    return tekst


def _schrijf_tekst(pad: Path, tekst: str) -> None:
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(_normaliseer(tekst), encoding="utf-8")


def _xlsx_als_tekst(inhoud: bytes) -> str:
    """Every sheet of a workbook as ';'-separated rows of its cell values (type-tagged so a number
    that became text shows up), sheets in order."""
    import openpyxl
    wb = openpyxl.load_workbook(io.BytesIO(inhoud), data_only=True)
    uit = io.StringIO()
    for ws in wb.worksheets:
        uit.write(f"## blad {ws.title}\n")
        w = csv.writer(uit, delimiter=";", lineterminator="\n")
        for rij in ws.iter_rows(values_only=True):
            w.writerow(["" if v is None else (repr(v) if not isinstance(v, str) else v) for v in rij])
    return uit.getvalue()


# --- the worker: runs in a revision's worktree, with its code -------------------------------------

def _ontbreekt(uit: Path, regel: str) -> None:
    uit.mkdir(parents=True, exist_ok=True)
    with open(uit / "ONTBREEKT.txt", "a", encoding="utf-8") as f:
        f.write(regel + "\n")


def _store():
    try:
        from staat.store import StateStore
    except ImportError:  # before issue 11 the state store lived in the web package
        from dashboard.auth.store import StateStore
    return StateStore


def _maak_gebruikers(state: Path) -> dict[str, tuple[str, str]]:
    from dashboard.auth import hash_password
    store = _store()(state)
    gebruikers = {"regio": ("vergelijk-regio", ("regio",), ()),
                  "gemeente": ("vergelijk-gemeente", ("gemeente",), (GEMEENTE,))}
    uit = {}
    for rol, (naam, rollen, gemeenten) in gebruikers.items():
        wachtwoord = f"{naam}-wachtwoord-lang-genoeg"
        if store.get_user(naam) is None:
            store.add_user(naam, hash_password(wachtwoord), set(rollen), set(gemeenten))
        uit[rol] = (naam, wachtwoord)
    return uit


def _ingelogd(server, naam: str, wachtwoord: str):
    client = server.test_client()
    r = client.get("/login")
    if r.status_code != 404:
        csrf = re.search(r'name="csrf" value="([^"]+)"', r.get_data(as_text=True)).group(1)
        r = client.post("/login", data={"gebruikersnaam": naam, "wachtwoord": wachtwoord, "csrf": csrf, "next": "/"})
        if r.status_code not in (302, 303):
            raise RuntimeError(f"inloggen als {naam} mislukt ({r.status_code})")
    return client


def _uitvoer(tekst: str):
    """Dash's output string as the 'outputs' list. Like bench/callbacks_bench._outputs, written
    again here on purpose: the worker runs against an old revision's code, not this tree's."""
    def een(deel):
        ident, prop = deel.rsplit(".", 1)
        return {"id": json.loads(ident) if ident.startswith("{") else ident, "property": prop}
    if tekst.startswith(".."):
        return [een(d) for d in tekst[2:-2].split("...")]
    return een(tekst)


def _bestandsdeel(tekst: str, leeg: str = "standaard") -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", tekst).strip("_") or leeg


def _pagina_pad(visual_id: str, paden: set[str]) -> str:
    """The page a visual is on, from its id's prefix (as bench/callbacks_bench does)."""
    voor = visual_id.split("-")[0]
    pad = {"overzicht": "/", "dq": "/datakwaliteit", "gemeente": f"/gemeente/{GEMEENTE}", "mo": "/opvang",
           "dd": "/doordecentralisatie"}.get(voor, f"/{voor}")
    return pad if pad in paden or pad.startswith("/gemeente/") else "/"


def schrijf(uit: Path, warehouse: Path, state: Path) -> None:
    """Page outputs, exports and marts of the code on sys.path into `uit`."""
    os.environ["BWMO_WAREHOUSE"], os.environ["BWMO_STATE"] = str(warehouse), str(state)
    os.environ["BWMO_SECRET_KEY"] = os.environ["BWMO_AFRONDINGSSLEUTEL"] = SLEUTEL
    import dash

    from dashboard.app import create_app
    from dashboard.components.visual import REGISTRY
    gebruikers = _maak_gebruikers(state)
    app = create_app()
    server = app.server
    deps = _ingelogd(server, *gebruikers["regio"]).get("/_dash-dependencies").get_json()
    pagina_dep = next((d for d in deps if "_pages_content.children" in d["output"]), None)
    download_dep = next((d for d in deps if d["output"].startswith("download.")), None)
    paginas = sorted((p.get("path_template") or p["path"]) for p in dash.page_registry.values())
    paginas = [p.replace("<code>", GEMEENTE) for p in paginas if p not in NIET_VERGELEKEN_PAGINAS]
    for rol, (naam, wachtwoord) in gebruikers.items():
        client = _ingelogd(server, naam, wachtwoord)
        if pagina_dep is None:
            _ontbreekt(uit, "geen paginacallback (_pages_content) gevonden")
        for pad in paginas:
            for zoek in PAGINA_ZOEK:
                body = {"output": pagina_dep["output"], "outputs": _uitvoer(pagina_dep["output"]),
                        "inputs": [{"id": "_pages_location", "property": "pathname", "value": pad},
                                   {"id": "_pages_location", "property": "search", "value": zoek}],
                        "changedPropIds": ["_pages_location.pathname", "_pages_location.search"], "state": []}
                r = client.post("/_dash-update-component", json=body)
                doel = uit / "paginas" / rol / _bestandsdeel(pad, "overzicht") / f"{_bestandsdeel(zoek)}.json"
                if r.status_code != 200:
                    _schrijf_tekst(doel, f"HTTP {r.status_code}\n")
                    continue
                _schrijf_tekst(doel, json.dumps(r.get_json(), indent=1, sort_keys=True, ensure_ascii=False))
        if download_dep is None:
            _ontbreekt(uit, "geen downloadcallback gevonden")
            continue
        for vid in sorted(REGISTRY):
            pad = _pagina_pad(vid, set(paginas))
            for zoek in EXPORT_ZOEK:
                for formaat in ("csv", "xlsx"):
                    ident = {"formaat": formaat, "type": "export", "visual": vid}
                    body = {"output": download_dep["output"], "outputs": _uitvoer(download_dep["output"]),
                            "inputs": [[{"id": ident, "property": "n_clicks", "value": 1}]],
                            "changedPropIds": [json.dumps(ident, sort_keys=True, separators=(",", ":")) + ".n_clicks"],
                            "state": [{"id": "url", "property": "search", "value": zoek},
                                      {"id": "url", "property": "pathname", "value": pad}]}
                    r = client.post("/_dash-update-component", json=body)
                    doel = uit / "exports" / rol / _bestandsdeel(zoek) / f"{vid}.{formaat}.txt"
                    if r.status_code == 204:
                        _schrijf_tekst(doel, "geen export (204)\n")
                        continue
                    if r.status_code != 200:
                        _schrijf_tekst(doel, f"HTTP {r.status_code}\n")
                        continue
                    d = r.get_json()["response"]["download"]["data"]
                    inhoud = base64.b64decode(d["content"]) if d.get("base64") else d["content"].encode()
                    tekst = (inhoud.decode("utf-8-sig") if formaat == "csv" else _xlsx_als_tekst(inhoud))
                    _schrijf_tekst(doel, f"# {d.get('filename')}\n{tekst}")
    _marts(uit, warehouse)


def _marts(uit: Path, warehouse: Path) -> None:
    import duckdb
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        bestaand = {r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'").fetchall()}
        for mart in CONTRACT_MARTS:
            if mart not in bestaand:
                _ontbreekt(uit, f"mart marts.{mart} bestaat niet in deze revisie")
                continue
            df = con.execute(f"select * from marts.{mart} order by all").df()
            _schrijf_tekst(uit / "marts" / f"{mart}.csv", df.to_csv(index=False, sep=";", lineterminator="\n"))
    finally:
        con.close()


# --- the driver ----------------------------------------------------------------------------------

def _run(cmd: list[str], cwd: Path, env: dict, log: Path) -> int:
    with open(log, "a", encoding="utf-8") as f:
        f.write(f"$ {' '.join(cmd)}\n")
        f.flush()
        return subprocess.run(cmd, check=False, cwd=cwd, env=env, stdout=f, stderr=subprocess.STDOUT).returncode


def _revisie(repo: Path, rev: str, werk: Path, script: Path) -> Path:
    """Build the sample warehouse with revision `rev` and write its outputs; returns the map."""
    sha = subprocess.run(["git", "rev-parse", "--verify", f"{rev}^{{commit}}"], cwd=repo, check=True,
                         capture_output=True, text=True).stdout.strip()
    boom, uit, log = werk / f"boom-{sha[:10]}", werk / f"uit-{sha[:10]}", werk / f"log-{sha[:10]}.txt"
    if uit.exists():
        return uit  # the same revision twice: written once
    print(f"{rev} ({sha[:10]}): worktree, sample, load, uitvoer ...", flush=True)
    subprocess.run(["git", "worktree", "add", "--detach", "--quiet", str(boom), sha], cwd=repo, check=True)
    try:
        env = {**os.environ, "PYTHONPATH": str(boom), "BWMO_STATE": str(werk / f"state-{sha[:10]}.sqlite"),
               "BWMO_SECRET_KEY": SLEUTEL, "BWMO_AFRONDINGSSLEUTEL": SLEUTEL, "PYTHONHASHSEED": "0"}
        wh, levering = werk / f"wh-{sha[:10]}.duckdb", werk / f"levering-{sha[:10]}"
        env["BWMO_WAREHOUSE"] = str(wh)
        py = sys.executable
        if _run([py, "-m", "etl", "sample", str(levering), "--seed", "1", "--scale", "region"], boom, env, log):
            _ontbreekt(uit, "python -m etl sample mislukte (zie het log)")
            return uit
        for f in sorted(levering.iterdir()):
            if f.is_file() and f.suffix in (".csv", ".json"):
                _schrijf_tekst(uit / "levering" / f.name, f.read_text(encoding="utf-8-sig", errors="replace"))
        if _run([py, "-m", "etl", "load", str(levering), "--warehouse", str(wh)], boom, env, log):
            _ontbreekt(uit, "python -m etl load mislukte (zie het log)")
            return uit
        rapport = werk / f"rapport-{sha[:10]}"
        if _run([py, "-m", "reports", "batch", str(rapport), "--jaar", str(JAAR), "--periode", PERIODE,
                 "--warehouse", str(wh)], boom, env, log):
            _ontbreekt(uit, "python -m reports batch mislukte (zie het log)")
        for f in sorted(rapport.glob("*")) if rapport.exists() else []:
            if f.suffix == ".pdf":
                tekst = subprocess.run(["pdftotext", "-layout", str(f), "-"], check=False, capture_output=True, text=True).stdout
                _schrijf_tekst(uit / "rapport" / f"{f.stem}.pdf.txt", tekst)
            elif f.suffix == ".xlsx":
                _schrijf_tekst(uit / "rapport" / f"{f.stem}.xlsx.txt", _xlsx_als_tekst(f.read_bytes()))
        kopie = werk / "vergelijk_worker.py"
        shutil.copy(script, kopie)
        if _run([py, str(kopie), "schrijf", str(uit), "--warehouse", str(wh), "--state", env["BWMO_STATE"]],
                boom, env, log):
            _ontbreekt(uit, "de pagina's en exports konden niet (alle) worden geschreven (zie het log)")
        return uit
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(boom)], cwd=repo, check=False)


def vergelijk(a: Path, b: Path, naam_a: str, naam_b: str) -> int:
    """Print per file identical / different / only in one; returns the number not identical."""
    bestanden = sorted({p.relative_to(a) for p in a.rglob("*") if p.is_file()}
                       | {p.relative_to(b) for p in b.rglob("*") if p.is_file()})
    anders = 0
    for rel in bestanden:
        pa, pb = a / rel, b / rel
        if not pa.exists() or not pb.exists():
            anders += 1
            print(f"ALLEEN IN {naam_a if pa.exists() else naam_b}: {rel}")
            continue
        ta, tb = pa.read_text(encoding="utf-8"), pb.read_text(encoding="utf-8")
        if ta == tb:
            print(f"gelijk:    {rel}")
            continue
        anders += 1
        print(f"VERSCHIL:  {rel}")
        regels = list(difflib.unified_diff(ta.splitlines(), tb.splitlines(), naam_a, naam_b, n=0, lineterm=""))
        for regel in regels[2:2 + MAX_REGELS]:
            print("    " + (regel if len(regel) <= 240 else regel[:240] + " …"))
        if len(regels) > 2 + MAX_REGELS:
            print(f"    … ({sum(1 for r in regels[2:] if r[:1] in '+-')} regels verschillen)")
    print(f"\n{len(bestanden)} bestanden, {len(bestanden) - anders} gelijk, {anders} verschillend of alleen in één.")
    return anders


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.vergelijk",
                                description="Alle cijfers, exports en rapportages van twee revisies vergelijken.")
    sub = p.add_subparsers(dest="opdracht")
    s = sub.add_parser("schrijf", help=argparse.SUPPRESS)
    s.add_argument("uit", type=Path)
    s.add_argument("--warehouse", type=Path, required=True)
    s.add_argument("--state", type=Path, required=True)
    if argv is None:
        argv = sys.argv[1:]
    if argv[:1] == ["schrijf"]:
        args = p.parse_args(argv)
        schrijf(args.uit, args.warehouse, args.state)
        return 0
    v = argparse.ArgumentParser(prog="python -m bench.vergelijk")
    v.add_argument("rev_a")
    v.add_argument("rev_b")
    v.add_argument("--uit", type=Path, default=None, help="werkmap (standaard een tijdelijke map)")
    v.add_argument("--houd", action="store_true", help="de werkmap na afloop bewaren")
    args = v.parse_args(argv)
    repo = Path(subprocess.run(["git", "rev-parse", "--show-toplevel"], capture_output=True, text=True,
                               check=True).stdout.strip())
    werk = args.uit or Path(tempfile.mkdtemp(prefix="bwmo-vergelijk-"))
    werk.mkdir(parents=True, exist_ok=True)
    try:
        ua = _revisie(repo, args.rev_a, werk, Path(__file__).resolve())
        ub = _revisie(repo, args.rev_b, werk, Path(__file__).resolve())
        anders = vergelijk(ua, ub, args.rev_a, args.rev_b)
    finally:
        if not args.houd and args.uit is None:
            shutil.rmtree(werk, ignore_errors=True)
        else:
            print(f"werkmap: {werk}")
    return 1 if anders else 0


if __name__ == "__main__":
    sys.exit(main())
