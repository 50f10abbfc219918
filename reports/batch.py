"""The batch: the region's report plus one per municipality, PDF and Excel, into one folder."""
from __future__ import annotations

import getpass
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from kern import data
from kern.rollen import REGIO, User
from reports.build import build_report
from reports.pdf import write_pdf
from reports.xlsx import write_xlsx


@dataclass
class BatchRegel:
    naam: str
    pdf: Path
    xlsx: Path
    paginas: int
    bladen: int
    seconden: float


@dataclass
class BatchResultaat:
    map: Path
    regels: list[BatchRegel] = field(default_factory=list)
    seconden: float = 0.0


def operator() -> User:
    """The command line runs as the operator: the whole region, audited as cli:<os user>."""
    return User(f"cli:{getpass.getuser()}", frozenset({REGIO}))


def store_auditor(warehouse: Path, user: User) -> Callable[[str, dict], None]:
    from warehouse.versions import state_store_for

    store = state_store_for(warehouse)
    return lambda actie, wat: store.audit(user.username, actie, wat, None)


def taken() -> list[tuple[str, str | None, str]]:
    """(scope_kind, gemeente_code, name) for the region and each municipality, by name."""
    regio = data.regio_gemeenten()
    uit = [("regio", None, f"Regio {data.warehouse_info()['regio']}")]
    uit += [("gemeente", c, n) for c, n in sorted(zip(regio["gemeente_code"], regio["gemeente_naam"]),
                                                  key=lambda x: x[1])]
    return uit


def run_batch(out_dir: Path, jaar: int, periode: str, user: User | None = None,
              auditor: Callable[[str, dict], None] | None = None,
              voortgang: Callable[[str], None] | None = None) -> BatchResultaat:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    user = user or operator()
    begin = time.perf_counter()
    res = BatchResultaat(out_dir)
    for soort, code, naam in taken():
        t = time.perf_counter()
        rapport = build_report(soort, code, periode, jaar, user, auditor=auditor)
        pdf, xlsx = out_dir / f"{rapport.bestandsnaam}.pdf", out_dir / f"{rapport.bestandsnaam}.xlsx"
        paginas = write_pdf(rapport, pdf)
        bladen = write_xlsx(rapport, xlsx)
        res.regels.append(BatchRegel(naam, pdf, xlsx, paginas, bladen, time.perf_counter() - t))
        if voortgang:
            voortgang(naam)
    res.seconden = time.perf_counter() - begin
    return res
