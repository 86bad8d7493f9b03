# Transitions — the two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint unit bench system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## run: install, create/migrate the default database, seed the demo hospital, open the app
run: system-deps $(STAMP)
	$(BIN)/transitions --seed-demo-if-empty

## system-deps: Debian packages that headless Qt and the PDF checks need
system-deps:
	@bash packaging/system-deps.sh

## lint: ruff, mypy (strict on transitions/), import-linter layering contracts
lint: $(STAMP)
	$(BIN)/ruff check transitions ui tests benchmarks
	$(BIN)/ruff format --check transitions ui tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

## test: everything CI runs — system packages, lint, the whole suite
test: system-deps $(STAMP) lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python -m benchmarks.demo_scale --patients 100000 --postgres

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
