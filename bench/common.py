"""Shared: results, statistics, targets, running commands."""
from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = os.path.relpath(sys.executable, ROOT) if str(sys.executable).startswith(str(ROOT)) else sys.executable


@dataclass
class Rij:
    """One line of the results table."""
    sectie: str
    wat: str
    waarde: str
    doel: str = ""
    gehaald: bool | None = None       # None: no target for this figure
    toelichting: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def oordeel(self) -> str:
        return "" if self.gehaald is None else ("gehaald" if self.gehaald else "niet gehaald")


@dataclass
class Resultaten:
    rijen: list[Rij] = field(default_factory=list)
    commandos: list[str] = field(default_factory=list)
    notities: list[str] = field(default_factory=list)

    def rij(self, *args, **kwargs) -> Rij:
        r = Rij(*args, **kwargs)
        self.rijen.append(r)
        return r

    def commando(self, tekst: str) -> None:
        if tekst not in self.commandos:
            self.commandos.append(tekst)


def pct(waarden: list[float], p: float) -> float:
    """Percentile with linear interpolation (p in 0..100)."""
    if not waarden:
        return float("nan")
    s = sorted(waarden)
    if len(s) == 1:
        return s[0]
    k = (len(s) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def median(waarden: list[float]) -> float:
    return statistics.median(waarden) if waarden else float("nan")


def ms(s: float) -> str:
    return "–" if math.isnan(s) else f"{s * 1000:.0f} ms" if s >= 0.01 else f"{s * 1000:.1f} ms"


def sec(s: float) -> str:
    return "–" if math.isnan(s) else f"{s:.1f} s"


def gib(kib: float) -> str:
    return f"{kib / 1024 / 1024:.2f} GiB" if kib >= 1024 * 1024 else f"{kib / 1024:.0f} MiB"


def draai_gemeten(args: list[str], log: Path, env: dict | None = None) -> dict:
    """Run `python -m bench.peak args...`, output to `log`; returns rc, wall_s, maxrss_kib."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as f:
        r = subprocess.run([sys.executable, "-m", "bench.peak", *args], cwd=ROOT, stdout=f,
                           stderr=subprocess.PIPE, env={**os.environ, **(env or {})}, check=False)
    fout = r.stderr.decode("utf-8", "replace")
    with open(log, "ab") as f:
        f.write(fout.encode())
    for regel in reversed(fout.splitlines()):
        if regel.startswith('{"bench_peak"'):
            return json.loads(regel)
    return {"rc": r.returncode, "wall_s": float("nan"), "maxrss_kib": 0}
