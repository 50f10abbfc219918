"""Command line: `python -m reports batch OUT_DIR --jaar 2025 --periode H1|JAAR [--warehouse PATH]`.

Writes the region's accountability report and one per municipality (PDF and Excel) into
OUT_DIR, with a progress bar and a closing summary. Runs as the operator (the whole region),
audited in the state store as cli:<os user>."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

err = Console(stderr=True)
out = Console(width=None if Console().is_terminal else 160)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m reports", description="BW/MO-monitor: verantwoordingsrapportages.")
    sub = p.add_subparsers(dest="command", required=True)
    bp = sub.add_parser("batch", help="rapportage voor de regio en elke gemeente (PDF en Excel) in één map")
    bp.add_argument("out_dir", type=Path)
    bp.add_argument("--jaar", type=int, required=True)
    bp.add_argument("--periode", choices=("H1", "JAAR"), required=True,
                    help="H1: eerste halfjaar; JAAR: heel jaar (t/m de peildatum)")
    bp.add_argument("--warehouse", type=Path, default=None, help="standaard: $BWMO_WAREHOUSE of data/warehouse.duckdb")
    return p


def _batch(args) -> int:
    if args.warehouse:
        os.environ["BWMO_WAREHOUSE"] = str(args.warehouse)
    from kern import data
    from reports.batch import operator, run_batch, store_auditor, taken
    from reports.build import RapportFout, RapportGeweigerd

    user = operator()
    try:
        aantal = len(taken())
        auditor = store_auditor(data.warehouse_pad(), user)
        with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=err, transient=False) as progress:
            taak = progress.add_task("Rapportages maken", total=aantal)

            def stap(naam: str) -> None:
                progress.update(taak, advance=1, description=f"Klaar: {naam}")

            res = run_batch(args.out_dir, args.jaar, args.periode, user, auditor, stap)
    except (data.WarehouseFout, RapportFout, RapportGeweigerd) as fout:
        err.print(f"[bold red]Geen rapportages gemaakt.[/] {fout}", highlight=False)
        return 1
    tabel = Table(title=f"Verantwoording {args.periode} {args.jaar} · {res.map}")
    for kolom, rechts in (("rapportage", False), ("PDF", False), ("Excel", False), ("pagina's", True),
                          ("tabbladen", True), ("seconden", True)):
        tabel.add_column(kolom, justify="right" if rechts else "left")
    for r in res.regels:
        tabel.add_row(r.naam, r.pdf.name, r.xlsx.name, str(r.paginas), str(r.bladen), f"{r.seconden:.2f}".replace(".", ","))
    tabel.add_row("[bold]Totaal[/]", f"{len(res.regels)} bestanden", f"{len(res.regels)} bestanden",
                  str(sum(r.paginas for r in res.regels)), str(sum(r.bladen for r in res.regels)),
                  f"{res.seconden:.2f}".replace(".", ","))
    out.print(tabel)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "batch":
        return _batch(args)
    return 2  # pragma: no cover


if __name__ == "__main__":
    sys.exit(main())
