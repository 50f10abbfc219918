"""What the browser downloads, and how: compression, cache headers and the Plotly bundle.

- Compression: flask-compress on every text response (HTML, JSON callbacks, JS, CSS), brotli or
  zstd where the browser offers it, gzip otherwise. The JavaScript bundles are compressed once per
  worker and kept (they are fixed files); a page or callback response is compressed per request
  and never kept, since it holds one viewer's figures.
- Cache headers: a Dash bundle with a fingerprint in its URL (version and file time, e.g.
  `dash_core_components.v4_4_1m1764580000.js`) and an asset carrying Dash's `?m=<mtime>` never
  change under that URL, so they are `public, max-age=31536000, immutable`: package code and the
  project's own CSS/JS, no data, the same for every viewer. Everything else keeps the
  `no-store` of dashboard/auth/headers.py (figures must not linger in a shared browser).
- Plotly: Dash loads the full plotly.min.js (4.8 MB, every trace type). The monitor draws only
  bar, scatter, heatmap, sankey and waterfall; `make plotly` builds that partial bundle from the
  plotly.js npm package pinned in plotly-bundel/package-lock.json (esbuild; plotly-bundel/README.md)
  into dashboard/vendor/. Without it (no npm on a machine) the full bundle is served, with a warning.
- Scripts no page needs are not loaded (`laat_ongebruikte_scripts_weg`): dash_table's bundle (the
  monitor builds its tables as HTML) and Babel's polyfill (core-js 2 for browsers before 2017,
  99 kB, replacing native `String.prototype.trim` and others with slower copies). Of that polyfill
  Dash's bundles only need `regeneratorRuntime` (their lazy-component loader is compiled to it);
  `make plotly` builds the regenerator-runtime package pinned in the same lock file into
  dashboard/vendor/, and that small file takes the polyfill's place. Without it the polyfill stays.
"""
from __future__ import annotations

import logging
from pathlib import Path

from flask import request

log = logging.getLogger(__name__)

HIER = Path(__file__).resolve().parent
PLOTLY_BUNDEL = "plotly-bwmo.min.js"
PLOTLY_VOLLEDIG = "package_data/plotly.min.js"
REGENERATOR = "regenerator-runtime.min.js"
POLYFILL = "deps/polyfill@"  # Dash's @babel/polyfill (prefix: the version follows)
VENDOR_NAMESPACE = "dashboard.vendor"

# The trace types the monitor draws (dashboard/figures/); the partial bundle holds exactly these.
# tests/dashboard/test_levering.py checks every figure the views build against this list.
TRACE_TYPES = ("bar", "scatter", "heatmap", "sankey", "waterfall")

ONVERANDERLIJK = "public, max-age=31536000, immutable"
SUITES = "/_dash-component-suites/"
ASSETS = "/assets/"
COMPRESSIE_CACHE_MAX = 64  # fixed files only; about twenty bundles exist


def plotly_bundel_pad() -> Path:
    return HIER / "vendor" / PLOTLY_BUNDEL


def gebruik_partiele_plotly() -> bool:
    """Serve the partial Plotly bundle instead of Dash's full one, when it was built.

    dcc.Graph uses `window.Plotly` when it is there, and only otherwise loads the script at
    `window._dashPlotlyJSURL` (an unversioned URL of the full bundle, set by Dash's renderer).
    So the partial bundle becomes an ordinary script of the page, with a fingerprinted URL
    (cached for a year) that the browser fetches in parallel with Dash's own bundles, instead
    of after the first graph has mounted. The full bundle stays servable (dynamic: registered,
    not loaded) for that fallback. Dash appends its plotly entry to dcc's resource list on every
    Dash() it makes; this rewrites the list each time. Returns whether the partial bundle is in use."""
    from dash import dcc
    if not plotly_bundel_pad().exists():
        log.warning("gedeeltelijke Plotly-bundel ontbreekt (%s); de volledige plotly.min.js wordt geserveerd. "
                    "Bouw hem met `make plotly`.", plotly_bundel_pad())
        return False
    eigen = {"relative_package_path": PLOTLY_BUNDEL, "namespace": VENDOR_NAMESPACE}
    volledig = {"relative_package_path": PLOTLY_VOLLEDIG, "namespace": "plotly", "dynamic": True}
    rest = [r for r in dcc._js_dist if r.get("relative_package_path") not in (PLOTLY_VOLLEDIG, PLOTLY_BUNDEL)]
    dcc._js_dist[:] = [*rest, eigen, volledig]
    return True


# dcc's chunks that every page of the monitor needs: the filter pane's dropdowns are in the shell,
# and every figure page has graphs
VOORAF_GELADEN_CHUNKS = ("dcc/async-dropdown.js", "dcc/async-graph.js")


def laad_chunks_vooraf() -> list[str]:
    """Load dcc's dropdown and graph chunks as ordinary scripts of the page; returns them.

    dcc loads a component's code (a webpack chunk) when the first such component mounts: the
    dropdown chunk after the shell has rendered, the graph chunk after the page callback's answer
    has rendered, each one more round trip before anything can be drawn (the first visit's chain
    in `make bench` showed them as the last scripts, after the page callback). As ordinary
    scripts they are fetched in parallel with Dash's bundles, with a fingerprinted URL cached for a
    year; webpack finds them installed and fetches nothing later (what Dash's eager_loading does
    for every chunk, of which the monitor needs these two: 47 kB unpacked). Rewrites dcc's list
    in place, like the functions above."""
    from dash import dcc
    vooraf = []
    for r in dcc._js_dist:
        if r.get("relative_package_path") in VOORAF_GELADEN_CHUNKS and r.get("async"):
            r.pop("async")
            vooraf.append(r["relative_package_path"])
    return vooraf


def regenerator_pad() -> Path:
    return HIER / "vendor" / REGENERATOR


def laat_ongebruikte_scripts_weg() -> list[str]:
    """Keep out of the page the scripts none of its components needs; returns what was left out.

    - dash_table's bundle: no page uses a DataTable (tables are HTML, dashboard/components/tabel.py;
      tests/dashboard/test_levering.py walks every page and fails on one). It stays registered
      (dynamic: servable, not loaded); a page with a DataTable would need it loaded again.
    - Babel's polyfill, when the regenerator runtime was built: the supported browsers (current
      Edge, Chrome, Firefox, Safari; docs/security.md) have every ES2015-2017 feature natively,
      and the polyfill's only global Dash's bundles use is `regeneratorRuntime`, which the small
      file defines. It goes first, where the polyfill was: before React and every Dash bundle.
    Dash reads these module-level lists on every page render; this rewrites them in place, so a
    second create_app() finds them already done."""
    from dash import _dash_renderer, dash_table
    weg = []
    for r in dash_table._js_dist:
        if r.get("relative_package_path", "").endswith("/bundle.js") and not r.get("dynamic"):
            r["dynamic"] = True
            weg.append("dash_table/bundle.js")
    if not regenerator_pad().exists():
        log.warning("regenerator-runtime ontbreekt (%s); Dash's polyfill wordt geladen. Bouw hem met `make plotly`.",
                    regenerator_pad())
        return weg
    deps = _dash_renderer._js_dist_dependencies
    for dep in deps:
        paden = dep.get("relative_package_path")
        if not isinstance(paden, dict):
            continue
        for modus, lijst in paden.items():
            kort = [p for p in lijst if not p.startswith(POLYFILL)]
            if len(kort) < len(lijst):
                weg.append(f"{modus}: " + ", ".join(p for p in lijst if p.startswith(POLYFILL)))
            paden[modus] = kort
        urls = dep.get("external_url")
        if isinstance(urls, dict):
            for modus, lijst in urls.items():
                urls[modus] = [u for u in lijst if "/polyfill" not in u]
    if not any(d.get("relative_package_path") == REGENERATOR for d in deps):
        deps.insert(0, {"relative_package_path": REGENERATOR, "namespace": VENDOR_NAMESPACE})
    return weg


def _versievast() -> bool:
    """True when the URL names one fixed version of the file (so it may be cached forever)."""
    if request.path.startswith(SUITES):
        from dash.fingerprint import check_fingerprint
        return check_fingerprint(request.path.rsplit("/", 1)[-1])[1]
    if request.path.startswith(ASSETS):
        return bool(request.args.get("m"))
    return False


def cache_headers(response):
    """after_request: versioned static files are cached for a year; others revalidate."""
    if response.status_code in (200, 304) and request.path.startswith((SUITES, ASSETS)):
        response.headers["Cache-Control"] = ONVERANDERLIJK if _versievast() else "no-cache"
    return response


def _cache_sleutel(req) -> str:
    """The compression-cache key: only a versioned static file gets one ("" = do not keep)."""
    if req.method == "GET" and req.path.startswith((SUITES, ASSETS)) and _versievast():
        return req.full_path
    return ""


class _StatischeCache:
    """flask-compress's cache backend, for fixed files only: keys without a path (responses
    with one viewer's data) are never stored or looked up."""

    def __init__(self) -> None:
        self.data: dict[str, bytes] = {}

    def get(self, key: str) -> bytes | None:
        return None if key.endswith(";") else self.data.get(key)

    def set(self, key: str, value: bytes) -> None:
        if not key.endswith(";") and len(self.data) < COMPRESSIE_CACHE_MAX:
            self.data[key] = value


def install(server) -> None:
    """Compression and cache headers on the Flask server, after auth.install (Flask runs
    after_request hooks last-registered first: the security headers' `no-store` for pages is
    set after these, and never touches the static paths)."""
    from flask_compress import Compress
    server.after_request(cache_headers)
    server.config.update(
        COMPRESS_ALGORITHM=["br", "gzip"],  # brotli for current browsers, gzip for the rest
        COMPRESS_ALGORITHM_STREAMING=["br", "deflate"],
        COMPRESS_BR_LEVEL=5,   # the bundles are compressed once per worker; callbacks per request
        COMPRESS_LEVEL=6,
        COMPRESS_MIN_SIZE=500,
        COMPRESS_CACHE_KEY=_cache_sleutel,
        COMPRESS_CACHE_BACKEND=_StatischeCache,
    )
    Compress(server)
