"""Accountability reports: the batch of the region and all municipalities, and one
municipality's report (its line in the batch's own table)."""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.common import PY, ROOT, Resultaten, sec


def bench_reports(res: Resultaten, warehouse: Path, state: Path, map_: Path) -> None:
    if importlib.util.find_spec("reports") is None or importlib.util.find_spec("reports.__main__") is None:
        res.rij("Rapportages", "één gemeente", "n.v.t. (reports ontbreekt)")
        res.rij("Rapportages", "batch regio + alle gemeenten", "n.v.t. (reports ontbreekt)")
        return
    uit = map_ / "rapportages"
    shutil.rmtree(uit, ignore_errors=True)
    args = ["reports", "batch", str(uit.relative_to(ROOT)), "--jaar", "2025", "--periode", "H1",
            "--warehouse", str(warehouse.relative_to(ROOT))]
    res.commando(f"{PY} -m {' '.join(args)}")
    begin = time.perf_counter()
    r = subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True,
                       env={**os.environ, "BWMO_STATE": str(state), "COLUMNS": "200"}, timeout=1800, check=False)
    wand = time.perf_counter() - begin
    (map_ / "log").mkdir(exist_ok=True)
    (map_ / "log" / "reports.log").write_text(r.stdout + "\n" + r.stderr, encoding="utf-8")
    if r.returncode != 0:
        melding = (r.stderr.strip().splitlines() or ["?"])[-1][:200]
        res.rij("Rapportages", "batch regio + alle gemeenten", "MISLUKT", toelichting=melding)
        res.rij("Rapportages", "één gemeente", "n.v.t. (batch mislukt)")
        return
    rijen = []
    for regel in r.stdout.splitlines():
        cellen = [c.strip() for c in re.split(r"[│|┃]", regel) if c.strip()]
        if len(cellen) >= 6 and re.fullmatch(r"\d+,\d+", cellen[-1]) and "Totaal" not in cellen[0]:
            rijen.append((cellen[0], float(cellen[-1].replace(",", "."))))
    gemeenten = [(n, s) for n, s in rijen if not n.lower().startswith("regio")]
    res.rij("Rapportages", f"batch regio + alle gemeenten ({len(rijen) or '?'} rapportages, PDF en Excel)",
            sec(wand), toelichting="wandklok van het hele commando")
    if gemeenten:
        tijden = sorted(s for _, s in gemeenten)
        res.rij("Rapportages", "één gemeente (PDF en Excel)", sec(tijden[len(tijden) // 2]),
                toelichting=f"mediaan uit de batch-tabel; {gemeenten[0][0]} {sec(gemeenten[0][1])}, traagste {sec(tijden[-1])}")
    else:
        res.rij("Rapportages", "één gemeente", "n.v.t.", toelichting="tijd per rapportage niet gevonden in de uitvoer")
