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


def _tijd(t: str) -> str:
    """'2026-12-01 14:27 UTC' as written above -> ISO 8601 (local time when the zone is not UTC)."""
    datum, uur, zone = (t.split() + [""])[:3]
    moment = dt.datetime.strptime(f"{datum} {uur}", "%Y-%m-%d %H:%M")
    return (moment.replace(tzinfo=dt.UTC) if zone == "UTC" else moment.astimezone()).isoformat()


def lees_md(tekst: str) -> dict:
    """The saved results read back from a BENCHMARKS.md this module wrote (rows, commands, notes,
    when and at which commit the full run was), for a partial run (`--alleen-...`) on a machine
    without data/bench/resultaten.json: a fresh clone has only the committed text. Extra figures
    of a row (`extra`) are not in the text and come back empty."""
    import re
    regels = tekst.splitlines()
    rijen, commandos, notities, deel = [], [], [], ""
    for regel in regels:
        if regel.startswith("## "):
            deel = regel[3:].strip()
            continue
        if deel == "Commando's" and regel and not regel.startswith("```"):
            commandos.append(regel)
        elif deel == "Resultaten" and regel.startswith("| ") and not regel.startswith(("| sectie |", "|---")):
            cellen = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", regel)[1:-1]]
            if len(cellen) == 6:
                sectie, wat, waarde, doel, oordeel, toelichting = cellen
                gehaald = {"gehaald": True, "**niet gehaald**": False}.get(oordeel)
                rijen.append({"sectie": sectie, "wat": wat, "waarde": waarde, "doel": doel, "gehaald": gehaald,
                              "toelichting": toelichting, "extra": {}})
        elif deel == "Doelen" and regel.startswith("- "):
            notities.append(regel[2:])
    kop = re.search(r"Gemeten op (\d{4}-\d\d-\d\d \d\d:\d\d(?: [A-Z]+)?)", tekst)
    commit = re.search(r"\*\*Commit:\*\* `([0-9a-f]+|onbekend)`", tekst)
    volledig = re.search(r"volledige meting van (\d{4}-\d\d-\d\d \d\d:\d\d(?: [A-Z]+)?) \(commit `([0-9a-f]+)`\)", tekst)
    d = {"rijen": rijen, "commandos": commandos, "notities": notities,
         "gestart": _tijd(kop.group(1)) if kop else dt.datetime.now().astimezone().isoformat(),
         "commit": commit.group(1) if commit else "onbekend"}
    if volledig:
        d.update(volledige_meting=_tijd(volledig.group(1)), volledige_commit=volledig.group(2))
    return d


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
