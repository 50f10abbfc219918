"""The results as a rich table on stdout and as BENCHMARKS.md."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from bench.common import ROOT, Resultaten

ANALYSE = ROOT / "bench" / "analyse.md"


def _md(tekst: str) -> str:
    return str(tekst).replace("|", "\\|").replace("\n", " ")


def schrijf(res: Resultaten, info: dict, gestart, geduurd: float, commit: str, gewijzigd: bool, uit: Path,
            bewaar: Path | None = None, hoe: str = "met `make bench` (`python -m bench`)") -> None:
    if bewaar is not None:  # the raw results, to re-render the text without measuring again
        bewaar.write_text(json.dumps({"rijen": [dataclasses.asdict(r) for r in res.rijen], "commandos": res.commandos,
                                      "notities": res.notities, "info": info, "gestart": gestart.isoformat(),
                                      "geduurd": geduurd, "commit": commit, "gewijzigd": gewijzigd, "hoe": hoe},
                                     default=str, ensure_ascii=False, indent=1), encoding="utf-8")
    t = Table(title="BW/MO-monitor · benchmarks", show_lines=False)
    for kolom in ("sectie", "meting", "waarde", "doel", "oordeel"):
        t.add_column(kolom)
    for r in res.rijen:
        kleur = {"gehaald": "green", "niet gehaald": "red"}.get(r.oordeel, "")
        t.add_row(r.sectie, r.wat, r.waarde, r.doel, f"[{kleur}]{r.oordeel}[/]" if kleur else r.oordeel)
    Console(width=160).print(t)

    gemist = [r for r in res.rijen if r.gehaald is False]
    regels = [
        "# Benchmarks",
        "",
        (f"Gemeten op {gestart:%Y-%m-%d %H:%M %Z} {hoe}, in {geduurd / 60:.0f} minuten. "
         "Geschreven door `bench/`; niet met de hand bewerken (de toelichting staat in `bench/analyse.md`)."),
        "",
        (f"- **Machine:** {info['cores']} logische kernen ({info['fysiek']} fysiek), {info['model']}; "
         f"{info['geheugen'] / 2**30:.1f} GiB geheugen; {info['os']}"),
        "- **Belasting bij de start** (load average 1/5/15 min): "
        + " / ".join(f"{x:.2f}" for x in info["belasting"])
        + " — andere processen op dezelfde machine beïnvloeden de tijden.",
        f"- **Software:** Python {info['python']}, DuckDB {info['duckdb']}",
        f"- **Commit:** `{commit or 'onbekend'}`" + (" (met niet-gecommitte wijzigingen)" if gewijzigd else ""),
        "",
        "## Commando's",
        "",
        "```sh",
        *res.commandos,
        "```",
        "",
        "## Resultaten",
        "",
        "| sectie | meting | waarde | doel | oordeel | toelichting |",
        "|---|---|---|---|---|---|",
        *[f"| {_md(r.sectie)} | {_md(r.wat)} | {_md(r.waarde)} | {_md(r.doel)} | "
          f"{'**niet gehaald**' if r.gehaald is False else r.oordeel} | {_md(r.toelichting)} |" for r in res.rijen],
        "",
        "## Doelen",
        "",
        (f"{sum(1 for r in res.rijen if r.gehaald)} gehaald, {len(gemist)} niet gehaald"
         + (": " + "; ".join(f"{r.sectie} · {r.wat} ({r.waarde})" for r in gemist) if gemist else "") + "."),
        "",
    ]
    regels += [f"- {n}" for n in res.notities] + ([""] if res.notities else [])
    if ANALYSE.exists():
        regels += [ANALYSE.read_text(encoding="utf-8").rstrip(), ""]
    uit.write_text("\n".join(regels), encoding="utf-8")
    print(f"Geschreven: {uit}")


def main() -> int:
    """`python -m bench.report [data/bench/resultaten.json]`: write BENCHMARKS.md again from the
    saved results of the last run (after editing bench/analyse.md), without measuring."""
    from bench.common import Rij
    pad = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data" / "bench" / "resultaten.json"
    d = json.loads(pad.read_text(encoding="utf-8"))
    res = Resultaten([Rij(**r) for r in d["rijen"]], d["commandos"], d["notities"])
    schrijf(res, d["info"], dt.datetime.fromisoformat(d["gestart"]), d["geduurd"], d["commit"], d["gewijzigd"],
            ROOT / "BENCHMARKS.md", **({"hoe": d["hoe"]} if "hoe" in d else {}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
