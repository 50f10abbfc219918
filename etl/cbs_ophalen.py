"""`python -m etl cbs-ophalen`: the population table from the CBS open-data API, for the
region's municipalities, written into a delivery as the OData JSON CBS serves.

Plain urllib against the OData endpoint rather than the `cbsodata` client: the delivery file
must be the OData document itself (``{"odata.metadata": ..., "value": [...]}``), which the
load reads like a downloaded one, while `cbsodata.get_data` returns rows with the codes
replaced by titles and `download_data` writes a folder of metadata files. One GET per page,
following ``odata.nextLink`` (the API pages at 10,000 records), is all this needs.
"""
from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
from datetime import date
from pathlib import Path

from etl.region import Region

CBS_ODATA = "https://opendata.cbs.nl/ODataApi/odata"
DEFAULT_TABLE = "37259ned"   # Bevolkingsontwikkeling; regio per jaar (BevolkingOp1Januari)
TIMEOUT_S = 60
MAX_PAGES = 100               # a region's table is one or two pages; this stops a link loop


class OphalenMislukt(Exception):
    """Fetching failed; the message says why, in Dutch. Nothing was written."""


def table_url(tabel: str, region: Region, base: str | None = None) -> str:
    base = (base or os.environ.get("BWMO_CBS_URL") or CBS_ODATA).rstrip("/")
    # RegioS keys are padded to eight characters in the table ('GM0106  '); startswith
    # matches the key whatever its padding, and no other key starts with a GM code.
    regio = " or ".join(f"startswith(RegioS,'{code}')" for code in sorted(region.codes))
    query = urllib.parse.urlencode({"$filter": regio, "$format": "json"}, quote_via=urllib.parse.quote)
    return f"{base}/{urllib.parse.quote(tabel)}/TypedDataSet?{query}"


def _get(url: str) -> dict:
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            body = response.read()
    except urllib.error.HTTPError as e:
        raise OphalenMislukt(f"CBS antwoordde met HTTP {e.code} ({e.reason}) op {url}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise OphalenMislukt(f"CBS open data niet bereikbaar ({reason}); probeer het later "
                             "opnieuw, of download de tabel op de website") from None
    try:
        doc = json.loads(body)
    except ValueError:
        raise OphalenMislukt(f"CBS gaf geen JSON terug op {url}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("value"), list):
        raise OphalenMislukt(f'CBS gaf geen OData-antwoord ({{"value": [...]}}) op {url}')
    return doc


def ophalen(out_dir: Path, region: Region, tabel: str = DEFAULT_TABLE, base: str | None = None,
            vandaag: date | None = None) -> tuple[Path, int]:
    """Write `cbs_<vandaag>.json` into out_dir; returns the file and its number of records."""
    url: str | None = table_url(tabel, region, base)
    first: dict | None = None
    records: list = []
    for _ in range(MAX_PAGES):
        if url is None:
            break
        doc = _get(url)
        first = first or doc
        records.extend(doc["value"])
        url = doc.get("odata.nextLink")
    else:
        raise OphalenMislukt(f"CBS bleef naar een volgende pagina verwijzen (meer dan {MAX_PAGES})")
    if not records:
        raise OphalenMislukt(f"CBS-tabel {tabel} bevat geen cijfers voor de gemeenten van regio "
                             f"{region.naam}")
    out = {k: v for k, v in first.items() if k not in ("value", "odata.nextLink")}
    out["value"] = records
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"cbs_{(vandaag or date.today()):%Y%m%d}.json"
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, target)   # a delivery never holds half a file
    return target, len(records)
