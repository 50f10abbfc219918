"""gunicorn settings for the dashboard. Two cores: 2 workers x 8 threads (README "Serving many users").

Bind: $BIND if set, else $HOST:$PORT with defaults 127.0.0.1 and 8050 (behind a reverse proxy,
set HOST=0.0.0.0 only when the proxy needs it).
No preload: DuckDB connections are opened lazily in each worker (after the fork), one per thread.
"""
import os

bind = os.environ.get("BIND") or f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
# 8, not 4: with the render cache a page answer costs ~3 ms of CPU, and a thread is held longer by
# writing it to a client that reads slowly than by making it. Measured with bench/load_bench.py at
# 8 and 32 clients (BENCHMARKS.md): 8 threads served more pages per second with a lower p95 than 4
# in every paired round; 16 was not clearly better than 8.
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
preload_app = False
timeout = 60
graceful_timeout = 20
keepalive = 5
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info")
# One JSON object per line (time, level, logger, message, warehouse_versie), for the error log
# (stderr, with the app's own loggers) and the access log (stdout). See dashboard/health.py.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "dashboard.health.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"},
        "error_console": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"},
    },
    "root": {"level": loglevel.upper(), "handlers": ["error_console"]},
    "loggers": {
        "gunicorn.error": {"level": loglevel.upper(), "handlers": ["error_console"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["console"], "propagate": False},
    },
}


def on_starting(server):
    """A render cache shared by this server's workers (dashboard/rendercache.py): a fresh file per
    start, made here in the master before the fork, so every worker inherits its path and new
    code never serves pages that old code rendered. Set BWMO_RENDER_CACHE to choose the file."""
    if not os.environ.get("BWMO_RENDER_CACHE"):
        import tempfile
        map_ = tempfile.mkdtemp(prefix="bwmo-render-")
        os.environ["BWMO_RENDER_CACHE"] = os.path.join(map_, "pagina.sqlite")
        server.bwmo_render_map = map_


def on_exit(server):
    map_ = getattr(server, "bwmo_render_map", None)
    if map_:
        import shutil
        shutil.rmtree(map_, ignore_errors=True)


def post_worker_init(worker):
    """Let Dash finish its one-time setup before the worker's threads serve requests; then start
    the thread that warms the render cache after each publish."""
    from dashboard.app import warm_up
    from dashboard.rendercache import start_opwarmer
    warm_up(worker.wsgi)
    start_opwarmer(worker.wsgi)
