"""Command line: `python -m etl load SOURCE_DIR`, `sample OUT_DIR`, `versie`, `rebuild`, `cbs-ophalen`."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import duckdb
from rich.console import Console
from rich.table import Table

from etl.load import LoadRefused, LoadReport, default_warehouse, load
from etl.region import region_names

# A fixed width when not on a terminal, so the summary stays readable in logs and cron mail.
err = Console(stderr=True)
out = Console(width=None if Console().is_terminal else 160)


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen datum in de vorm JJJJ-MM-DD: {value}") from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m etl", description="BW/MO-monitor: laden en voorbeelddata.")
    sub = p.add_subparsers(dest="command", required=True)

    lp = sub.add_parser("load", help="laad een levering en publiceer het warehouse")
    lp.add_argument("source_dir", type=Path)
    lp.add_argument("--warehouse", type=Path, default=None,
                    help="standaard: $BWMO_WAREHOUSE of data/warehouse.duckdb")
    lp.add_argument("--peildatum", type=_parse_date, default=None)
    lp.add_argument("--region", default=None, help=f"een van: {', '.join(region_names())}")

    vp = sub.add_parser("versie", help="stel het voorlopige of definitieve resultaat van een jaar vast")
    vp.add_argument("jaar", type=int)
    vp.add_argument("versie", choices=("voorlopig", "definitief"))
    vp.add_argument("--warehouse", type=Path, default=None)
    vp.add_argument("--correctie", metavar="REDEN", default=None,
                    help="corrigeer een al vastgesteld record; het oude blijft bewaard")
    vp.add_argument("--ja", action="store_true", help="niet om bevestiging vragen")
    vp.add_argument("--door", default=None,
                    help="wie vastlegt, voor het record en de auditlog (standaard: cli:<gebruiker>)")
    vp.add_argument("--status", type=Path, default=None,
                    help="schrijf de voortgang als JSON naar dit bestand (de Financiën-pagina leest het)")

    rp = sub.add_parser("rebuild", help="bouw en publiceer opnieuw uit de geladen gegevens")
    rp.add_argument("--warehouse", type=Path, default=None)
    rp.add_argument("--uit-leveringen", action="store_true",
                    help="bouw vanaf nul uit de bewaarde leveringen (<warehouse>.leveringen/)")

    cp = sub.add_parser("cbs-ophalen", help="haal de bevolking van de regio op bij CBS open data")
    cp.add_argument("out_dir", type=Path, help="de leveringsmap waarin cbs_JJJJMMDD.json komt")
    cp.add_argument("--region", default=None, help=f"een van: {', '.join(region_names())}")
    cp.add_argument("--tabel", default=None, help="CBS-tabel (standaard 37259ned)")
    cp.add_argument("--url", default=None,
                    help="OData-adres (standaard $BWMO_CBS_URL of dat van CBS open data)")

    sp = sub.add_parser("sample", help="schrijf een synthetische voorbeeldlevering")
    sp.add_argument("out_dir", type=Path)
    sp.add_argument("--seed", type=int, default=1)
    sp.add_argument("--scale", choices=("region", "national"), default="region")
    sp.add_argument("--region", default=None)
    return p


def _summary(report: LoadReport) -> Table:
    table = Table(title=f"Levering geladen · peildatum {report.peildatum:%d-%m-%Y} · regio {report.regio}")
    counts = ("gelezen", "geladen", "afgekeurd", "overgeslagen")
    for col in ("bestand", "soort", "status", *counts, "redenen"):
        table.add_column(col, justify="right" if col in counts else "left")
    for f in report.files:
        reasons = "; ".join(f"{n}× {r}" for r, n in sorted(f.redenen.items(), key=lambda x: -x[1]))
        table.add_row(f.bestand, f.soort, f.status, f"{f.regels_gelezen:,}".replace(",", "."),
                      f"{f.regels_geladen:,}".replace(",", "."), str(f.regels_afgekeurd),
                      str(sum(f.overgeslagen.values())), reasons)
    return table


def _skipped_lines(report: LoadReport) -> list[str]:
    """Per file, why lines were left out: a CBS table holds every region and every year, and
    the user must see which were not used and why (a misspelt name shows up here)."""
    return [f"Overgeslagen in {f.bestand}: "
            + "; ".join(f"{n:,}".replace(",", ".") + f"× {r}" for r, n in
                        sorted(f.overgeslagen.items(), key=lambda x: -x[1])) + "."
            for f in report.files if f.overgeslagen]


def _run_load(args) -> int:
    warehouse = args.warehouse or default_warehouse()
    with err.status("Laden…") as status:
        def progress(event: str, info: dict) -> None:
            if event == "file":
                status.update(f"Lezen en controleren: {info['bestand']}")
            elif event == "build":
                status.update("Warehouse bouwen en datacontroles uitvoeren…")
            elif event == "publish":
                status.update("Publiceren…")
        try:
            report = load(args.source_dir, warehouse, args.peildatum, args.region, progress)
        except LoadRefused as refused:
            err.print(f"[bold red]Niet gepubliceerd.[/] {refused}", highlight=False)
            err.print(f"Het gepubliceerde warehouse ({warehouse}) is ongewijzigd.")
            return 1
    out.print(_summary(report))
    for regel in _skipped_lines(report):
        out.print(regel, highlight=False)
    for regel in report.genegeerd:
        out.print(f"Niet gelezen: {regel}", highlight=False)
    if report.genegeerd:  # on stderr too, for a script that keeps only stderr
        err.print(f"[bold yellow]Let op:[/] {len(report.genegeerd)} bestand(en) in de levering niet gelezen: "
                  + ", ".join(r.split(" is niet gelezen")[0] for r in report.genegeerd) + ".", highlight=False)
    if report.published:
        out.print(f"Datacontroles: {len(report.checks)} uitgevoerd, alle geslaagd.")
        out.print(f"Gepubliceerd: {report.warehouse} (versie {report.versie}) "
                  f"in {report.seconds:.1f} s.")
    else:
        out.print(report.message)
    return 0


def _run_sample(args) -> int:
    from voorbeeld import write_sample

    summary = write_sample(args.out_dir, seed=args.seed, scale=args.scale)
    out.print(f"Voorbeeldlevering ({args.scale}, seed {args.seed}) geschreven naar {args.out_dir}:")
    for name, rows in summary.get("files", {}).items():
        out.print(f"  {name}: {rows:,} regels".replace(",", "."))
    return 0


def _run_cbs_ophalen(args) -> int:
    from etl.cbs_ophalen import DEFAULT_TABLE, OphalenMislukt, ophalen
    from etl.region import load_region

    try:
        region = load_region(args.region)
        tabel = args.tabel or DEFAULT_TABLE
        with err.status(f"CBS-tabel {tabel} ophalen…"):
            path, records = ophalen(args.out_dir, region, tabel, args.url)
    except (OphalenMislukt, ValueError) as failed:
        err.print(f"[bold red]Niet opgehaald.[/] {failed}", highlight=False)
        return 1
    out.print(f"Opgehaald: {records:,}".replace(",", ".") + f" records uit CBS-tabel {tabel} "
              f"voor de {len(region.codes)} gemeenten van regio {region.naam}: {path}",
              highlight=False)
    return 0


def _run_version(args) -> int:
    import getpass

    from etl.vaststellen import fix_and_publish
    from staat import taken
    from warehouse.versions import VersionRefused, current_figures

    def status(**velden):
        if args.status:
            taken.schrijf(args.status, door=door, **velden)

    warehouse = args.warehouse or default_warehouse()
    door = args.door or f"cli:{getpass.getuser()}"
    try:
        figures = current_figures(warehouse, args.jaar)
    except (VersionRefused, duckdb.Error) as refused:
        status(status="mislukt", melding=f"Niet vastgelegd. {refused}")
        err.print(f"[bold red]Niet vastgesteld.[/] {refused}", highlight=False)
        return 1
    res = figures["resultaat"]
    out.print(f"Resultaat BW {args.jaar} volgens warehouse {figures['meta']['versie']} "
              f"(peildatum {figures['meta']['peildatum']}): € {res['resultaat_eur']}")
    if not args.ja:
        if not sys.stdin.isatty():
            err.print("Bevestiging nodig: draai interactief of geef --ja.")
            return 1
        answer = input(f"Dit vastleggen als {args.versie} resultaat {args.jaar}? [ja/nee] ")
        if answer.strip().lower() != "ja":
            out.print("Niets vastgelegd.")
            return 1
    stappen = {"build": "Het warehouse wordt opnieuw gebouwd en gecontroleerd…",
               "publish": "Het warehouse wordt gepubliceerd…"}
    status(status="bezig", melding="Het resultaat wordt vastgelegd…")
    try:
        record, _report = fix_and_publish(
            warehouse, args.jaar, args.versie, door, correctie_reden=args.correctie,
            notify=lambda event, info: event in stappen and status(status="bezig", melding=stappen[event]))
    except (VersionRefused, LoadRefused) as refused:
        status(status="mislukt", melding=f"Niet gelukt. {refused}")
        err.print(f"[bold red]Niet gelukt.[/] {refused}", highlight=False)
        return 1
    except Exception:
        status(status="mislukt", melding="Niet gelukt door een onverwachte fout; zie het log van de server.")
        raise
    status(status="klaar", record=record,
           melding=f"Het {args.versie}e resultaat {args.jaar} is vastgelegd (record {record}) en het "
                   "warehouse is opnieuw gepubliceerd. Vernieuw de pagina om de cijfers te zien.")
    out.print(f"Vastgelegd als record {record}; het warehouse is opnieuw gepubliceerd.")
    return 0


def _run_rebuild(args) -> int:
    from etl.load import rebuild, rebuild_from_archive

    try:
        if args.uit_leveringen:
            report = rebuild_from_archive(args.warehouse)
        else:
            report = rebuild(args.warehouse)
    except LoadRefused as refused:
        err.print(f"[bold red]Niet gepubliceerd.[/] {refused}", highlight=False)
        return 1
    bron = f" uit {len(report.files)} bewaarde bestanden" if args.uit_leveringen else ""
    out.print(f"Opnieuw gepubliceerd{bron}: {report.warehouse} (versie {report.versie}) "
              f"in {report.seconds:.1f} s.")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    commands = {"load": _run_load, "sample": _run_sample, "versie": _run_version,
                "rebuild": _run_rebuild, "cbs-ophalen": _run_cbs_ophalen}
    return commands[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
