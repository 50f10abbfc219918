# Two commands: `make run` and `make test`. Both start from nothing.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8050
WAREHOUSE ?= data/warehouse.duckdb
SAMPLE ?= data/sample

.PHONY: run test bench venv warehouse sample lint clean plotly

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

venv: $(VENV)/.installed

# The partial Plotly bundle and the regenerator runtime that replaces Dash's polyfill
# (dashboard/levering.py): plotly.js, regenerator-runtime and esbuild exactly as pinned in
# plotly-bundel/package-lock.json, from the npm registry. Without npm the app serves Dash's full
# Plotly bundle and its polyfill.
PLOTLY_BUNDEL := dashboard/vendor/plotly-bwmo.min.js
$(PLOTLY_BUNDEL): plotly-bundel/package-lock.json plotly-bundel/entry.js
	@if command -v npm >/dev/null 2>&1; then \
		cd plotly-bundel && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && npm run --silent build; \
	else echo "npm ontbreekt: de volledige plotly.min.js wordt geserveerd (zie plotly-bundel/README.md)"; fi

plotly: $(PLOTLY_BUNDEL)

$(SAMPLE)/.written: | $(VENV)/.installed
	$(PY) -m etl sample $(SAMPLE)
	touch $@

sample: $(SAMPLE)/.written

# Build the sample warehouse only when none exists: a real deployment's warehouse is never overwritten.
# The demo accounts (README, "Access and privacy") come only with the sample warehouse.
$(WAREHOUSE): | $(SAMPLE)/.written
	$(PY) -m etl load $(SAMPLE) --warehouse $(WAREHOUSE)
	BWMO_WAREHOUSE=$(WAREHOUSE) $(PY) -m dashboard.auth.users demo

warehouse: $(WAREHOUSE)

run: $(VENV)/.installed $(PLOTLY_BUNDEL) $(WAREHOUSE)
	BWMO_WAREHOUSE=$(WAREHOUSE) $(VENV)/bin/gunicorn app:server --config gunicorn.conf.py --bind 127.0.0.1:$(PORT)

test: $(VENV)/.installed $(PLOTLY_BUNDEL)
	$(PY) -m pytest -q

bench: $(VENV)/.installed $(PLOTLY_BUNDEL)
	$(PY) -m bench

lint: $(VENV)/.installed
	$(PY) -m ruff check .

clean:
	rm -rf $(VENV) data plotly-bundel/node_modules $(PLOTLY_BUNDEL) dashboard/vendor/regenerator-runtime.min.js
