"""The data layer: the only code that talks to the published warehouse (DuckDB, read-only) is this
module and its parts in kern/datalaag/ (connections, scope, marts).

- One read-only connection per thread, opened lazily in the worker process (after gunicorn
  forks; never at import time) and reopened when the published file changes: the ETL publishes
  with os.replace, so the file's inode/mtime/size identify a warehouse version (datalaag/verbinding.py).
- Queries live in warehouse/queries/<name>.sql and take bound parameters ($gemeenten, $van, ...).
- Results are cached per process, keyed on (warehouse version, query, parameters).
- Every function that returns municipal figures takes `scope`: the gemeente codes the caller may
  see (the dashboard takes them from the session, dashboard/access.py; a report from its
  user, reports/build.py). Requested gemeenten are intersected with it here; an empty scope
  returns nothing (deny by default). Region-level marts (result, settlement) also need a
  non-empty scope; `regio_*` functions return sums over the whole region (never a row per
  gemeente) so a gemeente user can compare. Data-quality marts take the caller's role decision.

Callers use `from kern import data` and `data.xxx`: this module only gathers the public names
of its parts, which import each other one way (verbinding <- query <- scope <- marts) and
never this module. A part looks `query.query` and `verbinding._verbinding` up at call time, so
patching those (a benchmark records the queries a page makes) reaches every function.
"""
from __future__ import annotations

from kern.datalaag.doordecentralisatie import (  # noqa: F401
    budget_jaar,
    budget_sectie,
    cohort_maand,
    doordecentralisatie_info,
    woonplaats_sectie,
)
from kern.datalaag.gemeente import (  # noqa: F401
    gemeente_kengetallen,
    gemeente_mo_jaar,
    tussenvorm_maand,
)
from kern.datalaag.marts import (  # noqa: F401
    _alleen_als,
    _scoped_query,
    afgekeurd_per_reden,
    afgekeurde_regels,
    clienten_maand,
    clienten_per_gemeente,
    clienten_per_levering,
    datakwaliteit_sectie,
    doorstroom_maand,
    gemeenten,
    inwoners_jaar,
    kengetallen_jaar,
    kosten_jaar,
    kosten_maand,
    laadlog,
    maanden_bereik,
    producten_buiten_catalogus,
    rapport_regio_maand,
    regio_clienten_maand,
    regio_inwoners_jaar,
    regio_kengetallen_jaar,
    regio_stromen_maand,
    resultaat_jaar,
    resultaat_verdeling,
    resultaat_versies,
    stromen_maand,
    stromen_som,
    uitstroom_reden_maand,
    verblijfsduur,
    verrekening,
    warehouse_info,
    wlz_aanvragen_maand,
    wlz_aanvragen_open,
    wlz_besluiten,
    wlz_cumulatief,
    wlz_reden_codes,
    wlz_sinds,
)
from kern.datalaag.mo import (  # noqa: F401
    doelgroep_overgangen_maand,
    doelgroep_overlap_maand,
    mo_clienten_maand,
    mo_kosten_jaar,
    mo_kosten_maand,
    mo_resultaat_jaar,
    mo_stromen_maand,
    mo_verblijfsduur,
)
from kern.datalaag.paginas import (  # noqa: F401
    clienten_matrix,
    clienten_stand_maand,
    clienten_verblijfsduur,
    clienten_vorm_maand,
    doorstroom_som,
    financien_kosten,
    financien_verdeling,
    financien_verdeling_kolommen,
    mo_pagina_maand,
    mo_verblijfsduur_som,
    overzicht_mo,
    overzicht_mo_kolommen,
    overzicht_regio,
    overzicht_regio_kolommen,
    overzicht_resultaat,
    overzicht_resultaat_kolommen,
    overzicht_stand,
    overzicht_stand_kolommen,
    overzicht_stromen,
    overzicht_stromen_kolommen,
    resultaat_jaar_kolommen,
    stromen_pagina_maand,
    uitstroom_per_reden,
    wlz_open_som,
    wlz_pagina_maand,
    wlz_per_gemeente,
)
from kern.datalaag.query import (  # noqa: F401
    CACHE_SIZE,
    QUERIES,
    Selectie,
    _cache,
    _memo,
    _sql,
    leeg_cache,
    leeg_resultaten,
    query,
)
from kern.datalaag.scope import (  # noqa: F401
    _gescoped,
    _params,
    _regio_index,
    _regionaal,
    _regiototaal,
    regio_gemeenten,
    toegestane_gemeenten,
)
from kern.datalaag.verbinding import (  # noqa: F401
    DEFAULT_WAREHOUSE,
    ENV,
    ROOT,
    WarehouseFout,
    _bestandsversie,
    _verbinding,
    sluit,
    warehouse_pad,
)
