"""build_report: check access, then gather every figure of an accountability report.

Access follows the dashboard (docs/security.md): the scope is `allowed_gemeenten(user, region)`;
a region report needs the `regio` role, a municipality's report a code inside the user's scope.
Refusals and reports are audited. The figures themselves are gathered in reports/samenstellen.py,
through the scoped functions of kern/data.py.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from kern import data
from kern.rollen import REGIO, User, allowed_gemeenten
from reports.cijfers import LEVERINGSVORMEN, TUSSENVORMEN
from reports.fouten import RapportFout, RapportGeweigerd
from reports.model import ReportData
from reports.periode import PERIODES, periode_label, perioden
from reports.samenstellen import stel_samen

# The names this module has always offered, wherever they live now.
__all__ = ["LEVERINGSVORMEN", "PERIODES", "SCOPES", "TUSSENVORMEN", "RapportFout",
           "RapportGeweigerd", "build_report", "periode_label", "perioden"]

log = logging.getLogger(__name__)

SCOPES = ("regio", "gemeente")


def build_report(scope_kind: str, gemeente_code: str | None, periode: str, jaar: int,
                 user: User | None, *, auditor: Callable[[str, dict], None] | None = None) -> ReportData:
    """Gather an accountability report for the region ('regio') or one municipality
    ('gemeente', `gemeente_code`), for the first half-year ('H1') or the whole year ('JAAR').

    The scope comes from `user` (the session's user, never from the request): a region report
    needs the regio role; a municipality's report a code the user may see. Raises
    RapportGeweigerd (a PermissionError) or RapportFout. Audited as 'rapport' through `auditor`,
    which the caller passes (the web app: dashboard.auth.context.app_auditor(); the command line:
    reports.batch.store_auditor); without one nothing is audited."""
    wat = {"soort": scope_kind, "gemeente": gemeente_code, "periode": periode, "jaar": jaar}
    regio = data.regio_gemeenten()
    scope = allowed_gemeenten(user, regio["gemeente_code"])
    try:
        if scope_kind == "regio":
            if user is None or REGIO not in user.roles:
                raise RapportGeweigerd("Alleen gebruikers met de rol regio kunnen de rapportage voor de "
                                       "hele regio maken.")
            codes = sorted(scope)
        elif scope_kind == "gemeente":
            code = str(gemeente_code or "").strip().upper()
            if code not in scope:
                raise RapportGeweigerd("U kunt alleen een rapportage maken voor een gemeente waarvan u de "
                                       "cijfers mag zien.")
            codes = [code]
        else:
            raise RapportFout(f"Onbekende soort rapportage '{scope_kind}': kies regio of gemeente.")
        if not codes:
            raise RapportGeweigerd("U heeft geen toegang tot de cijfers van een gemeente.")
        if periode not in PERIODES:
            raise RapportFout(f"Onbekende periode '{periode}': kies H1 (eerste halfjaar) of JAAR.")
        rapport = stel_samen(scope_kind, codes, periode, int(jaar), user, scope, regio)
    except (RapportGeweigerd, RapportFout) as fout:
        if auditor:
            auditor("rapport_geweigerd", {**wat, "reden": str(fout)})
        raise
    if auditor:
        auditor("rapport", {**wat, "peildatum": rapport.peildatum.isoformat(),
                            "resultaatversie": rapport.resultaat_versie,
                            "warehouse_versie": rapport.warehouse_versie})
    return rapport

